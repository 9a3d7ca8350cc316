//! The article record (documented in `docs/record.md`, after the shared
//! `ARTICLE_SCHEMA.md`): what every stage fills and every interface
//! (Python objects, JSONL, DataFrames) speaks. Offsets are code-point
//! offsets into the original text, end exclusive.

use serde::{Deserialize, Serialize};

/// One parsed article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    /// The story's paragraphs, separated by blank lines.
    pub body: String,
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
pub struct Entity {
    pub id: usize,
    pub name: String,
    pub label: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub affiliation: Option<String>,
    pub mentions: Vec<(usize, usize)>,
    pub key: String,
    pub geo: Option<Geo>,
}

/// Where a place is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    pub geonameid: u64,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}

/// One span of text that names an entity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: String,
    pub entity: usize,
    pub sentence: usize,
}

/// Words attributed to a speaker.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_entity: Option<usize>,
    pub speaker_span: Option<(usize, usize)>,
    pub anonymous: bool,
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
pub struct Temporal {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// TIMEX3-style: `2025-05-12`, `2024-08`, `2024-SU`, `P30M`, `T02:00`.
    pub value: Option<String>,
    /// False when a relative expression had no publication date to resolve
    /// against; its value is then underspecified (`XXXX-WXX-1`, `DCT-P1Y`).
    pub anchored: bool,
}

/// Money, a percentage, a quantity or a number with its value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
}
