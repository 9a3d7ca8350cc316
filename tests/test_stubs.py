"""The hand-written stubs (python/newsents/_core.pyi) agree with the
compiled module: mypy's stubtest imports ``newsents._core`` and checks every
name, signature and class in the stubs against it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import newsents


def test_stubs_match_the_extension_module(tmp_path: Path) -> None:
    package_root = str(Path(newsents.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([package_root, os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "newsents._core"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,  # mypy's cache goes to cwd
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout
