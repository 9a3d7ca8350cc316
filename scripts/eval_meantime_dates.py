"""Time expressions on MEANTIME: modern Wikinews that the rules never saw.

MEANTIME (NewsReader; ``../shared/data/meantime``) marks every TIMEX3 in the
first sentences of each of its 120 articles; sentence 1 is the dateline,
whose date is the document's creation time. This script parses each article
(rebuilt from its tokens as ``scripts/eval_meantime.py`` does) with that date
as ``published`` and scores, in sentences 2 to 5:

* DATE and TIME together (predicted DATE or TIME against gold DATE or TIME),
  then DURATION and SET, each against the same label;
* span F1, strict (the same span) and relaxed (overlapping spans, matched one
  to one);
* value F1: a relaxed match whose value agrees with the gold value at the
  gold's granularity (the prediction at least as long as the gold, equal
  character by character, where an ``X`` in the gold matches anything:
  gold ``2008-03`` takes ``2008-03-01``, gold ``XXXX-03`` takes ``2008-03``).

Three articles have no ISO creation time (none, or ``03-02-2009``); their
dateline's text is passed instead, which is what a reader of the article has.

MEANTIME serves error analysis; the rules follow the TimeML guidelines, not
its annotators' choices, and a held-out TimeML set is the judge.

Usage: python scripts/eval_meantime_dates.py [--shared ../shared] [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import newsents
from eval_meantime import rebuild

SCORED_SENTENCES = range(2, 6)
#: The figures printed: a name and the labels it scores.
GROUPS = {"DATE/TIME": ("DATE", "TIME"), "DURATION": ("DURATION",), "SET": ("SET",)}


@dataclass
class Timex:
    start: int
    end: int
    label: str
    value: str


@dataclass
class Document:
    name: str
    text: str
    published: str | None
    region: tuple[int, int]
    gold: list[Timex] = field(default_factory=list)


def load(path: Path) -> Document:
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    text, offsets, _ = rebuild(tokens)
    sentence_of = {t.get("t_id"): int(t.get("sentence")) for t in tokens}
    scored = [offsets[t.get("t_id")] for t in tokens if int(t.get("sentence")) in SCORED_SENTENCES]
    region = (scored[0][0], scored[-1][1]) if scored else (0, 0)
    dateline = " ".join(t.text or "" for t in tokens if t.get("sentence") == "1")
    doc = Document(path.stem, text, dateline or None, region)
    for timex in root.find("Markables").findall("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            if re.fullmatch(r"\d{4}-\d\d-\d\d", timex.get("value") or ""):
                doc.published = timex.get("value")
            continue
        anchors = [a.get("t_id") for a in timex.findall("token_anchor")]
        if not anchors or sentence_of[anchors[0]] not in SCORED_SENTENCES:
            continue
        doc.gold.append(Timex(offsets[anchors[0]][0], offsets[anchors[-1]][1], timex.get("type"), timex.get("value") or ""))
    return doc


def value_agrees(gold: str, predicted: str | None) -> bool:
    """The prediction agrees with the gold at the gold's granularity."""
    if not predicted or len(predicted) < len(gold):
        return False
    return all(g == "X" or g == p for g, p in zip(gold, predicted))


def predictions(doc: Document) -> list[Timex]:
    article = newsents.parse(doc.text, id=doc.name, published=doc.published)
    start, end = doc.region
    return [Timex(t["start"], t["end"], t["label"], t.get("value") or "") for t in article.temporal if t["start"] < end and t["end"] > start]


class Scores:
    def __init__(self) -> None:
        self.counts = defaultdict(lambda: defaultdict(int))

    def add(self, group: str, gold: list[Timex], predicted: list[Timex], errors: list) -> None:
        c = self.counts[group]
        c["gold"] += len(gold)
        c["predicted"] += len(predicted)
        c["strict"] += sum(any((p.start, p.end) == (g.start, g.end) for p in predicted) for g in gold)
        free = list(predicted)
        for g in gold:
            match = next((p for p in free if p.start < g.end and g.start < p.end), None)
            if match is None:
                errors.append(("missed", g, None))
                continue
            free.remove(match)
            c["relaxed"] += 1
            if value_agrees(g.value, match.value):
                c["value"] += 1
            else:
                errors.append(("value", g, match))
        errors.extend(("spurious", None, p) for p in free)

    def f1s(self, group: str) -> dict[str, float]:
        """Strict span, relaxed span and value F1 of a group."""
        c = self.counts[group]

        def f1(correct: int) -> float:
            p = correct / c["predicted"] if c["predicted"] else 0.0
            r = correct / c["gold"] if c["gold"] else 0.0
            return 2 * p * r / (p + r) if p + r else 0.0

        return {kind: f1(c[kind]) for kind in ("strict", "relaxed", "value")}

    def row(self, group: str) -> str:
        c, f = self.counts[group], self.f1s(group)
        return f"| {group} | {c['gold']} | {c['predicted']} | {f['strict']:.3f} | {f['relaxed']:.3f} | {f['value']:.3f} |"


def evaluate(paths: list[Path]) -> tuple[Scores, list]:
    """Scores of the articles at `paths`, and the errors: (article, group, (kind, gold, predicted))."""
    scores = Scores()
    errors: list = []
    for doc in map(load, paths):
        predicted = predictions(doc)
        for group, labels in GROUPS.items():
            found: list = []
            scores.add(group, [g for g in doc.gold if g.label in labels], [p for p in predicted if p.label in labels], found)
            errors.extend((doc, group, e) for e in found)
    return scores, errors


def score(paths: list[Path]) -> dict[str, dict[str, float]]:
    """Each group's strict, relaxed and value F1 on the articles at `paths`."""
    scores, _ = evaluate(paths)
    return {group: scores.f1s(group) for group in GROUPS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--errors", action="store_true", help="print misses, wrong values and spurious predictions")
    args = parser.parse_args(argv)
    paths = sorted((args.shared / "data" / "meantime" / "articles").glob("*/*.xml"))
    if not paths:
        print(f"no MEANTIME articles under {args.shared}", file=sys.stderr)
        return 1
    scores, errors = evaluate(paths)
    print(f"MEANTIME: {len(paths)} articles, TIMEX3 in sentences 2-5, published = the creation time")
    print("| labels | gold | predicted | strict span F1 | relaxed span F1 | value F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    for group in GROUPS:
        print(scores.row(group))
    if args.errors:
        for doc, group, (kind, gold, predicted) in errors:
            show = lambda t: f"{doc.text[t.start:t.end]!r} {t.label} {t.value}" if t else "-"  # noqa: E731
            print(f"{group:9} {kind:8} {doc.published} gold {show(gold):45} predicted {show(predicted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
