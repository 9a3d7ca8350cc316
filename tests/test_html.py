"""HTML input: metadata from what pages carry, the main text without the
page's clutter, legacy encodings, files and JSONL, and non-HTML input."""

from __future__ import annotations

import gzip
import json
import warnings

import pytest

import newsents
from conftest import SHARED

BENCHMARK = SHARED / "data" / "html-metadata" / "trafilatura"

BODY = """<p>Negotiators from Ukraine and Russia met in Istanbul on Monday to discuss a ceasefire, officials said.</p>
<p>“We are ready to talk,” said Dmytro Kuleba, the Ukrainian foreign minister, after the first session.</p>
<p>The talks are expected to continue until Friday, according to Turkish mediators in the city.</p>"""

CLUTTER = """<nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
<aside>Sign up for our newsletter today</aside>"""


def page(head: str, url_body: str = BODY) -> str:
    return (f"<!doctype html><html><head>{head}</head><body>{CLUTTER}<article>{url_body}</article>"
            "<footer>Copyright 2024 The Daily. All rights reserved.</footer></body></html>")


def test_json_ld_news_article_metadata():
    head = """<title>Talks resume | The Daily</title><script type="application/ld+json">
      {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ceasefire talks resume in Istanbul",
       "datePublished": "2024-03-04T09:30:00+01:00", "author": [{"@type": "Person", "name": "Jane Roe"}],
       "publisher": {"@type": "Organization", "name": "The Daily"}}</script>"""
    article = newsents.parse_html(page(head), url="https://daily.example/world/talks")
    assert article.headline == "Ceasefire talks resume in Istanbul"
    assert article.authors == ["Jane Roe"]
    assert article.published == "2024-03-04T09:30:00+01:00"
    assert article.outlet == "The Daily"
    assert article.url == "https://daily.example/world/talks"
    assert article.errors == []


def test_figure_captions_and_bylines():
    head = """<meta name="twitter:creator" content="@janeroe"><meta name="author" content="By Jane Roe, The Daily">"""
    figure = ("<figure><img src='talks.jpg'><figcaption>Delegations arrive at Dolmabahce Palace in Istanbul. "
              "<span class='credit'>Photo: Max Mo/AFP</span></figcaption></figure>")
    article = newsents.parse_html(page(head, figure + BODY), url="https://www.thedaily.example/world/talks")
    assert article.authors == ["Jane Roe"]
    [caption] = article.to_dict()["captions"]
    assert caption["text"] == "Delegations arrive at Dolmabahce Palace in Istanbul."
    assert caption["credit"] == "Photo: Max Mo/AFP"
    assert article.text[caption["start"]:caption["end"]] == caption["text"]
    assert "Dolmabahce" not in article.body
    assert any(m["text"] == "Istanbul" and caption["start"] <= m["start"] < caption["end"]
               for m in article.to_dict()["mentions"])


def test_open_graph_meta_tags_and_time_element():
    head = """<meta property="og:title" content="Ceasefire talks resume">
      <meta property="og:site_name" content="The Daily"><meta name="author" content="Jane Roe and Max Mo">
      <meta property="og:description" content="Negotiators meet in Istanbul as fighting goes on.">"""
    body = '<p class="dateline"><time datetime="2024-03-04T08:00:00Z">4 March</time></p>' + BODY
    article = newsents.parse_html(page(head, body))
    assert article.headline == "Ceasefire talks resume"
    assert article.authors == ["Jane Roe", "Max Mo"]
    assert article.published == "2024-03-04T08:00:00+00:00"
    assert article.dek == "Negotiators meet in Istanbul as fighting goes on."


def test_url_date_and_host_when_the_page_says_nothing():
    article = newsents.parse_html(page("<title>Talks resume - Daily</title>"),
                                  url="https://www.daily.example/2024/03/04/talks-resume/")
    assert article.published == "2024-03-04"
    assert article.outlet == "daily.example"
    assert article.headline == "Talks resume"


def test_main_text_without_clutter_feeds_the_pipeline():
    article = newsents.parse_html(page("<title>Talks resume</title>"))
    text = article.text
    assert text.startswith("Talks resume\n\nNegotiators from Ukraine")
    for clutter in ("World news menu", "newsletter", "Copyright"):
        assert clutter not in text
    assert {e["name"] for e in article.entities} >= {"Ukraine", "Russia", "Istanbul", "Dmytro Kuleba"}
    quote = next(q for q in article.quotes if q["kind"] == "direct")
    assert quote["speaker"] == "Dmytro Kuleba" and text[quote["start"]:quote["end"]] == quote["text"]


