"""Type stubs for the Rust extension module ``newsents._core``."""

from typing import Any, Dict, Iterable, KeysView, List, Optional, Sequence, Tuple, Union, final

__all__ = [
    "__version__", "Article", "Span", "Caption", "Entity", "Geo", "Mention", "Quote", "Timex", "Quantity", "parse", "parse_many", "read_files", "parse_jsonl", "parse_html",
    "tokenize", "train_tagger", "tag_conll", "score_tags", "cooccurrence", "place", "arrow_tables",
]

__version__: str

@final
class Span:
    """A range of an article's text (a sentence, a paragraph)."""

    @property
    def start(self) -> int:
        """Start offset in code points into ``Article.text``."""
    @property
    def end(self) -> int:
        """End offset in code points (exclusive)."""
    @property
    def text(self) -> str:
        """The text of the span."""
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...

@final
class Caption:
    """A photo caption and its credit; ``start``/``end`` span the caption text."""

    @property
    def text(self) -> str:
        """The caption, without its credit."""
    @property
    def credit(self) -> Optional[str]:
        """The photo credit; None when the caption gives none."""
    @property
    def start(self) -> int:
        """Start offset (code points) of the caption in the article's text."""
    @property
    def end(self) -> int:
        """End offset (code points, exclusive)."""
    def __repr__(self) -> str: ...

class _RecordPart:
    """What every part of the record (entity, mention, quote, date, amount)
    offers beside its typed attributes (not a class at runtime)."""

    def to_dict(self) -> Dict[str, Any]:
        """The fields as a dict, as in ``Article.to_dict()``."""
    def __getitem__(self, key: str, /) -> Any:
        """A field by name, as ``to_dict()[key]``."""
    def keys(self) -> KeysView[str]:
        """The field names, so that ``dict(part)`` and ``{**part}`` work."""
    def get(self, key: str, default: Any = None) -> Any:
        """A field by name, or ``default`` when there is no such field."""
    def __eq__(self, value: object, /) -> bool: ...
    def __repr__(self) -> str: ...
    @staticmethod
    def from_json(json: str) -> Any:
        """The part from the JSON of its record (what pickling uses)."""
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...

@final
class Geo(_RecordPart):
    """Where a place is (GeoNames)."""
    @property
    def geonameid(self) -> int:
        """Its GeoNames id."""
    @property
    def name(self) -> str:
        """Its GeoNames name (``Kyiv`` for ``Kiev``, ``Florida`` for ``Fla.``)."""
    @property
    def country(self) -> str:
        """ISO 3166 country code (``UA``)."""
    @property
    def lat(self) -> float:
        """Latitude."""
    @property
    def lon(self) -> float:
        """Longitude."""

@final
class Entity(_RecordPart):
    """One real-world thing named in the article."""
    @property
    def id(self) -> int:
        """Its number in this article (its index in ``entities``)."""
    @property
    def name(self) -> str:
        """The fullest name the article gives."""
    @property
    def label(self) -> str:
        """OntoNotes: ``PERSON``, ``NORP``, ``ORG``, ``GPE``, ``LOC``, ``FAC``, ``EVENT``, ``LAW``, ``PRODUCT``, ``WORK_OF_ART``, ``LANGUAGE``, or ``MISC`` for a name typed no further."""
    @property
    def aliases(self) -> List[str]:
        """Every form the article uses."""
    @property
    def roles(self) -> List[str]:
        """Titles and roles (``President``, ``spokesman``)."""
    @property
    def affiliation(self) -> Optional[str]:
        """The country or organisation a person belongs to."""
    @property
    def mentions(self) -> List[Tuple[int, int]]:
        """Where it is named: start and end of each mention."""
    @property
    def key(self) -> str:
        """Corpus-wide identity: the same key is the same thing in every article."""
    @property
    def geo(self) -> Optional[Geo]:
        """Where a place is; None for what is not a place."""

@final
class Mention(_RecordPart):
    """One span of text that names an entity."""
    @property
    def start(self) -> int:
        """Where it starts."""
    @property
    def end(self) -> int:
        """Where it ends (exclusive)."""
    @property
    def text(self) -> str:
        """The text as printed (``Mr. Putin``)."""
    @property
    def label(self) -> str:
        """Its entity's label."""
    @property
    def entity(self) -> int:
        """Its entity's ``id``."""
    @property
    def sentence(self) -> int:
        """The index of its sentence in ``sentences``."""

