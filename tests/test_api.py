"""The Python API: parse, parse_many, read, the record's shape, spans, pickling."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import newsents
from conftest import SEEDS, SHARED

SCHEMA_FIELDS = {
    "id", "outlet", "headline", "dek", "authors", "contributors", "published",
    "reading_time_minutes", "captions", "sections", "boilerplate", "body", "paragraphs",
    "sentences", "entities", "mentions", "quotes", "sources", "temporal", "quantities", "errors",
}

PAGE = (
    "Talks Resume in Istanbul\n\n"
    "By Jane Doe and John Smith\n\n"
    "March 9, 2022 at 5:08 p.m. EST\n\n"
    "Mr. Putin said on Monday that “talks are possible.” Officials in Kyiv disagreed.\n\n"
    "The next round is due in the U.S. later this month."
)


def test_dir_shows_the_public_api_only():
    names = dir(newsents)
    assert {"parse", "read", "Corpus", "Article", "frames", "__version__"} <= set(names)
    assert not {"os", "json", "glob", "Dict", "Optional", "annotations"} & set(names)
    assert all(hasattr(newsents, name) for name in names)


def test_a_header_of_lines_as_wide_as_wrapped_text_keeps_its_lines_apart():
    # Headline, `Updated` line and byline are 40 to 100 characters wide, as a
    # hard-wrapped paragraph's lines are, but none broke for want of room.
    article = newsents.parse("Harris concedes, urges supporters to keep fighting\n"
                             "Updated November 6, 2024 at 6:45 p.m. ET\nBy Tom Reyes and Maria Lopez\n\n"
                             "WASHINGTON — Vice President Kamala Harris conceded the election on Wednesday.\n")
    assert article.headline == "Harris concedes, urges supporters to keep fighting"
    assert article.authors == ["Tom Reyes", "Maria Lopez"]
    assert article.published == "2024-11-06T18:45:00-05:00"


def test_parse_given_a_file_name_warns_and_names_read(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Talks resume\n\nThe talks resumed on Monday in Geneva.\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"newsents\.read"):
        newsents.parse(str(path))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        newsents.parse("story.txt is missing")


def test_the_wrong_entry_point_is_named():
    with pytest.warns(UserWarning, match=r"reads no pages from the network.*parse_html"):
        newsents.parse("https://www.example.com/news/talks-resume")
    with pytest.warns(UserWarning, match="no such file"):
        newsents.parse("missing_story.txt")
    with pytest.raises(TypeError, match=r"newsents\.read\(path\) reads files"):
        newsents.parse(Path("story.txt"))
    with pytest.raises(TypeError, match=r"parse_html takes str or bytes.*newsents\.read\(path\) reads files"):
        newsents.parse_html(Path("page.html"))
    with pytest.warns(UserWarning, match="no such file"):
        newsents.parse_html("saved_page.html")
    with pytest.raises(ValueError, match=r"newsents\.parse\(\) takes"):
        newsents.read("Talks resume\n\nThe talks resumed on Monday in Geneva.\n")


def test_files_that_are_no_articles_are_named(tmp_path):
    (tmp_path / "corpus.json").write_text('[{"text": "Talks resumed on Monday."}]', encoding="utf-8")
    article, = newsents.read(tmp_path / "corpus.json")
    assert article.errors[0].startswith(f"{tmp_path / 'corpus.json'} is a JSON document, not an article")
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="no article files in directory"):
        newsents.read(tmp_path / "empty")


def test_parse_fills_the_record():
    article = newsents.parse(PAGE, id="a1")
    assert article.id == "a1"
    assert article.headline == "Talks Resume in Istanbul"
    assert article.authors == ["Jane Doe", "John Smith"]
    assert article.published == "2022-03-09T17:08:00-05:00"
    assert [p.text for p in article.paragraphs] == PAGE.split("\n\n")[3:]
    assert article.body == "\n\n".join(PAGE.split("\n\n")[3:])
    assert [s.text for s in article.sentences] == [
        "Talks Resume in Istanbul",
        "Mr. Putin said on Monday that “talks are possible.”",
        "Officials in Kyiv disagreed.",
        "The next round is due in the U.S. later this month.",
    ]
    assert article.word_count == 24
    assert article.errors == []


def test_to_dict_has_every_schema_field():
    record = newsents.parse(PAGE).to_dict()
    assert SCHEMA_FIELDS <= set(record)
    assert [(q["speaker"], q["text"], q["cue"]) for q in record["quotes"]] == [("Mr. Putin", "talks are possible.", "said")]
    assert record["sources"] == {"named": 1, "anonymous": 0}
    assert {m["text"] for m in record["mentions"]} >= {"Mr. Putin", "Kyiv"}
    assert [t["text"] for t in record["temporal"]] == ["Monday", "later this month"]
    for span in record["sentences"] + record["paragraphs"]:
        assert set(span) == {"start", "end"}
    assert json.loads(newsents.parse(PAGE).to_json()) == record


def test_offsets_are_python_string_indices():
    text = "Erdoğan’s Offer\n\n🇺🇦 Zelenskyy said “no.” Then Erdoğan left."
    article = newsents.parse(text)
    record = article.to_dict()
    assert [text[s["start"]:s["end"]] for s in record["sentences"]] == [
        "Erdoğan’s Offer", "🇺🇦 Zelenskyy said “no.”", "Then Erdoğan left.",
    ]
    assert [("Putin’s “no”")[a:b] for a, b in newsents.tokenize("Putin’s “no”")] == ["Putin", "’s", "“", "no", "”"]


def test_caller_fields_override_the_text():
    article = newsents.parse(PAGE, published=dt.date(2022, 3, 10), outlet="Reuters", url="https://example.com/a")
    assert (article.published, article.outlet, article.url) == ("2022-03-10", "Reuters", "https://example.com/a")
    when = dt.datetime(2025, 5, 12, 17, 8, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert newsents.parse("Text.", published=when).published == "2025-05-12T17:08:00+01:00"
    assert newsents.parse("Text.", published="12 May 2025").published == "2025-05-12"


def test_ids_default_to_a_stable_hash_of_the_text():
    assert newsents.parse("Same text.").id == newsents.parse("Same text.").id
    assert newsents.parse("Same text.").id != newsents.parse("Other text.").id


def test_parse_many_keeps_order_and_ids_on_any_thread_count():
    texts = [f"Story number {i}\n\nIt has a body." for i in range(200)]
    ids = [f"s{i}" for i in range(200)]
    for threads in (None, 1, 2):
        articles = newsents.parse_many(texts, ids=ids, threads=threads)
        assert [a.id for a in articles] == ids
        assert [a.headline for a in articles] == [f"Story number {i}" for i in range(200)]


FORKED_CHILD = """
import os, sys, newsents
texts = ["Vladimir Putin met officials in Kyiv on Monday."] * 4
for threads in (None, 1, 2):
    newsents.parse_many(texts, threads=threads)
