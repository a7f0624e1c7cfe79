"""The article's people and organisations, read once: who is named at each offset, and the
offices written beside their names. The quote and event stages each walk the text with their own
``Resolver`` (salience is a walk's state) over this one shared, unchanging reading."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..model import Entity, Mention
from .roles import Roles, person_roles, read_roles


@dataclass(frozen=True, slots=True)
class People:
    """Entities of one parsed article, indexed by character offset, with their written roles."""

    doc: Doc
    entities: list[Entity]
    by_offset: dict[int, tuple[Mention, Entity]]
    roles: Roles

    def entity_at(self, token) -> tuple[Mention, Entity] | None:
        """The mention and entity named at a token's first character, if any."""
        return self.by_offset.get(token.idx)

    def with_roles(self) -> list[Entity]:
        """The entities as stored: each person with the offices the article writes beside the name."""
        return person_roles(self.entities, self.roles)


def read_people(doc, entities: list[Entity]) -> People:
    by_offset: dict[int, tuple[Mention, Entity]] = {}
    for entity in entities:
        for mention in entity.mentions:
            for offset in range(mention.start, mention.end):
                by_offset[offset] = (mention, entity)
    return People(doc, entities, by_offset, read_roles(doc, lambda token: by_offset.get(token.idx)))
