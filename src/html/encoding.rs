//! Bytes into text, for pages and plain text alike: a byte-order mark
//! first; for a page, then the charset it declares (`<meta charset>`,
//! `http-equiv` Content-Type) in its first kilobytes; then UTF-8 when the
//! bytes are UTF-8, or damaged UTF-8 (valid multi-byte sequences among
//! invalid ones, which are replaced with U+FFFD); else windows-1252, what
//! browsers assume for undeclared legacy pages (a superset of ISO-8859-1,
//! Latin-1).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;
use std::sync::LazyLock;

/// How far into the page a charset declaration is looked for.
const PRESCAN: usize = 4096;

static DECLARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"#).unwrap()
});

/// Text read from bytes.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// The encoding the bytes were read with.
    pub encoding: &'static Encoding,
    /// Byte sequences that were not valid in it, replaced with U+FFFD.
    pub replaced: usize,
}

/// A page's text, read as browsers read it.
pub fn decode_page(bytes: &[u8]) -> Decoded {
    if Encoding::for_bom(bytes).is_some() {
        return decode_text(bytes);
    }
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let declared = DECLARED
        .captures(head)
        .and_then(|c| Encoding::for_label(&c[1]));
    match declared {
        // A page that says UTF-16 in ASCII is not UTF-16 (the HTML standard);
        // a page that says UTF-8 and is not gets the undeclared reading.
        Some(e) if e != UTF_8 && e != encoding_rs::UTF_16LE && e != encoding_rs::UTF_16BE => {
            decode_with(e, bytes)
        }
        _ => decode_text(bytes),
    }
}

/// Text with no declaration: a byte-order mark, else UTF-8 (damaged or
/// not), else windows-1252.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom..]);
    }
    let is_utf8 = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii())
        || std::str::from_utf8(bytes).is_ok();
    decode_with(if is_utf8 { UTF_8 } else { WINDOWS_1252 }, bytes)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let replaced = match had_errors {
        false => 0,
        true if encoding == UTF_8 => bytes
            .utf8_chunks()
            .filter(|c| !c.invalid().is_empty())
            .count(),
        true => text.matches('\u{fffd}').count(),
    };
    Decoded {
        text: text.into_owned(),
        encoding,
        replaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_undeclared_and_mislabelled_pages() {
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Caf\xe9 \xab talks \xbb</body></html>";
        assert!(decode_page(latin).text.contains("Café « talks »"));
        let undeclared = b"<p>Caf\xe9 \x93quoted\x94</p>";
        let read = decode_page(undeclared);
        assert_eq!(read.text, "<p>Café \u{201c}quoted\u{201d}</p>");
        assert_eq!(read.encoding, WINDOWS_1252);
        let utf8_said_latin = "<meta charset=utf-8><p>Erdoğan</p>".as_bytes();
        assert!(decode_page(utf8_said_latin).text.contains("Erdoğan"));
        let wrong_label = b"<meta charset=\"utf-8\"><p>Caf\xe9</p>";
        assert!(decode_page(wrong_label).text.contains("Café"));
    }

    #[test]
    fn plain_text_is_utf8_damaged_utf8_or_legacy() {
        let utf8 = decode_text("Erdoğan".as_bytes());
        assert_eq!(
            (utf8.text.as_str(), utf8.encoding, utf8.replaced),
            ("Erdoğan", UTF_8, 0)
        );
        let latin1 = decode_text(b"Caf\xe9 \xabtalks\xbb");
        assert_eq!(
            (latin1.text.as_str(), latin1.encoding),
            ("Café «talks»", WINDOWS_1252)
        );
        let damaged = decode_text(b"Erdo\xc4\x9fan \xff\xfe said");
        assert_eq!(
            (damaged.text.as_str(), damaged.encoding, damaged.replaced),
            ("Erdoğan \u{fffd}\u{fffd} said", UTF_8, 2)
        );
        let utf16 = decode_text(b"\xff\xfeK\x00y\x00i\x00v\x00");
        assert_eq!(
            (utf16.text.as_str(), utf16.encoding),
            ("Kyiv", encoding_rs::UTF_16LE)
        );
    }
}