pid = os.fork()
if pid == 0:
    sizes = [len(newsents.parse_many(texts, threads=t)) for t in (None, 1, 2)]
    os._exit(0 if sizes == [4, 4, 4] else 1)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_parses_on_its_own_threads():
    # Thread pools are kept between calls; a child of fork (multiprocessing's
    # default on Linux) inherits them without their threads and must not hang.
    done = subprocess.run([sys.executable, "-c", FORKED_CHILD], timeout=120)
    assert done.returncode == 0


def test_parse_many_accepts_any_iterable():
    articles = newsents.parse_many(t for t in ["One.", "Two."])
    assert len(articles) == 2


def test_spans_repr_and_len():
    article = newsents.parse(PAGE)
    sentence = article.sentences[1]
    assert len(sentence) == len(sentence.text)
    assert "Mr. Putin" in repr(sentence)
    assert "Talks Resume in Istanbul" in repr(article)


def test_articles_pickle_and_round_trip_through_json():
    article = newsents.parse(PAGE, id="p1")
    for copy in (pickle.loads(pickle.dumps(article)), newsents.Article.from_json(article.to_json())):
        assert copy == article
        assert copy.to_dict() == article.to_dict()
        assert [s.text for s in copy.sentences] == [s.text for s in article.sentences]


def test_read_accepts_directories_files_and_globs():
    by_dir = newsents.read(SEEDS)
    assert [a.id for a in by_dir] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    by_glob = newsents.read(str(SEEDS / "00[12]_*.txt"))
    assert [a.id for a in by_glob] == [by_dir[1].id, by_dir[2].id]
    by_list = newsents.read([SEEDS / f"{by_dir[4].id}.txt", SEEDS / f"{by_dir[0].id}.txt"])
    assert [a.id for a in by_list] == [by_dir[4].id, by_dir[0].id]


