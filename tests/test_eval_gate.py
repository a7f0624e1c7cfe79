"""The evaluation gate: scores on the gold sets must not drop below eval/baseline.json."""
from __future__ import annotations

import pytest

from newsgraph import evaluate as ev

from conftest import GOLD

SHARED_SETS = ("seeds", "bbc-dev", "bbc-dev-events", "polnear-dev")
PROJECT_SETS = tuple(name.removesuffix(".jsonl") for name in ev.PROJECT_GOLD)
GATED_SETS = SHARED_SETS + PROJECT_SETS


@pytest.fixture(scope="session")
def results(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("gold")
    paths = [GOLD / f"{name}.jsonl" for name in SHARED_SETS] + [
        ev.readable(ev.PROJECT_GOLD_DIR / f"{name}.jsonl", workdir) for name in PROJECT_SETS]
    return {path.stem: ev.evaluate(path) for path in paths}


def test_eval_gate_project_gold_holds_offsets_not_texts():
    """The project's gold files name the shared texts they annotate; they never copy them."""
    import json

    for name in ev.PROJECT_GOLD:
        for line in (ev.PROJECT_GOLD_DIR / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert "text" not in row and (row.get("text_from") or row.get("file"))


@pytest.mark.parametrize("name", GATED_SETS)
def test_eval_gate_no_figure_drops_below_baseline(name, results):
    baseline = ev.load_baseline()
    assert name in baseline, "eval/baseline.json has no figures for this gold set"
    assert ev.regressions(name, results[name], baseline) == []


@pytest.mark.parametrize("name", GATED_SETS)
def test_eval_gate_every_article_is_predicted(name, results):
    assert results[name]["articles_missing_from_predictions"] == []


@pytest.mark.parametrize("result,baseline,expected", [
    ({"quotes": {"f1": 0.80, "p": 0.9}}, {"x": {"quotes F1": 0.85}}, 1),
    ({"quotes": {"f1": 0.845, "p": 0.9}}, {"x": {"quotes F1": 0.85}}, 0),
])
def test_eval_gate_regressions_detects_a_drop(result, baseline, expected):
    assert len(ev.regressions("x", result, baseline)) == expected
