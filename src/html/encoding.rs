//! Bytes of a page into text: a byte-order mark, then the charset the page
//! declares (`<meta charset>`, `http-equiv` Content-Type) in its first
//! kilobytes, then UTF-8 when the bytes are valid UTF-8, then windows-1252
//! (what browsers assume for undeclared legacy pages; a superset of
//! ISO-8859-1).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;
use std::sync::LazyLock;

/// How far into the page a charset declaration is looked for.
const PRESCAN: usize = 4096;

static DECLARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"#).unwrap()
});

/// The page's text and the encoding it was read with.
pub fn decode(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), encoding);
    }
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let declared = DECLARED
        .captures(head)
        .and_then(|c| Encoding::for_label(&c[1]));
    let encoding = match declared {
        // A page that says UTF-16 in ASCII is not UTF-16 (the HTML standard).
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => UTF_8,
        Some(e) if e != UTF_8 || std::str::from_utf8(bytes).is_ok() => e,
        _ if std::str::from_utf8(bytes).is_ok() => UTF_8,
        _ => WINDOWS_1252,
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_undeclared_and_mislabelled_pages() {
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Caf\xe9 \xab talks \xbb</body></html>";
        assert!(decode(latin).0.contains("Café « talks »"));
        let undeclared = b"<p>Caf\xe9 \x93quoted\x94</p>";
        assert_eq!(
            decode(undeclared),
            (
                "<p>Café \u{201c}quoted\u{201d}</p>".to_string(),
                WINDOWS_1252
            )
        );
        let utf8_said_latin = "<meta charset=utf-8><p>Erdoğan</p>".as_bytes();
        assert!(decode(utf8_said_latin).0.contains("Erdoğan"));
        let wrong_label = "<meta charset=\"utf-8\"><p>Caf\u{e9}</p>".as_bytes();
        assert!(decode(wrong_label).0.contains("Café"));
    }
}
