//! Token features for the tagger, hashed into a fixed number of buckets.
//!
//! Per token: the word, its lower case, long and short shape, prefixes and
//! suffixes, the words and shapes around it, its place in the sentence,
//! gazetteer hits covering it and its neighbours, and what the rest of the
//! article says about the word (seen in lower case elsewhere, seen
//! capitalised mid-sentence elsewhere), which settles sentence-initial and
//! all-capitals headline words.

use std::borrow::Cow;
use std::hash::Hasher as _;

use super::gazetteer::{Gazetteer, Match};
use crate::fxhash::{FxHashMap, FxHashSet, FxHasher};

/// Features of one sentence: token `i` has `buckets[starts[i]..starts[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub struct SentenceFeatures {
    pub starts: Vec<usize>,
    pub buckets: Vec<u32>,
    /// A hash of each token's lower-cased word, the key of [`History`].
    pub word_keys: Vec<u64>,
}

/// The labels the tagger has given each word so far in a document
/// (Ratinov and Roth's prediction history): word key → count per label,
/// slot 0 for outside any name.
#[derive(Default)]
pub struct History {
    counts: FxHashMap<u64, Vec<u16>>,
}

impl History {
    /// Remembers the labels of a tagged sentence; `labels[i]` is 0 for O,
    /// else 1 + the label's index.
    pub fn record(&mut self, features: &SentenceFeatures, labels: &[usize], n_labels: usize) {
        for (&key, &label) in features.word_keys.iter().zip(labels) {
            let counts = self.counts.entry(key).or_insert_with(|| vec![0; n_labels + 1]);
            if let Some(c) = counts.get_mut(label) {
                *c = c.saturating_add(1);
            }
        }
    }
}

impl SentenceFeatures {
    /// These features plus, for each word seen before in the document, the
    /// label it was given most often and whether that was unanimous.
    pub fn with_history(&self, history: &History, bits: u32) -> SentenceFeatures {
        let mut h = Hasher { mask: (1u64 << bits) - 1, out: Vec::with_capacity(self.buckets.len() + 2 * self.len()) };
        let mut starts = Vec::with_capacity(self.starts.len());
        for t in 0..self.len() {
            starts.push(h.out.len());
            h.out.extend_from_slice(self.token(t));
            if let Some(counts) = history.counts.get(&self.word_keys[t]) {
                let (best, &n) = counts.iter().enumerate().max_by_key(|&(label, &n)| (n, std::cmp::Reverse(label))).expect("labels");
                let total: u16 = counts.iter().sum();
                let best = best.to_string();
                h.add("hist", &[&best]);
                h.add("hist,unanimous", &[&best, if n == total { "y" } else { "n" }]);
            }
        }
        starts.push(h.out.len());
        SentenceFeatures { starts, buckets: h.out, word_keys: self.word_keys.clone() }
    }

    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn token(&self, i: usize) -> &[u32] {
        &self.buckets[self.starts[i]..self.starts[i + 1]]
    }
}

/// Words as the tagger sees them: typographic quotes, apostrophes and
/// dashes in the ASCII forms of its training data.
pub fn normalise_word(word: &str) -> Cow<'_, str> {
    if word.is_ascii() || !word.contains(['’', '‘', '‛', '′', '“', '”', '„', '«', '»', '—', '―', '–', '‑', '‐', '…']) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(word.chars()
        .map(|c| match c {
            '’' | '‘' | '‛' | '′' => "'".to_string(),
            '“' | '”' | '„' | '«' | '»' => "\"".to_string(),
            '—' | '―' => "--".to_string(),
            '–' | '‑' | '‐' => "-".to_string(),
            '…' => "...".to_string(),
            _ => c.to_string(),
        })
        .collect())
}

/// What the whole document says about its words.
struct DocumentContext {
    /// Lower-cased words seen in lower case.
    seen_lower: FxHashSet<String>,
    /// Words seen capitalised (not all capitals) away from the start of a sentence.
    seen_capitalised: FxHashSet<String>,
}

impl DocumentContext {
    fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> Self {
        let mut seen_lower = FxHashSet::default();
        let mut seen_capitalised = FxHashSet::default();
        for sentence in sentences {
            for (i, word) in sentence.iter().enumerate() {
                let word = word.as_ref();
                let first = word.chars().next().unwrap_or(' ');
                if first.is_lowercase() {
                    seen_lower.insert(word.to_string());
                } else if first.is_uppercase() && i > 0 && !is_all_caps(word) {
                    seen_capitalised.insert(word.to_lowercase());
                }
            }
        }
        DocumentContext { seen_lower, seen_capitalised }
    }
}

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// Shape: `Putin` → `Xxxxx`, `U.S.` → `X.X.`, `1996-08-22` → `dddd-dd-dd`.
fn long_shape(word: &str) -> String {
    word.chars()
        .take(12)
        .map(|c| {
            if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_ascii_digit() {
                'd'
            } else {
                c
            }
        })
        .collect()
}

