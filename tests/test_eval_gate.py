"""The evaluation gate: scores on the gold sets must not drop below eval/baseline.json."""
from __future__ import annotations

import pytest

from newsgraph import evaluate as ev

from conftest import GOLD

GATED_SETS = ("seeds", "bbc-dev", "bbc-dev-events", "polnear-dev")


@pytest.fixture(scope="session")
def results():
    return {name: ev.evaluate(GOLD / f"{name}.jsonl") for name in GATED_SETS}


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
