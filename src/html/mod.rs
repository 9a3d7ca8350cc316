//! HTML pages into article inputs: the page decoded (`encoding`), its
//! metadata read from what pages carry (`meta`), and its main text with the
//! boilerplate removed by the `trafilatura` crate (a Rust port of
//! go-trafilatura), ready for the text pipeline.

pub mod encoding;
pub mod meta;

use std::sync::LazyLock;

use regex::Regex;

use crate::article::normalise_date;
use crate::pipeline::Input;

/// The input the text pipeline gets from a page: the title and the main
/// text as paragraphs (offsets point into this text), and the page's
/// metadata as fields that override what the text parser would infer.
pub fn input(bytes: &[u8], url: Option<String>, id: Option<String>) -> Input {
    let (html, _) = encoding::decode(bytes);
    if !looks_like_html(&html) {
        return Input {
            id,
            url,
            errors: vec![
                "not HTML: the input has no HTML elements, so no article was read from it"
                    .to_string(),
            ],
            ..Input::default()
        };
    }
    let metadata = meta::read(&html, url.as_deref());
    let extracted = trafilatura::extract(&html, &trafilatura::Options::default()).ok();
    let (body, found) = extracted.map_or((String::new(), None), |r| {
        (r.content_text, Some(r.metadata))
    });
    let found_title = found
        .as_ref()
        .map(|m| meta::clean_text(&m.title))
        .filter(|t| !t.is_empty());
    let headline = metadata.title.or(found_title);
    let authors = if metadata.authors.is_empty() {
        found
            .as_ref()
            .map(|m| meta::clean_text(&m.author))
            .filter(|a| !a.is_empty())
            .map_or_else(Vec::new, |a| {
                a.split(';')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
    } else {
        metadata.authors
    };
    let published = metadata.published.or_else(|| {
        found
            .as_ref()
            .and_then(|m| m.date)
            .and_then(|d| normalise_date(&d.to_string()))
    });
    let mut errors = Vec::new();
    if body.is_empty() {
        errors.push("html: no main text found on the page".to_string());
    }
    let text = paragraphs(headline.as_deref(), &body);
    Input {
        text,
        id,
        published,
        outlet: metadata.outlet,
        url,
        headline,
        authors,
        dek: metadata
            .description
            .filter(|d| !body.starts_with(d.trim_end_matches('…'))),
        errors,
    }
}

/// The headline and the main text's paragraphs, blank-line separated, with
/// the headline not repeated when the main text starts with it.
fn paragraphs(headline: Option<&str>, body: &str) -> String {
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut parts: Vec<&str> = Vec::with_capacity(lines.len() + 1);
    if let Some(headline) = headline.filter(|h| lines.first() != Some(h)) {
        parts.push(headline);
    }
    parts.extend(lines);
    parts.join("\n\n")
}

/// Whether text has HTML elements at all (a page, or a fragment of one).
pub fn looks_like_html(text: &str) -> bool {
    static ELEMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)<(?:!doctype\s+html|html|head|body|p|div|article|title|meta|span|br|h[1-6]|section|main)[\s>/]").unwrap()
    });
    ELEMENT.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_becomes_headline_and_paragraphs_with_its_metadata() {
        let page = br#"<!doctype html><html><head><title>Ceasefire talks resume - Daily</title>
            <meta name="author" content="Jane Roe"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
            </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Ceasefire talks resume</h1>
            <p>Negotiators from both sides met in Geneva on Monday to discuss a ceasefire, officials said.</p>
            <p>The talks, the first in months, are expected to last until Friday, according to the mediators.</p>
            </article><footer>Copyright 2024 Daily. All rights reserved.</footer></body></html>"#;
        let input = input(page, Some("https://daily.example/world/talks".into()), None);
        assert_eq!(input.headline.as_deref(), Some("Ceasefire talks resume"));
        assert_eq!(input.authors, ["Jane Roe"]);
        assert_eq!(
            input.published.as_deref(),
            Some("2024-03-05T10:00:00+00:00")
        );
        // (a page this small is extracted as one block)
        assert!(input.text.starts_with("Ceasefire talks resume\n\n"));
        assert!(input
            .text
            .contains("Negotiators from both sides met in Geneva"));
        assert!(!input.text.contains("Copyright") && !input.text.contains("Home"));
        assert!(input.errors.is_empty());
    }

    #[test]
    fn text_that_is_not_html_is_an_error() {
        let input = input(b"Just a plain sentence, no markup.", None, Some("x".into()));
        assert!(input.errors[0].starts_with("not HTML"));
        assert!(input.text.is_empty());
    }
}
