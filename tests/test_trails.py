"""Quote trails: which quotes are one utterance across articles, and what changed between reports."""
from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import select

from newsgraph import trail, trail_eval
from newsgraph.cli import main
from newsgraph.evaluate import shared_dir
from newsgraph.model import Article
from newsgraph.service import ingest, ingest_articles
from newsgraph.store import open_store
from newsgraph.store.schema import trail_members
from newsgraph.trail import TrailQuote

FULL = "We have to bring back law and order to our inner cities, and we will do it fast."


def _groups(members) -> set[frozenset[int]]:
    by_trail: dict[int, set[int]] = {}
    for m in members:
        if m.relation != "paraphrase":
            by_trail.setdefault(m.trail_id, set()).add(m.quote_id)
    return {frozenset(g) for g in by_trail.values()}


def test_trails_identical_contained_and_aligned_reports_are_one_utterance():
    quotes = [TrailQuote(1, FULL, "direct", 7, "Jane Smith"),
              TrailQuote(2, "“We have to bring back law and order to our inner cities”", "direct", None, None),
              TrailQuote(3, "We have to bring law and order back to our inner cities, and we will do it fast.",
                         "direct", 7, "Jane Smith"),
              TrailQuote(4, "The weather in Leeds was dreadful all of last week, said the forecaster.", "direct")]
    assert _groups(trail.cluster(quotes)) == {frozenset({1, 2, 3})}


def test_trails_a_short_phrase_joins_only_the_same_speaker():
    said = TrailQuote(1, "Not paying taxes, that makes me smart.", "direct", 7, "Donald Trump")
    assert _groups(trail.cluster([said, TrailQuote(2, "makes me smart", "mixed", 7, "Donald J. Trump")])) == {
        frozenset({1, 2})}
    assert _groups(trail.cluster([said, TrailQuote(2, "makes me smart", "mixed", 9, "Jane Smith")])) == set()


def test_trails_clusters_do_not_depend_on_input_order():
    quotes = [TrailQuote(i, text, "direct", i % 3, None) for i, text in enumerate(
        [FULL, FULL[:60], FULL.replace("fast", "soon"), "Nothing in common with the rest of these words at all."] * 3)]
    shuffled = quotes[:]
    random.Random(4).shuffle(shuffled)
    assert trail.cluster(quotes) == trail.cluster(shuffled)


def test_trails_an_indirect_report_of_the_same_speaker_is_a_paraphrase():
    quotes = [TrailQuote(1, FULL, "direct", 7, "Jane Smith"), TrailQuote(2, FULL, "direct", 7, "Jane Smith"),
              TrailQuote(3, "she would bring law and order back to inner cities fast", "indirect", 7, "Jane Smith")]
    linked = {m.quote_id: m.relation for m in trail.cluster(quotes)}
    assert linked == {1: "same", 2: "same", 3: "paraphrase"}


@pytest.mark.parametrize("text,flags", [
    ("We have to bring back law and order to our inner cities", ("truncated",)),
    ("We do not have to bring back law and order to our inner cities, and we will do it fast.",
     ("negation_changed", "words_changed")),
    ("We have to bring back law and order to our 12 inner cities, and we will do it fast.",
     ("numbers_changed", "words_changed")),
    (FULL, ()),
])
def test_trails_variant_flags(text, flags):
    assert trail.variant(FULL, text, 1).flags == flags


# -- in the store: PolNeAR's seven outlets ------------------------------------------------------

POLNEAR = shared_dir() / "gold" / "polnear-dev.jsonl"


@pytest.fixture(scope="module")
def polnear_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("trails") / "polnear.db"
    store = open_store(str(path))
    ingest([str(POLNEAR)], store)
    return store, str(path)


def _stored_groups(store) -> set[frozenset[int]]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(trail_members)).all()
    return _groups(trail.Membership(r.quote_id, r.trail_id, r.relation) for r in rows)


def test_trails_built_at_ingest_equal_a_rebuild(polnear_store):
    store, _ = polnear_store
    at_ingest = _stored_groups(store)
    assert at_ingest  # the same words of the candidates appear in several outlets
    store.relink()
    assert _stored_groups(store) == at_ingest


