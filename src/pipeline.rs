//! One article through every stage: text → article structure → tokens and
//! sentences → dates, times and numbers → entity mentions → entities →
//! quotations → the record with code-point offsets.

use std::ops::Range;
use std::sync::Arc;

use crate::article::{self, normalise_date, BlockKind, KnownLines, Structure};
use crate::calendar::Date;
use crate::ner::{self, model::Model, Found, UserEntities};
use crate::record::{Article, Caption, Entity, Mention, Quantity, Quote, Sources, Span, Temporal};
use crate::text::{one_line, overlaps_sorted, segment, CharMap, Segmented};
use crate::{quantities, quotes, resolve, temporal};

/// How to parse: shared by every article of a batch.
#[derive(Clone)]
pub struct Options {
    /// The entity tagger.
    pub model: Arc<Model>,
    /// Names the caller fixes, applied before the tagger.
    pub entities: Arc<UserEntities>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            model: ner::DEFAULT_MODEL.clone(),
            entities: Arc::default(),
        }
    }
}

/// An article to parse, with what the caller knows about it. Fields given
/// here override what the parser infers from the text.
#[derive(Clone, Debug, Default)]
pub struct Input {
    pub text: String,
    pub id: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// A headline, authors and dek known from elsewhere (an HTML page's
    /// metadata); they replace what the text parser finds. Authors known to
    /// be none (a page whose metadata and bylines name none) are
    /// `Some(vec![])`: the page is trusted over bylines in its story text,
    /// which tend to belong to a box or a quoted piece.
    pub headline: Option<String>,
    pub authors: Option<Vec<String>>,
    pub dek: Option<String>,
    /// Lines of the text whose role is known (an HTML page's headline,
    /// headings and `<figcaption>`s).
    pub known: KnownLines,
    /// The encoding the text was read with, when it came as bytes.
    pub encoding: Option<&'static str>,
    /// Problems met before parsing (decoding, reading), kept in the record.
    pub errors: Vec<String>,
}

impl Input {
    pub fn new(text: impl Into<String>) -> Self {
        Input {
            text: text.into(),
            ..Input::default()
        }
    }
}

/// Parses one article.
pub fn parse(input: Input, options: &Options) -> Article {
    let Input {
        text,
        id,
        published,
        outlet,
        url,
        headline,
        authors,
        dek,
        known,
        encoding,
        mut errors,
    } = input;
    let id = id.unwrap_or_else(|| content_id(&text));
    if looks_binary(&text) {
        errors.push(
            "binary data: the input does not look like text, so no structure was read".to_string(),
        );
        return Article {
            id,
            url,
            errors,
            text,
            ..Article::default()
        };
    }
    let blank = text.trim_matches(crate::text::is_space).is_empty();
    // An input that failed before (unreadable, not a JSON record) is empty
    // for the reason its error gives.
    if blank && errors.is_empty() {
        errors.push("empty text: nothing to parse".to_string());
    }
    let structure = article::analyse_known(&text, &known);
    if !blank && structure.paragraphs.is_empty() && errors.is_empty() {
        errors.push(no_story(&structure));
    }
    let published = match published {
        Some(given) => normalise_date(&given).or_else(|| {
            errors.push(format!(
                "published: could not read {given:?} as a date; kept the article's own"
            ));
            structure.published.clone()
        }),
        None => structure.published.clone(),
    };
    let outlet = outlet.or_else(|| structure.outlet.clone());
    let segmented = segment(&text, structure.story.iter().map(|b| &b.range));
    let blocks: Vec<BlockKind> = structure.story.iter().map(|b| b.kind).collect();
    let anchor = published.as_deref().and_then(date_of);
    let times = temporal::find(&text, &segmented, anchor);
    let time_spans: Vec<Range<usize>> = times.iter().map(|t| t.start..t.end).collect();
    let mut numbers = quantities::find(&text, &segmented, &time_spans);
    let mut found = ner::recognise(
        &text,
        &segmented,
        &blocks,
        &options.model,
        &options.entities,
    );
    // A model number in a product's name is the name's (`Boeing 787`), not a cardinal.
    numbers.retain(|q| q.label != "CARDINAL" || !found.iter().any(|f| f.label == "PRODUCT" && f.start <= q.start && q.end <= f.end));
    // Names are neither bylines nor dates and numbers (disjoint ranges).
    let mut not_names: Vec<Range<usize>> = structure
        .bylines
        .iter()
        .cloned()
        .chain(time_spans)
        .chain(numbers.iter().map(|q| q.start..q.end))
        .collect();
    not_names.sort_by_key(|r| r.start);
    found.retain(|f| !overlaps_sorted(&not_names, f.start, f.end));
    let mut record = build_record(&text, &structure, &segmented, &found, times, numbers);
    record.id = id;
    record.published = published;
    record.outlet = outlet;
    record.headline = headline.or(record.headline);
    record.dek = dek.or(record.dek);
    if let Some(authors) = authors {
        record.authors = authors;
    }
    record.url = url;
    record.encoding = encoding.map(str::to_string);
    record.errors = errors;
    record.text = text;
    record
}

