"""Who fills an event trigger's slots: the doer of a verb (its subject, found through relative
clauses, controlled complements and the parser's slips), the agent of a passive, and the person
whose conduct a noun of conduct is ("complaints about his conduct").

Shared by the verb frames (``events.py``) and the noun frames (``event_nouns.py``).
"""
from __future__ import annotations

from ..data import words as word_list
from .syntax import (AUX_DEPS, FILLER_DEPS, FINITE, NOUN_CLAUSE_DEPS, NOUN_OR_PRONOUN_POS, PLURAL_NOUN_TAGS,
                     SUBJECT_CLIMB_DEPS, SUBJECT_DEPS, VERBAL, governing_verb)
from .event_context import LEAVING_VERBS
from .frames import lexicon

NONE = (None, None, None)  # a frame that found no event: no type, no person, no org
CLAUSE_REACH = 4  # clauses climbed from a trigger to the one that holds a post or decides on charges
# what is investigated when someone is: "complaints about his conduct are investigated"
CONDUCT = word_list("events", "conduct")
CONDUCT_REACH = 3  # nouns of conduct climbed to the person: "the handling of her use of a server"
SUBJECT_REACH = 3  # clauses climbed from a trigger to find its doer
# a verb's complement with no subject of its own, whose doer is the verb's object ("forced X to quit")
CONTROLLED_DEPS = frozenset({"xcomp", "ccomp"})
# "a complaint about X", "a probe of X": whose conduct
TOPIC_PREPS = word_list("events", "topic_preps")
RELATIVES = word_list("events", "relatives")
MEMBERSHIP_WORDS = word_list("events", "membership_words")  # "X was one of / among the MPs who quit"
LISTING_VERBS = word_list("events", "listing_verbs")  # "those charged included X"
GROUP_PRONOUNS = word_list("events", "group_pronouns")


def subject_of(token):
    """The doer of a verb: its subject, the noun a relative clause describes, the object that
    controls a complement ("forced X to quit"), or the subject of a clause above."""
    for _ in range(SUBJECT_REACH):
        # "Tom Brown was re-elected": the parser may hang the subject on the auxiliary
        helpers = [g for c in token.children if c.dep_ in AUX_DEPS and c.i < token.i for g in c.children]
        for child in [*token.children, *helpers]:
            if child.dep_ in SUBJECT_DEPS:
                if child.lower_ in RELATIVES and token.dep_ == "relcl":
                    return next(iter(_one_of(token.head)), token.head)
                return child
        stranded = _stranded_subject(token)
        if stranded is not None:
            return stranded
        controller = [c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i] if (
            token.dep_ in CONTROLLED_DEPS and token.head.pos_ in VERBAL
            and token.head.lemma_.lower() not in LEAVING_VERBS) else []  # "quit Labour to join": not Labour
        if controller:
            return controller[0]  # "forced Jane Smith to resign", "helped X win": the object does it
        if token.dep_ in SUBJECT_CLIMB_DEPS and token.head.i != token.i:
            if token.dep_ in NOUN_CLAUSE_DEPS and token.head.pos_ in NOUN_OR_PRONOUN_POS:
                noun = token.head
                aimer = _aimer(token, noun)
                if aimer is not None:
                    return aimer  # "her bid to become an MP", "made an attempt to win the seat": hers
                said_of = [c for c in noun.head.children if c.dep_ == "nsubj"] if noun.dep_ == "attr" else []
                if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and noun.ent_type_ != "PERSON":
                    # "the first MP to quit was X"; not "X, suspended in 2010, is a Labour MP"
                    said_of = [c for c in noun.head.children if c.dep_ == "attr"]
                said_of = said_of or _one_of(noun)
                return said_of[0] if said_of else noun  # "Jane Smith is the latest MP to quit": Jane Smith
            token = token.head
            if token.dep_ == "prep" and token.head.i != token.i:
                token = governing_verb(token.head)  # "between stepping down as ...": up to the clause
            continue
        break
    return None


def _aimer(clause, noun):
    """'Her bid to become an MP', 'made an attempt to win the seat': the one whose aim a noun of
    intention is (its owner, else the subject of the verb that has it as object) does the infinitive."""
    if clause.dep_ != "acl" or noun.lemma_.lower() not in lexicon().planned or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if owner:
        return owner[0]
    if noun.dep_ == "dobj" and noun.head.pos_ in VERBAL:
        return subject_of(noun.head)
    return None


def _stranded_subject(verb):
    """The noun right before a finite conjunct verb that has no subject of its own: the parser took
    it for a second object of the first clause ("this was rejected by the family and Mr Morchio
    resigned": Morchio, not "this"). English writes a finite clause's subject before its verb, so a
    noun joined into the previous clause and standing straight before the verb is that subject."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE:
        return None
    before = verb.i - 1
    while before > verb.head.i and verb.doc[before].dep_ in FILLER_DEPS and verb.doc[before].head.i == verb.i:
        before -= 1  # "Mr Morchio subsequently resigned"
    noun = verb.doc[before]
    if noun.dep_ == "conj" and noun.pos_ in NOUN_OR_PRONOUN_POS and verb.head.i < noun.head.i:
        return noun
    return None


def agent_of(token) -> list:
    return [g for c in token.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
            for g in c.children if g.dep_ == "pobj"]


def whose_conduct(token):
    """'Complaints about his conduct', 'her expenses', 'allegations against X': the person whose
    conduct it is (through possessors and about/against/of phrases), else the token itself.
    Only what a person does is them investigated: "Hillary Clinton's use of a private server",
    not "Stefan's murder"."""
    for _ in range(CONDUCT_REACH):
        if token.lemma_.lower() not in CONDUCT:
            return token
        owner = [c for c in token.children if c.dep_ == "poss"]
        about = [g for c in token.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS
                 for g in c.children if g.dep_ == "pobj"]
        following = owner or about
        if not following:
            return token
        token = following[0]
    return token


def _one_of(group) -> list:
    """'X was one of seven MPs who quit Labour', 'X is among the MPs who quit', 'Those charged
    included X', 'Among those suspended were X': the one said to be in the group did what it did."""
    if group.tag_ not in PLURAL_NOUN_TAGS and group.lower_ not in GROUP_PRONOUNS:
        return []
    if group.dep_ == "nsubj" and group.head.lemma_.lower() in LISTING_VERBS:
        return [c for c in group.head.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
    if group.dep_ != "pobj":
        return []
    prep = group.head
    holder = prep.head if prep.lower_ == "of" and prep.head.lower_ in MEMBERSHIP_WORDS else prep
    if holder.lower_ not in MEMBERSHIP_WORDS or holder.head.lemma_ != "be":
        return []
    return [c for c in holder.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
