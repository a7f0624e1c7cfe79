"""When, why and whether: an event trigger's status, reason and date, read from its clause.

Status: modals, "if", negation, governing words of plan, threat, consideration, denial or
claim (``data/events.toml`` lists them), nouns of intention ("his intention to stand down"),
questions. Date: a time expression of the trigger's own clause, else the publication date for
a present perfect ("has quit"), else the sentence's one date when its clause governs the trigger.
"""
from __future__ import annotations

import datetime as dt

from ..data import words as word_list
from ..model import EventStatus, TimeValue
from .frames import lexicon
from .lexicon import MODALS
from .timex import MONTHS
from .syntax import (ASIDE_DEPS, AUX_DEPS, CLAUSES, COMPLEMENT_CHAIN_DEPS, DESCRIBING_CLAUSES, FINITE,
                     GERUND_OR_PARTICIPLE, INFINITIVE_DEPS, NEGATED_OBJECT_DEPS, NEGATION_OR_MARK_DEPS, PAST_TAGS,
                     PRESENT_TAGS, REPORTED_OR_COORDINATED_DEPS, SUBJECT_DEPS, SUPERLATIVE_TAGS, TIME_LABELS, VERBAL,
                     governing_verb)

INQUIRIES = word_list("event_context", "inquiries")
# what one does with a no-confidence motion: facing, losing or surviving one says it was tabled
MOTION_VERBS = word_list("events", "motion_verbs")
# charging words a decision presupposes an investigation for, charged or not, and the deciding words
PRESUPPOSED = word_list("event_context", "presupposed")
DECIDING = word_list("event_context", "deciding")
# a person named as someone's successor holds the post
SUCCESSOR_NOUNS = word_list("event_context", "successor_nouns")
# "is considering quitting", "on the verge of quitting"
CONSIDERING_WORDS = word_list("event_context", "considering_words")
CONDITIONAL_MARKS = word_list("event_context", "conditional_marks")
# a clause set a length of time before or after its main clause's: that time is not its own
SHIFTING_MARKS = word_list("event_context", "shifting_marks")
# "quit Labour to join the Lib Dems": verbs of leaving, and what one leaves them to do
LEAVING_VERBS = word_list("event_context", "leaving_verbs")
JOINED_ON_LEAVING = word_list("event_context", "joined_on_leaving")
TIME_PREPOSITIONS = word_list("event_context", "time_prepositions")
TIME_CLAUSE_WORD_DEPS = frozenset({"mark", "advmod"})  # "after he quit" (a mark), "when he quit" (an adverb)
# "is set to quit", "is to quit": a plan
ABOUT_TO_VERBS = word_list("event_context", "about_to_verbs")
# "quit, blaming ...": the reason given
REASON_PARTICIPLES = word_list("event_context", "reason_participles")


# "his possible successor": the words that make a named successor not (yet) one
TEMPORAL_MARKS = word_list("event_context", "temporal_marks")
TIME_CLAUSE_MARKS = TEMPORAL_MARKS | SHIFTING_MARKS  # "before" places a clause in time as well
POTENTIAL = word_list("event_context", "potential")
STATUS_REACH = 4  # governors above a trigger read for its status: "said he had been told he could quit"
COMPLEMENT_REACH = 3  # complements an aim or implication runs down ("designed to help elect Trump")
# a modal or an infinitive's "to": the verb after it did not (yet) happen
UNREALISED_AUX = MODALS | word_list("event_context", "infinitive_marks")


