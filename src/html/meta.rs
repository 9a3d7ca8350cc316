//! Metadata from what pages carry: JSON-LD `NewsArticle` (and other
//! `Article` types), Open Graph, Twitter and other `<meta>` tags, `<time
//! datetime>`, `<title>` and `<h1>`, and the URL (a date in the path, the
//! host). Read in one walk over the elements of the page's DOM.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use trafilatura::dom::{attribute, Document, Edge, ElementRef, Node};

use crate::article::{normalise_date, zone_suffix};
use crate::calendar::Date;
use crate::fxhash::FxHashMap;
use crate::lexicon::Words;

/// What a page says about itself; each field from the most reliable
/// source that has it.
#[derive(Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub description: Option<String>,
    pub authors: Vec<String>,
    /// ISO 8601, as `normalise_date` gives it.
    pub published: Option<String>,
    pub outlet: Option<String>,
}

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").unwrap());
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})(?:[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])|/(1[0-2]|[1-9])/(3[01]|[12]\d|[1-9]))(?:/|[-_]|$)")
        .unwrap()
});
/// A zone abbreviation after an ISO time (`2020-09-25T16:02:50CDT`).
static ZONE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?)\s*([A-Z]{3,4})$").unwrap());
static HOST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)").unwrap());
/// A title's site suffix or prefix: `Headline | Site`, `Headline - Site`.
static SITE_PART: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+[|\-–—·:»]\s+").unwrap());

/// `<meta>` names (name, property, itemprop) that carry each field, best first.
static TITLE_TAGS: Words = Words::new("title_tags");
static DESCRIPTION_TAGS: Words = Words::new("description_tags");
static AUTHOR_TAGS: Words = Words::new("author_tags");
static PUBLISHED_TAGS: Words = Words::new("published_tags");
/// Last-modified times: the publication date when a page states no other.
static MODIFIED_TAGS: Words = Words::new("modified_tags");
static OUTLET_TAGS: Words = Words::new("outlet_tags");

/// Reads a page's metadata; `url` is where the page was found.
pub fn read(page: &Document, url: Option<&str>) -> Metadata {
    let found = Elements::of(page);
    let tags = &found.meta;
    let tag = |names: &Words| names.words().find_map(|n| tags.get(n).filter(|v| !v.is_empty()).cloned());
    let linked = json_ld(&found.json_ld);
    let title = linked
        .title
        .or(found.h1)
        .or_else(|| tag(&TITLE_TAGS))
        .or_else(|| found.title.as_deref().map(|t| without_site(t).to_string()));
    let from_tags = |names: &'static Words| names.words().filter_map(|n| tags.get(n).cloned());
    let date_of = |stated: &str| normalise_date(&with_offset(stated));
    let stated: Vec<String> = linked
        .published
        .into_iter()
        .chain(from_tags(&PUBLISHED_TAGS))
        .chain(found.marked_times)
        .chain(linked.any_published)
        .chain(from_tags(&MODIFIED_TAGS))
        .filter_map(|d| date_of(&d))
        .collect();
    let times: Vec<String> = found.other_times.iter().filter_map(|d| date_of(d)).collect();
    let shown = found.shown.iter().find_map(|text| normalise_date(text)).map(|d| d[..10].to_string());
    // The page prints one of the dates its metadata carries (an update,
    // often): the one readers see. Else the first, on the outlet's clock.
    let stated = shown
        .and_then(|day| stated.iter().find(|d| d.starts_with(&day)))
        .or(stated.first())
        .map(|first| local_form(first, &[&stated[..], &times[..]].concat()).to_string())
        .or_else(|| times.first().cloned());
    // A date in the URL is the day the outlet filed the story under; a
    // stated time on another day is usually the same moment in UTC.
    let published = match (
        stated,
        url.and_then(url_date).and_then(|d| normalise_date(&d)),
    ) {
        (Some(stated), Some(day)) if !stated.starts_with(&day) => Some(day),
        (stated, day) => stated.or(day),
    };
    let outlet = linked
        .publisher
        .or_else(|| tag(&OUTLET_TAGS).map(|o| o.trim_start_matches('@').to_string()))
        .or_else(|| url.and_then(host));
    let byline = |names: Vec<String>| people(names, outlet.as_deref(), url);
    let authors = Some(byline(linked.authors))
        .into_iter()
        .chain(AUTHOR_TAGS.words().filter_map(|n| tags.get(n)).map(|a| byline(split_authors(a))))
        .find(|names| !names.is_empty())
        .unwrap_or_default();
    Metadata {
        title,
        description: tag(&DESCRIPTION_TAGS),
        authors,
        published,
        outlet,
    }
}

