//! Many articles at once: files read and articles parsed in parallel on a
//! rayon pool, order kept, one failing article never losing the others.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::Deserialize;

use crate::fxhash::FxHashMap;
use crate::doc::Given;
use crate::html::{encoding, Page};
use crate::pipeline::{self, Input, Options};
use crate::record::Article;

/// Parses articles in parallel, in input order, on `threads` threads (all
/// cores when `None`). A panic in one article becomes an error entry in its
/// record.
pub fn parse_batch(
    inputs: Vec<Input>,
    options: &Options,
    threads: Option<usize>,
) -> Result<Vec<Article>, String> {
    in_pool(threads, || {
        inputs
            .into_par_iter()
            .map(|input| parse_guarded(input, options))
            .collect()
    })
}

/// Reads `.txt` and `.jsonl` files and parses their articles in parallel,
/// in path order. A file that cannot be read gives one record with an error.
pub fn read_files(
    paths: &[PathBuf],
    options: &Options,
    threads: Option<usize>,
) -> Result<Vec<Article>, String> {
    in_pool(threads, || {
        let inputs: Vec<Input> = paths.par_iter().flat_map_iter(|p| read_inputs(p)).collect();
        inputs
            .into_par_iter()
            .map(|input| parse_guarded(input, options))
            .collect()
    })
}

/// Parses JSONL lines in parallel, in order. Each line comes decoded (see
/// [`jsonl_input`]; lines are decoded one by one, so a bad byte only marks
/// its own article) with its file and line number, which name its errors
/// and give its id when the record has none (`stem:line`).
pub fn parse_jsonl(
    lines: Vec<(Input, PathBuf, usize)>,
    options: &Options,
    threads: Option<usize>,
) -> Result<Vec<Article>, String> {
    in_pool(threads, || {
        lines
            .into_par_iter()
            .map(|(line, path, number)| parse_guarded(jsonl_input(line, &path, number), options))
            .collect()
    })
}

/// Runs `work` on a pool of `threads` threads (one per core when `None`).
fn in_pool<T: Send>(threads: Option<usize>, work: impl FnOnce() -> T + Send) -> Result<T, String> {
    let n = match threads {
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(0) => return Err("threads must be at least 1".to_string()),
        Some(n) => n,
    };
    Ok(pool_of(n)?.install(work))
}

/// A pool of `n` threads, built on first use and kept, so that batches
/// after the first (a stream's chunks, repeated calls) find warm threads:
/// their allocator heaps and the tagger's per-thread word cache. A forked
/// child (Python's multiprocessing) inherits the pools but not their
/// threads, so pools are kept per process and a child builds its own.
fn pool_of(n: usize) -> Result<Arc<rayon::ThreadPool>, String> {
    static POOLS: Mutex<BTreeMap<(u32, usize), Arc<rayon::ThreadPool>>> = Mutex::new(BTreeMap::new());
    let key = (std::process::id(), n);
    let mut pools = POOLS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(pool) = pools.get(&key) {
        return Ok(Arc::clone(pool));
    }
    let pool = Arc::new(rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(|e| e.to_string())?);
    pools.retain(|&(pid, _), _| pid == key.0);
    pools.insert(key, Arc::clone(&pool));
    Ok(pool)
}

/// Parses a saved web page (see [`crate::html`]); a panic becomes an error
/// entry.
pub fn parse_html(
    page: Page<'_>,
    url: Option<String>,
    id: Option<String>,
    options: &Options,
) -> Article {
    let input = catch_unwind(AssertUnwindSafe(|| {
        crate::html::input(page, url.clone(), id.clone())
    }))
    .unwrap_or_else(|panic| Input {
        id,
        given: Given { url, ..Given::default() },
        errors: vec![panic_message("reading the page", panic)],
        ..Input::default()
    });
    parse_guarded(input, options)
}

