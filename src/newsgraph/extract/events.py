"""Political events: who left, joined, was suspended, elected or appointed, when and why.

Each trigger word opens a typed frame read from ``data/events.toml`` (``frames.py``): the
event type, the slot that holds the person (the doer of an active "quit", the undergoer of a
"suspend", active or passive) and the slots that may hold the party, body or post. Triggers
are read over lemmas and the dependency parse in the forms news uses: active and passive
verbs, nouns ("her resignation", "Ken Livingstone's suspension"), relative and reduced
clauses ("Mr Lewis, who was suspended ...", "the newly elected MP"), phrasal verbs ("stand
down", "take over"). Arguments are typed (``event_args.py``). The type may follow the
argument: quitting a party is ``leave_party``, quitting a post ``resign_office``. Each event
gets a status from its clause (only ``asserted`` ones are timeline facts), a date from its
own time expression or the publication date for present-perfect news verbs, and its
sentence as evidence. Mentions of one real event are merged.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..data import words as word_list
from ..model import (CONTEST_EVENTS, DISCIPLINE_EVENTS, INTENDED_STATUSES, MEMBERSHIP_EVENTS, OFFICE_TAKEN_EVENTS,
                     TAKING_EVENTS, Entity, Event, EventStatus, EventType, Span,
                     TimeValue)
from . import event_args as args
from .event_article import POST_EVENTS, Found, settle
from .event_context import JOINED_ON_LEAVING, LEAVING_VERBS, clause_status, coming, declared, event_date, reason_of
from .event_nouns import (after_no, appositive, decider, first_period, new_role, no_confidence, noun_event,
                          now_role)
from .event_slots import CLAUSE_REACH, NONE, RELATIVES, agent_of, subject_of, whose_conduct
from .frames import Frame, lexicon
from .lexicon import FEMALE_PRONOUNS, MALE_PRONOUNS, canonical_party, is_listed_party
from .entities import is_party_name
from .people import People
from .roles import holds_office
from .speakers import Resolver
from .syntax import (ACTIVE_OBJECT_DEPS, ADJUNCT_DEPS, ARGUMENT_DEPS, AUX_DEPS, BECOME_ROLE_DEPS, BESIDE_NAME_DEPS,
                     COMPLEMENT_DEPS, COMPLEMENT_OF_OBJECT_DEPS, CONTENT_POS, CORE_DEPS, DONE_TAGS, EMBEDDED_DEPS,
                     MODIFIER_DEPS, NOUN_CLAUSE_DEPS, NOUN_POS, OBJECT_DEPS, OFFICE_OWNER_DEPS, OWN_CLAUSE_DEPS,
                     PARTICIPLE_CLAUSE_DEPS, PARTICLE_DEPS, PASSIVE_DEPS, PAST_TAGS, PREDICATE_DEPS, PRENOMINAL_DEPS,
                     PREP_DEPS, PREP_OBJECT_DEPS, PURPOSE_DEPS, QUOTED_CLAUSE_DEPS, SUBJECT_DEPS, SUBJECT_OR_OWNER_DEPS,
                     TIME_LABELS, VERBAL, VERB_COMPLEMENT_DEPS, main_subject)

RECORDS = word_list("events", "records")  # duration records worn by a role
MEMBER_ROLES = word_list("events", "member_roles")  # a party's members
RUNNING = word_list("events", "running")  # what a post is for: "brought in to run the campaign"
BEING = word_list("events", "being")  # "chosen to be the new commissioner"
SHORTEST_STEM = 2  # "barred" -> "bar": a doubled consonant is mended only on a longer stem
# words a frame handler reads beyond the lexicon's triggers
TRIGGER_EXTRAS = word_list("events", "trigger_extras")
NEW_ROLE_DEPS = frozenset({"amod", "compound"})  # "the new chairman", "New Home Secretary" (a title's capital)
ELECTED_WHEN_BARE = word_list("events", "elected_when_bare")
FIRST_PERIODS = word_list("events", "first_periods")
FIRSTS = word_list("events", "firsts")
CANDIDATE_DESCRIPTORS = word_list("events", "candidate_descriptors")
UNHELD_CANDIDATE = word_list("events", "unheld_candidate")
COMPANION_PREPS = word_list("events", "companion_preps")
PENDING_PREPS = word_list("events", "pending_preps")
COMPANION_ADVERBS = word_list("events", "companion_adverbs")
# "I", "my" in a quote: its speaker
FIRST_PERSON = word_list("events", "first_person")
# a person named as someone's successor holds the post
SUCCESSOR_NOUNS = word_list("event_context", "successor_nouns")
JOINING_VERBS = word_list("events", "joining_verbs")
# "became a member", "became part of": no post taken
NOT_ROLE_NOUNS = word_list("events", "not_role_nouns")
# "defected from A to B"
DEFECTION_PREPS = word_list("events", "defection_preps")
DEFECTING_VERBS = word_list("events", "defecting_verbs")  # joining one party is leaving another
ATTEMPT_NOUNS = word_list("events", "attempt_nouns")  # "a bid to become an MP" stood for the seat
# "invited X to form a government"
GOVERNMENT_NOUNS = word_list("events", "government_nouns")
# "step down", "stand aside": leaving a post
STEP_PARTICLES = word_list("events", "step_particles")
STEP_ASIDE = word_list("events", "aside")  # "stood aside" alone names no post
# "candidate for Erewash", "elected in Bury"
PLACE_PREPS = word_list("events", "place_preps")
# inflected forms the lemmatiser may leave unmended
VERB_ENDINGS = ("ed", "d", "ing", "s", "es")
# endings after a doubled consonant ("readmitted")
DOUBLING_ENDINGS = ("ed", "ing")
MENDED_ENDINGS = ("ed", "d", "ing")


def extract_events(doc, people: People, times: list[TimeValue], published: dt.date | None,
                   inside=lambda offset: False, skip=lambda start, end: False,
                   speaker_at=lambda offset: None) -> list[Event]:
    """The events of one parsed article, one per real event, in order of first mention.

    ``speaker_at(offset)`` gives the entity whose quote covers an offset, so that "I" and
    "my" in "Resigning my membership," she said resolve to her.
    """
    resolver = Resolver(people, inside, speaker_at)
    found: list[Found] = []
    lemmas, forms = _trigger_hashes(doc.vocab.strings)
    for sentence in doc.sents:
        if skip(sentence.start_char, sentence.end_char):
            continue
        for token in sentence:
            # compare hashes first: most tokens trigger nothing, and their strings need not be built
            if token.lemma not in lemmas and token.lower not in forms and token.lower not in lemmas:
                continue
            events = _event(token, resolver, times, published)
            if inside(token.idx) and token.dep_ != "ROOT":
                # in a quote, only what the speaker states outright ("Resigning my membership") is a fact,
                # or what the quote's own main verb says of the speaker ('"I am resigning today," she
                # said'); what is considered or planned there ("many of whom are considering leaving")
                # is kept as such; so is what the speaker tells of "I" or "my" ("1983 was when I was first
                # elected", "I handed in my resignation"): one's own history, told by oneself
                speaker = speaker_at(token.idx)
                own = speaker is not None and (token.dep_ in QUOTED_CLAUSE_DEPS and not inside(token.head.idx)
                                               or _of_oneself(token))
                events = [e for e in events if e.status != EventStatus.ASSERTED
                          or own and e.person is not None and e.person.id == speaker.id]
            found += events
        subject = main_subject(sentence, inside)
        if subject is not None:
            resolver.note_subject(resolver.resolve(subject).entity)
    return settle(found, resolver)


def _of_oneself(token) -> bool:
    """A trigger whose subject or owner is "I" or "my"."""
    return any(c.lower_ in FIRST_PERSON and c.dep_ in SUBJECT_OR_OWNER_DEPS for c in token.children)


def _acts_as_verb(token) -> bool:
    """A verb, or a word the tagger got wrong that behaves as one ("Kilroy-Silk quit UKIP" as a noun)."""
    if token.pos_ == "VERB" or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
        return True
    if token.lemma_ == "be" and any(c.lower_ == "now" for c in token.children):
        return True  # "is now the party's deputy leader"
    return token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children) and any(
        c.dep_ == "dobj" for c in token.children)


_HASHES: dict[int, tuple[frozenset[int], frozenset[int]]] = {}


def _trigger_hashes(strings) -> tuple[frozenset[int], frozenset[int]]:
    """Hashes of every lemma ``_event`` acts on, and of the inflected forms ``_lemma`` mends."""
    if id(strings) not in _HASHES:
        verbs, nouns = lexicon().verbs, lexicon().nouns
        words = set(verbs) | set(nouns) | TRIGGER_EXTRAS
        forms = {verb + suffix for verb in verbs for suffix in VERB_ENDINGS}
        forms |= {verb + verb[-1] + suffix for verb in verbs for suffix in DOUBLING_ENDINGS}  # "readmitted"
        _HASHES[id(strings)] = (frozenset(strings[w] for w in words), frozenset(strings[f] for f in forms))
    return _HASHES[id(strings)]


def _lemma(token) -> str:
    """The lemma, mended for verbs the lemmatiser does not know ("deselected")."""
    lemma = token.lemma_.lower()
    verbs, nouns = lexicon().verbs, lexicon().nouns
    if lemma in verbs or lemma in nouns or token.pos_ not in CONTENT_POS:
        return lemma
    low = token.lower_
    if low in verbs and any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in token.children):
        return low  # "left Labour to found Change UK": a base form, not "find"
    for suffix in MENDED_ENDINGS:
        stem = low[: -len(suffix)]
        if low.endswith(suffix) and stem in verbs:
            return stem
        if low.endswith(suffix) and len(stem) > SHORTEST_STEM and stem[-1] == stem[-2] and stem[:-1] in verbs:
            return stem[:-1]  # "readmitted", "barred"
    return lemma


def _event(token, resolver: Resolver, times: list[TimeValue], published: dt.date | None) -> list[Found]:
    lemma = _lemma(token)
    verbs, nouns = lexicon().verbs, lexicon().nouns
    if lemma == "be" and not any(c.lower_ == "now" for c in token.children):
        return []
    if lemma in verbs and _acts_as_verb(token):
        kind, person_token, org = NONE
        for frame in verbs[lemma]:
            kind, person_token, org = _verb_event(token, frame, resolver)
            if kind is not None:
                break
    elif token.pos_ == "NOUN" and lemma in nouns:
        kind, person_token, org = noun_event(token, nouns[lemma], resolver)
    elif lemma == "candidate" and token.dep_ == "attr":
        kind, person_token, org = EventType.CANDIDACY, subject_of(token.head), args.party_label(token, resolver)
    elif lemma in CANDIDATE_DESCRIPTORS and token.pos_ == "NOUN" and (named := _described(token)) is not None:
        kind, person_token, org = EventType.CANDIDACY, named, args.party_label(token, resolver)
    elif lemma == "confidence" and after_no(token):
        kind, person_token, org = no_confidence(token)
    elif lemma == "now" and token.dep_ == "advmod" and appositive(token.head):
        kind, person_token, org = now_role(token.head, resolver)
    elif lemma == "new" and token.dep_ in NEW_ROLE_DEPS:
        kind, person_token, org = new_role(token.head, resolver)
    elif lemma in FIRST_PERIODS and any(c.dep_ == "amod" and c.lower_ in FIRSTS for c in token.children):
        kind, person_token, org = first_period(token, resolver)
    else:
        return []
    if kind is None or person_token is None:
        return []
    if kind == EventType.INVESTIGATE and org is None:
        org = decider(token, resolver)
    if org is None:
        org = _implied_org(lemma, kind)
    found = []
    shared_org = None  # "BBC chairman X, director-general Y and reporter Z": one body for the list
    people = [person_token, *_conjuncts(person_token), *_included(person_token), *_listed_with(person_token)]
    # "X and Y quit", "suspended X and Y", "the exit of X and Y", "seven MPs, including X and Y, quit"
    companions = _companions(token, person_token)
    if companions and org is None and kind == EventType.ELECT:
        # "elected along with three other MPs - X, Y and Z": the office they are listed by
        elected = lexicon().elected_roles
        org = next((elected[word] for n in companions for word in (n.lemma_.lower(), n.lower_.removesuffix("s"))
                    if word in elected), None)  # "MPs", which the tagger may leave unlemmatised
    for one in people + [c for c in companions if c.pos_ == "PROPN"]:
        one = args.named_person(one, resolver)
        if not args.can_be_person(one) and not _people(one):
            continue  # "suspended its plan", "investigating the shooting": no one
        person = None if _people(one) else _person(one, resolver)  # "most elected officials" are no one
        shared_org = shared_org or args.role_org(one, resolver)
        if args.is_person(person):
            title = args.written_title(one, resolver) if kind in POST_EVENTS - {EventType.ELECT} else (
                _own_party(one, person, resolver) if kind in PARTY_OWN_EVENTS else None)
            found.append(_found(token, kind, person, org or args.role_org(one, resolver) or shared_org or title,
                                resolver, times, published))
            left = _left_for(token, kind, one, person, found[-1].org, resolver)
            if left and left != found[-1].org:
                # "defected from the Conservatives to the Liberal Democrats": a departure and a joining
                found.append(_found(token, EventType.LEAVE_PARTY, person, left, resolver, times, published))
            joined = _joined_for(token, kind, resolver)
            if joined and joined != found[-1].org:
                # "left Labour for the Liberal Democrats": a departure for a party joins it
                found.append(_found(token, EventType.JOIN_PARTY, person, joined, resolver, times, published))
        elif person is None and kind in MEMBERSHIP_EVENTS and _people(one) and (
                clause_status(token) != EventStatus.ASSERTED):
            # "many of whom are considering leaving": kept with its status, about no one named
            found.append(_found(token, kind, None, org, resolver, times, published))
    if lemma == "become" and found:
        found += _gapped_roles(token, found[0].person, resolver, times, published)
    attempt = _attempt(token)
    if attempt is not None:
        # "his first attempt to enter Westminster, in 1979, was thwarted": an election tried for is a
        # candidacy stood, dated by the attempt
        found += [replace(f, type=EventType.CANDIDACY, org=None, status=EventStatus.ASSERTED,
                          date=event_date(attempt, times, published) or f.date)
                  for f in found if f.type == EventType.ELECT and f.status == EventStatus.PLANNED]
    if any(f.type == EventType.SUSPEND for f in found) and _pending_inquiry(token):
        # "was suspended pending an investigation": the suspension says an investigation is under way
        found += [replace(f, type=EventType.INVESTIGATE) for f in found if f.type == EventType.SUSPEND]
    if (lemma in CANDIDATE_DESCRIPTORS and token.dep_ in BESIDE_NAME_DEPS) or (lemma == "new" and found):
        # a description of the person, not a clause: what the sentence does with them ("will visit
        # Tory hopefuls X and Y") neither dates nor qualifies their standing
        found = [replace(f, status=EventStatus.ASSERTED, date=None, reason=None) for f in found]
    return found


# events whose party, unnamed ("suspended from the party"), is the person's own
PARTY_OWN_EVENTS = DISCIPLINE_EVENTS | {EventType.LEAVE_PARTY}


def _title_party(person_token, resolver: Resolver) -> str | None:
    """'Labour MP Tom Brown': the party written in the person's title, where NER saw no party."""
    return next((label for t in _title_words(person_token) if (label := args.party_label(t, resolver))), None)


