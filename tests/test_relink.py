"""``relink``: cross-article identities that depend on which articles are stored, not on the
order or the concurrency in which they were stored."""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import delete, select

from newsgraph.store import open_store
from newsgraph.store.schema import (aliases, article_entities, entities, events, mentions, quotes, roles,
                                    timeline)

from conftest import SHARED

BBC = SHARED / "corpus" / "bbc" / "politics"
# 50 BBC politics articles in which the order of ingest changes who some people are: "Bush" and
# "George W Bush", "Kennedy" and "Helena Kennedy", the BNP and the British National Party
FILES = slice(150, 200)
BATCH = 4


@pytest.fixture(scope="module")
def analyses():
    from newsgraph.ingest import read_path
    from newsgraph.service import analyze_many

    articles = [a for path in sorted(BBC.glob("*.txt"))[FILES] for a in read_path(path)]
    return list(analyze_many(articles))


@pytest.fixture()
def other_db(db_url, tmp_path, request):
    """A second empty store beside ``db_url``, on the same engine."""
    if not db_url.startswith("postgresql"):
        return str(tmp_path / "other.db")
    import psycopg

    server, name = db_url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}_b"')
        connection.execute(f'CREATE DATABASE "{name}_b"')
    return f"{server}/{name}_b"


def _save_in_order(store, analyses, pause: float = 0.0):
    for start in range(0, len(analyses), BATCH):
        store.save(analyses[start:start + BATCH])
        time.sleep(pause)  # lets another writer in between


