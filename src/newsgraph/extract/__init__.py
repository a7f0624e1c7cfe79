"""Extraction stages: each a plain function from a parsed document to model records."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..nlp import doc_text
from ..clean import Layout
from ..model import Entity, Event, Quote, TimeValue


@dataclass(frozen=True, slots=True)
class Extraction:
    entities: list[Entity]
    quotes: list[Quote]
    events: list[Event]
    times: list[TimeValue]


def extract(doc, layout: Layout, published: dt.date | None = None, day_first: bool = True) -> Extraction:
    """Entities, quotes, events and time expressions of one parsed article."""
    from .entities import extract_entities, infer_genders
    from .events import extract_events
    from .quotes import extract_quotes, inside_quotes, quoted_spans
    from .roles import with_roles
    from .timex import find_times

    marked, paragraphs = quoted_spans(doc_text(doc), layout)
    owners = {p.handle.lower(): p.author for p in layout.posts if p.handle and p.author}
    entities = extract_entities(doc, skip=lambda start, end: not layout.is_body(start, end), handle_owners=owners)
    entities = infer_genders(entities, doc, inside_quotes(marked))
    quotes = extract_quotes(doc, layout, entities, marked, paragraphs)
    body = lambda start, end: not layout.is_body(start, end)  # noqa: E731
    dates = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    times = find_times(doc_text(doc), published, day_first=day_first, skip=body, candidates=dates)
    events = extract_events(doc, entities, times, published, inside_quotes(marked), skip=body,
                            speaker_at=_speakers(quotes, entities))
    return Extraction(with_roles(doc, entities), quotes, events, times)


def _speakers(quotes: list[Quote], entities: list[Entity]):
    """offset -> the entity whose quote covers it (None outside quotes or for unnamed sources)."""
    by_name = {e.name: e for e in entities}
    spans = [(q.start, q.end, by_name.get(q.speaker)) for q in quotes if q.kind in {"direct", "mixed", "post"}]

    def speaker_at(offset: int) -> Entity | None:
        return next((entity for start, end, entity in spans if start <= offset < end), None)

    return speaker_at
