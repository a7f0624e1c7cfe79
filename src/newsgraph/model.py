"""The data newsgraph reads and produces.

Every extracted thing carries character offsets (``start``, ``end``; Python string
indices, end exclusive) into ``Article.text``, so each fact points back to its evidence.
All classes are frozen, slotted dataclasses with ``to_dict()``/``from_dict()`` that
round-trip through JSON.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T", bound="Record")


# -- the vocabulary of the domain: one list of each, read by the CLI's choices, the API's schema,
# the store and the pages. Members are strings, so records and JSON keep plain values.

class EventType(enum.StrEnum):
    """What happened to a person (GUIDELINES.md, Events)."""

    LEAVE_PARTY = "leave_party"
    JOIN_PARTY = "join_party"
    SUSPEND = "suspend"
    EXPEL = "expel"
    REINSTATE = "reinstate"
    RESIGN_OFFICE = "resign_office"
    APPOINT = "appoint"
    ELECT = "elect"
    CANDIDACY = "candidacy"
    NO_CONFIDENCE = "no_confidence"
    INVESTIGATE = "investigate"

    @property
    def label(self) -> str:
        """How a reader says it: 'left the party', 'appointed'."""
        return EVENT_LABELS[self]

    @classmethod
    def label_of(cls, code: str) -> str:
        """The reader's words for a stored type code; an unknown code as it is."""
        return EVENT_LABELS[cls(code)] if code in cls._value2member_map_ else code


EVENT_LABELS = {
    EventType.LEAVE_PARTY: "left the party", EventType.JOIN_PARTY: "joined the party",
    EventType.SUSPEND: "suspended", EventType.EXPEL: "expelled", EventType.REINSTATE: "reinstated",
    EventType.RESIGN_OFFICE: "resigned", EventType.APPOINT: "appointed", EventType.ELECT: "elected",
    EventType.CANDIDACY: "candidate", EventType.NO_CONFIDENCE: "no-confidence motion",
    EventType.INVESTIGATE: "investigated",
}
# the events that change a person's standing in a party: an organisation page's timeline
MEMBERSHIP_TYPES = (EventType.JOIN_PARTY, EventType.LEAVE_PARTY, EventType.SUSPEND, EventType.EXPEL,
                    EventType.REINSTATE)


class EventStatus(enum.StrEnum):
    """Whether the article asserts the event, and if not, how it speaks of it."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    PLANNED = "planned"
    THREATENED = "threatened"
    CONSIDERED = "considered"
    CLAIMED = "claimed"


class QuoteKind(enum.StrEnum):
    """GUIDELINES.md, Quotes."""

    DIRECT = "direct"
    MIXED = "mixed"
    INDIRECT = "indirect"
    POST = "post"


class TrailFlag(enum.StrEnum):
    """What changed between the reports of one quote (``trail.py``)."""

    TRUNCATED = "truncated"  # a report gives only part of the fullest form
    WORDS_CHANGED = "words_changed"  # words replaced, added or cut inside
    NEGATION_CHANGED = "negation_changed"  # a "not", "never", "no" added or dropped
    NUMBERS_CHANGED = "numbers_changed"
    CONFLICTING_ATTRIBUTION = "conflicting_attribution"  # reports name different speakers


class EntityLabel(enum.StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    HANDLE = "HANDLE"  # a social handle no signature names


class Record:
    """Mixin: JSON-ready ``to_dict`` and its inverse ``from_dict`` for the dataclasses below."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: plain_row(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _typed(hints[f.name], data[f.name])
        return cls(**kwargs)


