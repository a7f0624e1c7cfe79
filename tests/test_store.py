from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from newsgraph.options import Options
from newsgraph.service import ingest
from newsgraph.store import open_store

from conftest import ROOT, SEEDS, SHARED

BBC = SHARED / "corpus" / "bbc" / "politics"


@pytest.fixture()
def bad_inputs(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return folder


@pytest.fixture()
def seeded(db_url):
    store = open_store(db_url)
    ingest([str(SEEDS)], store, Options(batch_size=2))
    return store


def test_store_ingest_twice_adds_nothing_and_records_failures_once(db_url, bad_inputs):
    store = open_store(db_url)
    first = ingest([str(SEEDS), str(bad_inputs)], store)
    counts = store.stats()
    second = ingest([str(SEEDS), str(bad_inputs)], store)
    assert (first.added, second.added, second.skipped) == (3, 0, 3)
    assert len(second.failures) == 2
    assert store.stats() == counts
    assert counts["articles"] == 3 and counts["failures"] == 2
    assert {f["code"] for f in store.list_failures()} == {"E101", "E102"}


def test_store_identical_text_under_another_name_is_a_duplicate(tmp_path, db_url):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(next(SEEDS.glob("000_*.txt")).read_bytes())
    store = open_store(db_url)
    ingest([str(SEEDS)], store)
    assert ingest([str(copy)], store).skipped == 1


def test_store_identical_texts_in_one_run_are_counted_as_such(tmp_path):
    """A new store fed two copies of the seeds: three added, three the same text, none "already stored"."""
    store = open_store(str(tmp_path / "twice.db"))
    report = ingest([str(SEEDS), str(SEEDS)], store, Options(batch_size=2))
    assert (report.added, report.skipped, report.same_text) == (3, 0, 3)


@pytest.mark.parametrize("speaker", ["Louise Ellman", "Dame Louise Ellman"])
def test_store_quotes_by_speaker(seeded, speaker):
    rows = seeded.list_quotes(speaker=speaker)
    assert len(rows) >= 12
    assert {r["speaker"] for r in rows} == {"Louise Ellman"}
    assert any(r["text"].startswith("A party that permits anti-Jewish racism") for r in rows)


@pytest.mark.parametrize("name", ["Labour Party", "Labour", "the Labour Party"])
def test_store_timeline_of_an_organisation_in_date_order(seeded, name):
    rows = seeded.get_timeline(name)
    people = {r["person"] for r in rows if r["type"] in {"leave_party", "join_party", "suspend"}}
    assert {"Louise Ellman", "Luciana Berger", "Ivan Lewis", "Ken Livingstone", "Tracy Ann Oberman"} <= people
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated) and len(dated) >= 4
    assert all(r["sources"] for r in rows)
    assert rows.index(next(r for r in rows if r["date"])) == 0  # dated events first


@pytest.mark.parametrize("person,expected", [("Ivan Lewis", ["1990", "1997", "2017-11"])])
def test_store_timeline_of_a_person(seeded, person, expected):
    dates = [r["date"] for r in seeded.get_timeline(person) if r["date"]]
    assert dates[: len(expected)] == expected


@pytest.mark.parametrize("terms,kind", [("antisemitism mainstream", "article"), ("Cable Street", "quote")])
def test_store_full_text_search(seeded, terms, kind):
    hits = seeded.search(terms)
    assert any(h["kind"] == kind for h in hits)
    assert all("[" in h["snippet"] for h in hits)


def test_store_events_filters(seeded):
    rows = seeded.list_events(type_="suspend", person="Mr Lewis")
    assert [r["person"] for r in rows] == ["Ivan Lewis"]
    assert all(r["org"] == "Labour Party" for r in seeded.list_events(org="Labour", type_="leave_party"))


def test_store_cross_article_people_are_merged_and_namesakes_kept_apart(tmp_path, db_url):
    store = open_store(db_url)
    files = sorted(BBC.glob("*.txt"))[:60]
    folder = tmp_path / "bbc"
    folder.mkdir()
    for f in files:
        (folder / f.name).write_bytes(f.read_bytes())
    ingest([str(folder)], store)
    people = {p["name"]: p for p in store.list_people()}
    assert people["Tony Blair"]["articles"] >= 5
    assert "Blair" not in people and "Mr Blair" not in people
    names = [n for n in people if n.split()[-1] == "Brown"]
    assert "Gordon Brown" in names
    # no person gathers two first names or both men's and women's titles
    assert store.identity_audit() == []
    # a role-only reference finds the person the corpus writes that office beside
    assert {q["speaker"] for q in store.list_quotes(speaker="the prime minister", limit=5)} == {"Tony Blair"}


def test_store_keeps_a_titled_namesake_apart(tmp_path, db_url):
    """Article 011 speaks of Michael Howard and of Mrs Howard, his wife: two people, not one."""
    store = open_store(db_url)
    folder = tmp_path / "bbc"
    folder.mkdir()
    for name in ("011.txt", "201.txt", "364.txt"):
        (folder / name).write_bytes((BBC / name).read_bytes())
    ingest([str(folder)], store)
    people = {p["name"]: p for p in store.list_people()}
    assert people["Michael Howard"]["articles"] == 3
    assert "Mrs Howard" in people
    assert store.identity_audit() == []


