//! Training a tagger on CoNLL data and scoring it, reproducibly.
//!
//! A tagger learns from one or more [`TrainingSet`]s: CoNLL-2003 alone, or
//! with corpora of other genres and tag sets, each relabelled into the same
//! classes, weighted, and marked with the labels its annotators did not use.

use std::collections::{BTreeMap, BTreeSet};

use super::conll::{spans_from_iob, Document, Scores, TagSpan};
use super::features::{document_features, normalise_word, History, SentenceFeatures, IDENTITY_FEATURES};
use crate::lexicon::gazetteer::GAZETTEER;
use super::model::{label_mask, label_slots, tags_from_spans, Model, Trainer};

/// How to train.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// Passes over the training data; the best pass on the dev data is kept.
    pub epochs: usize,
    /// Feature buckets are `1 << bits`.
    pub bits: u32,
    /// Seed of the shuffle between passes.
    pub seed: u64,
    /// The share of tokens whose word and lower-case features are left out
    /// of a training step, drawn anew each pass, so that the tagger learns
    /// to read shapes, clusters and context and not only the names it saw.
    pub word_dropout: f64,
    /// The cost of a wrong tag when training decodes a sentence: the
    /// tagger learns until the right tags win by this margin (in weight
    /// units: an update moves each of a token's features, about 45, by
    /// one). Large-margin training, as a structured SVM's: at 40 to 80, on
    /// CoNLL dev, WikiGold and MEANTIME, scores a little higher and varies
    /// less from seed to seed than the plain perceptron (0).
    pub margin: f32,
}

/// The shipped model's recipe (`scripts/train_tagger.py`).
impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 12, bits: 18, seed: 13, word_dropout: 0.1, margin: 60.0 }
    }
}

/// One corpus to learn from.
#[derive(Clone, Debug)]
pub struct TrainingSet {
    pub documents: Vec<Document>,
    /// Labels the corpus does not mark (the Broad Twitter Corpus has no
    /// MISC): a word it leaves outside any name may be in a name of these.
    pub unmarked: Vec<String>,
    /// How often each document is visited per pass, on average: 2.0 twice,
    /// 0.5 half of them, drawn anew each pass.
    pub weight: f64,
}

impl TrainingSet {
    /// A fully annotated corpus of weight 1.
    pub fn new(documents: Vec<Document>) -> TrainingSet {
        TrainingSet { documents, unmarked: Vec::new(), weight: 1.0 }
    }

    /// Renames the labels of the tags (`B-person` → `B-PER`); a label
    /// mapped to the empty string becomes `O`.
    pub fn relabel(mut self, mapping: &BTreeMap<String, String>) -> TrainingSet {
        for tag in self.documents.iter_mut().flatten().flat_map(|s| s.tags.iter_mut()) {
            let Some((prefix, label)) = tag.split_once('-') else { continue };
            if let Some(new) = mapping.get(label) {
                *tag = if new.is_empty() { "O".to_string() } else { format!("{prefix}-{new}") };
            }
        }
        self
    }

    /// Makes every sentence a document of its own (tweets: no word history
    /// carries from one to the next).
    pub fn sentences_as_documents(mut self) -> TrainingSet {
        self.documents = self.documents.into_iter().flatten().map(|s| vec![s]).collect();
        self
    }
}

/// The features of every sentence, document by document.
pub fn featurise(documents: &[Document], bits: u32) -> Vec<Vec<SentenceFeatures>> {
    documents
        .iter()
        .map(|doc| {
            let words: Vec<Vec<std::borrow::Cow<str>>> = doc.iter().map(|s| s.words.iter().map(|w| normalise_word(w)).collect()).collect();
            document_features(&words, &GAZETTEER, bits)
        })
        .collect()
}

/// Predicted spans of every sentence, in order.
fn tag_all(model: &Model, features: &[Vec<SentenceFeatures>]) -> Vec<Vec<TagSpan>> {
    features.iter().flat_map(|doc| model.tag_document(doc)).collect()
}

fn gold_spans(documents: &[Document]) -> Vec<Vec<TagSpan>> {
    documents.iter().flatten().map(|s| spans_from_iob(&s.tags)).collect()
}

/// Exact-span scores of a model on documents with gold tags.
pub fn evaluate(model: &Model, documents: &[Document]) -> Scores {
    let predicted = tag_all(model, &featurise(documents, model.bits));
    let mut scores = Scores::default();
    for (p, gold) in predicted.iter().zip(gold_spans(documents)) {
        scores.add(p, &gold);
    }
    scores
}

