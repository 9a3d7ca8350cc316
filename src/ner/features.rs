//! Token features for the tagger, hashed into a fixed number of buckets.
//!
//! Per token: the word, its lower case, long and short shape, prefixes and
//! suffixes, its word clusters and type prior ([`super::clusters`]), how
//! often the word is printed capitalised in a large corpus and its cased
//! Brown cluster, the words, shapes and clusters around it, its place in
//! the sentence, gazetteer hits covering it and its neighbours, and what the rest of the
//! article says about the word (seen in lower case elsewhere, seen
//! capitalised mid-sentence elsewhere, the words beside it elsewhere), which
//! settles sentence-initial and all-capitals headline words; the corpus's
//! casing settles them when the article does not (`Apple said` opening a
//! one-sentence text).

use std::borrow::Cow;

use super::clusters::{WordCasing, WordClass, WORD_CASING, WORD_CLUSTERS};
use super::spelling::SPELLING;
use crate::lexicon::gazetteer::{Gazetteer, Match};
use crate::text::{ascii_lower, lower_case};
use crate::fxhash::{hash_str, FxHashMap, FxHashSet, SEED};

/// Features of one sentence: token `i` has `buckets[starts[i]..starts[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub struct SentenceFeatures {
    pub starts: Vec<usize>,
    pub buckets: Vec<u32>,
    /// A hash of each token's lower-cased word, the key of [`History`].
    pub word_keys: Vec<u64>,
    /// From [`context_features`], which leaves each token's own features
    /// out of `buckets`: where the tagger keeps their summed weights (see
    /// `Model::tag_words`); empty when `buckets` hold every feature.
    pub word_rows: Vec<u32>,
    /// From [`ContextFeatures`], which leaves out the features of each
    /// token's aggregated context: the tokens that have one and its key.
    pub aggregates: Vec<(u32, AggregateKey)>,
}

/// The labels the tagger has given each word so far in a document
/// (Ratinov and Roth's prediction history): word key → count per label,
/// slot 0 for outside any name.
#[derive(Default)]
pub struct History {
    words: FxHashMap<u64, LabelCounts>,
}

/// Label slots a history keeps: O and up to 15 labels (the model's limit).
const MAX_SLOTS: usize = 16;

/// How often a word was given each label, with the most frequent label
/// (the lowest slot among equals) and the total kept as the counts change.
#[derive(Default)]
struct LabelCounts {
    counts: [u16; MAX_SLOTS],
    best: usize,
    /// The sum of `counts`, wrapping as a `u16` sum does.
    total: u16,
}

impl LabelCounts {
    fn add(&mut self, label: usize) {
        let Some(count) = self.counts.get_mut(label) else { return };
        if *count == u16::MAX {
            return;
        }
        *count += 1;
        self.total = self.total.wrapping_add(1);
        let (n, best) = (*count, self.counts[self.best]);
        if n > best || (n == best && label < self.best) {
            self.best = label;
        }
    }
}

impl History {
    /// Remembers the labels of a tagged sentence; `labels[i]` is 0 for O,
    /// else 1 + the label's index.
    pub fn record(&mut self, features: &SentenceFeatures, labels: &[usize]) {
        for (&key, &label) in features.word_keys.iter().zip(labels) {
            self.words.entry(key).or_default().add(label);
        }
    }
}