/// Parses one article; a panic becomes an error entry instead of unwinding.
pub fn parse_guarded(input: Input, options: &Options) -> Article {
    let id = input.id.clone();
    let url = input.given.url.clone();
    catch_unwind(AssertUnwindSafe(|| pipeline::parse(input, options))).unwrap_or_else(|panic| {
        Article {
            id: id.unwrap_or_default(),
            url,
            errors: vec![panic_message("parsing this article", panic)],
            ..Article::default()
        }
    })
}

fn panic_message(during: &str, panic: Box<dyn std::any::Any + Send>) -> String {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".to_string());
    format!("internal error while {during} (please report it): {message}")
}

/// Which mentions count as together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Sentence,
    Article,
}

/// Pairs of entity keys that appear together (in one sentence, or one
/// article), with how many sentences or articles they share; most frequent
/// first, then by keys.
pub fn cooccurrence<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    level: Level,
) -> Vec<(String, String, usize)> {
    let mut counts: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    for article in articles {
        let mut groups: FxHashMap<usize, BTreeSet<&str>> = FxHashMap::default();
        for mention in &article.mentions {
            let group = if level == Level::Sentence {
                mention.sentence
            } else {
                0
            };
            groups
                .entry(group)
                .or_default()
                .insert(article.entities[mention.entity].key.as_str());
        }
        for keys in groups.values() {
            let keys: Vec<&str> = keys.iter().copied().collect();
            for (i, a) in keys.iter().enumerate() {
                for b in &keys[i + 1..] {
                    *counts.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    let mut pairs: Vec<(String, String, usize)> = counts
        .into_iter()
        .map(|((a, b), n)| (a.to_string(), b.to_string(), n))
        .collect();
    pairs.sort_by(|x, y| y.2.cmp(&x.2).then_with(|| (&x.0, &x.1).cmp(&(&y.0, &y.1))));
    pairs
}

/// An input from bytes in an undeclared encoding (read as
/// [`encoding::decode_text`] reads them), with an error entry when byte
/// sequences had to be replaced.
pub fn text_input(bytes: &[u8]) -> Input {
    let decoded = encoding::decode_text(bytes);
    let mut errors = Vec::new();
    if decoded.replaced > 0 {
        errors.push(format!(
            "invalid encoding: {} byte sequences could not be read as {} and were replaced with U+FFFD",
            decoded.replaced,
            decoded.encoding.name()
        ));
    }
    Input {
        text: decoded.text,
        given: Given { encoding: Some(decoded.encoding.name()), ..Given::default() },
        errors,
        ..Input::default()
    }
}

/// One line of a JSONL file.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object with a \"text\" or \"html\" field")]
struct JsonlRecord {
    text: Option<String>,
    /// A saved page, read as `parse_html` reads it.
    html: Option<String>,
    id: Option<serde_json::Value>,
    published: Option<String>,
    /// What exports of news often call the publication date: read when
    /// there is no `published`.
    date: Option<String>,
    headline: Option<String>,
    /// What exports often call the headline: read when there is no `headline`.
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
}

/// The articles in one file: one for a text file, one per line of JSONL.
fn read_inputs(path: &Path) -> Vec<Input> {
    if let Some(problem) = not_an_article(path) {
        return vec![Input { id: Some(stem(path)), errors: vec![problem], ..Input::default() }];
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let why = match std::fs::read_link(path) {
                Ok(target) if !path.exists() => {
                    format!("a broken symbolic link to {}", target.display())
                }
                _ => e.to_string(),
            };
            return vec![Input {
                id: Some(stem(path)),
                errors: vec![format!("could not read {}: {why}", path.display())],
                ..Input::default()
            }];
        }
    };
    if let Some(page) = html_page(path, &bytes) {
        let id = Some(html_stem(&stem(path)));
        return vec![match page {
            Ok(html) => crate::html::input(Page::Bytes(&html), None, id),
            Err(error) => Input {
                id,
                errors: vec![error],
                ..Input::default()
            },
        }];
    }
    let is_jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    if !is_jsonl {
        return vec![Input {
            id: Some(stem(path)),
            ..text_input(&bytes)
        }];
    }
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.trim_ascii().is_empty())
        .map(|(n, line)| jsonl_input(text_input(line), path, n + 1))
        .collect()
}

/// Why a file named by its ending as a table (`.csv`) or a JSON document
/// (`.json`, often an array of records) is not one article, and how to
/// read it; None for other files.
fn not_an_article(path: &Path) -> Option<String> {
    let ending = path.extension()?.to_string_lossy().to_lowercase();
    let kind = match ending.as_str() {
        "csv" => "a CSV table",
        "tsv" => "a TSV table",
        "xlsx" | "xls" => "a spreadsheet",
        "parquet" => "a Parquet table",
        "json" => "a JSON document",
        _ => return None,
    };
    Some(format!(
        "{} is {kind}, not an article: newsents reads a .txt or .html file as one article and a .jsonl file as \
         one article per line; read it with pandas and pass its text column to newsents.parse_many, or save it \
         as JSON lines with a \"text\" field",
        path.display()
    ))
}

/// A file's name without its ending: the id of its article.
fn stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// The HTML of a `.html`, `.htm` or `.html.gz` file (None for other files).
fn html_page(path: &Path, bytes: &[u8]) -> Option<Result<Vec<u8>, String>> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    if name.ends_with(".html.gz") || name.ends_with(".htm.gz") {
        let mut html = Vec::new();
        let read = std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut html);
        return Some(
            read.map(|_| html)
                .map_err(|e| format!("could not decompress {}: {e}", path.display())),
        );
    }
    (name.ends_with(".html") || name.ends_with(".htm")).then(|| Ok(bytes.to_vec()))
}

