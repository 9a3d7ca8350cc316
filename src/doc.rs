//! One annotated document, as spaCy's `Doc`: the text, its article
//! structure, its tokens and sentences computed once, and the layers the
//! stages add, each a list of spans over the same text (byte offsets) or its
//! tokens. Every stage reads the `Doc` and extends it, in the order of
//! [`crate::pipeline`]; the output record is built once, at the end, from it
//! ([`crate::record`]). The layers' types live here, below every stage, so
//! that the stages depend on the document and never on one another's
//! internals.

use std::fmt;
use std::ops::Range;

use crate::calendar::Date;
use crate::lexicon::gazetteer::Place;

/// An article while the stages annotate it.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub id: String,
    pub text: String,
    /// What the caller knows of the article; it overrides what the stages read.
    pub given: Given,
    /// The page's structure and metadata (the article stage), byte ranges.
    pub structure: Structure,
    /// The publication time, the caller's or the article's own, read once.
    pub published: Option<Published>,
    /// Tokens and sentences of the story blocks (the text stage).
    pub segmented: Segmented,
    /// Dates, times and durations (the temporal stage).
    pub times: Vec<Timex>,
    /// Money, percentages, quantities and numbers (the quantities stage).
    pub quantities: Vec<Amount>,
    /// Names (the entity tagger), in text order.
    pub mentions: Vec<Mention>,
    /// One per real-world thing (the resolver); `Mention::entity` points here.
    pub entities: Vec<Entity>,
    /// Who said what (the attribution stage).
    pub quotes: Vec<Quote>,
    /// Problems met; the rest is still annotated.
    pub errors: Vec<String>,
}

/// What the caller knows of an article: each field given replaces what the
/// article stage reads from the text.
#[derive(Clone, Debug, Default)]
pub struct Given {
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// A headline, authors and dek known from elsewhere (an HTML page's
    /// metadata). Authors known to be none are `Some(vec![])`.
    pub headline: Option<String>,
    pub authors: Option<Vec<String>>,
    pub dek: Option<String>,
    /// Lines of the text whose role is known (an HTML page's elements).
    pub known: KnownLines,
    /// The encoding the text was read with, when it came as bytes.
    pub encoding: Option<&'static str>,
}

/// A publication time: ISO 8601 as the record gives it, and its calendar
/// date, which relative dates are resolved against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub iso: String,
    pub date: Option<Date>,
}

impl Published {
    /// From an ISO 8601 date or date-time (as `article::normalise_date` writes them).
    pub fn from_iso(iso: String) -> Published {
        let date = date_of(&iso);
        Published { iso, date }
    }
}

/// The calendar date of an ISO 8601 date or date-time.
fn date_of(iso: &str) -> Option<Date> {
    let mut parts = iso.get(..10)?.split('-');
    let (y, m, d) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    Date::new(y, m, d)
}

/// An entity's kind, OntoNotes' labels as spaCy names them; a label of
/// another tag set (a caller's model, a caller's names) is kept as it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Person,
    Norp,
    Org,
    Gpe,
    Loc,
    Fac,
    Event,
    Law,
    Product,
    WorkOfArt,
    Language,
    Misc,
    Other(Box<str>),
}

impl Label {
    const NAMED: [(Label, &'static str); 12] = [
        (Label::Person, "PERSON"),
        (Label::Norp, "NORP"),
        (Label::Org, "ORG"),
        (Label::Gpe, "GPE"),
        (Label::Loc, "LOC"),
        (Label::Fac, "FAC"),
        (Label::Event, "EVENT"),
        (Label::Law, "LAW"),
        (Label::Product, "PRODUCT"),
        (Label::WorkOfArt, "WORK_OF_ART"),
        (Label::Language, "LANGUAGE"),
        (Label::Misc, "MISC"),
    ];

    pub fn as_str(&self) -> &str {
        match self {
            Label::Other(label) => label,
            named => named.fixed_name(),
        }
    }

    /// The label as the record holds it: a fixed name is shared, not copied.
    pub fn tag(&self) -> crate::record::Tag {
        match self {
            Label::Other(label) => std::borrow::Cow::Owned(label.to_string()),
            named => std::borrow::Cow::Borrowed(named.fixed_name()),
        }
    }

    /// The name of one of the fixed labels ("" for a caller's own).
    fn fixed_name(&self) -> &'static str {
        Label::NAMED.iter().find(|(l, _)| l == self).map_or("", |(_, s)| s)
    }