/// A document ready to learn from: the features of its sentences and, per
/// token, the tags it may have.
struct Example {
    features: Vec<SentenceFeatures>,
    allowed: Vec<Vec<u64>>,
}

fn examples(set: &TrainingSet, labels: &[String], bits: u32) -> Vec<Example> {
    let unmarked = label_mask(set.unmarked.iter().filter_map(|u| labels.iter().position(|l| l == u)));
    featurise(&set.documents, bits)
        .into_iter()
        .zip(&set.documents)
        .map(|(features, doc)| {
            let allowed = features
                .iter()
                .zip(doc)
                .map(|(f, sentence)| {
                    let tags = tags_from_spans(&spans_from_iob(&sentence.tags), labels, f.len());
                    tags.iter().map(|&tag| 1u64 << tag | if tag == 0 { unmarked } else { 0 }).collect()
                })
                .collect();
            Example { features, allowed }
        })
        .collect()
}

/// A sentence's features without the word features of a random share of its
/// tokens.
fn drop_words(features: &SentenceFeatures, share: f64, rng: &mut u64) -> SentenceFeatures {
    let mut out = SentenceFeatures { starts: Vec::with_capacity(features.starts.len()), ..SentenceFeatures::default() };
    for t in 0..features.len() {
        out.starts.push(out.buckets.len());
        let drop = (next(rng) as f64 / u64::MAX as f64) < share;
        for (i, &bucket) in features.token(t).iter().enumerate() {
            if !(drop && IDENTITY_FEATURES.contains(&i)) {
                out.buckets.push(bucket);
            }
        }
    }
    out.starts.push(out.buckets.len());
    out.word_keys = features.word_keys.clone();
    out
}

