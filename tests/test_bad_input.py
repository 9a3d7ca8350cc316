"""Bad input never crashes, hangs or loses a batch: a clean result, an
`errors` entry in the article's record, or a clear Python exception."""

from __future__ import annotations

import pytest

import newsents

GOOD = "Talks Resume\n\nRussia and Ukraine met in Istanbul on Monday. They agreed to meet again."


def test_invalid_utf8_bytes_are_replaced_and_reported():
    article = newsents.parse(b"Talks Resume\n\nErdo\xc4\x9fan \xff\xfe said yes.")
    assert "Erdoğan \ufffd\ufffd said" in article.text and article.encoding == "UTF-8"
    assert any("invalid encoding: 2 byte sequences" in e for e in article.errors)
    assert article.headline == "Talks Resume"


def test_legacy_text_is_decoded_and_says_how():
    article = newsents.parse("Talks at the Café\n\nThe talks in Zürich went on.".encode("latin-1"))
    assert article.text == "Talks at the Café\n\nThe talks in Zürich went on." and article.errors == []
    assert article.encoding == "windows-1252"
    assert newsents.parse("Zürich".encode("utf-8")).encoding == "UTF-8"
    assert newsents.parse("Zürich").encoding is None  # a str needs no decoding


@pytest.mark.parametrize("text", ["hi", "Talks Resume", "Talks resume in Kyiv\n\nBy Jane Doe"])
def test_text_without_story_says_why(text):
    article = newsents.parse(text)
    assert article.word_count == 0
    [error] = article.errors
    assert error.startswith("no story text: no line reads as a paragraph (the text holds ")


def test_a_page_without_story_says_why():
    headline_only = "<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1></article></body></html>"
    assert newsents.parse_html(headline_only).errors == [
        "no story text: no line reads as a paragraph (the text holds 1 headline); "
        "short lines without a full stop read as headlines, headings or links"
    ]
    assert newsents.parse_html("<html><body></body></html>").errors == ["html: no main text found on the page"]


def test_unpaired_surrogates_are_replaced_and_offsets_stay_aligned():
    text = "Kyiv \ud800 said yes. Then it left."
    article = newsents.parse(text)
    assert any("surrogates" in e for e in article.errors)
    assert [text[s.start:s.end] for s in article.sentences][1] == "Then it left."


def test_binary_data_gives_an_error_entry():
    article = newsents.parse(bytes(range(256)) * 40)
    assert any(e.startswith("binary data") for e in article.errors)
    assert article.paragraphs == []


@pytest.mark.parametrize("text", ["", "   \n\n\t", "\ufeff", "\x00\x00"])
def test_empty_texts_give_an_empty_record_with_an_error(text):
    article = newsents.parse(text)
    assert article.paragraphs == [] and article.sentences == []
    assert article.errors


def test_nul_bytes_crlf_and_bom_parse_cleanly():
    text = "\ufeffTalks Resume\r\n\r\nRussia\x00and Ukraine met.\r\nThey agreed.\r\n"
    article = newsents.parse(text)
    assert article.errors == []
    assert article.headline == "Talks Resume"
    assert [p.text for p in article.paragraphs] == ["Russia\x00and Ukraine met.", "They agreed."]


def test_a_5_mb_single_line_parses():
    # 50 MB needs gigabytes until the core bounds its memory; the shape is the same.
    text = "word " * 1_000_000
    article = newsents.parse(text)
    assert article.word_count == 1_000_000
    assert len(article.paragraphs) == 1


def test_wrong_argument_types_raise_type_errors():
    with pytest.raises(TypeError):
        newsents.parse(42)
    with pytest.raises(TypeError):
        newsents.parse("text", id=3)
    with pytest.raises(TypeError, match=r"texts\[1\] must be str or bytes, not int"):
        newsents.parse_many(["ok", 3])
    with pytest.raises(TypeError, match="not one str; parse"):
        newsents.parse_many("one string")
    with pytest.raises(TypeError, match="not one bytes"):
        newsents.parse_many(b"one string")
    with pytest.raises(TypeError):
        newsents.parse_many(["ok"], threads="2")
    with pytest.raises(TypeError, match="paths must be a file, directory or glob pattern .* not int"):
        newsents.read(42)


def test_wrong_argument_values_raise_value_errors():
    with pytest.raises(ValueError, match="published"):
        newsents.parse("text", published="31 February 2025")
    with pytest.raises(ValueError):
        newsents.parse_many(["a", "b"], ids=["only one"])
    with pytest.raises(ValueError):
        newsents.parse_many(["a"], threads=0)


def test_a_batch_with_bad_articles_keeps_every_good_one():
    texts = [GOOD, b"\x00\x01binary\xff" * 500, "", GOOD, b"Talks\n\nErdo\xc4\x9fan bad \xc3 byte.", "\x00" * 100, GOOD]
    articles = newsents.parse_many(texts, ids=[str(i) for i in range(len(texts))])
    assert [a.id for a in articles] == [str(i) for i in range(len(texts))]
    for i in (0, 3, 6):
        assert articles[i].errors == []
        assert articles[i].headline == "Talks Resume"
    for i in (1, 2, 4, 5):
        assert articles[i].errors


def test_unreadable_and_malformed_files_become_error_records(tmp_path):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "c_latin1.txt").write_bytes("Caf\xe9 talks.".encode("latin-1"))
    (tmp_path / "d_batch.jsonl").write_text('{"text": "Fine."}\n\n{broken\n{"id": "x"}\n', encoding="utf-8")
    (tmp_path / "e_broken.txt").symlink_to(tmp_path / "gone.txt")
    articles = newsents.read(tmp_path)
    assert [a.id for a in articles] == ["a_good", "b_binary", "c_latin1", "d_batch:1", "d_batch:3", "x", "e_broken"]
    good, binary, latin1, fine, broken_json, no_text, broken_link = articles
    assert good.errors == [] and fine.errors == []
    assert binary.errors[0].startswith("binary data")
    assert (latin1.text, latin1.encoding, latin1.errors) == ("Café talks.", "windows-1252", [])
    jsonl = tmp_path / "d_batch.jsonl"
    assert broken_json.errors == [f"{jsonl}, line 3: not a JSON record: key must be a string (column 2)"]
    assert no_text.errors == [f'{jsonl}, line 4: the record has no "text" (or "html") field']
    assert broken_link.errors == [f"could not read {tmp_path / 'e_broken.txt'}: a broken symbolic link to {tmp_path / 'gone.txt'}"]
    # Named alone, the broken link gives the same record; a path that does not exist raises before any reading.
    assert newsents.read(tmp_path / "e_broken.txt")[0].errors == broken_link.errors
    with pytest.raises(FileNotFoundError, match="no such file"):
        newsents.read([tmp_path / "a_good.txt", tmp_path / "missing.txt"])
