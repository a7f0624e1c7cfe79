"""Extraction stages: each a plain function from a parsed document to model records."""
from __future__ import annotations

from ..nlp import doc_text
from ..clean import Layout
from ..model import Entity, Quote


def extract(doc, layout: Layout) -> tuple[list[Entity], list[Quote]]:
    """Entities and quotes of one parsed article whose layout the cleaner found."""
    from .entities import extract_entities, infer_genders
    from .quotes import extract_quotes, inside_quotes, quoted_spans

    marked, paragraphs = quoted_spans(doc_text(doc), layout)
    owners = {p.handle.lower(): p.author for p in layout.posts if p.handle and p.author}
    entities = extract_entities(doc, skip=lambda start, end: not layout.is_body(start, end), handle_owners=owners)
    entities = infer_genders(entities, doc, inside_quotes(marked))
    return entities, extract_quotes(doc, layout, entities, marked, paragraphs)