impl SentenceFeatures {
    /// The history features of these tokens (added to them when decoding):
    /// for each word seen before in the document, the label it was given
    /// most often and whether that was unanimous.
    pub fn history_features(&self, history: &History, bits: u32) -> SentenceFeatures {
        let mut h = Hasher { mask: (1u64 << bits) - 1, out: Vec::with_capacity(2 * self.len()) };
        let mut starts = Vec::with_capacity(self.starts.len());
        for t in 0..self.len() {
            starts.push(h.out.len());
            if let Some(word) = history.words.get(&self.word_keys[t]) {
                let best = word.best as u64;
                h.add(const { seed("hist") }, &[best]);
                h.add(const { seed("hist,unanimous") }, &[best, (word.counts[word.best] == word.total) as u64]);
            }
        }
        starts.push(h.out.len());
        SentenceFeatures { starts, buckets: h.out, ..SentenceFeatures::default() }
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

/// What the whole document says about its words, by the hash of their
/// lower case ([`lower_case_hash`]).
struct DocumentContext {
    /// Words seen in lower case.
    seen_lower: FxHashSet<u64>,
    /// Words seen capitalised (not all capitals) away from the start of a sentence.
    seen_capitalised: FxHashSet<u64>,
    /// The words found one and two places before and after each repeated
    /// capitalised word but honorifics and titles (Ratinov and Roth's
    /// context aggregation): `Putin` in a headline learns from `Mr. Putin`
    /// and `Putin said` in the body.
    neighbours: FxHashMap<u64, Vec<Neighbour>>,
}

/// Where a neighbour stands from the word, in [`Neighbour::side`] order.
const NEIGHBOUR_OFFSETS: [isize; 4] = [-1, 1, -2, 2];

/// A distinct word seen beside a repeated word: its side (an index of
/// [`NEIGHBOUR_OFFSETS`]), its keys and how often.
#[derive(Clone, Copy)]
struct Neighbour {
    side: usize,
    keys: WordKeys,
    count: u32,
}

impl Neighbour {
    /// Distinct neighbours kept a side, so that a word repeated throughout a
    /// text costs the same per occurrence as any other.
    const MAX_A_SIDE: usize = 8;

    /// The features a neighbour seen at another occurrence gives the word:
    /// its lower case, and for the words next to it their cluster too.
    fn add_features(&self, h: &mut Hasher) {
        const LOWER: [u64; 4] = [seed("agg-1"), seed("agg+1"), seed("agg-2"), seed("agg+2")];
        const CLUSTER: [u64; 2] = [seed("aggc-1"), seed("aggc+1")];
        h.add(LOWER[self.side], &[self.keys.lower]);
        if let Some(&template) = CLUSTER.get(self.side) {
            h.add(template, &[self.keys.class.map_or(u64::MAX, |c| c.clusters[1] as u64)]);
        }
    }
}

/// The aggregated context of one occurrence of a repeated word: the word,
/// and which of its neighbours (bits of their indices) stand only at this
/// occurrence and so are left out. Occurrences with the same key have the
/// same features, which a tagger may sum once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AggregateKey {
    pub word: u64,
    /// Bit `i` set: neighbour `i` is left out.
    pub left_out: u32,
}

impl DocumentContext {
    /// From the document's words and their keys (`key(k, i)`: word `i` of sentence `k`).
    fn new<S: AsRef<str>>(sentences: &[Vec<S>], key: impl Fn(usize, usize) -> WordKeys) -> Self {
        let mut seen_lower = FxHashSet::default();
        let mut seen_capitalised = FxHashSet::default();
        let mut capitalised_count: FxHashMap<u64, u32> = FxHashMap::default();
        for (k, sentence) in sentences.iter().enumerate() {
            for (i, word) in sentence.iter().enumerate() {
                let word = word.as_ref();
                let first = word.chars().next().unwrap_or(' ');
                if first.is_lowercase() {
                    seen_lower.insert(key(k, i).lower);
                } else if first.is_uppercase() {
                    if i > 0 && !is_all_caps(word) {
                        seen_capitalised.insert(key(k, i).lower);
                    }
                    *capitalised_count.entry(key(k, i).lower).or_default() += 1;
                }
            }
        }
        // Only a word met twice has neighbours elsewhere.
        let mut neighbours: FxHashMap<u64, Vec<Neighbour>> = FxHashMap::default();
        for (k, sentence) in sentences.iter().enumerate() {
            for i in 0..sentence.len() {
                let word = sentence[i].as_ref();
                if !word.starts_with(char::is_uppercase) || super::is_honorific_or_title(word) {
                    continue;
                }
                let lower = key(k, i).lower;
                if capitalised_count.get(&lower).is_none_or(|&n| n < 2) {
                    continue;
                }
                let list = neighbours.entry(lower).or_default();
                for (side, offset) in NEIGHBOUR_OFFSETS.iter().enumerate() {
                    let Some(j) = i.checked_add_signed(*offset).filter(|&j| j < sentence.len()) else { continue };
                    let keys = key(k, j);
                    if let Some(seen) = list.iter_mut().find(|n| n.side == side && n.keys.lower == keys.lower) {
                        seen.count += 1;
                    } else if list.iter().filter(|n| n.side == side).count() < Neighbour::MAX_A_SIDE {
                        list.push(Neighbour { side, keys, count: 1 });
                    }
                }
            }
        }
        DocumentContext { seen_lower, seen_capitalised, neighbours }
    }

