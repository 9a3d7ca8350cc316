"""newsents: structured data from raw news articles.

>>> import newsents
>>> article = newsents.parse(text)
>>> article.headline, article.authors, article.published
>>> [s.text for s in article.sentences]
>>> articles = newsents.read("seeds/")        # files, directories, globs
>>> articles[0].to_dict()                     # the record: docs/record.md
"""

from __future__ import annotations

import datetime as _dt
import glob
import json
import numbers
import os
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

from . import _batches, _core, display, frames
from ._core import Article, Caption, Entity, Geo, Mention, Quantity, Quote, Span, Timex, __version__, tokenize
from .corpus import Corpus

__all__ = [
    "Article", "Caption", "Corpus", "Entity", "Geo", "Mention", "Quantity", "Quote", "Span", "Timex", "parse", "parse_html", "parse_many", "read", "stream", "tokenize", "train",
    "load_entities", "cooccurrence", "place", "__version__",
]


def __dir__() -> List[str]:
    """The public API, as `dir(newsents)` and a notebook's completion show it
    (not the modules and typing names the package imports)."""
    return sorted(__all__ + ["BATCH_SIZE", "SUFFIXES", "corpus", "display", "expand_paths", "frames"])


PathLike = Union[str, "os.PathLike[str]"]
Text = Union[str, bytes]
#: Names to fix before the tagger runs: ``{"Wagner Group": "ORG"}``, or a
#: pattern file (see `load_entities`).
Entities = Union[Mapping[str, str], PathLike, None]

#: File endings `read` picks up in directories and globs.
SUFFIXES = (".txt", ".jsonl", ".ndjson", ".html", ".htm", ".html.gz", ".htm.gz")


def parse(
    text: Text,
    id: Optional[str] = None,
    published: Union[str, _dt.date, None] = None,
    outlet: Optional[str] = None,
    url: Optional[str] = None,
    entities: Entities = None,
    model: Optional[PathLike] = None,
) -> Article:
    """Parse one article from its text (``str``, or ``bytes`` in UTF-8 or,
    failing that, windows-1252; ``article.encoding`` says which).

    ``id``, ``published`` (an ISO string, any date format the parser reads,
    or a ``datetime``/``date``), ``outlet`` and ``url`` override what the
    parser infers from the text. Without ``id``, the id is a hash of the text.
    ``entities`` fixes names before the tagger runs (a dict of phrase to
    label, or a pattern file); ``model`` is a tagger trained with `train`
    (default: the shipped CoNLL-2003 model). A whole web page is read as
    text, markup and all, with a warning: `parse_html` reads its main text
    and metadata.
    """
    _check_input(text, "parse")
    return _core.parse(
        text, id=id, published=_iso(published), outlet=outlet, url=url,
        entities=load_entities(entities), model=_path(model),
    )


def _looks_like_a_page(text: object) -> bool:
    """Whether a text opens as an HTML document does."""
    if isinstance(text, bytes):
        text = text[:64].decode("ascii", "replace")
    return isinstance(text, str) and text[:64].lstrip().lower().startswith(("<!doctype html", "<html"))


def _one_short_line(text: str) -> bool:
    return len(text) < 4096 and "\n" not in text.strip()


def _names_a_file(text: object) -> bool:
    """Whether a text is one short line naming an existing article file."""
    return isinstance(text, str) and _one_short_line(text) and text.strip().lower().endswith(SUFFIXES) \
        and os.path.isfile(text.strip())


def _names_a_missing_file(text: object) -> bool:
    """Whether a text is one word with an article file's ending (`story.txt`)."""
    return isinstance(text, str) and _one_short_line(text) and len(text.split()) == 1 \
        and text.strip().lower().endswith(SUFFIXES)


def _is_a_link(text: object) -> bool:
    """Whether a text is only a web address."""
    return isinstance(text, str) and _one_short_line(text) and len(text.split()) == 1 \
        and text.strip().lower().startswith(("http://", "https://"))


