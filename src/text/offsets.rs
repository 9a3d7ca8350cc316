//! Byte offsets (what Rust slices with) to code-point offsets (what Python
//! indexes with), in O(1) memory per 64 bytes of text.

/// Converts byte offsets of one text into code-point offsets.
///
/// Keeps the code-point count at every 64th byte, so a lookup counts at most
/// 63 bytes; pure-ASCII texts skip the table entirely.
pub struct CharMap<'a> {
    text: &'a str,
    checkpoints: Option<Vec<u32>>,
}

const STRIDE: usize = 64;

impl<'a> CharMap<'a> {
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharMap { text, checkpoints: None };
        }
        let bytes = text.as_bytes();
        // checkpoints[i] = code points before byte i * STRIDE, for every
        // block start up to and including the end of the text.
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 2);
        let mut chars = 0u32;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(chars);
            chars += count_chars(chunk) as u32;
        }
        if bytes.len().is_multiple_of(STRIDE) {
            checkpoints.push(chars);
        }
        CharMap { text, checkpoints: Some(checkpoints) }
    }

    /// The code-point offset of `byte`, which must lie on a char boundary
    /// (or at the end of the text).
    pub fn char_offset(&self, byte: usize) -> usize {
        match &self.checkpoints {
            None => byte,
            Some(checkpoints) => {
                let block_start = byte / STRIDE * STRIDE;
                checkpoints[byte / STRIDE] as usize + count_chars(&self.text.as_bytes()[block_start..byte])
            }
        }
    }

    /// A byte range as a code-point range.
    pub fn char_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.char_offset(start), self.char_offset(end))
    }

    /// The byte offset of code point `chars`; the text's length for its end
    /// (or past it).
    pub fn byte_offset(&self, chars: usize) -> usize {
        let Some(checkpoints) = &self.checkpoints else {
            return chars.min(self.text.len());
        };
        let block = checkpoints.partition_point(|&c| c as usize <= chars).saturating_sub(1);
        let mut left = chars - checkpoints[block] as usize;
        for (at, &b) in self.text.as_bytes().iter().enumerate().skip(block * STRIDE) {
            if b & 0b1100_0000 != 0b1000_0000 {
                if left == 0 {
                    return at;
                }
                left -= 1;
            }
        }
        self.text.len()
    }
}

fn count_chars(bytes: &[u8]) -> usize {
    // Every byte but a UTF-8 continuation byte (0b10xx_xxxx) starts a char.
    bytes.iter().filter(|&&b| b & 0b1100_0000 != 0b1000_0000).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices_on_mixed_text() {
        let text = "Putin’s talks — Erdoğan 🇺🇦 ".repeat(20);
        let map = CharMap::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(byte), chars);
        }
        assert_eq!(map.char_offset(text.len()), text.chars().count());
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.byte_offset(chars), byte);
        }
        assert_eq!(map.byte_offset(text.chars().count()), text.len());
    }

    #[test]
    fn end_of_text_on_a_stride_boundary() {
        let text = "é".repeat(64); // 128 bytes
        let map = CharMap::new(&text);
        assert_eq!(map.char_offset(text.len()), 64);
    }
}
