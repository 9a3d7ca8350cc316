"""Quotation and speaker accuracy of newsents against gold data.

Two gold sets, scored the way issue 5 defines:

* the seeds (``../shared/gold``): a gold quote is found when a predicted
  direct or partial quote shares at least half of the gold quote's words
  (one-to-one, best overlap first); its speaker is right when it is the gold
  speaker or one of that entity's gold aliases, or, for an anonymous gold
  speaker, an anonymous description with the same head noun.
* PolNeAR's development split (``../shared/data/polnear/dev``): gold items are
  the attributions whose content holds double quotation marks, one
  annotator's file per article; a predicted direct or partial quote counts
  when it covers at least half of the gold content's quoted characters, and
  its speaker is right when ``speaker_span`` overlaps the gold source span.
  End to end (issue 20's figure): a gold quote counts when a predicted quote
  overlaps it (one to one) and the predicted speaker is the source: its span
  overlaps the gold source span, or the entity it resolves to has a mention
  there; precision over every predicted quote. Many to many: each quote
  as printed, none joined; a gold quote counts when any predicted quote
  overlaps it with the right speaker, and a predicted quote when it overlaps
  any gold quote with its speaker (how a scorer that neither joins the halves
  of a split quote nor pairs one to one would count).

Indirect speech is scored apart, on PolNeAR only (the seeds' gold lists
quotations only): its gold items are the attributions whose content holds no
quotation mark, a predicted indirect quote counts when it overlaps one (one to
one) and its speaker is the source, as end to end above. PolNeAR attributes
beliefs, plans and documents as well as speech (`X believes`, `X wants`,
`according to the report`), so recall there has a ceiling well below 1.

Usage: python scripts/eval_quotes.py [--shared ../shared] [--errors] [--train]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import newsents

WORD = re.compile(r"\w+")
QUOTED_KINDS = ("direct", "partial")
# Words that end a description's head: the tail after them is not the head.
TAIL_OPENERS = {"familiar", "close", "briefed", "involved", "with", "at", "in", "from", "for", "under", "to", "on", "who", "that", ","}


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def head_noun(description: str) -> str:
    """The head noun of a description, singular: `one of two former senior
    Russian officials close to the Kremlin` → `one`; `the official` → `official`."""
    tokens = re.findall(r"[\w’'-]+|,", description.lower())
    head = []
    for token in tokens:
        if token in TAIL_OPENERS or token == "of":
            break
        head.append(token)
    noun = (head or tokens or [""])[-1]
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return {"people": "person"}.get(noun, noun)


def match(gold_items, predicted, overlap):
    """One-to-one matches (gold index, predicted index), best overlap first."""
    pairs = []
    for g, gold in enumerate(gold_items):
        for p, pred in enumerate(predicted):
            value = overlap(gold, pred)
            if value is not None:
                pairs.append((value, g, p))
    pairs.sort(reverse=True)
    used_gold, used_pred, matched = set(), set(), []
    for _, g, p in pairs:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            matched.append((g, p))
    return matched


def seed_speaker_right(gold_quote, predicted, gold_entities) -> bool:
    speaker = predicted.get("speaker")
    if speaker is None:
        return False
    if gold_quote.get("anonymous"):
        return bool(predicted.get("anonymous")) and head_noun(speaker) == head_noun(gold_quote["speaker"])
    names = {gold_quote["speaker"]}
    for entity in gold_entities:
        if entity["name"] == gold_quote["speaker"]:
            names.update(entity.get("aliases", []))
    return speaker in names


def word_overlap(gold_words, pred_words):
    shared = sum(min(gold_words.count(w), pred_words.count(w)) for w in set(gold_words))
    return shared if gold_words and shared * 2 >= len(gold_words) else None


def score_seeds(shared: Path, show_errors: bool = False) -> dict:
    found = gold_total = predicted_total = speakers_right = 0
    for gold_path in sorted((shared / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text())
        article = newsents.parse((shared / "seeds" / gold["file"]).read_text(), id=gold_path.stem)
        predicted = [q for q in article.quotes if q["kind"] in QUOTED_KINDS]
        gold_quotes = gold["quotes"]
        matched = match(
            [words(q["text"]) for q in gold_quotes],
            [words(q["text"]) for q in predicted],
            word_overlap,
        )
        found += len(matched)
        gold_total += len(gold_quotes)
        predicted_total += len(predicted)
        for g, p in matched:
            right = seed_speaker_right(gold_quotes[g], predicted[p], gold["entities"])
            speakers_right += right
            if show_errors and not right:
                print(f"  {gold_path.stem[:3]} speaker: gold {gold_quotes[g]['speaker']!r}, got {predicted[p]['speaker']!r}: {gold_quotes[g]['text'][:60]!r}")
        if show_errors:
            for g in set(range(len(gold_quotes))) - {g for g, _ in matched}:
                print(f"  {gold_path.stem[:3]} missed: {gold_quotes[g]['text'][:70]!r} ({gold_quotes[g]['speaker']})")
            for p in set(range(len(predicted))) - {p for _, p in matched}:
                print(f"  {gold_path.stem[:3]} extra: {predicted[p]['text'][:70]!r} ({predicted[p]['speaker']})")
    return summary(found, gold_total, predicted_total, speakers_right)


def f1_of(correct, gold_total, predicted_total) -> tuple[float, float, float]:
    precision = correct / predicted_total if predicted_total else 0.0
    recall = correct / gold_total if gold_total else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def summary(found, gold_total, predicted_total, speakers_right, end_to_end=None, many_to_many=None) -> dict:
    precision, recall, f1 = f1_of(found, gold_total, predicted_total)
    return {
        "end_to_end": end_to_end,
        "many_to_many": many_to_many,
        "gold": gold_total,
        "predicted": predicted_total,
        "found": found,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "speaker_accuracy": speakers_right / found if found else 0.0,
    }


def read_attributions(path: Path):
    """Brat standoff: the attributions of one annotation file, as
    (content ranges, source ranges)."""
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if fields[0].startswith("T") and len(fields) >= 2:
            role, _, offsets = fields[1].partition(" ")
            ranges = [tuple(map(int, part.split())) for part in offsets.split(";")]
            spans[fields[0]] = (role, ranges)
        elif fields[0].startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split()))
    for event in events:
        content = spans.get(event.get("Content", ""), (None, []))[1]
        source = spans.get(event.get("Source", ""), (None, []))[1]
        yield content, source


MARK = re.compile("“|”|\"|''|``")


def quoted_characters(text: str, ranges) -> set[int]:
    """Positions of a content span that lie inside double quotation marks
    (`“ ”`, straight `"`, and the doubled `'' ``` of Treebank-style text):
    marks toggle, `“` and ```` `` ```` open, `”` closes; a content that starts
    inside a quote (its first mark closes) counts from its start."""
    quoted = set()
    for start, end in ranges:
        piece = text[start:end]
        marks = list(MARK.finditer(piece))
        if not marks:
            continue
        inside = marks[0].group() == "”"
        at = 0
        for m in marks + [None]:
            stop = m.start() if m else len(piece)
            if inside:
                quoted.update(start + i for i in range(at, stop) if not piece[i].isspace())
            if m is None:
                break
            mark = m.group()
            inside = True if mark in ("“", "``") else False if mark == "”" else not inside
            at = m.end()
    return quoted


def join_split_quotes(quotes, paragraphs):
    """Consecutive quotes of one paragraph attributed at the same place (the
    halves of `“X,” he said, “Y.”`, or fragments of one reported sentence),
    as one prediction with several ranges, the way PolNeAR marks them: one
    attribution whose content is discontinuous."""
    def paragraph_of(q):
        return next((i for i, p in enumerate(paragraphs) if p.start <= q["start"] < p.end), None)

    joined = []
    for q in quotes:
        last = joined[-1] if joined else None
        same = (
            last is not None
            and q["speaker_span"] is not None
            and q["speaker_span"] == last["speaker_span"]
            and paragraph_of(q) == last["paragraph"]
        )
        if same:
            last["ranges"].append((q["start"], q["end"]))
            last["text"] += " " + q["text"]
        else:
            joined.append({**q, "ranges": [(q["start"], q["end"])], "paragraph": paragraph_of(q)})
    return joined


def speaker_matches(predicted, sources, mentions) -> bool:
    """The predicted speaker is the gold source: its span overlaps the source
    span, or the entity it resolves to has a mention there."""
    def overlaps(start, end):
        return any(s < end and start < e for s, e in sources)

    span = predicted.get("speaker_span")
    if span is not None and overlaps(*span):
        return True
    entity = predicted.get("speaker_entity")
    return entity is not None and any(m["entity"] == entity and overlaps(m["start"], m["end"]) for m in mentions)


def score_attributions(folder: Path, show_errors: bool = False, join_split: bool = True) -> dict:
    found = gold_total = predicted_total = speakers_right = 0
    # End to end, as issue 20 defines it: a gold quote counts when a
    # predicted quote overlaps it (one to one) and its speaker is the source.
    end_to_end = end_to_end_predicted = 0
    # Many to many, each quote as printed (no halves joined): a gold quote is
    # found when any predicted quote overlaps it with the right speaker, a
    # predicted quote is right when it overlaps any gold quote with its speaker.
    gold_found = right_predicted = every_predicted = 0
    indirect = indirect_gold = indirect_predicted = 0
    annotations = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        article = path.stem.rsplit("_", 1)[0]
        annotations.setdefault(article, path)
    for article_name, ann_path in sorted(annotations.items()):
        text = (folder / "text" / f"{article_name}.txt").read_text(encoding="utf-8")
        gold, gold_indirect = [], []
        for content, source in read_attributions(ann_path):
            quoted = quoted_characters(text, content)
            if quoted:
                gold.append((quoted, source))
            elif content:
                gold_indirect.append(({i for s, e in content for i in range(s, e) if not text[i].isspace()}, source))
        article = newsents.parse(text, id=article_name)
        predicted = [{**q, "ranges": [(q["start"], q["end"])]} for q in article.quotes if q["kind"] in QUOTED_KINDS]

        def attributed(gold_item, pred):
            return any(pred["start"] <= i < pred["end"] for i in gold_item[0]) and speaker_matches(pred, gold_item[1], article.mentions)

        gold_found += sum(any(attributed(g, p) for p in predicted) for g in gold)
        right_predicted += sum(any(attributed(g, p) for g in gold) for p in predicted)
        every_predicted += len(predicted)
        if join_split:
            predicted = join_split_quotes(predicted, article.paragraphs)

        def overlap(gold_item, pred):
            shared = sum(1 for i in gold_item[0] if any(start <= i < end for start, end in pred["ranges"]))
            return shared if shared * 2 >= len(gold_item[0]) else None

        def any_overlap(gold_item, pred):
            shared = sum(1 for i in gold_item[0] if any(start <= i < end for start, end in pred["ranges"]))
            return shared or None

        if join_split:  # once per split: the halves-alone pass does not report it
            reported = [{**q, "ranges": [(q["start"], q["end"])]} for q in article.quotes if q["kind"] == "indirect"]
            indirect_gold += len(gold_indirect)
            indirect_predicted += len(reported)
            indirect += sum(speaker_matches(reported[p], gold_indirect[g][1], article.mentions)
                            for g, p in match(gold_indirect, reported, any_overlap))
        end_to_end_predicted += len(predicted)
        end_to_end += sum(speaker_matches(predicted[p], gold[g][1], article.mentions) for g, p in match(gold, predicted, any_overlap))
        matched = match(gold, predicted, overlap)
        found += len(matched)
        gold_total += len(gold)
        predicted_total += len(predicted)
        for g, p in matched:
            span = predicted[p].get("speaker_span")
            right = span is not None and any(s < span[1] and span[0] < e for s, e in gold[g][1])
            speakers_right += right
            if show_errors and not right:
                sources = " / ".join(text[s:e] for s, e in gold[g][1])
                got = text[span[0]:span[1]] if span else None
                print(f"  {article_name[:40]} speaker: gold {sources!r}, got {got!r}: {predicted[p]['text'][:50]!r}")
        if show_errors:
            for g in set(range(len(gold))) - {g for g, _ in matched}:
                positions = sorted(gold[g][0])
                print(f"  {article_name[:40]} missed: {text[positions[0]:positions[-1] + 1][:70]!r}")
            for p in set(range(len(predicted))) - {p for _, p in matched}:
                print(f"  {article_name[:40]} extra: {predicted[p]['text'][:70]!r} ({predicted[p]['speaker']})")
    precision, recall = right_predicted / max(every_predicted, 1), gold_found / max(gold_total, 1)
    many_to_many = (precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    scores = summary(found, gold_total, predicted_total, speakers_right, f1_of(end_to_end, gold_total, end_to_end_predicted),
                     many_to_many if join_split else None)
    scores["indirect"] = f1_of(indirect, indirect_gold, indirect_predicted) if join_split else None
    return scores


def report(name: str, scores: dict) -> str:
    return (
        f"{name}: quote F1 {scores['f1']:.3f} (P {scores['precision']:.3f}, R {scores['recall']:.3f}; "
        f"{scores['found']} of {scores['gold']} gold, {scores['predicted']} predicted), "
        f"speaker accuracy {scores['speaker_accuracy']:.3f}"
        + ("" if scores["end_to_end"] is None else "; end to end F1 {2:.3f} (P {0:.3f}, R {1:.3f})".format(*scores["end_to_end"]))
        + ("" if scores.get("many_to_many") is None else "; many to many {2:.3f} (P {0:.3f}, R {1:.3f})".format(*scores["many_to_many"]))
        + ("" if scores.get("indirect") is None else "; indirect speech end to end {2:.3f} (P {0:.3f}, R {1:.3f})".format(*scores["indirect"]))
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--errors", action="store_true", help="list misses, extras and wrong speakers")
    parser.add_argument("--train", action="store_true", help="also score PolNeAR's training split (840 articles)")
    args = parser.parse_args(argv)
    print(report("seeds", score_seeds(args.shared, args.errors)))
    dev = args.shared / "data" / "polnear" / "dev"
    if dev.is_dir():
        print(report("PolNeAR dev", score_attributions(dev, args.errors)))
        print(report("PolNeAR dev, each split half counted alone", score_attributions(dev, join_split=False)))
    train = args.shared / "data" / "polnear" / "train"
    if args.train and train.is_dir():
        print(report("PolNeAR train", score_attributions(train)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