/// What the metadata is read from, gathered in one walk over the page.
#[derive(Default)]
struct Elements {
    /// `<meta>` contents by lower-cased name, property or itemprop; the
    /// first of each name wins.
    meta: FxHashMap<String, String>,
    /// The JSON-LD scripts.
    json_ld: Vec<String>,
    /// The text of the first `<title>` and of the first `<h1>`, when not empty.
    title: Option<String>,
    h1: Option<String>,
    /// `datetime` values of `<time>` elements marked as the publication
    /// date, and of the others.
    marked_times: Vec<String>,
    other_times: Vec<String>,
    /// The text of the first few elements whose class says they show a
    /// date (`<span class="entry-date">April 13, 2020</span>`).
    shown: Vec<String>,
}

impl Elements {
    fn of(page: &Document) -> Elements {
        /// How many elements whose class says they show a date are read.
        const SHOWN: usize = 3;
        let mut found = Elements::default();
        let (mut title_seen, mut h1_seen) = (false, false);
        for element in page.elements() {
            let e = element.value();
            match e.name() {
                "meta" => {
                    let name = ["property", "name", "itemprop"].iter().find_map(|k| attribute(e, k));
                    if let (Some(name), Some(content)) = (name, attribute(e, "content")) {
                        found.meta.entry(name.to_lowercase()).or_insert_with(|| clean_text(content));
                    }
                }
                "script" if attribute(e, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                    found.json_ld.push(element.text().collect());
                }
                "title" if !title_seen => {
                    title_seen = true;
                    found.title = Some(element_text(element, None)).filter(|t| !t.is_empty());
                }
                "h1" if !h1_seen => {
                    h1_seen = true;
                    found.h1 = Some(element_text(element, None)).filter(|t| !t.is_empty());
                }
                "time" => {
                    if let Some(datetime) = attribute(e, "datetime") {
                        let published = attribute(e, "pubdate").is_some()
                            || attribute(e, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                            || attribute(e, "class").is_some_and(|c| c.contains("publish"));
                        let times = if published { &mut found.marked_times } else { &mut found.other_times };
                        times.push(datetime.to_string());
                    }
                }
                _ => {}
            }
            if found.shown.len() < SHOWN && matches!(e.name(), "time" | "span" | "div" | "p" | "li") {
                let dated = class_mentions(element, &["date", "publish", "posted"]);
                let leading = element.first_child().and_then(|child| child.value().as_text().map(|t| &t[..]));
                if let Some(text) = leading.filter(|t| dated && (6..=80).contains(&t.chars().count())) {
                    found.shown.push(clean_text(text));
                }
            }
        }
        found
    }
}

/// Whether an element's class attribute mentions one of `words` (lower
/// case), in any case and inside longer names (`article__Date`).
pub fn class_mentions(element: ElementRef, words: &[&str]) -> bool {
    attribute(element.value(), "class").is_some_and(|class| {
        let class = class.to_lowercase();
        words.iter().any(|word| class.contains(word))
    })
}

/// An element's text without that of `left_out` (an element inside it),
/// whitespace collapsed. Where a tag separates two parts, a space does too
/// (layouts set them apart: `Media caption<span>Drone footage`), unless
/// punctuation joins them (`<a>Jane Roe</a>/Reuters`, `(<a>AP</a>)`).
pub fn element_text(element: ElementRef, left_out: Option<ElementRef>) -> String {
    let mut text = String::new();
    let (mut in_left_out, mut after_tag) = (false, false);
    for edge in element.traverse() {
        let node = match edge {
            Edge::Open(node) | Edge::Close(node) => node,
        };
        if left_out.is_some_and(|l| l.id() == node.id()) {
            in_left_out = matches!(edge, Edge::Open(_));
            after_tag = true;
        } else if let (Edge::Open(_), Node::Text(part), false) = (&edge, node.value(), in_left_out) {
            let joined = part.starts_with(|c: char| ",.;:!?)]}/’'”".contains(c)) || text.ends_with(['(', '[', '/', '‘', '“']);
            if after_tag && !joined {
                text.push(' ');
            }
            text.push_str(part);
            after_tag = false;
        } else if node.value().is_element() {
            after_tag = true;
        }
    }
    clean_text(&text)
}

/// An ISO time with its zone abbreviation as an offset (`CDT` → `-05:00`).
fn with_offset(time: &str) -> std::borrow::Cow<'_, str> {
    match ZONE_AFTER.captures(time) {
        Some(c) => match zone_suffix(&c[2]) {
            Some(offset) => format!("{}{offset}", &c[1]).into(),
            None => c[1].to_string().into(),
        },
        None => time.into(),
    }
}

