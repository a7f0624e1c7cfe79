"""Extraction stages: each a plain function from a parsed document to model records."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..clean import Layout
from ..model import Entity, Event, Quote, TimeValue


@dataclass(frozen=True, slots=True)
class Extraction:
    entities: list[Entity]
    quotes: list[Quote]
    events: list[Event]
    times: list[TimeValue]


def extract(doc, layout: Layout, published: dt.date | None = None, day_first: bool = True) -> Extraction:
    """Entities, quotes, events and time expressions of one parsed article: the stages of
    ``stages.py`` in order (the spaCy components run the same functions)."""
    from . import stages

    marks = stages.read_marks(doc, layout)
    people = stages.read_people(doc, stages.find_entities(doc, layout, marks))
    quotes = stages.find_quotes(doc, layout, marks, people)
    times = stages.find_times(doc, layout, published, day_first)
    events = stages.find_events(doc, layout, marks, people, quotes, times, published)
    return Extraction(people.with_roles(), quotes, events, times)
