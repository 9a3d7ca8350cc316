//! A property test over generated hostile inputs, on stable Rust (no
//! nightly, so no cargo-fuzz): a seeded generator mixes fragments that
//! stress the parser (quotation marks, brackets, datelines, HTML tags,
//! non-ASCII and control characters, very long tokens, random characters)
//! and every input goes through the whole pipeline as text
//! (`corpus::parse_guarded`) and as an HTML page, as text and as bytes
//! (`html::input`). For each it checks that nothing panicked, that every
//! offset of the record lies within the text (offsets are code points, so
//! never off a character boundary) with start ≤ end, and that no input takes
//! longer than a time cap (a watchdog aborts the run on a hang, naming the
//! input).
//!
//! `cargo test` runs a short version; a long run:
//!
//!     FUZZ_ITERATIONS=1000000 FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use newsents::corpus::parse_guarded;
use newsents::html::{self, Page};
use newsents::pipeline::{Input, Options};
use newsents::record::Article;

/// Pieces of text the generator strings together.
const FRAGMENTS: &[&str] = &[
    "\"", "“", "”", "‘", "’", "'", "''", "``", "«", "»", "„", "(", ")", "[", "]", "{", "}", "((((", "))))",
    "KYIV, Ukraine (Reuters) — ", "MOSCOW, May 12 (AP) - ", "By Jane Smith and John Doe\n", "Updated 5:08 PM ET, Mon May 12, 2025\n",
    "Photo: Reuters/Getty Images\n", "<p>", "</p>", "<h1>", "</h1>", "<script>var x = 1;</script>", "<!--", "-->", "<br>", "<a href=\"x\">",
    "<meta property=\"article:published_time\" content=\"2025-05-12T17:08:00Z\">", "<title>Talks</title>", "&amp;", "&#x2019;", "&#99999999;",
    "Vladimir Putin said", " Mr. Putin ", "Erdoğan", "U.S.", "U.N.", "Inc.", "Sen. ", "the Federal Ministry Of Foreign Affairs",
    "on 12 March 2024", "last Tuesday", "3/4/2025", "2025-05-12T17:08:00+01:00", "$1,234,567.89", "45.5%", "10-12 km", "4:30 p.m.",
    "99999999999999999999999999", "said.", " said ", ", ", ". ", "? ", "! ", "...", "…", "—", " ", "  ", "\t", "\n", "\n\n", "\r\n",
    "\u{0}", "\u{7}", "\u{1b}", "\u{feff}", "\u{200b}", "\u{fffd}", "\u{301}", "é", "ß", "İ", "ǅ", "𝔘", "😀", "日本語", "مرحبا", "Ⅻ",
    "# Heading\n", "**Bold**: ", "- item\n", "http://example.com/a?b=c", "a@b.c", "’s", "n’t", "-", "&", "_",
];

/// A small, seeded xorshift generator: runs are reproducible.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A text of up to `fragments` pieces: fragments, random characters and
    /// now and then a very long token.
    fn text(&mut self, fragments: usize) -> String {
        let mut text = String::new();
        for _ in 0..1 + self.below(fragments) {
            match self.below(10) {
                0 => text.extend((0..1 + self.below(8)).filter_map(|_| char::from_u32(self.next() as u32 % 0x3_0000))),
                1 => text.extend((0..1 + self.below(8)).map(|_| (b' ' + self.below(95) as u8) as char)),
                2 if self.below(20) == 0 => {
                    let piece = FRAGMENTS[self.below(FRAGMENTS.len())];
                    text.push_str(&piece.repeat(200 + self.below(2000)));
                }
                _ => text.push_str(FRAGMENTS[self.below(FRAGMENTS.len())]),
            }
        }
        text
    }
}

