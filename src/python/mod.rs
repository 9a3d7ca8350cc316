//! Python bindings: conversions between Python objects and the core's
//! inputs and records. Nothing here computes; the core does, with the GIL
//! released.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyList, PySlice, PyString};
use serde_json::Value;

use crate::article::normalise_date;
use crate::corpus;
use crate::html::Page;
use crate::ner::{self, conll, train::{TrainOptions, TrainingSet}, UserEntities};
use crate::pipeline::{Input, Options};
use crate::record;

mod arrow;
mod objects;

/// A parsed news article: its metadata, story text and what was found in it.
#[pyclass(module = "newsents", name = "Article", frozen)]
pub struct Article {
    record: record::Article,
    /// The text as a Python string, made once, for slicing spans.
    text: PyOnceLock<Py<PyString>>,
}

impl Article {
    fn new(record: record::Article) -> Self {
        Article {
            record,
            text: PyOnceLock::new(),
        }
    }

    fn text_object<'py>(&self, py: Python<'py>) -> &Bound<'py, PyString> {
        self.text
            .get_or_init(py, || PyString::new(py, &self.record.text).unbind())
            .bind(py)
    }
}

/// A range of an article's text: a sentence or a paragraph.
#[pyclass(module = "newsents", name = "Span", frozen)]
pub struct Span {
    article: Py<Article>,
    /// Start offset (code points) in the article's text.
    #[pyo3(get)]
    start: usize,
    /// End offset (code points, exclusive).
    #[pyo3(get)]
    end: usize,
}

#[pymethods]
impl Span {
    /// The text of the span.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let slice = PySlice::new(py, self.start as isize, self.end as isize, 1);
        self.article.get().text_object(py).as_any().get_item(slice)
    }

    fn __len__(&self) -> usize {
        self.end - self.start
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text: String = self.text(py)?.extract()?;
        Ok(format!(
            "<Span {}:{} {:?}>",
            self.start,
            self.end,
            preview(&text, 60)
        ))
    }
}

/// A photo caption and its credit.
#[pyclass(module = "newsents", name = "Caption", frozen, get_all)]
pub struct Caption {
    /// The caption, without its credit.
    text: String,
    /// The photo credit; None when the caption gives none.
    credit: Option<String>,
    /// Start offset (code points) of the caption in the article's text.
    start: usize,
    /// End offset (code points, exclusive).
    end: usize,
}

#[pymethods]
impl Caption {
    fn __repr__(&self) -> String {
        format!(
            "<Caption {:?} credit={}>",
            preview(&self.text, 60),
            objects::optional(&self.credit)
        )
    }
}

