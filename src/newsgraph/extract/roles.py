"""Roles written next to a name: 'Prime Minister Tony Blair', 'Jennifer Gerber, director of LFI'.

The speaker and event stages resolve "the prime minister said" through them; the store keeps
them per person, so that a user can ask for "the prime minister" across articles.
"""
from __future__ import annotations

from ..data import words as word_list
from ..model import Entity
from .syntax import MODIFIER_DEPS, NOUN_POS

ADDRESS_TITLES = word_list("roles", "address_titles")
# Offices a role phrase must end in to be kept on the person: appositions also hold
# relations ("his wife"), descriptions ("software engineer") and parser slips ("Monday").
OFFICE_WORDS = word_list("roles", "office_words")


# role lemma -> (offset, person, role phrase as written) for each role word beside a person's name
Roles = dict[str, list[tuple[int, Entity, str]]]


def read_roles(doc, entity_at) -> Roles:
    """role lemma -> (offset, person, role phrase) for each role word beside a person's name."""
    roles: Roles = {}
    for token in doc:
        if token.pos_ not in NOUN_POS or token.is_title and entity_at(token):
            continue
        nxt = token.nbor(1) if token.i + 1 < len(doc) else None
        while nxt is not None and nxt.lower_ in ADDRESS_TITLES:
            nxt = nxt.nbor(1) if nxt.i + 1 < len(doc) else None
        hit = entity_at(nxt) if nxt is not None else None
        # "Jennifer Gerber, director of LFI": an appositive role after the name
        after = entity_at(token.head) if token.dep_ == "appos" else None
        people = [h[1] for h in (hit, after) if h and h[1].label == "PERSON"]
        phrase = _phrase(token, entity_at) if people else ""
        if not phrase.strip():
            continue  # no one beside it, or no words of its own left (all of it part of a name)
        for person in people:
            roles.setdefault(token.lemma_.lower(), []).append((token.idx, person, phrase))
    return roles


def _phrase(token, entity_at) -> str:
    """'Prime Minister', 'shadow home secretary': the role as written, without the name."""
    words = [token]
    left = token.i - 1
    while left >= 0:
        prev = token.doc[left]
        # "Interim DNC Chairwoman Jane Smith": the parser hangs every word of a title on the name
        sibling = token.dep_ == "compound" and prev.head.i == token.head.i
        if prev.dep_ not in MODIFIER_DEPS or not (prev.head.i in {w.i for w in words} or sibling) or (
                prev.is_title and entity_at(prev) and entity_at(prev)[1].label == "PERSON"):
            break
        words.insert(0, prev)
        left -= 1
    return " ".join(w.text for w in words if not w.is_punct)


def _offices(roles: Roles):
    """(offset, person, phrase) for each role phrase that ends in an office word."""
    return ((offset, entity, phrase) for entries in roles.values() for offset, entity, phrase in entries
            if phrase and phrase.split()[-1].lower().rstrip(".") in OFFICE_WORDS)  # "Sen."


def holds_office(person: Entity, roles: Roles) -> bool:
    """Does the article write an office beside this person's name ("President Reagan")?"""
    return any(entity is person for _, entity, _ in _offices(roles))


def person_roles(entities: list[Entity], roles: Roles) -> list[Entity]:
    """Each person with the offices written beside their name, in order of first use."""
    found: dict[int, list[tuple[int, str]]] = {}
    for offset, entity, phrase in _offices(roles):
        found.setdefault(entity.id, []).append((offset, phrase))
    out = []
    for entity in entities:
        # one role however it is written; its form as a title ("Prime Minister Tony Blair") first
        written: dict[str, str] = {}
        for _, phrase in sorted(found.get(entity.id, ())):
            key = phrase.casefold()
            if key not in written or (phrase[:1].isupper() and not written[key][:1].isupper()):
                written[key] = phrase
        phrases = tuple(written.values())
        out.append(entity if not phrases else Entity(entity.id, entity.name, entity.label, entity.aliases,
                                                      entity.mentions, entity.gender, phrases))
    return out