def clause_status(token) -> str:
    """Whether the clause asserts the event: asserted, negated, hypothetical, considered,
    planned, threatened or claimed."""
    words = lexicon()
    if token.pos_ == "NOUN" and token.lemma_.lower() in SUCCESSOR_NOUNS:
        # a person named as someone's successor holds the post, whatever the clause says of it
        return EventStatus.PLANNED if any(c.lower_ in POTENTIAL for c in token.children) else EventStatus.ASSERTED
    chain = [token]
    head = token
    for _ in range(STATUS_REACH):
        if head.head.i == head.i:
            break
        head = head.head
        chain.append(head)
    if token.lemma_.lower() in PRESUPPOSED and any(_decided(node) for node in chain[1:]):
        # "decided not to prosecute her": whether to charge her was decided on an investigation
        return EventStatus.ASSERTED
    own = _own_clause(chain)
    for node in own[:3]:
        if _time_clause(node):
            if node.tag_ in PRESENT_TAGS and any(c.dep_ in AUX_DEPS and c.lower_ in UNREALISED_AUX
                                                 for c in node.head.children):
                return EventStatus.PLANNED  # "When Tony Blair steps down, Gordon Brown will take over": not yet
            break
    for node in _negatable(chain[:3]):
        children = list(node.children)
        if any(c.dep_ == "neg" for c in children) or any(
                c.dep_ in SUBJECT_DEPS and any(d.lower_ == "neither" for d in c.children) for c in children):
            return EventStatus.NEGATED  # "Neither Clinton nor her allies have been charged"
        if any(c.dep_ == "aux" and c.lower_ in MODALS | words.modals for c in children):
            return EventStatus.HYPOTHETICAL
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
            return EventStatus.HYPOTHETICAL
        if any(c.lower_ == "whether" for c in children):
            return EventStatus.CONSIDERED  # "agonised over whether to leave"
    governing = []
    for below, node in zip(own, own[1:], strict=False):
        if below.dep_ in INFINITIVE_DEPS and node.pos_ == "NOUN":
            noun = node.lemma_.lower()  # "his intention to stand down", "the threat of suspension"
            for status, nouns in ((EventStatus.PLANNED, words.planned), (EventStatus.THREATENED, words.threatened),
                                  (EventStatus.CONSIDERED, words.considered),
                                  (EventStatus.CLAIMED, words.claimed_nouns)):
                if noun in nouns:
                    return status
        infinitive = below.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
        if infinitive and any(c.dep_ == "dobj" and c.i < below.i and c.lemma_.lower() in words.planned
                              for c in node.children):
            return EventStatus.PLANNED  # "made a bid last year to become chairman": the aim's "to" hung on the verb
        if below.dep_ in ASIDE_DEPS and not infinitive or _time_phrase(below):
            break  # "X, who quit the party, wants ...": the wanting is not about the quitting
        if below.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in below.children):
            break  # "he told the nation he was resigning and the Queen invited X": a clause of its own
        governing.append(node)
        if node.pos_ in VERBAL and below.dep_ not in REPORTED_OR_COORDINATED_DEPS:
            break  # a conjunct shares its head's governor: "an appeal to go out and win"
        if below.dep_ == "ccomp":
            break
    for below, node in zip(chain, governing, strict=False):
        lemma = node.lemma_.lower()
        if node.pos_ in VERBAL and (below.dep_ == "nsubj" or below.dep_ == "nsubjpass" and lemma in words.addressed):
            # "his appointment has pushed the party to the right", "the trial was told": the trigger
            # does the governing verb or is told by it; it is not what the verb plans or denies
            break
        if node.pos_ == "NOUN" and node.i < token.i and any(
                c.dep_ == "det" and c.lower_ == "no" for c in node.children):
            # "has no thoughts of quitting": "no" denies what follows its noun, not a word before it
            # ("no confidence motions")
            return EventStatus.NEGATED
        if _implicative(node):
            continue  # "was forced to step down" stepped down: the verb entails its complement
        if lemma in MOTION_VERBS and token.lemma_.lower() == "confidence":
            continue  # "faced / survived a vote of no confidence": the motion was tabled (GUIDELINES)
        if lemma in words.negators and below.dep_ not in NEGATED_OBJECT_DEPS:
            continue  # "denied the allegations and slammed the investigation": not a denied investigation
        if lemma in words.threatened and not (token.pos_ == "NOUN" and token.lemma_.lower() in INQUIRIES):
            return EventStatus.THREATENED  # but "faces an inquiry": the inquiry is under way
        if lemma in words.considered or node.lower_ in CONSIDERING_WORDS:
            return EventStatus.CONSIDERED
        if lemma in words.planned and not _finite_report(below):
            return EventStatus.PLANNED
        if lemma in words.negators:
            return EventStatus.NEGATED
        if lemma in words.claimed and below.dep_ == "ccomp":
            return EventStatus.CLAIMED  # "she claimed he had been suspended": the article reports a claim
    # "was to be given a date for a hearing": a plan, not yet a fact
    if _infinitive(token):
        return EventStatus.PLANNED
    if token.sent.text.rstrip().endswith("?"):
        return EventStatus.HYPOTHETICAL  # "Will he quit?": asked, not told
    return EventStatus.ASSERTED