def _attempt(token):
    """The noun of an attempt that happened whose aim the trigger is ("made a bid to become an MP",
    "her attempt to win the seat failed"), else None."""
    if token.dep_ != "acl" or token.head.lemma_.lower() not in ATTEMPT_NOUNS:
        return None
    noun = token.head
    return noun if clause_status(noun) == EventStatus.ASSERTED else None


def _own_party(person_token, person: Entity | None, resolver: Resolver, besides: str | None = None) -> str | None:
    """The party of the person's title ("Labour MP Tom Brown"), else the one party the article writes
    with the person elsewhere ("Labour councillor Tom Brown ... The councillor was expelled"), other
    than ``besides`` (the party a defection joins)."""
    titled = _title_party(person_token, resolver)
    if titled is not None:
        return titled
    own = args.parties_written_with(person, resolver) - {besides} if person is not None else set()
    return own.pop() if len(own) == 1 else None


def _title_words(person_token) -> list:
    """The words of the title written before a name ("Tory MP" of "Tory MP Tom Brown")."""
    return [c for c in person_token.children if c.dep_ in PRENOMINAL_DEPS and c.i < person_token.i]


def _pending_inquiry(token) -> bool:
    """'suspended pending an investigation', 'pending the outcome of an inquiry'."""
    nouns = lexicon().nouns
    return any(c.dep_ == "prep" and c.lower_ in PENDING_PREPS and any(
        t.lemma_.lower() in nouns and nouns[t.lemma_.lower()].type == EventType.INVESTIGATE for t in c.subtree)
        for c in token.children)