/// The same moment as `time` written with the outlet's own offset, when
/// `time` is in UTC and another candidate has it that way: the calendar
/// day the outlet printed.
fn local_form<'a>(time: &'a str, candidates: &'a [String]) -> &'a str {
    let Some((moment, 0)) = instant(time) else {
        return time;
    };
    candidates
        .iter()
        .find(|c| instant(c).is_some_and(|(m, offset)| m == moment && offset != 0))
        .map_or(time, String::as_str)
}

/// Minutes since the epoch and the UTC offset in minutes, of an ISO time
/// with an offset (`2024-03-05T10:00:00+01:00`).
fn instant(iso: &str) -> Option<(i64, i64)> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?([+-])(\d{2}):(\d{2})$").unwrap()
    });
    let c = ISO.captures(iso)?;
    let number = |i: usize| c[i].parse::<i64>().ok();
    let day = Date::new(number(1)? as i32, number(2)? as u32, number(3)? as u32)?.days();
    let sign = if &c[6] == "-" { -1 } else { 1 };
    let offset = sign * (number(7)? * 60 + number(8)?);
    Some(((day * 24 + number(4)?) * 60 + number(5)? - offset, offset))
}

/// What JSON-LD says about the article.
#[derive(Default)]
struct Linked {
    title: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    /// `datePublished` of an item of another type (a `WebPage`).
    any_published: Option<String>,
    publisher: Option<String>,
}

fn json_ld(scripts: &[String]) -> Linked {
    let mut linked = Linked::default();
    for script in scripts {
        let Ok(value) = serde_json::from_str::<Value>(script.trim()) else {
            continue;
        };
        let mut items = Vec::new();
        flatten(&value, &mut items);
        linked.any_published = linked
            .any_published
            .or_else(|| items.iter().find_map(|i| text_of(i.get("datePublished"))));
        for item in items.into_iter().filter(|i| is_article(i)) {
            linked.title = linked
                .title
                .or_else(|| text_of(item.get("headline")).or_else(|| text_of(item.get("name"))));
            if linked.authors.is_empty() {
                linked.authors = names(item.get("author"));
            }
            linked.published = linked
                .published
                .or_else(|| text_of(item.get("datePublished")));
            linked.publisher = linked
                .publisher
                .or_else(|| names(item.get("publisher")).into_iter().next());
        }
    }
    linked
}

/// Every object of a JSON-LD value: top level, arrays and `@graph`.
fn flatten<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| flatten(v, out)),
        Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                flatten(graph, out);
            }
        }
        _ => {}
    }
}

fn is_article(item: &Value) -> bool {
    let is_type = |t: &str| {
        t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
    };
    match item.get("@type") {
        Some(Value::String(t)) => is_type(t),
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str().is_some_and(is_type)),
        _ => false,
    }
}

fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(clean_text(s)).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|v| text_of(Some(v))),
        _ => None,
    }
}

/// Person or organisation names: a string, an object with a `name`, or a
/// list of either.
fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => split_authors(&clean_text(s)),
        Some(Value::Object(map)) => text_of(map.get("name")).into_iter().collect(),
        Some(Value::Array(items)) => items.iter().flat_map(|v| names(Some(v))).collect(),
        _ => Vec::new(),
    }
}

/// The names in a byline: `By A and B`, `A; B`, `A | B`.
pub fn split_authors(text: &str) -> Vec<String> {
    static SEPARATOR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*(?:;|\||,\s+and\s+|\s+and\s+|&)\s*").unwrap());
    if looks_like_link(text) {
        return Vec::new();
    }
    SEPARATOR
        .split(text.trim())
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from)
        .collect()
}