/// Shape with runs collapsed: `Xxxxx` → `Xx`.
fn short_shape(long: &str) -> String {
    let mut out = String::new();
    for c in long.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Hashes feature strings into buckets (Fx over 8-byte words, a final
/// avalanche, then the low bits).
struct Hasher {
    mask: u64,
    out: Vec<u32>,
}

impl Hasher {
    fn add(&mut self, template: &str, parts: &[&str]) {
        let mut h = FxHasher::default();
        h.write(template.as_bytes());
        for part in parts {
            h.write_u8(0x1f);
            h.write(part.as_bytes());
        }
        // Avalanche so that the low bits depend on every byte.
        let mut x = h.finish();
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        self.out.push((x & self.mask) as u32);
    }
}

/// Features of every sentence of one document.
pub fn document_features<S: AsRef<str>>(sentences: &[Vec<S>], gazetteer: &Gazetteer, bits: u32) -> Vec<SentenceFeatures> {
    let context = DocumentContext::new(sentences);
    sentences.iter().map(|s| sentence_features(s, &gazetteer.find(s), &context, bits)).collect()
}

fn sentence_features<S: AsRef<str>>(words: &[S], matches: &[Match], context: &DocumentContext, bits: u32) -> SentenceFeatures {
    let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    let n = words.len();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let long: Vec<String> = words.iter().map(|w| long_shape(w)).collect();
    let short: Vec<String> = long.iter().map(|s| short_shape(s)).collect();
    let caps_sentence = words.iter().filter(|w| is_all_caps(w)).count() * 2 > words.iter().filter(|w| w.chars().any(char::is_alphabetic)).count().max(1);
    fn at(v: &[String], i: isize) -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= v.len() {
            "</s>"
        } else {
            &v[i as usize]
        }
    }
    let word_keys = lower
        .iter()
        .map(|w| {
            let mut key = FxHasher::default();
            key.write(w.as_bytes());
            key.finish()
        })
        .collect();
    let mut features = SentenceFeatures { starts: Vec::with_capacity(n + 1), buckets: Vec::with_capacity(n * 48), word_keys };
    let mut h = Hasher { mask: (1u64 << bits) - 1, out: Vec::with_capacity(n * 48) };
    for i in 0..n {
        features.starts.push(h.out.len());
        let k = i as isize;
        let word = words[i];
        let low = &lower[i];
        h.add("bias", &[]);
        h.add("w", &[word]);
        h.add("lw", &[low]);
        h.add("shape", &[&long[i]]);
        h.add("sshape", &[&short[i]]);
        for (end, c) in low.char_indices().take(4) {
            h.add("pre", &[&low[..end + c.len_utf8()]]);
        }
        for (start, _) in low.char_indices().rev().take(4) {
            h.add("suf", &[&low[start..]]);
        }
        h.add("lw-1", &[at(&lower, k - 1)]);
        h.add("lw+1", &[at(&lower, k + 1)]);
        h.add("lw-2", &[at(&lower, k - 2)]);
        h.add("lw+2", &[at(&lower, k + 2)]);
        h.add("lw-1,lw", &[at(&lower, k - 1), low]);
        h.add("lw,lw+1", &[low, at(&lower, k + 1)]);
        h.add("ss-1,ss", &[at(&short, k - 1), &short[i]]);
        h.add("ss,ss+1", &[&short[i], at(&short, k + 1)]);
        h.add("ss-1,ss,ss+1", &[at(&short, k - 1), &short[i], at(&short, k + 1)]);
        h.add("sshape-1", &[at(&short, k - 1)]);
        h.add("sshape+1", &[at(&short, k + 1)]);
        if i == 0 {
            h.add("first", &[&short[i]]);
        }
        if caps_sentence {
            h.add("caps-sentence,lw", &[low]);
        }
        let first = word.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            let lower_elsewhere = context.seen_lower.contains(low.as_str());
            let capitalised_elsewhere = context.seen_capitalised.contains(low.as_str());
            h.add("doc-case", &[if lower_elsewhere { "lower" } else { "-" }, if capitalised_elsewhere { "cap" } else { "-" }, if i == 0 || caps_sentence { "initial" } else { "mid" }]);
        }
        for m in matches.iter().filter(|m| m.start <= i && i < m.end) {
            let position = match (m.end - m.start, i - m.start) {
                (1, _) => "U",
                (_, 0) => "B",
                (len, k) if k + 1 == len => "L",
                _ => "I",
            };
            h.add("gaz", &[m.kind.code(), position]);
            h.add("gaz,shape", &[m.kind.code(), position, &short[i]]);
        }
        for m in matches.iter().filter(|m| m.end == i) {
            h.add("gaz-before", &[m.kind.code()]);
        }
        for m in matches.iter().filter(|m| m.start == i + 1) {
            h.add("gaz-after", &[m.kind.code()]);
        }
    }
    features.starts.push(h.out.len());
    features.buckets = h.out;
    features
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_normalisation() {
        assert_eq!(long_shape("Putin"), "Xxxxx");
        assert_eq!(short_shape(&long_shape("U.S.")), "X.X.");
        assert_eq!(short_shape(&long_shape("1996-08-22")), "d-d-d");
        assert_eq!(normalise_word("Putin’s"), "Putin's");
        assert!(matches!(normalise_word("Erdoğan"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_token_gets_features_in_range() {
        let gazetteer = Gazetteer::from_tsv("Kyiv\tcity\n");
        let sentences = vec![vec!["Mr.".to_string(), "Zelensky".to_string(), "visited".to_string(), "Kyiv".to_string()]];
        let features = document_features(&sentences, &gazetteer, 16);
        assert_eq!(features[0].len(), 4);
        assert!(features[0].buckets.iter().all(|&b| b < 1 << 16));
        assert!(features[0].token(3).len() > features[0].token(2).len());
    }
}