    /// A label a caller gives a name: one of the fixed labels, or one of the
    /// caller's own in capitals (`DRUG`); CoNLL's and lower-case spellings
    /// of the fixed ones (`PER`, `org`) are errors that name the right one.
    pub fn from_caller(label: &str) -> Result<Label, String> {
        let upper = label.to_uppercase();
        let is_fixed = |name: &str| Label::NAMED.iter().any(|(_, fixed)| *fixed == name);
        let meant = match upper.as_str() {
            "PER" => Some("PERSON".to_string()),
            "LOCATION" => Some("GPE or LOC".to_string()),
            "ORGANIZATION" | "ORGANISATION" => Some("ORG".to_string()),
            name if name != label && is_fixed(name) => Some(upper.clone()),
            _ => None,
        };
        let labels = || Label::NAMED.iter().map(|(_, name)| *name).collect::<Vec<_>>().join(", ");
        if let Some(name) = meant {
            return Err(format!("label {label:?}: newsents names it {name} (the labels are {}; a label of your own is in capitals)", labels()));
        }
        if label.is_empty() || label.chars().any(|c| c.is_lowercase() || c.is_whitespace()) {
            return Err(format!("label {label:?}: a label is one word in capitals, one of {} or your own (DRUG)", labels()));
        }
        Ok(Label::from(label))
    }

    /// A place: GPE, LOC or FAC.
    pub fn is_place(&self) -> bool {
        matches!(self, Label::Gpe | Label::Loc | Label::Fac)
    }
}

impl From<&str> for Label {
    fn from(label: &str) -> Label {
        Label::NAMED.iter().find(|(_, s)| *s == label).map_or_else(|| Label::Other(label.into()), |(l, _)| l.clone())
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name in the text: bytes `start..end`, the story's tokens `tokens`
/// (none when the name is part of a token: `Russian` of `Russian-backed`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub sentence: usize,
    pub tokens: Range<usize>,
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// The entity it names, once resolved.
    pub entity: usize,
}

/// One real-world thing named in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// The majority label of its mentions.
    pub label: Label,
    /// The fullest form the article uses.
    pub name: String,
    /// Every form as printed, one line each, in order of first use.
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub affiliation: Option<String>,
    /// The same in every article: `given surname`, the place's name, the expansion of an acronym; folded.
    pub key: String,
    /// Where a place is.
    pub place: Option<&'static Place>,
    /// Its mentions, as indices into `Doc::mentions`.
    pub mentions: Vec<usize>,
}

// The article layer.

/// The parts of an article, as byte ranges of its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Structure {
    pub outlet: Option<String>,
    pub headline: Option<Range<usize>>,
    pub dek: Option<Range<usize>>,
    pub authors: Vec<String>,
    pub contributors: Vec<String>,
    /// ISO 8601.
    pub published: Option<String>,
    pub reading_time_minutes: Option<u32>,
    pub captions: Vec<CaptionRanges>,
    /// Heading texts, without markdown markers.
    pub sections: Vec<Range<usize>>,
    pub boilerplate: Vec<Range<usize>>,
    pub paragraphs: Vec<Range<usize>>,
    /// The story text in document order: headline, dek, caption texts,
    /// section headings and paragraphs. Later stages read these.
    pub story: Vec<StoryBlock>,
    /// Bylines inside story text (`..., writes Mark Almond.` in a dek):
    /// metadata, not story, so later stages find no names there.
    pub bylines: Vec<Range<usize>>,
    /// The place of a wire story's dateline (`DALLAS` in `DALLAS (AP) —`).
    pub dateline_place: Option<Range<usize>>,
    /// The whole dateline before the story's first words (`DALLAS (AP) —`).
    pub dateline: Option<Range<usize>>,
}

/// One block of story text.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryBlock {
    pub range: Range<usize>,
    pub kind: BlockKind,
}

/// What a block of story text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Headline,
    Dek,
    Caption,
    Section,
    Paragraph,
}

/// A caption and its credit.
#[derive(Clone, Debug, PartialEq)]
pub struct CaptionRanges {
    pub text: Range<usize>,
    pub credit: Option<Range<usize>>,
}

