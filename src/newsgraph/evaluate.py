"""Evaluation: analyse a gold file and score it with ``../shared/eval/score.py``.

The scorer is the judge and is never copied here: it is loaded from the shared folder
(``NEWSGRAPH_SHARED`` or ``../shared`` beside the repository).
"""
from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from .ingest import read_path
from .model import Article
from .options import Options
from .service import analyze_many

REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared")


def load_scorer(path: Path | None = None):
    """The shared scorer module, imported from its file."""
    path = path or shared_dir() / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("newsgraph_shared_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(gold_path: Path, options: Options = Options()) -> list[dict]:
    """The system's output for every article of a gold file, in the scorer's shape."""
    articles = [a for a in read_path(gold_path, options) if isinstance(a, Article)]
    return [analysis.to_output() for analysis in analyze_many(articles, options)]


def evaluate(gold_path: Path, options: Options = Options(), iou: float = 0.5) -> dict:
    """Score the system on one gold file: the scorer's figures as a dict."""
    scorer = load_scorer()
    gold = scorer.load(str(gold_path))
    pred = {str(row["id"]): row for row in predict(gold_path, options)}
    return scorer.score(gold, pred, iou)


def report(result: dict) -> str:
    return load_scorer().report(result)


def dump(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
