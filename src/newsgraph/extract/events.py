"""Political events: who left, joined, was suspended, elected or appointed, when and why.

Triggers come from the lexicon below, read over lemmas and the dependency parse in the
forms news uses: active and passive verbs ("quit Labour", "was suspended from the
party"), nouns ("her resignation", "Ken Livingstone's suspension"), relative clauses
("Mr Lewis, who was suspended ..."), phrasal verbs ("stand down"). The person resolves
through the same entities and pronoun rules as quote speakers. Each event gets a status
(only ``asserted`` ones are timeline facts), a date from its own time expression or the
publication date for present-perfect news verbs, and its sentence as evidence. Mentions
of one real event are merged.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Entity, Event, Span, TimeValue
from .entities import PARTY_WORDS, is_party_name
from .lexicon import MODALS, canonical_party
from .speakers import Resolver
from .syntax import governing_verb, main_subject

# verb lemma -> event type (None: decided by the object, see _verb_type)
VERB_TRIGGERS: dict[str, str | None] = {
    "quit": None, "leave": None, "resign": None, "defect": "join_party", "join": "join_party",
    "rejoin": "join_party", "suspend": "suspend", "expel": "expel", "deselect": "expel",
    "reinstate": "reinstate", "readmit": "reinstate", "appoint": "appoint", "name": "appoint",
    "elect": "elect", "re-elect": "elect", "reelect": "elect", "investigate": "investigate",
    "found": "join_party", "launch": "join_party", "step": "resign_office", "stand": None,
    "select": "candidacy", "make": "appoint", "become": "appoint", "win": "elect",
}
NOUN_TRIGGERS: dict[str, str] = {
    "resignation": "resign_office", "suspension": "suspend", "expulsion": "expel",
    "defection": "join_party", "deselection": "expel", "reinstatement": "reinstate",
    "appointment": "appoint", "election": "elect", "investigation": "investigate",
    "inquiry": "investigate", "probe": "investigate", "departure": "resign_office",
}
# words above a trigger that make it not (yet) a fact
PLANNED = {"hope", "plan", "want", "intend", "expect", "seek", "try", "aim", "prepare", "wish", "vow",
           "promise", "pledge", "urge", "call", "demand", "ask", "tell"}
CONSIDERED = {"consider", "contemplate", "weigh", "verge", "mull", "think"}
THREATENED = {"threat", "threaten", "risk", "face"}
NEGATORS = {"spare", "deny", "refuse", "avoid", "escape", "rule"}
EVENT_MODALS = MODALS | {"can", "must"}
REASON_PREPS = {"over", "because", "after", "amid", "following", "for"}
PRESENT_PERFECT_AUX = {"has", "have", "'s"}


@dataclass(slots=True)
class _Found:
    type: str
    person: Entity | None
    org: str | None
    place: str | None
    date: TimeValue | None
    status: str
    reason: str | None
    evidence: list[Span] = field(default_factory=list)
    nominal: bool = False


def extract_events(doc, entities: list[Entity], times: list[TimeValue], published: dt.date | None,
                   inside=lambda offset: False, skip=lambda start, end: False,
                   speaker_at=lambda offset: None) -> list[Event]:
    """The events of one parsed article, one per real event, in order of first mention.

    ``speaker_at(offset)`` gives the entity whose quote covers an offset, so that "I" and
    "my" in "Resigning my membership," she said resolve to her.
    """
    resolver = Resolver(entities, doc, inside)
    resolver.speaker_at = speaker_at
    found: list[_Found] = []
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
                # in a quote, only what the speaker states outright ("Resigning my membership") is a fact;
                # what is considered or planned there ("many of whom are considering leaving") is kept as such
                events = [e for e in events if e.status != "asserted"]
            found += events
        subject = main_subject(sentence, inside)
        if subject is not None:
            resolver.note_subject(resolver.resolve(subject).entity)
    return [_as_event(f) for f in _fill_offices(_merge(found))]


def _fill_offices(found: list[_Found]) -> list[_Found]:
    """A resignation that names no post leaves the post the article says the person took."""
    for event in found:
        if event.type == "resign_office" and event.org is None and event.person is not None:
            taken = [e for e in found if e.type == "appoint" and e.person is event.person and e.org]
            if taken:
                event.org = taken[-1].org
    return found


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
        words = set(VERB_TRIGGERS) | set(NOUN_TRIGGERS) | {"be", "candidate", "confidence"}
        forms = {verb + suffix for verb in VERB_TRIGGERS for suffix in ("ed", "d", "ing", "s", "es")}
        _HASHES[id(strings)] = (frozenset(strings[w] for w in words), frozenset(strings[f] for f in forms))
    return _HASHES[id(strings)]


def _lemma(token) -> str:
    """The lemma, mended for verbs the lemmatiser does not know ("deselected")."""
    lemma = token.lemma_.lower()
    if lemma in VERB_TRIGGERS or lemma in NOUN_TRIGGERS or token.pos_ not in {"VERB", "ADJ", "NOUN", "PROPN"}:
        return lemma
    low = token.lower_
    for suffix in ("ed", "d", "ing"):
        if low.endswith(suffix) and low[: -len(suffix)] in VERB_TRIGGERS:
            return low[: -len(suffix)]
    return lemma


def _event(token, resolver: Resolver, times: list[TimeValue], published: dt.date | None) -> list[_Found]:
    lemma = _lemma(token)
    now_is = lemma == "be" and any(c.lower_ == "now" for c in token.children)
    if (lemma in VERB_TRIGGERS or now_is) and _acts_as_verb(token):
        kind, person_token, org = _verb_event(token, lemma, resolver)
    elif token.pos_ == "NOUN" and lemma in NOUN_TRIGGERS:
        kind, person_token, org = _noun_event(token, lemma, resolver)
    elif lemma == "candidate" and token.dep_ == "attr":
        kind, person_token, org = "candidacy", _subject(token.head), _party_label(token, resolver)
    elif lemma == "confidence" and token.i > 0 and token.doc[token.i - 1].lower_ == "no":
        kind, person_token, org = _no_confidence(token, resolver)
    else:
        return []
    if kind is None or person_token is None:
        return []
    found = []
    shared_org = None  # "BBC chairman X, director-general Y and reporter Z": one body for the list
    for one in [person_token, *_conjuncts(person_token)] if token.pos_ == "NOUN" else [person_token]:
        person = _person(one, resolver)
        shared_org = shared_org or _role_org(one, resolver)
        if person is not None and person.label == "PERSON":
            found.append(_found(token, kind, person, org or _role_org(one, resolver) or shared_org, resolver,
                                times, published))
        elif person is None and kind in {"leave_party", "join_party"} and _people(one) and (
                _status(token) != "asserted"):
            # "many of whom are considering leaving": kept with its status, about no one named
            found.append(_found(token, kind, None, org, resolver, times, published))
    return found


def _people(token) -> bool:
    """'members', 'many of whom', 'they': a group of people, not a thing."""
    return token.tag_ in {"NNS", "NNPS"} or token.lower_ in {"many", "some", "several", "others", "they", "we",
                                                              "dozens", "scores", "hundreds", "thousands"}


def _person(token, resolver: Resolver) -> Entity | None:
    if token.lower_ in {"i", "me", "my", "myself"}:
        return resolver.speaker_at(token.idx)  # the speaker of the quote it stands in
    return resolver.resolve(token).entity


def _conjuncts(token) -> list:
    """'the resignation of X, Y and Z': everyone in the list."""
    out = []
    for child in token.children:
        if child.dep_ == "conj":
            out += [child, *_conjuncts(child)]
    return out


def _role_org(person_token, resolver: Resolver) -> str | None:
    """'BBC chairman Gavyn Davies': the body named in the person's own title."""
    for child in person_token.children:
        if child.dep_ in {"compound", "nmod", "poss"} and child.i < person_token.i:
            for token in child.subtree:
                hit = resolver.entity_at(token)
                if hit and hit[1].label == "ORG":
                    return hit[1].name
    return None