def _companions(token, person_token) -> list:
    """'she had been elected along with three other MPs - X, Y and Z': who shares the event (the
    with-phrase after 'along' or 'together', or 'alongside', on the trigger or on its person), the
    noun they are listed by first."""
    out = []
    for holder in (token, person_token):
        for prep in holder.children:
            if prep.dep_ != "prep":
                continue
            withs = [prep] if prep.lower_ in COMPANION_PREPS else [
                c for c in prep.children if c.dep_ == "prep" and prep.lower_ in COMPANION_ADVERBS] or (
                [prep] if prep.i > 0 and prep.doc[prep.i - 1].lower_ in COMPANION_ADVERBS else [])
            for companion in (g for w in withs for g in w.children if g.dep_ == "pobj"):
                listed = [a for a in companion.children if a.dep_ == "appos"]  # "three MPs - X, Y and Z"
                out.append(companion)
                for one in listed or [companion]:
                    out += [one, *_conjuncts(one)]
    return out


def _described(noun):
    """'Labour candidate Jane Smith', 'Katrina Bull, a prospective parliamentary candidate', 'Tory
    hopefuls X and Y': the name a candidate noun is written beside (not "a former candidate")."""
    if any(c.lower_ in UNHELD_CANDIDATE for c in noun.children if c.dep_ in MODIFIER_DEPS):
        return None
    if noun.dep_ in BESIDE_NAME_DEPS and noun.head.pos_ == "PROPN" and noun.head.ent_type_ == "PERSON":
        return noun.head
    return None