def _save_concurrently(db, analyses):
    """Two writers at once, one for each half, each in its own transactions of ``BATCH`` articles."""
    halves = [analyses[: len(analyses) // 2], analyses[len(analyses) // 2:]]
    open_store(db)  # migrated once, before the writers start
    errors = []

    def run(half):
        try:
            _save_in_order(open_store(db), half, pause=0.02)
        except Exception as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(half,)) for half in halves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors


def identities(store) -> dict:
    """Everything cross-article, by names and spans rather than by the order rows were written."""
    with store.engine.connect() as connection:
        rows = {r.id: r for r in connection.execute(select(entities))}
        of = lambda entity_id: (rows[entity_id].label, rows[entity_id].key, rows[entity_id].name) if entity_id else None  # noqa: E731
        names: dict[int, set] = {}
        for r in connection.execute(select(aliases)):
            names.setdefault(r.entity_id, set()).add(r.key)
        offices: dict[int, set] = {}
        for r in connection.execute(select(roles)):
            offices.setdefault(r.entity_id, set()).add((r.role, r.n_articles))
        sources: dict[int, list] = {}
        event_rows = connection.execute(select(events).order_by(events.c.article_id, events.c.id)).all()
        for r in event_rows:
            if r.timeline_id:
                sources.setdefault(r.timeline_id, []).append(r.article_id)
        return {
            "entities": {(*of(i), r.gender, r.n_articles, r.n_mentions, r.n_quotes, tuple(sorted(names.get(i, ()))),
                          tuple(sorted(offices.get(i, ())))) for i, r in rows.items()},
            "mentions": {(r.article_id, r.start, r.end): of(r.entity_id) for r in connection.execute(select(mentions))},
            "local": {(r.article_id, r.local): of(r.entity_id) for r in connection.execute(select(article_entities))},
            "speakers": {(r.article_id, r.start): of(r.speaker_id) for r in connection.execute(select(quotes))},
            "events": [(r.article_id, r.type, of(r.person_id), r.timeline_id is not None) for r in event_rows],
            "timeline": {(r.type, of(r.person_id), r.org, r.place, r.date, r.reason, tuple(sorted(sources[r.id])))
                         for r in connection.execute(select(timeline))},
        }


def ids(store) -> dict:
    """The numbers given to entities and timeline events: relink makes these canonical too."""
    with store.engine.connect() as connection:
        return {"entities": {(r.id, r.label, r.key) for r in connection.execute(select(entities))},
                "timeline": {tuple(r) for r in connection.execute(select(timeline))}}


def test_relink_identities_do_not_depend_on_ingest_order(analyses, db_url, other_db):
    forward, backward = open_store(db_url), open_store(other_db)
    _save_in_order(forward, analyses)
    _save_in_order(backward, analyses[::-1])
    before = identities(forward), identities(backward)
    # the incremental links differ with the order: this is what relink is for, and the check sees it
    assert before[0]["mentions"] != before[1]["mentions"]
    first, second = forward.relink(), backward.relink()
    assert identities(forward) == identities(backward)
    assert ids(forward) == ids(backward)
    assert first["after"] == second["after"] and first["articles"] == second["articles"] == len(analyses)
    assert first["moved"] > 0 or second["moved"] > 0


def test_relink_concurrent_ingest_ends_as_a_sequential_one(analyses, db_url, other_db):
    sequential = open_store(db_url)
    _save_in_order(sequential, analyses)
    _save_concurrently(other_db, analyses)
    concurrent = open_store(other_db)
    stored = lambda store: {k: store.stats()[k] for k in ("articles", "quotes", "events")}  # noqa: E731
    assert stored(concurrent) == stored(sequential)  # people may differ until relink
    sequential.relink()
    concurrent.relink()
    assert identities(concurrent) == identities(sequential)
    assert ids(concurrent) == ids(sequential) and concurrent.stats() == sequential.stats()


def test_relink_twice_changes_nothing(analyses, db_url):
    store = open_store(db_url)
    _save_in_order(store, analyses[::-1])
    store.relink()
    once, numbers, counts = identities(store), ids(store), store.stats()
    summary = store.relink()
    assert identities(store) == once and ids(store) == numbers and store.stats() == counts
    assert summary["moved"] == 0 and summary["before"] == summary["after"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_relink_of_a_store_filled_in_canonical_order_changes_nothing(analyses, db_url):
    from newsgraph.store.relink import canonical_order

    store = open_store(db_url)
    _save_in_order(store, analyses)
    with store.engine.connect() as connection:
        order = canonical_order(connection)
    by_id = {a.article.id: a for a in analyses}
    fresh = open_store(db_url + ".canonical")
    _save_in_order(fresh, [by_id[i] for i in order])
    saved, numbers = identities(fresh), ids(fresh)
    assert fresh.relink()["moved"] == 0
    assert identities(fresh) == saved and ids(fresh) == numbers


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_relink_adopts_articles_stored_before_article_entities(analyses, db_url):
    """A store from before schema 6 has no per-article entities: relink reads them from the mentions."""
    store = open_store(db_url)
    _save_in_order(store, analyses)
    store.relink()
    linked = identities(store)
    with store.engine.begin() as connection:
        connection.execute(delete(article_entities))
    summary = store.relink()
    # the same identities; only a display name may differ ("UKIP" for "UK Independence Party")
    assert summary["moved"] == 0
    assert _by_key(identities(store)) == _by_key(linked)


def _by_key(found: dict) -> dict:
    key = lambda entity: entity and entity[:2]  # noqa: E731
    return {"entities": {(*e[:2], *e[3:]) for e in found["entities"]},
            "mentions": {span: key(e) for span, e in found["mentions"].items()},
            "speakers": {quote: key(e) for quote, e in found["speakers"].items()},
            "timeline": {(t[0], key(t[1]), *t[2:]) for t in found["timeline"]}}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_relink_cli_prints_people_and_organisations_before_and_after(analyses, db_url):
    from click.testing import CliRunner

    from newsgraph.cli import main

    _save_in_order(open_store(db_url), analyses[::-1])
    result = CliRunner().invoke(main, ["relink", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"relinked {len(analyses)} articles")
    assert "people" in result.output and "organisations" in result.output


def test_relink_after_two_ingest_processes_at_once_matches_a_clean_run(tmp_path):
    """Two `newsgraph ingest` processes on one folder into one store at the same moment (each
    skips what the other stored), then `relink`: the same store as one clean run and a relink."""
    import subprocess
    import sys

    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(BBC.glob("*.txt"))[150:174]:
        (folder / path.name).write_bytes(path.read_bytes())
    clean_db, shared_db = str(tmp_path / "clean.db"), str(tmp_path / "shared.db")
    cmd = [sys.executable, "-m", "newsgraph.cli"]
    subprocess.run([*cmd, "ingest", str(folder), "--db", clean_db, "--batch-size", "4"], check=True,
                   capture_output=True, timeout=600)
    open_store(shared_db)  # a fresh store: created once, then both writers
    both = [subprocess.Popen([*cmd, "ingest", str(folder), "--db", shared_db, "--batch-size", "4"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    for process in both:
        assert process.wait(timeout=600) == 0, process.stderr.read()
    shared, clean = open_store(shared_db), open_store(clean_db)
    stored = lambda store: {k: store.stats()[k] for k in ("articles", "quotes", "events")}  # noqa: E731
    assert stored(shared) == stored(clean)  # no article stored twice
    for db in (shared_db, clean_db):
        subprocess.run([*cmd, "relink", "--db", db], check=True, capture_output=True, timeout=600)
    assert identities(shared) == identities(clean)
    assert ids(shared) == ids(clean)
