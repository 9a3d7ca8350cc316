"""Tables of a corpus: one schema per view, rows built from the article
records, and the same rows as pandas DataFrames or pyarrow Tables.

A view is a list of `Column`s. Its rows are plain dicts built from
``Article.to_dict()``; `to_pandas` types them from the schema, so every batch
of a stream gets the same dtypes. `arrow_schema` is the view's Arrow schema,
which the core fills with the same rows (``Corpus.to_arrow``), so every batch
gets the same Parquet schema; `arrow_to_pandas` turns those tables into the
same DataFrames as `to_pandas`, without Python rows. pandas and pyarrow are imported only when a
frame or table is asked for.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional


@dataclass(frozen=True)
class Column:
    """A column of a view. ``kind`` is one of: ``str``, ``category`` (a
    label), ``count`` (an int that is always there), ``int`` (an int that
    may be missing), ``float``, ``bool``, ``timestamp`` (a moment, in UTC),
    ``date`` (a calendar day, no zone), ``list`` (of strings)."""

    name: str
    kind: str
    doc: str


def _columns(*specs: str) -> List[Column]:
    """Columns from ``"name kind doc"`` lines."""
    return [Column(*spec.split(" ", 2)) for spec in specs]


#: The views of a corpus and their columns, as documented in the README.
SCHEMAS: Dict[str, List[Column]] = {
    "articles": _columns(
        "article_id str the article's id",
        "outlet category the publication",
        "headline str the headline",
        "dek str the standfirst under the headline",
        "published timestamp publication time (UTC; a date alone is midnight UTC)",
        "authors list bylined authors",
        "url str the page address, when known",
        "word_count count words of story text",
        "paragraphs count story paragraphs",
        "sentences count sentences",
        "entities count distinct entities",
        "mentions count entity mentions",
        "quotes count quotations",
        "named_sources count distinct named speakers",
        "anonymous_sources count distinct unnamed speakers",
        "temporal count dates, times, durations",
        "quantities count money, percentages, numbers",
        "errors count problems met while parsing (messages in the record)",
    ),
    "entities": _columns(
        "article_id str the article's id",
        "entity count the entity's number within its article",
        "key str the corpus-wide key (the same thing in every article)",
        "name str the fullest name",
        "label category PERSON, ORG, GPE, LOC, NORP, ...",
        "aliases list every form the article uses",
        "roles list titles and roles (President, spokesman)",
        "affiliation str the country or organisation a person belongs to",
        "mentions count how often the article names it",
        "first_offset count where it is first named (code points)",
        "geonameid int GeoNames id of a place",
        "place str GeoNames name of a place (Kyiv for Kiev)",
        "country category ISO country code of a place",
        "lat float latitude of a place",
        "lon float longitude of a place",
    ),
    "mentions": _columns(
        "article_id str the article's id",
        "entity count the entity's number within its article",
        "key str the entity's corpus-wide key",
        "text str the text as printed",
        "label category the entity's label",
        "start count start offset (code points)",
        "end count end offset (exclusive)",
        "sentence count index of the sentence",
    ),
    "quotes": _columns(
        "article_id str the article's id",
        "quote count the quote's number within its article",
        "text str what was said, without quotation marks",
        "kind category direct, partial or indirect",
        "speaker str the speaker as resolved (a name, or the description of an unnamed source)",
        "speaker_key str the speaker entity's corpus-wide key",
        "anonymous bool the speaker is not named",
        "cue str the reporting verb or phrase",
        "start count start offset of the quoted text",
        "end count end offset (exclusive)",
        "speaker_start int where the speaker is named for this quote",
        "speaker_end int end of that naming",
    ),
    "temporal": _columns(
        "article_id str the article's id",
        "text str the expression as printed",
        "label category DATE, TIME, DURATION or SET",
        "value str normalised value (TIMEX3: 2025-05-15, XXXX-07, PT2H)",
        "date date the calendar day, when the value names one",
        "anchored bool the value was fixed from the publication date",
        "start count start offset (code points)",
        "end count end offset (exclusive)",
    ),
    "quantities": _columns(
        "article_id str the article's id",
        "text str the expression as printed",
        "label category MONEY, PERCENT, QUANTITY, CARDINAL, ...",
        "value float the number",
        "unit category currency code or unit",
        "start count start offset (code points)",
        "end count end offset (exclusive)",
    ),
    "cooccurrence": _columns(
        "source str an entity key",
        "target str another entity key (source < target)",
        "count count sentences or articles where both appear",
    ),
    "entity_table": _columns(
        "key str the corpus-wide key",
        "name str the name most articles use",
        "label category the label most articles give",
        "articles count articles that name it",
        "mentions count mentions in all articles",
        "aliases list every form used anywhere",
        "roles list every role given anywhere",
        "country category ISO country code of a place",
        "lat float latitude of a place",
        "lon float longitude of a place",
    ),
}

#: The views with one row per thing in one article: what a stream writes.
RECORD_VIEWS = ("articles", "entities", "mentions", "quotes", "temporal", "quantities")


def _article_rows(record: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    sources = record["sources"]
    yield {
        "article_id": record["id"],
        "outlet": record["outlet"],
        "headline": record["headline"],
        "dek": record["dek"],
        "published": record["published"],
        "authors": record["authors"],
        "url": record["url"],
        "word_count": record["word_count"],
        "paragraphs": len(record["paragraphs"]),
        "sentences": len(record["sentences"]),
        "entities": len(record["entities"]),
        "mentions": len(record["mentions"]),
        "quotes": len(record["quotes"]),
        "named_sources": sources["named"],
        "anonymous_sources": sources["anonymous"],
        "temporal": len(record["temporal"]),
        "quantities": len(record["quantities"]),
        "errors": len(record["errors"]),
    }


def _entity_rows(record: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    for entity in record["entities"]:
        geo = entity["geo"] or {}
        yield {
            "article_id": record["id"],
            "entity": entity["id"],
            "key": entity["key"],
            "name": entity["name"],
            "label": entity["label"],
            "aliases": entity["aliases"],
            "roles": entity["roles"],
            "affiliation": entity["affiliation"],
            "mentions": len(entity["mentions"]),
            "first_offset": min((start for start, _ in entity["mentions"]), default=0),
            "geonameid": geo.get("geonameid"),
            "place": geo.get("name"),
            "country": geo.get("country"),
            "lat": geo.get("lat"),
            "lon": geo.get("lon"),
        }


def _mention_rows(record: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    entities = record["entities"]
    for mention in record["mentions"]:
        yield {
            "article_id": record["id"],
            "entity": mention["entity"],
            "key": entities[mention["entity"]]["key"],
            "text": mention["text"],
            "label": mention["label"],
            "start": mention["start"],
            "end": mention["end"],
            "sentence": mention["sentence"],
        }


def _quote_rows(record: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    entities = record["entities"]
    for number, quote in enumerate(record["quotes"]):
        speaker_entity = quote["speaker_entity"]
        speaker_span = quote["speaker_span"] or (None, None)
        yield {
            "article_id": record["id"],
            "quote": number,
            "text": quote["text"],
            "kind": quote["kind"],
            "speaker": quote["speaker"],
            "speaker_key": None if speaker_entity is None else entities[speaker_entity]["key"],
            "anonymous": quote["anonymous"],
            "cue": quote["cue"],
            "start": quote["start"],
            "end": quote["end"],
            "speaker_start": speaker_span[0],
            "speaker_end": speaker_span[1],
        }


_CALENDAR_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _temporal_rows(record: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    for item in record["temporal"]:
        day = _CALENDAR_DAY.match(item["value"] or "")
        yield {
            "article_id": record["id"],
            "text": item["text"],
            "label": item["label"],
            "value": item["value"],
            "date": day.group(0) if day else None,
            "anchored": item["anchored"],
            "start": item["start"],
            "end": item["end"],
        }


def _quantity_rows(record: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    for item in record["quantities"]:
        yield {
            "article_id": record["id"],
            "text": item["text"],
            "label": item["label"],
            "value": item["value"],
            "unit": item["unit"],
            "start": item["start"],
            "end": item["end"],
        }


_ROW_BUILDERS: Dict[str, Callable[[Dict[str, Any]], Iterator[Dict[str, Any]]]] = {
    "articles": _article_rows,
    "entities": _entity_rows,
    "mentions": _mention_rows,
    "quotes": _quote_rows,
    "temporal": _temporal_rows,
    "quantities": _quantity_rows,
}


def record_rows(view: str, records: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The rows of one of `RECORD_VIEWS` for article records (``to_dict()``)."""
    build = _ROW_BUILDERS[view]
    return [row for record in records for row in build(record)]


