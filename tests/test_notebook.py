"""The example notebook runs from top to bottom (so it never rots)."""

from __future__ import annotations

import nbclient
import nbformat

from conftest import ROOT


def test_example_notebook_runs():
    path = ROOT / "examples" / "seeds.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 3  # quotes chart, network, timeline
    assert any("newsents-article" in o.get("data", {}).get("text/html", "") for o in outputs)
