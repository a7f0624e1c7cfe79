"""Event frames, read from ``data/events.toml``: which words open which event, and where the
person and the party, body or post stand around them."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..data import load
from ..model import EventType

PERSON_SLOTS = {"subject", "object", "doer"}


@dataclass(frozen=True, slots=True)
class Frame:
    """One trigger's frame (see the head of data/events.toml for what each field means)."""

    lemma: str
    type: str
    person: str = "subject"
    org: tuple[str, ...] = ()
    particle: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    complements: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    needs_prep: frozenset[str] = frozenset()
    passive: bool = False
    needs_org: bool = False
    intransitive: bool = False
    needs_politics: bool = False
    handler: str | None = None
    implied_org: str | None = None
    reason_counts: bool = False
    not_after: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Frame, ...]]
    nouns: dict[str, Frame]
    planned: frozenset[str]
    addressed: frozenset[str]
    considered: frozenset[str]
    threatened: frozenset[str]
    negators: frozenset[str]
    modals: frozenset[str]
    claimed: frozenset[str]
    claimed_nouns: frozenset[str]
    reason_preps: frozenset[str]
    present_perfect_aux: frozenset[str]
    elected_roles: dict[str, str]
    body_nouns: frozenset[str]
    office_words: frozenset[str]
    person_nouns: frozenset[str]
    group_words: frozenset[str]
    kind_of_body: frozenset[str]
    named_kinds: frozenset[str]
    investigators: frozenset[str]


def _frame(lemma: str, entry: dict) -> Frame:
    if entry["type"] not in {*EventType, "by_object"}:
        raise ValueError(f"events.toml: {lemma}: type must be one of {sorted(EventType)} or by_object")
    if entry.get("person", "subject") not in PERSON_SLOTS:
        raise ValueError(f"events.toml: {lemma}: person must be one of {sorted(PERSON_SLOTS)}")
    kind = entry["type"] if entry["type"] == "by_object" else EventType(entry["type"])  # one vocabulary
    return Frame(lemma=lemma, type=kind, person=entry.get("person", "subject"),
                 org=tuple(entry.get("org", ())), particle=frozenset(entry.get("particle", ())),
                 objects=frozenset(entry.get("objects", ())), complements=frozenset(entry.get("complements", ())),
                 org_heads=frozenset(entry.get("org_heads", ())), needs_prep=frozenset(entry.get("needs_prep", ())),
                 passive=bool(entry.get("passive", False)),
                 needs_org=bool(entry.get("needs_org", False)), intransitive=bool(entry.get("intransitive", False)),
                 needs_politics=bool(entry.get("needs_politics", False)),
                 handler=entry.get("handler"), implied_org=entry.get("implied_org"),
                 reason_counts=bool(entry.get("reason_counts", False)),
                 not_after=frozenset(entry.get("not_after", ())))


@functools.cache
def lexicon() -> Lexicon:
    """The frames and word lists, built once."""
    data = load("events")
    status, arguments = data["status"], data["arguments"]
    return Lexicon(
        # a verb may open several frames ([[verbs.launch]] twice): tried in order, first filled wins
        verbs={lemma: tuple(_frame(lemma, one) for one in (entry if isinstance(entry, list) else [entry]))
               for lemma, entry in data["verbs"].items()},
        nouns={lemma: _frame(lemma, entry) for lemma, entry in data["nouns"].items()},
        planned=frozenset(status["planned"]), addressed=frozenset(status["addressed"]),
        considered=frozenset(status["considered"]),
        threatened=frozenset(status["threatened"]), negators=frozenset(status["negators"]),
        modals=frozenset(status["modals"]), claimed=frozenset(status["claimed"]),
        claimed_nouns=frozenset(status["claimed_nouns"]),
        reason_preps=frozenset(arguments["reason_preps"]),
        present_perfect_aux=frozenset(arguments["present_perfect_aux"]),
        elected_roles=dict(arguments["elected_roles"]), body_nouns=frozenset(arguments["body_nouns"]),
        office_words=frozenset(arguments["office_words"]), person_nouns=frozenset(arguments["person_nouns"]),
        group_words=frozenset(arguments["group_words"]),
        kind_of_body=frozenset(arguments["kind_of_body"]), named_kinds=frozenset(arguments["named_kinds"]),
        investigators=frozenset(arguments["investigators"]),
    )
