"""The typed arguments of an event: who it happened to, and the party, body or post.

A slot is filled only by what it may hold: the person by a PERSON entity of the article
(through the same coreference as quote speakers), the org by a party (an entity with a party
word, a party's short name), an organisation entity, a seat of government, or a noun phrase
headed by an office word ("home secretary", "chairman of the British Council"). Anything else
leaves the slot empty: no phrase is better than a junk phrase.
"""
from __future__ import annotations

from ..data import mapping
from ..data import words as word_list
from ..model import Entity
from .entities import GROUP_WORDS, PARTY_WORDS, is_party_name
from .frames import lexicon
from .lexicon import canonical_party, is_listed_party
from .roles import OFFICE_WORDS as TITLE_WORDS
from .speakers import Resolver
from .syntax import (CLAUSE_BOUNDARY_DEPS, DESCRIPTIVE_POS, DETERMINER_OR_PREP_DEPS, FILLER_DEPS,
                     MODIFIER_DEPS, NAME_FILLER_DEPS, NAME_OR_PRONOUN_POS, PRENOMINAL_DEPS, SINGULAR_NOUN_TAGS,
                     SUPERLATIVE_TAGS)

SEATS_OF_GOVERNMENT = mapping("event_args", "seats_of_government")  # "quit Number 10": Downing Street
CONTESTS = word_list("event_args", "contests")  # won for a chamber
GENERIC_POSTS = word_list("event_args", "generic_posts")
PARTY_OFFICES = word_list("event_args", "party_offices")
PARTY_MEMBERS: dict[str, str] = mapping("events", "party_members")  # "became a Democrat", "Republican governor"
TIME_NOUNS = word_list("event_args", "time_nouns")
CHAMBERS = word_list("event_args", "chambers")
ROLE_BODIES = mapping("event_args", "role_bodies")  # "made a lord", "became a life peer": the Lords
# a post no longer held
FORMER_WORDS = word_list("event_args", "former_words")
# "his new party": a party founded, not one named
NEW_PARTY_WORDS = word_list("event_args", "new_party_words")
# "elected as leader", "leader of the party"
ROLE_PREPS = word_list("event_args", "role_preps")
# "secretary of state for", "minister to"
POST_PREPS = word_list("event_args", "post_preps")
BODY_PREPS = POST_PREPS | word_list("event_args", "body_preps")  # "of the BBC", "at Shell"
NOT_POSTS = word_list("event_args", "not_posts")
CAPITALISED_CHAMBERS = word_list("event_args", "capitalised_chambers")
HONOURS = word_list("event_args", "honours")
AWARD_MARKS = word_list("event_args", "award_marks")
RECENT_SENTENCES = 3  # how far back "the network" looks for the body it refers to
DETERMINERS = word_list("event_args", "determiners")


def is_person(entity: Entity | None) -> bool:
    """A named person: a PERSON entity whose name is not a group's ("Labour MPs")."""
    if entity is None or entity.label != "PERSON":
        return False
    words = entity.name.lower().split()
    return not (set(words) & GROUP_WORDS)  # "Labour MPs" is no one's name


def named_person(token, resolver: Resolver):
    """'the newly elected MP for Sedgefield, Tony Blair': the name in apposition to a role noun
    (the parser may hang it on the seat), within the noun's own phrase."""
    if token.lower_ == "one":
        # "the defection of one of his MPs, Robert Jackson": the one named
        for inner in token.subtree:
            if inner.dep_ == "appos" and inner.pos_ == "PROPN":
                return inner
    role_word = token.pos_ == "NOUN" or (token.lower_ in lexicon().office_words and resolver.entity_at(token) is None)
    if token.dep_ == "appos" and token.head.pos_ == "PROPN" and role_word:
        return token.head  # "Alan Milburn - the man appointed as ...": the man is the name before him
    one_of = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "one"
    if one_of and token.head.head.dep_ == "appos" and token.head.head.head.pos_ == "PROPN":
        return token.head.head.head  # "Barbara Follet, one of the Blair Babes elected in 1997": she was
    if token.tag_ not in SINGULAR_NOUN_TAGS and not one_of or resolver.entity_at(token) is not None:
        return token  # a plural ("most elected officials") names no one, unless it is "one of the MPs, X"
    for inner in token.subtree:
        if inner.dep_ == "appos" and inner.pos_ == "PROPN" and _within_phrase(inner, token):
            return inner
    return token


