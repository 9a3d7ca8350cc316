"""Score newsents' dates, money and percentages on the NIST 1999 IE-ER sample.

Each document's headline and text, with the inline markup stripped, is parsed
with its `<DATE_TIME>` header as the publication time. Scores:
- DATE: recall with overlapping spans counting (a gold date is found when a
  predicted DATE overlaps it); precision the same way. IE-ER follows the old
  MUC rule and marks mostly absolute dates, so relative ones that newsents
  finds ("yesterday", "last year") count against precision although right.
  MUC marks the day of "Friday night" a DATE where TimeML makes the whole a
  TIME of that day, so a predicted TIME whose value names a day
  (``1998-03-13TNI``) counts as a date here.
- MONEY and PERCENT: exact-span precision, recall and F1.

    python scripts/eval_dates_numbers.py [--show-misses N]

Prints the figures; exits 1 when ../shared/data/ieer is missing.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import newsents

IEER = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ieer"
TAG = re.compile(r'<b_(enamex|timex|numex) type="([A-Z_]+)"[^>]*>|<e_(enamex|timex|numex)>')


def strip(marked: str):
    """Plain text and the gold spans `(start, end, label)` of marked-up text."""
    out, spans, open_spans, at = [], [], [], 0
    for match in TAG.finditer(marked):
        out.append(marked[at:match.start()])
        position = sum(map(len, out))
        if match.group(1):
            open_spans.append((position, match.group(2)))
        elif open_spans:
            start, label = open_spans.pop()
            spans.append((start, position, label))
        at = match.end()
    out.append(marked[at:])
    return "".join(out), spans


def documents():
    for path in sorted(p for p in IEER.iterdir() if p.name[:3] in ("APW", "NYT")):
        raw = path.read_text(encoding="latin-1")
        for doc in re.findall(r"<DOC>(.*?)</DOC>", raw, flags=re.S):
            when = re.search(r"<DATE_TIME>\s*(\d\d)/(\d\d)/(\d{4})", doc)
            published = f"{when.group(3)}-{when.group(1)}-{when.group(2)}" if when else None
            headline = re.search(r"<HEADLINE>(.*?)</HEADLINE>", doc, flags=re.S)
            body = re.search(r"<TEXT>(.*?)</TEXT>", doc, flags=re.S)
            marked = (headline.group(1).strip() + "\n\n" if headline else "") + (body.group(1) if body else "")
            text, spans = strip(marked)
            yield text, spans, published


def names_a_day(timex: dict) -> bool:
    """A DATE, or a TIME whose value carries its day (`1998-03-13TNI`)."""
    value = timex.get("value") or ""
    return timex["label"] == "DATE" or (timex["label"] == "TIME" and re.match(r"\d{4}-\d\d-\d\dT", value) is not None)


def prf(correct_p, predicted, correct_g, gold):
    p = correct_p / predicted if predicted else 0.0
    r = correct_g / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(show_misses: int = 0) -> dict:
    counts = {label: [0, 0, 0, 0] for label in ("DATE", "MONEY", "PERCENT")}  # correct_p, predicted, correct_g, gold
    misses = {label: [] for label in counts}
    for text, gold_spans, published in documents():
        article = newsents.parse(text, published=published)
        predicted = [(t["start"], t["end"], "DATE" if names_a_day(t) else t["label"]) for t in article.temporal]
        predicted += [(q["start"], q["end"], q["label"]) for q in article.quantities]
        for label, c in counts.items():
            gold = [(s, e) for s, e, l in gold_spans if l == label]
            mine = [(s, e) for s, e, l in predicted if l == label]
            if label == "DATE":
                hit = lambda a, b: a[0] < b[1] and b[0] < a[1]  # noqa: E731
            else:
                hit = lambda a, b: a == b  # noqa: E731
            c[0] += sum(any(hit(m, g) for g in gold) for m in mine)
            c[1] += len(mine)
            c[2] += sum(any(hit(m, g) for m in mine) for g in gold)
            c[3] += len(gold)
            misses[label] += [text[s:e] for s, e in gold if not any(hit(m, (s, e)) for m in mine)]
    results = {label: prf(*c) for label, c in counts.items()}
    for label, (p, r, f) in results.items():
        print(f"{label:<8} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  ({counts[label][3]} gold, {counts[label][1]} predicted)")
        if show_misses:
            print("   missed:", misses[label][:show_misses])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-misses", type=int, default=0, help="print up to N missed gold spans per label")
    args = parser.parse_args()
    if not IEER.is_dir():
        sys.exit(f"{IEER} not found")
    score(args.show_misses)


if __name__ == "__main__":
    main()