/// The people among a byline's names, each without the byline's wording
/// (`View all posts by`, `says`) or trailing credentials and outlet (`, PhD`,
/// `, CNN`). Social handles, placeholders and the outlet itself (an
/// organisation, not an author) are left out.
pub fn people(names: Vec<String>, outlet: Option<&str>, url: Option<&str>) -> Vec<String> {
    static WORDING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:view |see )?(?:all )?(?:posts|articles|stories) by|(?:posted|written|reported|words) by|by|author:?)\s+|\s+(?:says|said|wrote)$").unwrap()
    });
    static CREDENTIAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:,\s*(?:Ph\.?D|M\.?D|MBA|MPH|MSc|MS|RD|RN|[A-Z]{2,5}))+$").unwrap()
    });
    let squashed = |text: &str| -> String {
        text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
    };
    let site = url.and_then(host).map(|h| squashed(h.split('.').next().unwrap_or("")));
    let outlet = outlet.map(squashed);
    let is_outlet = |key: &str| {
        outlet.as_deref() == Some(key) || site.as_deref().is_some_and(|s| s.len() > 3 && key.starts_with(s))
    };
    names
        .into_iter()
        .map(|name| {
            let name = CREDENTIAL.replace(WORDING.replace_all(name.trim(), "").trim(), "").trim().to_string();
            match name.rsplit_once(", ") {
                Some((person, affiliation)) if is_outlet(&squashed(affiliation)) => person.to_string(),
                _ => name,
            }
        })
        .filter(|name| {
            let key = squashed(name);
            !key.is_empty()
                && !name.starts_with('@')
                && !looks_like_link(name)
                && !matches!(key.as_str(), "noauthor" | "unknown" | "admin" | "anonymous")
                && !is_outlet(&key)
        })
        .collect()
}

fn looks_like_link(text: &str) -> bool {
    text.starts_with("http") || text.starts_with('/') || text.contains("www.") || text.contains(".com/")
}

/// The title without a site name before or after it: the longest part.
fn without_site(title: &str) -> &str {
    SITE_PART
        .split(title)
        .max_by_key(|part| part.chars().count())
        .unwrap_or(title)
        .trim()
}

fn url_date(url: &str) -> Option<String> {
    let c = URL_DATE.captures(url)?;
    let part = |i: usize, j: usize| c.get(i).or(c.get(j)).map_or(0, |m| m.as_str().parse::<u32>().unwrap_or(0));
    Some(format!("{}-{:02}-{:02}", &c[1], part(2, 4), part(3, 5)))
}

/// The host without `www.`: the outlet when the page names none.
fn host(url: &str) -> Option<String> {
    HOST.captures(url)
        .map(|c| c[1].trim_start_matches("www.").to_lowercase())
}