def _check_input(text: object, function: str) -> None:
    """Raises for a path and warns for a text that is likely not what the
    caller meant: a page given to `parse`, a file name or a web address."""
    if isinstance(text, os.PathLike):
        raise TypeError(f"{function} takes str or bytes, not {type(text).__name__}; newsents.read(path) reads files")
    if function == "parse" and _looks_like_a_page(text):
        warnings.warn("the text is an HTML page, read here as plain text; newsents.parse_html reads its "
                      "main text and metadata", stacklevel=3)
    elif _names_a_file(text):
        warnings.warn(f"the text given to {function} is the name of a file, parsed here as the article itself; "
                      f"newsents.read({text!r})[0] reads and parses the file", stacklevel=3)
    elif _names_a_missing_file(text):
        warnings.warn(f"the text given to {function} looks like the name of a file, but there is no such file; "
                      "it is parsed as the article itself (newsents.read reads files)", stacklevel=3)
    elif _is_a_link(text):
        warnings.warn(f"the text given to {function} is a web address, parsed here as the article itself: newsents "
                      "reads no pages from the network; save the page and pass its HTML to "
                      "newsents.parse_html(html, url=...)", stacklevel=3)


def parse_html(
    html: Text,
    url: Optional[str] = None,
    id: Optional[str] = None,
    entities: Entities = None,
    model: Optional[PathLike] = None,
) -> Article:
    """Parse a saved web page: ``str``, or ``bytes`` in the encoding the
    page declares (or UTF-8, or windows-1252 when it declares none).

    The main text is extracted with the boilerplate removed; the headline,
    authors, publication time, outlet and dek come from the page's metadata
    (JSON-LD, Open Graph and other meta tags, ``<time>``, ``<title>``,
    ``<h1>``, the URL); the text pipeline then runs on the headline and main
    text, which is ``article.text`` (offsets point into it). A page that is
    not HTML gives a record with an ``errors`` entry.
    """
    _check_input(html, "parse_html")
    return _core.parse_html(html, url=url, id=id, entities=load_entities(entities), model=_path(model))


def parse_many(
    texts: Iterable[Text],
    ids: Optional[Iterable[Union[str, int, None]]] = None,
    threads: Optional[int] = None,
    entities: Entities = None,
    model: Optional[PathLike] = None,
    progress: Optional[bool] = None,
    published: Optional[Iterable[Union[str, _dt.date, None]]] = None,
    outlets: Optional[Iterable[Optional[str]]] = None,
) -> Corpus:
    """Parse many articles in parallel on ``threads`` threads (all cores by
    default), with the GIL released. The result keeps the input order; an
    article that fails has its problems in ``errors`` and never stops the batch.
    ``ids`` (str, or int as a DataFrame's id column holds them),
    ``published`` and ``outlets`` give one value per text, None (or NaT) for
    none, as `parse`'s ``id``, ``published`` and ``outlet`` do: for a table,
    ``parse_many(df["text"], ids=df["id"], published=df["date"])``. A date
    the parser cannot read is an ``errors`` entry of its article, and so is
    a missing text (None or NaN, as a table's text column holds it).
    ``entities`` and ``model`` are as in `parse`. ``progress`` shows a bar
    (tqdm) when true, never when false, and when None for long batches on a
    terminal or in a notebook (never in a log or a pipe); Ctrl-C stops the
    batch within a chunk of `CHUNK` articles.
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError(f"texts must be an iterable of str or bytes, not one {type(texts).__name__}; "
                        "parse() takes one article")
    if hasattr(texts, "columns"):
        raise TypeError("texts is a table; pass its text column, and the others by name: "
                        "parse_many(df['text'], ids=df['id'], published=df['published'])")
    # A table's missing text (None, NaN) is an empty article: an error record, not a stopped batch.
    texts = ["" if _missing(text) else text for text in texts]
    for index, text in enumerate(texts):
        if not isinstance(text, (str, bytes)):
            raise TypeError(f"texts[{index}] must be str or bytes, not {type(text).__name__}"
                            + ("; newsents.read() reads files" if isinstance(text, os.PathLike) else ""))
    id_list = _per_text(ids, "ids", len(texts), _id)
    dates = _per_text(published, "published", len(texts), _iso)
    outlet_list = _per_text(outlets, "outlets", len(texts), lambda outlet: outlet)
    given_ids = [i for i in id_list or [] if i is not None]
    if len(set(given_ids)) < len(given_ids):
        warnings.warn("some ids repeat, so article_id will not tell those articles apart in the tables",
                      stacklevel=2)
    options = _options(threads, entities, model)
    bar = _batches.Progress(progress, len(texts), "articles", _batches.AUTO_PROGRESS_ARTICLES)
    articles: List[Article] = []
    try:
        for start in range(0, len(texts), CHUNK):
            def chunk(values: Optional[List[Any]]) -> Optional[List[Any]]:
                return None if values is None else values[start:start + CHUNK]
            articles += _core.parse_many(texts[start:start + CHUNK], ids=chunk(id_list), published=chunk(dates),
                                         outlets=chunk(outlet_list), **options)
            bar.update(min(CHUNK, len(texts) - start))
    finally:
        bar.close()
    return Corpus(articles)


def _options(threads: Optional[int], entities: Entities, model: Optional[PathLike]) -> Dict[str, Any]:
    """The keyword arguments every batch call into the core takes, checked."""
    return dict(threads=_threads(threads), entities=load_entities(entities), model=_path(model))


def _per_text(values: Optional[Iterable[Any]], name: str, count: int, convert: Callable[[Any], Any]) -> Optional[List[Any]]:
    """One converted value per text, or None when not given."""
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be an iterable with one value per text, not one {type(values).__name__}")
    converted = [convert(value) for value in values]
    if len(converted) != count:
        raise ValueError(f"got {len(converted)} {name} for {count} texts")
    return converted


def _id(value: object) -> object:
    """An article id as the core takes it: an integer (Python's or numpy's) as its digits."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(value)
    return None if _missing(value) else value