fn preview(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

fn spans(slf: &Bound<'_, Article>, ranges: &[record::Span]) -> Vec<Span> {
    ranges
        .iter()
        .map(|s| Span {
            article: slf.clone().unbind(),
            start: s.start,
            end: s.end,
        })
        .collect()
}

fn to_value<T: serde::Serialize>(item: &T) -> PyResult<Value> {
    serde_json::to_value(item).map_err(|e| PyValueError::new_err(e.to_string()))
}

fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_pyobject(py)?.into_any(),
            None => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => PyList::new(
            py,
            items
                .iter()
                .map(|v| json_to_py(py, v))
                .collect::<PyResult<Vec<_>>>()?,
        )?
        .into_any(),
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, json_to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

#[pymethods]
impl Article {
    /// The article's id: the one given; else a file's name without its
    /// ending (`file:line` for a JSONL record without one); else a stable
    /// hash of the text.
    #[getter]
    fn id(&self) -> &str {
        &self.record.id
    }
    /// The publication, from the text's signature lines, the page's
    /// metadata or the caller; None when none says.
    #[getter]
    fn outlet(&self) -> Option<&str> {
        self.record.outlet.as_deref()
    }
    /// The headline; None when the text has none.
    #[getter]
    fn headline(&self) -> Option<&str> {
        self.record.headline.as_deref()
    }
    /// The standfirst under the headline; None when absent.
    #[getter]
    fn dek(&self) -> Option<&str> {
        self.record.dek.as_deref()
    }
    /// Bylined authors.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.record.authors.clone()
    }
    /// People credited for additional reporting.
    #[getter]
    fn contributors(&self) -> Vec<String> {
        self.record.contributors.clone()
    }
    /// Publication time, ISO 8601 (a date alone when the text gives no time).
    #[getter]
    fn published(&self) -> Option<&str> {
        self.record.published.as_deref()
    }
    /// The reading time the page states, in minutes; None when it states none.
    #[getter]
    fn reading_time_minutes(&self) -> Option<u32> {
        self.record.reading_time_minutes
    }
    /// Photo captions, with their credits and offsets.
    #[getter]
    fn captions(&self) -> Vec<Caption> {
        self.record
            .captions
            .iter()
            .map(|c| Caption {
                text: c.text.clone(),
                credit: c.credit.clone(),
                start: c.start,
                end: c.end,
            })
            .collect()
    }
    /// Section headings, in order.
    #[getter]
    fn sections(&self) -> Vec<String> {
        self.record.sections.clone()
    }
    /// Lines of the input that are not story text (prompts, links, widgets).
    #[getter]
    fn boilerplate(&self) -> Vec<String> {
        self.record.boilerplate.clone()
    }
    /// The story's paragraphs, separated by blank lines.
    #[getter]
    fn body(&self) -> String {
        self.record.body()
    }
    /// The story's paragraphs, as spans of `text`.
    #[getter]
    fn paragraphs(slf: &Bound<'_, Self>) -> Vec<Span> {
        spans(slf, &slf.get().record.paragraphs)
    }
    /// Sentences of the story text: headline, dek, captions, headings, paragraphs.
    #[getter]
    fn sentences(slf: &Bound<'_, Self>) -> Vec<Span> {
        spans(slf, &slf.get().record.sentences)
    }
    /// One `Entity` per real-world thing named: `id`, `name`, `label`,
    /// `aliases`, `roles`, `affiliation`, `mentions` (offset pairs), `key`
    /// (the same in every article), `geo` (places only).
    #[getter]
    fn entities(&self) -> Vec<record::Entity> {
        self.record.entities.clone()
    }
    /// One `Mention` per span naming an entity, in order: `start`, `end`,
    /// `text`, `label`, `entity` (its id), `sentence` (its index).
    #[getter]
    fn mentions(&self) -> Vec<record::Mention> {
        self.record.mentions.clone()
    }
    /// Who said what, in order (`Quote`): `text`, `start`, `end`, `kind`
    /// (direct, partial, indirect), `speaker`, `speaker_entity`,
    /// `speaker_span`, `anonymous`, `cue`.
    #[getter]
    fn quotes(&self) -> Vec<record::Quote> {
        self.record.quotes.clone()
    }
    /// Distinct speakers of the quotes: `{"named": n, "anonymous": m}`.
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_value(&self.record.sources)?)
    }
    /// Dates, times, durations and sets (`Timex`): `text`, `start`, `end`,
    /// `label`, `value` (TIMEX3: `2025-05-15`, `P30D`), `anchored`.
    #[getter]
    fn temporal(&self) -> Vec<record::Temporal> {
        self.record.temporal.clone()
    }
    /// Money, percentages, quantities and numbers (`Quantity`): `text`,
    /// `start`, `end`, `label`, `value`, `unit`.
    #[getter]
    fn quantities(&self) -> Vec<record::Quantity> {
        self.record.quantities.clone()
    }
    /// Problems met while parsing; the rest of the record is still filled.
    #[getter]
    fn errors(&self) -> Vec<String> {
        self.record.errors.clone()
    }
    /// Words in the story's paragraphs.
    #[getter]
    fn word_count(&self) -> usize {
        self.record.word_count
    }
    /// The page's address, when given.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.record.url.as_deref()
    }
    /// The encoding the input's bytes were read with (`UTF-8`,
    /// `windows-1252`, ...); None for a `str`.
    #[getter]
    fn encoding(&self) -> Option<&str> {
        self.record.encoding.as_deref()
    }
    /// The input text that all offsets point into.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.text_object(py).clone()
    }

    /// The record as a dict: every field is described in docs/record.md
    /// (the shared ARTICLE_SCHEMA.md, with a few fields added).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_value(&self.record)?)
    }

    /// The record as JSON (one line unless `indent` is given).
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        let result = match indent {
            None => serde_json::to_string(&self.record),
            Some(n) => {
                let indent = " ".repeat(n);
                let mut out = Vec::new();
                let formatter = serde_json::ser::PrettyFormatter::with_indent(indent.as_bytes());
                let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
                serde::Serialize::serialize(&self.record, &mut serializer)
                    .map(|_| String::from_utf8(out).unwrap_or_default())
            }
        };
        result.map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// An article from the JSON that `to_json` wrote.
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Article> {
        serde_json::from_str(json)
            .map(Article::new)
            .map_err(|e| PyValueError::new_err(format!("not an article record: {e}")))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().to_json(None)?,)))
    }

    /// HTML for notebooks: the headline, the metadata, and the story with
    /// entities and quotations marked (drawn by `newsents.display`).
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("newsents.display")?
            .call_method1("article_html", (slf,))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Article>()
            .is_ok_and(|o| o.get().record == self.record)
    }

    fn __repr__(&self) -> String {
        let r = &self.record;
        let title = r
            .headline
            .as_deref()
            .map_or(String::new(), |h| format!(" {:?}", preview(h, 60)));
        let outlet = r
            .outlet
            .as_deref()
            .map_or(String::new(), |o| format!(" outlet={o:?}"));
        let errors = if r.errors.is_empty() {
            String::new()
        } else {
            format!(" errors={}", r.errors.len())
        };
        format!(
            "<Article {}{title}{outlet} paragraphs={} words={}{errors}>",
            r.id,
            r.paragraphs.len(),
            r.word_count
        )
    }
}

