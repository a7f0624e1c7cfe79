"""The layout a newcomer relies on: word lists live in data files, one loader reads them."""
from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"
# sets of the model's own labels and dependency names are code, not vocabulary
TAG_SETS = {"PERSON_LABELS", "PLACE_LABELS", "ORG_LABELS", "CLAUSES", "SUBJECT_DEPS", "PERSON_SLOTS", "FINITE"}


# the stages that read words: the article's (extract/) and the corpus's (the quote trail)
STAGES = sorted([*(SRC / "extract").glob("*.py"), SRC / "trail.py"])


def _module_word_sets(path: Path) -> list[str]:
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            continue
        value = node.value
        inner = value.args[0] if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "frozenset" \
            and value.args else value
        strings = [e for e in getattr(inner, "elts", []) if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if isinstance(inner, ast.Set) and len(strings) >= 3 and node.targets[0].id not in TAG_SETS:
            found.append(f"{path.name}:{node.lineno} {node.targets[0].id}")
    return found


def test_structure_word_lists_of_the_stages_are_data():
    assert [hit for path in STAGES for hit in _module_word_sets(path)] == []


def test_structure_every_data_word_list_is_read():
    tables = tomllib.loads((SRC / "data" / "words.toml").read_text(encoding="utf-8"))
    code = "\n".join(p.read_text(encoding="utf-8") for p in STAGES)
    read = set(re.findall(r'word_list\("(\w+)", "(\w+)"\)', code))
    listed = {(table, name) for table, lists in tables.items() for name in lists}
    assert listed == read
    for table, lists in tables.items():
        for name, words in lists.items():
            assert len(set(words)) == len(words), f"{table}.{name} lists a word twice"
