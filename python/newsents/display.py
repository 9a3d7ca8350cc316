"""HTML for notebooks, in the manner of spaCy's displaCy: an article with
its entities highlighted by label and its quotations marked with their
speakers, and a summary table of a corpus. Self-contained: inline styles,
no external CSS, fonts or JavaScript."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple

if TYPE_CHECKING:
    from ._core import Article

#: Highlight colours by label (displaCy's, for labels it shares).
COLOURS = {
    "PERSON": "#aa9cfc", "NORP": "#c887fb", "ORG": "#7aecec", "GPE": "#feca74", "LOC": "#ff9561",
    "FAC": "#9cc9cc", "EVENT": "#ffeb80", "LAW": "#ff8197", "PRODUCT": "#bfeeb7", "WORK_OF_ART": "#f0d0ff",
    "LANGUAGE": "#ff8197", "MISC": "#dddddd",
}
NAMED_SOURCE = "#2b6cb0"
ANONYMOUS_SOURCE = "#dd6b20"

_BOX = "font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; line-height: 1.9; max-width: 60em"
_MARK = "padding: 0.2em 0.35em; margin: 0 0.1em; border-radius: 0.35em; line-height: 1"
_TAG = "font-size: 0.65em; font-weight: bold; margin-left: 0.4em; vertical-align: middle"
_QUOTE = "border-bottom: 2px solid {colour}; background: {colour}14"
_SPEAKER = "font-size: 0.75em; font-weight: bold; color: {colour}; margin-left: 0.3em; white-space: nowrap"

Range = Tuple[int, int]


def article_html(article: "Article") -> str:
    """The article as HTML: headline, metadata, and the story paragraphs
    with entity mentions highlighted and quotations marked."""
    record = article.to_dict()
    text = record["text"]
    mentions = _disjoint([(m["start"], m["end"], m) for m in record["mentions"]])
    quotes = _disjoint([(q["start"], q["end"], q) for q in record["quotes"]])
    paragraphs = "".join(
        f"<p>{_paragraph(text, p['start'], p['end'], quotes, mentions)}</p>" for p in record["paragraphs"]
    )
    return f'<div class="newsents-article" style="{_BOX}">{_header(record)}{paragraphs}{_legend(record)}</div>'


def _header(record: Dict[str, Any]) -> str:
    parts = []
    if record["headline"]:
        parts.append(f'<h2 style="margin-bottom: 0.2em">{escape(record["headline"])}</h2>')
    if record["dek"]:
        parts.append(f'<p style="font-size: 1.1em; color: #555; margin-top: 0">{escape(record["dek"])}</p>')
    meta = [record["outlet"], record["published"], "By " + ", ".join(record["authors"]) if record["authors"] else None]
    meta.append(f'{record["word_count"]:,} words · {len(record["entities"])} entities · '
                f'{len(record["quotes"])} quotes · {record["sources"]["anonymous"]} anonymous sources')
    parts.append('<div style="color: #666; font-size: 0.9em">'
                 + " · ".join(escape(str(m)) for m in meta if m) + f' · <code>{escape(record["id"])}</code></div>')
    parts += [f'<div style="color: #c53030">error: {escape(e)}</div>' for e in record["errors"]]
    return "".join(parts)


def _legend(record: Dict[str, Any]) -> str:
    labels = sorted({m["label"] for m in record["mentions"]})
    if not labels and not record["quotes"]:
        return ""
    keys = [_mark(label, label) for label in labels]
    keys.append(f'<span style="{_QUOTE.format(colour=NAMED_SOURCE)}">quote</span>'
                f'<span style="{_SPEAKER.format(colour=NAMED_SOURCE)}">— named speaker</span>')
    keys.append(f'<span style="{_QUOTE.format(colour=ANONYMOUS_SOURCE)}">quote</span>'
                f'<span style="{_SPEAKER.format(colour=ANONYMOUS_SOURCE)}">— anonymous source</span>')
    return '<div style="font-size: 0.85em; border-top: 1px solid #ddd; padding-top: 0.5em">' + " ".join(keys) + "</div>"


def _disjoint(items: List[Tuple[int, int, Dict[str, Any]]]) -> List[Tuple[int, int, Dict[str, Any]]]:
    """Items sorted by start, dropping any that overlaps an earlier one."""
    kept: List[Tuple[int, int, Dict[str, Any]]] = []
    for item in sorted(items, key=lambda i: (i[0], -i[1])):
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def _paragraph(text: str, start: int, end: int, quotes: Sequence, mentions: Sequence) -> str:
    """A paragraph's HTML; quotes are clipped to it, a mention that crosses
    a quote's edge is left unmarked, the speaker follows the quote's end."""
    html = []
    position = start
    for quote_start, quote_end, quote in quotes:
        if quote_end <= start or quote_start >= end:
            continue
        inner = (max(quote_start, start), min(quote_end, end))
        html.append(_marked(text, (position, inner[0]), mentions))
        colour = ANONYMOUS_SOURCE if quote["anonymous"] else NAMED_SOURCE
        speaker = quote["speaker"] or "unattributed"
        html.append(f'<span class="newsents-quote" title="{escape(speaker)} ({quote["kind"]})" '
                    f'style="{_QUOTE.format(colour=colour)}">{_marked(text, inner, mentions)}</span>')
        if quote_end <= end:
            html.append(f'<span class="newsents-speaker" style="{_SPEAKER.format(colour=colour)}">'
                        f'— {escape(speaker)}</span>')
        position = inner[1]
    html.append(_marked(text, (position, end), mentions))
    return "".join(html)


def _marked(text: str, window: Range, mentions: Sequence) -> str:
    """The text of a window with the mentions inside it highlighted."""
    html = []
    position = window[0]
    for start, end, mention in mentions:
        if start >= window[1]:
            break
        if start < window[0] or end > window[1]:
            continue
        html.append(escape(text[position:start]))
        html.append(_mark(text[start:end], mention["label"], entity=mention["entity"]))
        position = end
    html.append(escape(text[position:window[1]]))
    return "".join(html)


def _mark(text: str, label: str, entity: Optional[int] = None) -> str:
    """A highlighted mention (of entity number ``entity``), or a legend key."""
    colour = COLOURS.get(label, COLOURS["MISC"])
    role = 'class="newsents-key"' if entity is None else f'class="newsents-entity" data-entity="{entity}"'
    return (f'<mark {role} data-label="{escape(label)}" '
            f'style="background: {colour}; {_MARK}">{escape(text)}<span style="{_TAG}">{escape(label)}</span></mark>')


#: Rows of the corpus table shown before "... and N more".
CORPUS_ROWS = 20


def corpus_html(rows: List[Dict[str, Any]]) -> str:
    """A summary of a corpus and a table of its first articles, from the
    corpus's ``articles`` rows (no pandas needed)."""
    total = {c: sum(r[c] for r in rows) for c in ("word_count", "entities", "quotes", "anonymous_sources", "errors")}
    summary = (f'<b>Corpus</b> of {len(rows):,} article{"" if len(rows) == 1 else "s"}: '
               f'{total["word_count"]:,} words, {total["entities"]:,} entities, {total["quotes"]:,} quotes, '
               f'{total["anonymous_sources"]:,} anonymous sources, {total["errors"]:,} errors')
    columns = ["article_id", "outlet", "headline", "published", "word_count", "entities", "quotes",
               "anonymous_sources", "errors"]
    head = "".join(f'<th style="text-align: left">{c}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(_cell(row[c]))}</td>" for c in columns) + "</tr>" for row in rows[:CORPUS_ROWS]
    )
    more = f"<div>… and {len(rows) - CORPUS_ROWS:,} more</div>" if len(rows) > CORPUS_ROWS else ""
    return (f'<div class="newsents-corpus" style="{_BOX}; max-width: none"><div>{summary}</div>'
            f'<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}</div>')


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