def _left_for(token, kind: str, person_token, person: Entity | None, joined: str | None,
              resolver: Resolver) -> str | None:
    """The party a joining verb says was left ('from the Conservatives'); a defection that names no
    party left leaves the party written in the person's title ("Tory MP X defected to Labour"), else
    the one other party the article writes with the person ("X, the Labour MP for Leeds ... Mr X
    defected to the Tories")."""
    if kind != EventType.JOIN_PARTY or token.pos_ == "NOUN":
        return None
    origin = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
              if g.dep_ == "pobj"]
    if not origin and _lemma(token) in DEFECTING_VERBS:
        return _own_party(person_token, person, resolver, besides=joined)
    return args.party(origin, resolver)


def _joined_for(token, kind: str, resolver: Resolver) -> str | None:
    """'left Labour for the Liberal Democrats', 'quit the Tories for UKIP': the party a departure
    was for (not "quit Labour for good")."""
    if kind != EventType.LEAVE_PARTY or token.pos_ == "NOUN" or _lemma(token) not in LEAVING_VERBS:
        return None
    wanted = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
              if g.dep_ == "pobj"]
    return args.party(wanted, resolver)


def _people(token) -> bool:
    """'members', 'many of whom', 'they': a group of people, not a thing."""
    # not NNPS: the tagger gives it to names that end in -s ("Lewis", "Davies")
    return token.tag_ == "NNS" or token.lower_ in lexicon().group_words


def _person(token, resolver: Resolver) -> Entity | None:
    if token.lower_ in FIRST_PERSON:
        return resolver.speaker_at(token.idx)  # the speaker of the quote it stands in
    named = resolver.entity_at(token)
    if named is not None:
        return named[1]  # a name is its own entity, whatever a pronoun rule would make of it
    ahead = _named_ahead(token, resolver)
    if ahead is not None:
        return ahead
    found = resolver.resolve(token).entity
    role = token.lemma_.lower() in lexicon().office_words  # "the East Midlands MEP", tagged as a name
    if token.pos_ == "PROPN" and not role and (found is None or token.lower_ not in found.name.lower()):
        return None  # a capitalised word that names no one here ("last June's elections")
    return found


def _named_ahead(pronoun, resolver: Resolver) -> Entity | None:
    """'Following her resignation as chair in May, Jane Smith wrote a book': a pronoun in a phrase
    set before the main clause refers ahead to that clause's subject, a person of its gender."""
    gender = "f" if pronoun.lower_ in FEMALE_PRONOUNS else "m" if pronoun.lower_ in MALE_PRONOUNS else None
    sentence = pronoun.sent
    subject = main_subject(sentence)
    if gender is None or subject is None or subject.i < pronoun.i:
        return None
    fronted = next((c for c in sentence.root.children if c.i < subject.i and c.left_edge.i <= pronoun.i
                    <= c.right_edge.i), None)
    if fronted is None or fronted.dep_ not in ADJUNCT_DEPS:
        return None
    hit = resolver.entity_at(subject)
    person = hit[1] if hit is not None else None
    return person if person is not None and args.is_person(person) and person.gender == gender else None


def _included(group) -> list:
    """'Seven Labour MPs, including Luciana Berger and Chuka Umunna': the people a group is said to
    include did what it did."""
    if not _people(group):
        return []
    named = [g for c in group.children if c.dep_ == "prep" and c.lower_ in INCLUDING_WORDS
             for g in c.children if g.dep_ == "pobj"]
    # named people only: not "twenty-eight people, including a Briton"
    return [one for first in named for one in (first, *_conjuncts(first))
            if one.ent_type_ == "PERSON" and not any(c.dep_ == "det" for c in one.children)]


