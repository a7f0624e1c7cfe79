from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.model import Article
from newsgraph.service import analyze

from conftest import gold_rows


def _events(gold_id):
    row = next(r for r in gold_rows("seeds.jsonl") if r["id"] == gold_id)
    article = Article(id=row["id"], text=row["text"], published=dt.date.fromisoformat(row["published"]))
    return analyze(article).events


def _find(events, type_, person, status="asserted"):
    return [e for e in events if e.type == type_ and e.person == person and e.status == status]


@pytest.mark.parametrize("gold_id,type_,person,org,date", [
    ("seed-000", "leave_party", "Louise Ellman", "Labour Party", "2019-10-16"),
    ("seed-000", "join_party", "Louise Ellman", "Labour Party", "1964"),
    ("seed-000", "leave_party", "Luciana Berger", "Labour Party", "2019-02"),
    ("seed-000", "candidacy", "Luciana Berger", "Liberal Democrats", None),
    ("seed-001", "suspend", "Ivan Lewis", "Labour Party", "2017-11"),
    ("seed-001", "leave_party", "Ivan Lewis", "Labour Party", "2018-12-19"),
    ("seed-001", "elect", "Ivan Lewis", "Bury Council", "1990"),
    ("seed-001", "elect", "Ivan Lewis", "Parliament", "1997"),
    ("seed-002", "suspend", "Ken Livingstone", "Labour Party", None),
])
def test_events_seed_timeline(gold_id, type_, person, org, date):
    events = _events(gold_id)
    matches = [e for e in _find(events, type_, person) if e.org == org]
    assert matches, [e for e in events if e.person == person]
    assert matches[0].date == date
    assert matches[0].evidence


@pytest.mark.parametrize("gold_id,type_,person", [("seed-001", "leave_party", "Ivan Lewis")])
def test_events_mentions_of_one_event_are_merged(gold_id, type_, person):
    (event,) = _find(_events(gold_id), type_, person)
    assert len(event.evidence) >= 2


@pytest.mark.parametrize("text,status", [
    ("Jo Bloggs said she could not join another party.", "negated"),
    ("Jo Bloggs hoped to join the Labour Party.", "planned"),
    ("Jo Bloggs is considering leaving the Labour Party.", "considered"),
    ("Jo Bloggs quit the Labour Party.", "asserted"),
    ("Activists targeted Jo Bloggs with the threat of no confidence motions.", "threatened"),
])
def test_events_status(text, status):
    events = analyze(Article(id="t", text=text, published=dt.date(2020, 1, 1))).events
    assert [e.status for e in events] == [status]
    assert events[0].person == "Jo Bloggs"


@pytest.mark.parametrize("text,date", [
    ("Jo Bloggs has quit the Labour Party.", "2020-01-15"),
    ("Jo Bloggs quit the Labour Party in March.", "2019-03"),
    ("Jo Bloggs quit the Labour Party.", None),
])
def test_events_dates(text, date):
    (event,) = analyze(Article(id="t", text=text, published=dt.date(2020, 1, 15))).events
    assert event.date == date


@pytest.mark.parametrize("gold_id,type_,status", [("seed-002", "leave_party", "considered"),
                                                  ("seed-000", "no_confidence", "threatened")])
def test_events_non_asserted_events_are_kept_and_labelled(gold_id, type_, status):
    events = [e for e in _events(gold_id) if e.type == type_ and e.status == status]
    assert events
    assert all(e.evidence for e in events)
