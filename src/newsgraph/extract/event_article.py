"""What the whole article says of its events: mentions of one event merged, and the posts,
seats and parties one mention leaves out filled from the others (the post a resignation leaves
is the one the person was said to take; a candidacy's party is the one beside the name, else
the story's; a company post written alone is in the company the article is about).

``events.py`` reads each trigger into a ``Found``; ``settle`` turns an article's into events.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..data import words as word_list
from ..model import (OFFICE_TAKEN_EVENTS, POST_VACATED_EVENTS, RESIGNATIONS, Entity, Event, EventStatus, EventType,
                     Span, TimeValue)
from . import event_args as args
from .entities import is_party_name
from .frames import lexicon
from .lexicon import canonical_party, is_listed_party
from .roles import OFFICE_WORDS
from .speakers import Resolver

# the types whose org may be a post
POST_EVENTS = frozenset({EventType.APPOINT, EventType.RESIGN_OFFICE, EventType.ELECT})
MINISTERIAL = word_list("events", "ministerial")  # offices held from a seat in Parliament
ELECTED_OFFICES = word_list("events", "elected_offices")  # offices won at an election, named as such
# posts every company has, written without the company: "chief executive", "its then finance director"
BODY_POSTS = word_list("events", "body_posts")
POSTS_TAKEN_OR_LEFT = frozenset({EventType.APPOINT, EventType.RESIGN_OFFICE})
FORMER_OR_OWNER = word_list("events", "former_or_owner")
STORY_BODY_MENTIONS = 2  # a company named once is not what the article is about


@dataclass(slots=True)
class Found:
    """One mention of an event, as a trigger reads it; mentions of one event are merged."""

    type: str
    person: Entity | None
    org: str | None
    place: str | None
    date: TimeValue | None
    status: str
    reason: str | None
    evidence: list[Span] = field(default_factory=list)
    nominal: bool = False
    successor: bool = False  # "her successor, X": the post may be the predecessor's


def settle(found: list[Found], resolver: Resolver) -> list[Event]:
    """An article's event mentions, in order of first mention, as its events."""
    # offices are filled mention by mention, before merging: "stepped down" after "was elected
    # leader" left the leadership, and is not the later resignation as an MP
    events = _candidacy_parties(_posts_taken(_posts_left(_merge(_fill_offices(found)), resolver), resolver), resolver)
    events = _parties_founded(_posts_of_story_body(events, resolver), resolver)
    return [_as_event(f) for f in _seats_won(_fuller_posts(events, resolver), resolver)]


def _fill_offices(found: list[Found]) -> list[Found]:
    """A resignation that names no post leaves the post the article said, before it, the person took
    (by appointment or election);
    a successor who is given no post takes the one last left ('X resigned ...; her successor, Y')."""
    for number, event in enumerate(found):
        if event.type == EventType.CANDIDACY and event.org is None and event.person is not None:
            # "is to contest Erewash" in a story of "launching his new party, Veritas": for that party
            joined = [e for e in found if e.type == EventType.JOIN_PARTY and e.status == EventStatus.ASSERTED
                      and e.person is event.person and e.org]
            if joined:
                event.org = joined[-1].org
        if event.type == EventType.APPOINT and event.org is None and event.successor:
            left = [e for e in found[:number] if e.type in POST_VACATED_EVENTS and e.org]
            if left:
                event.org = left[-1].org
        if event.type == EventType.RESIGN_OFFICE and event.org is None and event.person is not None:
            taken = [e for e in found if e.type in OFFICE_TAKEN_EVENTS and e.status == EventStatus.ASSERTED
                     and e.person is event.person and e.org
                     and e.evidence and event.evidence and e.evidence[0].start < event.evidence[0].start]
            # "He entered Downing Street after the resignation of Harold Wilson": one sentence, one
            # post, one leaving and one taking it
            succeeded = [e for e in found if e.type == EventType.APPOINT and e.status == EventStatus.ASSERTED and e.org
                         and e.person is not event.person and e.evidence and event.evidence
                         and e.evidence[0] == event.evidence[0]]
            if taken:
                event.org = taken[-1].org
            elif len(succeeded) == 1:
                event.org = succeeded[0].org
    return found