def _within_phrase(inner, top) -> bool:
    """Is ``inner`` part of the phrase ``top`` heads: not in a clause about something else, nor in
    a phrase of time or place ("chair on the eve of the Democratic convention")?"""
    node = inner.head
    while node.i != top.i:
        if node.dep_ in CLAUSE_BOUNDARY_DEPS or node.head.i == node.i or (
                node.dep_ == "prep" and node.lower_ not in BODY_PREPS):
            return False
        node = node.head
    return True


def can_be_person(token) -> bool:
    """A token that may stand for one named person: a name, a pronoun, or a singular role noun
    ("the MP", "the former minister"); not "the plan" or "officials"."""
    if token.pos_ in NAME_OR_PRONOUN_POS:
        return True
    words = lexicon()
    return token.pos_ == "NOUN" and token.tag_ == "NN" and (
        token.lemma_.lower() in words.office_words or token.lemma_.lower() in words.person_nouns)


def own_title(person_token) -> str | None:
    """The post written with the person: 'The agency's former chief executive Doug Smith',
    'chairwoman Debbie Wasserman Schultz' (the words before the name, or the role noun itself)."""
    doc = person_token.doc
    if person_token.pos_ == "NOUN":
        before, last = list(doc[person_token.left_edge.i: person_token.i]), [person_token]
    else:
        before, last = list(doc[person_token.left_edge.i: person_token.i]), []
        while before and before[-1].pos_ == "PROPN":  # the name's own first words
            before.pop()
    run: list = []
    while before and before[-1].pos_ in DESCRIPTIVE_POS and before[-1].lower_ not in FORMER_WORDS:
        run.insert(0, before.pop())
    run += last
    if run and run[-1].lemma_.lower() in lexicon().office_words:
        return " ".join(t.text for t in run)
    return None


def party(tokens, resolver: Resolver) -> str | None:
    """The party a phrase names: an organisation entity with a party word, or 'the party'."""
    for token in tokens or []:
        hit = resolver.entity_at(token)
        if hit and is_party_name(hit[1].name) and hit[1].name.lower() != "party":
            return hit[1].name
        for child in token.children:
            hit = resolver.entity_at(child)
            if child.dep_ == "appos" and hit and hit[1].label == "ORG":
                return hit[1].name  # "his new party, Veritas"
            if child.dep_ == "compound" and child.lower_ in PARTY_WORDS and token.lower_ == "party":
                return canonical_party(child.text)  # "the Labour party" when NER saw no organisation
        if (token.pos_ == "PROPN" or token.is_title) and is_listed_party(token.text):
            return canonical_party(token.text)  # "quit UKIP" where NER saw no organisation
        phrase = _name_phrase(token)
        if token.pos_ == "PROPN" and is_listed_party(phrase):
            return canonical_party(phrase)  # "Change UK", "the Independent Group": a listed party
        hits = [resolver.entity_at(c) for c in token.children if c.dep_ in MODIFIER_DEPS]
        named = [h for h in hits if h and is_party_name(h[1].name)]
        if named:
            return named[0][1].name  # "the Labour party"
        fresh = any(c.lower_ in NEW_PARTY_WORDS for c in token.children)  # "his new party"
        if token.lower_ == "party" and any(c.lower_ in DETERMINERS for c in token.children) and not fresh:
            last = resolver.last_party()
            if last is not None:
                return last.name
    return None


def first_org(slots: list, resolver: Resolver, *readers) -> str | None:
    """The first org any of ``readers`` (``party``, ``organisation``, ``post``) finds, slot by slot."""
    for slot in slots:
        for read in readers:
            found = read(slot, resolver)
            if found:
                return found
    return None


def is_party_phrase(tokens) -> bool:
    return any(t.lower_ == "party" or t.lower_ in PARTY_WORDS for o in tokens for t in o.subtree) or any(
        is_listed_party(_name_phrase(o)) for o in tokens)