    /// The aggregated context of the capitalised word `i` of a sentence
    /// (its words' lower-case hashes), if it has neighbours elsewhere.
    fn aggregate_key(&self, lower_hash: &[u64], i: usize) -> Option<AggregateKey> {
        let word = lower_hash[i];
        let list = self.neighbours.get(&word)?;
        let mut left_out = 0u32;
        for (index, n) in list.iter().enumerate() {
            let own = i.checked_add_signed(NEIGHBOUR_OFFSETS[n.side]).and_then(|j| lower_hash.get(j));
            if n.count == 1 && own == Some(&n.keys.lower) {
                left_out |= 1 << index;
            }
        }
        (left_out.count_ones() < list.len() as u32).then_some(AggregateKey { word, left_out })
    }

    /// The features of an aggregated context.
    fn add_aggregate_features(&self, key: AggregateKey, h: &mut Hasher) {
        for (index, n) in self.neighbours[&key.word].iter().enumerate() {
            if key.left_out & (1 << index) == 0 {
                n.add_features(h);
            }
        }
    }
}

/// The hash of a word's lower case, without allocating for words already in it.
pub fn lower_case_hash(word: &str) -> u64 {
    match ascii_lower(word, &mut [0; 32]) {
        Some(lower) => hash_str(lower),
        None => hash_str(&lower_case(word)),
    }
}

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// A word shape of at most 12 characters, kept on the stack.
#[derive(Clone, Copy)]
struct Shape {
    bytes: [u8; 48],
    len: usize,
}

impl Shape {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("shapes are built from chars")
    }

    fn push(&mut self, c: char) {
        self.len += c.encode_utf8(&mut self.bytes[self.len..]).len();
    }

    /// `Putin` → `Xxxxx`, `U.S.` → `X.X.`, `1996-08-22` → `dddd-dd-dd`.
    fn long(word: &str) -> Shape {
        let mut shape = Shape { bytes: [0; 48], len: 0 };
        for c in word.chars().take(12) {
            shape.push(if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_ascii_digit() {
                'd'
            } else {
                c
            });
        }
        shape
    }

    /// Runs collapsed: `Xxxxx` → `Xx`.
    fn short(&self) -> Shape {
        let mut shape = Shape { bytes: [0; 48], len: 0 };
        let mut last = None;
        for c in self.as_str().chars() {
            if last != Some(c) {
                shape.push(c);
            }
            last = Some(c);
        }
        shape
    }
}

