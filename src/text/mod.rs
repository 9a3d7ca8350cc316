//! The text layer: tokens and sentences with offsets, and the map from byte
//! offsets to the code-point offsets the article record speaks.

mod offsets;
mod sentences;
mod tokenize;

pub use offsets::CharMap;
pub use sentences::{split_sentences, Sentence};
pub use tokenize::{is_abbreviation, is_space, tokenize, tokenize_range, Token};

/// Byte ranges of the sentences in `text[start..end]`.
pub fn sentence_ranges(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut tokens = Vec::new();
    tokenize_range(text, start, end, &mut tokens);
    split_sentences(text, &tokens)
        .iter()
        .map(|s| (tokens[s.first_token].start, tokens[s.end_token - 1].end))
        .collect()
}
