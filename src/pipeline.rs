//! One article through every stage, each reading the [`Doc`] and adding its
//! layer: text → article structure → tokens and sentences → dates, times
//! and numbers → entity mentions → entities → quotations → the record with
//! code-point offsets.

use std::sync::Arc;

use crate::article;
use crate::doc::{Doc, Given};
use crate::ner::{self, model::Model, UserEntities};
use crate::record::Article;
use crate::{quantities, quotes, resolve, temporal, text};

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

/// An article to parse, with what the caller knows about it: `given`
/// fields override what the parser infers from the text.
#[derive(Clone, Debug, Default)]
pub struct Input {
    pub text: String,
    pub id: Option<String>,
    pub given: Given,
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

/// Parses one article: builds its [`Doc`], runs every stage on it in turn,
/// and builds the record from it.
pub fn parse(input: Input, options: &Options) -> Article {
    crate::tune_allocator();
    let Input { text, id, given, mut errors } = input;
    let id = id.unwrap_or_else(|| content_id(&text));
    let unreadable = if text.len() > u32::MAX as usize {
        Some(format!("text too long: {} bytes, over the 4 GiB an article may have", text.len()))
    } else {
        looks_binary(&text).then(|| "binary data: the input does not look like text".to_string())
    };
    if let Some(problem) = unreadable {
        errors.push(format!("{problem}, so no structure was read"));
        return Article { id, url: given.url, errors, text, ..Article::default() };
    }
    let mut doc = Doc { id, text, given, errors, ..Doc::default() };
    article::annotate(&mut doc);
    text::annotate(&mut doc);
    temporal::annotate(&mut doc);
    quantities::annotate(&mut doc);
    ner::annotate(&mut doc, &options.model, &options.entities);
    resolve::annotate(&mut doc);
    quotes::annotate(&mut doc);
    Article::from(doc)
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
    use crate::record::Span;

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

    /// `unit` `times` times, a blank line after every `per_paragraph`.
    fn repeated(unit: &str, times: usize, per_paragraph: usize) -> String {
        (0..times).map(|i| if (i + 1) % per_paragraph == 0 { format!("{unit}\n\n") } else { unit.to_string() }).collect()
    }

    // Small versions of the shapes of bench/bench_hostile.py: right output,
    // whatever the shape (their time is the benchmark's business).
    #[test]
    fn many_quotation_marks_give_every_passage() {
        for unit in ["\"We will not back down,\" Smith said. \"Never.\" ", "“We will not back down,” Smith said. “Never.” "] {
            let article = parse(Input::new(repeated(unit, 120, 6)), &Options::default());
            let quoted: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
            assert_eq!(quoted.len(), 240, "{unit}");
            assert!(quoted.chunks(2).all(|pair| pair == ["We will not back down,", "Never."]), "{quoted:?}");
        }
    }

    #[test]
    fn a_name_repeated_is_one_entity() {
        let article = parse(Input::new(repeated("Vladimir Putin said. Mr. Putin met Angela Merkel in Berlin. ", 300, 4)), &Options::default());
        let putin = article.entities.iter().find(|e| e.key == "vladimir putin").expect("Putin");
        assert_eq!(putin.mentions.len(), 600);
        assert_eq!(article.entities.iter().filter(|e| e.label == "PERSON").count(), 2);
    }

    #[test]
    fn unbroken_and_unbalanced_texts_keep_their_offsets() {
        let texts = [
            repeated("The minister said the plan would work in Moscow. ", 3000, usize::MAX),
            repeated("(Smith said [that {", 2000, usize::MAX) + &"}]) ".repeat(2000),
            repeated("He said \"the talks “will go on and she ‘left. \"Then ", 400, 8),
            "Putin\n".repeat(5000),
            repeated("The Federal Ministry Of Foreign Affairs Berlin ", 600, 200),
            repeated("On 12 March 2024 the fund paid $1,234,567,890.12 and 99999999999999999999999 euros. ", 200, 5),
        ];
        for text in texts {
            let length = text.chars().count();
            let article = parse(Input::new(text), &Options::default());
            let spans = article.sentences.iter().chain(&article.paragraphs);
            assert!(spans.clone().all(|s| s.start <= s.end && s.end <= length));
            assert!(article.mentions.iter().all(|m| m.start < m.end && m.end <= length));
            assert!(article.errors.iter().all(|e| !e.starts_with("internal error")), "{:?}", article.errors);
        }
    }

    #[test]
    fn a_name_ending_inside_a_hyphenated_word_is_no_speaker_and_no_panic() {
        // Found by tests/fuzz.rs (seed 151): the tagger reads `Erdoğan-led` as
        // `Erdoğan - led`, so the name ends inside a text token.
        for text in ["Erdoğan-led talks: “We will go on.”", "Erdoğan-the said: “We will go on.”"] {
            let article = parse(Input::new(text), &Options::default());
            assert!(article.errors.is_empty(), "{:?}", article.errors);
            assert_eq!(article.quotes.len(), 1, "{text}");
        }
    }

    #[test]
    fn fuzz_finding_full_stop_words_before_a_link_do_not_panic() {
        // Found by tests/fuzz.rs (seed 8, iteration 11816).
        let text = "(#_=^w!qkSen. </p>&#99999999;  <!--日本語)said.- item\nsaid.http://example.com/a?b=cمرحبا\u{fffd}U.S.„\u{feff}...<meta property=\"article:published_time\" content=\"2025-05-12T17:08:00Z\"><!--\u{ec6e}稶읂-->\t<meta property=\"article:published_time\" content=\"2025-05-12T17:08:00Z\">45.5%😀";
        let article = parse(Input::new(text), &Options::default());
        assert!(article.errors.iter().all(|e| !e.starts_with("internal error")), "{:?}", article.errors);
    }

    #[test]
    fn caller_fields_override_and_bad_dates_are_reported() {
        let mut input = Input::new("Body text.");
        input.given.published = Some("31 February 2025".into());
        input.given.outlet = Some("Reuters".into());
        let article = parse(input, &Options::default());
        assert_eq!(article.outlet.as_deref(), Some("Reuters"));
        assert_eq!(article.published, None);
        assert!(article.errors[0].starts_with("published:"));
    }
}
