//! CoNLL-format data: reading, tag schemes (IOB1, IOB2, BILOU) and
//! conlleval-style scoring of exact spans.

use std::collections::BTreeMap;

/// One sentence: its words and, when the file has them, its gold tags.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    pub words: Vec<String>,
    /// The last column of each line (IOB1 or IOB2); empty when the file has one column.
    pub tags: Vec<String>,
}

/// The sentences between two `-DOCSTART-` lines.
pub type Document = Vec<Sentence>;

/// An entity span over a sentence's words, end exclusive.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TagSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// Reads CoNLL text: one token per line (word first, tag last), blank lines
/// between sentences, `-DOCSTART-` between documents.
pub fn read(text: &str) -> Vec<Document> {
    let mut documents: Vec<Document> = vec![Vec::new()];
    let mut sentence = Sentence::default();
    let flush = |sentence: &mut Sentence, documents: &mut Vec<Document>| {
        if !sentence.words.is_empty() {
            documents.last_mut().expect("one document").push(std::mem::take(sentence));
        }
    };
    for line in text.lines() {
        let columns: Vec<&str> = line.split_whitespace().collect();
        match columns.as_slice() {
            [] => flush(&mut sentence, &mut documents),
            [first, ..] if *first == "-DOCSTART-" => {
                flush(&mut sentence, &mut documents);
                if !documents.last().expect("one document").is_empty() {
                    documents.push(Vec::new());
                }
            }
            [word] => sentence.words.push(word.to_string()),
            [word, .., tag] => {
                sentence.words.push(word.to_string());
                sentence.tags.push(tag.to_string());
            }
        }
    }
    flush(&mut sentence, &mut documents);
    documents.retain(|d| !d.is_empty());
    documents
}

/// Spans from IOB1 or IOB2 tags: `B-X` always starts an entity, `I-X`
/// starts one unless it continues an `X`.
pub fn spans_from_iob(tags: &[String]) -> Vec<TagSpan> {
    let mut spans: Vec<TagSpan> = Vec::new();
    let mut open: Option<TagSpan> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (prefix, label) = tag.split_once('-').unwrap_or((tag.as_str(), ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|s| s.label == label);
        if continues {
            if let Some(s) = open.as_mut() {
                s.end = i + 1;
            }
            continue;
        }
        spans.extend(open.take());
        if matches!(prefix, "B" | "I" | "S" | "U" | "L" | "E") && !label.is_empty() {
            open = Some(TagSpan { start: i, end: i + 1, label: label.to_string() });
        }
    }
    spans.extend(open);
    spans
}

/// IOB2 tags (`B-X I-X`) for spans over `len` words.
pub fn iob2_from_spans(spans: &[TagSpan], len: usize) -> Vec<String> {
    let mut tags = vec!["O".to_string(); len];
    for span in spans {
        for (k, tag) in tags[span.start..span.end].iter_mut().enumerate() {
            *tag = format!("{}-{}", if k == 0 { "B" } else { "I" }, span.label);
        }
    }
    tags
}

/// Precision, recall and F1 of exact spans, overall and per label.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub overall: Counts,
    pub by_label: BTreeMap<String, Counts>,
}

/// Span counts for one label.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub predicted: usize,
    pub gold: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Scores {
    /// Adds one sentence's predicted and gold spans.
    pub fn add(&mut self, predicted: &[TagSpan], gold: &[TagSpan]) {
        for span in predicted {
            self.overall.predicted += 1;
            self.by_label.entry(span.label.clone()).or_default().predicted += 1;
            if gold.contains(span) {
                self.overall.correct += 1;
                self.by_label.entry(span.label.clone()).or_default().correct += 1;
            }
        }
        for span in gold {
            self.overall.gold += 1;
            self.by_label.entry(span.label.clone()).or_default().gold += 1;
        }
    }

    /// A conlleval-style table.
    pub fn report(&self) -> String {
        let line = |name: &str, c: &Counts| {
            format!(
                "{name:<10} precision {:6.2}%  recall {:6.2}%  F1 {:6.2}  ({} predicted, {} gold)\n",
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1(),
                c.predicted,
                c.gold
            )
        };
        let mut out = line("overall", &self.overall);
        for (label, counts) in &self.by_label {
            out.push_str(&line(label, counts));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn reads_documents_sentences_and_tags() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";
        let docs = read(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0][0].words, ["EU", "rejects"]);
        assert_eq!(docs[0][0].tags, ["I-ORG", "O"]);
        assert_eq!(docs[1][0].words, ["Bonn"]);
    }

    #[test]
    fn iob1_and_iob2_give_the_same_spans() {
        let iob1 = spans_from_iob(&tags("I-PER I-PER B-PER O I-LOC I-ORG"));
        let iob2 = spans_from_iob(&tags("B-PER I-PER B-PER O B-LOC B-ORG"));
        assert_eq!(iob1, iob2);
        assert_eq!(iob1.len(), 4);
        assert_eq!(iob2_from_spans(&iob1, 6), tags("B-PER I-PER B-PER O B-LOC B-ORG"));
    }

    #[test]
    fn scores_count_exact_spans() {
        let gold = spans_from_iob(&tags("B-PER I-PER O B-LOC"));
        let predicted = spans_from_iob(&tags("B-PER I-PER O B-ORG"));
        let mut scores = Scores::default();
        scores.add(&predicted, &gold);
        assert_eq!(scores.overall.correct, 1);
        assert!((scores.overall.f1() - 0.5).abs() < 1e-9);
    }
}