/// An input from a Python `str` or `bytes` (decoded as
/// [`corpus::text_input`] decodes them). A `str` with unpaired surrogates
/// is replaced character for character (offsets stay aligned) and reported.
fn text_of(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Input> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(match s.to_cow() {
            Ok(text) => Input::new(text),
            Err(_) => Input {
                errors: vec![
                    "invalid text: unpaired surrogates were replaced with U+FFFD".to_string(),
                ],
                ..Input::new(replace_surrogates(s)?)
            },
        });
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(corpus::text_input(b.as_bytes()));
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be str or bytes, not {}",
        obj.get_type().name()?
    )))
}

/// The code points of a `str` that holds surrogates, each surrogate replaced
/// by one U+FFFD so that offsets match the Python string.
fn replace_surrogates(s: &Bound<'_, PyString>) -> PyResult<String> {
    let encoded = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes = encoded.cast::<PyBytes>()?.as_bytes();
    Ok(bytes
        .chunks_exact(4)
        .map(|c| char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}'))
        .collect())
}

fn optional_string(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    match obj {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => o.extract::<String>().map(Some).map_err(|_| {
            PyTypeError::new_err(format!(
                "{what} must be str or None, not {}",
                o.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        }),
    }
}

/// Options from the Python arguments: user entities and a model path.
fn options(entities: Option<HashMap<String, String>>, model: Option<PathBuf>) -> PyResult<Options> {
    let mut options = Options::default();
    if let Some(path) = model {
        if !path.is_file() {
            return Err(pyo3::exceptions::PyFileNotFoundError::new_err(format!("no model file at {}", path.display())));
        }
        options.model = ner::load_model(&path).map_err(PyValueError::new_err)?;
    }
    if let Some(entities) = entities {
        options.entities = Arc::new(
            UserEntities::new(entities.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(PyValueError::new_err)?,
        );
    }
    Ok(options)
}

/// Parses one article.
#[pyfunction]
#[pyo3(signature = (text, id=None, published=None, outlet=None, url=None, entities=None, model=None))]
#[allow(clippy::too_many_arguments)]
fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    id: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
    outlet: Option<&Bound<'_, PyAny>>,
    url: Option<&Bound<'_, PyAny>>,
    entities: Option<HashMap<String, String>>,
    model: Option<PathBuf>,
) -> PyResult<Article> {
    let options = options(entities, model)?;
    let text = text_of(text, "text")?;
    let published = optional_string(published, "published")?;
    if let Some(p) = &published {
        if normalise_date(p).is_none() {
            return Err(PyValueError::new_err(format!(
                "published: cannot read {p:?} as a date"
            )));
        }
    }
    let mut input = text;
    input.id = optional_string(id, "id")?;
    input.given.published = published;
    input.given.outlet = optional_string(outlet, "outlet")?;
    input.given.url = optional_string(url, "url")?;
    Ok(Article::new(
        py.detach(|| corpus::parse_guarded(input, &options)),
    ))
}

/// Parses a saved web page (`str`, or `bytes` in any declared or legacy
/// encoding): main text, metadata, then the text pipeline.
#[pyfunction]
#[pyo3(signature = (html, url=None, id=None, entities=None, model=None))]
fn parse_html(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
    entities: Option<HashMap<String, String>>,
    model: Option<PathBuf>,
) -> PyResult<Article> {
    let options = options(entities, model)?;
    let (url, id) = (optional_string(url, "url")?, optional_string(id, "id")?);
    let parse = |page| py.detach(|| corpus::parse_html(page, url, id, &options));
    if let Ok(bytes) = html.cast::<PyBytes>() {
        Ok(Article::new(parse(Page::Bytes(bytes.as_bytes()))))
    } else if let Ok(text) = html.cast::<PyString>() {
        let text = match text.to_cow() {
            Ok(text) => text,
            Err(_) => replace_surrogates(text)?.into(),
        };
        Ok(Article::new(parse(Page::Text(&text))))
    } else {
        Err(PyTypeError::new_err(format!(
            "html must be str or bytes, not {}",
            html.get_type().name()?
        )))
    }
}

/// Parses many articles in parallel, in order; `ids`, `published` and
/// `outlets`, when given, hold one value (or None) per text.
#[pyfunction]
#[pyo3(signature = (texts, ids=None, published=None, outlets=None, threads=None, entities=None, model=None))]
#[allow(clippy::too_many_arguments)]
fn parse_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    ids: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
    outlets: Option<&Bound<'_, PyAny>>,
    threads: Option<usize>,
    entities: Option<HashMap<String, String>>,
    model: Option<PathBuf>,
) -> PyResult<Vec<Article>> {
    let options = options(entities, model)?;
    let mut inputs = Vec::new();
    for item in texts.try_iter()? {
        inputs.push(text_of(&item?, "each text")?);
    }
    let count = inputs.len();
    for (input, id) in inputs.iter_mut().zip(per_text(ids, "ids", count)?) {
        input.id = id;
    }
    // A date the parser cannot read is an error of its article's record.
    for (input, date) in inputs.iter_mut().zip(per_text(published, "published", count)?) {
        input.given.published = date;
    }
    for (input, outlet) in inputs.iter_mut().zip(per_text(outlets, "outlets", count)?) {
        input.given.outlet = outlet;
    }
    let articles = py
        .detach(|| corpus::parse_batch(inputs, &options, threads))
        .map_err(PyValueError::new_err)?;
    Ok(articles.into_iter().map(Article::new).collect())
}

/// A column of one optional string per text (`ids`, `published`,
/// `outlets`); all None when not given.
fn per_text(values: Option<&Bound<'_, PyAny>>, name: &str, count: usize) -> PyResult<Vec<Option<String>>> {
    let Some(values) = values.filter(|values| !values.is_none()) else {
        return Ok(vec![None; count]);
    };
    let values: Vec<Option<String>> = values
        .try_iter()?
        .enumerate()
        .map(|(i, value)| optional_string(Some(&value?), &format!("{name}[{i}]")))
        .collect::<PyResult<_>>()?;
    if values.len() != count {
        return Err(PyValueError::new_err(format!("got {} {name} for {count} texts", values.len())));
    }
    Ok(values)
}

/// Reads and parses `.txt` and `.jsonl` files in parallel, in order.
#[pyfunction]
#[pyo3(signature = (paths, threads=None, entities=None, model=None))]
fn read_files(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    threads: Option<usize>,
    entities: Option<HashMap<String, String>>,
    model: Option<PathBuf>,
) -> PyResult<Vec<Article>> {
    let options = options(entities, model)?;
    let articles = py
        .detach(|| corpus::read_files(&paths, &options, threads))
        .map_err(PyValueError::new_err)?;
    Ok(articles.into_iter().map(Article::new).collect())
}

/// Parses JSONL lines (`str`, or `bytes` decoded as text is) in parallel,
/// in order; `sources` are each line's file and line number.
#[pyfunction]
#[pyo3(signature = (lines, sources, threads=None, entities=None, model=None))]
fn parse_jsonl(
    py: Python<'_>,
    lines: Vec<Bound<'_, PyAny>>,
    sources: Vec<(PathBuf, usize)>,
    threads: Option<usize>,
    entities: Option<HashMap<String, String>>,
    model: Option<PathBuf>,
) -> PyResult<Vec<Article>> {
    if sources.len() != lines.len() {
        return Err(PyValueError::new_err(format!(
            "got {} sources for {} lines",
            sources.len(),
            lines.len()
        )));
    }
    let options = options(entities, model)?;
    let lines = lines
        .iter()
        .zip(sources)
        .map(|(line, (path, number))| Ok((text_of(line, "each line")?, path, number)))
        .collect::<PyResult<Vec<_>>>()?;
    let articles = py
        .detach(|| corpus::parse_jsonl(lines, &options, threads))
        .map_err(PyValueError::new_err)?;
    Ok(articles.into_iter().map(Article::new).collect())
}

/// Token offsets (code points) of a text.
#[pyfunction]
fn tokenize(py: Python<'_>, text: &str) -> Vec<(usize, usize)> {
    py.detach(|| {
        let chars = crate::text::CharMap::new(text);
        crate::text::tokenize(text)
            .iter()
            .map(|t| chars.char_range(t.start(), t.end()))
            .collect()
    })
}

fn read_conll(path: &PathBuf) -> PyResult<Vec<conll::Document>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| PyValueError::new_err(format!("cannot read {}: {e}", path.display())))?;
    Ok(conll::read(&text))
}