def _listed_with(token) -> list:
    """'proceedings against Vivendi, its chief executive X and chief operating officer Y': a person
    the parser hangs on an organisation as its appositive cannot be the organisation; the two are
    a list, and the person and the people listed after them share the event."""
    if token.ent_type_ != "ORG":
        return []
    named = [c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    return [one for first in named for one in (first, *_conjuncts(first))]


def _conjuncts(token) -> list:
    """'the resignation of X, Y and Z': everyone in the list."""
    out = []
    for child in token.children:
        if child.dep_ == "conj":
            out += [child, *_conjuncts(child)]
    return out


def _found(token, kind: str, person: Entity | None, org: str | None, resolver: Resolver, times, published) -> Found:
    sentence = token.sent
    date = coming(token, event_date(token, times, published), published)
    if org is None and kind in DISCIPLINE_EVENTS:
        party = resolver.last_party()  # a suspension in a party story is the party's
        org = party.name if party is not None else None
    reason = None if kind in TAKING_EVENTS else reason_of(token)  # "for X" is a seat there
    status = clause_status(token)
    if kind == EventType.CANDIDACY and status in INTENDED_STATUSES and declared(token):
        status = EventStatus.ASSERTED
    elif status == EventStatus.ASSERTED and _after(date, published) and kind != EventType.CANDIDACY:
        status = EventStatus.PLANNED  # "steps down as chairman next month": not yet (a candidacy is declared)
    return Found(kind, person, org, _place(token, kind), date, status, reason,
                  [Span(sentence.start_char, sentence.end_char)], nominal=token.pos_ == "NOUN",
                  successor=token.lemma_.lower() in SUCCESSOR_NOUNS)


# -- verbs ---------------------------------------------------------------------------------------

def _is_passive(token) -> bool:
    own = {c.dep_ for c in token.children}
    if own & PASSIVE_DEPS:
        return True
    if own & ACTIVE_OBJECT_DEPS:
        return False  # "not paying taxes made him smart": active, whatever its tag
    if token.tag_ in PAST_TAGS and token.dep_ in PARTICIPLE_CLAUSE_DEPS and not own & OWN_CLAUSE_DEPS:
        return True  # "Mr Lewis, suspended in 2017, ..."; "the newly elected MP"
    if token.tag_ == "VBN" and not own & AUX_DEPS and token.i > 0 and token.doc[token.i - 1].is_punct:
        return True  # "Tom Brown, appointed chairman in 2003, said": a participle set off by a comma
    return token.tag_ == "VBN" and not own & OWN_CLAUSE_DEPS  # "First elected to ..."


def _verb_event(token, frame: Frame, resolver: Resolver):
    passive = _is_passive(token)
    # "thrown out of the party": the parser may take the particle for a preposition without object
    loose = [c for c in token.children if c.dep_ == "prep" and c.lower_ in frame.particle
             and not any(g.dep_ == "pobj" for g in c.children)]
    particles = {c.lower_ for c in token.children if c.dep_ in PARTICLE_DEPS} | {c.lower_ for c in loose}
    if frame.particle and not particles & frame.particle:
        return NONE
    if frame.passive and not passive:
        return NONE
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    own_subject = [c for c in token.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVES]
    # "the party she joined", "the awards he has already won": a relative clause with a subject of its
    # own has the noun it describes for its object
    described = not objects and token.dep_ == "relcl" and bool(own_subject) and token.head.pos_ in NOUN_POS
    if described:
        objects = [token.head]
    if frame.intransitive and (token.tag_ not in DONE_TAGS or described or any(
            c.dep_ in COMPLEMENT_DEPS and c.ent_type_ not in TIME_LABELS for c in token.children)):
        return NONE  # "won the debate", "won them over", "the awards he has won": something named was won
    preps: dict[str, list] = {}  # "arrived in Congress in 1993": both objects of "in", first first
    for c in [*token.children, *(p for prt in loose for p in prt.children)]:
        if c.dep_ in PREP_DEPS and c.lower_ != "by":
            # a time is no argument: "running for an hour" is no candidacy
            preps.setdefault(c.lower_, []).extend(g for g in c.children if g.dep_ in PREP_OBJECT_DEPS
                                                  and g.ent_type_ not in TIME_LABELS)
    preps = {word: objects for word, objects in preps.items() if objects}
    if frame.person == "doer" and token.dep_ == "conj" and token.head.pos_ in VERBAL and "as" not in preps:
        # "was sacked as chief whip and replaced by Tom Brown": the one who replaces takes the post the
        # head verb says was left
        shared = [g for c in token.head.children if c.dep_ == "prep" and c.lower_ == "as"
                  for g in c.children if g.dep_ == "pobj"]
        if shared:
            preps["as"] = shared
    subject = subject_of(token)
    if frame.needs_prep and not any(g.dep_ == "pobj" for word in frame.needs_prep & set(preps) for g in preps[word]):
        return NONE  # "running for the Senate", not "running the campaign"
    if frame.handler == "whip":
        return _whip(token, frame, passive, resolver)
    if frame.handler == "become":
        return _become(token, objects, subject, resolver)
    if frame.handler == "stand":
        return _stand(token, particles, preps, subject, resolver)
    if frame.handler == "form_government":
        return _form_government(token, objects)
    completed = any(t.lemma_.lower() in frame.complements for t in token.subtree if t.i > token.i)
    if frame.complements and not completed and not (frame.reason_counts and reason_of(token)):
        return NONE  # "barred from standing": barred from anything else is no expulsion
    undergoer = frame.person == "object"
    person = subject if (not undergoer or passive) else (objects[0] if objects else None)
    if frame.person == "doer" and passive:
        person = next(iter(agent_of(token)), None)  # "Jones was replaced by Smith": Smith took the post
    if frame.type == EventType.INVESTIGATE and person is not None:
        person = whose_conduct(person)
    if person is not None and person.lower_ in RELATIVES and token.dep_ == "relcl":
        person = token.head  # "Milburn, who Mr Blair put in charge"
    if frame.type == EventType.JOIN_PARTY and token.dep_ == "amod" and token.head.lemma_.lower() == "party":
        # "his newly-founded party, the Respect Coalition": the possessor founded it
        owner = [c for c in token.head.children if c.dep_ == "poss"]
        party = args.party([token.head], resolver)
        return (EventType.JOIN_PARTY, owner[0], party) if owner and party else NONE
    if token.dep_ == "amod" and not undergoer:
        return NONE  # "a retired Belgian general": what a doer did, worn as an adjective, is a state
    complements = [c for c in token.children if c.dep_ in ARGUMENT_DEPS] + (objects if described else []) or objects
    if frame.objects and not any(t.lemma_.lower() in frame.objects for c in complements for t in c.subtree) and not (
            "party" in frame.objects and args.is_party_phrase(objects)):
        return NONE  # "won the 1904 Horsham by-election": the listed word may sit inside the phrase
    # who acts on the person is the body: the by-phrase of a passive, the subject of an active
    acting = agent_of(token) if passive else ([subject] if undergoer and subject is not None else [])
    filled = {"object": objects if not undergoer or passive else objects[1:], "agent": acting,
              "object_complement": [c for c in token.children if c.dep_ in COMPLEMENT_OF_OBJECT_DEPS] or (
                  objects if passive else objects[1:]), **preps}
    listed = [t for t in token.subtree if t.i > token.i and t.lemma_.lower() in frame.complements] \
        if frame.complements else []
    for complement in listed:
        # "put Alan Milburn in charge of election planning": the post hangs on the complement
        filled.setdefault("of", []).extend(g for c in complement.children if c.dep_ == "prep" and c.lower_ == "of"
                                           for g in c.children if g.dep_ == "pobj")
    slots = [filled.get(name) or [] for name in frame.org]
    if frame.type == EventType.APPOINT and not any(slots):
        # "was brought in to run the election campaign": what one is brought in to run is the post
        # "chosen to be the new commissioner": what one is to be
        slots.append([g for c in token.children if c.dep_ in PURPOSE_DEPS and c.lemma_.lower() in RUNNING | BEING
                      and any(a.lower_ == "to" for a in c.children)
                      for g in c.children if g.dep_ == ("attr" if c.lemma_.lower() in BEING else "dobj")])
    if frame.org_heads:
        # "referred to the standards commissioner", "questioned by police": only such bodies count
        slots = [[t for t in slot if t.lemma_.lower() in frame.org_heads] for slot in slots]
        if not any(slots):
            return NONE
        return frame.type, person, args.role_text(next(t for slot in slots for t in slot))
    if frame.type == "by_object":
        return _by_object(token, frame, slots, preps, subject, resolver)
    if frame.particle and particles & frame.particle == STEP_ASIDE and not any(slots):
        return NONE  # "he stepped aside" for a rival: no post left
    kind, who, org = _typed(token, frame, slots, objects, subject, person, resolver)
    if org is None and frame.complements and filled.get("of") and kind in OFFICE_TAKEN_EVENTS:
        org = args.role_text(filled["of"][0])  # "in charge of election planning": whatever it is in charge of
    if frame.needs_org and org is None:
        return NONE  # "Patriot took over many of the company's operations": no post, no appointment
    if frame.needs_politics and who is not None and not _in_politics(who, resolver, objects):
        return NONE  # "Cate Blanchett, who won for playing ...": winning nothing named is an election's only
    return kind, who, org


def _in_politics(person_token, resolver: Resolver, objects: list) -> bool:
    """A person the article writes with an office or a party ("President Reagan", "Labour's Jane
    Smith"), or who won a contest for an office ("the Senate race"), or whose sentence speaks of a
    contest ("won in a landslide")."""
    person = _person(person_token, resolver)
    if person is not None and holds_office(person, resolver.roles):
        return True
    if any(args.is_office_word(t) for o in objects for t in o.subtree if t.i != o.i):
        return True  # "the Senate race", "the race for governor"
    sentence = person_token.sent
    return bool(args.party_in(sentence.root, resolver)) or any(
        t.lemma_.lower() in ELECTION_WORDS for t in sentence)


def _to_a_party(clause, resolver: Resolver) -> bool:
    """'(quit) to form the Independent Group', '(quit) to join the Lib Dems'; not 'to join the board'."""
    lemma = _lemma(clause)
    if clause.dep_ not in PURPOSE_DEPS or lemma not in JOINED_ON_LEAVING:
        return False
    joined = [c for c in clause.children if c.dep_ == "dobj"]
    return lemma != "join" or args.party(joined, resolver) is not None


def _by_object(token, frame: Frame, slots: list, preps: dict, subject, resolver: Resolver):
    """quit / leave / resign: the argument decides the type. After "as" stands a post ("resigned as
    Labour leader"), unless it is a party's member ("quit as a Labour MP": leaving the party)."""
    if any(t.lemma_.lower() == "whip" for tokens in slots for t in tokens[:1]):
        return NONE  # "resigned the UKIP whip": leaving a parliamentary group, still a member (GUIDELINES)
    for name, tokens in zip(frame.org, slots, strict=False):
        if name == "as" and tokens and tokens[0].lemma_.lower() not in MEMBER_ROLES:
            continue
        party = args.party(tokens, resolver)
        if party:
            return EventType.LEAVE_PARTY, subject, party
        if any(t.lower_ == "membership" for t in tokens):
            last = resolver.last_party()  # "Resigning my membership"
            owner = [c for t in tokens for c in t.children if c.dep_ == "poss"]
            return EventType.LEAVE_PARTY, subject or (owner[0] if owner else None), last.name if last else None
    if any(t.lemma_.lower() == "party" for tokens in slots for t in tokens):
        return EventType.LEAVE_PARTY, subject, None  # "has left the party", which one the article does not say
    if not any(slots) and any(_to_a_party(c, resolver) for c in token.children):
        # "seven Labour MPs quit to form the Independent Group": leaving to found or join a party is
        # leaving one's own, the party of one's title if it names one
        titles = _title_words(subject) if subject is not None else []
        return EventType.LEAVE_PARTY, subject, args.party(titles, resolver)
    post = args.first_org(slots, resolver, args.post)
    if post:
        return EventType.RESIGN_OFFICE, subject, post
    # no slot named a party or post: the post written with the person, by the body it is in when the
    # title names one ("Fannie Mae chief executive X", "X, chief executive of James Hardie"; a party
    # office is kept as written: "Labour leader")
    title = _post_written_with(subject, resolver) if subject is not None else None
    title = title or _post_held_until(token, resolver)
    if frame.lemma == "resign" or "as" in preps and frame.lemma not in LEFT_PLACES_VERBS or _a_post_left(slots):
        # "quit as England coach"; but "left Athens as the star of the team" left a place
        return EventType.RESIGN_OFFICE, subject, title
    untyped = [t for slot in slots for t in slot if t.ent_type_ not in TIME_LABELS]
    if frame.lemma == "quit" and not untyped:  # "quit last autumn": a time is no object
        # "after David Blunkett quit": quitting, said of no party, is leaving a post (the one written
        # with the person if any: "former chief executive Doug Smith quit")
        return EventType.RESIGN_OFFICE, subject, title
    return NONE


def _a_post_left(slots: list) -> bool:
    """'left his post', 'quit her job': a post the phrase does not name is still a post left (the one
    written with the person, if any)."""
    return any(tokens[0].lemma_.lower() in args.GENERIC_POSTS for tokens in slots if tokens)


ELECTION_WORDS = word_list("events", "election_words")  # a bare "won" in their sentence is an election
HELD = word_list("events", "held")  # verbs of holding a post until a time
LEFT_PLACES_VERBS = word_list("events", "left_places_verbs")
INCLUDING_WORDS = word_list("events", "including_words")


def _post_held_until(token, resolver: Resolver) -> str | None:
    """'He remained an MP until 1995, when he resigned': the post the clause above was held until
    the resignation."""
    node = token
    for _ in range(CLAUSE_REACH):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in VERBAL and node.lemma_.lower() in HELD:
            offices = lexicon().office_words
            roles = [c for c in node.children if c.dep_ in PREDICATE_DEPS] + [
                g for c in node.children if c.dep_ == "prep" and c.lower_ == "as"
                for g in c.children if g.dep_ == "pobj"]
            roles = [r for r in roles if r.lemma_.lower() in offices or r.lower_ in offices]
            return args.role_text(roles[0]) if roles else None
        if node.pos_ in VERBAL and node.dep_ not in EMBEDDED_DEPS:
            return None
    return None


def _typed(token, frame: Frame, slots: list, objects: list, subject, person, resolver: Resolver):
    kind = frame.type
    tokens = [t for slot in slots for t in slot]
    if kind == EventType.JOIN_PARTY:
        role = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                if g.lemma_.lower() in lexicon().office_words]
        body_noun = objects and objects[0].lemma_.lower() in lexicon().body_nouns
        if frame.lemma in JOINING_VERBS and objects and (role or body_noun):
            # "joined the shadow cabinet", "joined Indepen Consulting as a paid adviser": a post;
            # joining any other body ("joined the KGB") is no appointment and no party
            return EventType.APPOINT, subject, args.organisation(objects, resolver) or args.role_text(objects[0])
        party = args.first_org(slots, resolver, args.party)
        if party is None and frame.lemma in JOINING_VERBS and objects and args.is_body(objects[0], resolver):
            return NONE  # "joined the KGB"; but "joined Change UK", a listed party NER reads as a place
        if party is None and frame.objects and objects and objects[0].pos_ == "PROPN":
            party = args.role_text(objects[0])  # "founded Veritas" where NER saw no organisation
        if party is None and any(t.lower_ == "party" for t in tokens):
            return EventType.JOIN_PARTY, subject, None  # "could not join another party": kept, with its status
        return (EventType.JOIN_PARTY, subject, party) if party else NONE
    if kind in DISCIPLINE_EVENTS:
        return kind, person, args.first_org(slots, resolver, args.party, args.organisation)
    if kind in TAKING_EVENTS:
        org = args.first_org(slots, resolver, args.post)
        if org is None and token.dep_ == "amod" and kind != EventType.CANDIDACY:
            # "the newly-appointed Metropolitan Police commissioner", "the newly elected MP" (Parliament)
            org = lexicon().elected_roles.get(token.head.lower_) or args.post([token.head], resolver)
        if kind == EventType.ELECT and org is not None:
            org = lexicon().elected_roles.get(org.lower(), org)  # "returned as MP": to Parliament
        if kind == EventType.ELECT and org is None and person is not None:
            org = lexicon().elected_roles.get(person.lower_)  # "the newly elected MP for Sedgefield"
        if kind == EventType.ELECT and frame.objects and org is None:
            won = token.doc[token.i + 1: token.right_edge.i + 1].text.lower()
            org = "Parliament" if "seat" in won or "by-election" in won else None  # "won the seat", "a by-election"
        return kind, person, org
    if kind == EventType.INVESTIGATE:
        # "by the FBI", "by the parliamentary standards watchdog", "by the party"
        body = args.first_org(slots, resolver, args.organisation, args.post, args.party)
        named = [t for slot in slots for t in slot if t.lemma_.lower() in lexicon().investigators]
        return kind, person, body or (args.role_text(named[0]) if named else None)  # "arrested by police"
    if kind == EventType.RESIGN_OFFICE:
        org = args.first_org(slots, resolver, args.post)
        return kind, person, org or (args.own_title(person) if person is not None else None)
    return kind, person, None


