"""The layout a newcomer relies on: word lists live in data files, one loader reads them."""
from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"
# the parser's labels are code, not vocabulary: extract/syntax.py holds them (checked against the
# model below); the slots an event frame may name are the frame file's schema
TAG_SETS = {"PERSON_SLOTS"}


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
    assert [hit for path in STAGES if path.name != "syntax.py" for hit in _module_word_sets(path)] == []


def _literal_strings_in_functions(path: Path) -> list[str]:
    """Sets, tuples and lists of string literals written inside a function body."""
    found = []
    for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        for node in ast.walk(function):
            literal = isinstance(node, ast.Set) or isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) > 1
            if literal and node.elts and all(isinstance(e, ast.Constant) and isinstance(e.value, str)
                                             for e in node.elts):
                found.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
    return sorted(set(found))


def test_structure_no_word_or_label_sets_inside_functions():
    """The check of issue 14: no word set (nor parser-label set) written inside a function of a stage;
    words live in data/words.toml, labels as named constants of extract/syntax.py."""
    assert [hit for path in STAGES for hit in _literal_strings_in_functions(path)] == []


def test_structure_syntax_holds_only_the_models_labels(nlp):
    from newsgraph.extract import syntax

    known = {""} | set(nlp.get_pipe("parser").labels) | set(nlp.get_pipe("tagger").labels) | set(
        nlp.get_pipe("ner").labels) | {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
                                       "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}
    constants = {name: value for name, value in vars(syntax).items() if name.isupper()}
    assert len(constants) > 20
    assert {name: sorted(set(value) - known) for name, value in constants.items() if set(value) - known} == {}


def test_structure_every_data_word_list_is_read():
    tables = tomllib.loads((SRC / "data" / "words.toml").read_text(encoding="utf-8"))
    code = "\n".join(p.read_text(encoding="utf-8") for p in STAGES)
    read = set(re.findall(r'(?:word_list|mapping)\("(\w+)", "(\w+)"\)', code))
    listed = {(table, name) for table, lists in tables.items() for name in lists}
    assert listed == read
    for table, lists in tables.items():
        for name, words in lists.items():
            assert len(set(words)) == len(words), f"{table}.{name} lists a word twice"
