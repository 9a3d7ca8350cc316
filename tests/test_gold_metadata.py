"""Seed metadata against the hand annotations in ../shared/gold, field by field."""

from __future__ import annotations

import pytest

from conftest import gold_files, load_gold

GOLD_FILES = gold_files()
SCALAR_FIELDS = ["outlet", "headline", "dek", "published", "reading_time_minutes"]
LIST_FIELDS = ["authors", "contributors", "sections", "boilerplate"]

pytestmark = pytest.mark.skipif(not GOLD_FILES, reason="../shared/gold is not beside the repo")


def cases(fields):
    return [
        pytest.param(path, field, id=f"{path.stem[:3]}-{field}")
        for path in GOLD_FILES
        for field in fields
    ]


def article_for(seed_articles, gold_path):
    return seed_articles[gold_path.stem]


@pytest.mark.parametrize("gold_path, field", cases(SCALAR_FIELDS + LIST_FIELDS))
def test_metadata_field_matches_gold(seed_articles, gold_path, field):
    gold = load_gold(gold_path)["metadata"]
    record = article_for(seed_articles, gold_path).to_dict()
    assert record[field] == gold[field]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem[:3])
def test_captions_and_credits_match_gold(seed_articles, gold_path):
    gold = load_gold(gold_path)["metadata"]["captions"]
    article = article_for(seed_articles, gold_path)
    assert [{"text": c.text, "credit": c.credit} for c in article.captions] == gold
    for caption in article.captions:
        assert article.text[caption.start:caption.end] == caption.text


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem[:3])
def test_boilerplate_stays_out_of_the_body(seed_articles, gold_path):
    gold = load_gold(gold_path)["metadata"]
    article = article_for(seed_articles, gold_path)
    paragraphs = {p.text for p in article.paragraphs}
    for line in gold["boilerplate"]:
        assert line not in paragraphs
    for caption in gold["captions"]:
        assert caption["credit"] not in article.body