def _become(token, objects: list, subject, resolver: Resolver):
    """'he became a UK disability minister', 'who is now Veritas' deputy leader'."""
    # not the hyphen of "vice-president", which the tagger may take for a noun of its own
    roles = [o for o in objects if o.pos_ in NOUN_POS and o.dep_ in BECOME_ROLE_DEPS and not o.is_punct]
    if roles and roles[0].lemma_.lower() == "member":
        # "became a founding member of Change UK": joining the party
        of = [g for c in roles[0].children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        party = args.party(of, resolver)
        return (EventType.JOIN_PARTY, subject, party) if party else NONE
    if not roles or roles[0].lemma_.lower() in NOT_ROLE_NOUNS:
        return NONE
    member = roles[0].text
    if member[:1].isupper() and (is_listed_party(member) or member.lower() in args.PARTY_MEMBERS):
        # "became a Democrat", "became a Conservative": joined the party
        return EventType.JOIN_PARTY, subject, args.PARTY_MEMBERS.get(member.lower()) or canonical_party(member)
    if any(t.lower_ in RECORDS for t in roles[0].subtree):
        return NONE  # "has become the party's longest-serving prime minister": a record, not a post taken
    if any(c.dep_ in NOUN_CLAUSE_DEPS and any(a.lower_ == "to" for a in c.children) for c in roles[0].children):
        return NONE  # "has become the latest MP to quit Labour": what the clause says is the event
    elected = lexicon().elected_roles.get(roles[0].text.lower())
    if elected:
        return EventType.ELECT, subject, elected  # "he became an MP": MPs are elected
    if roles[0].lemma_.lower() in ELECTED_WHEN_BARE and not any(c.dep_ in OFFICE_OWNER_DEPS
                                                                 for c in roles[0].children):
        return EventType.ELECT, subject, roles[0].text  # "became president in 2000"; not "president of the CBI"
    if roles[0].pos_ == "PROPN" and resolver.entity_at(roles[0]) is None and not args.post(roles, resolver):
        return NONE  # "became Lord Callaghan of Cardiff": a title taken, not a post
    post = args.post(roles, resolver)
    return (EventType.APPOINT, subject, post) if post else NONE


def _gapped_roles(token, person: Entity | None, resolver: Resolver, times, published) -> list[Found]:
    """'became an MP at 27 and Leader of the Opposition at 36': a noun joined to "became" with no verb
    of its own is a second post the same person took."""
    found = []
    for role in token.children:
        if role.dep_ == "conj" and role.pos_ in NOUN_POS and not any(c.dep_ in SUBJECT_DEPS for c in role.children):
            kind, _, org = _become(token, [role], subject_of(token), resolver)
            if kind is not None:
                # its time is the one written after it ("and chancellor in 1997"), not the first post's
                end = max(t.idx + len(t.text) for t in token.subtree)
                date = next((t for t in times if role.idx < t.start and t.end <= end and t.value), None)
                found.append(replace(_found(role, kind, person, org, resolver, times, published), date=date))
    return found


def _whip(token, frame: Frame, passive: bool, resolver: Resolver):
    """'had the whip withdrawn', 'the whip was restored to her', 'withdrew the whip from him':
    losing the whip is a suspension, getting it back a reinstatement; the party is the whip's."""
    whip = [c for c in token.children if c.dep_ in CORE_DEPS and c.lemma_.lower() == "whip"]
    if not whip and token.dep_ == "acl" and token.head.lemma_.lower() == "whip":
        whip = [token.head]
    if not whip:
        return NONE
    holder = whip[0].head
    if whip[0].dep_ == "dobj" and holder.lemma_ == "have" and holder.i != token.i:
        person = subject_of(holder)  # "X had the whip withdrawn"
    elif token.dep_ == "ccomp" and token.head.lemma_ == "have":
        person = subject_of(token.head)  # "X had the Labour whip removed", parsed as a clause
    else:
        person = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in DEFECTION_PREPS
                       for g in c.children if g.dep_ == "pobj"), None)
    party = args.party([whip[0]], resolver) or args.party(agent_of(token), resolver)
    return frame.type, person, party