def _missing(value: object) -> bool:
    """None, NaN or NaT: what a table holds for no value."""
    try:
        return value is None or bool(value != value)
    except (TypeError, ValueError):
        return False


#: Articles per batch of `stream` by default: enough to keep every core
#: busy, few enough that a batch's tables stay small (about 300 MB at peak
#: for news-length articles, Parquet writing included).
BATCH_SIZE = 250

#: Articles per call into the core in `parse_many` (between two chances to
#: stop with Ctrl-C or move the progress bar).
CHUNK = 512


def read(
    paths: Union[PathLike, Iterable[PathLike]],
    threads: Optional[int] = None,
    entities: Entities = None,
    model: Optional[PathLike] = None,
    progress: Optional[bool] = None,
) -> Corpus:
    """Read and parse articles from files, directories (searched recursively)
    and glob patterns: ``.txt`` files hold one article each, ``.html``,
    ``.htm`` and ``.html.gz`` files one saved page each (read as
    `parse_html` reads them), ``.jsonl`` files one JSON object per line with
    a ``text`` (or ``html``) field and optional ``id``, ``published`` (or
    ``date``), ``headline`` (or ``title``), ``outlet`` and ``url``, which
    override what the parser infers. A file's
    article id is its name without the ending.
    ``progress`` is as in `parse_many`. For corpora larger than memory, use
    `stream`.
    """
    articles: List[Article] = []
    for batch in stream(paths, threads=threads, entities=entities, model=model, progress=progress):
        articles += batch
    return Corpus(articles)


