"""HTML input: newsents against trafilatura on the same pages, in the same run.

Pages: the English pages of trafilatura's benchmark (../shared/data/
html-metadata/trafilatura: gold title, author, date, and body snippets that
must and must not be extracted) and of htmldate's (../shared/data/
html-metadata/htmldate: gold publication dates). Both systems get the page's
bytes and its URL, as a crawler would have them.

Scoring, the same for both systems:
- title: equal after folding case, quotes, dashes and whitespace;
- author: the same set of names (gold authors are joined by ';', ',' or
  'and'), folded the same way;
- date: the same day (YYYY-MM-DD); where the gold is empty or null, right
  when no date is given;
- body: the share of "with" snippets found in the extracted text, and of
  "without" snippets (boilerplate, comments) not found, as trafilatura's own
  evaluate.py counts them;
- speed: pages per second of extraction (newsents: `parse_html`, which also
  runs the whole text pipeline; trafilatura: `bare_extraction` with
  metadata), one thread each, after one untimed call that pays each
  system's one-off start-up (loading models, compiling patterns), which is
  reported on its own; then newsents' `read` on the same page files using
  every core, for speed only.

    pip install trafilatura
    python scripts/eval_html.py [--errors FIELD]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Callable, Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "html-metadata"
TRAFILATURA_SET = DATA / "trafilatura"
HTMLDATE_SET = DATA / "htmldate"

#: What an extractor gives for one page.
Extracted = Dict[str, Optional[str]]  # title, author, date, text


def load_pages(folder: Path) -> List[dict]:
    """The gold records of a benchmark, each with its URL and HTML bytes."""
    gold = json.loads((folder / "gold_en.json").read_text(encoding="utf-8"))
    return [dict(record, url=url, html=gzip.decompress((folder / record["file"]).read_bytes()))
            for url, record in gold.items()]


def fold(text: Optional[str]) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[\u2018\u2019\u201a\u201b`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f]", '"', text)
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return " ".join(text.split())


def author_set(authors) -> frozenset:
    if isinstance(authors, list):  # a few gold records list their authors
        authors = "; ".join(authors)
    parts = re.split(r"\s*(?:;|,|\band\b|&|\|)\s*", fold(authors))
    return frozenset(p.removeprefix("by ").strip() for p in parts if p.strip())


FIELDS: Dict[str, Callable[[Optional[str], Optional[str]], bool]] = {
    "title": lambda gold, got: fold(gold) == fold(got),
    "author": lambda gold, got: author_set(gold) == author_set(got),
    "date": lambda gold, got: (gold or "")[:10] == (got or "")[:10],
}


def score(pages: List[dict], extracted: List[Extracted], errors: Optional[str] = None) -> Dict[str, tuple]:
    """Right/total per field, and snippets kept/total and dropped/total."""
    right = {field: [0, 0] for field in FIELDS}
    kept, dropped = [0, 0], [0, 0]
    for page, got in zip(pages, extracted):
        for field, same in FIELDS.items():
            if field not in page:
                continue
            gold = page[field] if not isinstance(page[field], float) else None  # NaN: no date
            ok = same(gold, got.get(field))
            right[field][0] += ok
            right[field][1] += 1
            if errors == field and not ok:
                print(f"  {field}: gold {gold!r} got {got.get(field)!r}  ({page['url']})")
        text = fold(got.get("text"))
        for snippet in page.get("with", []):
            kept[0] += fold(snippet) in text
            kept[1] += 1
            if errors == "with" and fold(snippet) not in text:
                print(f"  missing {snippet!r}  ({page['url']})")
        for snippet in page.get("without", []):
            dropped[0] += fold(snippet) not in text
            dropped[1] += 1
            if errors == "without" and fold(snippet) in text:
                print(f"  kept boilerplate {snippet!r}  ({page['url']})")
    return {**{f: tuple(v) for f, v in right.items()}, "with": tuple(kept), "without": tuple(dropped)}


def newsents_extract(page: dict) -> Extracted:
    import newsents

    article = newsents.parse_html(page["html"], url=page["url"])
    return {"title": article.headline, "author": "; ".join(article.authors),
            "date": article.published, "text": article.text}


def trafilatura_extract(page: dict) -> Extracted:
    import trafilatura

    found = trafilatura.bare_extraction(page["html"], url=page["url"], with_metadata=True)
    if found is not None and not isinstance(found, dict):
        found = found.as_dict()
    found = found or {}
    return {"title": found.get("title"), "author": found.get("author"),
            "date": found.get("date"), "text": found.get("text")}


def start_up(extract: Callable[[dict], Extracted], page: dict) -> float:
    """Seconds of the first call, which pays the one-off start-up."""
    start = time.perf_counter()
    extract(page)
    return time.perf_counter() - start


def run(extract: Callable[[dict], Extracted], pages: List[dict]) -> tuple:
    """Every page's extraction, and the seconds they took."""
    start = time.perf_counter()
    extracted = [extract(page) for page in pages]
    return extracted, time.perf_counter() - start


def newsents_all_cores(folder: Path, pages: List[dict]) -> float:
    """Seconds for `newsents.read` on the same pages' files, all cores
    (speed only: files carry no URL, so it is not scored)."""
    import newsents

    start = time.perf_counter()
    corpus = newsents.read([folder / page["file"] for page in pages], progress=False)
    assert len(corpus) == len(pages)
    return time.perf_counter() - start


def report(name: str, scores: Dict[str, tuple], seconds: float, pages: int) -> None:
    figures = {field: right / total if total else float("nan") for field, (right, total) in scores.items()}
    figures["pages/s"] = pages / seconds
    print(f"  {name:<14}" + "".join(f"{figures[f]:>10.3f}" for f in ("title", "author", "date", "with", "without"))
          + f"{figures['pages/s']:>10.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description="newsents and trafilatura on the same HTML pages")
    parser.add_argument("--errors", choices=["title", "author", "date", "with", "without"],
                        help="list newsents' errors on this field")
    args = parser.parse_args()
    if not TRAFILATURA_SET.is_dir():
        sys.exit(f"no benchmark pages under {DATA}")
    sets = [(label, load_pages(folder), folder)
            for label, folder in (("trafilatura benchmark", TRAFILATURA_SET), ("htmldate benchmark", HTMLDATE_SET))]
    first = sets[0][1][0]
    print(f"one-off start-up (first call): newsents {start_up(newsents_extract, first):.2f} s, "
          f"trafilatura {start_up(trafilatura_extract, first):.2f} s\n")
    for label, pages, folder in sets:
        print(f"{label}: {len(pages)} English pages")
        print(f"  {'system':<14}" + "".join(f"{h:>10}" for h in ("title", "author", "date", "with", "without", "pages/s")))
        ours, ours_s = run(newsents_extract, pages)
        theirs, theirs_s = run(trafilatura_extract, pages)
        report("newsents", score(pages, ours, args.errors), ours_s, len(pages))
        report("trafilatura", score(pages, theirs), theirs_s, len(pages))
        cores_s = newsents_all_cores(folder, pages)
        print(f"  newsents is {theirs_s / ours_s:.1f}x faster on one thread; "
              f"on all {os.cpu_count()} cores (newsents.read on the page files) "
              f"{len(pages) / cores_s:.1f} pages/s, {theirs_s / cores_s:.1f}x\n")


if __name__ == "__main__":
    main()