/// One training corpus as Python describes it (see `newsents.train`).
#[derive(FromPyObject)]
struct TrainingSpec {
    #[pyo3(item)]
    path: PathBuf,
    #[pyo3(item)]
    weight: f64,
    #[pyo3(item)]
    unmarked: Vec<String>,
    #[pyo3(item)]
    labels: BTreeMap<String, String>,
    #[pyo3(item)]
    sentences_as_documents: bool,
}

/// Trains a tagger on CoNLL files and writes the model; returns the log lines.
#[pyfunction]
#[pyo3(signature = (train, out, dev=None, epochs=None, bits=None, seed=None, word_dropout=None, margin=None))]
#[allow(clippy::too_many_arguments)]
fn train_tagger(
    py: Python<'_>,
    train: Vec<TrainingSpec>,
    out: PathBuf,
    dev: Option<PathBuf>,
    epochs: Option<usize>,
    bits: Option<u32>,
    seed: Option<u64>,
    word_dropout: Option<f64>,
    margin: Option<f32>,
) -> PyResult<Vec<String>> {
    let defaults = TrainOptions::default();
    let options = TrainOptions {
        epochs: epochs.unwrap_or(defaults.epochs),
        bits: bits.unwrap_or(defaults.bits),
        seed: seed.unwrap_or(defaults.seed),
        word_dropout: word_dropout.unwrap_or(defaults.word_dropout),
        margin: margin.unwrap_or(defaults.margin),
    };
    if !(12..=24).contains(&options.bits) {
        return Err(PyValueError::new_err(format!(
            "bits must be between 12 and 24, not {}",
            options.bits
        )));
    }
    if !(0.0..1.0).contains(&options.word_dropout) {
        return Err(PyValueError::new_err("word_dropout must be at least 0 and below 1"));
    }
    if !(options.margin.is_finite() && options.margin >= 0.0) {
        return Err(PyValueError::new_err("margin must be a number of at least 0"));
    }
    let mut sets = Vec::with_capacity(train.len());
    for spec in train {
        if !(spec.weight.is_finite() && spec.weight >= 0.0) {
            return Err(PyValueError::new_err(format!("the weight of {} must be a number of at least 0", spec.path.display())));
        }
        let mut set = TrainingSet { unmarked: spec.unmarked, weight: spec.weight, ..TrainingSet::new(read_conll(&spec.path)?) }.relabel(&spec.labels);
        if spec.sentences_as_documents {
            set = set.sentences_as_documents();
        }
        sets.push(set);
    }
    let dev_docs = dev.as_ref().map(read_conll).transpose()?;
    py.detach(|| -> Result<Vec<String>, String> {
        let mut log = Vec::new();
        let model = ner::train::train(&sets, dev_docs.as_deref(), options, &mut |line| {
            log.push(line)
        })?;
        std::fs::write(&out, model.to_bytes())
            .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        Ok(log)
    })
    .map_err(PyValueError::new_err)
}

