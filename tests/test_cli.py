"""The `newsents` command: summary, JSONL and CSV output."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from conftest import SEEDS
from newsents.cli import main


def test_summary_names_each_seed(capsys):
    assert main([str(SEEDS)]) == 0
    out = capsys.readouterr().out
    for path in SEEDS.glob("*.txt"):
        assert path.stem in out
    assert "The Independent" in out and "2025-05-12T17:08:00+01:00" in out


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


def test_console_script_runs_and_reports_missing_paths():
    done = subprocess.run([sys.executable, "-m", "newsents.cli", "/no/such/dir"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "no such file or directory" in done.stderr


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