def _found(token, kind: str, person: Entity | None, org: str | None, resolver: Resolver, times, published) -> _Found:
    sentence = token.sent
    date = _date(token, times, published)
    if org is None and kind in {"suspend", "expel", "reinstate"}:
        party = resolver.last_party()  # a suspension in a party story is the party's
        org = party.name if party is not None else None
    reason = None if kind in {"elect", "candidacy", "appoint"} else _reason(token)  # "for X" is a seat there
    return _Found(kind, person, org, _place(token, kind), date, _status(token), reason,
                  [Span(sentence.start_char, sentence.end_char)], nominal=token.pos_ == "NOUN")


def _verb_event(token, lemma: str, resolver: Resolver):
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children) or (
        token.tag_ in {"VBN", "VBD"} and token.dep_ in {"advcl", "acl", "amod", "relcl"} and not any(
            c.dep_ in {"aux", "nsubj"} for c in token.children)) or (
        token.tag_ == "VBN" and not any(c.dep_ in {"aux", "nsubj"} for c in token.children))  # "First elected to ..."
    particle = {c.lower_ for c in token.children if c.dep_ == "prt"}
    objects = [c for c in token.children if c.dep_ in {"dobj", "attr", "oprd"}]
    own_subject = [c for c in token.children if c.dep_ == "nsubj" and c.lower_ not in {"who", "that", "which"}]
    if not objects and token.dep_ == "relcl" and own_subject and token.head.pos_ in {"NOUN", "PROPN"}:
        objects = [token.head]  # "the party she joined"
    preps = {c.lower_: [g for g in c.children if g.dep_ == "pobj"] for c in token.children if c.dep_ == "prep"}
    subject = _subject(token)
    if lemma in {"step", "stand"}:
        if particle & {"down", "aside"}:
            return "resign_office", subject, _post(preps.get("as") or preps.get("from"), resolver)
        if lemma == "stand" and ("for" in preps or "as" in preps):
            return "candidacy", subject, _party(_party_in(token, resolver), resolver)
        return None, None, None
    if lemma == "become" or (lemma == "be" and any(c.lower_ == "now" for c in token.children)):
        # "he became a UK disability minister", "who is now Veritas' deputy leader"
        roles = [o for o in objects if o.pos_ in {"NOUN", "PROPN"} and o.dep_ == "attr"]
        if not roles or roles[0].lemma_.lower() in {"candidate", "member", "part", "one", "thing"}:
            return None, None, None
        elected = ELECTED_ROLES.get(roles[0].text.lower())
        if elected:
            return "elect", subject, elected  # "he became an MP": MPs are elected
        return "appoint", subject, _org_in(roles[0], resolver) or _role_text(roles[0])
    if lemma == "win":
        # "won the seat in 1997": elected to Parliament for it
        seats = [o for o in objects if o.lemma_.lower() in {"seat", "election", "by-election", "ballot"}]
        return ("elect", subject, "Parliament") if seats else (None, None, None)
    if lemma == "make":
        if not passive or not objects:
            return None, None, None
        return "appoint", subject, _np_text(objects[0])
    if lemma in {"quit", "leave", "resign"}:
        target = objects[:1] or preps.get("from") or []
        post = preps.get("as")
        party = _party(target, resolver)
        if party is None and any(t.lower_ == "membership" for t in target):
            last = resolver.last_party()  # "Resigning my membership"
            owner = [c for t in target for c in t.children if c.dep_ == "poss"]
            return "leave_party", subject or (owner[0] if owner else None), last.name if last else None
        if party:
            return "leave_party", subject, party
        if post or lemma == "resign":
            return "resign_office", subject, _post(post or target, resolver)
        return None, None, None
    kind = VERB_TRIGGERS[lemma]
    if kind in {"suspend", "expel", "reinstate", "appoint", "elect", "investigate", "candidacy"}:
        person = subject if passive else (objects[0] if objects else None)
        if kind in {"suspend", "expel", "reinstate"}:
            org = _party(preps.get("from") or _agent(token), resolver) or _org(preps.get("from") or _agent(token),
                                                                                resolver)
        elif kind in {"appoint", "elect"}:
            org = _post(preps.get("as") or preps.get("to") or preps.get("for"), resolver)
        else:
            org = _org(_agent(token), resolver)
        return kind, person, org
    if kind == "join_party" and lemma in {"join", "rejoin"} and objects and _is_body(objects[0], resolver):
        return "appoint", subject, _org(objects, resolver) or _role_text(objects[0])  # "joined the shadow cabinet"
    if kind == "join_party":
        target = preps.get("to") if lemma == "defect" else objects
        if lemma in {"found", "launch"} and not _is_party_phrase(objects):
            return None, None, None
        party = _party(target, resolver)
        if party is None and lemma in {"found", "launch"} and objects:
            party = _np_text(objects[0])
        if party is None and any(t.lower_ == "party" for t in target or []):
            return "join_party", subject, None  # "could not join another party": kept, with its status
        return ("join_party", subject, party) if party else (None, None, None)
    return None, None, None


