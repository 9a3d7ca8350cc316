//! The article record (documented in `docs/record.md`, after the shared
//! `ARTICLE_SCHEMA.md`): what every interface (Python objects, JSONL,
//! DataFrames) speaks, built once from the annotated [`Doc`] at the end of
//! the pipeline. Offsets are code-point offsets into the original text, end
//! exclusive.

use std::borrow::Cow;
use std::ops::Range;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::doc::{BlockKind, Doc};
use crate::fxhash::FxHashSet;
use crate::text::{one_line, CharMap};

/// A label or kind as the record holds it: one of the fixed names, shared
/// rather than allocated for each of a corpus's millions of mentions (as
/// spaCy's `label_` reads from its string store), or a caller's own label.
pub type Tag = Cow<'static, str>;

/// One parsed article. Its `body` is not stored but read from the text
/// (see [`Article::body`]): a long article holds its text once.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Article {
    pub id: String,
    pub outlet: Option<String>,
    pub headline: Option<String>,
    pub dek: Option<String>,
    pub authors: Vec<String>,
    pub contributors: Vec<String>,
    /// ISO 8601; a date alone when the text gives no time.
    pub published: Option<String>,
    pub reading_time_minutes: Option<u32>,
    pub captions: Vec<Caption>,
    pub sections: Vec<String>,
    /// Lines of the input that are not part of the story, as printed.
    pub boilerplate: Vec<String>,
    pub paragraphs: Vec<Span>,
    /// Sentences of the story text: headline, dek, captions, section headings and paragraphs.
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub quotes: Vec<Quote>,
    /// How many distinct speakers the quotes have, named and unnamed.
    pub sources: Sources,
    pub temporal: Vec<Temporal>,
    pub quantities: Vec<Quantity>,
    /// Problems met while parsing; the rest of the record is still filled.
    pub errors: Vec<String>,
    /// Words in the body.
    pub word_count: usize,
    pub url: Option<String>,
    /// The encoding the input's bytes were read with (`UTF-8`,
    /// `windows-1252`, ...); null for text given as a string.
    #[serde(default)]
    pub encoding: Option<String>,
    /// The input text the offsets point into.
    pub text: String,
}

impl Article {
    /// The story's paragraphs, separated by blank lines.
    pub fn body(&self) -> String {
        let chars = CharMap::new(&self.text);
        let paragraph = |p: &Span| &self.text[chars.byte_offset(p.start)..chars.byte_offset(p.end)];
        self.paragraphs.iter().map(paragraph).collect::<Vec<_>>().join("\n\n")
    }
}

impl Serialize for Article {
    /// The fields in their order in `docs/record.md`, `body` among them.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Article", 26)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("outlet", &self.outlet)?;
        out.serialize_field("headline", &self.headline)?;
        out.serialize_field("dek", &self.dek)?;
        out.serialize_field("authors", &self.authors)?;
        out.serialize_field("contributors", &self.contributors)?;
        out.serialize_field("published", &self.published)?;
        out.serialize_field("reading_time_minutes", &self.reading_time_minutes)?;
        out.serialize_field("captions", &self.captions)?;
        out.serialize_field("sections", &self.sections)?;
        out.serialize_field("boilerplate", &self.boilerplate)?;
        out.serialize_field("body", &self.body())?;
        out.serialize_field("paragraphs", &self.paragraphs)?;
        out.serialize_field("sentences", &self.sentences)?;
        out.serialize_field("entities", &self.entities)?;
        out.serialize_field("mentions", &self.mentions)?;
        out.serialize_field("quotes", &self.quotes)?;
        out.serialize_field("sources", &self.sources)?;
        out.serialize_field("temporal", &self.temporal)?;
        out.serialize_field("quantities", &self.quantities)?;
        out.serialize_field("errors", &self.errors)?;
        out.serialize_field("word_count", &self.word_count)?;
        out.serialize_field("url", &self.url)?;
        out.serialize_field("encoding", &self.encoding)?;
        out.serialize_field("text", &self.text)?;
        out.end()
    }
}

/// A range of the original text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A photo caption and its credit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Caption {
    pub text: String,
    pub credit: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// One real-world thing named in the article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "newsents", name = "Entity", frozen, get_all))]
