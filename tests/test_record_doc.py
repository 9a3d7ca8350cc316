"""docs/record.md against the code: every field of the record it documents,
with the type it gives, is what the code makes, and every public attribute
of `Article` has a docstring."""

from __future__ import annotations

import re
from typing import Any, Dict, List

import pytest

import newsents
from conftest import ROOT, SEEDS

DOC = ROOT / "docs" / "record.md"


def documented() -> Dict[str, Dict[str, str]]:
    """Each object's fields and types, from the page's tables."""
    objects: Dict[str, Dict[str, str]] = {}
    for section in re.split(r"^### ", DOC.read_text(encoding="utf-8"), flags=re.M)[1:]:
        name = re.match(r"`(\w+)`", section).group(1)
        rows = re.findall(r"^\| `(\w+)` \| `(.+?)` \|", section, flags=re.M)
        objects[name] = {field: kind.replace("\\|", "|") for field, kind in rows}
    return objects


OBJECTS = documented()


def split(kind: str, separator: str) -> List[str]:
    """The parts of a type between separators outside brackets."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(kind):
        depth += (c == "[") - (c == "]")
        if c == separator and depth == 0:
            parts.append(kind[start:i].strip())
            start = i + 1
    return parts + [kind[start:].strip()]


def conforms(value: Any, kind: str) -> bool:
    """Whether a value is of a documented type (`str | null`, `[span]`, ...)."""
    return any(_is(value, alternative) for alternative in split(kind, "|"))


def _is(value: Any, kind: str) -> bool:
    scalars = {"str": str, "bool": bool, "null": type(None)}
    if kind in scalars:
        return isinstance(value, scalars[kind])
    if kind in ("int", "float"):
        return isinstance(value, (int, float) if kind == "float" else int) and not isinstance(value, bool)
    if kind.startswith("["):
        inner = split(kind[1:-1], ",")
        if len(inner) > 1:  # a pair
            return isinstance(value, list) and len(value) == len(inner) and all(map(conforms, value, inner))
        return isinstance(value, list) and all(conforms(v, inner[0]) for v in value)
    fields = OBJECTS[kind]
    return isinstance(value, dict) and set(value) == set(fields) and all(conforms(value[f], fields[f]) for f in fields)


@pytest.fixture(scope="module")
def records() -> List[dict]:
    """Records of text files, of a str and of a page."""
    page = ("<html><head><title>Talks resume in Kyiv</title></head><body><article><h1>Talks resume in Kyiv</h1>"
            "<p>Negotiators from Ukraine and Russia met in Istanbul on Monday, officials said, and will meet again.</p>"
            "<figure><figcaption>Delegations arrive at the palace in Istanbul.</figcaption></figure>"
            "</article></body></html>")
    articles = [*newsents.read(SEEDS), newsents.parse("Talks Resume\n\nThey met."),
                newsents.parse_html(page.encode(), url="https://example.com/talks")]
    return [a.to_dict() for a in articles]


def test_the_page_documents_every_object_of_the_record():
    assert set(OBJECTS) == {"article", "span", "caption", "entity", "geo", "mention", "quote", "sources",
                            "temporal", "quantity"}


def test_every_record_conforms_to_the_page(records):
    for record in records:
        assert set(record) == set(OBJECTS["article"]), record["id"]
        for field, kind in OBJECTS["article"].items():
            assert conforms(record[field], kind), (record["id"], field, kind)


def test_the_records_exercise_every_type_the_page_names(records):
    # Each documented type of each field but null occurs somewhere, so that
    # a type the code no longer makes cannot stay on the page.
    seen = set()

    def walk(value: Any, kind: str, where: str) -> None:
        for alternative in split(kind, "|"):
            if _is(value, alternative):
                seen.add((where, alternative))
                inside(value, alternative)

    def inside(value: Any, kind: str) -> None:
        if kind in OBJECTS:
            for field, inner in OBJECTS[kind].items():
                walk(value[field], inner, f"{kind}.{field}")
        elif kind.startswith("[") and len(split(kind[1:-1], ",")) == 1:
            for item in value:
                inside(item, kind[1:-1])

    for record in records:
        inside(record, "article")
    named = {(f"{name}.{field}", alternative) for name, fields in OBJECTS.items() for field, kind in fields.items()
             for alternative in split(kind, "|") if alternative != "null"}
    assert named - seen == set()


def test_every_article_attribute_is_documented_here_and_has_a_docstring():
    attributes = {name for name in dir(newsents.Article) if not name.startswith("_")}
    methods = {"to_dict", "to_json", "from_json"}
    assert attributes - methods == set(OBJECTS["article"])
    for cls in (newsents.Article, newsents.Caption, newsents.Span):
        for name in (n for n in dir(cls) if not n.startswith("_")):
            assert (getattr(cls, name).__doc__ or "").strip(), f"{cls.__name__}.{name} has no docstring"


def test_the_readme_and_to_dict_point_here():
    assert "docs/record.md" in newsents.Article.to_dict.__doc__
    assert "(docs/record.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