def _decided(node) -> bool:
    """A decision taken: "the FBI decided", "the Justice Department decision"; not "may decide"."""
    if node.lemma_.lower() not in DECIDING:
        return False
    return node.pos_ == "NOUN" or _done(node)


def _done(verb) -> bool:
    """A verb in the past with no modal or "to" before it: "decided", "was forced"; not "may decide"."""
    return verb.tag_ in PAST_TAGS and not any(c.dep_ == "aux" and c.lower_ in UNREALISED_AUX for c in verb.children)


def _infinitive(token) -> bool:
    """An event in a 'to' clause is one aimed at: "to go out and win", "designed ... to help elect
    Donald Trump" (up through the bare complements and conjuncts that share the 'to'); not after an
    implicative verb ("was forced to step down")."""
    if token.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return not _counted(token)  # "the next MP to quit": one still to come, unless counted ("the third")
    node = token
    for _ in range(COMPLEMENT_REACH):
        if node.dep_ not in COMPLEMENT_CHAIN_DEPS:
            return False
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and node.dep_ != "conj":
            return not _implicative(node.head) and not _counted(node) and not _left_to_join(node)
        node = node.head
    return False


def _counted(clause) -> bool:
    """'the third MP to quit the party', 'the latest minister to resign': a 'to' clause on a noun
    counted by an ordinal or a superlative tells what happened (not 'the next MP to quit')."""
    if clause.dep_ in DESCRIBING_CLAUSES:
        nouns = [clause.head]
    else:  # "is the third MP to quit": the parser may hang the clause on the verb beside the noun
        nouns = [c for c in clause.head.children if c.dep_ == "attr"] if clause.dep_ == "xcomp" else []
    return any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" or c.lower_ == "last"
                                     or any(m.tag_ in SUPERLATIVE_TAGS for m in c.children))  # "most recent"
               for noun in nouns for c in noun.children)


# verbs whose past entails their complement ("was forced to quit", "managed to win"); not the
# future or the bare infinitive ("will force him to quit", "to force him out")
IMPLICATIVE = word_list("event_context", "implicative")


def _left_to_join(clause) -> bool:
    """'quit Labour to join the Liberal Democrats', 'left to form the Independent Group': a party
    joined or founded as the purpose of a departure that happened is told as done, as a defection is."""
    return clause.lemma_.lower() in JOINED_ON_LEAVING and clause.head.lemma_.lower() in LEAVING_VERBS and _done(
        clause.head)


def _implicative(node) -> bool:
    return node.pos_ == "VERB" and node.lemma_.lower() in IMPLICATIVE and _done(node)


def _own_clause(chain: list) -> list:
    """The trigger and the heads whose negation, modals and governors it shares. A finite conjunct
    of the main clause has its own: "was not expected to win, but lost in 1992 and stepped down" did
    step down; a bare one shares them ("would not quit or resign"), and so does one inside a
    reported clause ("denied he quit and joined them")."""
    for number, node in enumerate(chain):
        if node.dep_ == "conj" and node.tag_ in FINITE and node.head.pos_ in VERBAL and (
                _main_clause(node) or node.head.tag_ not in FINITE):
            # "said she could no longer advocate voting Labour and announced she was leaving": a
            # conjunct with a tense of its own does not share the modal of a bare verb before it
            return chain[:number + 1]
    return chain


