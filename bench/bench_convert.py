"""What turning parsed articles into tables costs, beside parsing them.

Parses 1,000 PolNeAR articles (../shared/data/polnear/{train,dev}/text,
cycled to 1,000) with `newsents.parse_many`, then times, each on a fresh
`Corpus` of the same articles (so no cached records are reused):

- ``to_dict``: every article's record as a dict;
- ``to_arrow``: `Corpus.to_arrow()`, the six per-article views as pyarrow Tables;
- ``to_pandas``: the same six views as pandas DataFrames (``corpus.articles()``,
  ``corpus.entities()``, ...).

Each is printed in seconds and as a share of the parse in the same run
(best of ``--repeat`` runs for the conversions).

    python bench/bench_convert.py [--articles 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

import newsents
from newsents import Corpus

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"
PANDAS_VIEWS = ("articles", "entities", "mentions", "quotes", "temporal", "quantities")


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted((POLNEAR / "train" / "text").glob("*.txt")) + sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    if not files:
        raise SystemExit(f"no PolNeAR texts in {POLNEAR}")
    texts = [path.read_text(encoding="utf-8") for path in itertools.islice(itertools.cycle(files), args.articles)]

    start = time.perf_counter()
    articles = list(newsents.parse_many(texts, progress=False))
    parse_seconds = time.perf_counter() - start
    print(f"{len(articles)} articles, {sum(len(t) for t in texts) / 1e6:.1f} M characters")
    print(f"{'parse_many':<10} {parse_seconds:8.3f} s")

    conversions = {
        "to_dict": lambda: [a.to_dict() for a in articles],
        "to_arrow": lambda: Corpus(articles).to_arrow(),
        "to_pandas": lambda: [getattr(Corpus(articles), view)() for view in PANDAS_VIEWS],
    }
    for name, work in conversions.items():
        seconds = best_of(args.repeat, work)
        print(f"{name:<10} {seconds:8.3f} s  {100 * seconds / parse_seconds:5.1f} % of parse_many")


if __name__ == "__main__":
    main()