/// Lines whose role the input knows already (an HTML page's elements),
/// each the whole of its line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KnownLines {
    pub headline: Option<Range<usize>>,
    /// Section headings (`<h2>`, ...).
    pub headings: Vec<Range<usize>>,
    /// Photo captions (`<figcaption>`), with their credits.
    pub captions: Vec<CaptionRanges>,
}


// The text layer.

/// A token: a byte range of the text it was cut from (8 bytes, which a
/// long story holds by the million: the pipeline takes texts of up to
/// 4 GiB, so offsets fit in 32 bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
}

impl Token {
    /// The token at bytes `start..end` of a text of at most 4 GiB.
    pub fn new(start: usize, end: usize) -> Token {
        let offset = |at: usize| u32::try_from(at).expect("a text over 4 GiB reached the tokenizer");
        Token { start: offset(start), end: offset(end) }
    }

    /// Where the token starts in the text, in bytes.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the token ends in the text, in bytes.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start()..self.end()]
    }
}

/// Tokens and sentences of a sequence of text blocks, split block by block.
#[derive(Clone, Debug, Default)]
pub struct Segmented {
    pub tokens: Vec<Token>,
    pub sentences: Vec<BlockSentence>,
}

/// A sentence: its tokens `first_token..end_token` and the block it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockSentence {
    pub first_token: usize,
    pub end_token: usize,
    pub block: usize,
}

impl Segmented {
    /// Byte range of a sentence.
    pub fn sentence_range(&self, s: &BlockSentence) -> Range<usize> {
        self.tokens[s.first_token].start()..self.tokens[s.end_token - 1].end()
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, s: &BlockSentence) -> &[Token] {
        &self.tokens[s.first_token..s.end_token]
    }
}


// The temporal and quantities layers.

/// A date, time or duration (the temporal layer): bytes `start..end` of the
/// text, TIMEX3 label and value.
#[derive(Clone, Debug, PartialEq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
    pub value: Option<String>,
    /// Whether the value was fixed by the anchor (or needed none).
    pub anchored: bool,
}


/// Money, a percentage, a quantity or a number (the quantities layer):
/// bytes `start..end` of the text, its value and unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
    pub value: Option<f64>,
    pub unit: Option<String>,
}


// The attribution layer.

/// What a quotation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The entity's name, or the description as printed for an unnamed
    /// source; none for a pronoun whose person the article does not name.
    pub name: Option<String>,
    pub entity: Option<usize>,
    /// Bytes where the speaker is named for this quotation (for a pronoun, the pronoun).
    pub span: Range<usize>,
    pub anonymous: bool,
}

/// A quotation and who said it (the attribution layer), in bytes of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quoted words, one line: the pieces of a quote that runs over
    /// paragraphs or around its attribution joined by a space.
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase, as printed.
    pub cue: Option<String>,
}


impl Doc {
    /// The byte range of a sentence.
    pub fn sentence_range(&self, sentence: usize) -> Range<usize> {
        self.segmented.sentence_range(&self.segmented.sentences[sentence])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_callers_label_is_checked() {
        assert_eq!(Label::from_caller("ORG"), Ok(Label::Org));
        assert_eq!(Label::from_caller("DRUG"), Ok(Label::Other("DRUG".into())));
        assert!(Label::from_caller("PER").unwrap_err().contains("PERSON"));
        assert!(Label::from_caller("org").unwrap_err().contains("names it ORG"));
        assert!(Label::from_caller("banana").unwrap_err().contains("in capitals"));
    }

    #[test]
    fn labels_read_and_print_as_spacy_names_them() {
        assert_eq!(Label::from("PERSON"), Label::Person);
        assert_eq!(Label::from("WORK_OF_ART").as_str(), "WORK_OF_ART");
        assert_eq!(Label::from("DRUG"), Label::Other("DRUG".into()));
        assert_eq!(Label::from("DRUG").to_string(), "DRUG");
        assert!(Label::Fac.is_place() && !Label::Org.is_place());
    }

    #[test]
    fn published_keeps_its_iso_form_and_date() {
        let p = Published::from_iso("2025-05-12T17:08:00+01:00".into());
        assert_eq!(p.date, Date::new(2025, 5, 12));
        assert_eq!(Published::from_iso("sometime".into()).date, None);
    }
}