def test_paragraphs_headings_and_captions_reach_the_structure():
    paragraphs = [f"Paragraph {i} tells how the floods in the valley on Tuesday forced families from their homes, "
                  "officials said." for i in range(1, 9)]
    figure = ("<figure><img src='a.jpg'><figcaption>Rescuers wade through the flooded main street. "
              "<span class='credit'>Photo: Jane Roe/Reuters</span></figcaption></figure>")
    body = ("<h1>Floods hit the valley</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs[:4])
            + "<h2>Schools Closed</h2>" + figure + "".join(f"<p>{p}</p>" for p in paragraphs[4:]))
    article = newsents.parse_html(page("<title>Floods hit the valley - The Daily</title>", body))
    assert [p.text for p in article.paragraphs] == paragraphs
    assert article.sections == ["Schools Closed"]
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Rescuers wade through the flooded main street.", "Photo: Jane Roe/Reuters")]
    assert [s.text for s in article.sentences] == ["Floods hit the valley", *paragraphs[:4], "Schools Closed",
                                                   *paragraphs[4:], "Rescuers wade through the flooded main street."]


@pytest.mark.skipif(not BENCHMARK.is_dir(), reason="../shared is not beside the repo")
def test_real_pages_keep_their_paragraphs_and_headings():
    gold = json.loads((BENCHMARK / "gold_en.json").read_text(encoding="utf-8"))

    def parse(record):
        return newsents.parse_html(gzip.decompress((BENCHMARK / record["file"]).read_bytes()))

    # Each page's main text was one paragraph before.
    assert all(len(parse(record).paragraphs) > 1 for record in list(gold.values())[:40])
    bbc = parse(next(r for r in gold.values() if r["file"].endswith("bbc.com.52241221.html.gz")))
    assert [p.text for p in bbc.paragraphs][1:3] == [
        "Workers in hazmat outfits were seen stacking wooden coffins in deep trenches in Hart Island.",
        "Officials say burials are being ramped up at site, which has long been used for people with no "
        "next-of-kin or families who cannot afford a funeral.",
    ]
    assert bbc.sections == ["A city upended", "VIDEO: The 20-second hand wash"]
    assert len(bbc.paragraphs) == 36


@pytest.mark.parametrize("head", ['<meta charset="iso-8859-1">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', ""])
def test_legacy_encodings_decode(head):
    html = page(head + "<title>Caf\u00e9 talks</title>",
                "<p>Talks at the caf\u00e9 in Z\u00fcrich went on, said \u201cofficials\u201d of both sides today.</p>")
    article = newsents.parse_html(html.encode("windows-1252"))
    assert article.headline == "Café talks"
    assert "café in Zürich" in article.text and "\ufffd" not in article.text
    assert article.errors == []


def test_input_that_is_not_html_is_an_error_record():
    article = newsents.parse_html(b"Just a plain sentence about Kyiv, no markup at all.", id="plain")
    assert article.id == "plain" and article.errors[0].startswith("not HTML")
    assert newsents.parse_html(bytes(range(256))).errors
    with pytest.raises(TypeError):
        newsents.parse_html(42)


def test_read_and_stream_take_html_files_and_jsonl_html(tmp_path):
    html = page("<title>Talks resume</title>")
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    (tmp_path / "c.htm.gz").write_bytes(b"not gzip at all")
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "j", "html": html, "url": "https://x.example/2024/03/05/t"})
                                      + "\n", encoding="utf-8")
    articles = newsents.read(tmp_path, progress=False)
    assert [a.id for a in articles] == ["a", "b", "c", "j"]
    assert articles[0].headline == articles[1].headline == "Talks resume" and articles[0].text == articles[1].text
    assert articles[2].errors and "decompress" in articles[2].errors[0]
    assert articles[3].published == "2024-03-05" and articles[3].text == articles[0].text


def test_a_page_given_to_parse_is_read_as_text_with_a_warning():
    page = "<!DOCTYPE html><html><head><title>Talks Resume</title></head><body><p>Russia and Ukraine met.</p></body></html>"
    with pytest.warns(UserWarning, match="parse_html"):
        article = newsents.parse(page)
    assert article.text == page
    with pytest.warns(UserWarning, match="parse_html"):
        newsents.parse(b"  <html><body><p>Russia and Ukraine met.</p></body></html>")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        newsents.parse("<p> is a paragraph tag, the guide says.")