@final
class Quote(_RecordPart):
    """Words attributed to a speaker."""
    @property
    def text(self) -> str:
        """What was said, without quotation marks; the pieces of a quote joined by a space when it runs over paragraphs or around its attribution (``The library, she said, will stay open`` → ``The library will stay open``)."""
    @property
    def start(self) -> int:
        """Where it starts (its first piece)."""
    @property
    def end(self) -> int:
        """Where it ends (exclusive; its last piece)."""
    @property
    def kind(self) -> str:
        """``direct`` (a whole quotation), ``partial`` (quoted words within a sentence) or ``indirect`` (reported speech)."""
    @property
    def speaker(self) -> Optional[str]:
        """The speaker's entity name, or the description of an unnamed source as printed; None when unattributed."""
    @property
    def speaker_entity(self) -> Optional[int]:
        """The speaker's entity ``id``."""
    @property
    def speaker_span(self) -> Optional[Tuple[int, int]]:
        """Where the speaker is named for this quote (a pronoun resolved to its entity)."""
    @property
    def anonymous(self) -> bool:
        """The speaker is an unnamed source."""
    @property
    def cue(self) -> Optional[str]:
        """The reporting verb or phrase (``said``, ``according to``)."""

@final
class Timex(_RecordPart):
    """A date, time, duration or set with its TIMEX3 value."""
    @property
    def text(self) -> str:
        """The expression as printed."""
    @property
    def start(self) -> int:
        """Where it starts."""
    @property
    def end(self) -> int:
        """Where it ends (exclusive)."""
    @property
    def label(self) -> str:
        """``DATE``, ``TIME``, ``DURATION`` or ``SET``."""
    @property
    def value(self) -> Optional[str]:
        """Its TIMEX3 value: ``2025-05-12``, ``2024-08``, ``2024-W19``, ``2024-Q3``, ``2024-SU``, ``199`` (the 1990s), ``2025-05-12T02:00``, ``2025-05-09TMO`` (Friday morning), ``P30M``, ``PT3H``, ``PXY`` (years), ``P1W`` (a SET: weekly), ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``."""
    @property
    def anchored(self) -> bool:
        """False when a relative expression had no publication date to resolve against; its value is then underspecified (``XXXX-WXX-1``, ``DCT-P1Y``)."""

@final
class Quantity(_RecordPart):
    """Money, a percentage, a quantity or a number with its value."""
    @property
    def text(self) -> str:
        """The expression as printed."""
    @property
    def start(self) -> int:
        """Where it starts."""
    @property
    def end(self) -> int:
        """Where it ends (exclusive)."""
    @property
    def label(self) -> str:
        """``MONEY``, ``PERCENT``, ``QUANTITY``, ``CARDINAL`` or ``ORDINAL``."""
    @property
    def value(self) -> Optional[float]:
        """The number (``750000000000.0`` for ``$750 billion``)."""
    @property
    def unit(self) -> Optional[str]:
        """The currency code or unit (``USD``)."""

@final
class Article:
    """A parsed news article: metadata, story text and what was found in it."""

    @property
    def id(self) -> str:
        """The article's id: the one given; else a file's name without its ending
        (``file:line`` for a JSONL record without one); else a stable hash of the text."""
    @property
    def outlet(self) -> Optional[str]:
        """The publication, from the text's signature lines, the page's metadata or the caller."""
    @property
    def headline(self) -> Optional[str]:
        """The headline; None when the text has none."""
    @property
    def dek(self) -> Optional[str]:
        """The standfirst under the headline; None when absent."""
    @property
    def authors(self) -> List[str]:
        """Bylined authors."""
    @property
    def contributors(self) -> List[str]:
        """People credited for additional reporting."""
    @property
    def published(self) -> Optional[str]:
        """ISO 8601; a date alone when the text gives no time."""
    @property
    def reading_time_minutes(self) -> Optional[int]:
        """The reading time the page states, in minutes; None when it states none."""
    @property
    def captions(self) -> List[Caption]:
        """Photo captions, with their credits and offsets."""
    @property
    def sections(self) -> List[str]:
        """Section headings, in order."""
    @property
    def boilerplate(self) -> List[str]:
        """Lines of the input that are not story text, as printed."""
    @property
    def body(self) -> str:
        """The story's paragraphs, separated by blank lines."""
    @property
    def paragraphs(self) -> List[Span]:
        """The story's paragraphs, as spans of ``text``."""
    @property
    def sentences(self) -> List[Span]:
        """Sentences of the story text: headline, dek, captions, headings, paragraphs."""
    @property
    def entities(self) -> List[Entity]:
        """One `Entity` per real-world thing named: `id`, `name`, `label`, `aliases`, `roles`,
        `affiliation`, `mentions` (offset pairs), `key` (the same in every article), `geo` (places only)."""
    @property
    def mentions(self) -> List[Mention]:
        """One `Mention` per span naming an entity, in order: `start`, `end`, `text`, `label`,
        `entity` (its id), `sentence` (its index)."""
    @property
    def quotes(self) -> List[Quote]:
        """Who said what, in order: `text`, `start`, `end`, `kind` (direct, partial,
        indirect), `speaker`, `speaker_entity`, `speaker_span`, `anonymous`, `cue`."""
    @property
    def sources(self) -> Dict[str, int]:
        """Distinct speakers of the quotes: `{"named": n, "anonymous": m}`."""
    @property
    def temporal(self) -> List[Timex]:
        """Dates, times, durations and sets: `text`, `start`, `end`, `label`, `value`
        (TIMEX3: `2025-05-15`, `P30D`), `anchored`."""
    @property
    def quantities(self) -> List[Quantity]:
        """Money, percentages, quantities and numbers: `text`, `start`, `end`, `label`, `value`, `unit`."""
    @property
    def errors(self) -> List[str]:
        """Problems met while parsing; the rest of the record is still filled."""
    @property
    def word_count(self) -> int:
        """Words in the story's paragraphs."""
    @property
    def url(self) -> Optional[str]:
        """The page's address, when given."""
    @property
    def encoding(self) -> Optional[str]:
        """The encoding the input's bytes were read with (``UTF-8``, ``windows-1252``, ...); None for a ``str``."""
    @property
    def text(self) -> str:
        """The input text that every offset points into."""
    def to_dict(self) -> Dict[str, Any]:
        """The record as a dict: every field is described in docs/record.md."""
    def to_json(self, indent: Optional[int] = None) -> str:
        """The record as JSON (one line unless ``indent`` is given)."""
    @staticmethod
    def from_json(json: str) -> "Article":
        """An article from the JSON that `to_json` wrote."""
    def _repr_html_(self) -> str:
        """The article for notebooks: metadata, entities and quotes marked."""
    def __reduce__(self) -> Tuple[Any, Tuple[str]]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __repr__(self) -> str: ...