/// A template's hash seed, computed at compile time from its name (FNV-1a).
const fn seed(name: &str) -> u64 {
    let bytes = name.as_bytes();
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// Hashes features into buckets. Strings are hashed once each (Fx over
/// 8-byte words, the length folded into the last one); a feature combines its
/// template's seed with the hashes or small codes of its parts, then an
/// avalanche spreads every bit into the low bits kept.
struct Hasher {
    mask: u64,
    out: Vec<u32>,
}

impl Hasher {
    fn add(&mut self, template: u64, parts: &[u64]) {
        let mut h = template;
        for &part in parts {
            h = (h.rotate_left(5) ^ part).wrapping_mul(SEED);
        }
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        self.out.push((h & self.mask) as u32);
    }
}

/// The hashes of one word's strings, which its features combine.
struct WordHashes {
    word: u64,
    lower: u64,
    long_shape: u64,
    short_shape: u64,
    /// The word table's class of the word, or else the one its spelling
    /// suggests ([`SPELLING`]).
    class: Option<WordClass>,
    casing: Option<WordCasing>,
    capitalised: bool,
}

impl WordHashes {
    fn of(word: &str, lower: &str) -> WordHashes {
        let long = Shape::long(word);
        WordHashes {
            word: hash_str(word),
            lower: hash_str(lower),
            long_shape: hash_str(long.as_str()),
            short_shape: hash_str(long.short().as_str()),
            class: WORD_CLUSTERS.get(lower).or_else(|| SPELLING.guess(lower)),
            casing: WORD_CASING.get(lower),
            capitalised: word.starts_with(char::is_uppercase),
        }
    }

    fn keys(&self) -> WordKeys {
        WordKeys { lower: self.lower, short_shape: self.short_shape, class: self.class, casing: self.casing }
    }
}

/// What the features of a token and its neighbours need of its word besides
/// the word's own features: the hashes of its lower case (also the key of
/// [`History`]) and of its short shape, and its word class.
#[derive(Clone, Copy, Debug)]
pub struct WordKeys {
    pub lower: u64,
    pub short_shape: u64,
    pub class: Option<WordClass>,
    pub casing: Option<WordCasing>,
}


/// Where a token's word and lower-case features sit among its features
/// (after the bias), for word dropout in training.
pub const IDENTITY_FEATURES: std::ops::Range<usize> = 1..3;

/// The features of a token that depend on its word alone: bias, word,
/// lower case, shapes, prefixes and suffixes, word clusters and type prior,
/// and how the word is cased in a large corpus with its cased Brown cluster.
fn add_word_features(h: &mut Hasher, lower: &str, hashes: &WordHashes) {
    h.add(const { seed("bias") }, &[]);
    h.add(const { seed("w") }, &[hashes.word]);
    h.add(const { seed("lw") }, &[hashes.lower]);
    h.add(const { seed("shape") }, &[hashes.long_shape]);
    h.add(const { seed("sshape") }, &[hashes.short_shape]);
    for (end, c) in lower.char_indices().take(4) {
        h.add(const { seed("pre") }, &[hash_str(&lower[..end + c.len_utf8()])]);
    }
    for (start, _) in lower.char_indices().rev().take(4) {
        h.add(const { seed("suf") }, &[hash_str(&lower[start..])]);
    }
    match hashes.class {
        Some(class) => {
            let [c64, c512, c4096] = class.clusters.map(u64::from);
            h.add(const { seed("c64") }, &[c64]);
            h.add(const { seed("c512") }, &[c512]);
            h.add(const { seed("c4096") }, &[c4096]);
            h.add(const { seed("prior") }, &[class.prior() as u64]);
        }
        None => h.add(const { seed("c-unknown") }, &[]),
    }
    match hashes.casing {
        Some(casing) => {
            h.add(const { seed("cap") }, &[casing.cap as u64]);
            h.add(const { seed("cap,sshape") }, &[casing.cap as u64, hashes.short_shape]);
            h.add(const { seed("freq") }, &[casing.freq as u64]);
            // Brown clusters are paths from the root: their prefixes are coarser clusters.
            let brown = casing.brown(hashes.capitalised) as u64;
            for bits in [4, 6, 10, 20] {
                h.add(const { seed("brown") }, &[bits, brown & ((1 << bits) - 1)]);
            }
        }
        None => h.add(const { seed("cap-unknown") }, &[]),
    }
}

/// A word's keys and the buckets of its own features, which are the same
/// wherever it occurs (so a tagger may keep their summed weights per word).
pub fn word_features(word: &str, bits: u32) -> (WordKeys, Vec<u32>) {
    let lower = lower_case(word);
    let hashes = WordHashes::of(word, &lower);
    let mut h = Hasher { mask: (1u64 << bits) - 1, out: Vec::with_capacity(13) };
    add_word_features(&mut h, &lower, &hashes);
    (hashes.keys(), h.out)
}

/// Features of every sentence of one document.
pub fn document_features<S: AsRef<str>>(sentences: &[Vec<S>], gazetteer: &Gazetteer, bits: u32) -> Vec<SentenceFeatures> {
    let lower: Vec<Vec<Cow<str>>> = sentences.iter().map(|s| s.iter().map(|w| lower_case(w.as_ref())).collect()).collect();
    let hashes: Vec<Vec<WordHashes>> = sentences.iter().zip(&lower).map(|(s, l)| s.iter().zip(l).map(|(w, l)| WordHashes::of(w.as_ref(), l)).collect()).collect();
    let keys: Vec<Vec<WordKeys>> = hashes.iter().map(|s| s.iter().map(WordHashes::keys).collect()).collect();
    let context = DocumentContext::new(sentences, |k, i| keys[k][i]);
    (0..sentences.len())
        .map(|k| {
            let own = |i: usize, h: &mut Hasher| add_word_features(h, &lower[k][i], &hashes[k][i]);
            sentence_features(&sentences[k], &keys[k], &gazetteer.find(&sentences[k]), &context, bits, own, Aggregates::Features)
        })
        .collect()
}

/// Whether a token's aggregated context comes as features or as its key.
#[derive(Clone, Copy)]
enum Aggregates {
    Features,
    Keys,
}

/// Like [`document_features`] without the words' own features (see
/// [`word_features`]) nor those of their aggregated context (see
/// [`ContextFeatures::neighbour_features`]), given each token's keys: the
/// features of a sentence made when asked for, so that a tagger going
/// sentence by sentence holds one sentence's features at a time, not the
/// whole document's.
pub struct ContextFeatures<'a, S, K> {
    sentences: &'a [Vec<S>],
    key: K,
    gazetteer: &'a Gazetteer,
    bits: u32,
    context: DocumentContext,
}

