//! The tagger: an averaged structured perceptron over BILOU tags with
//! hashed features and Viterbi decoding under BILOU constraints.
//!
//! Tag `0` is `O`; label `l` has tags `1 + 4l + {0: B, 1: I, 2: L, 3: U}`.
//! Weights are one row of `n_tags` values per feature bucket, so scoring a
//! token adds one contiguous row per feature.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use super::conll::TagSpan;
use super::features::{word_features, AggregateKey, ContextFeatures, History, SentenceFeatures, WordKeys};
use crate::lexicon::gazetteer::Gazetteer;
use crate::fxhash::{hash_str, FxHashMap};

/// Version 2: features include the document's prediction history.
const MAGIC: &[u8; 6] = b"NSNER\x02";

/// A trained tagger.
#[derive(Clone, Debug)]
pub struct Model {
    /// Tells models apart for the per-thread word score cache.
    id: u64,
    /// Entity labels as in the training data (`LOC`, `MISC`, `ORG`, `PER`).
    pub labels: Vec<String>,
    /// Feature buckets are `1 << bits`.
    pub bits: u32,
    /// Quantised weights, `(1 << bits) * n_tags`; multiply by `scale`.
    weights: Vec<i16>,
    scale: f32,
    /// `(n_tags + 1) * n_tags`: row `prev` (row `n_tags` is the sentence start), column `next`.
    transitions: Vec<f32>,
    /// `transitions` as decoding reads them.
    constrained: Transitions,
}

impl PartialEq for Model {
    fn eq(&self, other: &Model) -> bool {
        (&self.labels, self.bits, &self.weights, self.scale, &self.transitions) == (&other.labels, other.bits, &other.weights, other.scale, &other.transitions)
    }
}

fn next_model_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Words a thread has tagged, with their keys and the summed weights of
/// their own features under one model. News repeats its words, so most
/// tokens find their word here and skip a dozen features. Words are known
/// by a 64-bit hash: two words of 100,000 share one with odds of about one
/// in two billion, far rarer than the feature buckets' own collisions.
#[derive(Default)]
struct WordScores {
    model: u64,
    /// Word hash → the word's slot.
    slots: FxHashMap<u64, u32>,
    /// Each slot's keys.
    keys: Vec<WordKeys>,
    /// `n_tags` scores per slot.
    scores: Vec<i32>,
}

/// Words kept per thread before the cache starts afresh (about 10 MB).
const WORD_CACHE_LIMIT: usize = 100_000;

thread_local! {
    static WORD_SCORES: RefCell<WordScores> = RefCell::default();
}

/// The B, I, L and U tag of a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

pub fn n_tags(labels: usize) -> usize {
    1 + 4 * labels
}

fn tag_of(label: usize, part: Part) -> usize {
    1 + 4 * label + part as usize
}

fn part_of(tag: usize) -> Option<(usize, Part)> {
    (tag > 0).then(|| {
        let part = match (tag - 1) % 4 {
            0 => Part::Begin,
            1 => Part::Inside,
            2 => Part::Last,
            _ => Part::Unit,
        };
        ((tag - 1) / 4, part)
    })
}

/// Whether `next` may follow `prev` (`None` = sentence start) in BILOU.
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    let open = prev.and_then(part_of).filter(|(_, p)| matches!(p, Part::Begin | Part::Inside));
    match (open, part_of(next)) {
        (Some((label, _)), Some((next_label, Part::Inside | Part::Last))) => label == next_label,
        (Some(_), _) => false,
        (None, None) => true,
        (None, Some((_, part))) => matches!(part, Part::Begin | Part::Unit),
    }
}

/// Whether a sentence may end on `tag`.
fn may_end(tag: usize) -> bool {
    !matches!(part_of(tag), Some((_, Part::Begin | Part::Inside)))
}

/// Each tag's label slot: 0 for O, else 1 + the label's index.
pub fn label_slots(tags: &[usize]) -> Vec<usize> {
    tags.iter().map(|&t| part_of(t).map_or(0, |(label, _)| label + 1)).collect()
}