/// One tagged CoNLL sentence: words, gold tags, predicted tags.
type TaggedSentence = (Vec<String>, Vec<String>, Vec<String>);

/// Tags a CoNLL file; returns, per sentence, its words, gold tags (maybe
/// empty) and predicted IOB2 tags in CoNLL's four classes.
#[pyfunction]
#[pyo3(signature = (path, model=None))]
fn tag_conll(
    py: Python<'_>,
    path: PathBuf,
    model: Option<PathBuf>,
) -> PyResult<Vec<TaggedSentence>> {
    let documents = read_conll(&path)?;
    let model = options(None, model)?.model;
    let predicted = py.detach(|| ner::tag_conll(&documents, &model));
    Ok(documents
        .into_iter()
        .flatten()
        .zip(predicted)
        .map(|(sentence, spans)| {
            let tags = conll::iob2_from_spans(&spans, sentence.words.len());
            (sentence.words, sentence.tags, tags)
        })
        .collect())
}

/// Conlleval-style scores of predicted against gold tags (IOB1 or IOB2).
#[pyfunction]
fn score_tags(
    gold: Vec<Vec<String>>,
    predicted: Vec<Vec<String>>,
) -> HashMap<String, (f64, f64, f64, usize)> {
    let mut scores = conll::Scores::default();
    for (g, p) in gold.iter().zip(&predicted) {
        scores.add(&conll::spans_from_iob(p), &conll::spans_from_iob(g));
    }
    let row = |c: &conll::Counts| (c.precision(), c.recall(), c.f1(), c.gold);
    let mut out: HashMap<String, _> = scores
        .by_label
        .iter()
        .map(|(label, c)| (label.clone(), row(c)))
        .collect();
    out.insert("overall".to_string(), row(&scores.overall));
    out
}