impl<'a, S: AsRef<str>, K: Fn(usize, usize) -> WordKeys> ContextFeatures<'a, S, K> {
    /// `key(k, i)`: the keys of word `i` of sentence `k`.
    pub fn new(sentences: &'a [Vec<S>], key: K, gazetteer: &'a Gazetteer, bits: u32) -> Self {
        let context = DocumentContext::new(sentences, &key);
        ContextFeatures { sentences, key, gazetteer, bits, context }
    }

    /// The features of sentence `k`.
    pub fn sentence(&self, k: usize) -> SentenceFeatures {
        let keys: Vec<WordKeys> = (0..self.sentences[k].len()).map(|i| (self.key)(k, i)).collect();
        let matches = self.gazetteer.find(&self.sentences[k]);
        sentence_features(&self.sentences[k], &keys, &matches, &self.context, self.bits, |_, _| {}, Aggregates::Keys)
    }

    /// The features each neighbour of a repeated word gives it, by the
    /// neighbour's index: those of an aggregated context are the features of
    /// every neighbour its key does not leave out.
    pub fn neighbour_features(&self, word: u64) -> Vec<Vec<u32>> {
        let mask = (1u64 << self.bits) - 1;
        let neighbours = self.context.neighbours.get(&word).map_or(&[][..], Vec::as_slice);
        neighbours
            .iter()
            .map(|n| {
                let mut h = Hasher { mask, out: Vec::with_capacity(2) };
                n.add_features(&mut h);
                h.out
            })
            .collect()
    }
}

