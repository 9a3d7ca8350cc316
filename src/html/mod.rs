//! HTML pages into article inputs: the page decoded (`encoding`), its
//! metadata read from what pages carry (`meta`), and its main text with the
//! boilerplate removed by the `trafilatura` crate (a Rust port of
//! go-trafilatura), ready for the text pipeline.

pub mod encoding;
pub mod meta;

use std::sync::LazyLock;

use regex::Regex;

use crate::article::{self, normalise_date, CaptionRanges};
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
    let extracted = main_text(&html);
    let (body, found) = extracted.map_or((String::new(), None), |r| {
        (r.content_text, Some(r.metadata))
    });
    let found_title = found
        .as_ref()
        .map(|m| meta::clean_text(&m.title))
        .filter(|t| !t.is_empty());
    let headline = metadata.title.or(found_title);
    let authors = if metadata.authors.is_empty() {
        found.as_ref().map_or_else(Vec::new, |m| {
            let byline = meta::split_authors(&meta::clean_text(&m.author));
            meta::people(byline, metadata.outlet.as_deref(), url.as_deref())
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
    let mut text = paragraphs(headline.as_deref(), &body);
    let captions = place_captions(&mut text, figure_captions(&html));
    Input {
        text,
        captions,
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

/// A page's main text and what the extractor read of its metadata. Reader
/// comments are pruned up front; a short extraction gets a second opinion
/// from the extractor's readability and jusText fallbacks, which cost as
/// much again, so only short pages pay for them.
fn main_text(html: &str) -> Option<trafilatura::ExtractResult> {
    /// Bytes of main text below which the fallbacks are consulted.
    const SHORT: usize = 2000;
    let mut options = trafilatura::Options::default();
    options.exclude_comments = true;
    let page = trafilatura::dom::Document::parse(html);
    // Cloning the DOM costs about a tenth of parsing it again, and a
    // quarter of pages need the second run.
    let again = page.clone_document();
    let first = trafilatura::extract_document(page, &options).ok();
    if first.as_ref().is_some_and(|r| r.content_text.len() >= SHORT) {
        return first;
    }
    trafilatura::extract_document(again, &options.with_fallback(true)).ok().or(first)
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

/// The `<figcaption>`s of the page's article (of the whole page when it
/// marks none), each as its text and its credit: an element classed as one
/// (`<span class="credit">`), else a credit the text ends with (`(AP
/// Photo/Name)`, `Photograph: Name`). Captions of fewer than three words
/// and repeats are left out.
fn figure_captions(html: &str) -> Vec<(String, Option<String>)> {
    static FIGCAPTION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?is)<figcaption[^>]*>(.*?)</figcaption>").unwrap());
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?is)<(\w+)[^>]*class\s*=\s*["'][^"']*(?:credit|copyright|source)[^"']*["'][^>]*>(.*?)</\w+>"#).unwrap()
    });
    let article = match (html.find("<article"), html.rfind("</article>")) {
        (Some(start), Some(end)) if start < end => &html[start..end],
        _ => html,
    };
    let mut found: Vec<(String, Option<String>)> = Vec::new();
    for figcaption in FIGCAPTION.captures_iter(article) {
        let inner = &figcaption[1];
        let credit = CREDIT.captures(inner);
        let text = match &credit {
            Some(c) => inner.replace(&c[0], " "),
            None => inner.to_string(),
        };
        let text = meta::clean_text(&text);
        let credit = credit.map(|c| meta::clean_text(&c[2])).filter(|c| !c.is_empty());
        if text.split_whitespace().count() >= 3 && !found.iter().any(|(seen, _)| *seen == text) {
            found.push((text, credit));
        }
    }
    found
}

/// Where each caption is in the text: the line the extractor kept it as,
/// else a line added after the text (`text credit`). A credit inside the
/// caption's text is found as the text parser finds credits.
fn place_captions(text: &mut String, captions: Vec<(String, Option<String>)>) -> Vec<CaptionRanges> {
    let mut ranges = Vec::with_capacity(captions.len());
    for (caption, credit) in captions {
        let kept = text.match_indices(&caption).map(|(at, _)| at).find(|&at| {
            let rest = rest_of_line(text, at + caption.len());
            (at == 0 || text[..at].ends_with('\n')) && (rest.is_empty() || credit.as_deref() == Some(rest))
        });
        let start = match kept {
            Some(at) => at,
            None if text.contains(&caption) => continue, // inside a paragraph
            None => {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                let start = text.len();
                text.push_str(&caption);
                if let Some(credit) = &credit {
                    text.push(' ');
                    text.push_str(credit);
                }
                start
            }
        };
        let end = start + caption.len();
        let credit = credit.filter(|c| rest_of_line(text, end) == c).map(|c| {
            let credit_start = end + text[end..].find(&c).unwrap_or_default();
            credit_start..credit_start + c.len()
        });
        ranges.push(match credit {
            Some(credit) => CaptionRanges { text: start..end, credit: Some(credit) },
            None => article::caption(&caption, start).unwrap_or(CaptionRanges { text: start..end, credit: None }),
        });
    }
    ranges
}

/// The text from `at` to the end of its line, trimmed.
fn rest_of_line(text: &str, at: usize) -> &str {
    let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    text[at..line_end].trim()
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
    fn figure_captions_become_captions_with_credits() {
        let page = br#"<html><body><nav>Home</nav><article><h1>Floods hit the valley</h1>
            <figure><img src="a.jpg"><figcaption>Rescuers wade through the flooded main street.
              <span class="credit">Photo: Jane Roe/Reuters</span></figcaption></figure>
            <p>Heavy rain flooded the valley on Tuesday, forcing hundreds of families from their homes, officials said.</p>
            <p>The river rose two metres overnight and is expected to stay high until the weekend, forecasters said.</p>
            <p>Schools and two hospitals were closed, and the army was sent to help with the evacuation of the lower town.</p>
            <p>The mayor said the damage would take months to repair and asked the government for emergency funds.</p>
            <figure><figcaption>A shelter opened in the school gym. (AP Photo/Max Mo)</figcaption></figure>
            </article></body></html>"#;
        let input = input(page, None, None);
        let article = crate::parse(input, &crate::Options::default());
        let captions: Vec<(&str, Option<&str>)> =
            article.captions.iter().map(|c| (c.text.as_str(), c.credit.as_deref())).collect();
        assert_eq!(
            captions,
            [
                ("Rescuers wade through the flooded main street.", Some("Photo: Jane Roe/Reuters")),
                ("A shelter opened in the school gym.", Some("AP Photo/Max Mo")),
            ]
        );
        let first = &article.captions[0];
        assert!(article.text[..].contains("Rescuers wade") && first.end > first.start);
        assert!(!article.body.contains("Rescuers"));
    }

    #[test]
    fn text_that_is_not_html_is_an_error() {
        let input = input(b"Just a plain sentence, no markup.", None, Some("x".into()));
        assert!(input.errors[0].starts_with("not HTML"));
        assert!(input.text.is_empty());
    }
}
