"""The extraction stages, each a plain function over a parsed ``Doc`` and the cleaner's layout.

``extract()`` (the service) and the spaCy components (``components.py``) both run these, in
this order: marks, entities, people (the entities indexed, with their roles), quotes, times,
events.
"""
from __future__ import annotations

import datetime as dt

from ..clean import Layout
from ..model import Entity, Event, Quote, TimeValue, VERBATIM_KINDS
from ..nlp import doc_text
from .people import People
from .people import read_people as _index_people
from .quotemarks import Marked


def read_marks(doc, layout: Layout) -> tuple[list[Marked], list[tuple[int, int]]]:
    """The quoted spans of the body and the paragraphs they were read in."""
    from .quotes import quoted_spans

    return quoted_spans(doc_text(doc), layout)


def find_entities(doc, layout: Layout, marks) -> list[Entity]:
    """People and organisations of the body, with genders read outside quotes."""
    from .entities import extract_entities, infer_genders
    from .quotes import inside_quotes

    marked, _ = marks
    owners = {p.handle.lower(): p.author for p in layout.posts if p.handle and p.author}
    entities = extract_entities(doc, skip=lambda start, end: not layout.is_body(start, end), handle_owners=owners)
    return infer_genders(entities, doc, inside_quotes(marked))


def read_people(doc, entities: list[Entity]) -> People:
    """Who is named where, and the offices written beside the names: read once for both stages."""
    return _index_people(doc, entities)


def find_quotes(doc, layout: Layout, marks, people: People) -> list[Quote]:
    from .quotes import extract_quotes

    marked, paragraphs = marks
    return extract_quotes(doc, layout, people, marked, paragraphs)


def find_times(doc, layout: Layout, published: dt.date | None, day_first: bool) -> list[TimeValue]:
    from .timex import find_times as times_in

    dates = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    return times_in(doc_text(doc), published, day_first=day_first, skip=lambda s, e: not layout.is_body(s, e),
                    candidates=dates)


def find_events(doc, layout: Layout, marks, people: People, quotes: list[Quote],
                times: list[TimeValue], published: dt.date | None) -> list[Event]:
    from .events import extract_events
    from .quotes import inside_quotes

    marked, _ = marks
    return extract_events(doc, people, times, published, inside_quotes(marked),
                          skip=lambda s, e: not layout.is_body(s, e), speaker_at=speakers_of(quotes, people.entities))


def speakers_of(quotes: list[Quote], entities: list[Entity]):
    """offset -> the entity whose quote covers it (None outside quotes or for unnamed sources)."""
    by_name = {e.name: e for e in entities}
    spans = [(q.start, q.end, by_name.get(q.speaker) if q.speaker is not None else None)
             for q in quotes if q.kind in VERBATIM_KINDS]

    def speaker_at(offset: int) -> Entity | None:
        return next((entity for start, end, entity in spans if start <= offset < end), None)

    return speaker_at