def _candidacy_parties(found: list[Found], resolver: Resolver) -> list[Found]:
    """A candidacy's org is a party (GUIDELINES): 'running for the seat of Dewsbury' names a seat, which
    is its place; the party is the one the article writes beside the person's name ("Labour MP X",
    "Tory hopeful X"), else the party the story is about."""
    # the party the story is about, read once for an article that has a candidacy
    story = _story_party(resolver) if any(e.type == EventType.CANDIDACY for e in found) else None
    for event in found:
        named = event.org or ""
        if event.type != EventType.CANDIDACY or event.person is None or (
                named and named.split()[-1].lower() not in lexicon().office_words):
            continue  # a party, or a body that fields candidates ("Save the Scottish Regiments")
        # a post or seat: "the Conservative leadership" is the Conservatives' (and names no seat)
        within = {canonical_party(word) for word in named.split() if is_listed_party(word)}
        if event.org and not event.place and not is_party_name(named):
            event.place = event.org
        own = within or args.parties_written_with(event.person, resolver)
        event.org = own.pop() if len(own) == 1 else (story if not own else None)
    return found


def _posts_of_story_body(found: list[Found], resolver: Resolver) -> list[Found]:
    """'Chief executive Gerd Niebaum stepped down', 'have left the firm': a company post (or the firm)
    written without its company is in the organisation the article is about (the one it names most,
    when no other is named as often, and not a party, whose offices are written as such)."""
    kinds = lexicon().kind_of_body  # "have left the firm"
    bare = [e for e in found if e.type in POSTS_TAKEN_OR_LEFT and e.org and all(
        word in BODY_POSTS | kinds or word in FORMER_OR_OWNER for word in e.org.lower().split())]
    if not bare:
        return found
    body = _named_most(((len(e.mentions), e.name) for e in resolver.entities
                        if e.label == "ORG" and not is_party_name(e.name)), least=STORY_BODY_MENTIONS)
    if body:
        for event in bare:
            event.org = body
    return found


def _parties_founded(found: list[Found], resolver: Resolver) -> list[Found]:
    """'as he launched his new party', of Robert Kilroy-Silk, who quit UKIP, in a story of Veritas: a
    party joined but not named is the one the article names most among those no one is said to leave."""
    if not any(e.type == EventType.JOIN_PARTY and e.org is None and e.person is not None for e in found):
        return found
    left = {canonical_party(e.org) for e in found if e.type == EventType.LEAVE_PARTY and e.org}
    party = _story_party(resolver, left)
    if party:
        for event in found:
            if event.type == EventType.JOIN_PARTY and event.org is None and event.person is not None:
                event.org = party
    return found