def _name_phrase(token) -> str:
    """A name as written, from its first compound to its head: 'Independent Group', 'Change UK'."""
    words = [t for t in token.doc[token.left_edge.i: token.i + 1] if t.dep_ not in NAME_FILLER_DEPS]
    return " ".join(t.text for t in words)


def organisation(tokens, resolver: Resolver) -> str | None:
    """An organisation entity, or a seat of government, in the phrase; not a school or a
    hospital, where no one holds a post by leaving or joining."""
    for token in tokens or []:
        hit = resolver.entity_at(token)
        if hit and hit[1].label == "ORG" and not set(hit[1].name.lower().split()) & NOT_POSTS:
            return hit[1].name
        seat = _seat(token)
        if seat:
            return seat
    return None


def post(tokens, resolver: Resolver) -> str | None:
    """A post or body: an organisation, a party, or a phrase headed by an office word."""
    if not tokens:
        return None
    head = tokens[0]
    if head.lower_ in HONOURS or any(t.lower_ in AWARD_MARKS for t in head.subtree if t.i < head.i):
        return None  # "made an OBE", "named best director": an honour or an award, no post
    if head.lower_ in CAPITALISED_CHAMBERS and head.text.islower():
        return None  # "left the Big Brother house": a building, not the House
    if head.lemma_.lower() in CONTESTS:
        # "won the seat", "the Tatton seat": in Parliament, unless the phrase names a chamber ("a Senate
        # seat", "state Senate races": the state Senate); a race for nothing named names no post
        chamber = [t for t in head.children if t.dep_ in MODIFIER_DEPS and t.lower_ in CHAMBERS]
        if chamber:
            words = [t for t in chamber[0].subtree if t.dep_ in MODIFIER_DEPS or t is chamber[0]]
            before = head.doc[words[0].i - 1] if words[0].i > 0 else None
            if before is not None and before.head.i == head.i and before.dep_ == "compound":
                words.insert(0, before)  # "state Senate races": the parser may hang "state" on the race
            return " ".join(t.text for t in words)
        wanted = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                  if g.dep_ == "pobj" and g.lemma_.lower() in lexicon().office_words]
        if wanted:
            return post(wanted, resolver)  # "the race for governor"
        if head.lemma_.lower() == "seat":
            return "Parliament"
        named = any(c.dep_ == "compound" for c in head.children)  # "the leadership race", not "tough races"
        return role_text(head) if named else None
    if head.lemma_.lower() in ROLE_BODIES:
        return ROLE_BODIES[head.lemma_.lower()]  # "was made a lord": a seat in the Lords
    # "a newly created role as state counselor", "the position of home secretary", "the job of Chief Whip"
    role = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ROLE_PREPS for g in c.children
            if g.dep_ == "pobj"]
    if head.lemma_.lower() in GENERIC_POSTS and not any(c.dep_ == "compound" for c in head.children):
        # "a newly created role as state counselor": the role is named after "as";
        # "appointed to his post": which post, the phrase does not say
        return post(role, resolver) if role else _post_named_before(head, resolver)
    if is_office_word(head):
        # "chairman of the British Council": the body the post is in names it best
        return org_in(head, resolver) or named_before(head, resolver) or _in_party(role_text(head), head, resolver)
    return organisation(tokens, resolver) or party(tokens, resolver)


def _in_party(role: str, noun, resolver: Resolver) -> str:
    """A party office written bare ("was elected leader", "stood down as chairman") is an office of
    the party its sentence names, or of the party the article last spoke of."""
    if role.lower() not in PARTY_OFFICES:
        return role
    sentence = noun.sent
    named = {e.name for e in resolver.entities if e.label == "ORG" and is_party_name(e.name)
             for m in e.mentions if sentence.start_char <= m.start < sentence.end_char}
    party = named.pop() if len(named) == 1 else None
    if party is None and not named:
        last = resolver.last_party()
        party = last.name if last is not None else None
    return f"{canonical_party(party)} {role}" if party else role


