"""The README's examples run as printed (every Python block, in order, in
one namespace, from a folder with the seeds, as a clone is), and the
columns its comments name are the views' columns."""

from __future__ import annotations

import re
from typing import Iterator, Tuple

from conftest import ROOT, SEEDS
from newsents import frames

README = (ROOT / "README.md").read_text(encoding="utf-8")


def python_blocks() -> Iterator[Tuple[int, str]]:
    """Each Python block and the README line it starts on."""
    for block in re.finditer(r"^```python\n(.*?)^```", README, flags=re.M | re.S):
        yield README.count("\n", 0, block.start(1)), block.group(1)


def test_every_python_block_runs(tmp_path, monkeypatch):
    (tmp_path / "seeds").symlink_to(SEEDS)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    blocks = list(python_blocks())
    assert len(blocks) >= 3
    for line, block in blocks:
        # Padded so that a traceback gives the README's own line numbers.
        exec(compile("\n" * line + block, str(ROOT / "README.md"), "exec"), namespace)
    assert len(namespace["corpus"]) == 5 and namespace["article"].captions
    assert (tmp_path / "tables" / "quotes.parquet").is_file()


def test_columns_named_in_the_readme_are_the_views_columns():
    named = 0
    for match in re.finditer(r"^corpus\.(\w+)\([^)]*\) +#(.*(?:\n +#.*)*)", README, flags=re.M):
        view, comment = match.group(1), re.sub(r"\n +#", " ", match.group(2))
        if view not in frames.SCHEMAS:
            continue
        listed = re.sub(r"\([^)]*\)", "", comment.split(":", 1)[-1])
        names = [n.strip() for n in listed.split(",") if re.fullmatch(r"[a-z_]+", n.strip())]
        columns = {c.name for c in frames.SCHEMAS[view]}
        assert set(names) <= columns, (view, set(names) - columns)
        named += len(names)
    assert named >= 40