/// The record of an analysed text, offsets converted to code points.
fn build_record(
    text: &str,
    structure: &Structure,
    segmented: &Segmented,
    found: &[Found],
    times: Vec<temporal::Found>,
    numbers: Vec<quantities::Found>,
) -> Article {
    let chars = CharMap::new(text);
    let span = |r: &Range<usize>| {
        let (start, end) = chars.char_range(r.start, r.end);
        Span { start, end }
    };
    let sentences = segmented
        .sentences
        .iter()
        .map(|s| span(&segmented.sentence_range(s)))
        .collect();
    let word_count = segmented
        .sentences
        .iter()
        .filter(|s| structure.story[s.block].kind == BlockKind::Paragraph)
        .flat_map(|s| segmented.sentence_tokens(s))
        .filter(|t| t.text(text).chars().any(char::is_alphanumeric))
        .count();
    let (mentions, entities) = resolve::resolve(text, segmented, found, &chars);
    let quotes = find_quotes(
        text, structure, segmented, found, &mentions, &entities, &chars,
    );
    let temporal = times
        .into_iter()
        .map(|t| {
            let (start, end) = chars.char_range(t.start, t.end);
            Temporal {
                text: one_line(&text[t.start..t.end]),
                start,
                end,
                label: t.label.to_string(),
                value: t.value,
                anchored: t.anchored,
            }
        })
        .collect();
    let quantities = numbers
        .into_iter()
        .map(|q| {
            let (start, end) = chars.char_range(q.start, q.end);
            Quantity {
                text: one_line(&text[q.start..q.end]),
                start,
                end,
                label: q.label.to_string(),
                value: q.value,
                unit: q.unit,
            }
        })
        .collect();
    Article {
        headline: structure
            .headline
            .as_ref()
            .map(|r| one_line(&text[r.clone()])),
        dek: structure.dek.as_ref().map(|r| one_line(&text[r.clone()])),
        authors: structure.authors.clone(),
        contributors: structure.contributors.clone(),
        reading_time_minutes: structure.reading_time_minutes,
        captions: structure
            .captions
            .iter()
            .map(|c| {
                let Span { start, end } = span(&c.text);
                Caption {
                    text: one_line(&text[c.text.clone()]),
                    credit: c.credit.as_ref().map(|r| one_line(&text[r.clone()])),
                    start,
                    end,
                }
            })
            .collect(),
        sections: structure
            .sections
            .iter()
            .map(|r| one_line(&text[r.clone()]))
            .collect(),
        boilerplate: structure
            .boilerplate
            .iter()
            .map(|r| text[r.clone()].to_string())
            .collect(),
        body: structure
            .paragraphs
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>()
            .join("\n\n"),
        paragraphs: structure.paragraphs.iter().map(span).collect(),
        sentences,
        mentions,
        entities,
        sources: count_sources(&quotes),
        quotes,
        temporal,
        quantities,
        word_count,
        ..Article::default()
    }
}

/// The quotations of the story's paragraphs, offsets in code points.
fn find_quotes(
    text: &str,
    structure: &Structure,
    segmented: &Segmented,
    found: &[Found],
    mentions: &[Mention],
    entities: &[Entity],
    chars: &CharMap,
) -> Vec<Quote> {
    let story: Vec<(usize, &Range<usize>)> = structure
        .story
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Paragraph)
        .map(|(i, b)| (i, &b.range))
        .collect();
    let paragraphs: Vec<Range<usize>> = story.iter().map(|(_, r)| (*r).clone()).collect();
    let continues: Vec<bool> = story.windows(2).map(|w| w[1].0 == w[0].0 + 1).collect();
    let entity_of: Vec<usize> = mentions.iter().map(|m| m.entity).collect();
    quotes::find(
        text,
        segmented,
        &paragraphs,
        &continues,
        found,
        &entity_of,
        entities,
    )
    .into_iter()
    .map(|q| {
        let (start, end) = chars.char_range(q.start, q.end);
        let (speaker, speaker_entity, speaker_span, anonymous) = match q.speaker {
            Some(s) => (
                s.name,
                s.entity,
                Some(chars.char_range(s.span.start, s.span.end)),
                s.anonymous,
            ),
            None => (None, None, None, false),
        };
        Quote {
            text: q.text,
            start,
            end,
            kind: q.kind.as_str().to_string(),
            speaker,
            speaker_entity,
            speaker_span,
            anonymous,
            cue: q.cue,
        }
    })
    .collect()
}

