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

/// mimalloc 3 keeps freed pages for a second before it returns them to the
/// system, so a long article's stages, each freeing its temporary tables as
/// the next allocates, add up in resident memory (10 MB of a repeated name:
/// 480 MB peak). Ten milliseconds (mimalloc 2's default) returns them while
/// the article is parsed (375 MB) and keeps the pages of short articles for
/// reuse. Set once, before the first parse, unless `MIMALLOC_PURGE_DELAY`
/// is set in the environment.
fn tune_allocator() {
    /// `mi_option_purge_delay` of mimalloc.h, which libmimalloc-sys does not name.
    const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: setting an option is thread-safe; it only changes when freed pages are purged.
            unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) }
        }
    });
}