def _noun_event(token, lemma: str, resolver: Resolver):
    kind = NOUN_TRIGGERS[lemma]
    owner = [c for c in token.children if c.dep_ == "poss"]
    of = [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "into"} for g in c.children
          if g.dep_ == "pobj"]
    if not of:  # "the defection to Labour of Robert Jackson": the parser hangs "of" lower down
        of = [g for t in token.subtree if t.dep_ == "prep" and t.lower_ == "of" and t.head.i != token.i
              for g in t.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    person = owner[0] if owner and owner[0].pos_ in {"PROPN", "PRON"} else (of[0] if of else None)
    if person is None:
        compound = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        person = compound[-1] if compound else None
    preps = {c.lower_: [g for g in c.children if g.dep_ == "pobj"] for c in token.children if c.dep_ == "prep"}
    if kind == "join_party":
        party = _party(preps.get("to"), resolver)
        return ("join_party", person, party) if party else (None, None, None)
    if kind == "investigate":
        body = owner[0] if owner and owner[0].pos_ == "PROPN" and (resolver.entity_at(owner[0]) or (None, None))[1] \
            is not None and resolver.entity_at(owner[0])[1].label == "ORG" else None
        if body is not None:
            person = _subject(governing_verb(token))
            return "investigate", person, _org([body], resolver)
        return ("investigate", person, None) if of else (None, None, None)
    if kind == "resign_office":
        party = _party(preps.get("from"), resolver)
        if party:
            return "leave_party", person, party
        return kind, person, _post(preps.get("from"), resolver)
    if kind == "elect":
        return None, None, None  # "the election" is a contest, not someone's election
    return kind, person, _party(preps.get("from"), resolver)


def _no_confidence(token, resolver: Resolver):
    verb = governing_verb(token)
    target = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return "no_confidence", (target[0] if target else None), None


def _subject(token):
    for _ in range(3):
        for child in token.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                if child.lower_ in {"who", "that", "which"} and token.dep_ == "relcl":
                    return token.head
                return child
        if token.dep_ in {"conj", "xcomp", "advcl", "relcl", "acl", "pcomp"} and token.head.i != token.i:
            if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"PROPN", "NOUN", "PRON"}:
                return token.head
            token = token.head
            if token.dep_ == "prep" and token.head.i != token.i:
                token = governing_verb(token.head)  # "between stepping down as ...": up to the clause
            continue
        break
    return None




