"""The ``newsents`` command: parse articles and print or write their records.

    newsents seeds/                          # a readable summary per article
    newsents corpus/*.jsonl --format jsonl --out records.jsonl
    newsents seeds/ --format csv --out articles.csv
    newsents corpus/ --format parquet --out tables/  # one Parquet file per view
    newsents train --train eng.train --dev eng.testa --out my.model
    newsents conll eng.testa --out predicted.conll [--model my.model]

Exit status: 0, or 1 when a record has errors (unless --allow-errors), 2
for bad arguments and paths that match nothing.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from typing import IO, Iterable, Iterator, List, Optional, Sequence

import newsents
from newsents import Article, Corpus, frames

#: Columns of the CSV output: one row per article.
CSV_COLUMNS = [
    "id", "outlet", "headline", "dek", "authors", "contributors", "published",
    "reading_time_minutes", "word_count", "paragraphs", "sentences", "captions",
    "sections", "boilerplate", "url", "errors",
]


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return COMMANDS[argv[0]](argv[1:])
    return parse_command(argv)


def parse_command(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newsents",
        description="Turn raw news articles into structured records: plain text (.txt), saved web pages (.html, "
        ".htm, .html.gz, .htm.gz) and JSON lines (.jsonl, .ndjson, one record per line with a 'text' or 'html' "
        "field); files, directories or glob patterns. Other commands: 'newsents train' (train an entity "
        "tagger), 'newsents conll' (tag a CoNLL file).",
        epilog="Exit status: 0 when every record parsed cleanly; 1 when a record has errors (its 'errors' say "
        "why; the others are still written), unless --allow-errors; 2 for bad arguments and paths that match "
        "nothing.",
    )
    parser.add_argument("paths", nargs="+", help="files, directories or glob patterns")
    parser.add_argument("--entities", help="names to fix before the tagger: JSONL patterns or phrase<TAB>label lines")
    parser.add_argument("--model", help="an entity tagger trained with 'newsents train'")
    parser.add_argument("--format", choices=["text", "jsonl", "csv", "parquet"], default="text",
                        help="a readable summary (default), one JSON record per line, one CSV row per article, "
                        "or a directory of Parquet files, one per view (articles, entities, mentions, quotes, "
                        "temporal, quantities)")
    parser.add_argument("--out", help="write to this file (a directory for parquet) instead of standard output")
    parser.add_argument("--threads", type=int, help="threads to use (default: all cores)")
    parser.add_argument("--batch-size", type=int, default=newsents.BATCH_SIZE,
                        help="articles parsed and written at a time; memory stays bounded (default %(default)s)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show a progress bar (default: for long runs, on a terminal)")
    parser.add_argument("--allow-errors", action="store_true",
                        help="exit with status 0 even when records have errors")
    parser.add_argument("--version", action="version", version=f"newsents {newsents.__version__}")
    args = parser.parse_args(argv)
    if args.format == "parquet" and not args.out:
        parser.error("--format parquet needs --out DIRECTORY")
    try:
        batches = newsents.stream(args.paths, batch_size=args.batch_size, threads=args.threads,
                                  entities=args.entities, model=args.model, progress=args.progress)
    except (OSError, ValueError, TypeError) as e:
        parser.error(str(e))
    tally = Tally(batches)
    if args.format == "parquet":
        write_parquet(tally, args.out)
    else:
        out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
        try:
            WRITERS[args.format](tally, out)
        except BrokenPipeError:
            # The reader stopped early (`newsents ... | head`), which is no error.
            # Point stdout at devnull so that Python's final flush stays quiet.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        finally:
            if args.out:
                out.close()
    if tally.with_errors and not args.allow_errors:
        print(f"newsents: {tally.with_errors} of {tally.articles} records have errors (see their 'errors'; "
              "--allow-errors exits with 0)", file=sys.stderr)
        return 1
    return 0


class Tally:
    """The batches of a run, passed on as they come, counted on the way."""

    def __init__(self, batches: Iterable[Corpus]) -> None:
        self._batches = batches
        self.articles = self.with_errors = 0

    def __iter__(self) -> Iterator[Corpus]:
        for batch in self._batches:
            self.articles += len(batch)
            self.with_errors += sum(bool(article.errors) for article in batch)
            yield batch


def train_command(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(prog="newsents train", description="Train an entity tagger on CoNLL-format data.")
    parser.add_argument("--train", required=True, help="training data: token per line, tag in the last column")
    parser.add_argument("--dev", help="development data: the best pass on it is kept")
    parser.add_argument("--out", required=True, help="where to write the model")
    parser.add_argument("--epochs", type=int, help="passes over the training data (default 12)")
    parser.add_argument("--bits", type=int, help="log2 of the number of feature buckets (default 17)")
    parser.add_argument("--seed", type=int, help="shuffle seed (default 13)")
    args = parser.parse_args(argv)
    try:
        log = newsents.train(args.train, args.out, dev=args.dev, epochs=args.epochs, bits=args.bits, seed=args.seed)
    except (OSError, ValueError) as e:
        parser.error(str(e))
    print("\n".join(log))
    print(f"model written to {args.out}")
    return 0


def conll_command(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newsents conll",
        description="Tag a CoNLL-format file token by token (its tokens and sentence breaks kept) with CoNLL's "
        "four classes (PER, ORG, LOC, MISC) in IOB2, as a last column; score against its own tags if it has them.",
    )
    parser.add_argument("input", help="CoNLL-format file")
    parser.add_argument("--out", "--output", dest="out",
                        help="where to write the tagged file (default: no file, scores only)")
    parser.add_argument("--model", help="an entity tagger trained with 'newsents train'")
    args = parser.parse_args(argv)
    try:
        sentences = newsents._core.tag_conll(args.input, model=args.model)
    except (OSError, ValueError) as e:
        parser.error(str(e))
    if args.out:
        write_conll(args.input, args.out, sentences)
    gold = [g for _, g, _ in sentences]
    if any(gold):
        print(conlleval_report(newsents._core.score_tags(gold, [p for _, _, p in sentences])))
    return 0


def write_conll(input_path: str, output_path: str, sentences) -> None:
    """The input's lines, each token line with the predicted tag appended."""
    predicted = iter(tag for _, _, tags in sentences for tag in tags)
    with open(input_path, encoding="utf-8") as lines, open(output_path, "w", encoding="utf-8") as out:
        for line in lines:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("-DOCSTART-"):
                line = f"{line} {next(predicted)}"
            out.write(line + "\n")