/// BILOU tags for spans over `len` words.
pub fn tags_from_spans(spans: &[TagSpan], labels: &[String], len: usize) -> Vec<usize> {
    let mut tags = vec![0; len];
    for span in spans {
        let Some(label) = labels.iter().position(|l| *l == span.label) else { continue };
        if span.end - span.start == 1 {
            tags[span.start] = tag_of(label, Part::Unit);
            continue;
        }
        for (k, tag) in tags[span.start..span.end].iter_mut().enumerate() {
            *tag = tag_of(label, if k == 0 { Part::Begin } else { Part::Inside });
        }
        tags[span.end - 1] = tag_of(label, Part::Last);
    }
    tags
}

/// Every tag of the labels at `labels` (indices into the model's labels), as a bit mask.
pub fn label_mask(labels: impl IntoIterator<Item = usize>) -> u64 {
    labels.into_iter().fold(0, |mask, label| mask | [Part::Begin, Part::Inside, Part::Last, Part::Unit].iter().fold(0, |m, &p| m | 1 << tag_of(label, p)))
}

/// Spans from a valid BILOU tag sequence.
pub fn spans_from_tags(tags: &[usize], labels: &[String]) -> Vec<TagSpan> {
    // Allocated to size: a long article holds one such list per sentence.
    let ends = tags.iter().filter(|&&tag| matches!(part_of(tag), Some((_, Part::Last | Part::Unit)))).count();
    let mut spans = Vec::with_capacity(ends);
    let mut start = 0;
    for (i, &tag) in tags.iter().enumerate() {
        match part_of(tag) {
            Some((_, Part::Begin)) => start = i,
            Some((label, Part::Last)) => spans.push(TagSpan { start, end: i + 1, label: labels[label].clone() }),
            Some((label, Part::Unit)) => spans.push(TagSpan { start: i, end: i + 1, label: labels[label].clone() }),
            _ => {}
        }
    }
    spans
}

/// Hints the CPU to load the cache line holding `value`.
#[inline(always)]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it reads nothing and cannot fault,
    // and the pointer comes from a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>((value as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// Transition scores laid out for decoding. BILOU splits the tags in two:
/// a tag that opens a name or is `O` (`O`, B, U) may follow exactly the
/// tags that close one or are `O` (`O`, L, U); an I or L tag may follow
/// only the B or I of its own label. The first kind is a small dense
/// block, scored for all opening tags at once.
#[derive(Clone, Debug, PartialEq)]
struct Transitions {
    /// The closing tags (`O`, L, U), in tag order.
    closing: Vec<usize>,
    /// The opening tags (`O`, B, U), in tag order.
    opening: Vec<usize>,
    /// For each closing tag, the score of each opening tag after it,
    /// padded with minus infinity to `LANES`.
    to_opening: Vec<[f32; LANES]>,
    /// For each label, the scores of B→I, I→I, B→L and I→L.
    within: Vec<[f32; 4]>,
    /// The score of each tag at the sentence start (minus infinity for I and L).
    start: Vec<f32>,
}

/// Opening tags scored at once: `O` and a B and a U per label, at most 15 labels.
const LANES: usize = 32;

fn constrained(transitions: &[f32], n_tags: usize) -> Transitions {
    let score = |prev: usize, next: usize| transitions[prev * n_tags + next];
    let closing: Vec<usize> = (0..n_tags).filter(|&tag| may_end(tag)).collect();
    let opening: Vec<usize> = (0..n_tags).filter(|&tag| allowed(None, tag)).collect();
    let to_opening = closing
        .iter()
        .map(|&prev| {
            let mut row = [f32::NEG_INFINITY; LANES];
            for (cell, &next) in row.iter_mut().zip(&opening) {
                *cell = score(prev, next);
            }
            row
        })
        .collect();
    let within = (0..(n_tags - 1) / 4)
        .map(|label| {
            let (begin, inside, last) = (tag_of(label, Part::Begin), tag_of(label, Part::Inside), tag_of(label, Part::Last));
            [score(begin, inside), score(inside, inside), score(begin, last), score(inside, last)]
        })
        .collect();
    let start = (0..n_tags).map(|next| if allowed(None, next) { transitions[n_tags * n_tags + next] } else { f32::NEG_INFINITY }).collect();
    Transitions { closing, opening, to_opening, within, start }
}