def _form_government(token, objects: list):
    """'The Queen invited Mr Wilson to form a new minority government': the one invited to form a
    government is made prime minister (the head of state's invitation is the appointment)."""
    formed = [c for c in token.children if c.dep_ in VERB_COMPLEMENT_DEPS and c.lemma_.lower() == "form"]
    made = formed and any(c.dep_ == "dobj" and c.lemma_.lower() in GOVERNMENT_NOUNS
                          for c in formed[0].children)
    return (EventType.APPOINT, objects[0], "Prime Minister") if made and objects else NONE


def _stand(token, particles: set[str], preps: dict, subject, resolver: Resolver):
    if particles & STEP_PARTICLES:
        post = args.post(preps.get("as") or preps.get("from"), resolver)
        if post is None and "down" not in particles:
            return NONE  # "he stood aside" for a rival: no post left
        return EventType.RESIGN_OFFICE, subject, post or (args.own_title(subject) if subject is not None else None)
    if "for" in preps or "as" in preps:
        return EventType.CANDIDACY, subject, args.party(args.party_in(token, resolver), resolver)
    return NONE


def _post_written_with(person, resolver: Resolver) -> str | None:
    """The post written with the person: by its body when the title names one that is not a party
    ("Fannie Mae chief executive X"), else the office after or before the name."""
    body = args.role_org(person, resolver)
    if body and not is_party_name(body):
        return body
    appositive = [c for c in person.children if c.dep_ == "appos" and c.lemma_.lower() in lexicon().office_words]
    return (args.post(appositive, resolver) if appositive else None) or args.own_title(person)


def _after(date: TimeValue | None, published: dt.date | None) -> bool:
    """Is the event dated after the article was published (to the date's own precision)?"""
    if date is None or not date.value or published is None:
        return False
    return date.value > published.isoformat()[: len(date.value)]


def _implied_org(lemma: str, kind) -> str | None:
    """'was arrested': the body a trigger itself names when the text names none (its frame's implied_org)."""
    words = lexicon()
    frames = [*words.verbs.get(lemma, ()), *([words.nouns[lemma]] if lemma in words.nouns else [])]
    return next((frame.implied_org for frame in frames if frame.type == kind and frame.implied_org), None)


def _place(token, kind: str) -> str | None:
    if kind not in CONTEST_EVENTS:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            for obj in child.children:
                if obj.pos_ == "PROPN":
                    return " ".join(t.text for t in obj.subtree if t.dep_ != "det")
    return None
