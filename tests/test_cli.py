"""The `newsents` command: summary, JSONL and CSV output."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys

import pytest

from conftest import SEEDS
import newsents
from newsents.cli import WIDTH, main


FIELDS = ["headline", "source", "body", "entities", "dates", "quotes"]


def test_summary_shows_entities_quotes_and_dates_of_each_seed(capsys):
    assert main([str(SEEDS)]) == 0
    out = capsys.readouterr().out
    *articles, total = out.split("\n\n")
    assert [a.splitlines()[0] for a in articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for article in articles:
        lines = article.splitlines()
        assert [line[2:12].strip() for line in lines[1:7]] == FIELDS
        assert all(len(line) <= WIDTH for line in lines)
        entities = lines[4][12:].split(" · ")
        assert all(re.fullmatch(r".+ [A-Z_]+ ×\d+( … \d+ more)?", e) for e in entities), entities
        quotes = [lines[6][12:]] + [line[12:] for line in lines[7:]]
        assert 1 <= len(quotes) <= 4 and all(re.fullmatch(r"“.+” — .+|[^“].* — .+ \(indirect\)|… 1 more quote|… \d+ more quotes", q) for q in quotes), quotes
    independent = next(a for a in articles if "The Independent" in a)
    assert "The Independent · 2025-05-12T17:08:00+01:00 · by Mark Almond" in independent
    assert "Vladimir Putin PERSON ×14" in independent and "this Thursday → 2025-05-15" in independent
    assert "“We are prepared to end the war.” — Volodymyr Zelensky" in independent
    assert re.fullmatch(r"5 articles · \d+ entities · \d+ quotes · \d+\.\d\d s\n", total)


def test_a_long_input_does_not_flood_the_terminal(tmp_path, capsys):
    paragraph = "Vladimir Putin met Volodymyr Zelensky in Istanbul on Monday. “We will talk,” he said.\n\n"
    heading = "Talks In Istanbul Resume\n\n"
    (tmp_path / "long.txt").write_text((paragraph * 20 + heading) * 1_000, encoding="utf-8")  # 1.8 MB
    assert main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert len(out) < 2_000 and max(len(line) for line in out.splitlines()) <= WIDTH
    assert "… 19,997 more quotes" in out and "1,000 headings" in out


def test_jsonl_output_is_one_record_per_article(tmp_path):
    out = tmp_path / "records.jsonl"
    assert main([str(SEEDS), "--format", "jsonl", "--out", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert records[2]["authors"] == ["Mark Almond"]


def test_csv_output_has_a_row_per_article(tmp_path):
    out = tmp_path / "articles.csv"
    assert main([str(SEEDS / "*.txt"), "--format", "csv", "--out", str(out)]) == 0
    with out.open(encoding="utf-8") as rows:
        rows = list(csv.DictReader(rows))
    assert len(rows) == 5
    assert rows[1]["contributors"] == "Michael Birnbaum; Karen DeYoung"
    # The id column is named as in the DataFrames, so that the two join.
    assert [r["article_id"] for r in rows] == list(newsents.read(SEEDS).articles()["article_id"])


def test_console_script_runs_and_reports_missing_paths():
    done = subprocess.run([sys.executable, "-m", "newsents.cli", "/no/such/dir"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "no such file or directory" in done.stderr


def test_dash_reads_one_article_from_standard_input():
    text = "Vladimir Putin met Emmanuel Macron in Paris on Monday.\n"
    run = lambda data, *args: subprocess.run([sys.executable, "-m", "newsents.cli", "-", *args], input=data,  # noqa: E731
                                             capture_output=True)
    done = run(text.encode(), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["id"] == "stdin"
    assert {m["text"] for m in record["mentions"]} >= {"Vladimir Putin", "Emmanuel Macron", "Paris"}
    page = run(b"<!DOCTYPE html><html><head><title>Talks in Paris</title></head><body><p>" + text.encode()
               + b"</p></body></html>", "--format", "jsonl")
    assert json.loads(page.stdout)["headline"] == "Talks in Paris"
    piped = subprocess.run([sys.executable, "-m", "newsents", "--format", "jsonl"], input=text.encode(),
                           capture_output=True)
    assert json.loads(piped.stdout) == record  # piped with no path, and `python -m newsents`: the same
    mixed = run(b"", "-", str(SEEDS))
    assert mixed.returncode == 2 and b"cannot be mixed" in mixed.stderr


def test_output_cut_short_by_the_reader_is_no_error():
    # `newsents seeds --format jsonl | head -1`: the pipe closes early.
    reader = subprocess.Popen([sys.executable, "-m", "newsents.cli", str(SEEDS), "--format", "jsonl"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = reader.stdout.readline()
    reader.stdout.close()
    with reader.stderr:
        stderr = reader.stderr.read().decode()
    assert reader.wait(timeout=120) == 0
    assert json.loads(first)["id"]
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_records_with_errors_make_the_exit_status_1(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Talks Resume\n\nRussia and Ukraine met in Istanbul.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{broken\n", encoding="utf-8")
    assert main([str(tmp_path / "good.txt"), "--format", "jsonl"]) == 0
    capsys.readouterr()
    assert main([str(tmp_path), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2  # both records are still written
    assert "1 of 2 records have errors" in captured.err
    assert main([str(tmp_path), "--format", "jsonl", "--allow-errors"]) == 0


def test_help_names_every_input_and_the_exit_status(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    for ending in (".txt", ".html", ".htm", ".html.gz", ".jsonl"):
        assert ending in help_text
    assert "Exit status" in help_text and "--allow-errors" in help_text


def test_conll_writes_with_out_and_its_old_name(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["conll", "--help"])
    assert "--out OUT, --output OUT" in capsys.readouterr().out
    conll = tmp_path / "tiny.conll"
    conll.write_text("-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n", encoding="utf-8")
    for option in ("--out", "--output"):
        out = tmp_path / f"tagged{option}.conll"
        assert main(["conll", str(conll), option, str(out)]) == 0
        lines = out.read_text(encoding="utf-8").splitlines()
        assert lines[2].startswith("EU NNP B-NP B-ORG ") and len(lines) == 5
