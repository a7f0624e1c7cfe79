from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"


def seed(name: str) -> Path:
    """A seed article by its number prefix, e.g. ``seed("000")``."""
    return next(SEEDS.glob(f"{name}_*.txt"))


def gold_rows(name: str) -> list[dict]:
    with (GOLD / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp import load_model

    return load_model()
