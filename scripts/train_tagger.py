"""Train the entity tagger that ships in data/ner.model.

The recipe, each part measured on CoNLL-2003 dev, a held-out fifth of
WikiGold and MEANTIME (see the README's "Named entities"):

- CoNLL-2003 `eng.train` (Reuters 1996 news) and WikiGold (Wikipedia, the
  same four classes; CC BY 4.0), each document visited once per pass;
- word dropout 0.1: each pass leaves out the word and lower-case features
  of a tenth of the tokens, so the tagger learns to read shapes, clusters
  and context, not only the names it saw;
- large-margin training: each training step decodes with a cost of 60
  added to every wrong tag, so the right tags must win by a margin that
  grows with the tags another tagging gets wrong (means over ten seeds,
  against the plain perceptron: CoNLL dev +0.2, WikiGold fifth +0.5,
  MEANTIME +0.003, and half the spread between seeds on CoNLL dev);
- 2^18 feature buckets, 12 passes, the pass that scores best on
  `eng.testa` kept, seed 13.

The Broad Twitter Corpus and WNUT-17 (`../shared/data/ner-extra`) can be
added with `--tweets` (BTC marks no MISC and WNUT-17's types are mapped to
CoNLL's, so both are learned from with MISC left open); they did not help on
news and are not in the shipped model. MEANTIME is never trained on: it is
the out-of-domain check.

    python scripts/train_tagger.py [--shared ../shared] [--out data/ner.model] [--tweets]

The same data and seed give the same file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import newsents

ROOT = Path(__file__).resolve().parents[1]
# WNUT-17's types in CoNLL's classes.
WNUT = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG", "product": "MISC", "creative-work": "MISC"}


def training_sets(data: Path, tweets: bool) -> list:
    sets = [
        {"path": data / "conll2003" / "eng.train"},
        {"path": data / "ner-extra" / "wikigold" / "wikigold.conll.txt"},
    ]
    if tweets:
        sets += [{"path": p, "weight": 0.5, "unmarked": ["MISC"], "sentences_as_documents": True}
                 for p in sorted((data / "ner-extra" / "btc").glob("*.conll"))]
        sets += [{"path": data / "ner-extra" / "wnut17" / name, "weight": 0.5, "labels": WNUT, "unmarked": ["MISC"],
                  "sentences_as_documents": True} for name in ("train.conll", "dev.conll")]
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "ner.model")
    parser.add_argument("--tweets", action="store_true", help="also learn from BTC and WNUT-17")
    args = parser.parse_args()
    data = args.shared / "data"
    log = newsents.train(training_sets(data, args.tweets), args.out, dev=data / "conll2003" / "eng.testa",
                         epochs=12, bits=18, seed=13, word_dropout=0.1, margin=60)
    print("\n".join(log))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
