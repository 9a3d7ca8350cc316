"""Corpus: a sequence of articles whose DataFrame and Arrow views agree with
the article records; streaming in bounded batches; progress; pickling."""

from __future__ import annotations

import importlib.metadata
import json
import pickle
import re

import pandas as pd
import pyarrow.parquet as pq
import pytest

import newsents
from conftest import SEEDS
from newsents import Corpus, frames
from newsents.cli import main

VIEWS = ["articles", "entities", "mentions", "quotes", "temporal", "quantities"]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return newsents.read(SEEDS, progress=False)


@pytest.fixture(scope="module")
def records(corpus):
    return [a.to_dict() for a in corpus]


def test_pandas_and_pyarrow_install_with_newsents():
    # What the views need is an ordinary dependency, not an extra.
    required = importlib.metadata.requires("newsents")
    always = {re.match(r"[\w.-]+", r).group(0).lower() for r in required if "extra ==" not in r}
    assert {"pandas", "pyarrow"} <= always


def test_read_and_parse_many_return_a_corpus_that_is_a_sequence(corpus):
    assert isinstance(corpus, Corpus) and len(corpus) == 5
    assert isinstance(corpus[0], newsents.Article)
    assert isinstance(corpus[1:3], Corpus) and [a.id for a in corpus[1:3]] == [corpus[1].id, corpus[2].id]
    assert corpus == list(corpus) and list(reversed(corpus))[0] == corpus[4]
    assert isinstance(newsents.parse_many(["One.", "Two."], progress=False), Corpus)
    with pytest.raises(TypeError):
        Corpus(["not an article"])
    # An article by its id.
    assert corpus[corpus[2].id] is corpus[2]
    with pytest.raises(IndexError, match="article 99 of a corpus of 5"):
        corpus[99]
    with pytest.raises(KeyError, match="no article with id 'nope' among 5"):
        corpus["nope"]


def test_corpus_pickles(corpus):
    assert pickle.loads(pickle.dumps(corpus)) == corpus


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_has_its_documented_columns(corpus, view):
    frame = getattr(corpus, view)()
    assert list(frame.columns) == [c.name for c in frames.SCHEMAS[view]]
    for column in frames.SCHEMAS[view]:
        dtype = frame[column.name].dtype
        if column.kind == "category":
            assert isinstance(dtype, pd.CategoricalDtype), column
        elif column.kind == "timestamp":
            assert str(getattr(dtype, "tz", None)) == "UTC", column
        elif column.kind == "date":
            assert pd.api.types.is_datetime64_dtype(dtype), column
        elif column.kind == "count":
            assert dtype == "int64", column
        elif column.kind == "str":
            assert pd.api.types.is_string_dtype(dtype), column


@pytest.mark.parametrize("view", frames.RECORD_VIEWS)
def test_frames_from_arrow_equal_frames_from_the_records(corpus, view):
    # The views are built from the core's Arrow tables; the record rows,
    # typed by the schema, must give the very same frame.
    pd.testing.assert_frame_equal(getattr(corpus, view)(), frames.to_pandas(view, corpus.rows(view)))
    pd.testing.assert_frame_equal(getattr(Corpus(), view)(), frames.to_pandas(view, []))


def test_row_counts_agree_with_the_records(corpus, records):
    assert len(corpus.articles()) == len(records)
    for view in VIEWS[1:]:
        assert len(getattr(corpus, view)()) == sum(len(r[view]) for r in records), view
    articles = corpus.articles()
    for row, record in zip(articles.itertuples(), records):
        assert row.article_id == record["id"]
        assert (row.entities, row.mentions, row.quotes) == tuple(len(record[k]) for k in ("entities", "mentions", "quotes"))
        assert row.anonymous_sources == record["sources"]["anonymous"]
        assert row.errors == len(record["errors"])


def test_published_is_a_utc_timestamp(corpus):
    articles = corpus.articles().set_index("article_id")
    independent = next(a for a in corpus if a.outlet == "The Independent")
    assert independent.published == "2025-05-12T17:08:00+01:00"
    assert articles.loc[independent.id, "published"] == pd.Timestamp("2025-05-12T16:08:00Z")