/// A page's id: its file name without `.html` (`story.html.gz` → `story`).
fn html_stem(stem: &str) -> String {
    stem.trim_end_matches(".html")
        .trim_end_matches(".htm")
        .to_string()
}

/// An input from line `number` of a JSONL file, given as the input of its
/// decoded text (its encoding and decoding errors are kept); a line that is
/// not a JSON object with a `text` (or `html`) string gives an input with
/// one error entry that names the file and line.
pub fn jsonl_input(line: Input, path: &Path, number: usize) -> Input {
    let fallback_id = format!("{}:{number}", stem(path));
    let at = format!("{}, line {number}", path.display());
    let Input {
        text: line,
        given: Given { encoding, .. },
        mut errors,
        ..
    } = line;
    match serde_json::from_str::<JsonlRecord>(&line) {
        Ok(record) => {
            let id = match record.id {
                Some(serde_json::Value::String(s)) => s,
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => fallback_id,
            };
            let published = record.published.or(record.date);
            let headline = record.headline.or(record.title);
            if let Some(html) = record.html {
                let mut input = crate::html::input(Page::Text(&html), record.url, Some(id));
                let given = &mut input.given;
                given.published = published.or(given.published.take());
                given.outlet = record.outlet.or(given.outlet.take());
                given.headline = headline.or(given.headline.take());
                given.encoding = encoding;
                errors.append(&mut input.errors);
                input.errors = errors;
                return input;
            }
            if record.text.is_none() {
                errors.push(format!(
                    "{at}: the record has no \"text\" (or \"html\") field"
                ));
            }
            Input {
                text: record.text.unwrap_or_default(),
                id: Some(id),
                given: Given {
                    published,
                    headline,
                    outlet: record.outlet,
                    url: record.url,
                    encoding,
                    ..Given::default()
                },
                errors,
            }
        }
        Err(e) => {
            // serde_json counts lines within the line: give the file's.
            let message = e.to_string();
            let position = format!(" at line {} column {}", e.line(), e.column());
            let message = message.strip_suffix(&position).unwrap_or(&message);
            errors.push(format!(
                "{at}: not a JSON record: {message} (column {})",
                e.column()
            ));
            Input {
                id: Some(fallback_id),
                given: Given { encoding, ..Given::default() },
                errors,
                ..Input::default()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_bytes_are_decoded_and_damage_reported() {
        let latin1 = text_input(b"Caf\xe9 talks.");
        assert_eq!(
            (latin1.text.as_str(), latin1.given.encoding),
            ("Café talks.", Some("windows-1252"))
        );
        assert!(latin1.errors.is_empty());
        let damaged = text_input(b"Erdo\xc4\x9fan \xff\xfe said");
        assert_eq!(damaged.text, "Erdoğan \u{fffd}\u{fffd} said");
        assert!(damaged.errors[0].contains("2 byte sequences could not be read as UTF-8"));
    }

    #[test]
    fn jsonl_lines_become_inputs_or_one_error_with_the_line() {
        let path = Path::new("corpus/f.jsonl");
        let good = jsonl_input(
            text_input(br#"{"text": "Body.", "id": 7, "outlet": "Reuters"}"#),
            path,
            1,
        );
        assert_eq!(
            (good.id.as_deref(), good.given.outlet.as_deref(), good.given.encoding),
            (Some("7"), Some("Reuters"), Some("UTF-8"))
        );
        let export = jsonl_input(Input::new(r#"{"text": "Body.", "title": "Talks resume", "date": "2025-05-14"}"#), path, 2);
        assert_eq!((export.given.headline.as_deref(), export.given.published.as_deref()), (Some("Talks resume"), Some("2025-05-14")));
        let both = jsonl_input(Input::new(r#"{"text": "Body.", "published": "2025-05-14", "date": "2020-01-01"}"#), path, 3);
        assert_eq!(both.given.published.as_deref(), Some("2025-05-14"), "published wins over date");
        let bad = jsonl_input(Input::new("{not json"), path, 12);
        assert_eq!(bad.id.as_deref(), Some("f:12"));
        assert_eq!(
            bad.errors,
            ["corpus/f.jsonl, line 12: not a JSON record: key must be a string (column 2)"]
        );
        let not_object = jsonl_input(Input::new(r#""a string""#), path, 3);
        assert!(not_object.errors[0]
            .contains(r#"expected a JSON object with a "text" or "html" field"#));
    }

    #[test]
    fn a_table_is_an_error_record_not_an_article() {
        let inputs = read_inputs(Path::new("exports/articles.CSV"));
        assert_eq!(inputs.len(), 1);
        assert!(inputs[0].text.is_empty());
        assert!(inputs[0].errors[0].starts_with("exports/articles.CSV is a CSV table, not an article"), "{:?}", inputs[0].errors);
        let json = read_inputs(Path::new("exports/articles.json"));
        assert!(json[0].errors[0].starts_with("exports/articles.json is a JSON document, not an article"), "{:?}", json[0].errors);
    }

    #[test]
    fn cooccurrence_counts_sentences_and_articles() {
        let text = "Vladimir Putin met Volodymyr Zelensky in Istanbul. Putin left. Zelensky stayed in Istanbul.";
        let article = pipeline::parse(Input::new(text), &Options::default());
        let sentence = cooccurrence([&article], Level::Sentence);
        let count = |pairs: &[(String, String, usize)], a: &str, b: &str| {
            pairs.iter().find(|p| p.0 == a && p.1 == b).map(|p| p.2)
        };
        assert_eq!(count(&sentence, "istanbul", "volodymyr zelensky"), Some(2));
        assert_eq!(
            count(&sentence, "vladimir putin", "volodymyr zelensky"),
            Some(1)
        );
        let articles = cooccurrence([&article, &article], Level::Article);
        assert_eq!(count(&articles, "istanbul", "vladimir putin"), Some(2));
    }

    #[test]
    fn a_batch_keeps_order() {
        let inputs = (0..50)
            .map(|i| Input {
                id: Some(i.to_string()),
                ..Input::new(format!("Text {i}."))
            })
            .collect();
        let ids: Vec<String> = parse_batch(inputs, &Options::default(), Some(2))
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(ids, (0..50).map(|i| i.to_string()).collect::<Vec<_>>());
    }
}
