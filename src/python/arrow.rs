//! The Corpus's per-article views as Arrow tables, built from the records
//! in Rust and handed to pyarrow without copies (the Arrow PyCapsule
//! interface). The columns' names and types come from the caller's schema
//! (`newsents.frames.arrow_schema`), so the views have one definition.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::types::Int32Type;
use arrow_array::{
    new_empty_array, ArrayRef, BooleanArray, Date32Array, DictionaryArray, Float64Array, Int64Array, RecordBatch,
    StringArray, TimestampMicrosecondArray,
};
use arrow_schema::{DataType, Field, TimeUnit};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_arrow::{PySchema, PyTable};

use crate::calendar::{day_number, timestamp_micros};
use crate::record;

use super::Article;

/// One column's values, before they take the schema's type.
enum Values<'a> {
    Text(Vec<Option<&'a str>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<bool>),
    List(Vec<&'a [String]>),
}

/// A view's columns, filled a row at a time.
#[derive(Default)]
struct Columns<'a>(Vec<(&'static str, Values<'a>)>);

impl<'a> Columns<'a> {
    fn column(&mut self, name: &'static str, empty: impl FnOnce() -> Values<'a>) -> &mut Values<'a> {
        let index = match self.0.iter().position(|(n, _)| *n == name) {
            Some(index) => index,
            None => {
                self.0.push((name, empty()));
                self.0.len() - 1
            }
        };
        &mut self.0[index].1
    }

    fn text(&mut self, name: &'static str, value: Option<&'a str>) {
        if let Values::Text(v) = self.column(name, || Values::Text(Vec::new())) {
            v.push(value);
        }
    }

    fn int(&mut self, name: &'static str, value: Option<i64>) {
        if let Values::Int(v) = self.column(name, || Values::Int(Vec::new())) {
            v.push(value);
        }
    }

    fn count(&mut self, name: &'static str, value: usize) {
        self.int(name, i64::try_from(value).ok());
    }

    fn float(&mut self, name: &'static str, value: Option<f64>) {
        if let Values::Float(v) = self.column(name, || Values::Float(Vec::new())) {
            v.push(value);
        }
    }

    fn bool(&mut self, name: &'static str, value: bool) {
        if let Values::Bool(v) = self.column(name, || Values::Bool(Vec::new())) {
            v.push(value);
        }
    }

    fn list(&mut self, name: &'static str, value: &'a [String]) {
        if let Values::List(v) = self.column(name, || Values::List(Vec::new())) {
            v.push(value);
        }
    }

    fn get(&self, name: &str) -> Option<&Values<'a>> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// The rows of one of the per-article views (`frames.RECORD_VIEWS`), as
/// `frames.record_rows` builds them in Python.
fn view_columns<'a>(view: &str, articles: &[&'a record::Article]) -> Option<Columns<'a>> {
    let mut c = Columns::default();
    for &a in articles {
        let id = Some(a.id.as_str());
        match view {
            "articles" => {
                c.text("article_id", id);
                c.text("outlet", a.outlet.as_deref());
                c.text("headline", a.headline.as_deref());
                c.text("dek", a.dek.as_deref());
                c.text("published", a.published.as_deref());
                c.list("authors", &a.authors);
                c.text("url", a.url.as_deref());
                c.count("word_count", a.word_count);
                c.count("paragraphs", a.paragraphs.len());
                c.count("sentences", a.sentences.len());
                c.count("entities", a.entities.len());
                c.count("mentions", a.mentions.len());
                c.count("quotes", a.quotes.len());
                c.count("named_sources", a.sources.named);
                c.count("anonymous_sources", a.sources.anonymous);
                c.count("temporal", a.temporal.len());
                c.count("quantities", a.quantities.len());
                c.count("errors", a.errors.len());
            }
            "entities" => {
                for e in &a.entities {
                    let geo = e.geo.as_ref();
                    c.text("article_id", id);
                    c.count("entity", e.id);
                    c.text("key", Some(&e.key));
                    c.text("name", Some(&e.name));
                    c.text("label", Some(&e.label));
                    c.list("aliases", &e.aliases);
                    c.list("roles", &e.roles);
                    c.text("affiliation", e.affiliation.as_deref());
                    c.count("mentions", e.mentions.len());
                    c.count("first_offset", e.mentions.iter().map(|m| m.0).min().unwrap_or(0));
                    c.int("geonameid", geo.and_then(|g| i64::try_from(g.geonameid).ok()));
                    c.text("place", geo.map(|g| g.name.as_str()));
                    c.text("country", geo.map(|g| g.country.as_str()));
                    c.float("lat", geo.map(|g| g.lat));
                    c.float("lon", geo.map(|g| g.lon));
                }
            }
            "mentions" => {
                for m in &a.mentions {
                    c.text("article_id", id);
                    c.count("entity", m.entity);
                    c.text("key", a.entities.get(m.entity).map(|e| e.key.as_str()));
                    c.text("text", Some(&m.text));
                    c.text("label", Some(&m.label));
                    c.count("start", m.start);
                    c.count("end", m.end);
                    c.count("sentence", m.sentence);
                }
            }
            "quotes" => {
                for (number, q) in a.quotes.iter().enumerate() {
                    c.text("article_id", id);
                    c.count("quote", number);
                    c.text("text", Some(&q.text));
                    c.text("kind", Some(&q.kind));
                    c.text("speaker", q.speaker.as_deref());
                    c.text("speaker_key", q.speaker_entity.and_then(|e| a.entities.get(e)).map(|e| e.key.as_str()));
                    c.bool("anonymous", q.anonymous);
                    c.text("cue", q.cue.as_deref());
                    c.count("start", q.start);
                    c.count("end", q.end);
                    c.int("speaker_start", q.speaker_span.and_then(|s| i64::try_from(s.0).ok()));
                    c.int("speaker_end", q.speaker_span.and_then(|s| i64::try_from(s.1).ok()));
                }
            }
            "temporal" => {
                for t in &a.temporal {
                    c.text("article_id", id);
                    c.text("text", Some(&t.text));
                    c.text("label", Some(&t.label));
                    c.text("value", t.value.as_deref());
                    c.text("date", t.value.as_deref());
                    c.bool("anchored", t.anchored);
                    c.count("start", t.start);
                    c.count("end", t.end);
                }
            }
            "quantities" => {
                for q in &a.quantities {
                    c.text("article_id", id);
                    c.text("text", Some(&q.text));
                    c.text("label", Some(&q.label));
                    c.float("value", q.value);
                    c.text("unit", q.unit.as_deref());
                    c.count("start", q.start);
                    c.count("end", q.end);
                }
            }
            _ => return None,
        }
    }
    Some(c)
}