/// What is wrong with a record of a text of `length` code points, if anything.
fn problems(article: &Article) -> Vec<String> {
    let length = article.text.chars().count();
    let mut spans: Vec<(&str, usize, usize)> = Vec::new();
    spans.extend(article.paragraphs.iter().map(|s| ("paragraph", s.start, s.end)));
    spans.extend(article.sentences.iter().map(|s| ("sentence", s.start, s.end)));
    spans.extend(article.captions.iter().map(|c| ("caption", c.start, c.end)));
    spans.extend(article.mentions.iter().map(|m| ("mention", m.start, m.end)));
    spans.extend(article.quotes.iter().map(|q| ("quote", q.start, q.end)));
    spans.extend(article.quotes.iter().filter_map(|q| q.speaker_span).map(|(s, e)| ("speaker", s, e)));
    spans.extend(article.temporal.iter().map(|t| ("temporal", t.start, t.end)));
    spans.extend(article.quantities.iter().map(|q| ("quantity", q.start, q.end)));
    spans.extend(article.entities.iter().flat_map(|e| e.mentions.iter().map(|&(s, e)| ("entity mention", s, e))));
    let mut found: Vec<String> = spans
        .into_iter()
        .filter(|&(_, start, end)| start > end || end > length)
        .map(|(what, start, end)| format!("{what} {start}..{end} outside the text of {length} code points"))
        .collect();
    found.extend(article.errors.iter().filter(|e| e.starts_with("internal error")).cloned());
    found.extend(article.mentions.iter().filter(|m| m.entity >= article.entities.len()).map(|m| format!("mention {m:?} names no entity")));
    found
}

/// Parses `iterations` generated inputs from `seed`; returns the findings.
fn fuzz(seed: u64, iterations: u64, cap: Duration) -> Vec<String> {
    let options = Options::default();
    let mut generator = Generator(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let started = Arc::new(AtomicU64::new(u64::MAX));
    let watched = started.clone();
    let clock = Instant::now();
    // The watchdog: an input still running after ten caps is a hang.
    std::thread::spawn(move || loop {
        std::thread::sleep(cap);
        let since = watched.load(Ordering::Relaxed);
        if since != u64::MAX && clock.elapsed().as_millis() as u64 > since + 10 * cap.as_millis() as u64 {
            eprintln!("fuzz: an input has run for over {:?} (seed {seed}): a hang", 10 * cap);
            std::process::abort();
        }
    });
    // The first parse loads the tagger and the word lists: not timed.
    parse_guarded(Input::new("Warm up."), &options);
    let mut findings = Vec::new();
    for iteration in 0..iterations {
        let text = generator.text(if iteration % 100 == 0 { 400 } else { 40 });
        let as_html = generator.below(4) == 0;
        let as_bytes = generator.below(2) == 0;
        let begin = Instant::now();
        started.store(clock.elapsed().as_millis() as u64, Ordering::Relaxed);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let input = if !as_html {
                Input::new(text.clone())
            } else if as_bytes {
                let mut bytes = text.clone().into_bytes();
                if let Some(at) = (!bytes.is_empty()).then(|| iteration as usize % bytes.len()) {
                    bytes[at] = 0xff; // damaged UTF-8 as well
                }
                html::input(Page::Bytes(&bytes), None, None)
            } else {
                html::input(Page::Text(&text), None, None)
            };
            parse_guarded(input, &options)
        }));
        started.store(u64::MAX, Ordering::Relaxed);
        let elapsed = begin.elapsed();
        let mut found = match outcome {
            Ok(article) => problems(&article),
            Err(_) => vec!["panic outside the guarded parse".to_string()],
        };
        if elapsed > cap {
            found.push(format!("took {elapsed:?}"));
        }
        for problem in found {
            findings.push(format!("seed {seed}, iteration {iteration}, html {as_html}, bytes {as_bytes}: {problem}\n  input: {text:?}"));
        }
    }
    findings
}

#[test]
fn generated_hostile_inputs_parse_without_panics_bad_offsets_or_hangs() {
    let iterations = std::env::var("FUZZ_ITERATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(300);
    let seed = std::env::var("FUZZ_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or(20_261_205);
    let cap = Duration::from_secs(if cfg!(debug_assertions) { 30 } else { 5 });
    let clock = Instant::now();
    let findings = fuzz(seed, iterations, cap);
    eprintln!("fuzz: {iterations} inputs from seed {seed} in {:.1?}, {} findings", clock.elapsed(), findings.len());
    assert!(findings.is_empty(), "{}", findings.join("\n"));
}