def _story_party(resolver: Resolver, leaving: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The party an article is about: the one it names most, when no other is named as often (the
    party named last may be a rival's: "Ed Balls ... said an examination of Tory plans"), among
    those not in ``leaving``."""
    return _named_most((len(e.mentions), canonical_party(e.name)) for e in resolver.entities
                       if e.label == "ORG" and is_party_name(e.name) and canonical_party(e.name) not in leaving)


def _named_most(named, least: int = 1) -> str | None:
    """Of (mentions, name) pairs, the name mentioned most, when at least ``least`` times and no other
    name is mentioned as often."""
    counts = sorted(named, reverse=True)
    if not counts or counts[0][0] < least or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return counts[0][1]


def _posts_left(found: list[Found], resolver: Resolver) -> list[Found]:
    """'David Blunkett's resignation', said of the 'former home secretary': a resignation that
    names no post is of the one the article calls the person's former post."""
    for event in found:
        if event.type != EventType.RESIGN_OFFICE or event.org is not None or event.person is None:
            continue
        former = sorted({phrase for entries in resolver.roles.values() for _, person, phrase in entries
                         if person is event.person and phrase.lower().split()[:1] in (["former"], ["ex"], ["ex-"])})
        if len(former) == 1:
            event.org = " ".join(former[0].split()[1:]) or None
        elif not former:
            # "the resignation of Harold Wilson", of "prime minister Harold Wilson": the one office the
            # article gives the person (not an elected seat, which one leaves with a party as often)
            event.org = _one_office(event.person, resolver)
    return found


def _posts_taken(found: list[Found], resolver: Resolver) -> list[Found]:
    """'He was the UK's first black cabinet minister when appointed to his post in 2002', of 'Paul
    Boateng, Chief Secretary to the Treasury': an appointment that names no post is to the one office
    the article writes beside the person's name (not a former one, nor an elected seat such as MP)."""
    for event in found:
        if event.type == EventType.APPOINT and event.org is None and event.person is not None:
            event.org = _one_office(event.person, resolver)
    return found


def _one_office(person, resolver: Resolver) -> str | None:
    """The one office the article writes beside the person's name (not a former one, nor an elected
    seat such as MP), as written there with its of- or to-phrase ("Chief Secretary to the Treasury")."""
    elected = lexicon().elected_roles
    held = {offset: phrase for lemma, entries in resolver.roles.items()
            if lemma in OFFICE_WORDS and lemma not in elected
            for offset, holder, phrase in entries if holder is person
            and phrase.lower().split()[0] not in FORMER_OR_OWNER}
    if len({phrase.lower() for phrase in held.values()}) != 1:
        return None
    offset = min(held)
    word = resolver.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if word is None:
        return held[offset]
    # "former Fiat chief executive Giuseppe Morchio": the office is "Fiat chief executive"
    return _without_former(args.role_text(word.root)) or None


def _without_former(phrase: str) -> str:
    """'Former President' -> 'President': the office won, not its holder's present state."""
    words = phrase.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in FORMER_OR_OWNER else phrase


def _seats_won(found: list[Found], resolver: Resolver) -> list[Found]:
    """'Mr Leslie, who was elected in 1997': an election that names no seat is to the chamber of the
    elected office the article gives the person ("Labour MP X": Parliament), or, for a minister, to
    Parliament, where ministers sit; a holder of no elected office leaves it unknown."""
    elected = lexicon().elected_roles
    for event in found:
        if event.type != EventType.ELECT or event.org or event.person is None:
            continue
        held = {lemma for lemma, entries in resolver.roles.items()
                for _, person, _ in entries if person is event.person}
        bodies = {elected[lemma] for lemma in held if lemma in elected}
        if not bodies and held & MINISTERIAL:
            bodies = {elected["mp"]}
        if not bodies:  # "President Bush ... had won": the office he is named by
            bodies = {_without_former(phrase) for lemma, entries in resolver.roles.items() if lemma in ELECTED_OFFICES
                      for _, person, phrase in entries if person is event.person}
        if len(bodies) == 1:
            event.org = bodies.pop()
    return found


def _fuller_posts(found: list[Found], resolver: Resolver) -> list[Found]:
    """A post written bare ("her successor ... as chairwoman") is the fuller title the article
    gives the same person beside their name ("Interim DNC Chairwoman Donna Brazile"): the bare
    word names the office, the title names whose office it is."""
    for event in found:
        if event.type not in POST_EVENTS or not event.org or " " in event.org or event.person is None:
            continue
        titles = [(offset, phrase) for offset, person, phrase in resolver.roles.get(event.org.lower(), ())
                  if person is event.person and " " in phrase]
        if titles:
            offset, phrase = max(titles, key=lambda title: len(title[1]))
            end = offset + len(event.org)
            written = resolver.doc.text[end - len(phrase): end]
            event.org = written if written.lower() == phrase.lower() else phrase
    return found


def _merge(found: list[Found]) -> list[Found]:
    """Mentions of one real event (same type and person, compatible org and date) become one."""
    merged: list[Found] = []
    for event in found:
        twin = next((m for m in merged if _same(m, event)), None)
        if twin is None:
            merged.append(event)
            continue
        twin.evidence += event.evidence
        twin.org = twin.org or event.org
        twin.place = twin.place or event.place
        twin.reason = twin.reason or event.reason
        if event.status == EventStatus.ASSERTED:
            twin.status = EventStatus.ASSERTED
        if event.date and event.date.value and (
                twin.date is None or len(event.date.value) > len(twin.date.value or "")):
            twin.date = event.date  # the most precise date any mention gives
    return merged


def _same(a: Found, b: Found) -> bool:
    if a.person is None or b.person is None or a.person.id != b.person.id:
        return False
    if a.status != b.status and not (a.nominal or b.nominal):
        return False  # "was appointed in 2002" and "is to become high commissioner": two appointments
    if a.type != b.type:
        # "his resignation" after "has resigned from the Labour Party" is the same departure
        resignations = RESIGNATIONS
        return {a.type, b.type} <= resignations and b.nominal and b.org is None
    if a.org and b.org and not _same_org(a.org, b.org):
        return False
    if a.date and b.date and a.date.value and b.date.value:
        short = min(len(a.date.value), len(b.date.value))
        return a.date.value[:short] == b.date.value[:short] or a.date.value[:4] == b.date.value[:4]
    return True


def _same_org(a: str, b: str) -> bool:
    """"Home Secretary" and "home secretary" are one post; "Delta" is "Delta Airlines" written short,
    as a name's first words are (the shorter name is the longer one's start)."""
    short, long = sorted((a.casefold().split(), b.casefold().split()), key=len)
    return long[:len(short)] == short


def _as_event(f: Found) -> Event:
    return Event(type=f.type, person=f.person.name if f.person else None,
                 org=canonical_party(f.org) if f.org else None, place=f.place,
                 date=f.date.value if f.date else None, status=f.status, reason=f.reason,
                 evidence=tuple(f.evidence))
