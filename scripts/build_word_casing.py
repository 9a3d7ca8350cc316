"""Build the table of how words are cased in running English text:
data/word_casing.tsv.

The tagger's GloVe clusters (`build_word_clusters.py`) are lower-cased, so
they cannot tell `Apple` the company from `apple` the fruit, and a word at
the start of a sentence is capitalised whatever it is. A large cased corpus
can: spaCy's English lexeme tables (the PyPI package `spacy-lookups-data`,
MIT licence: smoothed log probabilities of 1,000,000 cased word forms, and
Brown clusters of the cased forms of 190,000 of them) say how often each
word is printed with a capital and which words are used alike.

For each lower-cased word whose forms together have a log probability above
`MIN_LOG_PROB`, the table gives

- `cap`: the share of its occurrences printed with a capital first letter
  (`Apple` 0.7, `general` 0.1, `Lockheed` 0.9), in tenths;
- `freq`: how common it is, in bands of two natural-log units;
- `brown_cap`, `brown_lower`: the Brown cluster of its commonest capitalised
  form and of its lower-case form (0 when it has none), as the tables give
  them (the path from the root in the low bits).

The lexeme tables are read at build time only; what ships is this table of
small integers (credited in NOTICE).

    pip install -r scripts/requirements.txt
    python scripts/build_word_casing.py

Deterministic: the same package version gives the same file.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import defaultdict
from pathlib import Path

import spacy_lookups_data

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "word_casing.tsv"
MIN_LOG_PROB = -18.0
WORD = re.compile(r"^[^\W\d_][\w'.&-]*$")


def table(name: str) -> dict:
    path = Path(spacy_lookups_data.__file__).parent / "data" / f"en_lexeme_{name}.json.gz"
    with gzip.open(path) as f:
        return json.load(f)


def main() -> None:
    probs, clusters = table("prob"), table("cluster")
    forms: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for form, log_prob in probs.items():
        if WORD.match(form):
            forms[form.lower()].append((math.exp(log_prob), form))
    rows = []
    for lower, printed in forms.items():
        total = sum(p for p, _ in printed)
        if math.log(total) <= MIN_LOG_PROB:
            continue
        capitalised = [(p, form) for p, form in printed if form[0].isupper()]
        cap = sum(p for p, _ in capitalised) / total
        freq = min(9, int(-math.log(total) / 2))
        brown_cap = clusters.get(max(capitalised)[1], 0) if capitalised else 0
        rows.append((lower, round(cap * 10), freq, brown_cap, clusters.get(lower, 0) if lower in probs else 0))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# word\tcap\tfreq\tbrown_cap\tbrown_lower; built by scripts/build_word_casing.py "
                  "from spacy-lookups-data 1.0.5 (MIT)\n")
        for row in rows:
            out.write("\t".join(map(str, row)) + "\n")
    print(f"wrote {OUT} ({len(rows)} words)")


if __name__ == "__main__":
    main()