def test_read_jsonl_fields_override(tmp_path):
    lines = [
        {"id": "x1", "text": "Headline Here\n\nBody text.", "published": "2024-08-06", "outlet": "AP", "url": "u"},
        {"text": "No id here."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    first, second = newsents.read(path)
    assert (first.id, first.published, first.outlet, first.url) == ("x1", "2024-08-06", "AP", "u")
    assert second.id == "batch:2"


def test_read_missing_paths_raise():
    with pytest.raises(FileNotFoundError):
        newsents.read("/no/such/dir")
    with pytest.raises(FileNotFoundError):
        newsents.read("/no/such/*.txt")


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not beside the repo")
def test_seeds_are_the_shared_ones():
    for path in (SHARED / "seeds").glob("*.txt"):
        assert (SEEDS / path.name).read_bytes() == path.read_bytes()


def test_entities_mentions_quotes_dates_and_amounts_are_typed_objects():
    article = newsents.parse('Vladimir Putin met Volodymyr Zelensky in Kyiv on May 3, 2025. '
                             '"We will win," Zelensky said. The deal is worth $5 million.')
    record = article.to_dict()
    parts = {"entities": newsents.Entity, "mentions": newsents.Mention, "quotes": newsents.Quote,
             "temporal": newsents.Timex, "quantities": newsents.Quantity}
    for field, kind in parts.items():
        items = getattr(article, field)
        assert items and all(isinstance(item, kind) for item in items), field
        # The dicts they once were: the same keys and values, by item or whole.
        assert [item.to_dict() for item in items] == record[field]
        assert [dict(item) for item in items] == record[field] == items
        assert all(item[key] == value for item, d in zip(items, record[field]) for key, value in d.items())
    kyiv = next(e for e in article.entities if e.name == "Kyiv")
    assert isinstance(kyiv.geo, newsents.Geo) and kyiv.geo.country == "UA" and kyiv["geo"]["country"] == "UA"
    # The place's own name, as newsents.place gives it.
    assert kyiv.geo.name == newsents.place("Kiev")["name"] == "Kyiv"
    assert kyiv.get("no such field", 0) == 0
    (quote,) = article.quotes
    assert (quote.kind, quote.speaker, quote.anonymous) == ("direct", "Volodymyr Zelensky", False)
    assert article.entities[quote.speaker_entity].name == quote.speaker
    assert article.temporal[0].value == "2025-05-03" and article.quantities[0].unit == "USD"
    assert repr(quote) == "<Quote direct \"We will win,\" speaker=\"Volodymyr Zelensky\">"
    with pytest.raises(KeyError):
        quote["nothing"]
    assert pickle.loads(pickle.dumps(article.entities)) == article.entities
    assert type(pickle.loads(pickle.dumps(quote))) is newsents.Quote


def test_place_reads_a_name_as_an_article_prints_it():
    assert newsents.place("TACOMA") == newsents.place("Tacoma") and newsents.place("Tacoma")["country"] == "US"
    oregon, maine = newsents.place("Portland, Oregon"), newsents.place("Portland, Maine")
    assert oregon["lon"] < -120 and maine["lon"] > -71
    assert newsents.place("Geneva, Switzerland")["country"] == "CH"
    assert newsents.place("Nowhere, Atlantis") is None
    with pytest.raises(TypeError, match="place takes a place's name as str, not NoneType"):
        newsents.place(None)


def test_cooccurrence_explains_that_it_takes_articles():
    with pytest.raises(TypeError, match="parse texts first"):
        newsents.cooccurrence(["Putin met Zelensky."])
