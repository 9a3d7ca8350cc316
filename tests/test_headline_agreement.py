"""Headlines and bodies of the 924 PolNeAR articles (raw text, not seen while
writing the parser) against their metadata.tsv titles."""

from __future__ import annotations

import csv
import re

import pytest

import newsents
from conftest import SHARED

POLNEAR = SHARED / "data" / "polnear"

pytestmark = pytest.mark.skipif(not (POLNEAR / "metadata.tsv").is_file(), reason="../shared/data is not beside the repo")


def comparable(title: str) -> str:
    """Case, quote style and spacing folded; the full stop PolNeAR adds to
    every title (also inside closing quotes) dropped."""
    title = title.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"[.;\s'\"]+$", "", " ".join(title.split()).lower())


def title_matches(headline, title: str) -> bool:
    # NYT rows join the headline and a kicker line with "; " in metadata.tsv.
    return headline is not None and comparable(headline) in {comparable(title), comparable(title.split(";")[0])}


@pytest.fixture(scope="module")
def polnear():
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as tsv:
        rows = {r["filename"]: r for r in csv.DictReader(tsv, delimiter="\t")}
    articles = newsents.read([POLNEAR / "train" / "text", POLNEAR / "dev" / "text"])
    return [(a, rows[a.id]) for a in articles]


def test_headline_accuracy_on_polnear(polnear):
    right = sum(title_matches(a.headline, row["title"]) for a, row in polnear)
    accuracy = right / len(polnear)
    print(f"PolNeAR headline accuracy: {right}/{len(polnear)} = {accuracy:.3f}")
    assert accuracy >= 0.97


def test_polnear_bodies_are_kept(polnear):
    for article, _ in polnear:
        assert article.errors == []
        assert article.word_count >= 0.8 * len(article.text.split()) - 60