/// A column as an array of its field's type.
fn array(field: &Field, values: &Values<'_>) -> Option<ArrayRef> {
    Some(match (field.data_type(), values) {
        (DataType::Utf8, Values::Text(v)) => Arc::new(StringArray::from(v.clone())),
        (DataType::Dictionary(key, value), Values::Text(v)) if **key == DataType::Int32 && **value == DataType::Utf8 => {
            Arc::new(v.iter().copied().collect::<DictionaryArray<Int32Type>>())
        }
        (DataType::Timestamp(TimeUnit::Microsecond, zone), Values::Text(v)) => Arc::new(
            TimestampMicrosecondArray::from(v.iter().map(|t| t.and_then(timestamp_micros)).collect::<Vec<_>>())
                .with_timezone_opt(zone.clone()),
        ),
        (DataType::Date32, Values::Text(v)) => {
            Arc::new(Date32Array::from(v.iter().map(|t| t.and_then(day_number)).collect::<Vec<_>>()))
        }
        (DataType::Int64, Values::Int(v)) => Arc::new(Int64Array::from(v.clone())),
        (DataType::Float64, Values::Float(v)) => Arc::new(Float64Array::from(v.clone())),
        (DataType::Boolean, Values::Bool(v)) => Arc::new(BooleanArray::from(v.clone())),
        (DataType::List(item), Values::List(v)) if *item.data_type() == DataType::Utf8 => {
            let mut builder = ListBuilder::new(StringBuilder::new()).with_field(item.clone());
            for items in v {
                for s in *items {
                    builder.values().append_value(s);
                }
                builder.append(true);
            }
            Arc::new(builder.finish())
        }
        _ => return None,
    })
}

/// One view's table in the given schema.
fn view_batch(view: &str, schema: &PySchema, articles: &[&record::Article]) -> Result<RecordBatch, String> {
    let schema = schema.as_ref();
    let columns = view_columns(view, articles).ok_or_else(|| format!("no view named {view:?}"))?;
    let arrays = schema
        .fields()
        .iter()
        .map(|field| match columns.get(field.name()) {
            Some(values) => array(field, values)
                .ok_or_else(|| format!("the {view} view's column {:?} cannot be {}", field.name(), field.data_type())),
            None if columns.0.is_empty() => Ok(new_empty_array(field.data_type())),
            None => Err(format!("the {view} view has no column {:?}", field.name())),
        })
        .collect::<Result<Vec<_>, _>>()?;
    RecordBatch::try_new(Arc::new(schema.clone()), arrays).map_err(|e| e.to_string())
}

/// The per-article views of `articles` as pyarrow Tables, one per entry of
/// `schemas` (view name → pyarrow schema), in that order.
#[pyfunction]
pub fn arrow_tables<'py>(
    py: Python<'py>,
    articles: Vec<Bound<'py, Article>>,
    schemas: Vec<(String, PySchema)>,
) -> PyResult<Bound<'py, PyDict>> {
    let records: Vec<&record::Article> = articles.iter().map(|a| &a.get().record).collect();
    let batches = py
        .detach(|| {
            schemas
                .iter()
                .map(|(view, schema)| view_batch(view, schema, &records))
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(PyValueError::new_err)?;
    let tables = PyDict::new(py);
    for ((view, schema), batch) in schemas.into_iter().zip(batches) {
        let table = PyTable::try_new(vec![batch], schema.into_inner())?;
        tables.set_item(view, table.into_pyarrow(py)?)?;
    }
    Ok(tables)
}
