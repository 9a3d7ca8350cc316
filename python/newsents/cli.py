"""The ``newsents`` command: parse articles and print or write their records.

    newsents seeds/                          # a readable summary per article
    newsents corpus/*.jsonl --format jsonl --out records.jsonl
    newsents seeds/ --format csv --out articles.csv
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import IO, Iterable, List, Optional, Sequence

import newsents
from newsents import Article

#: Columns of the CSV output: one row per article.
CSV_COLUMNS = [
    "id", "outlet", "headline", "dek", "authors", "contributors", "published",
    "reading_time_minutes", "word_count", "paragraphs", "sentences", "captions",
    "sections", "boilerplate", "url", "errors",
]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="newsents",
        description="Turn raw news articles (.txt, .jsonl; files, directories, globs) into structured records.",
    )
    parser.add_argument("paths", nargs="+", help="files, directories or glob patterns")
    parser.add_argument("--format", choices=["text", "jsonl", "csv"], default="text",
                        help="a readable summary (default), one JSON record per line, or one CSV row per article")
    parser.add_argument("--out", help="write to this file instead of standard output")
    parser.add_argument("--threads", type=int, help="threads to use (default: all cores)")
    parser.add_argument("--version", action="version", version=f"newsents {newsents.__version__}")
    args = parser.parse_args(argv)
    try:
        articles = newsents.read(args.paths, threads=args.threads)
    except (FileNotFoundError, ValueError, TypeError) as e:
        parser.error(str(e))
    out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
    try:
        WRITERS[args.format](articles, out)
    finally:
        if args.out:
            out.close()
    return 0


def write_text(articles: Iterable[Article], out: IO[str]) -> None:
    """A short readable summary of each article."""
    for article in articles:
        out.write(summary(article) + "\n\n")


def summary(article: Article) -> str:
    def field(name: str, value: object) -> str:
        return f"  {name:<13}{value if value not in (None, '', []) else '—'}"

    lines = [
        f"{article.id}",
        field("headline", article.headline),
        field("dek", _shorten(article.dek, 100)),
        field("outlet", article.outlet),
        field("published", article.published),
        field("authors", ", ".join(article.authors)),
        field("contributors", ", ".join(article.contributors)),
        field("reading time", f"{article.reading_time_minutes} min" if article.reading_time_minutes else None),
        field("body", f"{len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences, {article.word_count:,} words"),
        field("captions", "; ".join(f"{_shorten(c.text, 60)} ({c.credit})" for c in article.captions)),
        field("sections", " | ".join(article.sections)),
        field("boilerplate", f"{len(article.boilerplate)} lines" if article.boilerplate else None),
    ]
    lines += [field("error", e) for e in article.errors]
    return "\n".join(lines)


def _shorten(text: Optional[str], width: int) -> Optional[str]:
    if text is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> None:
    """One JSON record (ARTICLE_SCHEMA.md) per line."""
    for article in articles:
        out.write(article.to_json() + "\n")


def write_csv(articles: Iterable[Article], out: IO[str]) -> None:
    """One row of metadata and counts per article; lists joined with '; '."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for article in articles:
        writer.writerow(csv_row(article))


def csv_row(article: Article) -> dict:
    joined = "; ".join
    return {
        "id": article.id,
        "outlet": article.outlet,
        "headline": article.headline,
        "dek": article.dek,
        "authors": joined(article.authors),
        "contributors": joined(article.contributors),
        "published": article.published,
        "reading_time_minutes": article.reading_time_minutes,
        "word_count": article.word_count,
        "paragraphs": len(article.paragraphs),
        "sentences": len(article.sentences),
        "captions": len(article.captions),
        "sections": joined(article.sections),
        "boilerplate": len(article.boilerplate),
        "url": article.url,
        "errors": joined(article.errors),
    }


WRITERS = {"text": write_text, "jsonl": write_jsonl, "csv": write_csv}


if __name__ == "__main__":
    sys.exit(main())
