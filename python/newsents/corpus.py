"""`Corpus`: a sequence of articles with DataFrame views, Arrow export and
notebook display."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union, overload

from . import _core, frames
from ._core import Article

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa


class Corpus(Sequence[Article]):
    """Articles, in order, with tables of what was found in them.

    ``read``, ``parse_many`` and each batch of ``stream`` return one. It is a
    sequence (index, slice, iterate, ``len``), it pickles, and it offers one
    view per kind of thing found, as pandas DataFrames or pyarrow Tables:
    `articles`, `entities`, `mentions`, `quotes`, `temporal`, `quantities`,
    `cooccurrence` and `entity_table`. The columns of each view are in
    ``frames.SCHEMAS``.
    """

    def __init__(self, articles: Iterable[Article] = ()) -> None:
        self._articles: List[Article] = list(articles)
        for article in self._articles:
            if not isinstance(article, Article):
                raise TypeError(f"a Corpus holds Article objects, not {type(article).__name__}")
        self._records: Optional[List[Dict[str, Any]]] = None
        self._by_id: Optional[Dict[str, Article]] = None

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> "Corpus": ...
    @overload
    def __getitem__(self, index: str) -> Article: ...
    def __getitem__(self, index: Union[int, slice, str]) -> Union[Article, "Corpus"]:
        """An article by position, a Corpus by slice, or an article by its
        ``id`` (the first with it): ``corpus["a_council_budget"]``."""
        if isinstance(index, slice):
            return Corpus(self._articles[index])
        if isinstance(index, str):
            if self._by_id is None:
                self._by_id = {}
                for article in self._articles:
                    self._by_id.setdefault(article.id, article)
            if index not in self._by_id:
                raise KeyError(f"no article with id {index!r} among {len(self)} (ids such as "
                               f"{', '.join(repr(i) for i in list(self._by_id)[:3])})")
            return self._by_id[index]
        try:
            return self._articles[index]
        except IndexError:
            raise IndexError(f"article {index} of a corpus of {len(self)}") from None

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    def __add__(self, other: Iterable[Article]) -> "Corpus":
        return Corpus([*self._articles, *other])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Corpus, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __repr__(self) -> str:
        return f"<Corpus of {len(self)} article{'' if len(self) == 1 else 's'}>"

    def __getstate__(self) -> List[Article]:
        return self._articles

    def __setstate__(self, articles: List[Article]) -> None:
        self._articles = articles
        self._records = None
        self._by_id = None

    def records(self) -> List[Dict[str, Any]]:
        """Each article's record (``to_dict()``), made once and kept."""
        if self._records is None:
            self._records = [article.to_dict() for article in self._articles]
        return self._records

    def rows(self, view: str) -> List[Dict[str, Any]]:
        """A view's rows as plain dicts (no pandas needed)."""
        if view == "entity_table":
            return frames.entity_table_rows(self.rows("entities"))
        if view == "cooccurrence":
            return frames.cooccurrence_rows(self._articles, "sentence")
        return frames.record_rows(view, self.records())

    def articles(self) -> "pd.DataFrame":
        """One row per article: metadata and counts of what was found."""
        return self._frame("articles")

    def entities(self) -> "pd.DataFrame":
        """One row per entity per article: key, name, label, aliases,
        roles, affiliation, mention count, first offset, coordinates."""
        return self._frame("entities")

    def mentions(self) -> "pd.DataFrame":
        """One row per entity mention, with its entity's key and sentence."""
        return self._frame("mentions")

    def quotes(self) -> "pd.DataFrame":
        """One row per quotation, with its speaker, the speaker's key and
        whether the source is anonymous."""
        return self._frame("quotes")

    def temporal(self) -> "pd.DataFrame":
        """One row per date, time, duration or set, with its value and the
        calendar day it names."""
        return self._frame("temporal")

    def quantities(self) -> "pd.DataFrame":
        """One row per amount: money, percentages, quantities, numbers."""
        return self._frame("quantities")

    def cooccurrence(self, level: str = "sentence") -> "pd.DataFrame":
        """Pairs of entity keys found in the same sentence (or article), with
        how many sentences (or articles) they share, most frequent first."""
        return frames.to_pandas("cooccurrence", frames.cooccurrence_rows(self._articles, level))

    def entity_table(self) -> "pd.DataFrame":
        """One row per entity key across the corpus: the usual name and
        label, how many articles and mentions, every alias and role."""
        return frames.to_pandas("entity_table", self.rows("entity_table"))

    def to_arrow(self) -> Dict[str, "pa.Table"]:
        """The per-article views (``frames.RECORD_VIEWS``) as pyarrow Tables,
        built from the records in the core (no per-row Python objects)."""
        return self._tables(frames.RECORD_VIEWS)

    def to_pandas(self) -> Dict[str, "pd.DataFrame"]:
        """The per-article views as DataFrames, by name (``articles``,
        ``entities``, ``mentions``, ...): what each view's method returns."""
        return {view: frames.arrow_to_pandas(view, table) for view, table in self.to_arrow().items()}

    def _tables(self, views: Iterable[str]) -> Dict[str, "pa.Table"]:
        return _core.arrow_tables(self._articles, [(view, frames.arrow_schema(view)) for view in views])

    def _frame(self, view: str) -> "pd.DataFrame":
        """One of ``frames.RECORD_VIEWS`` as a DataFrame, by way of its Arrow table."""
        return frames.arrow_to_pandas(view, self._tables([view])[view])

    def to_parquet(self, directory: Union[str, "os.PathLike[str]"]) -> List[str]:
        """Writes each per-article view to ``directory/VIEW.parquet``;
        returns the paths written. A name ending in ``.parquet`` that is not
        already a directory is refused: one file cannot hold every view."""
        import pyarrow.parquet as pq

        if os.fspath(directory).lower().endswith(".parquet") and not os.path.isdir(directory):
            raise ValueError(f"to_parquet writes one file per view into a directory, and {os.fspath(directory)!r} "
                             "names a file; pass a directory, or write one view: "
                             "corpus.mentions().to_parquet('mentions.parquet')")
        os.makedirs(directory, exist_ok=True)
        written = []
        for view, table in self.to_arrow().items():
            path = os.path.join(directory, f"{view}.parquet")
            pq.write_table(table, path)
            written.append(path)
        return written

    def _repr_html_(self) -> str:
        from .display import corpus_html

        return corpus_html(self.rows("articles"))