def _agent(token) -> list:
    return [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _party(tokens, resolver: Resolver) -> str | None:
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
        if token.pos_ == "PROPN" and canonical_party(token.text) != token.text:
            return canonical_party(token.text)  # "quit UKIP" where NER saw no organisation
        named = [resolver.entity_at(c) for c in token.children if c.dep_ in {"compound", "amod"}]
        named = [h for h in named if h and is_party_name(h[1].name)]
        if named:
            return named[0][1].name  # "the Labour party"
        if token.lower_ == "party" and any(c.lower_ in {"the", "his", "her", "their", "its", "our"}
                                           for c in token.children):
            last = resolver.last_party()
            if last is not None:
                return last.name
    return None


def _is_party_phrase(tokens) -> bool:
    return any(t.lower_ == "party" or t.lower_ in PARTY_WORDS for o in tokens for t in o.subtree)


def _party_label(noun, resolver: Resolver) -> str | None:
    """'the Liberal Democrat candidate': the party words written before the noun."""
    words = [t for t in noun.doc[noun.left_edge.i: noun.i] if t.dep_ in {"amod", "compound"} and t.is_title]
    label = " ".join(t.text for t in words)
    if label and is_party_name(label):
        return label
    return _party(_party_in(noun, resolver), resolver)


def _party_in(token, resolver: Resolver) -> list:
    return [t for t in token.subtree if resolver.entity_at(t) and is_party_name(resolver.entity_at(t)[1].name)]


def _org(tokens, resolver: Resolver) -> str | None:
    for token in tokens or []:
        hit = resolver.entity_at(token)
        if hit and hit[1].label == "ORG":
            return hit[1].name
    return None


def _post(tokens, resolver: Resolver) -> str | None:
    """A post or body: an organisation's name, else the phrase ('home secretary')."""
    if not tokens:
        return None
    return _org(tokens, resolver) or _np_text(tokens[0])


ELECTED_ROLES = {"mp": "Parliament", "mep": "European Parliament", "msp": "Scottish Parliament",
                 "am": "Welsh Assembly", "mla": "Northern Ireland Assembly", "councillor": "council"}
BODY_NOUNS = {"cabinet", "government", "board", "committee", "commission", "council", "executive",
              "frontbench", "team", "panel", "lords"}


def _is_body(token, resolver: Resolver) -> bool:
    """Something one is appointed to, not a party: 'the shadow cabinet', 'the BBC board'."""
    hit = resolver.entity_at(token)
    if hit and hit[1].label == "ORG":
        return not is_party_name(hit[1].name)
    return token.lemma_.lower() in BODY_NOUNS


def _org_in(noun, resolver: Resolver) -> str | None:
    """An organisation named inside a role phrase: 'chairman of the British Council'."""
    for token in noun.subtree:
        hit = resolver.entity_at(token)
        if hit and hit[1].label == "ORG" and token.i != noun.i:
            return hit[1].name
    return None


def _role_text(noun) -> str:
    """The role as written, without articles: 'UK disability minister', "Labour's election supremo"."""
    words = [t for t in noun.doc[noun.left_edge.i: noun.i + 1] if t.dep_ not in {"det", "punct"}]
    return " ".join(t.text for t in words).replace(" 's", "'s").replace(" \u2019s", "\u2019s")


def _np_text(token) -> str:
    words = [t for t in token.subtree if t.dep_ not in {"det", "poss", "punct", "relcl", "acl"} and t.i <= token.i
             or t.head.i == token.i and t.dep_ == "prep" or t.head.dep_ == "prep" and t.head.head.i == token.i]
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i) if t.lower_ not in {"the", "a", "an"})
    return text.strip() or token.text


