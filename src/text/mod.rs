//! The text layer: tokens and sentences with offsets, the map from byte
//! offsets to the code-point offsets the article record speaks, and folded
//! normal forms of names.

mod fold;
mod offsets;
mod sentences;
mod tokenize;

use std::ops::Range;

use crate::doc::{BlockSentence, Doc, Segmented};

pub use fold::fold;
pub use offsets::CharMap;
pub use sentences::{split_sentences, Sentence};
pub use tokenize::{is_abbreviation, is_space, tokenize, tokenize_range};

/// The text stage: the tokens and sentences of the story's blocks.
pub fn annotate(doc: &mut Doc) {
    doc.segmented = segment(&doc.text, doc.structure.story.iter().map(|b| &b.range));
}

/// Tokenizes and splits each block (byte ranges of `text`) into sentences.
pub fn segment<'a>(text: &str, blocks: impl IntoIterator<Item = &'a Range<usize>>) -> Segmented {
    let mut out = Segmented::default();
    let mut block_tokens = Vec::new();
    for (block, range) in blocks.into_iter().enumerate() {
        block_tokens.clear();
        tokenize_range(text, range.start, range.end, &mut block_tokens);
        let offset = out.tokens.len();
        for s in split_sentences(text, &block_tokens) {
            out.sentences.push(BlockSentence { first_token: offset + s.first_token, end_token: offset + s.end_token, block });
        }
        out.tokens.extend_from_slice(&block_tokens);
    }
    // Every later stage holds these: no spare capacity.
    out.tokens.shrink_to_fit();
    out.sentences.shrink_to_fit();
    out
}

/// Ranges sorted by start, each with the latest end among those up to it,
/// so that whether one of them overlaps or holds a given range is a binary
/// search, even where they overlap each other.
pub struct Ranges<K> {
    starts: Vec<K>,
    latest_ends: Vec<K>,
}

impl<K: Ord + Copy> Ranges<K> {
    /// The ranges given as `(start, end)`, end exclusive.
    pub fn new(ranges: impl IntoIterator<Item = (K, K)>) -> Ranges<K> {
        let mut bounds: Vec<(K, K)> = ranges.into_iter().collect();
        bounds.sort_unstable();
        let mut latest_ends: Vec<K> = Vec::with_capacity(bounds.len());
        for &(_, end) in &bounds {
            latest_ends.push(latest_ends.last().map_or(end, |&latest| latest.max(end)));
        }
        Ranges { starts: bounds.into_iter().map(|(start, _)| start).collect(), latest_ends }
    }

    /// Whether one of the ranges overlaps `start..end`.
    pub fn overlap(&self, start: K, end: K) -> bool {
        let before_end = self.starts.partition_point(|&s| s < end);
        before_end > 0 && self.latest_ends[before_end - 1] > start
    }

    /// Whether one of the ranges holds `start..end` whole.
    pub fn hold(&self, start: K, end: K) -> bool {
        let from_before = self.starts.partition_point(|&s| s <= start);
        from_before > 0 && self.latest_ends[from_before - 1] >= end
    }
}

/// A word in lower case, borrowed when it has no capitals.
pub fn lower_case(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// An ASCII word in lower case, written into `buffer`, without allocating;
/// `None` when the word is not ASCII or longer than the buffer.
pub fn ascii_lower<'b>(word: &str, buffer: &'b mut [u8]) -> Option<&'b str> {
    let lower = buffer.get_mut(..word.len()).filter(|_| word.is_ascii())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok()
}

/// Text of a title, caption or name on one line: line breaks and runs of
/// spaces become one space (a lone no-break space is kept as printed).
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending: Option<char> = None;
    for c in text.chars() {
        if c.is_whitespace() {
            pending = Some(match pending {
                None if c != '\n' && c != '\r' && c != '\t' => c,
                _ => ' ',
            });
        } else {
            if let Some(space) = pending.take() {
                out.push(space);
            }
            out.push(c);
        }
    }
    out
}

/// Byte ranges of the sentences in `text[start..end]`.
pub fn sentence_ranges(text: &str, start: usize, end: usize) -> Vec<Range<usize>> {
    let segmented = segment(text, [&(start..end)]);
    segmented.sentences.iter().map(|s| segmented.sentence_range(s)).collect()
}

#[cfg(test)]
mod tests {
    use super::Ranges;

    #[test]
    fn ranges_answer_overlap_and_hold_though_they_overlap_each_other() {
        // 0..10 holds 4..6; the later 2..3 ends before 4.
        let ranges = Ranges::new([(2, 3), (0, 10), (20, 25)]);
        assert!(ranges.overlap(4, 6) && ranges.hold(4, 6));
        assert!(ranges.overlap(24, 30) && !ranges.hold(24, 30));
        assert!(!ranges.overlap(10, 20) && !ranges.hold(10, 11));
        assert!(!Ranges::<usize>::new([]).overlap(0, 1));
    }
}