def _negatable(chain: list) -> list:
    """The trigger and the heads whose negation and modals it shares: its own clause, up to a clause
    describing a noun ("Mr Hague, who stepped down in 2001, does not rule out a return": the
    stepping down is not negated by the ruling out) or placing the main one in time."""
    own = _own_clause(chain)
    for number, node in enumerate(own):
        if node.dep_ in DESCRIBING_CLAUSES or _time_clause(node) or _time_phrase(node):
            return own[:number + 1]
    return own


def _time_clause(node) -> bool:
    """'After Vladimir Putin became president in 2000, he did not raise taxes': a finite clause that
    places the main one in time happened, whatever the main clause denies."""
    return node.tag_ in FINITE and _situates(node, TIME_CLAUSE_MARKS)


def _time_phrase(node) -> bool:
    """'Since being elected in 1997, she has campaigned for ...': a gerund opened by a preposition of
    time ("after", "since", "on") tells what had happened by the main clause's time."""
    return node.dep_ == "pcomp" and node.tag_ in GERUND_OR_PARTICIPLE and node.head.lower_ in TIME_PREPOSITIONS


def _main_clause(node) -> bool:
    while node.dep_ == "conj":
        node = node.head
    return node.dep_ == "ROOT"


DECLARING = word_list("event_context", "declaring")


def declared(token) -> bool:
    """'X will stand', 'X is to contest the seat', 'is set to stand': a candidacy announced is a
    candidacy (GUIDELINES: "stands as a candidate"), though the election is to come."""
    children = list(token.children)
    if any(c.dep_ == "neg" or c.dep_ == "mark" for c in children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in DECLARING for c in children):
        return True
    head = token.head
    return (token.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
            and head.lemma_.lower() in ABOUT_TO_VERBS and not any(
                c.dep_ in NEGATION_OR_MARK_DEPS or c.dep_ == "aux" and c.lower_ in MODALS for c in head.children))


def _finite_report(clause) -> bool:
    """'told the nation he was resigning': a finite clause under 'tell' reports; only 'told him to
    resign' (an infinitive, an object) demands."""
    return clause.dep_ == "ccomp" and any(c.dep_ in SUBJECT_DEPS for c in clause.children) and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def reason_of(token) -> str | None:
    """Why, when the clause says: 'over ...', 'in protest at ...', 'citing ...'; as written."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in lexicon().reason_preps:
            words = list(child.subtree)[1:]
            if words:
                return _written(words)
        if child.dep_ == "prep" and child.lower_ == "in" and any(g.lower_ == "protest" for g in child.children):
            return _written(list(child.subtree))
        if child.dep_ == "advcl" and child.lower_ in REASON_PARTICIPLES:
            return _written(list(child.subtree))
    return None


def _written(words: list) -> str:
    """The words as the article writes them, spacing and quotation marks included: 'to become
    "mainstream"', not 'to become " mainstream "'."""
    doc = words[0].doc
    text = doc.text[words[0].idx: words[-1].idx + len(words[-1].text)]
    return " ".join(text.split())


def event_date(token, times: list[TimeValue], published: dt.date | None) -> TimeValue | None:
    """The event's own time expression, else the publication date for 'has quit'."""
    clause = [t for t in token.subtree]
    start = min(t.idx for t in clause)
    end = max(t.idx + len(t.text) for t in clause)
    own = [t for t in times if start <= t.start and t.end <= end and t.value
           and not t.text.lower().startswith("since") and _governed_directly(token, t)]
    if own:
        return min(own, key=lambda t: abs(t.start - token.idx))
    aux = {c.lower_ for c in token.children if c.dep_ in AUX_DEPS}
    if published is not None and (aux & lexicon().present_perfect_aux):
        return TimeValue(token.idx, token.idx, "", published.isoformat(), "day")
    earlier = _sequence_date(token, times)
    if earlier is not None:
        return earlier
    sentence = token.sent
    near = [t for t in times if sentence.start_char <= t.start and t.end <= sentence.end_char and t.value
            and not t.text.lower().startswith("since")]
    if len(near) == 1 and _dates_clause_above(token, near[0]):
        return near[0]  # "He remained an MP until 1995, when he resigned": the sentence's one date
    return None