def _place(token, kind: str) -> str | None:
    if kind not in {"elect", "candidacy"}:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"for", "in"}:
            for obj in child.children:
                if obj.pos_ == "PROPN":
                    return " ".join(t.text for t in obj.subtree if t.dep_ != "det")
    return None


def _status(token) -> str:
    chain = [token]
    head = token
    for _ in range(4):
        if head.head.i == head.i:
            break
        head = head.head
        chain.append(head)
    for node in chain[:3]:
        children = list(node.children)
        if any(c.dep_ == "neg" for c in children):
            return "negated"
        if any(c.dep_ == "aux" and c.lower_ in EVENT_MODALS for c in children):
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in children):
            return "hypothetical"
        if any(c.lower_ == "whether" for c in children):
            return "considered"  # "agonised over whether to leave"
    governing = []
    for below, node in zip(chain, chain[1:], strict=False):
        if below.dep_ in {"relcl", "acl", "advcl", "conj", "ccomp", "parataxis", "appos"}:
            break  # "X, who quit the party, wants ...": the wanting is not about the quitting
        governing.append(node)
        if node.pos_ in {"VERB", "AUX"}:
            break
    for below, node in zip(chain, governing, strict=False):
        lemma = node.lemma_.lower()
        if lemma in NEGATORS and below.dep_ not in {"dobj", "xcomp", "ccomp", "pcomp", "attr", "oprd"}:
            continue  # "denied the allegations and slammed the investigation": not a denied investigation
        if lemma in THREATENED:
            return "threatened"
        if lemma in CONSIDERED or node.lower_ in {"considering", "verge"}:
            return "considered"
        if lemma in PLANNED:
            return "planned"
        if lemma in NEGATORS:
            return "negated"
    # "was to be given a date for a hearing": a plan, not yet a fact
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and token.dep_ in {"xcomp", "ccomp"}:
        return "planned"
    return "asserted"


