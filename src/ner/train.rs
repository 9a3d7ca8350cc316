//! Training a tagger on CoNLL data and scoring it, reproducibly.

use std::collections::BTreeSet;

use super::conll::{spans_from_iob, Document, Scores, TagSpan};
use super::features::{document_features, normalise_word, History, SentenceFeatures};
use super::gazetteer::GAZETTEER;
use super::model::{label_slots, tags_from_spans, Model, Trainer};

/// How to train.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// Passes over the training data; the best pass on the dev data is kept.
    pub epochs: usize,
    /// Feature buckets are `1 << bits`.
    pub bits: u32,
    /// Seed of the shuffle between passes.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 12, bits: 17, seed: 13 }
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

/// Trains on `train`; with `dev`, keeps the pass that scores best on it.
/// `log` hears one line per pass.
pub fn train(train: &[Document], dev: Option<&[Document]>, options: TrainOptions, log: &mut dyn FnMut(String)) -> Result<Model, String> {
    let gold = gold_spans(train);
    let labels: Vec<String> = gold.iter().flatten().map(|s| s.label.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    if labels.is_empty() {
        return Err("the training data has no entity tags".into());
    }
    if labels.len() > 15 {
        return Err(format!("at most 15 entity labels, got {}", labels.len()));
    }
    let features = featurise(train, options.bits);
    let mut gold_by_sentence = gold.iter();
    let gold_tags: Vec<Vec<Vec<usize>>> = features
        .iter()
        .map(|doc| doc.iter().map(|f| tags_from_spans(gold_by_sentence.next().expect("one per sentence"), &labels, f.len())).collect())
        .collect();
    let dev_features = dev.map(|d| (featurise(d, options.bits), gold_spans(d)));
    let n_sentences: usize = features.iter().map(Vec::len).sum();
    let mut trainer = Trainer::new(labels, options.bits);
    let mut order: Vec<usize> = (0..features.len()).collect();
    let mut rng = options.seed.max(1);
    let mut best: Option<(f64, Model)> = None;
    for epoch in 1..=options.epochs {
        // Documents in a new order each pass; sentences in document order,
        // each seeing the labels the tagger gave earlier in its document.
        shuffle(&mut order, &mut rng);
        let mut mistakes = 0;
        for &d in &order {
            let mut history = History::default();
            for (f, gold) in features[d].iter().zip(&gold_tags[d]) {
                let predicted = trainer.learn(f, &f.history_features(&history, options.bits), gold);
                mistakes += usize::from(predicted != *gold);
                history.record(f, &label_slots(&predicted));
            }
        }
        let model = trainer.averaged();
        let Some((dev_features, dev_gold)) = &dev_features else {
            log(format!("epoch {epoch}: {mistakes} sentences wrong of {n_sentences}"));
            best = Some((0.0, model));
            continue;
        };
        let mut scores = Scores::default();
        for (p, gold) in tag_all(&model, dev_features).iter().zip(dev_gold) {
            scores.add(p, gold);
        }
        let f1 = scores.overall.f1();
        log(format!("epoch {epoch}: {mistakes} sentences wrong of {n_sentences}; dev F1 {:.2}", 100.0 * f1));
        if best.as_ref().is_none_or(|(b, _)| f1 > *b) {
            best = Some((f1, model));
        }
    }
    best.map(|(_, m)| m).ok_or_else(|| "no training epochs".to_string())
}

/// Fisher-Yates with xorshift64: the same seed gives the same order everywhere.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        order.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::conll::read;

    #[test]
    fn a_tiny_corpus_learns_its_own_labels() {
        let text = "-DOCSTART- O\n\nAlice B-PER\nvisited O\nParis B-LOC\n.\tO\n\nBob B-PER\nleft O\nRome B-LOC\n. O\n\nAlice B-PER\nand O\nBob B-PER\nmet O\n. O\n";
        let docs = read(text);
        let options = TrainOptions { epochs: 10, bits: 12, seed: 1 };
        let model = train(&docs, None, options, &mut |_| {}).unwrap();
        assert_eq!(model.labels, ["LOC", "PER"]);
        let scores = evaluate(&model, &docs);
        assert_eq!(scores.overall.f1(), 1.0);
        // Reproducible: the same data and seed give the same model.
        assert_eq!(train(&docs, None, options, &mut |_| {}).unwrap(), model);
    }
}
