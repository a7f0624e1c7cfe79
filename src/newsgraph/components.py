"""newsgraph's extraction as spaCy pipeline components.

``nlp.add_pipe("newsgraph_quotes")`` works in any English pipeline with a parser and an
entity recogniser (the factory is registered through the ``spacy_factories`` entry point,
so newsgraph need not be imported first). The component cleans the text (headlines,
captions, posts), finds entities and quotes, and sets ``doc._.quotes`` (``Quote`` records)
and ``doc._.newsgraph_entities`` (``Entity`` records), with character offsets into the doc.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .clean import clean
from .extract import extract
from .model import Article

for _name in ("quotes", "newsgraph_entities"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class QuoteComponent:
    """Finds quotes and their speakers in a parsed ``Doc``."""

    def __init__(self, nlp: Language, name: str, *, day_first: bool):
        self.name = name
        self.day_first = day_first

    def __call__(self, doc: Doc) -> Doc:
        layout = clean(Article(id="doc", text=doc.text), day_first=self.day_first)
        found = extract(doc, layout, layout.published, self.day_first)
        doc._.newsgraph_entities, doc._.quotes = found.entities, found.quotes
        return doc


@Language.factory("newsgraph_quotes", default_config={"day_first": True},
                  requires=["token.dep", "doc.ents"], assigns=["doc._.quotes", "doc._.newsgraph_entities"])
def make_quotes(nlp: Language, name: str, day_first: bool) -> QuoteComponent:
    return QuoteComponent(nlp, name, day_first=day_first)