pub struct Entity {
    /// Its number in this article (its index in `entities`).
    pub id: usize,
    /// The fullest name the article gives.
    pub name: String,
    /// OntoNotes: `PERSON`, `NORP`, `ORG`, `GPE`, `LOC`, `FAC`, `EVENT`, `LAW`, `PRODUCT`, `WORK_OF_ART`, `LANGUAGE`, or `MISC` for a name typed no further.
    pub label: Tag,
    /// Every form the article uses.
    pub aliases: Vec<String>,
    /// Titles and roles (`President`, `spokesman`).
    pub roles: Vec<String>,
    /// The country or organisation a person belongs to.
    pub affiliation: Option<String>,
    /// Where it is named: start and end of each mention.
    pub mentions: Vec<(usize, usize)>,
    /// Corpus-wide identity: the same key is the same thing in every article.
    pub key: String,
    /// Where a place is; None for what is not a place.
    pub geo: Option<Geo>,
}

/// Where a place is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "newsents", name = "Geo", frozen, get_all))]
pub struct Geo {
    /// Its GeoNames id.
    pub geonameid: u64,
    /// The GeoNames name: `Kyiv` for `Kiev`, `Florida` for `Fla.`.
    #[serde(default)]
    pub name: String,
    /// ISO 3166 country code (`UA`).
    pub country: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// One span of text that names an entity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "newsents", name = "Mention", frozen, get_all))]
pub struct Mention {
    /// Where it starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The text as printed (`Mr. Putin`).
    pub text: String,
    /// Its entity's label.
    pub label: Tag,
    /// Its entity's `id`.
    pub entity: usize,
    /// The index of its sentence in `sentences`.
    pub sentence: usize,
}

/// Words attributed to a speaker.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "newsents", name = "Quote", frozen, get_all))]
pub struct Quote {
    /// What was said, without quotation marks; the pieces of a quote joined by a space when it runs over paragraphs or around its attribution (`The library, she said, will stay open` → `The library will stay open`).
    pub text: String,
    /// Where it starts (its first piece).
    pub start: usize,
    /// Where it ends (exclusive; its last piece).
    pub end: usize,
    /// `direct`, `partial` or `indirect`.
    pub kind: Tag,
    /// The speaker's entity name, or the description of an unnamed source as printed; None when unattributed.
    pub speaker: Option<String>,
    /// The speaker's entity `id`.
    pub speaker_entity: Option<usize>,
    /// Where the speaker is named for this quote (a pronoun resolved to its entity).
    pub speaker_span: Option<(usize, usize)>,
    /// The speaker is an unnamed source.
    pub anonymous: bool,
    /// The reporting verb or phrase (`said`, `according to`).
    pub cue: Option<String>,
}

/// Distinct speakers of an article's quotes: named ones (entities, or
/// names the tagger missed) and anonymous ones (unnamed sources).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sources {
    pub named: usize,
    pub anonymous: usize,
}

/// A date, time or duration with its normalised value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "newsents", name = "Timex", frozen, get_all))]
pub struct Temporal {
    /// The expression as printed.
    pub text: String,
    /// Where it starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub label: Tag,
    /// TIMEX3-style: `2025-05-12`, `2024-08`, `2024-SU`, `P30M`, `2025-05-12T02:00`, `P1W` (a SET), `PRESENT_REF`.
    pub value: Option<String>,
    /// False when a relative expression had no publication date to resolve
    /// against; its value is then underspecified (`XXXX-WXX-1`, `DCT-P1Y`).
    pub anchored: bool,
}

/// Money, a percentage, a quantity or a number with its value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "newsents", name = "Quantity", frozen, get_all))]
pub struct Quantity {
    /// The expression as printed.
    pub text: String,
    /// Where it starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// `MONEY`, `PERCENT`, `QUANTITY`, `CARDINAL` or `ORDINAL`.
    pub label: Tag,
    /// The number (`750000000000.0` for `$750 billion`).
    pub value: Option<f64>,
    /// The currency code or unit (`USD`).
    pub unit: Option<String>,
}