def test_entity_rows_carry_keys_mentions_and_places(corpus, records):
    entities = corpus.entities()
    kyiv = entities[entities.key == "kyiv"].iloc[0]
    assert kyiv.label == "GPE" and kyiv.country == "UA" and 50 < kyiv.lat < 51
    record = next(r for r in records if r["id"] == kyiv.article_id)
    entity = record["entities"][kyiv.entity]
    assert kyiv.mentions == len(entity["mentions"]) and kyiv.first_offset == min(s for s, _ in entity["mentions"])
    mentions = corpus.mentions()
    assert (mentions.groupby(["article_id", "entity"]).size().sort_index()
            == entities.set_index(["article_id", "entity"]).mentions.sort_index()).all()


def test_quote_rows_name_speaker_keys_and_anonymous_sources(corpus):
    quotes = corpus.quotes()
    hebestreit = quotes[quotes.speaker == "Steffen Hebestreit"]
    assert len(hebestreit) >= 2 and (hebestreit.speaker_key == "steffen hebestreit").all()
    anonymous = quotes[quotes.anonymous]
    assert len(anonymous) and anonymous.speaker_key.isna().all()
    assert "a French official familiar with the conversation" in set(anonymous.speaker)


def test_temporal_rows_have_calendar_days_when_the_value_names_one(corpus):
    temporal = corpus.temporal()
    sunday = temporal[temporal.value == "2025-05-11"].iloc[0]
    assert sunday.date == pd.Timestamp("2025-05-11")
    assert temporal[~temporal.value.str.match(r"^\d{4}-\d{2}-\d{2}")].date.isna().all()


def test_entity_table_and_cooccurrence_aggregate_across_articles(corpus):
    table = corpus.entity_table().set_index("key")
    entities = corpus.entities()
    putin = table.loc["vladimir putin"]
    assert putin.articles == (entities.key == "vladimir putin").sum() >= 3
    assert putin.mentions == entities[entities.key == "vladimir putin"].mentions.sum()
    assert "Putin" in putin.aliases and putin.label == "PERSON"
    # A role printed in two cases across articles is one role.
    assert len({r.lower() for r in putin.roles}) == len(putin.roles) and "President" in putin.roles
    by_article = corpus.cooccurrence(level="article")
    pair = by_article[(by_article.source == "russia") & (by_article.target == "ukraine")]
    assert int(pair["count"].iloc[0]) == 5
    sentences = corpus.cooccurrence()
    assert list(sentences.columns) == ["source", "target", "count"] and (sentences.source < sentences.target).all()
    with pytest.raises(ValueError):
        corpus.cooccurrence(level="paragraph")


def test_arrow_tables_and_parquet_files_match_the_frames(corpus, tmp_path):
    tables = corpus.to_arrow()
    assert list(tables) == VIEWS
    for view, table in tables.items():
        assert table.num_rows == len(getattr(corpus, view)())
        assert table.schema == frames.arrow_schema(view)
    written = corpus.to_parquet(tmp_path / "tables")
    assert len(written) == len(VIEWS)
    assert pq.read_table(tmp_path / "tables" / "quotes.parquet").num_rows == tables["quotes"].num_rows
    frames_by_view = corpus.to_pandas()
    assert list(frames_by_view) == VIEWS
    assert frames_by_view["mentions"].equals(corpus.mentions())
    with pytest.raises(ValueError, match=r"one file per view into a directory.*corpus\.mentions\(\)\.to_parquet"):
        corpus.to_parquet(tmp_path / "corpus.parquet")
    assert not (tmp_path / "corpus.parquet").exists()


def test_arrow_tables_hold_the_rows_of_the_records(corpus):
    # The core builds the tables; every cell is the row's value, times and
    # days read as the DataFrames read them.
    extra = [newsents.parse("Talks resumed in Kyiv on May 3, 2025.", id="zoned", published="2025-05-12T17:08:00+01:00"),
             newsents.parse("No date here.", id="dateless", published="2025-05-12")]
    corpus = corpus + extra
    readers = {"timestamp": frames._timestamp, "date": frames._day}
    for view, table in corpus.to_arrow().items():
        rows = frames.record_rows(view, corpus.records())
        assert rows, view
        expected = [{c.name: readers.get(c.kind, lambda v: v)(row[c.name]) for c in frames.SCHEMAS[view]} for row in rows]
        assert table.to_pylist() == expected, view
    published = corpus.to_arrow()["articles"].column("published").to_pylist()
    assert str(published[-2]) == "2025-05-12 16:08:00+00:00" and str(published[-1]) == "2025-05-12 00:00:00+00:00"
    empty = Corpus().to_arrow()
    assert all(t.num_rows == 0 and t.schema == frames.arrow_schema(v) for v, t in empty.items())


