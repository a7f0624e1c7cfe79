"""Quotes of every kind, attributed to their speakers, as GUIDELINES.md defines them.

- ``direct``: a full utterance in quotation marks (continued over paragraphs: one quote);
- ``mixed``: a quoted fragment inside narration, kept only when a speech cue is near
  (otherwise it is a scare quote, a title or a nickname);
- ``indirect``: the clause reported by a speech verb, without quotation marks;
- ``post``: embedded social posts, from the cleaner.

Sentences are walked in order so that pronouns and roles resolve against who spoke or
acted last (see ``speakers.py``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..data import words as word_list
from ..nlp import doc_text
from ..clean import Layout
from ..model import SOURCE_LABELS, Quote, QuoteKind
from .lexicon import (CUE_NOUNS, FRAGMENT_VERBS, MODALS, NEEDS_THAT, NON_SOURCE_NOUNS, REPORT_NOUNS, REPORTING_VERBS,
                      SPEAKER_ACTS)
from .posts import post_quotes
from .quotemarks import Marked, find_quoted
from .people import People
from .speakers import Resolver, Source
from .syntax import (AUX_DEPS, CONTENT_CLAUSE_DEPS, COORDINATION_DEPS, CUE_CLIMB_DEPS, FINITE, MISPARSED_SUBJECT_DEPS,
                     NAMING_ATTACHMENTS, NOMINAL_POS, NOUN_CLAUSE_DEPS, NOUN_OBJECT_DEPS, NOUN_POS, ORG_LABELS,
                     OWNER_DEPS, PASSIVE_DEPS, PERSON_LABELS, SUBJECT_DEPS, SUBJECT_WORD_POS, SUBORDINATE_DEPS,
                     TENSED_TAGS, VERBAL, governing_verb, main_subject)

BARE_CLAUSE_CUES = word_list("lexicon", "bare_clause_cues")
MEANS_PREPS = word_list("quotes", "means_preps")  # "quoted as saying", "reacted by saying"
PARENTHESIS_MARKS = word_list("quotes", "parenthesis_marks")  # what sets off "he claimed" inside a clause
MIN_INDIRECT_TOKENS = 3  # a reported clause shorter than this ("he said so") reports nothing
TITLE_WORDS = range(2, 9)  # "Yes Minister", "Minister of Discord": a quoted title is a short run of capitals
TITLE_MAJOR_WORDS = 2  # ... with at least two capitalised words
UTTERANCE_MIN_WORDS = 4  # a quoted fragment shorter than this that ends in punctuation is not a sentence
SIGNATURE_MAX_WORDS = 5  # "-- Jane Smith, Labour MP": a signature names someone in a few words
CUE_REACH = 8  # heads climbed from a quote to the verb that cues it
SOURCE_REACH = 4  # clauses climbed from a cue to find who speaks


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    kind: str
    cue: object | None = None  # the cue token
    paragraph: int = 0
    last_paragraph: int = 0


def quoted_spans(text: str, layout: Layout) -> tuple[list[Marked], list[tuple[int, int]]]:
    """The outermost quoted spans of the body, and the body paragraphs they were found in."""
    paragraphs = layout.body_paragraphs()  # the cleaner's lines, not a second split
    marked = [m for m in find_quoted(text, paragraphs) if _worth_reading(text, m)]
    return _outermost(marked), paragraphs


def inside_quotes(marked: list[Marked]) -> _Inside:
    """A predicate: is an offset inside quotation marks (marks included)?"""
    return _Inside([(m.open_mark, m.end + 1) for m in marked])


def extract_quotes(doc, layout: Layout, people: People, marked: list[Marked] | None = None,
                   paragraphs: list[tuple[int, int]] | None = None) -> list[Quote]:
    """All quotes of one parsed article, in text order."""
    text = doc_text(doc)
    if marked is None or paragraphs is None:
        marked, paragraphs = quoted_spans(text, layout)
    inside = inside_quotes(marked)
    paragraph_starts = [p[0] for p in paragraphs]

    candidates = []
    for m in marked:
        paragraph = bisect.bisect_right(paragraph_starts, m.open_mark) - 1
        kind = QuoteKind.DIRECT if _is_utterance(doc, text, m, paragraph_starts) else QuoteKind.MIXED
        if kind == QuoteKind.MIXED and _is_title(text[m.start:m.end]):
            continue
        last = bisect.bisect_right(paragraph_starts, m.end) - 1
        candidates.append(_Candidate(m.start, m.end, kind, paragraph=paragraph, last_paragraph=last))
    resolver = Resolver(people, inside)
    candidates += _indirect(doc, inside, layout, paragraph_starts, resolver.author)
    candidates.sort(key=lambda c: c.start)

    quotes = _attribute(doc, candidates, resolver, inside)
    quotes += post_quotes(layout.posts)
    quotes.sort(key=lambda q: q.start)
    return quotes


class _Inside:
    """Is an offset inside quotation marks?"""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def __call__(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]


_MINOR_WORDS = word_list("quotes", "minor_words")
# speech verbs that need no cue noun
PLAIN_CUES = word_list("quotes", "plain_cues")
# "a report found": a document, no person
FINDING_NOUNS = word_list("quotes", "finding_nouns")
RELATIVES = word_list("events", "relatives")


def _worth_reading(text: str, m: Marked) -> bool:
    content = text[m.start:m.end].strip()
    return bool(content) and any(ch.isalpha() for ch in content) and not _is_nickname(text, m)


def _is_nickname(text: str, m: Marked) -> bool:
    """'Marcia "Cia" Price': one capitalised word quoted between the words of a name."""
    word = text[m.start:m.end]
    before = text[max(0, m.open_mark - 30):m.open_mark].split()
    after = text[m.end + 1:m.end + 31].split()
    return (word.isalpha() and word[:1].isupper() and bool(before) and bool(after)
            and before[-1][:1].isupper() and after[0][:1].isupper() and before[-1].rstrip(".").isalpha())


def _is_title(content: str) -> bool:
    """'Minister of Discord', 'Yes Minister': titles and nicknames are not quotes."""
    words = content.strip(" ,.").split()
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return len(words) in TITLE_WORDS and len(major) >= TITLE_MAJOR_WORDS and all(w[:1].isupper() for w in major)


def _outermost(marked: list[Marked]) -> list[Marked]:
    """A quote nested in another is part of the outer one."""
    out: list[Marked] = []
    for m in sorted(marked, key=lambda m: (m.open_mark, -m.end)):
        if out and m.open_mark < out[-1].end:
            continue
        out.append(m)
    return out


def _is_utterance(doc, text: str, m: Marked, paragraph_starts: list[int]) -> bool:
    """A direct quote opens its sentence or follows a colon or a speech verb."""
    i = m.open_mark - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or text[i] == "\n" or m.open_mark in paragraph_starts:
        return True
    before = text[i]
    if before == ":":
        return True
    content = text[m.start:m.end].lstrip()
    capital = content[:1].isupper() or content[:1] in "[\u2026." or content[:2] == "I "
    if before in ".!?\u2014" and capital:
        return True
    token = _token_at(doc, i)
    if token is not None and token.lemma_.lower() in REPORTING_VERBS and capital:
        return True
    if token is not None and token.lemma_.lower() in PLAIN_CUES:
        return True  # 'She added "this issue is ..."'
    if before == "," and capital and _ends_utterance(content):
        return True
    return False


def _ends_utterance(content: str) -> bool:
    return content.rstrip()[-1:] in ",.!?" and len(content.split()) >= UTTERANCE_MIN_WORDS


def _token_at(doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _indirect(doc, inside: _Inside, layout: Layout, paragraph_starts: list[int],
              author=lambda noun: None) -> list[_Candidate]:
    """Clauses reported by a speech verb, with no quotation marks in them. ``author(noun)`` is who
    a study or report is by, as its phrase names them: such a work speaks for them."""
    text = doc_text(doc)
    out = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or not (lemma in REPORTING_VERBS or _makes_clear(token)) or inside(token.idx):
            continue
        if not layout.is_body(token.idx, token.idx + 1):
            continue
        if token.dep_ == "relcl" and not (_own_speaker(token) or _named_speaker(token)):
            continue  # "members who said ...": a description of the people, not a report
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
            continue  # "will insist", "would say": speech that has not happened
        holds_quote = _report_holds_quote(token, inside)  # the quoted part is a mixed quote
        subject = _subject(token, inside)
        if subject is not None and subject.lemma_.lower() in NON_SOURCE_NOUNS and subject.pos_ != "PROPN" and not any(
                c.dep_ == "poss" for c in subject.children) and author(subject) is None:
            continue  # "the meeting indicated that ...": no one is reported
        if any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in token.children):
            continue  # "it was claimed that ...", "it has been confirmed": no one is named as the source
        interrupted = _interrupted_clause(token)
        candidate = _report(interrupted, token, text, inside, paragraph_starts) if interrupted else None
        if candidate is not None:
            out.append(candidate)
        for clause in _reported_clauses(token):
            if clause.i < token.i and not _fronted_report(clause, token):
                continue
            words = [t for t in clause.subtree if token.dep_ != "relcl" or t.i > token.i]
            has_that = words[0].lower_ == "that" and words[0].dep_ == "mark"
            if lemma in NEEDS_THAT and not has_that and not (lemma in BARE_CLAUSE_CUES and _finite_clause(clause)):
                continue
            if has_that:
                words = words[1:]
            if words and words[0].lower_ in WH_WORDS and not has_that:
                continue  # "revealed how ...": not a reported statement ("warned that if ..." is one)
            # "said A and that B" is one report, unless B holds a quotation: then A is indirect, B mixed
            for part in (_that_clauses(clause, words) if holds_quote else [words]):
                if holds_quote and any(inside(t.idx) for t in part):
                    rest = _outside_own_naming(part, token, inside)
                    candidate = _report(_until_aside(rest), token, text, inside, paragraph_starts) if rest else None
                    if candidate is not None:
                        out.append(candidate)
                    continue  # a mixed quote; the rest of it is not annotated again
                if holds_quote and len(part) == len(words):
                    continue
                candidate = _report(_until_aside(_before_own_act(clause, part)), token, text, inside,
                                    paragraph_starts)
                if candidate is not None:
                    out.append(candidate)
    out += _according_to_reports(doc, inside, layout, paragraph_starts)
    out += _noun_reports(doc, inside, layout, paragraph_starts)
    return out


def _clarity(token) -> list:
    """The "clear" of "made (it) clear that ...", as the parser hangs it on the verb."""
    return [c for c in token.children if c.lower_ in CLARITY and c.pos_ == "ADJ"]


def _makes_clear(token) -> bool:
    return token.lemma_.lower() == "make" and bool(_clarity(token))


def _reported_clauses(cue) -> list:
    """The clauses a speech verb reports: its clausal complements; after "made (it) clear", the
    clause the parser hangs on the verb or on "clear"."""
    clauses = [c for c in cue.children if c.dep_ == "ccomp" and c.pos_ != "ADJ"]
    for addressee in (c for c in cue.children if c.dep_ == "dobj" and cue.lemma_.lower() in ADDRESSING_CUES):
        # "told BBC Radio Four's Today programme that X": the parser may hang the told clause on the
        # addressee, as if it described the programme; a clause opened by "that" as a conjunction
        # (not a relative pronoun) with a subject of its own is what was told
        clauses += [c for c in addressee.children if c.dep_ in NOUN_CLAUSE_DEPS and c.pos_ in VERBAL
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    and any(g.dep_ in SUBJECT_DEPS for g in c.children)]
    for clear in _clarity(cue):
        clauses += [c for c in clear.children if c.dep_ in SUBORDINATE_DEPS and c.pos_ in VERBAL]
    return clauses


def _report(words: list, cue, text: str, inside: _Inside, paragraph_starts: list[int]) -> _Candidate | None:
    """An indirect report of ``words`` trimmed of punctuation, if it is one: long enough, in one
    paragraph, and with no quotation mark in it (a quoted fragment there is a mixed quote)."""
    # "said A and added that B": two reports; the "and" before the next one is in neither
    while words and (words[-1].is_punct or words[-1].is_space or words[-1].dep_ == "cc"):
        words = words[:-1]
    while words and (words[0].is_punct or words[0].is_space):
        words = words[1:]
    if len(words) < MIN_INDIRECT_TOKENS:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    if any(inside(t.idx) for t in words) or _has_mark(text, start, end) or "\n" in text[start:end]:
        return None
    paragraph = bisect.bisect_right(paragraph_starts, start) - 1
    return _Candidate(start, end, QuoteKind.INDIRECT, cue=cue, paragraph=paragraph, last_paragraph=paragraph)


def _noun_reports(doc, inside: _Inside, layout: Layout, paragraph_starts: list[int]) -> list[_Candidate]:
    """'his claim that his party really is the only opposition': a report cued by a noun, when its
    owner is named (a possessor); the that-clause is the content."""
    text = doc_text(doc)
    out = []
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in REPORT_NOUNS or inside(token.idx):
            continue
        if not layout.is_body(token.idx, token.idx + 1) or _cue_noun_owner(token) is None:
            continue
        for clause in token.children:
            words = list(clause.subtree)
            if clause.dep_ not in CONTENT_CLAUSE_DEPS or clause.i < token.i or words[0].lower_ != "that":
                continue
            candidate = _report(_until_aside(words[1:]), token, text, inside, paragraph_starts)
            if candidate is not None:
                out.append(candidate)
    return out


def _according_to_reports(doc, inside: _Inside, layout: Layout, paragraph_starts: list[int]) -> list[_Candidate]:
    """'According to Jack Straw, the talks had failed': the clause the phrase hangs on is his report."""
    text = doc_text(doc)
    out = []
    for token in doc:
        source = _according_to(token) if token.lower_ == "according" and not inside(token.idx) else None
        if source is None or source.lemma_.lower() in NON_SOURCE_NOUNS | FINDING_NOUNS:
            continue  # "according to figures released on Monday": no one reports it
        if not layout.is_body(token.idx, token.idx + 1):
            continue
        clause = governing_verb(token.head) if token.head.i != token.i else token
        if clause.i == token.i or cue_lemma(clause) in REPORTING_VERBS:
            continue  # "X said Y, according to Z": the verb's own report
        phrase = {t.i for t in token.subtree}
        words = [t for t in clause.subtree if t.i not in phrase]
        core = [t for t in words if not (t.is_punct or t.is_space)]
        if core and core[0].i < token.i < core[-1].i:
            continue  # the phrase inside the clause: its span would not be one piece
        candidate = _report(words, token, text, inside, paragraph_starts)
        if candidate is not None:
            out.append(candidate)
    return out


def _interrupted_clause(cue) -> list:
    """'The museum, Mr. Obama said, would make visitors face uncomfortable truths': a cue set off by
    commas inside the main clause it reports, with a subject and no clause of its own, reports the
    whole clause. The span keeps the clause whole, the cue inside it, as the gold sets mark these
    (the guidelines' "attribution outside the span" cannot hold for a clause it interrupts)."""
    clause = cue.head
    if cue.dep_ != "parataxis" or clause.dep_ != "ROOT" or clause.pos_ not in VERBAL:
        return []
    if not any(c.dep_ in SUBJECT_DEPS for c in cue.children) or _reported_clauses(cue):
        return []
    doc = cue.doc
    # the marks around it, which the parser may hang on the cue itself
    left = cue.left_edge.i if cue.left_edge.text in PARENTHESIS_MARKS else cue.left_edge.i - 1
    right = cue.right_edge.i if cue.right_edge.text in PARENTHESIS_MARKS else cue.right_edge.i + 1
    if left < 0 or right >= len(doc) or doc[left].text not in PARENTHESIS_MARKS or doc[right].text not in (
            PARENTHESIS_MARKS):
        return []
    words = list(clause.subtree)
    while words and words[-1].is_punct:
        words = words[:-1]
    if not words or words[0].i >= left or words[-1].i <= right:
        return []  # the cue opens or closes the clause: a fronted or trailing report, read elsewhere
    return words


def _finite_clause(clause) -> bool:
    """A clause with a subject and a tensed verb of its own: "(he added) the situation would be
    monitored", not "(added) value"."""
    tensed = clause.tag_ in FINITE or any(c.dep_ in AUX_DEPS and c.tag_ in TENSED_TAGS for c in clause.children)
    return tensed and any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def _fronted_report(clause, cue) -> bool:
    """'Smoke-free areas will save lives, Jack McConnell has insisted.': the report comes first."""
    words = list(clause.subtree)
    after = cue.doc[words[-1].i + 1] if words[-1].i + 1 < len(cue.doc) else None
    return words[0].i == clause.sent.start and after is not None and after.text == ","


def _outside_own_naming(part: list, cue, inside) -> list:
    """'said a chunk of the Budget was leaked in what they describe as "a serious breach"': a quoted
    fragment that a naming verb of its own governs ("describe as", "called", "branded") is that
    verb's; the report is the clause before the phrase holding it. Empty when the fragment is the
    report's own."""
    quoted = next((t for t in part if inside(t.idx)), None)
    node, naming = quoted, None
    while node is not None and node.i != cue.i and node.head.i != node.i:
        if node.pos_ == "VERB" and cue_lemma(node) in FRAGMENT_VERBS and any(
                c.dep_ in SUBJECT_DEPS for c in node.children):
            naming = node
            break
        node = node.head
    if naming is None:
        return []
    phrase = naming  # up to the phrase or clause that attaches it to the report
    while phrase.head.i != cue.i and phrase.dep_ not in NAMING_ATTACHMENTS and phrase.head.i != phrase.head.head.i:
        phrase = phrase.head
    cut = {t.i for t in phrase.subtree}
    rest = [t for t in part if t.i not in cut]
    while rest and rest[-1].is_punct:
        rest = rest[:-1]  # the closing mark the parser hangs on the report's verb
    return rest if rest and min(cut) > rest[-1].i else []  # only a phrase that ends the report


def _report_holds_quote(cue, inside) -> bool:
    for child in cue.children:
        if child.i > cue.i and child.dep_ not in COORDINATION_DEPS:
            if any(inside(t.idx) for t in child.subtree):
                return True
    return False


WH_WORDS = word_list("quotes", "wh_words")
_ASIDE_OPENERS = word_list("quotes", "aside_openers")
RELATIVE_OPENERS = word_list("quotes", "relative_openers")  # "whom", "whose": relatives beside the pronouns
# speech verbs whose object is the one spoken to ("told the programme that ..."), not what is spoken of
ADDRESSING_CUES = word_list("quotes", "addressing_cues")


def _before_own_act(clause, words: list) -> list:
    """'said the image was insensitive but urged people not to rush': a verb of speaking joined to the
    reported clause with no subject of its own is the speaker's next act (the parser hangs it on the
    clause); the report ends before it."""
    acts = [c for c in clause.children if c.dep_ == "conj" and c.i > clause.i and c.pos_ == "VERB"
            and c.lemma_.lower() in REPORTING_VERBS | SPEAKER_ACTS
            and not any(g.dep_ in SUBJECT_DEPS for g in c.children)]
    if not acts:
        return words
    cut = min(t.i for t in acts[0].subtree)
    return [t for t in words if t.i < cut]


def _that_clauses(clause, words: list) -> list[list]:
    """'said A, and that B': each clause on its own (the 'and that' in neither)."""
    second = [c for c in clause.children if c.dep_ == "conj" and c.i > clause.i
              and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if not second:
        return [words]
    later = {t.i for t in second[0].subtree}
    first = [t for t in words if t.i < second[0].left_edge.i and t.i not in later]
    rest = [t for t in words if t.i in later
            and not (t.dep_ == "mark" and t.lower_ == "that" and t.head.i == second[0].i)]
    return [first, rest]


def _until_aside(words: list) -> list:
    """The reported clause stops before a comma that opens an aside (', during which ...') and
    before a clause that reports something of its own (', which he said the government needed to
    address': a second report)."""
    for i, token in enumerate(words[:-1]):
        if token.text == "," and words[i + 1].lower_ in _ASIDE_OPENERS and not _describes(words[i + 1]):
            return words[:i]
        if token.dep_ == "relcl" and token.lemma_.lower() in REPORTING_VERBS and _own_speaker(token):
            cut = min(t.i for t in token.subtree)
            kept = [t for t in words[:i] if t.i < cut]
            while kept and kept[-1].is_punct:
                kept = kept[:-1]
            return kept
    return words


def _describes(opener) -> bool:
    """', which was the equivalent of ...': a relative clause that only describes a noun of the report
    belongs to it (GUIDELINES: to the end of that clause); one that says or names something (', who he
    described as ...', ', which he said ...') is someone's own words and ends it."""
    if opener.lower_ not in RELATIVES | RELATIVE_OPENERS:
        return False
    # the clause the pronoun opens: the nearest describing clause above it ("which he said ...":
    # "which" hangs inside the reported clause of "said"), not climbing to words before the pronoun
    clause = next((a for a in [opener.head, *opener.head.ancestors] if a.dep_ in NOUN_CLAUSE_DEPS or a.i < opener.i),
                  None)
    if clause is None or clause.dep_ not in NOUN_CLAUSE_DEPS:
        return False
    return not any(t.lemma_.lower() in REPORTING_VERBS | FRAGMENT_VERBS for t in clause.subtree if t.pos_ == "VERB")


def _named_speaker(cue) -> bool:
    """'Labour backbencher Gwyneth Dunwoody, who says it will ...': a clause set off after a name, whose
    relative pronoun is the speaker, reports what the named one says."""
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    return (bool(subjects) and all(c.lower_ in RELATIVES for c in subjects) and cue.head.pos_ == "PROPN"
            and cue.head.ent_type_ in PERSON_LABELS | ORG_LABELS and _set_off(cue))


def _own_speaker(cue) -> bool:
    """'which he said ...': a relative clause whose speaker is named in it, not the noun it describes
    ("members who said ...")."""
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and not any(c.lower_ in RELATIVES for c in subjects) and _set_off(cue)


def _set_off(clause) -> bool:
    """A relative clause after a comma: an aside that asserts ("..., which he said ..."), not a
    restrictive description ("the figures he said were wrong")."""
    first = clause.left_edge.i
    return first > 0 and clause.doc[first - 1].text == ","


def _has_mark(text: str, start: int, end: int) -> bool:
    return any(ch in "\"\u201c\u201d" for ch in text[start:end])


def _attribute(doc, candidates: list[_Candidate], resolver: Resolver, inside: _Inside) -> list[Quote]:
    text = doc_text(doc)
    quotes: list[Quote] = []
    sentences = list(doc.sents)
    sentence_starts = [s.start_char for s in sentences]
    by_sentence: dict[int, list[_Candidate]] = {}
    for cand in candidates:
        index = max(0, bisect.bisect_right(sentence_starts, cand.start) - 1)
        by_sentence.setdefault(index, []).append(cand)

    previous: tuple[_Candidate, Source] | None = None
    for index, sentence in enumerate(sentences):
        subject = main_subject(sentence, inside)
        if subject is not None and subject.pos_ == "PROPN":
            resolver.note_subject(resolver.resolve(subject).entity)
        for cand in by_sentence.get(index, []):
            source = _source(cand, doc, sentences, index, resolver, inside, previous)
            if source is None and cand.kind == QuoteKind.MIXED:
                continue  # no speech cue near a quoted fragment: a scare quote or a title
            if source is None:
                source = Source(None, -1, -1)
            entity = source.entity
            quotes.append(Quote(
                start=cand.start, end=cand.end, text=text[cand.start:cand.end], kind=cand.kind,
                speaker=entity.name if entity is not None else None,
                speaker_start=source.start if source.start >= 0 else None,
                speaker_end=source.end if source.start >= 0 else None,
                cue=cand.cue.text if cand.cue is not None and hasattr(cand.cue, "text") else None,
            ))
            mention = text[source.start:source.end] if source.start >= 0 else ""
            resolver.note_speaker(entity, mention)
            previous = (cand, source)
        if subject is not None and subject.pos_ != "PROPN" and not by_sentence.get(index):
            resolver.note_subject(resolver.resolve(subject).entity)
    return quotes


# "...” ― Carla Sanchez": a quotation signed with a dash after its closing mark
MAX_SIGNATURE = 60  # characters of a signature line read for the name
_SIGNED = re.compile(r"[\"\u201d\u2019']?[ \t\u00a0]*[\u2015\u2014\u2013]{1,2}[ \t\u00a0]*(?=\S)")


def _signature(cand, doc, resolver: Resolver) -> Source | None:
    """The person who signs a direct quote with a dash right after it, as epigraphs and quote
    collections do; only a name the analysis knows counts."""
    if cand.kind != QuoteKind.DIRECT:
        return None
    text = doc_text(doc)
    signed = _SIGNED.match(text, cand.end, min(len(text), cand.end + 12))
    if signed is None:
        return None
    # the signature runs to the end of its line: "― Christina N Luis Olidem" (the model may know
    # only part of the name); a signature with no known name still marks where the source is named
    line_end = text.find("\n", signed.end())
    line_end = min(len(text) if line_end < 0 else line_end, signed.end() + MAX_SIGNATURE)
    words = text[signed.end():line_end].rstrip(" .,\t\u00a0")
    for token in doc.char_span(signed.end(), signed.end() + len(words), alignment_mode="expand") or []:
        hit = resolver.entity_at(token)
        if hit is not None and hit[1].label in SOURCE_LABELS:
            return Source(hit[1], hit[0].start, hit[0].end)
    if words and all(w[:1].isupper() for w in words.split()) and len(words.split()) <= SIGNATURE_MAX_WORDS:
        return Source(None, signed.end(), signed.end() + len(words))
    return None


# a transcript's speaker label opening the quoted turn: "PENCE: Well, look, ..."
_SPEAKER_LABEL = re.compile(r"([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,2}):\s")


def _speaker_label(cand, doc, resolver: Resolver) -> Source | None:
    """The speaker a transcript names in capitals at the start of a quoted turn: the person of the
    article with that surname, else no one known (the label still marks the source)."""
    if cand.kind != QuoteKind.DIRECT:
        return None
    label = _SPEAKER_LABEL.match(doc_text(doc), cand.start)
    if label is None:
        return None
    surname = label.group(1).split()[-1].casefold()
    people = [e for e in resolver.entities if e.label == "PERSON" and e.name.split()[-1].casefold() == surname]
    cand.start = label.end()  # the turn's words, not its label
    return Source(people[0] if len(people) == 1 else None, label.start(1), label.end(1))


def _source(cand, doc, sentences, index, resolver: Resolver, inside: _Inside, previous) -> Source | None:
    """The source of one candidate: its cue's subject, else the speaker it continues."""
    signed = _signature(cand, doc, resolver) or _speaker_label(cand, doc, resolver)
    if signed is not None:
        return signed
    governing = cand.cue or _governing_cue(doc, cand, inside)
    cue = governing or _nearest_cue(doc, cand, sentences, index, inside)
    if cue is not None and governing is None and cand.kind == QuoteKind.MIXED:
        source = _cue_source(cue, cand, resolver, inside, previous)
        # a fragment that no speech verb governs, and whose nearby verb names nobody, is a scare quote
        return source if source is not None and source.entity is not None else None
    if cue is not None:
        return _cue_source(cue, cand, resolver, inside, previous)
    if cand.kind == QuoteKind.MIXED:
        return None
    if previous is not None and cand.kind == QuoteKind.DIRECT and cand.paragraph - previous[0].last_paragraph <= 1:
        return previous[1]
    return Source(None, -1, -1)


def _cue_source(cue, cand, resolver: Resolver, inside: _Inside, previous) -> Source:
    """The source a cue names: its subject, 'according to X', a cue noun's owner, or the last speaker."""
    cand.cue = cue
    agent = [g for c in cue.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agent and any(c.dep_ in PASSIVE_DEPS for c in cue.children):
        return resolver.resolve(agent[0])  # "They were told by Sylvia Heal that ...": the teller speaks
    if cue.lemma_.lower() in ADDRESSING and any(c.dep_ == "nsubjpass" for c in cue.children):
        return Source(None, -1, -1)  # "They were told it would ...": the told are not the teller
    subject = _subject(cue, inside) or _named_before_cue(cue, cand, resolver)
    if subject is not None:
        source = resolver.resolve(subject)
        relative = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVES), None)
        if relative is not None and cue.dep_ == "relcl" and subject.i == cue.head.i:
            # "Mr Blair, who said ...": Mr Blair speaks; the sentence names him here as "who"
            return Source(source.entity, relative.idx, relative.idx + len(relative.text))
        return source
    according = _according_to(cue)
    if according is not None:
        return resolver.resolve(according)
    if cue.lemma_.lower() in SOURCE_NOUNS:
        owner = _cue_noun_owner(cue) or _subject(governing_verb(cue), inside)
        if owner is not None:
            return resolver.resolve(owner)
    if previous is not None and cand.paragraph - previous[0].last_paragraph <= 1:
        return previous[1]  # "Further noting that ...": the speaker goes on
    return Source(None, -1, -1)


def _named_before_cue(cue, cand, resolver: Resolver):
    """'"...," Tulsa police Chief Chuck Jordan said Monday' where the parser lost the subject: the
    words between the closing mark and the cue are the attribution, and a name ending right before
    the cue is its speaker."""
    if cue.i == 0 or cue.idx < cand.end or cand.kind != QuoteKind.DIRECT or cue.lemma_.lower() not in REPORTING_VERBS:
        return None
    before = cue.doc[cue.i - 1]
    hit = resolver.entity_at(before)
    if before.idx >= cand.end and hit is not None and hit[1].label in SOURCE_LABELS:
        return before
    return None


def cue_lemma(token) -> str:
    """The token's lemma, mended for verbs the tagger took for nouns ("implored")."""
    lemma = token.lemma_.lower()
    if token.pos_ in VERBAL or lemma in FRAGMENT_VERBS:
        return lemma
    low = token.lower_
    if low.endswith("ed"):
        for stem in (low[:-1], low[:-2], low[:-3]):
            if stem in FRAGMENT_VERBS:
                return stem
    return lemma


def _is_verb_cue(token) -> bool:
    if token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_:
        return False  # "so-called", "self-described": a scare marker, not a speech verb
    if token.pos_ in VERBAL:
        return token.lemma_.lower() in FRAGMENT_VERBS
    return token.pos_ in NOMINAL_POS and token.lower_.endswith("ed") and cue_lemma(token) in FRAGMENT_VERBS


def _governing_cue(doc, cand, inside: _Inside):
    """The speech verb that the quote hangs from in the parse ("X said ... a sign of "Y"")."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return None
    roots = [t for t in span if not (cand.start <= t.head.idx < cand.end) or t.head.i == t.i]
    for root in roots[:2]:
        token = root
        for _ in range(CUE_REACH):
            if token.head.i == token.i:
                break
            token = token.head
            if inside(token.idx):
                continue
            if _is_verb_cue(token):
                return token
            if token.pos_ == "NOUN" and token.lemma_.lower() in SOURCE_NOUNS and _cue_noun_owner(token) is not None:
                return token  # "his statement", "offered a pledge that he would not 'prop up' ..."
    return None


def _nearest_cue(doc, cand, sentences, index, inside: _Inside):
    """The speech verb (or cue noun) nearest the quote in its sentences, outside any quote."""
    first = index
    while first > 0 and sentences[first].start_char > cand.start - 1:
        first -= 1
    # '“... too big to fail?” Vitter demanded.': the parser may end the sentence at a question or
    # exclamation mark, so the sentence that starts right after the closing mark is the quote's too
    # (after a full stop it is not: '"We will win." Mr Howard said the Tories ...' is a new report)
    text = doc_text(doc)
    reach = cand.end if cand.end and text[cand.end - 1] in "?!" else len(text)
    while reach < len(text) and reach < cand.end + 4 and (text[reach] in "\"\u201d\u2019' \t\u00a0"):
        reach += 1
    window = []
    for sentence in sentences[first:]:
        if sentence.start_char > (reach if reach < len(text) else cand.end + 1):
            break
        window.append(sentence)
    best, best_distance = None, None
    for sentence in window:
        for token in sentence:
            if inside(token.idx) or cand.start <= token.idx < cand.end:
                continue
            lemma = token.lemma_.lower()
            is_cue = _is_verb_cue(token) or (
                token.pos_ == "NOUN" and lemma in CUE_NOUNS) or (lemma == "according" and token.dep_ == "prep")
            if not is_cue:
                continue
            distance = cand.start - token.idx if token.idx < cand.start else token.idx - cand.end
            # a cue after the quote in its own paragraph ("... ," she said) is as good as one before
            if best_distance is None or distance < best_distance:
                best, best_distance = token, distance
    if best is None and cand.kind == QuoteKind.DIRECT:
        previous = sentences[first - 1] if first > 0 else None
        if previous is not None and previous.text.rstrip().endswith(":"):
            for token in reversed(previous):
                if _is_verb_cue(token) and not inside(token.idx):
                    return token
    return best


RECORDING_NOUNS = word_list("quotes", "recording_nouns")
SOURCE_NOUNS = CUE_NOUNS | REPORT_NOUNS  # nouns whose owner is a quote's source
ADDRESSING = word_list("quotes", "addressing_verbs")
LIGHT_VERBS = word_list("quotes", "light_verbs")  # "made a promise that": the verb of a report noun
CLARITY = word_list("quotes", "clarity")  # "made (it) clear that ...": "make" reports with these
# what a text is written in: the subject of an inverted "reads" ('"...," reads the memo')
WRITTEN_NOUNS = word_list("speakers", "record_nouns") | word_list("speakers", "document_nouns")


def _subject(cue, inside=lambda offset: False):
    """The subject of a cue verb, looking through conjunctions, participles and clauses.

    A subject inside quotation marks belongs to the quote, not to the report.
    """
    before = cue.doc[cue.i - 1] if cue.i > 0 else None
    if cue.tag_ == "VBG" and before is not None and before.dep_ == "pobj" and before.head.lower_ == "of" and (
            before.head.head.lemma_.lower() in RECORDING_NOUNS):
        return before  # "the ad uses footage of Hillary Clinton asking, ...": she asks, not the ad
    inverted = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i and c.lemma_.lower() in WRITTEN_NOUNS]
    if inverted and not any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return inverted[0]  # '"...," reads a telephone memo for Mr Heath': the memo says it, not Mr Heath
    token = cue
    for _ in range(SOURCE_REACH):
        for child in sorted(token.children, key=lambda c: abs(c.i - token.i)):
            if child.dep_ in SUBJECT_DEPS and not inside(child.idx):
                if child.lower_ in RELATIVES and token.dep_ == "relcl":
                    return token.head  # "Mr Blair, who said: ..."
                if child.lemma_.lower() in CUE_NOUNS and _cue_noun_owner(child) is not None:
                    return _cue_noun_owner(child)  # "Mr Sands' book suggests ..."
                return child
        agent = [c for c in token.children if c.dep_ == "agent"] if token is cue else []
        if agent:
            objects = [c for c in agent[0].children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if token.dep_ in CUE_CLIMB_DEPS and token.head.i != token.i:
            if token.dep_ == "relcl" and token.head.pos_ in NOUN_POS:
                return token.head
            conjunct = token if token.dep_ == "conj" and cue_lemma(token) in REPORTING_VERBS else None
            token = token.head
            if conjunct is not None and cue_lemma(token) not in REPORTING_VERBS:
                # "He said people were in denial but predicted a better mood": speech verbs are
                # coordinated with speech verbs, whatever clause the parser hung this one on; not
                # one in the reported clause's own tense ("he had agonised but had concluded")
                reporter = next((a for a in token.ancestors if cue_lemma(a) in REPORTING_VERBS), None)
                if reporter is not None and reporter.tag_ == conjunct.tag_ and not any(
                        c.dep_ in AUX_DEPS for c in conjunct.children):
                    token = reporter
            if token.dep_ == "prep" and token.lower_ in MEANS_PREPS and token.head.pos_ == "VERB":
                # "Mr Brown is quoted as saying ...", "Chirac reacted by saying ...": the one who does it
                token = token.head
            if token.pos_ in NOUN_POS:
                owner = [c for c in token.children if c.dep_ in OWNER_DEPS and c.pos_ == "PROPN"]
                if owner:
                    return owner[-1]  # "a BBC story claiming ...": the BBC
                if token.dep_ in NOUN_OBJECT_DEPS:
                    token = governing_verb(token)  # "published a report ... noting": the publisher
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in CUE_NOUNS:
            return None
        break
    # a mis-parsed subject ("the 73-year-old wrote" with "old" as a modifier of the verb)
    left = [c for c in token.children if c.i < token.i and c.dep_ in MISPARSED_SUBJECT_DEPS
            and c.pos_ in SUBJECT_WORD_POS]
    return left[-1] if left else None


def _according_to(cue):
    if cue.lower_ != "according":
        return None
    for child in cue.children:
        if child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _cue_noun_owner(noun):
    """'In a statement, X said' is handled by the verb; 'her resignation letter' names 'her';
    'He made a promise that ...', 'offered a pledge that ...': the one who makes it."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        return _subject(noun.head)  # "He was happy to offer a pledge that ...": he offers it
    return None


