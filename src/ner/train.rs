//! Training a tagger on CoNLL data and scoring it, reproducibly.

use std::collections::BTreeSet;

use super::conll::{spans_from_iob, Document, Scores, TagSpan};
use super::features::{document_features, normalise_word, SentenceFeatures};
use super::gazetteer::GAZETTEER;
use super::model::{tags_from_spans, Model, Trainer};

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
        TrainOptions { epochs: 12, bits: 20, seed: 13 }
    }
}

/// The features of every sentence of every document, in order.
pub fn featurise(documents: &[Document], bits: u32) -> Vec<SentenceFeatures> {
    documents
        .iter()
        .flat_map(|doc| {
            let words: Vec<Vec<std::borrow::Cow<str>>> = doc.iter().map(|s| s.words.iter().map(|w| normalise_word(w)).collect()).collect();
            document_features(&words, &GAZETTEER, bits)
        })
        .collect()
}

fn gold_spans(documents: &[Document]) -> Vec<Vec<TagSpan>> {
    documents.iter().flatten().map(|s| spans_from_iob(&s.tags)).collect()
}

/// Exact-span scores of a model on documents with gold tags.
pub fn evaluate(model: &Model, documents: &[Document]) -> Scores {
    let features = featurise(documents, model.bits);
    let mut scores = Scores::default();
    for (f, gold) in features.iter().zip(gold_spans(documents)) {
        scores.add(&model.tag(f), &gold);
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
    let gold_tags: Vec<Vec<usize>> = gold.iter().zip(&features).map(|(spans, f)| tags_from_spans(spans, &labels, f.len())).collect();
    let dev_features = dev.map(|d| (featurise(d, options.bits), gold_spans(d)));
    let mut trainer = Trainer::new(labels, options.bits);
    let mut order: Vec<usize> = (0..features.len()).collect();
    let mut rng = options.seed.max(1);
    let mut best: Option<(f64, Model)> = None;
    for epoch in 1..=options.epochs {
        shuffle(&mut order, &mut rng);
        let mistakes = order.iter().filter(|&&i| trainer.learn(&features[i], &gold_tags[i])).count();
        let model = trainer.averaged();
        let Some((dev_features, dev_gold)) = &dev_features else {
            log(format!("epoch {epoch}: {mistakes} sentences wrong of {}", order.len()));
            best = Some((0.0, model));
            continue;
        };
        let mut scores = Scores::default();
        for (f, gold) in dev_features.iter().zip(dev_gold) {
            scores.add(&model.tag(f), gold);
        }
        let f1 = scores.overall.f1();
        log(format!("epoch {epoch}: {mistakes} sentences wrong of {}; dev F1 {:.2}", order.len(), 100.0 * f1));
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
