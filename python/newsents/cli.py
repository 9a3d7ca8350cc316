"""The ``newsents`` command: parse articles and print or write their records.

    newsents seeds/                          # per article: entities, quotes, dates
    pbpaste | newsents -                     # one article from standard input
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
import time
from pathlib import Path
from typing import IO, Iterable, Iterator, List, Optional, Sequence

import newsents
from newsents import Article, Corpus, frames

#: Columns of the CSV output: one row per article (``article_id`` as in the
#: DataFrames and Parquet tables, so that they join).
CSV_COLUMNS = [
    "article_id", "outlet", "headline", "dek", "authors", "contributors", "published",
    "reading_time_minutes", "word_count", "paragraphs", "sentences", "captions",
    "sections", "boilerplate", "url", "errors",
]


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return parse_command(argv)
    except BrokenPipeError:
        # The reader stopped early (`newsents ... | head`), which is no error.
        # Point stdout at devnull so that Python's final flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


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
    parser.add_argument("paths", nargs="*", help="files, directories or glob patterns; '-' (or nothing, when "
                        "standard input is piped) reads one article, plain text or a web page, from standard input")
    parser.add_argument("--entities", help="names to fix before the tagger: JSONL patterns or phrase<TAB>label lines")
    parser.add_argument("--model", help="an entity tagger trained with 'newsents train'")
    parser.add_argument("--format", choices=["text", "jsonl", "csv", "parquet"], default="text",
                        help="a few readable lines per article (default: metadata, top entities, quotes, dates), "
                        "one JSON record per line, one CSV row per article, "
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
    if not args.paths:
        if sys.stdin is None or sys.stdin.isatty():
            parser.error("the following arguments are required: paths (or '-' to read one article from standard input)")
        args.paths = ["-"]
    if "-" in args.paths and len(args.paths) > 1:
        parser.error("'-' (standard input) cannot be mixed with paths")
    try:
        if args.paths == ["-"]:
            batches: Iterable[Corpus] = [Corpus([read_stdin(args.entities, args.model)])]
        else:
            batches = newsents.stream(args.paths, batch_size=args.batch_size, threads=args.threads,
                                      entities=args.entities, model=args.model, progress=args.progress)
    except (OSError, ValueError, TypeError) as e:
        parser.error(str(e))
    tally = Tally(batches)
    if args.format == "parquet":
        write_parquet(tally, args.out)
    else:
        try:
            if args.out:
                Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
        except OSError as e:
            parser.error(f"--out: {e}")
        try:
            WRITERS[args.format](tally, out)
        finally:
            if args.out:
                out.close()
    if tally.with_errors and not args.allow_errors:
        print(f"newsents: {tally.with_errors} of {tally.articles} records have errors (see their 'errors'; "
              "--allow-errors exits with 0)", file=sys.stderr)
        return 1
    return 0


def read_stdin(entities: Optional[str], model: Optional[str]) -> Article:
    """One article from standard input, its id `stdin`: a web page when it
    opens as one, else plain text."""
    data = sys.stdin.buffer.read()
    if newsents._looks_like_a_page(data):
        return newsents.parse_html(data, id="stdin", entities=entities, model=model)
    return newsents.parse(data, id="stdin", entities=entities, model=model)


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
    parser = argparse.ArgumentParser(prog="newsents train", description="Train an entity tagger on CoNLL-format data; "
                                     "the defaults are the shipped model's recipe.")
    parser.add_argument("--train", required=True, nargs="+", help="training data, one or more files: token per line, tag in the last column")
    parser.add_argument("--dev", help="development data: the best pass on it is kept")
    parser.add_argument("--out", required=True, help="where to write the model")
    parser.add_argument("--epochs", type=int, help="passes over the training data (default 12)")
    parser.add_argument("--bits", type=int, help="log2 of the number of feature buckets (default 18)")
    parser.add_argument("--seed", type=int, help="shuffle seed (default 13)")
    parser.add_argument("--word-dropout", type=float, help="share of tokens trained without their word features (default 0.1)")
    parser.add_argument("--margin", type=float, help="cost of a wrong tag in training's decoding: large-margin training (default 60)")
    args = parser.parse_args(argv)
    try:
        log = newsents.train(args.train, args.out, dev=args.dev, epochs=args.epochs, bits=args.bits, seed=args.seed,
                             word_dropout=args.word_dropout, margin=args.margin)
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


#: The widest line of the text summary: long fields are cut to fit.
WIDTH = 100
#: Quotes and errors shown per article; the rest are counted.
QUOTES_SHOWN = 3
ERRORS_SHOWN = 3


def write_text(batches: Iterable[Corpus], out: IO[str]) -> None:
    """A few lines per article (metadata, top entities, quotes, dates), then
    one line for the whole run."""
    start = time.perf_counter()
    articles = entities = quotes = with_errors = 0
    for batch in batches:
        for article in batch:
            out.write(summary(article) + "\n\n")
            articles += 1
            entities += len(article.entities)
            quotes += len(article.quotes)
            with_errors += bool(article.errors)
    totals = [_count(articles, "article"), _count(entities, "entity"), _count(quotes, "quote"),
              f"{with_errors:,} with errors" if with_errors else None, f"{time.perf_counter() - start:.2f} s"]
    out.write(" · ".join(filter(None, totals)) + "\n")


def summary(article: Article) -> str:
    """An article in a few lines of at most `WIDTH` characters."""
    label = "  {:<10}".format
    indent = label("")

    def field(name: str, value: Optional[str]) -> str:
        return _shorten(label(name) + (_one_line(value) if value else "—"), WIDTH)

    counts = [_count(len(article.paragraphs), "paragraph"), _count(len(article.sentences), "sentence"),
              _count(article.word_count, "word"), _count(len(article.captions), "caption", or_none=True),
              _count(len(article.sections), "heading", or_none=True),
              _count(len(article.boilerplate), "boilerplate line", or_none=True)]
    people = [f"by {', '.join(article.authors)}" if article.authors else None,
              f"with {', '.join(article.contributors)}" if article.contributors else None]
    entities = sorted(article.entities, key=lambda e: (-len(e["mentions"]), e["mentions"][0][0] if e["mentions"] else 0))
    dates = dict.fromkeys(_date(t) for t in article.temporal if t["label"] in ("DATE", "TIME"))
    lines = [
        article.id,
        field("headline", article.headline),
        field("source", " · ".join(filter(None, [article.outlet, article.published, *people]))),
        field("body", " · ".join(filter(None, counts))),
        _items(label("entities"), [f"{e['name']} {e['label']} ×{len(e['mentions']):,}" for e in entities]),
        _items(label("dates"), list(dates)),
    ]
    quotes = [_quote(q, WIDTH - len(indent)) for q in article.quotes]
    lines += _column(label("quotes"), indent, quotes, QUOTES_SHOWN, "quote")
    lines += _column(label("errors"), indent, article.errors, ERRORS_SHOWN, "error") if article.errors else []
    return "\n".join(lines)


def _items(prefix: str, items: List[str]) -> str:
    """`prefix` and as many items as fit on a line, then how many did not."""
    line = prefix + ("—" if not items else "")
    for shown, item in enumerate(items):
        rest = f" … {len(items) - shown:,} more"
        separator = " · " if shown else ""
        if len(line) + len(separator) + len(item) + (len(rest) if shown + 1 < len(items) else 0) > WIDTH:
            return (line + rest) if shown else _shorten(line + item, WIDTH)
        line += separator + item
    return line


def _column(prefix: str, indent: str, items: List[str], most: int, what: str) -> List[str]:
    """Up to `most` items, one a line, then how many more `what`s there are."""
    lines = [_shorten((prefix if k == 0 else indent) + _one_line(item), WIDTH) for k, item in enumerate(items[:most])]
    if len(items) > most:
        rest = len(items) - most
        lines.append(f"{indent}… {rest:,} more {what}{'' if rest == 1 else 's'}")
    return lines or [prefix + "—"]


def _quote(quote: newsents.Quote, width: int) -> str:
    """“What was said” — who said it, in `width` characters: the speaker
    (up to 40) kept whole, the quote cut; reported speech without marks,
    since they were not the speaker's words."""
    kind = "" if quote.kind == "direct" else f" ({quote.kind})"
    opening, closing = ("", "") if quote.kind == "indirect" else ("“", "”")
    said_by = f"{closing} — {_shorten(_one_line(quote.speaker or 'unattributed'), 40)}{kind}"
    return f"{opening}{_shorten(_one_line(quote.text), width - len(said_by) - len(opening))}{said_by}"


def _date(item: newsents.Timex) -> str:
    text, value = _one_line(item.text), item.value
    return text if value in (None, text) else f"{text} → {value}"


def _count(n: int, what: str, or_none: bool = False) -> Optional[str]:
    """``3 quotes``, ``1 entity``; None for none when `or_none`."""
    if n == 0 and or_none:
        return None
    plural = what[:-1] + "ies" if what.endswith("y") else what + "s"
    return f"{n:,} {what if n == 1 else plural}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def write_jsonl(batches: Iterable[Corpus], out: IO[str]) -> None:
    """One JSON record (docs/record.md) per line."""
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
        "article_id": article.id,
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
