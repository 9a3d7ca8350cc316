//! HTML pages into article inputs: the page decoded (`encoding`) and parsed
//! once into a DOM, its metadata read from what pages carry (`meta`), and
//! its main text with the boilerplate removed by the `trafilatura` crate (a
//! Rust port of go-trafilatura, vendored), ready for the text pipeline.

pub mod encoding;
pub mod meta;

use std::sync::LazyLock;

use regex::Regex;
use trafilatura::dom::{Document, ElementRef};
use trafilatura::metadata::Fields;
use trafilatura::TextBlock;

use crate::article::{self, normalise_date};
use crate::doc::{CaptionRanges, Given, KnownLines};
use crate::pipeline::Input;

/// A saved page as given: bytes in the encoding the page declares (or
/// none), or text already decoded (a Python `str`, a JSONL field).
#[derive(Clone, Copy, Debug)]
pub enum Page<'a> {
    Bytes(&'a [u8]),
    Text(&'a str),
}

/// The input the text pipeline gets from a page: the title and the main
/// text as paragraphs (offsets point into this text), and the page's
/// metadata as fields that override what the text parser would infer.
pub fn input(page: Page<'_>, url: Option<String>, id: Option<String>) -> Input {
    match page {
        Page::Text(html) => page_input(html, url, id),
        Page::Bytes(bytes) => {
            let decoded = encoding::decode_page(bytes);
            let mut input = page_input(&decoded.text, url, id);
            input.given.encoding = Some(decoded.encoding.name());
            input
        }
    }
}

fn page_input(html: &str, url: Option<String>, id: Option<String>) -> Input {
    if !looks_like_html(html) {
        return Input {
            id,
            given: Given { url, ..Given::default() },
            errors: vec![
                "not HTML: the input has no HTML elements, so no article was read from it"
                    .to_string(),
            ],
            ..Input::default()
        };
    }
    let page = Document::parse(html);
    let metadata = meta::read(&page, url.as_deref());
    let captions = figure_captions(&page);
    // The extractor's reading of the metadata (bylines and dates in the
    // page's elements and text) fills what ours missed; its searches of the
    // page cost about a quarter of the extraction, so only the fields ours
    // missed are looked for.
    let wanted = Fields {
        title: metadata.title.is_none(),
        author: metadata.authors.is_empty(),
        date: metadata.published.is_none(),
        others: false,
    };
    let options = extraction_options();
    let found = (wanted.title || wanted.author || wanted.date)
        .then(|| trafilatura::metadata::extract_metadata_fields(&page, &options, wanted));
    let blocks = trafilatura::extract_document(page, &options).map_or_else(|_| Vec::new(), |r| r.content_blocks);
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
    if blocks.is_empty() {
        errors.push("html: no main text found on the page".to_string());
    }
    let (mut text, mut known) = story(headline.as_deref(), &blocks);
    known.captions = place_captions(&mut text, captions);
    let opens_body = |description: &str| {
        let body: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        body.join(" ").starts_with(description.trim_end_matches('…'))
    };
    let dek = metadata.description.filter(|d| !opens_body(d));
    let given = Given {
        published,
        outlet: metadata.outlet,
        url,
        headline,
        authors: Some(authors),
        dek,
        known,
        encoding: None,
    };
    Input { text, id, given, errors }
}

/// How the extractor is run: reader comments pruned up front; a short
/// extraction gets a second opinion from its readability and jusText
/// fallbacks, which cost as much again, so only short pages pay for them;
/// metadata left to `input`; the text only, without its HTML, in blocks.
fn extraction_options() -> trafilatura::Options {
    /// Bytes of main text below which the fallbacks are consulted: about 80
    /// words, twice the 250 characters below which trafilatura itself turns
    /// to its baseline; shorter than a news story. (On the benchmark pages
    /// in the README, 500 to 2000 bytes extract the same snippets; 250 loses
    /// some.)
    const SHORT: usize = 500;
    trafilatura::Options::default()
        .with_exclude_comments(true)
        .with_fallback(true)
        .with_fallback_below(SHORT)
        .with_skip_metadata(true)
        .with_skip_html(true)
        .with_text_blocks(true)
}

/// The headline and the main text's blocks (paragraphs, headings, list
/// items, ...), blank-line separated, with the headline not repeated when
/// the main text starts with it; and which lines are the headline and the
/// section headings.
fn story(headline: Option<&str>, blocks: &[TextBlock]) -> (String, KnownLines) {
    let mut text = String::new();
    let mut known = KnownLines::default();
    let mut add = |line: &str| {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(line);
        text.len() - line.len()..text.len()
    };
    let mut blocks = blocks.iter().peekable();
    if let Some(headline) = headline {
        known.headline = Some(add(headline));
        blocks.next_if(|b| b.text == headline);
    }
    for block in blocks {
        let range = add(&block.text);
        // (An `<h1>` in the text is the headline again, or a variant of it.)
        if matches!(block.tag.as_str(), "h2" | "h3" | "h4" | "h5" | "h6") {
            known.headings.push(range);
        }
    }
    (text, known)
}

/// The `<figcaption>`s of the page's articles (of the whole page when it
/// marks none), each as its text and its credit: an element classed as one
/// (`<span class="credit">`), else a credit the text ends with (`(AP
/// Photo/Name)`, `Photograph: Name`). Captions of fewer than three words
/// and repeats are left out.
fn figure_captions(page: &Document) -> Vec<(String, Option<String>)> {
    let is_article = |element: ElementRef| element.value().name() == "article";
    let has_articles = page.elements().any(is_article);
    let mut found: Vec<(String, Option<String>)> = Vec::new();
    for figcaption in page.elements().filter(|e| e.value().name() == "figcaption") {
        if has_articles && !figcaption.ancestors().filter_map(ElementRef::wrap).any(is_article) {
            continue;
        }
        let credit = figcaption
            .descendent_elements()
            .skip(1)
            .find(|&e| meta::class_mentions(e, &["credit", "copyright", "source"]));
        let text = meta::element_text(figcaption, credit);
        let credit = credit.map(|c| meta::element_text(c, None)).filter(|c| !c.is_empty());
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
        let input = input(Page::Bytes(page), Some("https://daily.example/world/talks".into()), None);
        assert_eq!(input.given.headline.as_deref(), Some("Ceasefire talks resume"));
        assert_eq!(input.given.authors, Some(vec!["Jane Roe".to_string()]));
        assert_eq!(
            input.given.published.as_deref(),
            Some("2024-03-05T10:00:00+00:00")
        );
        // (a page this small is read by the extractor's baseline: one block)
        assert!(input.text.starts_with("Ceasefire talks resume\n\n"));
        assert!(input
            .text
            .contains("Negotiators from both sides met in Geneva"));
        assert!(!input.text.contains("Copyright") && !input.text.contains("Home"));
        assert!(input.errors.is_empty());
    }

    #[test]
    fn paragraphs_headings_and_list_items_stay_apart() {
        let page = br#"<html><head><title>Floods hit the valley</title></head><body><article>
            <h1>Floods hit the valley</h1>
            <p>Heavy rain flooded the valley on Tuesday, forcing hundreds of families from their homes, officials said.</p>
            <p>The river rose two metres overnight<br>and is expected to stay high until the weekend, forecasters said.</p>
            <h2>Schools Closed</h2>
            <p>Schools and two hospitals were closed, and the army was sent to help with the evacuation of the lower town.</p>
            <ul><li>Shelters are open in the town hall and the school gym.</li><li>Roads to the north are closed.</li></ul>
            <p>The mayor said the damage would take months to repair and asked the government for emergency funds.</p>
            </article></body></html>"#;
        let article = crate::parse(input(Page::Bytes(page), None, None), &crate::Options::default());
        let text = |r: &crate::record::Span| &article.text[r.start..r.end];
        assert_eq!(article.headline.as_deref(), Some("Floods hit the valley"));
        assert_eq!(
            article.paragraphs.iter().map(text).collect::<Vec<_>>(),
            [
                "Heavy rain flooded the valley on Tuesday, forcing hundreds of families from their homes, officials said.",
                "The river rose two metres overnight\nand is expected to stay high until the weekend, forecasters said.",
                "Schools and two hospitals were closed, and the army was sent to help with the evacuation of the lower town.",
                "Shelters are open in the town hall and the school gym.",
                "Roads to the north are closed.",
                "The mayor said the damage would take months to repair and asked the government for emergency funds.",
            ]
        );
        assert_eq!(article.sections, ["Schools Closed"]);
        assert_eq!(article.sentences.iter().map(text).next(), Some("Floods hit the valley"));
    }

    #[test]
    fn figure_captions_become_captions_with_credits() {
        let page = br#"<html><body><nav>Home</nav><article><h1>Floods hit the valley</h1>
            <figure><img src="a.jpg"><figcaption>Rescuers wade through the flooded main street.
              <span class="Credit">Photo: <a href="/jane">Jane Roe</a>/Reuters</span></figcaption></figure>
            <p>Heavy rain flooded the valley on Tuesday, forcing hundreds of families from their homes, officials said.</p>
            <p>The river rose two metres overnight and is expected to stay high until the weekend, forecasters said.</p>
            <p>Schools and two hospitals were closed, and the army was sent to help with the evacuation of the lower town.</p>
            <p>The mayor said the damage would take months to repair and asked the government for emergency funds.</p>
            <figure><figcaption>A shelter opened in the school gym. (AP Photo/Max Mo)</figcaption></figure>
            </article></body></html>"#;
        let input = input(Page::Bytes(page), None, None);
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
        assert!(!article.body().contains("Rescuers"));
    }

    #[test]
    fn text_that_is_not_html_is_an_error() {
        let input = input(Page::Bytes(b"Just a plain sentence, no markup."), None, Some("x".into()));
        assert!(input.errors[0].starts_with("not HTML"));
        assert!(input.text.is_empty());
    }
}
