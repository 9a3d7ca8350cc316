//! The line patterns of `data/article_patterns.json`, compiled once.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;

const SOURCE: &str = include_str!("../../data/article_patterns.json");

#[derive(Deserialize)]
struct Raw {
    outlets: Vec<RawOutlet>,
    signatures: Vec<RawSignature>,
    boilerplate: Vec<String>,
    related_labels: Vec<String>,
    photo_credit_markers: Vec<String>,
    caption_credit_prefixes: Vec<String>,
    reading_time: String,
    bylines: Vec<String>,
    byline_in_text: Vec<String>,
    wire_dateline: String,
    plain_dateline: String,
    contributor_lines: Vec<String>,
    name_particles: Vec<String>,
    timezones: HashMap<String, i32>,
    us_timezones_with_dst: HashMap<String, i32>,
}

#[derive(Deserialize)]
struct RawOutlet {
    name: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct RawSignature {
    pattern: String,
    outlet: Option<String>,
}

/// A line that marks an outlet's page; the outlet is fixed or captured.
pub struct Signature {
    pub regex: Regex,
    pub outlet: Option<String>,
}

/// The compiled patterns.
pub struct Patterns {
    /// Lower-cased outlet name or alias → canonical name.
    outlets: HashMap<String, String>,
    pub signatures: Vec<Signature>,
    /// Signatures and boilerplate in one automaton: most lines match
    /// neither, and one pass tells.
    clutter: RegexSet,
    /// The label over a list of links to other stories (`Related stories`),
    /// boilerplate itself and the lines after it in its block.
    related_labels: Regex,
    /// A caption ending in a parenthesised credit.
    pub credit_in_parens: Regex,
    /// A caption ending in `Photograph: credit`.
    pub credit_after_prefix: Regex,
    credit_markers: Regex,
    pub reading_time: Regex,
    pub bylines: Vec<Regex>,
    pub byline_in_text: Vec<Regex>,
    /// The opening of a wire story: `SANTA CLARA, California, Jan. 27, 2025 (AP) —`.
    pub wire_dateline: Regex,
    /// The opening of a story with a dateline and no agency: `FRANKFURT,
    /// Germany, Nov. 25, 2025 —`.
    pub plain_dateline: Regex,
    pub contributor_lines: Vec<Regex>,
    pub name_particles: Vec<String>,
    /// Time-zone abbreviation → minutes east of UTC.
    pub timezones: HashMap<String, i32>,
    /// US zones named without standard/daylight (`ET`): standard offset in minutes.
    pub us_timezones_with_dst: HashMap<String, i32>,
}

fn line_regex(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .unwrap_or_else(|e| panic!("bad pattern in data/article_patterns.json: {pattern}: {e}"))
}

fn alternation(words: &[String]) -> String {
    words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

impl Patterns {
    fn load() -> Patterns {
        let raw: Raw = serde_json::from_str(SOURCE).expect("data/article_patterns.json is valid JSON");
        let mut outlets = HashMap::new();
        for outlet in &raw.outlets {
            for alias in outlet.aliases.iter().chain(std::iter::once(&outlet.name)) {
                outlets.insert(alias.to_lowercase(), outlet.name.clone());
            }
        }
        let prefixes = alternation(&raw.caption_credit_prefixes);
        // The screen runs on every line. Its word boundaries are ASCII ones,
        // which the regex crate's DFA handles on any text; with Unicode ones
        // it falls back to a slower engine on lines with non-ASCII letters or
        // quotes, which most news lines have. The patterns are English words.
        let ascii_boundaries = |p: &String| p.replace(r"\b", r"(?-u:\b)");
        let clutter = RegexSetBuilder::new(raw.signatures.iter().map(|s| &s.pattern).chain(&raw.boilerplate).chain(&raw.related_labels).map(ascii_boundaries))
            .case_insensitive(true)
            .build()
            .expect("data/article_patterns.json patterns compile");
        Patterns {
            clutter,
            related_labels: line_regex(&raw.related_labels.join("|")),
            outlets,
            signatures: raw
                .signatures
                .iter()
                .map(|s| Signature { regex: line_regex(&s.pattern), outlet: s.outlet.clone() })
                .collect(),
            credit_in_parens: Regex::new(r"(?s)^(?P<text>.*\S)\s*\((?P<credit>[^()]+)\)$").unwrap(),
            credit_after_prefix: Regex::new(&format!(
                r"(?s)^(?P<text>.*[.!?”])\s+(?:{prefixes})s?\s*(?:by|:)\s*(?P<credit>[^.]+?)\.?$"
            ))
            .unwrap(),
            credit_markers: Regex::new(&format!(r"\b(?:{})\b", alternation(&raw.photo_credit_markers))).unwrap(),
            reading_time: line_regex(&raw.reading_time),
            bylines: raw.bylines.iter().map(|p| line_regex(p)).collect(),
            byline_in_text: raw.byline_in_text.iter().map(|p| Regex::new(p).unwrap()).collect(),
            wire_dateline: Regex::new(&raw.wire_dateline).unwrap(),
            plain_dateline: Regex::new(&raw.plain_dateline).unwrap(),
            contributor_lines: raw.contributor_lines.iter().map(|p| line_regex(p)).collect(),
            name_particles: raw.name_particles,
            timezones: raw.timezones,
            us_timezones_with_dst: raw.us_timezones_with_dst,
        }
    }

    /// Whether a line may be a signature or boilerplate (then test each).
    pub fn may_be_clutter(&self, line: &str) -> bool {
        self.clutter.is_match(line)
    }

    /// Whether a line labels a list of links to other stories.
    pub fn is_related_label(&self, line: &str) -> bool {
        self.related_labels.is_match(line)
    }

    /// The canonical name of an outlet, given its name or an alias.
    pub fn outlet(&self, name: &str) -> Option<&str> {
        let key = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        self.outlets.get(&key).map(String::as_str)
    }

    /// Whether a parenthesised tail reads as a photo credit.
    pub fn is_photo_credit(&self, credit: &str) -> bool {
        let words = credit.split_whitespace().count();
        words <= 24 && (self.credit_markers.is_match(credit) || credit.contains('/'))
    }
}

/// The patterns, compiled on first use.
pub static PATTERNS: LazyLock<Patterns> = LazyLock::new(Patterns::load);