/// For each opening tag, the best score of a closing tag before it plus the
/// transition, and that closing tag (the first of the best, as a strict
/// comparison in tag order finds it).
fn best_openings(transitions: &Transitions, previous: &[f32], best: &mut [f32; LANES], best_prev: &mut [u32; LANES]) {
    let width = transitions.opening.len().next_multiple_of(4);
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE2 is part of every x86_64 CPU; each load and store reads or
    // writes four lanes at `chunk < width <= LANES`, inside the arrays.
    unsafe {
        use std::arch::x86_64::*;
        for chunk in (0..width).step_by(4) {
            let mut b = _mm_loadu_ps(best.as_ptr().add(chunk));
            let mut a = _mm_loadu_si128(best_prev.as_ptr().add(chunk).cast());
            for (&prev, row) in transitions.closing.iter().zip(&transitions.to_opening) {
                let candidate = _mm_add_ps(_mm_set1_ps(previous[prev]), _mm_loadu_ps(row.as_ptr().add(chunk)));
                let better = _mm_castps_si128(_mm_cmpgt_ps(candidate, b));
                b = _mm_max_ps(candidate, b);
                a = _mm_or_si128(_mm_and_si128(better, _mm_set1_epi32(prev as i32)), _mm_andnot_si128(better, a));
            }
            _mm_storeu_ps(best.as_mut_ptr().add(chunk), b);
            _mm_storeu_si128(best_prev.as_mut_ptr().add(chunk).cast(), a);
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    for (&prev, row) in transitions.closing.iter().zip(&transitions.to_opening) {
        for lane in 0..width {
            let candidate = previous[prev] + row[lane];
            if candidate > best[lane] {
                (best[lane], best_prev[lane]) = (candidate, prev as u32);
            }
        }
    }
}

/// Viterbi over emission scores (`n_tokens * n_tags`) and allowed transitions.
fn viterbi(emissions: &[f32], transitions: &Transitions, n_tags: usize) -> Vec<usize> {
    let n = emissions.len() / n_tags;
    if n == 0 {
        return Vec::new();
    }
    // Only the previous token's scores are needed to go on; the back
    // pointers keep the path.
    let mut previous: Vec<f32> = emissions[..n_tags].iter().zip(&transitions.start).map(|(e, s)| e + s).collect();
    let mut current = vec![f32::NEG_INFINITY; n_tags];
    let mut back = vec![0u8; n * n_tags];
    for (emissions, back) in emissions.chunks_exact(n_tags).zip(back.chunks_exact_mut(n_tags)).skip(1) {
        let mut best = [f32::NEG_INFINITY; LANES];
        let mut best_prev = [0u32; LANES];
        best_openings(transitions, &previous, &mut best, &mut best_prev);
        for (lane, &next) in transitions.opening.iter().enumerate() {
            current[next] = best[lane] + emissions[next];
            back[next] = best_prev[lane] as u8;
        }
        // I and L: from the label's B (first) or I, without branches.
        for (label, scores) in transitions.within.iter().enumerate() {
            let (begin, inside) = (tag_of(label, Part::Begin), tag_of(label, Part::Inside));
            for (next, from_begin, from_inside) in [(inside, scores[0], scores[1]), (tag_of(label, Part::Last), scores[2], scores[3])] {
                let (via_begin, via_inside) = (previous[begin] + from_begin, previous[inside] + from_inside);
                let take_inside = via_inside > via_begin;
                current[next] = if take_inside { via_inside } else { via_begin } + emissions[next];
                back[next] = if take_inside {
                    inside
                } else if via_begin > f32::NEG_INFINITY {
                    begin
                } else {
                    0
                } as u8;
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let last = (0..n_tags).filter(|&tag| may_end(tag)).max_by(|&a, &b| previous[a].total_cmp(&previous[b])).unwrap_or(0);
    let mut tags = vec![last; n];
    for t in (1..n).rev() {
        tags[t - 1] = back[t * n_tags + tags[t]] as usize;
    }
    tags
}

/// The summed weights of a repeated word's neighbours in one document:
/// each neighbour's row, and all of them together.
struct NeighbourScores {
    each: Vec<i32>,
    all: Vec<i32>,
}

impl NeighbourScores {
    fn new(model: &Model, neighbours: &[Vec<u32>]) -> NeighbourScores {
        let n_tags = model.n_tags();
        let mut each = vec![0; neighbours.len() * n_tags];
        let mut all = vec![0; n_tags];
        for (row, buckets) in each.chunks_exact_mut(n_tags).zip(neighbours) {
            model.add_rows(row, buckets.iter());
            add_scores(&mut all, row, 1);
        }
        NeighbourScores { each, all }
    }
}

/// `sums += sign * scores`, element by element.
fn add_scores(sums: &mut [i32], scores: &[i32], sign: i32) {
    for (sum, &score) in sums.iter_mut().zip(scores) {
        *sum += sign * score;
    }
}

impl Model {
    pub fn n_tags(&self) -> usize {
        n_tags(self.labels.len())
    }

    /// The best tag sequence for a sentence, from its features and the
    /// extra (history) features of each token; `word_scores` holds the rows
    /// that `features.word_rows` point to, and `add_aggregate` adds the
    /// summed weights of an aggregated context to a token's scores.
    fn decode(&self, features: &SentenceFeatures, extra: &SentenceFeatures, word_scores: &[i32], add_aggregate: &impl Fn(AggregateKey, &mut [i32])) -> Vec<usize> {
        let n_tags = self.n_tags();
        // Weight rows and cached word rows are scattered over tables larger
        // than the core's cache: ask for all of the sentence's rows first,
        // so their loads overlap.
        for &bucket in features.buckets.iter().chain(&extra.buckets) {
            let row = bucket as usize * n_tags;
            prefetch(&self.weights[row]);
            prefetch(&self.weights[row + n_tags - 1]);
        }
        for &row in &features.word_rows {
            prefetch(&word_scores[row as usize]);
            prefetch(&word_scores[row as usize + n_tags - 1]);
        }
        let mut sums = vec![0i32; features.len() * n_tags];
        for (t, sums) in sums.chunks_exact_mut(n_tags).enumerate() {
            if let Some(&row) = features.word_rows.get(t) {
                add_scores(sums, &word_scores[row as usize..row as usize + n_tags], 1);
            }
            self.add_rows(sums, features.token(t).iter().chain(extra.token(t)));
        }
        for &(t, key) in &features.aggregates {
            add_aggregate(key, &mut sums[t as usize * n_tags..(t as usize + 1) * n_tags]);
        }
        let emissions: Vec<f32> = sums.iter().map(|&sum| sum as f32 * self.scale).collect();
        viterbi(&emissions, &self.constrained, n_tags)
    }

    /// Adds the weight rows of `buckets` to `sums`.
    #[inline]
    fn add_rows<'a>(&self, sums: &mut [i32], buckets: impl Iterator<Item = &'a u32>) {
        let n_tags = sums.len();
        for &bucket in buckets {
            let row = bucket as usize * n_tags;
            for (sum, &w) in sums.iter_mut().zip(&self.weights[row..row + n_tags]) {
                *sum += w as i32;
            }
        }
    }

    /// Entity spans of each sentence of a document given as words, tagged in
    /// `order` (as [`Model::tag_document_in_order`] does with the features of
    /// [`super::features::document_features`]). Each word's own features are
    /// summed once per thread and reused.
    pub fn tag_words<S: AsRef<str>>(&self, sentences: &[Vec<S>], gazetteer: &Gazetteer, order: impl IntoIterator<Item = usize>) -> Vec<Vec<TagSpan>> {
        let n_tags = self.n_tags();
        WORD_SCORES.with_borrow_mut(|cache| {
            if cache.model != self.id || cache.slots.len() > WORD_CACHE_LIMIT {
                *cache = WordScores { model: self.id, ..WordScores::default() };
            }
            let mut slot_of = |word: &str| -> u32 {
                let key = hash_str(word);
                if let Some(&slot) = cache.slots.get(&key) {
                    return slot;
                }
                let (keys, buckets) = word_features(word, self.bits);
                let slot = cache.keys.len();
                cache.keys.push(keys);
                cache.scores.resize((slot + 1) * n_tags, 0);
                self.add_rows(&mut cache.scores[slot * n_tags..], buckets.iter());
                cache.slots.insert(key, slot as u32);
                slot as u32
            };
            // A document's words as slots of the cache (4 bytes a token): their keys and scores are held once.
            let slots: Vec<Vec<u32>> = sentences.iter().map(|s| s.iter().map(|w| slot_of(w.as_ref())).collect()).collect();
            let cache = &*cache;
            let context = ContextFeatures::new(sentences, |k, i| cache.keys[slots[k][i] as usize], gazetteer, self.bits);
            let features = |k: usize| {
                let mut sentence = context.sentence(k);
                sentence.word_rows = slots[k].iter().map(|&slot| slot * n_tags as u32).collect();
                sentence
            };
            // Each repeated word's neighbours summed once per document: a
            // token's aggregated context is all of them less its own.
            let neighbour_rows: RefCell<FxHashMap<u64, NeighbourScores>> = RefCell::default();
            let add_aggregate = |key: AggregateKey, sums: &mut [i32]| {
                let mut rows = neighbour_rows.borrow_mut();
                let rows = rows.entry(key.word).or_insert_with(|| NeighbourScores::new(self, &context.neighbour_features(key.word)));
                add_scores(sums, &rows.all, 1);
                let mut left_out = key.left_out;
                while left_out != 0 {
                    let index = left_out.trailing_zeros() as usize;
                    add_scores(sums, &rows.each[index * n_tags..(index + 1) * n_tags], -1);
                    left_out &= left_out - 1;
                }
            };
            self.tag_in_order(sentences.len(), features, order, &cache.scores, &add_aggregate)
        })
    }

    /// Entity spans of each sentence of a document, tagged in order so that
    /// each sentence sees the labels given to its words before.
    pub fn tag_document(&self, sentences: &[SentenceFeatures]) -> Vec<Vec<TagSpan>> {
        self.tag_document_in_order(sentences, 0..sentences.len())
    }

    /// Like [`Model::tag_document`], visiting the sentences in `order` (for
    /// instance the body before the headline); spans come back by sentence.
    pub fn tag_document_in_order(&self, sentences: &[SentenceFeatures], order: impl IntoIterator<Item = usize>) -> Vec<Vec<TagSpan>> {
        self.tag_in_order(sentences.len(), |k| &sentences[k], order, &[], &|_, _| {})
    }

    /// Tags `count` sentences in `order`, asking `features_of` for each
    /// sentence's features as it comes to it.
    fn tag_in_order<F: std::borrow::Borrow<SentenceFeatures>>(
        &self,
        count: usize,
        features_of: impl Fn(usize) -> F,
        order: impl IntoIterator<Item = usize>,
        word_scores: &[i32],
        add_aggregate: &impl Fn(AggregateKey, &mut [i32]),
    ) -> Vec<Vec<TagSpan>> {
        let mut history = History::default();
        let mut spans = vec![Vec::new(); count];
        for k in order {
            let features = features_of(k);
            let features = features.borrow();
            let tags = self.decode(features, &features.history_features(&history, self.bits), word_scores, add_aggregate);
            history.record(features, &label_slots(&tags));
            spans[k] = spans_from_tags(&tags, &self.labels);
        }
        spans
    }

    /// A model from averaged float weights, quantised to 16 bits.
    pub fn from_weights(labels: Vec<String>, bits: u32, weights: &[f32], transitions: Vec<f32>) -> Model {
        assert!(n_tags(labels.len()) <= 64, "at most 15 entity labels");
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(f32::MIN_POSITIVE);
        let scale = max / i16::MAX as f32;
        let weights = weights.iter().map(|w| (w / scale).round() as i16).collect();
        let constrained = constrained(&transitions, n_tags(labels.len()));
        Model { id: next_model_id(), labels, bits, weights, scale, transitions, constrained }
    }

    /// The model file: header, labels, transitions, then only the non-zero
    /// weights of each bucket row as (tag, value) pairs.
    pub fn to_bytes(&self) -> Vec<u8> {
        let n_tags = self.n_tags();
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for label in &self.labels {
            out.extend_from_slice(&(label.len() as u16).to_le_bytes());
            out.extend_from_slice(label.as_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let rows: Vec<(usize, &[i16])> = self.weights.chunks(n_tags).enumerate().filter(|(_, r)| r.iter().any(|&w| w != 0)).collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (bucket, row) in rows {
            out.extend_from_slice(&(bucket as u32).to_le_bytes());
            out.push(row.iter().filter(|&&w| w != 0).count() as u8);
            for (tag, &w) in row.iter().enumerate().filter(|(_, &w)| w != 0) {
                out.push(tag as u8);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model file written by `to_bytes`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a newsents tagger model (bad magic bytes)".into());
        }
        let bits = r.u32()?;
        if !(8..=26).contains(&bits) {
            return Err(format!("bad model: {bits} feature bits"));
        }
        let n_labels = r.u32()? as usize;
        if n_labels == 0 || n_tags(n_labels) > 64 {
            return Err(format!("bad model: {n_labels} labels"));
        }
        let labels = (0..n_labels)
            .map(|_| {
                let len = u16::from_le_bytes(r.take(2)?.try_into().unwrap()) as usize;
                String::from_utf8(r.take(len)?.to_vec()).map_err(|e| e.to_string())
            })
            .collect::<Result<Vec<_>, String>>()?;
        let n_tags = n_tags(n_labels);
        let scale = f32::from_le_bytes(r.take(4)?.try_into().unwrap());
        let transitions = (0..(n_tags + 1) * n_tags)
            .map(|_| Ok(f32::from_le_bytes(r.take(4)?.try_into().unwrap())))
            .collect::<Result<Vec<_>, String>>()?;
        let mut weights = vec![0i16; (1usize << bits) * n_tags];
        for _ in 0..r.u32()? {
            let bucket = r.u32()? as usize;
            let count = r.take(1)?[0] as usize;
            for _ in 0..count {
                let tag = r.take(1)?[0] as usize;
                let w = i16::from_le_bytes(r.take(2)?.try_into().unwrap());
                let slot = weights.get_mut(bucket * n_tags + tag).filter(|_| tag < n_tags).ok_or("bad model: weight out of range")?;
                *slot = w;
            }
        }
        if r.at != bytes.len() {
            return Err("bad model: trailing bytes".into());
        }
        let constrained = constrained(&transitions, n_tags);
        Ok(Model { id: next_model_id(), labels, bits, weights, scale, transitions, constrained })
    }
}

/// Reads a shipped binary file's little-endian fields in order.
pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let slice = self.bytes.get(self.at..self.at.saturating_add(n)).ok_or("bad model: truncated file")?;
        self.at += n;
        Ok(slice)
    }
    pub(super) fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    pub(super) fn u16(&mut self) -> Result<u16, String> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    pub(super) fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
}

/// Averaged-perceptron training state.
pub struct Trainer {
    labels: Vec<String>,
    bits: u32,
    n_tags: usize,
    /// The cost of each wrong tag in training's decoding (see [`Trainer::learn`]).
    margin: f32,
    weights: Vec<f32>,
    /// Sum of update-count-weighted changes, for averaging.
    totals: Vec<f32>,
    transitions: Vec<f32>,
    transition_totals: Vec<f32>,
    /// Updates so far, plus one.
    clock: f32,
}

impl Trainer {
    /// A trainer that learns with the given `margin` (0 for the plain perceptron).
    pub fn new(labels: Vec<String>, bits: u32, margin: f32) -> Trainer {
        let n_tags = n_tags(labels.len());
        let size = (1usize << bits) * n_tags;
        Trainer {
            labels,
            bits,
            n_tags,
            margin,
            weights: vec![0.0; size],
            totals: vec![0.0; size],
            transitions: vec![0.0; (n_tags + 1) * n_tags],
            transition_totals: vec![0.0; (n_tags + 1) * n_tags],
            clock: 1.0,
        }
    }

    /// The emission scores of a sentence under the current weights.
    fn emissions(&self, features: &SentenceFeatures, extra: &SentenceFeatures) -> Vec<f32> {
        let n_tags = self.n_tags;
        let mut emissions = vec![0f32; features.len() * n_tags];
        for t in 0..features.len() {
            for &bucket in features.token(t).iter().chain(extra.token(t)) {
                let weights = &self.weights[bucket as usize * n_tags..(bucket as usize + 1) * n_tags];
                for (e, w) in emissions[t * n_tags..(t + 1) * n_tags].iter_mut().zip(weights) {
                    *e += w;
                }
            }
        }
        emissions
    }

    /// One perceptron step on a sentence (its features and extra features)
    /// whose gold tags are known up to a set per token: `allowed[t]` has bit
    /// `tag` set for each tag token `t` may have (one bit where the
    /// annotation is complete). The target is the best sequence the current
    /// weights find among the allowed ones, so a corpus that does not mark
    /// some label never teaches that its names are outside any name.
    /// The prediction is decoded with `margin` added to the score of every
    /// tag a token may not have (cost-augmented decoding, as a structured
    /// SVM trains): a sentence counts as learned only when its target beats
    /// every other tagging by a margin that grows with the tags that tagging
    /// gets wrong. Returns the tags predicted before learning and the target.
    pub fn learn(&mut self, features: &SentenceFeatures, extra: &SentenceFeatures, allowed: &[u64]) -> (Vec<usize>, Vec<usize>) {
        let n_tags = self.n_tags;
        let emissions = self.emissions(features, extra);
        let transitions = constrained(&self.transitions, n_tags);
        let is_allowed = |i: usize| allowed[i / n_tags] >> (i % n_tags) & 1 == 1;
        let predicted = if self.margin > 0.0 {
            let augmented: Vec<f32> = emissions.iter().enumerate().map(|(i, &e)| if is_allowed(i) { e } else { e + self.margin }).collect();
            viterbi(&augmented, &transitions, n_tags)
        } else {
            viterbi(&emissions, &transitions, n_tags)
        };
        let gold = if allowed.iter().all(|a| a.is_power_of_two()) {
            allowed.iter().map(|a| a.trailing_zeros() as usize).collect()
        } else {
            let masked: Vec<f32> = emissions
                .iter()
                .enumerate()
                .map(|(i, &e)| if is_allowed(i) { e } else { f32::NEG_INFINITY })
                .collect();
            viterbi(&masked, &transitions, n_tags)
        };
        if predicted == gold {
            self.clock += 1.0;
            return (predicted, gold);
        }
        let clock = self.clock;
        for t in 0..gold.len() {
            let prev = |tags: &[usize]| if t == 0 { n_tags } else { tags[t - 1] };
            if predicted[t] != gold[t] {
                for &bucket in features.token(t).iter().chain(extra.token(t)) {
                    let row = bucket as usize * n_tags;
                    for (tag, delta) in [(gold[t], 1.0), (predicted[t], -1.0)] {
                        self.weights[row + tag] += delta;
                        self.totals[row + tag] += clock * delta;
                    }
                }
            }
            if predicted[t] != gold[t] || prev(predicted.as_slice()) != prev(&gold) {
                for (cell, delta) in [(prev(&gold) * n_tags + gold[t], 1.0), (prev(predicted.as_slice()) * n_tags + predicted[t], -1.0)] {
                    self.transitions[cell] += delta;
                    self.transition_totals[cell] += clock * delta;
                }
            }
        }
        self.clock += 1.0;
        (predicted, gold)
    }

    /// The averaged model so far.
    pub fn averaged(&self) -> Model {
        let average = |w: &[f32], totals: &[f32]| w.iter().zip(totals).map(|(w, t)| w - t / self.clock).collect::<Vec<f32>>();
        Model::from_weights(self.labels.clone(), self.bits, &average(&self.weights, &self.totals), average(&self.transitions, &self.transition_totals))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trip_and_constraints() {
        let labels = vec!["LOC".to_string(), "PER".to_string()];
        let spans = vec![
            TagSpan { start: 0, end: 2, label: "PER".into() },
            TagSpan { start: 3, end: 4, label: "LOC".into() },
        ];
        let tags = tags_from_spans(&spans, &labels, 5);
        assert_eq!(spans_from_tags(&tags, &labels), spans);
        assert!(!allowed(Some(tag_of(0, Part::Begin)), 0));
        assert!(!allowed(None, tag_of(1, Part::Inside)));
        assert!(allowed(Some(tag_of(1, Part::Begin)), tag_of(1, Part::Last)));
        assert!(!allowed(Some(tag_of(1, Part::Begin)), tag_of(0, Part::Last)));
    }

    #[test]
    fn viterbi_respects_constraints() {
        // One token whose best tag is B-LOC, which cannot end a sentence.
        let n_tags = n_tags(1);
        let mut emissions = vec![0.0; n_tags];
        emissions[tag_of(0, Part::Begin)] = 10.0;
        emissions[tag_of(0, Part::Unit)] = 1.0;
        let transitions = constrained(&vec![0.0; (n_tags + 1) * n_tags], n_tags);
        assert_eq!(viterbi(&emissions, &transitions, n_tags), vec![tag_of(0, Part::Unit)]);
    }

    /// The textbook Viterbi over every allowed pair, for checking the fast one.
    fn plain_viterbi(emissions: &[f32], transitions: &[f32], n_tags: usize) -> Vec<usize> {
        let n = emissions.len() / n_tags;
        let mut score: Vec<f32> = (0..n_tags).map(|t| if allowed(None, t) { emissions[t] + transitions[n_tags * n_tags + t] } else { f32::NEG_INFINITY }).collect();
        let mut back = vec![vec![0; n_tags]; n];
        for t in 1..n {
            let mut next_score = vec![f32::NEG_INFINITY; n_tags];
            for next in 0..n_tags {
                let mut best = (f32::NEG_INFINITY, 0);
                for prev in (0..n_tags).filter(|&prev| allowed(Some(prev), next)) {
                    let candidate = score[prev] + transitions[prev * n_tags + next];
                    if candidate > best.0 {
                        best = (candidate, prev);
                    }
                }
                next_score[next] = best.0 + emissions[t * n_tags + next];
                back[t][next] = best.1;
            }
            score = next_score;
        }
        let mut tags = vec![(0..n_tags).filter(|&t| may_end(t)).max_by(|&a, &b| score[a].total_cmp(&score[b])).unwrap(); n];
        for t in (1..n).rev() {
            tags[t - 1] = back[t][tags[t]];
        }
        tags
    }

    #[test]
    fn viterbi_finds_the_textbook_path() {
        // Pseudo-random scores, with ties (whole numbers) and masked tokens.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 7) as f32 - 3.0
        };
        for labels in [1, 4, 15] {
            let n_tags = n_tags(labels);
            let transitions: Vec<f32> = (0..(n_tags + 1) * n_tags).map(|_| next()).collect();
            let fast = constrained(&transitions, n_tags);
            for len in [1, 2, 3, 8, 30] {
                for masked in [false, true] {
                    let emissions: Vec<f32> =
                        (0..len * n_tags).map(|i| if masked && i % 3 == 0 { f32::NEG_INFINITY } else { next() }).collect();
                    assert_eq!(viterbi(&emissions, &fast, n_tags), plain_viterbi(&emissions, &transitions, n_tags), "{labels} labels, {len} tokens");
                }
            }
        }
    }

    #[test]
    fn model_bytes_round_trip() {
        let labels = vec!["PER".to_string()];
        let n = n_tags(1);
        let mut weights = vec![0.0; (1 << 8) * n];
        weights[3] = 2.5;
        weights[77] = -1.0;
        let model = Model::from_weights(labels, 8, &weights, vec![0.5; (n + 1) * n]);
        assert_eq!(Model::from_bytes(&model.to_bytes()).unwrap(), model);
        assert!(Model::from_bytes(b"garbage").is_err());
        assert!(Model::from_bytes(&model.to_bytes()[..20]).is_err());
    }
}
