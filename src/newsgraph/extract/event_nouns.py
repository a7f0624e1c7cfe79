"""Event frames opened by nouns: "her resignation", "an inquiry into X", "a motion of no
confidence in X", "her successor, Y", and the posts written as new or present beside a name
("New Home Secretary X", "X, now foreign secretary", "on X's first day as home secretary").

Each reader returns (type, person token, org) or ``NONE``; ``events.py`` resolves the person
and gives status, date and evidence as it does for verbs.
"""
from __future__ import annotations

from ..data import words as word_list
from ..model import OFFICE_TAKEN_EVENTS, EventType
from . import event_args as args
from .event_slots import CLAUSE_REACH, NONE, subject_of, whose_conduct
from .frames import Frame, lexicon
from .speakers import Resolver
from .syntax import (BESIDE_NAME_DEPS, IDIOM_OBJECT_DEPS, MOTION_NOUN_DEPS, NAME_OR_PRONOUN_POS, NOUN_MODIFIER_DEPS,
                     OWNER_DEPS, PRENOMINAL_DEPS, TIME_LABELS, UNDERGOER_DEPS, governing_verb)

NOT_NEW_ROLES = word_list("events", "not_new_roles")
TAKEN_POST_PREPS = word_list("events", "taken_post_preps")
# "an investigation into / of / against X"
INVESTIGATION_PREPS = word_list("events", "investigation_preps")
# "an inquiry into / of X"
INQUIRY_PREPS = word_list("events", "inquiry_preps")
# what one does with a no-confidence motion
MOTION_VERBS = word_list("events", "motion_verbs")
DECIDING = word_list("event_context", "deciding")
OPENED = word_list("events", "opened")  # what starts an inquiry
TARGETS = word_list("events", "targets")  # "the subject of an investigation"
LIFTED = word_list("events", "lifted")  # what undoes a suspension


def appositive(role) -> bool:
    """A noun set beside a name, or the second of two ("Peter Mandelson, former Labour minister and
    now a European Commissioner")."""
    return role.dep_ == "appos" or (role.dep_ == "conj" and role.head.dep_ == "appos")


def now_role(role, resolver: Resolver):
    """'Jack Straw, now foreign secretary': a post the person now holds was given to them."""
    named = role.head.head if role.dep_ == "conj" else role.head
    if role.lemma_.lower() not in lexicon().office_words or named.pos_ != "PROPN":
        return NONE
    return EventType.APPOINT, named, args.post([role], resolver)


