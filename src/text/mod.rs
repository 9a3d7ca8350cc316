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

/// Whether `start..end` overlaps one of `ranges`, which are sorted by start
/// and do not overlap each other (a binary search).
pub fn overlaps_sorted(ranges: &[Range<usize>], start: usize, end: usize) -> bool {
    let after = ranges.partition_point(|r| r.start < end);
    after > 0 && ranges[after - 1].end > start
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