def named_before(noun, resolver: Resolver) -> str | None:
    """The organisation a bare definite description refers back to: "resigned from the network"
    after "RT America" was named is RT America; "the committee" is the last committee named.
    A described body ("the BBC's board", "the new agency") is left as it is written."""
    words = lexicon()
    kind = noun.lemma_.lower()
    if kind not in words.kind_of_body | words.named_kinds or noun.tag_ != "NN":
        return None
    described = [c for c in noun.children if c.dep_ not in DETERMINER_OR_PREP_DEPS or c.lower_ == "of"]
    if described or not any(c.lower_ == "the" for c in noun.children):
        return None
    # a kind word ("the network") is the body the text itself called one; else, as a named kind
    # ("the committee") is the last body of that name, only when the last few sentences name one
    # body and no other: a guess among several is a wrong fact, where "network" is only a vague one
    called = _described_as(kind, noun) if kind not in words.named_kinds else None
    if called:
        return called
    since = _recent_sentences(noun).start_char
    recent = [(m.start, e.name) for e in resolver.entities if e.label == "ORG" and not is_party_name(e.name)
              for m in e.mentions if (since <= m.start or kind in words.named_kinds) and m.end <= noun.idx]
    if kind in words.named_kinds:
        recent = [r for r in recent if r[1].lower().split()[-1] == kind]
    elif len({name for _, name in recent}) > 1:
        return None
    return max(recent)[1] if recent else None


def _recent_sentences(noun):
    """The sentence RECENT_SENTENCES before the noun's own (or the first): where a definite
    description looks back for what it refers to, not a scan of the whole doc."""
    sentence = noun.sent
    for _ in range(RECENT_SENTENCES):
        if sentence.start == 0:
            break
        sentence = noun.doc[sentence.start - 1].sent
    return sentence


def _post_named_before(noun, resolver: Resolver) -> str | None:
    """'took on the post': "the post" with nothing to name it is the office the last few sentences
    name, when they name one and no other ("his first real test as home secretary ... Mr Clarke,
    who took on the post on Thursday"); a guess among several offices would be a wrong fact."""
    if [c.lower_ for c in noun.children if c.dep_ != "punct"] != ["the"]:
        return None
    offices = lexicon().office_words & TITLE_WORDS  # a post a person holds: not "the national team"
    named = [t for t in noun.doc[_recent_sentences(noun).start: noun.i] if t.tag_ in SINGULAR_NOUN_TAGS
             and t.lemma_.lower() in offices and t.dep_ not in MODIFIER_DEPS]
    phrases = {role_text(t).lower(): t for t in named}
    return post([next(iter(phrases.values()))], resolver) if len(phrases) == 1 else None


def _described_as(kind: str, noun) -> str | None:
    """The body the text itself last called a <kind>: "the RT America television network" or
    "Russia Today, the global satellite network" before "resigned from the network"."""
    for token in reversed(noun.doc[: noun.i]):
        if token.lemma_.lower() != kind or token.tag_ != "NN":
            continue
        name = [t for t in noun.doc[token.left_edge.i: token.i] if t.pos_ == "PROPN" and t.dep_ == "compound"]
        if name:
            return " ".join(t.text for t in name)
        if token.dep_ == "appos" and token.head.pos_ == "PROPN":
            return _name_phrase(token.head)
    return None


def _seat(token) -> str | None:
    words = " ".join(t.lower_ for t in token.subtree if t.dep_ != "det")
    return SEATS_OF_GOVERNMENT.get(words)


def is_body(token, resolver: Resolver) -> bool:
    """Something one is appointed to, not a party: 'the shadow cabinet', 'the BBC board'."""
    hit = resolver.entity_at(token)
    if hit and hit[1].label == "ORG":
        return not is_party_name(hit[1].name)
    return token.lemma_.lower() in lexicon().body_nouns


def org_in(noun, resolver: Resolver) -> str | None:
    """An organisation named inside a role phrase: 'chairman of the British Council', "the BBC's
    chairman"; not a word of the title itself ("Home Secretary" is a post, not the body "Home")."""
    for token in noun.subtree:
        hit = resolver.entity_at(token)
        inside_title = token.i < noun.i and token.dep_ in MODIFIER_DEPS and token.head.i == noun.i
        if hit and hit[1].label == "ORG" and token.i != noun.i and not inside_title and _within_phrase(token, noun):
            return hit[1].name  # not from a clause about something else ("..., who said the GOP's ...")
    return None