def cooccurrence_rows(articles, level: str) -> List[Dict[str, Any]]:
    """Pairs of entity keys sharing sentences (``level="sentence"``) or
    articles (``"article"``), most frequent first."""
    from . import _core

    return [{"source": a, "target": b, "count": n} for a, b, n in _core.cooccurrence(list(articles), level=level)]


def entity_table_rows(entity_rows: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Rows of the ``entities`` view aggregated by key, most mentioned first."""
    groups: Dict[str, List[Dict[str, Any]]] = {}
    for row in entity_rows:
        groups.setdefault(row["key"], []).append(row)
    table = []
    for key, rows in groups.items():
        placed = next((r for r in rows if r["lat"] is not None), {})
        table.append({
            "key": key,
            "name": _most_common(r["name"] for r in rows),
            "label": _most_common(r["label"] for r in rows),
            "articles": len({r["article_id"] for r in rows}),
            "mentions": sum(r["mentions"] for r in rows),
            "aliases": sorted({a for r in rows for a in r["aliases"]}),
            "roles": _distinct_ignoring_case(a for r in rows for a in r["roles"]),
            "country": placed.get("country"),
            "lat": placed.get("lat"),
            "lon": placed.get("lon"),
        })
    table.sort(key=lambda r: (-r["mentions"], r["key"]))
    return table


def _distinct_ignoring_case(values: Iterable[str]) -> List[str]:
    """Each value once whatever its case (`President`, `president`), as most
    often printed, sorted."""
    spellings: Dict[str, List[str]] = {}
    for value in values:
        spellings.setdefault(value.lower(), []).append(value)
    return sorted(_most_common(group) for group in spellings.values())


def _most_common(values: Iterable[str]) -> str:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def _timestamp(value: Optional[str]) -> Optional[_dt.datetime]:
    """An ISO 8601 time as an aware datetime in UTC (no zone: UTC)."""
    if value is None:
        return None
    try:
        moment = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    return moment.astimezone(_dt.timezone.utc)


def _day(value: Optional[str]) -> Optional[_dt.date]:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:  # 2025-02-31 is not a day
        return None


_CONVERT: Dict[str, Callable[[Any], Any]] = {"timestamp": _timestamp, "date": _day}


def _typed_columns(view: str, rows: List[Dict[str, Any]]) -> Dict[str, List[Any]]:
    """Column lists of a view, with times and days as Python objects."""
    columns = {}
    for column in SCHEMAS[view]:
        values = [row[column.name] for row in rows]
        convert = _CONVERT.get(column.kind)
        columns[column.name] = [convert(v) for v in values] if convert else values
    return columns


_PANDAS_DTYPES = {
    "str": "string", "count": "int64", "int": "Int64", "float": "float64",
    "bool": "bool", "list": "object", "timestamp": "datetime64[us, UTC]", "date": "datetime64[s]",
}


def to_pandas(view: str, rows: List[Dict[str, Any]]):
    """A DataFrame of a view's rows, typed by its schema."""
    import pandas as pd

    data = _typed_columns(view, rows)
    series = {}
    for column in SCHEMAS[view]:
        values = data[column.name]
        if column.kind == "timestamp":
            series[column.name] = pd.Series(pd.to_datetime(values, utc=True), dtype=_PANDAS_DTYPES["timestamp"])
        elif column.kind == "date":
            series[column.name] = pd.Series(pd.to_datetime(values), dtype=_PANDAS_DTYPES["date"])
        elif column.kind == "category":  # string categories even when empty, so batches concatenate
            series[column.name] = pd.Series(values, dtype="string").astype("category")
        else:
            series[column.name] = pd.Series(values, dtype=_PANDAS_DTYPES[column.kind])
    return pd.DataFrame(series, columns=[c.name for c in SCHEMAS[view]])


def arrow_to_pandas(view: str, table):
    """The DataFrame of a view's Arrow table (``Corpus.to_arrow``), with the
    dtypes `to_pandas` gives its rows, converted column by column in pyarrow
    rather than row by row in Python."""
    import pandas as pd
    import pyarrow as pa

    series = {}
    for column in SCHEMAS[view]:
        values = table.column(column.name)
        if column.kind == "list":  # lists of str, as in the rows (pyarrow would give numpy arrays)
            series[column.name] = pd.Series(values.to_pylist(), dtype="object")
        elif column.kind == "date":
            series[column.name] = values.to_pandas(date_as_object=False).astype(_PANDAS_DTYPES["date"])
        elif column.kind == "category":
            labels = values.to_pandas()
            series[column.name] = labels.cat.set_categories(labels.cat.categories.astype("string").sort_values())
        elif column.kind in ("str", "int"):
            nullable = {pa.string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype()}
            series[column.name] = values.to_pandas(types_mapper=nullable.get)
        else:
            series[column.name] = values.to_pandas().astype(_PANDAS_DTYPES[column.kind])
    return pd.DataFrame(series, columns=[c.name for c in SCHEMAS[view]])


def arrow_schema(view: str):
    """The pyarrow schema of a view (the same for every batch)."""
    import pyarrow as pa

    types = {
        "str": pa.string(), "category": pa.dictionary(pa.int32(), pa.string()), "count": pa.int64(),
        "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "list": pa.list_(pa.string()),
        "timestamp": pa.timestamp("us", tz="UTC"), "date": pa.date32(),
    }
    return pa.schema([pa.field(c.name, types[c.kind], metadata={"doc": c.doc}) for c in SCHEMAS[view]])