/// Trains on `sets`; with `dev`, keeps the pass that scores best on it.
/// `log` hears one line per pass.
pub fn train(sets: &[TrainingSet], dev: Option<&[Document]>, options: TrainOptions, log: &mut dyn FnMut(String)) -> Result<Model, String> {
    let labels: Vec<String> = sets
        .iter()
        .flat_map(|set| gold_spans(&set.documents).into_iter().flatten().map(|s| s.label).chain(set.unmarked.iter().cloned()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if sets.iter().all(|set| gold_spans(&set.documents).iter().all(Vec::is_empty)) {
        return Err("the training data has no entity tags".into());
    }
    if labels.len() > 15 {
        return Err(format!("at most 15 entity labels, got {}", labels.len()));
    }
    let data: Vec<(Vec<Example>, f64)> = sets.iter().map(|set| (examples(set, &labels, options.bits), set.weight)).collect();
    let dev_features = dev.map(|d| (featurise(d, options.bits), gold_spans(d)));
    let mut trainer = Trainer::new(labels, options.bits, options.margin);
    let mut rng = options.seed.max(1);
    let mut best: Option<(f64, Model)> = None;
    for epoch in 1..=options.epochs {
        // Documents in a new order each pass, each set's as often as its
        // weight says; sentences in document order, each seeing the labels
        // the tagger gave earlier in its document.
        let mut order: Vec<(usize, usize)> = Vec::new();
        for (s, (examples, weight)) in data.iter().enumerate() {
            for d in 0..examples.len() {
                let visits = weight.floor() as usize + usize::from((next(&mut rng) as f64 / u64::MAX as f64) < weight.fract());
                order.extend(std::iter::repeat_n((s, d), visits));
            }
        }
        shuffle(&mut order, &mut rng);
        let (mut mistakes, mut sentences) = (0, 0);
        for &(s, d) in &order {
            let example = &data[s].0[d];
            let mut history = History::default();
            for (f, allowed) in example.features.iter().zip(&example.allowed) {
                let dropped;
                let f = if options.word_dropout > 0.0 {
                    dropped = drop_words(f, options.word_dropout, &mut rng);
                    &dropped
                } else {
                    f
                };
                let (predicted, gold) = trainer.learn(f, &f.history_features(&history, options.bits), allowed);
                mistakes += usize::from(predicted != gold);
                sentences += 1;
                history.record(f, &label_slots(&predicted));
            }
        }
        let model = trainer.averaged();
        let Some((dev_features, dev_gold)) = &dev_features else {
            log(format!("epoch {epoch}: {mistakes} sentences wrong of {sentences}"));
            best = Some((0.0, model));
            continue;
        };
        let mut scores = Scores::default();
        for (p, gold) in tag_all(&model, dev_features).iter().zip(dev_gold) {
            scores.add(p, gold);
        }
        let f1 = scores.overall.f1();
        log(format!("epoch {epoch}: {mistakes} sentences wrong of {sentences}; dev F1 {:.2}", 100.0 * f1));
        if best.as_ref().is_none_or(|(b, _)| f1 > *b) {
            best = Some((f1, model));
        }
    }
    best.map(|(_, m)| m).ok_or_else(|| "no training epochs".to_string())
}

/// xorshift64: the same seed gives the same numbers everywhere.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// Fisher-Yates with [`next`].
fn shuffle<T>(order: &mut [T], state: &mut u64) {
    for i in (1..order.len()).rev() {
        order.swap(i, (next(state) % (i as u64 + 1)) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::conll::read;

    const TINY: &str = "-DOCSTART- O\n\nAlice B-PER\nvisited O\nParis B-LOC\n.\tO\n\nBob B-PER\nleft O\nRome B-LOC\n. O\n\nAlice B-PER\nand O\nBob B-PER\nmet O\n. O\n";

    #[test]
    fn a_tiny_corpus_learns_its_own_labels() {
        let docs = read(TINY);
        let options = TrainOptions { epochs: 10, bits: 12, seed: 1, word_dropout: 0.0, margin: 0.0 };
        let model = train(&[TrainingSet::new(docs.clone())], None, options, &mut |_| {}).unwrap();
        assert_eq!(model.labels, ["LOC", "PER"]);
        let scores = evaluate(&model, &docs);
        assert_eq!(scores.overall.f1(), 1.0);
        // Reproducible: the same data and seed give the same model.
        assert_eq!(train(&[TrainingSet::new(docs.clone())], None, options, &mut |_| {}).unwrap(), model);
        // With a margin, too, and the margin changes what is learned.
        let large_margin = TrainOptions { margin: 5.0, ..options };
        let margin_model = train(&[TrainingSet::new(docs.clone())], None, large_margin, &mut |_| {}).unwrap();
        assert_eq!(evaluate(&margin_model, &docs).overall.f1(), 1.0);
        assert_ne!(margin_model, model);
    }

    #[test]
    fn a_corpus_without_a_label_does_not_teach_that_its_names_are_outside_names() {
        // The second set marks people only: its `Paris` is O but may be a place.
        let places = read("-DOCSTART- O\n\nin O\nParis B-LOC\n. O\n");
        let people = read("-DOCSTART- O\n\nAlice B-PER\nin O\nParis O\n. O\n");
        let sets = [
            TrainingSet::new(places),
            TrainingSet { unmarked: vec!["LOC".to_string()], weight: 3.0, ..TrainingSet::new(people.clone()) },
        ];
        let options = TrainOptions { epochs: 10, bits: 12, seed: 1, word_dropout: 0.0, margin: 0.0 };
        let model = train(&sets, None, options, &mut |_| {}).unwrap();
        let spans = evaluate(&model, &people);
        // Paris is still tagged, as a place: one span beyond the gold person.
        assert_eq!((spans.overall.predicted, spans.overall.correct), (2, 1));
    }

    #[test]
    fn relabelling_and_sentences_as_documents() {
        let docs = read("a B-person\nb O\n\nc B-corporation\nd B-product\n");
        let mapping = BTreeMap::from([("person".to_string(), "PER".to_string()), ("corporation".to_string(), "ORG".to_string()), ("product".to_string(), String::new())]);
        let set = TrainingSet::new(docs).relabel(&mapping).sentences_as_documents();
        assert_eq!(set.documents.len(), 2);
        assert_eq!(set.documents[1][0].tags, ["B-ORG", "O"]);
    }

    #[test]
    fn word_dropout_removes_only_word_features() {
        let features = featurise(&read("Alice B-PER\nvisited O\n"), 16).remove(0).remove(0);
        let mut rng = 7;
        let all = drop_words(&features, 1.0, &mut rng);
        assert_eq!(all.buckets.len(), features.buckets.len() - 2 * IDENTITY_FEATURES.len());
        assert_eq!(drop_words(&features, 0.0, &mut rng).buckets, features.buckets);
    }
}