def stream(
    paths: Union[PathLike, Iterable[PathLike]],
    batch_size: int = BATCH_SIZE,
    threads: Optional[int] = None,
    entities: Entities = None,
    model: Optional[PathLike] = None,
    progress: Optional[bool] = None,
) -> Iterator[Corpus]:
    """Read and parse articles as `read` does, yielding them as Corpus
    batches of at most ``batch_size`` articles, in order, so that memory
    stays bounded however large the input: JSONL files are read a line at a
    time. The progress bar counts bytes read.
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int):
        raise TypeError(f"batch_size must be an int, not {type(batch_size).__name__}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    files = expand_paths(paths)
    options = _options(threads, entities, model)
    return _stream(files, batch_size, options, progress)


def _stream(files: List[Path], batch_size: int, options: dict, progress: Optional[bool]) -> Iterator[Corpus]:
    bar = _batches.Progress(progress, _batches.total_size(files), "B", _batches.AUTO_PROGRESS_BYTES)
    try:
        for batch in _batches.file_batches(files, batch_size):
            if batch.files:
                articles = _core.read_files(batch.files, **options)
            else:
                articles = _core.parse_jsonl(batch.lines, batch.line_sources, **options)
            bar.update(batch.size)
            yield Corpus(articles)
    finally:
        bar.close()


def train(
    train: Union[PathLike, Dict[str, object], Sequence[Union[PathLike, Dict[str, object]]]],
    out: PathLike,
    dev: Optional[PathLike] = None,
    epochs: Optional[int] = None,
    bits: Optional[int] = None,
    seed: Optional[int] = None,
    word_dropout: Optional[float] = None,
    margin: Optional[float] = None,
) -> List[str]:
    """Train an entity tagger on CoNLL-format files (one token per line, the
    tag in the last column, IOB1 or IOB2, ``-DOCSTART-`` between documents)
    and write it to ``out``; use it with ``parse(..., model=out)``.

    ``train`` is one file or a list of them; a file may also be given as a
    dict that says how to learn from it::

        {"path": "btc.conll",                # required
         "weight": 0.5,                      # documents visited per pass (default 1)
         "labels": {"person": "PER"},        # renamed labels; "" makes a label O
         "unmarked": ["MISC"],               # labels this corpus never marks
         "sentences_as_documents": True}     # no document context (tweets)

    With ``dev``, the pass over the training data that scores best on it is
    kept. ``word_dropout`` leaves the word features of that share of tokens
    out of each training step. ``margin`` is the cost of a wrong tag when a
    training step decodes: the right tags must win by that much
    (large-margin training). Training is reproducible: the same data and
    ``seed`` give the same file. Defaults, the shipped model's recipe: 12
    passes, 2**18 feature buckets, seed 13, word dropout 0.1, margin 60
    (``scripts/train_tagger.py`` trains the shipped model on its data).
    Returns one log line per pass.
    """
    files: Sequence[object] = train if isinstance(train, (list, tuple)) else [train]
    sets = [_training_set(f) for f in files]
    return _core.train_tagger(sets, str(out), dev=_path(dev), epochs=epochs, bits=bits, seed=seed, word_dropout=word_dropout,
                              margin=margin)


_TRAINING_SET_DEFAULTS = {"weight": 1.0, "labels": {}, "unmarked": [], "sentences_as_documents": False}


def _training_set(spec: object) -> Dict[str, object]:
    if isinstance(spec, (str, os.PathLike)):
        return {"path": os.fspath(spec), **_TRAINING_SET_DEFAULTS}
    if not isinstance(spec, dict) or not isinstance(spec.get("path"), (str, os.PathLike)):
        raise TypeError(f"a training file is a path or a dict with a 'path', not {spec!r}")
    unknown = set(spec) - set(_TRAINING_SET_DEFAULTS) - {"path"}
    if unknown:
        raise TypeError(f"unknown training-set keys: {sorted(unknown)}")
    return {**_TRAINING_SET_DEFAULTS, **spec, "path": os.fspath(spec["path"])}


def cooccurrence(articles: Union[Article, Iterable[Article]], level: str = "sentence") -> List[Dict[str, Any]]:
    """Pairs of entity keys that appear in the same sentence (``level=
    "sentence"``) or the same article (``"article"``) of one article or
    many, with how many sentences or articles they share, most frequent
    first: ``[{"source": "vladimir putin", "target": "volodymyr zelensky", "count": 12}, ...]``.
    """
    articles = [articles] if isinstance(articles, Article) else list(articles)
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"cooccurrence takes Article objects (from parse, parse_many or read), not "
                            f"{type(article).__name__}; parse texts first: newsents.cooccurrence(newsents.parse_many(texts))")
    return frames.cooccurrence_rows(articles, level)


def place(name: str) -> Optional[Dict[str, Any]]:
    """The place the shipped gazetteer gives a name with no other context:
    ``"City, State"`` or ``"City, Country"`` pinned there (``"Portland,
    Oregon"``), a name in capitals read as prose prints it (``"TACOMA"``),
    else countries first, then US states, then the most populous city of
    that name:
    ``{"geonameid": 703448, "country": "UA", "lat": 50.45, "lon": 30.52, "name": "Kyiv"}``,
    or None.
    """
    if not isinstance(name, str):
        raise TypeError(f"place takes a place's name as str, not {type(name).__name__}")
    found = _core.place(name)
    if found is None:
        return None
    geonameid, country, lat, lon, canonical = found
    return {"geonameid": geonameid, "country": country, "lat": lat, "lon": lon, "name": canonical}


def load_entities(entities: Entities) -> Optional[Dict[str, str]]:
    """Names to fix before the tagger, as a dict of phrase to label.

    Accepts a mapping, or a file: JSONL in spaCy's EntityRuler form
    (``{"label": "ORG", "pattern": "Wagner Group"}`` per line), or
    tab-separated ``phrase<TAB>label`` lines.
    """
    if entities is None:
        return None
    if isinstance(entities, Mapping):
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in entities.items()):
            raise TypeError("entities must map str phrases to str labels")
        return dict(entities)
    if not isinstance(entities, (str, os.PathLike)):
        raise TypeError(f"entities must be a dict or a file path, not {type(entities).__name__}")
    found: Dict[str, str] = {}
    with open(entities, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("{"):
                record = json.loads(line)
                if not isinstance(record.get("pattern"), str) or not isinstance(record.get("label"), str):
                    raise ValueError(f"{entities}:{number}: needs string 'pattern' and 'label'")
                found[record["pattern"]] = record["label"]
            else:
                phrase, sep, label = line.rpartition("\t")
                if not sep or not phrase:
                    raise ValueError(f"{entities}:{number}: expected 'phrase<TAB>label'")
                found[phrase] = label
    return found


def expand_paths(paths: Union[PathLike, Iterable[PathLike]]) -> List[Path]:
    """The files that ``read`` would read, in order: named files as given,
    directories and globs expanded to the files with a known ending, sorted.
    Raises ``FileNotFoundError``, before anything is read, for a path that
    does not exist or a directory or pattern that holds or matches no article
    file (a typo should not surface after a long run); a file that exists but
    cannot be read, or a broken link, gives an error record instead."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    elif not isinstance(paths, Iterable):
        raise TypeError("paths must be a file, directory or glob pattern (str or os.PathLike) or a list of them, "
                        f"not {type(paths).__name__}")
    files: List[Path] = []
    for entry in paths:
        if not isinstance(entry, (str, os.PathLike)):
            raise TypeError(f"paths must be str or os.PathLike, not {type(entry).__name__}")
        if isinstance(entry, str) and not _one_short_line(entry):
            raise ValueError(f"paths name files, directories or glob patterns; {entry[:40]!r}... ({len(entry)} "
                             "characters) reads as an article's text, which newsents.parse() takes")
        path = Path(entry)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _article_file(p))
            if not found:
                raise FileNotFoundError(f"no article files in directory {str(entry)!r} (endings read: "
                                        f"{', '.join(SUFFIXES)})")
            files.extend(found)
        elif path.exists() or path.is_symlink():
            # A broken link named here gives an error record, as in a directory.
            files.append(path)
        elif glob.has_magic(str(entry)):
            matches = sorted(Path(m) for m in glob.glob(str(entry), recursive=True))
            matches = [m for m in matches if _article_file(m)]
            if not matches:
                raise FileNotFoundError(f"no article files match {str(entry)!r}")
            files.extend(matches)
        else:
            raise FileNotFoundError(f"no such file or directory: {str(entry)!r}")
    return files


def _article_file(path: Path) -> bool:
    """A file with a known ending, or a broken link with one (read, it gives
    an error record)."""
    is_file = path.is_file() or (path.is_symlink() and not path.exists())
    return is_file and not path.name.startswith(".") and path.name.lower().endswith(SUFFIXES)


def _iso(published: Union[str, _dt.date, None]) -> Optional[str]:
    if published is None or isinstance(published, str):
        return published
    if _missing(published):
        return None
    if isinstance(published, _dt.date):  # datetime is a date too
        return published.isoformat()
    raise TypeError(f"published must be str, datetime, date or None, not {type(published).__name__}")


def _path(path: Optional[PathLike]) -> Optional[str]:
    if path is None:
        return None
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"model must be a file path, not {type(path).__name__}")
    return os.fspath(path)


def _threads(threads: Optional[int]) -> Optional[int]:
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    return threads
