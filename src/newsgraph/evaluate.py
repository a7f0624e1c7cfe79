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
from .model import Analysis, Article
from .options import Options
from .service import analyze_many

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = ("seeds.jsonl", "bbc-dev.jsonl", "bbc-dev-events.jsonl", "polnear-dev.jsonl")
# gold sets the project made (annotated blind by two helpers each, who saw only GUIDELINES.md and the
# texts; what both found):
# they hold offsets, not texts, and name where their texts are: a shared gold file ("text_from") or
# a file of the shared corpus ("file", as the shared gold rows write it)
PROJECT_GOLD_DIR = REPO / "eval" / "gold"
PROJECT_GOLD = ("events-polnear-dev-more.jsonl", "events-bbc-politics-more.jsonl", "events-bbc-politics-third.jsonl",
                "events-bbc-other-pool.jsonl", "events-bbc-politics-fifth.jsonl",
                "events-bbc-other-second.jsonl", "events-bbc-other-third.jsonl", "events-bbc-politics-sixth.jsonl",
                "quotes-bbc-politics-pool.jsonl")
# The dev articles split once, by article, into a half that rules are written on and a half
# that checks them (a rule that helps only the tuning half learnt sentences, not language).
SPLIT = REPO / "eval" / "split.json"
HALVES = ("tuning", "checking")


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSGRAPH_SHARED") or REPO.parent / "shared")


def default_gold() -> list[Path]:
    """The shared dev gold files, then the project's own."""
    return [shared_dir() / "gold" / name for name in DEFAULT_GOLD] + [PROJECT_GOLD_DIR / name for name in PROJECT_GOLD]


def readable(gold_path: Path, workdir: Path) -> Path:
    """A gold file the scorer and the readers can use: a project gold file that holds offsets and a
    ``text_from`` (or a corpus ``file``) instead of texts gets its texts (and dates, outlets) from
    there, in a copy under ``workdir`` with the same name (so halves and baseline entries still match)."""
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sources = {row["text_from"] for row in rows if "text_from" in row}
    if not sources and not any("file" in row and "text" not in row for row in rows):
        return gold_path
    shared = {}
    for source in sources:
        for line in (shared_dir() / "gold" / source).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                shared[row["id"]] = row
    copy = workdir / gold_path.name
    with copy.open("w", encoding="utf-8") as fh:
        for row in rows:
            original = shared[row["id"]] if "text_from" in row else {
                "text": (shared_dir() / row["file"]).read_text(encoding="utf-8")}
            merged = {key: original[key] for key in ("text", "published", "publisher", "url") if key in original}
            fh.write(json.dumps({**merged, **row, "quotes": row.get("quotes")}, ensure_ascii=False) + "\n")
    return copy


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
    # an article that fails is scored as one with nothing found, as a user would see it
    return [result.to_output() if isinstance(result, Analysis) else {"id": article.id, "quotes": [], "events": []}
            for article, result in zip(articles, analyze_many(articles, options), strict=True)]


def evaluate(gold_path: Path, options: Options = Options(), iou: float = 0.5) -> dict:
    """Score the system on one gold file: the scorer's figures as a dict."""
    return score_rows(gold_path, predict(gold_path, options), iou)


def score_rows(gold_path: Path, rows: list[dict], iou: float = 0.5, half: str | None = None) -> dict:
    """The scorer's figures for predictions already made; on one half of the split if ``half``."""
    scorer = load_scorer()
    gold = scorer.load(str(gold_path))
    if half is not None:
        keep = set(half_ids(gold_path.stem, half) or gold)
        gold = {key: row for key, row in gold.items() if key in keep}
    return scorer.score(gold, {str(row["id"]): row for row in rows}, iou)


def half_ids(gold_name: str, half: str) -> list[str] | None:
    """The article ids of one half of a gold file (None: the file is not split, e.g. seeds)."""
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    return split[half].get(gold_name)


def report(result: dict) -> str:
    return load_scorer().report(result)


def dump(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


# The figures the baseline records and the gate guards: (path in the scorer's result, label).
GATED = (
    (("quotes", "f1"), "quotes F1"),
    (("quotes", "p"), "quotes precision"),
    (("quotes_attributed", "f1"), "quotes_attributed F1"),
    (("speaker_accuracy",), "speaker accuracy"),
    (("speaker_mention_accuracy",), "speaker mention accuracy"),
    (("recall_by_kind", "direct"), "direct recall"),
    (("events", "f1"), "events F1"),
    (("event_org_accuracy",), "event org accuracy"),
    (("event_date_accuracy",), "event date accuracy"),
)
TOLERANCE = 0.01
BASELINE = REPO / "eval" / "baseline.json"


def figures(result: dict) -> dict[str, float]:
    """The gated figures of one scorer result, by label (missing or n/a figures left out)."""
    out: dict[str, float] = {}
    no_quotes = (result.get("quotes") or {}).get("gold") == 0  # an events-only gold file
    for path, label in GATED:
        if no_quotes and path[0] in {"quotes", "quotes_attributed"}:
            continue
        value: object = result
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, (int, float)):
            out[label] = round(float(value), 4)
    return out


def regressions(name: str, result: dict, baseline: dict, tolerance: float = TOLERANCE) -> list[str]:
    """Every gated figure more than ``tolerance`` below the recorded baseline."""
    recorded = baseline.get(name, {})
    now = figures(result)
    return [
        f"{name}: {label} {now.get(label, 0.0):.4f} < baseline {value:.4f} - {tolerance}"
        for label, value in recorded.items()
        if now.get(label, 0.0) < value - tolerance
    ]


def load_baseline(path: Path = BASELINE) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def save_baseline(results: dict[str, dict], path: Path = BASELINE) -> None:
    data = load_baseline(path)
    data.update({name: figures(result) for name, result in results.items()})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
