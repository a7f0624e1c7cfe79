"""Word lists and frames as data: one TOML file a concept family, read once per process."""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent


@functools.cache
def load(name: str) -> dict:
    """The parsed ``NAME.toml`` of this folder (cached: every caller shares one copy)."""
    with (HERE / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def words(table: str, name: str) -> frozenset[str]:
    """One word list of ``words.toml``: ``words("lexicon", "reporting_verbs")``."""
    return frozenset(load("words")[table][name])


def mapping(table: str, name: str) -> dict:
    """One word-to-value table of ``words.toml``: ``mapping("entities", "title_genders")``."""
    return dict(load("words")[table][name])
