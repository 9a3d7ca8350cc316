"""Notebook display: the seed 001 article rendered with its entities and
quotations marked, and a corpus summary; self-contained HTML."""

from __future__ import annotations

from html.parser import HTMLParser

import newsents


class Marks(HTMLParser):
    """Collects the text of each entity mark and quote span, and speakers."""

    def __init__(self) -> None:
        super().__init__()
        self.entities, self.quotes, self.speakers = [], [], []
        self._open = []  # (kind, label, text so far)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        kind = attrs.get("class", "")
        if kind in ("newsents-entity", "newsents-quote", "newsents-speaker"):
            self._open.append([kind, attrs.get("data-label") or attrs.get("title"), ""])
        elif self._open:
            self._open.append([None, None, ""])  # an inner element (the label tag)

    def handle_endtag(self, tag):
        if tag in ("mark", "span") and self._open:
            kind, label, text = self._open.pop()
            if kind == "newsents-entity":
                self.entities.append((text[: -len(label)], label))  # the label tag follows the name
            elif kind == "newsents-quote":
                self.quotes.append((text, label))
            elif kind == "newsents-speaker":
                self.speakers.append(text)

    def handle_data(self, data):
        for frame in self._open:  # every open element contains the text
            frame[2] += data


def seed(seed_articles, prefix):
    return next(a for i, a in seed_articles.items() if i.startswith(prefix))


def test_seed_001_shows_metadata_entities_and_quotes(seed_articles):
    article = seed(seed_articles, "001")
    html = article._repr_html_()
    assert article.headline in html and "The Washington Post" in html
    marks = Marks()
    marks.feed(html)
    in_paragraphs = [
        (m["text"], m["label"]) for m in article.mentions
        if any(p.start <= m["start"] < p.end for p in article.paragraphs)
    ]
    assert len(marks.entities) >= 0.95 * len(in_paragraphs)  # a mention across a quote's edge is left plain
    assert set(marks.entities) <= set(in_paragraphs)
    assert ("Steffen Hebestreit", "PERSON") in marks.entities and ("Kyiv", "GPE") in marks.entities
    quoted = {text for text, _ in marks.quotes}
    assert "Everything helps," in quoted and "In fact he was hardening." in quoted
    assert "— Steffen Hebestreit" in marks.speakers
    assert "— a French official familiar with the conversation" in marks.speakers
    titles = dict(marks.quotes)
    assert titles["In fact he was hardening."] == "a French official familiar with the conversation (direct)"


def test_html_is_self_contained_and_escaped():
    article = newsents.parse("Talks <b>resumed</b> in Kyiv, said Ukrainian officials & diplomats.")
    html = article._repr_html_()
    assert "<b>resumed</b>" not in html and "&lt;b&gt;resumed&lt;/b&gt;" in html
    assert "&amp; diplomats" in html
    for external in ("<script", "<link", "http://", "https://", "@import"):
        assert external not in html


def test_corpus_summary_table(seed_articles):
    corpus = newsents.Corpus(seed_articles.values())
    html = corpus._repr_html_()
    assert "Corpus</b> of 5 articles" in html
    assert all(article_id in html for article_id in seed_articles)
    assert html.count("<tr>") == 6