/// Text of an HTML fragment: tags removed, character references decoded,
/// whitespace collapsed.
pub fn clean_text(fragment: &str) -> String {
    let without_tags = TAG.replace_all(fragment, " ");
    unescape(&without_tags)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decodes numeric character references and the named ones pages use in
/// titles and bylines.
pub fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|end| character(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn character(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "eacute" => 'é',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str, url: Option<&str>) -> Metadata {
        super::read(&Document::parse(html), url)
    }

    #[test]
    fn json_ld_wins_then_meta_tags_then_time_then_url() {
        let page = r#"<html><head><title>Talks resume | The Daily</title>
            <meta property="og:site_name" content="The Daily">
            <meta name="author" content="Jane Roe">
            <meta property="article:published_time" content="2024-03-05T10:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},
              {"@type":"NewsArticle","headline":"Talks resume in Geneva","datePublished":"2024-03-04T09:30:00+01:00",
               "author":[{"@type":"Person","name":"John Doe"},{"@type":"Person","name":"Ann Lee"}],
               "publisher":{"@type":"Organization","name":"Daily News"}}]}</script></head></html>"#;
        let meta = read(page, Some("https://www.daily.example/2024/03/04/talks"));
        assert_eq!(meta.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(meta.authors, ["John Doe", "Ann Lee"]);
        assert_eq!(meta.published.as_deref(), Some("2024-03-04T09:30:00+01:00"));
        assert_eq!(meta.outlet.as_deref(), Some("Daily News"));

        let plain = r#"<title>Talks resume &amp; stall&nbsp;| The Daily</title><meta name="author" content="By Jane Roe and Max Mo">
            <p><time datetime="2023-11-02">2 Nov</time></p>"#;
        let meta = read(plain, Some("https://www.daily.example/2024/03/01/talks"));
        assert_eq!(meta.title.as_deref(), Some("Talks resume & stall"));
        // every named reference decodes; tags between words read as spaces
        let page = r#"<meta name="description" content="F&uuml;r &laquo;alle&raquo; &#039;x&#039;">
            <h1>Floods<br>hit <em>the</em><span>valley</span> (<a href="/">AP</a>)</h1>"#;
        let decoded = read(page, None);
        assert_eq!(decoded.description.as_deref(), Some("Für «alle» 'x'"));
        assert_eq!(decoded.title.as_deref(), Some("Floods hit the valley (AP)"));
        assert_eq!(meta.authors, ["Jane Roe", "Max Mo"]);
        // the URL's day wins over a stated time on another day
        assert_eq!(meta.published.as_deref(), Some("2024-03-01"));
        assert_eq!(meta.outlet.as_deref(), Some("daily.example"));
        assert_eq!(read(plain, None).published.as_deref(), Some("2023-11-02"));

        let bare = read(
            "<p>Nothing here</p>",
            Some("https://news.example/2022/05/17/story.html"),
        );
        assert_eq!(bare.published.as_deref(), Some("2022-05-17"));
    }

    #[test]
    fn bylines_keep_people_only() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let url = Some("https://www.dailynews.example/world/story");
        let people = |v: &[&str]| people(names(v), Some("The Daily News"), url);
        assert_eq!(
            people(&["View all posts by Ann Lee", "Rob Roe, CNN", "Max Mo, PhD", "Jo Li, The Daily News"]),
            ["Ann Lee", "Rob Roe", "Max Mo", "Jo Li"]
        );
        assert_eq!(
            people(&["Jo Bloggs says", "Perry Bacon Jr.", "Martin Luther King, Jr."]),
            ["Jo Bloggs", "Perry Bacon Jr.", "Martin Luther King, Jr."]
        );
        // handles, placeholders and the outlet itself are not authors
        assert!(people(&["@dailynews", "No Author", "The Daily News", "DailyNews Staff", "https://x.example/ann"]).is_empty());
        let page = r#"<meta name="twitter:creator" content="@annlee"><meta name="author" content="Ann Lee">"#;
        assert_eq!(read(page, url).authors, ["Ann Lee"]);
    }

    #[test]
    fn publication_dates_prefer_what_the_page_shows_and_the_local_clock() {
        // a UTC time and the same moment on the outlet's clock: the local day
        let page = r#"<meta property="article:published_time" content="2023-11-09T06:35:29+00:00">
            <p>Posted: <time datetime="2023-11-08T22:35:29-08:00">Nov 8, 2023</time></p>"#;
        assert_eq!(read(page, None).published.as_deref(), Some("2023-11-08T22:35:29-08:00"));
        // the page prints its update, which the metadata carries too
        let page = r#"<meta property="article:published_time" content="2020-01-03T09:48:24Z">
            <meta property="article:modified_time" content="2020-01-06T09:22:36Z">
            <span class="article__date">Monday, 6 January 2020</span>"#;
        assert_eq!(read(page, None).published.as_deref(), Some("2020-01-06T09:22:36+00:00"));
        // a printed date the metadata does not carry (a related story's) is not taken
        let page = r#"<meta property="article:published_time" content="2020-01-03T09:48:24Z">
            <li class="related-date">6 January 2020</li>"#;
        assert_eq!(read(page, None).published.as_deref(), Some("2020-01-03T09:48:24+00:00"));
        // a publication time marked in the page beats a modification time
        let page = r#"<meta itemprop="dateModified" content="2020-02-07 18:13">
            <time itemprop="datePublished" datetime="2020-02-08 11:00">Feb 8</time>"#;
        assert_eq!(read(page, None).published.as_deref(), Some("2020-02-08T11:00:00"));
        // zone abbreviations, a WebPage's datePublished, one-digit URL dates
        let page = r#"<script type="application/ld+json">{"@type":"WebPage","datePublished":"2020-09-25T16:02:50CDT"}</script>"#;
        assert_eq!(read(page, None).published.as_deref(), Some("2020-09-25T16:02:50-05:00"));
        let bare = read("<p>x</p>", Some("https://blog.example/home/2017/7/12/montauk"));
        assert_eq!(bare.published.as_deref(), Some("2017-07-12"));
    }

    #[test]
    fn references_decode() {
        assert_eq!(
            unescape("Caf&eacute; &#8220;x&#x201D; &amp; &bogus; & y"),
            "Café “x” & &bogus; & y"
        );
        assert_eq!(unescape("&lt;b&gt;ВРАЦА &rsquo;આ તો"), "<b>ВРАЦА ’આ તો");
    }
}