/// A sentence's features: each token's own features from `word_part`, then
/// those of its context.
fn sentence_features<S: AsRef<str>>(
    words: &[S],
    keys: &[WordKeys],
    matches: &[Match],
    context: &DocumentContext,
    bits: u32,
    mut word_part: impl FnMut(usize, &mut Hasher),
    aggregates: Aggregates,
) -> SentenceFeatures {
    let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    let n = words.len();
    let caps_sentence = words.iter().filter(|w| is_all_caps(w)).count() * 2 > words.iter().filter(|w| w.chars().any(char::is_alphabetic)).count().max(1);
    let lower_hash: Vec<u64> = keys.iter().map(|k| k.lower).collect();
    let short_hash: Vec<u64> = keys.iter().map(|k| k.short_shape).collect();
    let (start, end) = (const { seed("<s>") }, const { seed("</s>") });
    let at = |v: &[u64], i: isize| -> u64 {
        if i < 0 {
            start
        } else {
            v.get(i as usize).copied().unwrap_or(end)
        }
    };
    // A neighbour's cluster at a granularity; beyond the sentence, its start
    // or end; a word the table lacks, a code of its own.
    let cluster = |i: isize, level: usize| match usize::try_from(i).ok().and_then(|i| keys.get(i)) {
        Some(k) => k.class.map_or(u64::MAX, |c| c.clusters[level] as u64),
        None if i < 0 => start,
        None => end,
    };
    let mut h = Hasher { mask: (1u64 << bits) - 1, out: Vec::with_capacity(n * 40) };
    let mut starts = Vec::with_capacity(n + 1);
    let mut aggregate_keys = Vec::new();
    for i in 0..n {
        starts.push(h.out.len());
        word_part(i, &mut h);
        let k = i as isize;
        let (lw, ss) = (lower_hash[i], short_hash[i]);
        h.add(const { seed("lw-1") }, &[at(&lower_hash, k - 1)]);
        h.add(const { seed("lw+1") }, &[at(&lower_hash, k + 1)]);
        h.add(const { seed("lw-2") }, &[at(&lower_hash, k - 2)]);
        h.add(const { seed("lw+2") }, &[at(&lower_hash, k + 2)]);
        h.add(const { seed("lw-1,lw") }, &[at(&lower_hash, k - 1), lw]);
        h.add(const { seed("lw,lw+1") }, &[lw, at(&lower_hash, k + 1)]);
        h.add(const { seed("ss-1,ss") }, &[at(&short_hash, k - 1), ss]);
        h.add(const { seed("ss,ss+1") }, &[ss, at(&short_hash, k + 1)]);
        h.add(const { seed("ss-1,ss,ss+1") }, &[at(&short_hash, k - 1), ss, at(&short_hash, k + 1)]);
        h.add(const { seed("sshape-1") }, &[at(&short_hash, k - 1)]);
        h.add(const { seed("sshape+1") }, &[at(&short_hash, k + 1)]);
        h.add(const { seed("c512-1") }, &[cluster(k - 1, 1)]);
        h.add(const { seed("c512+1") }, &[cluster(k + 1, 1)]);
        h.add(const { seed("c4096-1") }, &[cluster(k - 1, 2)]);
        h.add(const { seed("c4096+1") }, &[cluster(k + 1, 2)]);
        if i == 0 {
            h.add(const { seed("first") }, &[ss]);
        }
        if caps_sentence {
            h.add(const { seed("caps-sentence,lw") }, &[lw]);
        }
        if words[i].starts_with(char::is_uppercase) {
            let lower_elsewhere = context.seen_lower.contains(&lw);
            let capitalised_elsewhere = context.seen_capitalised.contains(&lw);
            let initial = i == 0 || caps_sentence;
            h.add(const { seed("doc-case") }, &[lower_elsewhere as u64, capitalised_elsewhere as u64, initial as u64]);
            let cap = keys[i].casing.map_or(11, |c| c.cap as u64);
            h.add(const { seed("cap,initial") }, &[cap, initial as u64]);
            if let Some(key) = context.aggregate_key(&lower_hash, i) {
                match aggregates {
                    Aggregates::Features => context.add_aggregate_features(key, &mut h),
                    Aggregates::Keys => aggregate_keys.push((i as u32, key)),
                }
            }
        }
        for m in matches.iter().filter(|m| m.start <= i && i < m.end) {
            let position = match (m.end - m.start, i - m.start) {
                (1, _) => 0,
                (_, 0) => 1,
                (len, k) if k + 1 == len => 2,
                _ => 3,
            };
            h.add(const { seed("gaz") }, &[m.kind as u64, position]);
            h.add(const { seed("gaz,shape") }, &[m.kind as u64, position, ss]);
        }
        for m in matches.iter().filter(|m| m.end == i) {
            h.add(const { seed("gaz-before") }, &[m.kind as u64]);
        }
        for m in matches.iter().filter(|m| m.start == i + 1) {
            h.add(const { seed("gaz-after") }, &[m.kind as u64]);
        }
    }
    starts.push(h.out.len());
    SentenceFeatures { starts, buckets: h.out, word_keys: lower_hash, word_rows: Vec::new(), aggregates: aggregate_keys }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_normalisation() {
        assert_eq!(Shape::long("Putin").as_str(), "Xxxxx");
        assert_eq!(Shape::long("U.S.").short().as_str(), "X.X.");
        assert_eq!(Shape::long("1996-08-22").short().as_str(), "d-d-d");
        assert_eq!(Shape::long("Erdoğan’s-longer-than-twelve").as_str(), "Xxxxxxx’x-xx");
        assert_eq!(normalise_word("Putin’s"), "Putin's");
        assert!(matches!(normalise_word("Erdoğan"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_repeated_word_gets_the_words_beside_it_elsewhere() {
        let gazetteer = Gazetteer::from_tsv("");
        let words = |text: &str| text.split(' ').map(str::to_string).collect::<Vec<_>>();
        let headline = vec![words("PUTIN WINS")];
        let article = vec![words("PUTIN WINS"), words("Mr. Putin said so"), words("Putin said no")];
        let alone = document_features(&headline, &gazetteer, 16);
        let full = document_features(&article, &gazetteer, 16);
        // `mr.` and `said` before and after it in the body (with their
        // clusters), `so` and `no` two words after it; not `wins`, its own
        // neighbour, seen nowhere else.
        assert_eq!(full[0].token(0).len(), alone[0].token(0).len() + 6);
        // The tagger's path gives the same features as keys.
        let keys: Vec<Vec<WordKeys>> = article.iter().map(|s| s.iter().map(|w| word_features(w, 16).0).collect()).collect();
        let context = ContextFeatures::new(&article, |k, i| keys[k][i], &gazetteer, 16);
        let headline = context.sentence(0);
        let [(0, key)] = headline.aggregates[..] else { panic!("{:?}", headline.aggregates) };
        let neighbours = context.neighbour_features(key.word);
        let kept: usize = neighbours.iter().enumerate().filter(|(i, _)| key.left_out & (1 << i) == 0).map(|(_, f)| f.len()).sum();
        assert_eq!(kept, 6);
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