def test_stream_yields_bounded_batches_in_order(tmp_path):
    lines = [json.dumps({"text": f"Talks resumed in Kyiv on day {i}.", "id": f"a{i}"}) for i in range(7)]
    (tmp_path / "big.jsonl").write_text("\n".join(lines[:5]) + "\n\n{broken\n", encoding="utf-8")
    (tmp_path / "more.jsonl").write_text("\n".join(lines[5:]) + "\n", encoding="utf-8")
    (tmp_path / "z.txt").write_text("Talks resumed in Kyiv.", encoding="utf-8")
    batches = list(newsents.stream(tmp_path, batch_size=3, progress=False))
    assert [len(b) for b in batches] == [3, 3, 2, 1]
    ids = [a.id for b in batches for a in b]
    assert ids == ["a0", "a1", "a2", "a3", "a4", "big:7", "a5", "a6", "z"]
    assert batches[1][2].errors and not batches[1][1].errors
    assert ids == [a.id for a in newsents.read(tmp_path, progress=False)]
    with pytest.raises(ValueError):
        newsents.stream(tmp_path, batch_size=0)


def test_progress_bar_counts_articles(capsys):
    pytest.importorskip("tqdm", reason="the progress bar is tqdm's, an optional package")
    newsents.parse_many(["Talks resumed in Kyiv."] * 3, progress=True)
    assert "3/3" in capsys.readouterr().err
    newsents.parse_many(["Talks resumed in Kyiv."] * 3, progress=False)
    assert capsys.readouterr().err == ""


def test_no_progress_bar_unless_someone_watches(capsys):
    # A long batch with stderr in a log or a pipe (here: captured) shows none.
    newsents.parse_many(["Talks resumed in Kyiv."] * newsents._batches.AUTO_PROGRESS_ARTICLES)
    assert capsys.readouterr().err == ""


def test_parse_many_checks_ids_against_texts():
    with pytest.raises(ValueError, match="2 ids for 1 texts"):
        newsents.parse_many(["One."], ids=["a", "b"])
    texts = [f"Story {i} about Kyiv." for i in range(newsents.CHUNK + 3)]
    articles = newsents.parse_many(texts, ids=[str(i) for i in range(len(texts))], progress=False)
    assert [a.id for a in articles] == [str(i) for i in range(len(texts))]


def test_parse_many_takes_a_tables_columns():
    table = pd.DataFrame({"id": [7, 8], "text": ["Putin met Xi on Monday.", "He left on Tuesday."],
                          "date": [pd.Timestamp("2025-05-14"), pd.NaT]})
    articles = newsents.parse_many(table["text"], ids=table["id"], published=table["date"], outlets=["Reuters", None])
    assert [a.id for a in articles] == ["7", "8"]
    assert [a.outlet for a in articles] == ["Reuters", None]
    assert articles[0].temporal[0].value == "2025-05-12", "Monday before the given date"
    assert articles[1].published is None and articles[1].temporal[0].value == "XXXX-WXX-2"
    bad = newsents.parse_many(["Talks resumed on Monday."], published=["31 February 2025"])
    assert any(e.startswith("published:") for e in bad[0].errors), "a bad date is its article's error"
    with pytest.raises(TypeError, match=r"pass its text column"):
        newsents.parse_many(table)
    with pytest.raises(ValueError, match="1 published for 2 texts"):
        newsents.parse_many(table["text"], published=["2025-05-14"])
    with pytest.warns(UserWarning, match="ids repeat"):
        newsents.parse_many(["One.", "Two."], ids=["a", "a"])
    # A missing text is its article's error, not the batch's.
    holes = newsents.parse_many(pd.Series(["Putin met Xi on Monday.", None, float("nan")]))
    assert [bool(a.errors) for a in holes] == [False, True, True] and holes[0].mentions


def test_cli_makes_the_folder_of_its_output_file(tmp_path):
    out = tmp_path / "new" / "articles.csv"
    assert main([str(SEEDS), "--format", "csv", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("\n") > 5


def test_cli_writes_parquet_views_batch_by_batch(tmp_path, corpus):
    out = tmp_path / "tables"
    assert main([str(SEEDS), "--format", "parquet", "--out", str(out), "--batch-size", "2"]) == 0
    quotes = pd.read_parquet(out / "quotes.parquet")
    assert len(quotes) == len(corpus.quotes())
    assert pq.ParquetFile(out / "articles.parquet").num_row_groups == 3