def test_trails_added_one_article_at_a_time_equal_a_rebuild(tmp_path):
    rows = [json.loads(line) for line in POLNEAR.read_text(encoding="utf-8").splitlines()[:40]]
    store = open_store(str(tmp_path / "one-by-one.db"))
    for row in rows:
        ingest_articles([Article(id=row["id"], text=row["text"], published=dt.date.fromisoformat(row["published"]),
                                 outlet=row["publisher"])], store)
    one_by_one = _stored_groups(store)
    store.relink()
    assert one_by_one == _stored_groups(store)


def test_trails_outlets_are_stored_and_shown(polnear_store):
    store, _ = polnear_store
    found = store.list_trails()
    assert found and all(len(t["outlets"]) >= 1 for t in found)
    assert {o for t in found for o in t["outlets"]} <= {"breitbart", "huff-post", "nyt", "politico", "usa-today",
                                                        "wash-post", "west-journal"}


def test_trails_score_on_the_blind_pair_gold(polnear_store):
    """The evaluation gate of the trails: pairs labelled by a helper who never saw our output."""
    store, _ = polnear_store
    with store.engine.connect() as connection:
        result = trail_eval.score(connection, trail_eval.load_pairs())
    assert result["p"] >= 0.95 and result["r"] >= 0.85, result


def test_trails_cli_api_and_pages(polnear_store):
    from newsgraph.web import create_app

    store, path = polnear_store
    runner = CliRunner()
    shown = runner.invoke(main, ["trail", "the unfairness of the tax laws", "--db", path, "--format", "jsonl"])
    assert shown.exit_code == 0, shown.output
    reports = [json.loads(line) for line in shown.output.splitlines()]
    assert len({r["article_id"] for r in reports}) >= 2 and {r["outlet"] for r in reports} >= {"politico"}
    listed = runner.invoke(main, ["variants", "--flag", "truncated", "--db", path, "--format", "jsonl"])
    assert listed.exit_code == 0 and all("truncated" in json.loads(line)["flags"] for line in listed.output.splitlines())
    assert runner.invoke(main, ["trail", "no such words were ever said by anyone", "--db", path]).exit_code == 1

    client = TestClient(create_app(db=path))
    first = store.list_trails(limit=1)[0]
    api = client.get(f"/api/quotes/{first['fullest']['quote_id']}/trail").json()
    assert api["id"] == first["id"] and [a["published"] for a in api["appearances"]] == sorted(
        a["published"] for a in api["appearances"])
    assert client.get("/api/trails", params={"flag": "truncated"}).json()["total"] >= 1
    assert client.get("/api/trails", params={"flag": "nonsense"}).status_code == 422
    page = client.get(f"/trails/{first['id']}").text
    assert page.count('class="appearance') == len(api["appearances"])
    article = client.get(f"/articles/{first['first']['article_id']}").text
    assert f'href="/trails/{first["id"]}"' in article


def test_trails_a_phrase_in_two_mouths_is_not_one_utterance():
    """A short passage that reports give to different speakers is a phrase going round; the same
    passage given to one speaker, or a whole quote given to two, is one utterance."""
    phrase = trail.words("temperamentally unfit to be commander-in-chief")
    longer = trail.words("He is temperamentally unfit to be commander-in-chief, and he knows it")
    clinton = trail.TrailQuote(1, "He is temperamentally unfit ...", "direct", 1, "Hillary Clinton")
    veteran = trail.TrailQuote(2, "temperamentally unfit ...", "direct", 2, "Jane Smith")
    assert not trail.one_utterance(phrase, longer, [veteran], [clinton])
    assert trail.one_utterance(phrase, longer, [veteran], [veteran])


def test_trails_left_to_relink_by_a_bulk_load(tmp_path):
    """`ingest --no-trails` stores no trail; `relink` then builds the same ones ingest would have."""
    from test_store import OUTLET_ROWS

    source = tmp_path / "outlets.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in OUTLET_ROWS) + "\n", encoding="utf-8")
    runner = CliRunner()
    bulk, usual = str(tmp_path / "bulk.db"), str(tmp_path / "usual.db")
    assert runner.invoke(main, ["ingest", str(source), "--db", bulk, "--no-trails"]).exit_code == 0
    assert runner.invoke(main, ["ingest", str(source), "--db", usual]).exit_code == 0
    assert open_store(bulk).list_trails() == []
    open_store(bulk).relink()
    assert _stored_groups(open_store(bulk)) == _stored_groups(open_store(usual)) != set()
