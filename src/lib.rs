//! newsents: structured data from raw news articles.
//!
//! One annotated document, [`doc::Doc`], flows one way through the stages,
//! one module each, every stage reading the `Doc` and adding its layer:
//! [`article`] (structure and metadata of the page) → [`text`] (tokens and
//! sentences) → [`temporal`] and [`quantities`] (dates, times, numbers) →
//! [`ner`] (entity mentions) → [`resolve`] (entities, roles, places, keys) →
//! [`quotes`] (who said what); the [`record`] every interface speaks is
//! built once from the `Doc` at the end. [`pipeline`] runs the stages on one
//! article, [`corpus`] on many in parallel; [`html`] turns a saved web page
//! into the pipeline's input; `python` (with the `python` feature) converts
//! to and from Python objects. The stages read their word lists and the
//! gazetteer from [`lexicon`], data files embedded in the extension.

pub mod article;
pub mod calendar;
pub mod corpus;
pub mod doc;
mod fxhash;
pub mod html;
pub mod lexicon;
pub mod ner;
pub mod pipeline;
pub mod quantities;
pub mod quotes;
pub mod record;
pub mod resolve;
pub mod temporal;
pub mod text;

#[cfg(feature = "python")]
mod python;

pub use pipeline::{parse, Input, Options};
pub use record::Article;

/// Parsing makes many short-lived allocations per sentence; mimalloc serves
/// them in about half the time of the system allocator (whole pipeline about
/// 15% faster on one thread) and keeps each rayon thread on its own heap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