def new_role(role, resolver: Resolver):
    """'New Home Secretary Charles Clarke', 'the new chief executive, Michael Cherkasky': a post written
    as new beside a name was just given to them (as 'now' does); a new MP was elected. Not a new
    president: the text rarely says whether by a vote or a body, and the election is told elsewhere."""
    if role.lemma_.lower() not in lexicon().office_words or role.lemma_.lower() in NOT_NEW_ROLES:
        return NONE
    named = [c for c in role.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if role.dep_ in BESIDE_NAME_DEPS and role.head.pos_ == "PROPN":
        named = [role.head]  # "New Home Secretary Charles Clarke", "Michael Cherkasky, the new chief executive"
    if not named:
        return NONE
    elected = lexicon().elected_roles.get(role.lemma_.lower())
    if elected:
        return EventType.ELECT, named[0], elected
    post = args.post([role], resolver)
    return EventType.APPOINT, named[0], _without_word(post, "new") if post else None


def first_period(period, resolver: Resolver):
    """'on Charles Clarke's first day as home secretary', 'his first week in office as Tory leader',
    'on his first full day in the job': a post begun days ago was just given (to the owner of the
    period, else to whom the clause is about)."""
    places = [g for c in period.children if c.dep_ == "prep" and c.lower_ in TAKEN_POST_PREPS
              for g in c.children if g.dep_ == "pobj"]
    posts = [p for p in places if p.lemma_.lower() in lexicon().office_words]
    if not posts:
        return NONE
    owner = [c for c in period.children if c.dep_ == "poss"]
    person = owner[0] if owner else subject_of(governing_verb(period))
    named = [p for p in posts if p.lemma_.lower() not in args.GENERIC_POSTS]  # "in the job": which, it does not say
    return EventType.APPOINT, person, args.post(named, resolver) if named else None


def _without_word(phrase: str, word: str) -> str:
    """'New Home Secretary' -> 'Home Secretary'."""
    return " ".join(w for w in phrase.split() if w.lower() != word)


def noun_event(token, frame: Frame, resolver: Resolver):
    if token.dep_ in IDIOM_OBJECT_DEPS and token.head.lemma_.lower() in frame.not_after:
        return NONE  # "put in charge of her education", "takes charge of his first match": an idiom
    owner = [c for c in token.children if c.dep_ == "poss"]
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    # "citing ... Suu Kyi's election to parliament", "dropped its investigation into Margaret Hodge":
    # the parser may hang the phrase right after the noun on a word above it
    stray = [after] if after is not None and after.dep_ == "prep" and any(
        above.i == after.head.i for above in token.ancestors) else []
    phrases = stray + [c for c in token.children if c.dep_ == "prep"]
    # "an inquiry into X", "charges against X": whom an investigation is about
    about = INVESTIGATION_PREPS if frame.type == EventType.INVESTIGATE else INQUIRY_PREPS
    of = [g for c in phrases if c.lower_ in about for g in c.children if g.dep_ == "pobj"]
    if not of:  # "the defection to Labour of Robert Jackson": the parser hangs "of" lower down
        of = [g for t in token.subtree if t.dep_ == "prep" and t.lower_ == "of" and t.head.i != token.i
              for g in t.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    if of and of[0].pos_ == "NOUN" and not args.can_be_person(of[0]):
        # "an inquiry into Tom Brown's conduct": into his conduct is into him; but "the resignation of
        # its chief executive, Peter MacDonald" is his, not the company's
        whose = [c for c in of[0].children if c.dep_ == "poss" and c.pos_ in NAME_OR_PRONOUN_POS]
        of = whose or of
    person = owner[0] if owner and owner[0].pos_ in NAME_OR_PRONOUN_POS else (of[0] if of else None)
    if person is None:
        compound = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        person = compound[-1] if compound else None
    preps = {c.lower_: [g for g in c.children if g.dep_ == "pobj"] for c in phrases}
    slots = [preps.get(name) or [] for name in frame.org]
    if frame.org_heads and not any(t.lemma_.lower() in frame.org_heads for slot in slots for t in slot):
        return NONE  # "questioning from the committee", not "questioning from voters"
    if frame.handler == "successor":
        return _successor(token, preps, resolver)
    if frame.handler == "defendant":
        tried = owner[0] if owner and owner[0].pos_ in NAME_OR_PRONOUN_POS else (of[0] if of else None)
        return frame.type, tried, args.organisation(preps.get("by"), resolver)
    if frame.type == EventType.JOIN_PARTY:
        party = args.party(preps.get("to"), resolver)
        return (EventType.JOIN_PARTY, person, party) if party else NONE
    if frame.type == EventType.INVESTIGATE:
        # "Lord Hutton's inquiry into the death of X": the owner holds the inquiry, "into" names its subject
        person = of[0] if of and [c for c in phrases if c.lower_ in about] else (
            person if not owner else None)
        body = owner[0] if owner and owner[0].pos_ == "PROPN" else None
        hit = resolver.entity_at(body) if body is not None else None
        # "Labour dropped its investigation into X", "the FBI said its inquiry into X ...": the clause's
        # subject holds it
        holder = subject_of(governing_verb(token)) if owner and owner[0].pos_ == "PRON" else None
        held = resolver.entity_at(holder) if holder is not None else None
        if held is not None and held[1].label == "ORG" and of:
            return EventType.INVESTIGATE, person, held[1].name
        if hit is not None and hit[1].label == "ORG":
            # "the FBI's investigation into Hillary Clinton's server": into her; "faces the watchdog's
            # inquiry": the one who faces it
            return EventType.INVESTIGATE, person or subject_of(governing_verb(token)), hit[1].name
        if of:
            by = args.organisation(preps.get("by"), resolver)
            if by is None and token.dep_ == "dobj" and token.head.lemma_ in OPENED:
                by = _opener(token.head, resolver)  # "Labour launched an inquiry into X"
            return EventType.INVESTIGATE, person, by or _inquiry_body(token, resolver)
        opened = token.head if token.dep_ == "dobj" and token.head.lemma_ in OPENED else None
        into = [g for c in opened.children if c.dep_ == "prep" and c.lower_ == "into"
                for g in c.children if g.dep_ == "pobj"] if opened is not None else []
        if into:
            # "Labour launched an inquiry into X": the parser may hang "into" on the verb; who opens
            # the inquiry holds it
            body = _opener(opened, resolver) or _inquiry_body(token, resolver)
            return EventType.INVESTIGATE, whose_conduct(into[0]), body
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in TARGETS:
            # "is the subject of an FBI investigation": the one the clause says it is ("her emails were
            # the subject of ...": the one whose conduct it is)
            target = subject_of(governing_verb(token.head.head))
            return EventType.INVESTIGATE, whose_conduct(target) if target is not None else None, _inquiry_body(
                token, resolver)
        if token.dep_ == "dobj" and token.head.lemma_ == "face":
            # "faces an inquiry by the Electoral Commission": one is under way
            return EventType.INVESTIGATE, subject_of(token.head), args.organisation(preps.get("by"), resolver)
        if token.dep_ == "pobj" and token.head.lower_ == "under":
            # "is under investigation by the Electoral Commission": the clause's subject (whose
            # conduct it is: "Trump's tax returns are under audit"); the parser may hang "by" on the verb
            verb = governing_verb(token.head)
            beside = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
                      for g in c.children if g.dep_ == "pobj"]
            subject = subject_of(verb)
            return EventType.INVESTIGATE, whose_conduct(subject) if subject is not None else None, args.first_org(
                [preps.get("by"), preps.get("from"), beside], resolver, args.organisation, args.post)
        if token.dep_ == "nsubj" and any(c.dep_ in OWNER_DEPS and c.pos_ == "PROPN" for c in token.children):
            # "The Hutton inquiry cleared him", "Sir Alan Budd's inquiry linked the ex-home secretary to ...":
            # whom a named inquiry acts on is whom it investigated
            target = [c for c in token.head.children if c.dep_ == "dobj"]
            return (EventType.INVESTIGATE, target[0], args.role_text(token)) if target else NONE
        return NONE
    if frame.type == EventType.SUSPEND and token.dep_ == "nsubjpass" and token.head.lemma_ in LIFTED:
        return EventType.REINSTATE, person, args.party(preps.get("from"), resolver)  # "her suspension was lifted"
    if frame.type == "by_object":
        party = args.party(preps.get("from"), resolver)
        if party:
            return EventType.LEAVE_PARTY, person, party
        return EventType.RESIGN_OFFICE, person, args.first_org(slots, resolver, args.post)
    if frame.type in OFFICE_TAKEN_EVENTS:
        return frame.type, person, args.first_org(slots, resolver, args.post)
    return frame.type, person, args.first_org(slots, resolver, args.party, args.organisation)


def decider(token, resolver: Resolver) -> str | None:
    """'The FBI decided not to recommend charges against her', 'the Justice Department decision not to
    prosecute Clinton': who decides on charges is who investigated."""
    node = token
    for _ in range(CLAUSE_REACH):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() not in DECIDING:
            continue
        if node.pos_ == "NOUN":
            named = [c for c in node.children if c.dep_ in PRENOMINAL_DEPS]
            return args.first_org([named], resolver, args.organisation, args.post)
        return _opener(node, resolver)
    return None


def _opener(verb, resolver: Resolver) -> str | None:
    """Who opened an inquiry holds it: an organisation, a party, or an investigating body ("police")."""
    subject = [c for c in verb.children if c.dep_ == "nsubj"]
    if subject and subject[0].lemma_.lower() in lexicon().investigators:
        return args.role_text(subject[0])
    return args.first_org([subject], resolver, args.organisation, args.party)


def _inquiry_body(noun, resolver: Resolver) -> str | None:
    """'an FBI investigation', 'a police inquiry': the body written before the inquiry noun."""
    for child in noun.children:
        if child.dep_ in NOUN_MODIFIER_DEPS and child.i < noun.i:
            hit = resolver.entity_at(child)
            if hit is not None and hit[1].label == "ORG":
                return hit[1].name
            if child.lemma_.lower() in lexicon().investigators:
                return child.text
    return None


def _successor(token, preps: dict, resolver: Resolver):
    """'her successor, Brazile', 'his Downing Street replacement David Hill': the one named took
    the post; the post is what the phrase names, if anything."""
    named = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if not named and token.dep_ == "compound" and token.head.pos_ == "PROPN":
        named = [token.head]
    if not named:
        return NONE
    place = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return EventType.APPOINT, named[0], args.post(preps.get("as"), resolver) or args.organisation(place, resolver)


def after_no(token) -> bool:
    """'no confidence', 'no-confidence'."""
    before = [t for t in token.doc[max(0, token.i - 2): token.i] if t.text != "-"]
    return bool(before) and before[-1].lower_ == "no"


def no_confidence(token):
    """'a motion of no confidence in X', 'X faces a no-confidence vote', 'they passed a vote of no
    confidence in X': the one the motion is in, else the subject that faces it."""
    def motion_in(phrase):  # "in X", not "in December"
        return [g for t in phrase.subtree if t.dep_ == "prep" and t.lower_ == "in" for g in t.children
                if g.dep_ == "pobj" and g.ent_type_ not in TIME_LABELS]

    target = motion_in(token)
    if not target:
        target = motion_in(token.head if token.dep_ in MOTION_NOUN_DEPS else token)
    if target:
        return EventType.NO_CONFIDENCE, target[0], None
    verb = governing_verb(token)
    if verb.lemma_ in MOTION_VERBS:
        target = [c for c in verb.children if c.dep_ == "nsubj"]  # "X faces a no-confidence vote"
    else:
        target = [c for c in verb.children if c.dep_ in UNDERGOER_DEPS]  # "targeted X with ..."
    return EventType.NO_CONFIDENCE, (target[0] if target else None), None