def _reason(token) -> str | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in REASON_PREPS:
            words = list(child.subtree)[1:]
            if words:
                return " ".join(t.text for t in words)
        if child.dep_ == "prep" and child.lower_ == "in" and any(g.lower_ == "protest" for g in child.children):
            return " ".join(t.text for t in child.subtree)
        if child.dep_ == "advcl" and child.lower_ in {"blaming", "citing", "accusing"}:
            return " ".join(t.text for t in child.subtree)
    return None


def _date(token, times: list[TimeValue], published: dt.date | None) -> TimeValue | None:
    """The event's own time expression, else the publication date for 'has quit'."""
    clause = [t for t in token.subtree]
    start = min(t.idx for t in clause)
    end = max(t.idx + len(t.text) for t in clause)
    own = [t for t in times if start <= t.start and t.end <= end and t.value
           and not t.text.lower().startswith("since") and _governed_directly(token, t)]
    if own:
        return min(own, key=lambda t: abs(t.start - token.idx))
    aux = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    if published is not None and (aux & PRESENT_PERFECT_AUX):
        return TimeValue(token.idx, token.idx, "", published.isoformat(), "day")
    return None


CLAUSES = {"relcl", "acl", "ccomp", "advcl", "xcomp", "csubj", "conj"}


def _governed_directly(trigger, time: TimeValue) -> bool:
    """Is the time expression the trigger's own, not a subordinate clause's ('the party she joined 55 years ago')?"""
    span = trigger.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    while node.i != trigger.i:
        if node.dep_ in CLAUSES or node.head.i == node.i:
            return False
        node = node.head
    return True




def _merge(found: list[_Found]) -> list[_Found]:
    """Mentions of one real event (same type and person, compatible org and date) become one."""
    merged: list[_Found] = []
    for event in found:
        twin = next((m for m in merged if _same(m, event)), None)
        if twin is None:
            merged.append(event)
            continue
        twin.evidence += event.evidence
        twin.org = twin.org or event.org
        twin.place = twin.place or event.place
        twin.reason = twin.reason or event.reason
        if event.status == "asserted":
            twin.status = "asserted"
        if event.date and event.date.value and (
                twin.date is None or len(event.date.value) > len(twin.date.value or "")):
            twin.date = event.date  # the most precise date any mention gives
    return merged


def _same(a: _Found, b: _Found) -> bool:
    if a.person is None or b.person is None or a.person.id != b.person.id:
        return False
    if a.type != b.type:
        # "his resignation" after "has resigned from the Labour Party" is the same departure
        resignations = {"leave_party", "resign_office"}
        return {a.type, b.type} <= resignations and b.nominal and b.org is None

    if a.org and b.org and a.org != b.org:
        return False
    if a.date and b.date and a.date.value and b.date.value:
        short = min(len(a.date.value), len(b.date.value))
        return a.date.value[:short] == b.date.value[:short] or a.date.value[:4] == b.date.value[:4]
    return True


def _as_event(f: _Found) -> Event:
    return Event(type=f.type, person=f.person.name if f.person else None,
                 org=canonical_party(f.org) if f.org else None, place=f.place,
                 date=f.date.value if f.date else None, status=f.status, reason=f.reason,
                 evidence=tuple(f.evidence))