/// Pairs of entity keys seen together, with counts.
#[pyfunction]
#[pyo3(signature = (articles, level="sentence"))]
fn cooccurrence(
    articles: Vec<Bound<'_, Article>>,
    level: &str,
) -> PyResult<Vec<(String, String, usize)>> {
    let level = match level {
        "sentence" => corpus::Level::Sentence,
        "article" => corpus::Level::Article,
        other => {
            return Err(PyValueError::new_err(format!(
                "level must be 'sentence' or 'article', not {other:?}"
            )))
        }
    };
    Ok(corpus::cooccurrence(
        articles.iter().map(|a| &a.get().record),
        level,
    ))
}

/// The shipped gazetteer's place for a name, as the parser would choose it
/// with no other context: `(geonameid, country, lat, lon, name)`.
#[pyfunction]
fn place(name: &str) -> Option<(u64, String, f64, f64, String)> {
    crate::resolve::place_named(name).map(|p| (p.geonameid, p.country.clone(), p.lat, p.lon, p.name.clone()))
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Article>()?;
    m.add_class::<Span>()?;
    m.add_class::<Caption>()?;
    m.add_class::<record::Entity>()?;
    m.add_class::<record::Geo>()?;
    m.add_class::<record::Mention>()?;
    m.add_class::<record::Quote>()?;
    m.add_class::<record::Temporal>()?;
    m.add_class::<record::Quantity>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(read_files, m)?)?;
    m.add_function(wrap_pyfunction!(parse_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(parse_html, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(train_tagger, m)?)?;
    m.add_function(wrap_pyfunction!(tag_conll, m)?)?;
    m.add_function(wrap_pyfunction!(score_tags, m)?)?;
    m.add_function(wrap_pyfunction!(cooccurrence, m)?)?;
    m.add_function(wrap_pyfunction!(place, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::arrow_tables, m)?)?;
    Ok(())
}
