"""Parsing on a Dask cluster (``pip install "newsents[dask]"``; from a
clone, ``pip install ".[dask]"``).

>>> import dask.bag as db, newsents.dask
>>> texts = db.read_text("corpus/*.jsonl").map(json.loads)   # records with a "text" field
>>> articles = newsents.dask.parse(texts)                    # a Bag of Article
>>> tables = newsents.dask.views(articles)                   # Dask DataFrames, one per view
>>> tables["entities"].groupby("key").mentions.sum().nlargest(20).compute()

Each partition is parsed by one call into the core on its worker (all the
worker's threads, GIL released); articles travel between processes by
pickling. The frames have the columns and dtypes of the local
``Corpus`` views.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
except ModuleNotFoundError as missing:
    raise ModuleNotFoundError(
        f"newsents.dask needs Dask ({missing.name} is missing): "
        'pip install "newsents[dask]", or pip install ".[dask]" from a clone'
    ) from missing

from . import Entities, PathLike, _core, _path, frames, load_entities
from ._core import Article
from .corpus import Corpus

__all__ = ["parse", "views"]


def parse(
    collection: Union[db.Bag, dd.DataFrame],
    text: str = "text",
    id: Optional[str] = None,
    entities: Entities = None,
    model: Optional[PathLike] = None,
) -> db.Bag:
    """Parse a Dask collection into a Bag of `Article`, partition by partition.

    ``collection`` is a Bag of texts (``str`` or ``bytes``) or of records
    (dicts with a ``text`` field and optional ``id``, ``published``,
    ``outlet``, ``url``, as in a JSONL line), or a Dask DataFrame whose
    ``text`` column holds the texts and whose ``id`` column, when named,
    the ids (``published``, ``outlet`` and ``url`` columns are used when
    present). ``entities`` and ``model`` are as in `newsents.parse`; a model
    file must be readable by the workers.
    """
    options = {"entities": load_entities(entities), "model": _path(model)}
    if isinstance(collection, dd.DataFrame):
        if text not in collection.columns:
            raise ValueError(f"the DataFrame has no {text!r} column")
        renames = {text: "text", **({id: "id"} if id else {})}
        kept = [c for c in (text, id, "published", "outlet", "url") if c and c in collection.columns]
        collection = collection[kept].rename(columns=renames).to_bag(format="dict")
    elif not isinstance(collection, db.Bag):
        raise TypeError(f"expected a dask Bag or DataFrame, not {type(collection).__name__}")
    return collection.map_partitions(_parse_partition, options)


def _parse_partition(items: Iterable[Any], options: Dict[str, Any]) -> List[Article]:
    """One partition's articles: records go through the JSONL reader, so
    they are read exactly as lines of a JSONL file would be."""
    items = list(items)
    if all(isinstance(item, (str, bytes)) for item in items):
        return _core.parse_many(items, **options)
    lines = [json.dumps(_record(item), default=str) for item in items]
    return _core.parse_jsonl(lines, [("record", n) for n in range(len(items))], **options)


def _record(item: Any) -> Mapping[str, Any]:
    if isinstance(item, Mapping):
        return {k: (None if _missing(v) else v) for k, v in item.items()}
    if isinstance(item, (str, bytes)):
        return {"text": item if isinstance(item, str) else item.decode("utf-8", "replace")}
    raise TypeError(f"expected texts or records (dicts), not {type(item).__name__}")


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # NaN from a DataFrame


def views(articles: db.Bag, names: Sequence[str] = frames.RECORD_VIEWS) -> Dict[str, dd.DataFrame]:
    """Dask DataFrames of the per-article views (``articles``, ``entities``,
    ``mentions``, ``quotes``, ``temporal``, ``quantities``) of a Bag of
    `Article`, one partition per partition of the Bag."""
    unknown = [v for v in names if v not in frames.RECORD_VIEWS]
    if unknown:
        raise ValueError(f"no such per-article view: {', '.join(unknown)}")
    parts = articles.to_delayed()
    # Dask would turn object columns into strings; list columns (authors,
    # aliases, roles) must stay lists.
    with dask.config.set({"dataframe.convert-string": False}):
        return {
            view: dd.from_delayed([dask.delayed(_partition_frame)(part, view) for part in parts],
                                  meta=frames.to_pandas(view, []), verify_meta=False)
            for view in names
        }


def _partition_frame(articles: List[Article], view: str):
    return getattr(Corpus(articles), view)()