def conlleval_report(scores: dict) -> str:
    rows = [("overall", scores["overall"])] + sorted((k, v) for k, v in scores.items() if k != "overall")
    return "\n".join(
        f"{label:<8} precision {100 * p:6.2f}%  recall {100 * r:6.2f}%  F1 {100 * f:6.2f}  ({gold} gold)"
        for label, (p, r, f, gold) in rows
    )


def write_text(batches: Iterable[Corpus], out: IO[str]) -> None:
    """A short readable summary of each article."""
    for batch in batches:
        for article in batch:
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


def write_jsonl(batches: Iterable[Corpus], out: IO[str]) -> None:
    """One JSON record (ARTICLE_SCHEMA.md) per line."""
    for batch in batches:
        out.writelines(article.to_json() + "\n" for article in batch)


def write_csv(batches: Iterable[Corpus], out: IO[str]) -> None:
    """One row of metadata and counts per article; lists joined with '; '."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for batch in batches:
        writer.writerows(csv_row(article) for article in batch)


def write_parquet(batches: Iterable[Corpus], directory: str) -> None:
    """One Parquet file per view in ``directory``, a row group per batch."""
    import pyarrow.parquet as pq

    os.makedirs(directory, exist_ok=True)
    writers = {
        view: pq.ParquetWriter(os.path.join(directory, f"{view}.parquet"), frames.arrow_schema(view))
        for view in frames.RECORD_VIEWS
    }
    try:
        for batch in batches:
            for view, table in batch.to_arrow().items():
                writers[view].write_table(table)
    finally:
        for writer in writers.values():
            writer.close()


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
COMMANDS = {"train": train_command, "conll": conll_command}


if __name__ == "__main__":
    sys.exit(main())