def role_text(noun) -> str:
    """The post as written, without articles, with its 'of' phrase: 'UK disability minister',
    "Labour's election supremo", 'chairman of the British Council'; no other clause or phrase."""
    doc = noun.doc
    words = [t for t in doc[noun.left_edge.i: noun.i + 1] if t.dep_ not in FILLER_DEPS
             and t.lower_ not in DETERMINERS and not t.like_num and t.tag_ not in SUPERLATIVE_TAGS
             and t.pos_ != "VERB"]  # not "newly elected", "newly-appointed": how, not what
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in POST_PREPS and c.i > noun.i]
    objects = [g for g in of[0].children if g.dep_ == "pobj"] if of else []
    if objects and (objects[0].lemma_.lower() in TIME_NOUNS or any(t.like_num for t in objects[0].subtree)):
        objects = []  # "the youngest premier of the 20th century": a record, not the post's name
    if objects:  # "secretary of state for health": the phrase up to its head, no clause after it
        # with its article, as the office is written: "chancellor of the exchequer"
        words += [of[0], *doc[objects[0].left_edge.i: objects[0].i + 1]]
    words = sorted(set(words), key=lambda t: t.i)
    text = " ".join(t.text for t in words)
    return text.replace(" 's", "'s").replace(" \u2019s", "\u2019s").strip() or noun.text


def role_org(person_token, resolver: Resolver) -> str | None:
    """'BBC chairman Gavyn Davies': the body named in the person's own title."""
    for child in person_token.children:
        if child.dep_ in PRENOMINAL_DEPS and child.i < person_token.i:
            for token in child.subtree:
                hit = resolver.entity_at(token)
                if hit and hit[1].label == "ORG" and not _inside_title(token, hit[0].end):
                    return hit[1].name
    return None


def written_title(person_token, resolver: Resolver) -> str | None:
    """'the then Home Secretary David Blunkett': the office written right before this mention of the
    name, as the roles reader took it."""
    start = person_token.left_edge.idx
    for entries in resolver.roles.values():
        for offset, _, phrase in entries:
            if start <= offset < person_token.idx and phrase.split()[-1].lower() in lexicon().office_words:
                return phrase
    return None


def _inside_title(token, end: int) -> bool:
    """'Home Secretary David Blunkett' with "Home" read as a body: a capitalised office word right after
    it makes it part of the title, not the body the person works for ("BBC chairman")."""
    after = next((t for t in token.doc[token.i:] if t.idx >= end), None)
    return after is not None and after.is_title and after.lemma_.lower() in lexicon().office_words


def party_label(noun, resolver: Resolver) -> str | None:
    """'the Liberal Democrat candidate': the party words written before the noun."""
    words = [t for t in noun.doc[noun.left_edge.i: noun.i] if t.dep_ in MODIFIER_DEPS and t.is_title]
    while words and words[-1].lower_ not in PARTY_WORDS and not is_listed_party(words[-1].text):
        words = words[:-1]  # "Tory Parliamentary hopefuls": the party is "Tory"
    label = " ".join(t.text for t in words)
    if label and is_party_name(label):
        return label
    return party(party_in(noun, resolver), resolver)


def is_office_word(token) -> bool:
    """A word that names a post or seat, by lemma or as written ("MPs", which the tagger may leave
    unlemmatised)."""
    words = lexicon().office_words
    return token.lemma_.lower() in words or token.lower_ in words


def parties_written_with(person: Entity, resolver: Resolver) -> set[str]:
    """The listed parties in the titles the article writes with the person ("Labour MP X", "X, the
    Tory candidate"), canonical."""
    return {PARTY_MEMBERS.get(word.lower()) or canonical_party(word) for entries in resolver.roles.values()
            for _, holder, phrase in entries if holder is person for word in phrase.split()
            if word[:1].isupper() and (is_listed_party(word) or word.lower() in PARTY_MEMBERS)}


def party_in(token, resolver: Resolver) -> list:
    return [t for t in token.subtree if (hit := resolver.entity_at(t)) and is_party_name(hit[1].name)]
