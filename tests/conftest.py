"""Shared fixtures: the repo's seeds and, when present, ../shared (gold and data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsents

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"


def gold_files():
    return sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []


@pytest.fixture(scope="session")
def seed_articles():
    """The five seeds, parsed once, by id."""
    return {a.id: a for a in newsents.read(SEEDS)}


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