def test_store_export_writes_every_table(seeded, tmp_path, db_url):
    from click.testing import CliRunner

    from newsgraph.cli import main

    db = db_url
    result = CliRunner().invoke(main, ["export", "--to", str(tmp_path / "out"), "--db", db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    quotes = (tmp_path / "out" / "quotes.csv").read_text(encoding="utf-8").splitlines()
    assert quotes[0].startswith("id,article_id,start,end,text,kind") and len(quotes) > 50


def test_store_cli_queries(seeded, db_url):
    db = db_url
    env = {**os.environ, "NEWSGRAPH_DB": db}
    run = lambda *a: subprocess.run([sys.executable, "-m", "newsgraph.cli", *a], capture_output=True,  # noqa: E731
                                    env=env, cwd=ROOT, timeout=120)
    stats = json.loads(run("stats", "--format", "json").stdout)
    assert set(stats) >= {"articles", "quotes", "events", "entities", "failures"} and stats["articles"] == 3
    rows = [json.loads(line) for line in run("quotes", "--speaker", "Louise Ellman", "--format", "jsonl").stdout.splitlines()]
    assert rows and all(r["speaker"] == "Louise Ellman" for r in rows)
    table = run("timeline", "Labour Party", "--format", "table").stdout.decode()
    assert "Louise Ellman" in table and "rows)" in table


def test_store_interrupted_ingest_finishes_with_the_same_result(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for f in [*sorted(BBC.glob("*.txt"))[:24], *SEEDS.glob("*.txt")]:
        (folder / f.name).write_bytes(f.read_bytes())
    whole, broken = tmp_path / "whole.db", tmp_path / "broken.db"
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(folder), "--batch-size", "4", "--db"]
    subprocess.run([*cmd, str(whole)], check=True, cwd=ROOT, capture_output=True, timeout=600)
    process = subprocess.Popen([*cmd, str(broken)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline and open_store(str(broken)).stats()["articles"] < 4:
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    interrupted = open_store(str(broken)).stats()["articles"]
    assert 4 <= interrupted < 27
    subprocess.run([*cmd, str(broken)], check=True, cwd=ROOT, capture_output=True, timeout=600)
    assert open_store(str(broken)).stats() == open_store(str(whole)).stats()
    # and after a relink of each, every identity is the clean run's
    from test_relink import identities

    resumed, clean = open_store(str(broken)), open_store(str(whole))
    resumed.relink()
    clean.relink()
    assert identities(resumed) == identities(clean)


def test_store_export_graphml_has_people_organisations_and_edges(seeded, tmp_path):
    from xml.etree import ElementTree as ET

    from newsgraph.export import export

    (path,) = export(seeded, tmp_path / "g", "graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    names = {n.find("g:data[@key='name']", ns).text: n.get("id") for n in root.iter(f"{{{ns['g']}}}node")}
    edges = [(e.get("source"), e.get("target"), e.find("g:data[@key='kind']", ns).text)
             for e in root.iter(f"{{{ns['g']}}}edge")]
    kinds = {k for _, _, k in edges}
    assert {"co_mention", "quotes_about", "leave_party"} <= kinds
    assert (names["Louise Ellman"], names["Labour Party"], "leave_party") in edges


def test_store_export_parquet_reads_back(seeded, tmp_path):
    import pyarrow.parquet as pq

    from newsgraph.export import export

    files = {p.name: p for p in export(seeded, tmp_path / "p", "parquet")}
    table = pq.read_table(files["quotes.parquet"])
    assert table.num_rows == seeded.stats()["quotes"]
    assert "speaker" in table.column_names


def test_store_quotes_search_uses_the_full_text_index(seeded):
    rows = seeded.list_quotes(search="Cable Street")
    assert rows and all("Cable Street" in r["text"] for r in rows)


def test_store_people_counts_are_kept_at_ingest(seeded):
    people = {p["name"]: p for p in seeded.list_people()}
    assert people["Louise Ellman"]["quotes"] == len(seeded.list_quotes(speaker="Louise Ellman"))
    assert people["Jeremy Corbyn"]["articles"] == 3


def test_store_migrations_bring_an_old_schema_up_to_date(tmp_path):
    from sqlalchemy import create_engine, text

    from newsgraph.store import migrations

    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:  # a version-2 store, made as version 2 made it
        connection.execute(text("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at DATETIME)"))
        for step in migrations.STEPS[:2]:
            step(connection)
        connection.execute(text("DROP INDEX IF EXISTS ix_entities_articles"))
        connection.execute(text("INSERT INTO schema_version VALUES (1, '2026-01-01'), (2, '2026-01-01')"))
    assert migrations.migrate(engine) == len(migrations.STEPS)
    store = open_store(str(tmp_path / "old.db"))
    ingest([str(SEEDS)], store)
    assert store.list_people()[0]["articles"] >= 1


def test_store_reads_through_named_methods_only(tmp_path):
    from newsgraph.store.reader import QuoteRef, StoreReader

    store = open_store(str(tmp_path / "named.db"))
    assert isinstance(store, StoreReader) and "__getattr__" not in vars(type(store))
    with pytest.raises(AttributeError):
        store.index_for_search  # noqa: B018  a writer's helper that takes a Connection is not a store method
    ref = QuoteRef("bbc/politics:001.txt", 120)
    assert QuoteRef.parse(str(ref)) == ref and str(ref) == "bbc/politics:001.txt:120"


def test_store_search_reads_anti_semitism_as_one_word(db_url):
    """'antisemitism', 'anti-Semitism' and 'anti semitism' find the same articles, and all three
    seeds (each mentions it, one of them only as 'anti-Semitism'/'anti-Semitic')."""
    store = open_store(db_url)
    ingest([str(SEEDS)], store)
    found = {}
    for query in ("antisemitism", "anti-Semitism", "anti semitism"):
        found[query] = {h["article_id"] for h in store.search(query, limit=50) if h["kind"] == "article"}
    assert found["antisemitism"] == found["anti-Semitism"] == found["anti semitism"]
    assert len(found["antisemitism"]) == 3
    # snippets show the words as the articles write them, not as the index joined them
    snippets = " ".join(h["snippet"] for h in store.search("antisemitism", limit=50))
    assert "anti-Semit" in snippets and "antiSemit" not in snippets


def test_store_migration_indexes_old_stores_again(tmp_path):
    from sqlalchemy import text

    from newsgraph.store.migrations import _v7_search_joined_prefixes

    store = open_store(str(tmp_path / "old.db"))
    ingest([str(SEEDS)], store)
    with store.engine.begin() as connection:  # as a store indexed before prefixes were joined
        connection.execute(text("UPDATE search_index SET body = replace(body, 'antiSemit', 'anti-Semit')"))
    assert len({h["article_id"] for h in store.search("antisemitism") if h["kind"] == "article"}) == 2
    with store.engine.begin() as connection:
        _v7_search_joined_prefixes(connection)
    assert len({h["article_id"] for h in store.search("antisemitism") if h["kind"] == "article"}) == 3


@pytest.mark.parametrize("written,found", [
    ("Ken-Livingstone", "Ken Livingstone"),  # punctuation between the words is not part of the search
    ("louise  ellman", "Louise Ellman"),
    ("Louise Elman", "Louise Ellman"),  # nothing holds it: the closest spelling
    ("Lucianna Berger", "Luciana Berger"),
])
def test_store_people_found_by_words_and_closest_spelling(seeded, written, found):
    rows, total = seeded.find_people(written)
    assert total >= 1 and rows[0]["name"] == found
    assert bool(rows[0].get("closest")) == (written in {"Louise Elman", "Lucianna Berger"})


def test_store_people_no_close_name_finds_no_one(seeded):
    assert seeded.find_people("Zebedee Quaglino") == ([], 0)
    assert seeded.find_people("--") == ([], 0)


OUTLET_ROWS = [
    {"id": "o1", "publisher": "northern-gazette", "published": "2020-03-01",
     "text": "Council row\n\nJane Smith said: \"The budget is a disgrace and must be withdrawn.\""},
    {"id": "o2", "publisher": "northern-gazette", "published": "2020-03-02",
     "text": "Council row goes on\n\nTom Brown said: \"We will not withdraw a sound budget.\""},
    {"id": "o3", "publisher": "southern-echo", "published": "2020-03-02",
     "text": "Budget fight\n\nJane Smith told reporters: \"The budget is a disgrace and must be withdrawn.\""},
]


def test_store_outlet_filters_quotes_and_articles(tmp_path, db_url):
    source = tmp_path / "outlets.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in OUTLET_ROWS) + "\n", encoding="utf-8")
    store = open_store(db_url)
    ingest([str(source)], store)
    assert store.list_outlets() == [{"outlet": "northern-gazette", "articles": 2},
                                    {"outlet": "southern-echo", "articles": 1}]
    northern = store.list_quotes(outlet="northern-gazette")
    assert {q["speaker"] for q in northern} == {"Jane Smith", "Tom Brown"}
    assert {q["outlet"] for q in northern} == {"northern-gazette"}
    assert store.count_quotes(outlet="southern-echo") == 1
    rows, total = store.list_articles(outlet="southern-echo")
    assert total == 1 and [r["id"] for r in rows] == ["o3"]
    assert store.list_quotes(outlet="nowhere") == []


def test_store_search_snippet_shows_a_headline_once(tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "row.txt").write_text("Council budget row deepens\n\nThe council budget row deepened on Monday, "
                                    "Jane Smith said.\n", encoding="utf-8")
    store = open_store(str(tmp_path / "one.db"))
    ingest([str(folder)], store)
    (hit,) = [h for h in store.search("deepens", limit=5) if h["kind"] == "article"]
    assert hit["snippet"].count("Council budget row") == 1, hit["snippet"]