/// Distinct named and anonymous speakers of the quotes.
fn count_sources(quotes: &[Quote]) -> Sources {
    let mut named = crate::fxhash::FxHashSet::default();
    let mut anonymous = crate::fxhash::FxHashSet::default();
    for q in quotes {
        match (&q.speaker, q.anonymous) {
            (Some(s), true) => anonymous.insert(s.to_lowercase()),
            (Some(s), false) => named.insert(
                q.speaker_entity
                    .map_or_else(|| s.clone(), |e| e.to_string()),
            ),
            (None, _) => false,
        };
    }
    Sources {
        named: named.len(),
        anonymous: anonymous.len(),
    }
}

/// Why a text that is not empty has no words of story: what its lines were
/// read as instead.
fn no_story(structure: &Structure) -> String {
    let count = |n: usize, what: &str| match n {
        0 => None,
        1 => Some(format!("1 {what}")),
        n => Some(format!("{n} {what}s")),
    };
    let held: Vec<String> = [
        count(structure.headline.is_some() as usize, "headline"),
        count(structure.dek.is_some() as usize, "dek"),
        count(structure.captions.len(), "caption"),
        count(structure.sections.len(), "section heading"),
        count(structure.boilerplate.len(), "boilerplate line"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let held = if held.is_empty() {
        "only bylines, datelines and other metadata".to_string()
    } else {
        held.join(", ")
    };
    format!(
        "no story text: no line reads as a paragraph (the text holds {held}); \
         short lines without a full stop read as headlines, headings or links"
    )
}

/// The calendar date of an ISO 8601 date or date-time.
fn date_of(iso: &str) -> Option<Date> {
    let mut parts = iso.get(..10)?.split('-');
    let (y, m, d) = (
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
    );
    Date::new(y, m, d)
}

/// A stable id from the text: 16 hex digits of its FNV-1a hash.
fn content_id(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// Text with many control characters (other than line breaks and tabs),
/// NULs or replacement characters is binary data, not an article.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(8192).collect();
    if sample.is_empty() {
        return false;
    }
    let odd = sample
        .iter()
        .filter(|&&c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || c == '\u{fffd}')
        .count();
    odd * 10 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points_into_the_original_text() {
        let text = "\u{feff}Putin’s Talks Resume\r\n\r\nErdoğan said “yes.” Then he left.\r\n";
        let article = parse(Input::new(text), &Options::default());
        let chars: Vec<char> = text.chars().collect();
        let slice = |s: &Span| chars[s.start..s.end].iter().collect::<String>();
        assert_eq!(article.headline.as_deref(), Some("Putin’s Talks Resume"));
        assert_eq!(
            article.paragraphs.iter().map(slice).collect::<Vec<_>>(),
            ["Erdoğan said “yes.” Then he left."]
        );
        assert_eq!(
            article.sentences.iter().map(slice).collect::<Vec<_>>(),
            [
                "Putin’s Talks Resume",
                "Erdoğan said “yes.”",
                "Then he left."
            ]
        );
        assert_eq!(article.word_count, 6);
    }

    #[test]
    fn bad_input_gives_an_error_entry_not_a_failure() {
        assert!(parse(Input::new(""), &Options::default()).errors[0].starts_with("empty text"));
        let binary: String = (0..2000u32)
            .map(|i| char::from_u32(i % 32).unwrap())
            .collect();
        let article = parse(Input::new(binary), &Options::default());
        assert!(article.errors[0].starts_with("binary data"));
        assert!(article.paragraphs.is_empty());
    }

    #[test]
    fn caller_fields_override_and_bad_dates_are_reported() {
        let mut input = Input::new("Body text.");
        input.published = Some("31 February 2025".into());
        input.outlet = Some("Reuters".into());
        let article = parse(input, &Options::default());
        assert_eq!(article.outlet.as_deref(), Some("Reuters"));
        assert_eq!(article.published, None);
        assert!(article.errors[0].starts_with("published:"));
    }
}