YEARLESS_GRANULARITY = frozenset({"month", "day"})  # what a month written without its year resolves to


def coming(trigger, date: TimeValue | None, published: dt.date | None) -> TimeValue | None:
    """'Kaine becomes vice president in November', 'is stepping down in January': a month written
    without its year, told in the present or future tense, is the coming one, not the last."""
    if date is None or published is None or date.value is None or date.granularity not in YEARLESS_GRANULARITY:
        return date
    words = date.text.lower().replace(",", " ").split()
    if not any(word in MONTHS for word in words) or any(word.isdigit() and len(word) == 4 for word in words):
        return date
    auxiliaries = [c for c in trigger.children if c.dep_ in AUX_DEPS]
    if any(a.lemma_.lower() == "have" for a in auxiliaries):
        return date  # "has stepped down in January": done
    told_ahead = trigger.tag_ in PRESENT_TAGS or any(a.tag_ in PRESENT_TAGS or a.lower_ in DECLARING
                                                      for a in auxiliaries)
    if not told_ahead or date.value >= published.isoformat()[:len(date.value)]:
        return date  # this month is this month
    year = int(date.value[:4]) + 1
    return TimeValue(date.start, date.end, date.text, f"{year:04d}{date.value[4:]}", date.granularity)


def _sequence_date(trigger, times: list[TimeValue]) -> TimeValue | None:
    """Coordinated actions are told in order: "lost the election in 1992 to John Major, and stepped
    down" stepped down in 1992, the one date of the conjunct before it."""
    if trigger.dep_ != "conj" or trigger.head.pos_ not in VERBAL:
        return None
    before = trigger.head
    inner = {t.i for t in trigger.subtree}
    span = [t for t in before.subtree if t.i not in inner]
    start, end = span[0].idx, span[-1].idx + len(span[-1].text)
    dated = [t for t in times if start <= t.start and t.end <= min(end, trigger.idx) and t.value
             and not t.text.lower().startswith("since")]
    return dated[0] if len(dated) == 1 else None


def _dates_clause_above(trigger, time: TimeValue) -> bool:
    """Does the time's clause govern the trigger, not through a conjunct ("who quit in February and
    is now the candidate": February is the quitting's)?"""
    span = trigger.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    clause = governing_verb(span.root)
    node = trigger
    while node.i != clause.i:
        if node.dep_ == "conj" or node.head.i == node.i:
            return False
        if node.dep_ in DESCRIBING_CLAUSES and node.head.ent_type_ not in TIME_LABELS:
            return False  # "Jane Smith, who quit Labour, spoke on Monday": Monday is the speaking's
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SHIFTING_MARKS for c in node.children) and any(
                c.dep_ == "npadvmod" for c in node.children):
            return False  # "created a peer in 1997, a year before he was appointed": a time that far off
        node = node.head
    return True


def _governed_directly(trigger, time: TimeValue) -> bool:
    """Is the time expression the trigger's own, not a subordinate clause's ('the party she joined 55 years ago')?"""
    span = trigger.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    while node.i != trigger.i:
        if node.dep_ in CLAUSES and not _situates(node) or node.head.i == node.i:
            return False
        node = node.head
    return True


def _situates(clause, marks: frozenset[str] = TEMPORAL_MARKS) -> bool:
    """A temporal clause places its main event in time: 'resigned after Russia seized Crimea in
    2014', 'quit when the party lost in 2010' (opened by one of ``marks``)."""
    return clause.dep_ == "advcl" and any(c.dep_ in TIME_CLAUSE_WORD_DEPS and c.lower_ in marks
                                          for c in clause.children)
