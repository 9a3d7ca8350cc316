//! Python methods of the record's parts (entities, mentions, quotes, dates,
//! amounts): typed attributes come from the record's own fields; these add
//! `to_dict`, read access by field name (`entity["name"]`,
//! `entity.get("geo")`, `{**entity}`, as when they were dicts), equality and a short `repr`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::record::{Entity, Geo, Mention, Quantity, Quote, Temporal};

use super::{json_to_py, preview, to_value};

macro_rules! record_part_methods {
    ($($part:ty => |$item:ident| $repr:expr;)*) => {$(
        #[pymethods]
        impl $part {
            /// The fields as a dict, as in `Article.to_dict()`.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                json_to_py(py, &to_value(self)?)
            }

            /// A field by name, as `to_dict()[key]`.
            fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
                self.to_dict(py)?.get_item(key)
            }

            /// The field names, so that `dict(part)` and `{**part}` work.
            fn keys<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.to_dict(py)?.call_method0("keys")
            }

            /// A field by name, or `default` when there is no such field.
            #[pyo3(signature = (key, default=None))]
            fn get<'py>(&self, py: Python<'py>, key: &str, default: Option<Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
                let dict = self.to_dict(py)?;
                Ok(dict.cast::<PyDict>()?.get_item(key)?.or(default).unwrap_or_else(|| py.None().into_bound(py)))
            }

            /// Equal to the same part, or to its dict.
            fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
                if let Ok(other) = other.cast::<Self>() {
                    return Ok(other.get() == self);
                }
                if other.is_instance_of::<PyDict>() {
                    return self.to_dict(other.py())?.eq(other);
                }
                Ok(false)
            }

            /// The part from the JSON of its record (what pickling uses).
            #[staticmethod]
            fn from_json(json: &str) -> PyResult<Self> {
                serde_json::from_str(json).map_err(|e| PyValueError::new_err(format!("not a record part: {e}")))
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                let json = serde_json::to_string(slf.get()).map_err(|e| PyValueError::new_err(e.to_string()))?;
                Ok((slf.get_type().getattr("from_json")?, (json,)))
            }

            fn __repr__(&self) -> String {
                let $item = self;
                $repr
            }
        }
    )*};
}

/// An optional value as Python prints it: `None`, or the value.
pub(super) fn optional<T: std::fmt::Debug>(value: &Option<T>) -> String {
    value.as_ref().map_or_else(|| "None".to_string(), |v| format!("{v:?}"))
}

record_part_methods! {
    Entity => |e| format!("<Entity {} {:?} {} mentions={}>", e.id, e.name, e.label, e.mentions.len());
    Geo => |g| format!("<Geo {} {} {} {:.2},{:.2}>", g.geonameid, g.name, g.country, g.lat, g.lon);
    Mention => |m| format!("<Mention {}:{} {:?} {}>", m.start, m.end, preview(&m.text, 60), m.label);
    Quote => |q| format!("<Quote {} {:?} speaker={}>", q.kind, preview(&q.text, 60), optional(&q.speaker));
    Temporal => |t| format!("<Timex {} {:?} value={}>", t.label, t.text, optional(&t.value));
    Quantity => |q| format!("<Quantity {} {:?} value={} unit={}>", q.label, q.text, optional(&q.value), optional(&q.unit));
}