def plain_row(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [plain_row(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _typed(hint: Any, value: Any) -> Any:
    """Rebuild a value of type ``hint`` from its plain JSON form."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _typed(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        (item, *_rest) = typing.get_args(hint)
        return tuple(_typed(item, v) for v in value)
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    if hint is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One news article as read from its source, before any analysis.

    ``id`` is the id the input gave (a JSONL ``id``) or else a stable hash of the text;
    ``input_id`` is how the user names it: the JSONL id, or the file path of a raw file.
    """

    id: str
    text: str
    source: str | None = None
    input_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None  # the publisher, as the input names it or its URL's domain


@dataclass(frozen=True, slots=True)
class Region(Record):
    """A stretch of the text that is not article body (headline, caption, dateline...)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Post(Record):
    """An embedded social-media post: ``start``/``end`` cover the post's own text only."""

    start: int
    end: int
    text: str
    author: str | None = None
    handle: str | None = None
    date: dt.date | None = None
    block_start: int | None = None
    block_end: int | None = None


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """A stretch of text that refers to a person, organisation or place."""

    start: int
    end: int
    text: str
    label: str
    entity: int | None = None


@dataclass(frozen=True, slots=True)
class Entity(Record):
    """Everything one article says about one referent, under its canonical name."""

    id: int
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    gender: str | None = None
    roles: tuple[str, ...] = ()  # offices written beside the name: "prime minister", "labour leader"


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """Speech or writing attributed to a source: ``start``/``end`` cover the content only."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class TimeValue(Record):
    """A temporal expression and its normalised value (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""

    start: int
    end: int
    text: str
    value: str | None = None
    granularity: str | None = None


@dataclass(frozen=True, slots=True)
class Span(Record):
    """A piece of evidence: a character span of the article."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event(Record):
    """Something that happened to a named person, with its evidence spans."""

    type: str
    person: str | None
    org: str | None = None
    place: str | None = None
    date: str | None = None
    status: str = "asserted"
    reason: str | None = None
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis(Record):
    """The result of analysing one article."""

    article: Article
    regions: tuple[Region, ...] = ()
    posts: tuple[Post, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[TimeValue, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_output(self) -> dict[str, Any]:
        """The flat per-article shape of ``newsgraph analyze`` and of the evaluation kit."""
        article = self.article
        return {
            "id": article.input_id or article.id,
            "article_id": article.id,
            "source": article.source,
            "url": article.url,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "entities": [e.to_dict() for e in self.entities],
            "posts": [p.to_dict() for p in self.posts],
            "regions": [r.to_dict() for r in self.regions],
            "times": [t.to_dict() for t in self.times],
            "warnings": list(self.warnings),
        }


# Groups of the vocabulary that the stages decide by
# events with a seat as their place
CONTEST_EVENTS = frozenset({EventType.CANDIDACY, EventType.ELECT})
# what a party or body does to a member
DISCIPLINE_EVENTS = frozenset({EventType.EXPEL, EventType.REINSTATE, EventType.SUSPEND})
# not (yet) asserted: what someone intends or imagines
INTENDED_STATUSES = frozenset({EventStatus.HYPOTHETICAL, EventStatus.PLANNED})
MEMBERSHIP_EVENTS = frozenset({EventType.JOIN_PARTY, EventType.LEAVE_PARTY})
# events that put a person in a post
OFFICE_TAKEN_EVENTS = frozenset({EventType.APPOINT, EventType.ELECT})
# events that leave a post for a successor
POST_VACATED_EVENTS = frozenset({EventType.EXPEL, EventType.RESIGN_OFFICE})
RESIGNATIONS = frozenset({EventType.LEAVE_PARTY, EventType.RESIGN_OFFICE})
# entity labels that can speak or act
SOURCE_LABELS = frozenset({EntityLabel.ORG, EntityLabel.PERSON})
# events of taking a post, seat or candidacy ("for X" names a seat there)
TAKING_EVENTS = frozenset({EventType.APPOINT, EventType.CANDIDACY, EventType.ELECT})
# quotes in the speaker's own words
VERBATIM_KINDS = frozenset({QuoteKind.DIRECT, QuoteKind.MIXED, QuoteKind.POST})