def parse(
    text: Union[str, bytes],
    id: Optional[str] = None,
    published: Optional[str] = None,
    outlet: Optional[str] = None,
    url: Optional[str] = None,
    entities: Optional[Dict[str, str]] = None,
    model: Optional[str] = None,
) -> Article: ...
def parse_html(
    html: Union[str, bytes],
    url: Optional[str] = None,
    id: Optional[str] = None,
    entities: Optional[Dict[str, str]] = None,
    model: Optional[str] = None,
) -> Article: ...
def parse_many(
    texts: Iterable[Union[str, bytes]],
    ids: Optional[Iterable[Optional[str]]] = None,
    published: Optional[Iterable[Optional[str]]] = None,
    outlets: Optional[Iterable[Optional[str]]] = None,
    threads: Optional[int] = None,
    entities: Optional[Dict[str, str]] = None,
    model: Optional[str] = None,
) -> List[Article]: ...
def read_files(
    paths: Sequence[str],
    threads: Optional[int] = None,
    entities: Optional[Dict[str, str]] = None,
    model: Optional[str] = None,
) -> List[Article]: ...
def parse_jsonl(
    lines: Sequence[Union[str, bytes]],
    sources: Sequence[Tuple[str, int]],
    threads: Optional[int] = None,
    entities: Optional[Dict[str, str]] = None,
    model: Optional[str] = None,
) -> List[Article]: ...
def train_tagger(
    train: List[Dict[str, Any]],
    out: str,
    dev: Optional[str] = None,
    epochs: Optional[int] = None,
    bits: Optional[int] = None,
    seed: Optional[int] = None,
    word_dropout: Optional[float] = None,
    margin: Optional[float] = None,
) -> List[str]:
    """Train a tagger on CoNLL files (dicts of path, weight, labels, unmarked,
    sentences_as_documents), write it to `out`; returns the log lines."""
def tag_conll(path: str, model: Optional[str] = None) -> List[Tuple[List[str], List[str], List[str]]]:
    """Per sentence: words, gold tags (empty without), predicted IOB2 tags in CoNLL's classes."""
def score_tags(gold: List[List[str]], predicted: List[List[str]]) -> Dict[str, Tuple[float, float, float, int]]:
    """Label (and "overall") -> (precision, recall, F1, gold count) of exact spans."""
def tokenize(text: str) -> List[Tuple[int, int]]:
    """Token offsets (code points, end exclusive) of a text."""
def cooccurrence(articles: Sequence[Article], level: str = "sentence") -> List[Tuple[str, str, int]]:
    """(key, key, count) for entities seen together in a sentence or an article."""
def place(name: str) -> Optional[Tuple[int, str, float, float, str]]:
    """(geonameid, country, lat, lon, name) of the shipped gazetteer's place for a name."""
def arrow_tables(articles: Sequence[Article], schemas: Sequence[Tuple[str, Any]]) -> Dict[str, Any]:
    """The per-article views as pyarrow Tables: view name -> Table, for each
    (view name, pyarrow schema) pair; built in Rust, handed over without copies."""