impl From<Doc> for Article {
    /// The record of an annotated document: every layer once, offsets in
    /// code points, the caller's fields over the article's own. Each layer is
    /// moved out of the document and freed once converted, so that a long
    /// article never holds two copies of its largest layer's strings.
    fn from(doc: Doc) -> Article {
        let Doc { id, text, given, structure, published, segmented, times, quantities, mentions, entities, quotes, errors } = doc;
        let chars = CharMap::new(&text);
        let span = |r: &Range<usize>| {
            let (start, end) = chars.char_range(r.start, r.end);
            Span { start, end }
        };
        let line = |r: &Range<usize>| one_line(&text[r.clone()]);
        let sentences = segmented.sentences.iter().map(|s| span(&segmented.sentence_range(s))).collect();
        let word_count = segmented
            .sentences
            .iter()
            .filter(|s| structure.story[s.block].kind == BlockKind::Paragraph)
            .flat_map(|s| segmented.sentence_tokens(s))
            .filter(|t| t.text(&text).chars().any(char::is_alphanumeric))
            .count();
        drop(segmented);
        let mentions: Vec<Mention> = mentions
            .into_iter()
            .map(|m| {
                let Span { start, end } = span(&(m.start..m.end));
                Mention { start, end, text: line(&(m.start..m.end)), label: entities[m.entity].label.tag(), entity: m.entity, sentence: m.sentence }
            })
            .collect();
        let entities = entities
            .into_iter()
            .enumerate()
            .map(|(id, e)| Entity {
                id,
                name: e.name,
                label: e.label.tag(),
                aliases: e.aliases,
                roles: e.roles,
                affiliation: e.affiliation,
                mentions: e.mentions.iter().map(|&m| (mentions[m].start, mentions[m].end)).collect(),
                key: e.key,
                geo: e.place.map(|p| Geo { geonameid: p.geonameid, name: p.name.clone(), country: p.country.clone(), lat: p.lat, lon: p.lon }),
            })
            .collect();
        let quotes: Vec<Quote> = quotes
            .into_iter()
            .map(|q| {
                let Span { start, end } = span(&(q.start..q.end));
                let speaker_span = q.speaker.as_ref().map(|s| chars.char_range(s.span.start, s.span.end));
                let (speaker_entity, anonymous) = q.speaker.as_ref().map_or((None, false), |s| (s.entity, s.anonymous));
                Quote {
                    text: q.text,
                    start,
                    end,
                    kind: Cow::Borrowed(q.kind.as_str()),
                    speaker: q.speaker.and_then(|s| s.name),
                    speaker_entity,
                    speaker_span,
                    anonymous,
                    cue: q.cue,
                }
            })
            .collect();
        let temporal = times
            .into_iter()
            .map(|t| {
                let Span { start, end } = span(&(t.start..t.end));
                Temporal { text: line(&(t.start..t.end)), start, end, label: Cow::Borrowed(t.label), value: t.value, anchored: t.anchored }
            })
            .collect();
        let quantities = quantities
            .into_iter()
            .map(|q| {
                let Span { start, end } = span(&(q.start..q.end));
                Quantity { text: line(&(q.start..q.end)), start, end, label: Cow::Borrowed(q.label), value: q.value, unit: q.unit }
            })
            .collect();
        let captions = structure
            .captions
            .iter()
            .map(|c| {
                let Span { start, end } = span(&c.text);
                Caption { text: line(&c.text), credit: c.credit.as_ref().map(line), start, end }
            })
            .collect();
        Article {
            id,
            outlet: given.outlet.or(structure.outlet),
            headline: given.headline.or_else(|| structure.headline.as_ref().map(line)),
            dek: given.dek.or_else(|| structure.dek.as_ref().map(line)),
            authors: given.authors.unwrap_or(structure.authors),
            contributors: structure.contributors,
            published: published.map(|p| p.iso),
            reading_time_minutes: structure.reading_time_minutes,
            captions,
            sections: structure.sections.iter().map(line).collect(),
            boilerplate: structure.boilerplate.iter().map(|r| text[r.clone()].to_string()).collect(),
            paragraphs: structure.paragraphs.iter().map(span).collect(),
            sentences,
            entities,
            mentions,
            sources: count_sources(&quotes),
            quotes,
            temporal,
            quantities,
            errors,
            word_count,
            url: given.url,
            encoding: given.encoding.map(str::to_string),
            text,
        }
    }
}

/// Distinct named and anonymous speakers of the quotes.
fn count_sources(quotes: &[Quote]) -> Sources {
    let mut named = FxHashSet::default();
    let mut anonymous = FxHashSet::default();
    for q in quotes {
        match (&q.speaker, q.anonymous) {
            (Some(s), true) => anonymous.insert(s.to_lowercase()),
            (Some(s), false) => named.insert(q.speaker_entity.map_or_else(|| s.clone(), |e| e.to_string())),
            (None, _) => false,
        };
    }
    Sources { named: named.len(), anonymous: anonymous.len() }
}
