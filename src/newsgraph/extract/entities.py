"""Mentions of people and organisations, and in-article coreference into entities.

spaCy's NER gives the candidates; rules fix its systematic misses (titles such as
"Dame Ellman" tagged as an organisation, a party name tagged as a person) and add what
it does not know: titles, acronyms defined in the text, social handles. Mentions that
share a surname, a title + first name, an acronym or a "the X Party" form are merged
into one entity whose canonical name is the fullest form used in the article.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..nlp import doc_text
from ..model import Entity, Mention
from ..data import load
from ..data import mapping
from ..data import words as word_list
from .roles import OFFICE_WORDS
from .lexicon import FEMALE_PRONOUNS, MALE_PRONOUNS, canonical_party, is_listed_party
from .syntax import (MISREAD_LABELS, MODIFIER_DEPS, NAME_MISREAD_LABELS, NOMINAL_POS, ORG_LABELS, PERSON_LABELS,
                     PERSON_OR_NO_LABEL, PLACE_LABELS)

# Titles that stand before a name, with the gender they tell (None: none); those that go with a
# first name ("Dame Louise") too.
TITLES: dict[str, str | None] = {title: gender or None
                                 for title, gender in mapping("entities", "title_genders").items()}
FIRST_NAME_TITLES = word_list("entities", "first_name_titles")
# the last word of the names of laws, plans and bodies: "Criminal Justice Bill", "Family Division"
DOCUMENT_WORDS = word_list("entities", "document_words")
# titles that are only titles (the others are also words of names: "Criminal Justice Act")
HONORIFICS = word_list("entities", "honorifics")
# a campaign slogan's first word, never a given name: "Vote Blair", "Get Brown"
SLOGAN_VERBS = word_list("entities", "slogan_verbs")
# a headline's length: a line of at least this many words, every long one capitalised, is title case
TITLE_CASE_LINE_WORDS = 4
# short words ("A", "As", "And") may stay lower case in a title-case line
SHORT_WORD_LETTERS = 3
ACRONYM_MAX_LETTERS = 5  # "the JC", "LFI", "UKIP": an all-capital word this short is an acronym, no name
NAME_BESIDE_ROLE_WORDS = range(2, 4)  # "chair Mike Katz": a first and last name, perhaps a middle one
SLOGAN_WORDS = 2  # "Vote Blair": a slogan verb and a surname
NAME_MAX_WORDS = 5  # a longer run of capitals is the title of something, not a person
NAME_MIN_WORDS = 2  # words cut from the front of a name ("Tory", "Farmer") leave at least a first and last name
GIVEN_AND_SURNAME_MAX = 3  # "Vincent Cable", "Mary Jo Smith": a person's name misread as a body's is short
PARTY_FORM_MAX_WORDS = 3  # "UK Independence Party": the longest listed form looked for where NER saw none
NAME_MIN_LETTERS = 2  # "Mr P.": an initial alone names no one we can find again
MAYBE_PERSON = "MAYBE_PERSON"
MAX_GIVEN_NAMES = 2  # "Cardinal Cormac [Murphy-O'Connor]": given names NER may leave out of a titled name
# plural nouns that end a capitalised phrase that is no one's name: "Children, Young People and Families"
GROUP_WORDS = word_list("entities", "group_words")
NAME_SUFFIXES = word_list("entities", "name_suffixes")
PARTY_WORDS = word_list("entities", "party_words")
PLACES = frozenset(place.lower() for places in load("places")["places"].values() for place in places)
# the words that end a constituency, street or building's name, never a person's
COMPASS = word_list("entities", "compass")
PLACE_TAILS = COMPASS | word_list("entities", "street_words")  # not "Lane", "Street": surnames
# words that end the name of a thing or body the model may take for a person
NOT_NAME_TAILS = word_list("entities", "not_name_tails")
BODY_TAILS = word_list("entities", "body_tails")
# what a person does, capitalised before the name at the start of a sentence or as a label
EPITHETS = word_list("entities", "epithets")  # campaign nicknames written before a name
OCCUPATIONS = word_list("entities", "occupations")
# parts of a party's short name that are no word alone ("Lib Dem")
PARTY_WORD_PARTS = word_list("entities", "party_word_parts")
PARTY_NOUNS = word_list("entities", "party_nouns")  # the word that makes a name a party's
# a compass word may start a place ("North Devon"); "Central" starts names of other things
COMPASS_STARTS = COMPASS - word_list("entities", "not_place_starts")
_HANDLE = re.compile(r"(?<![\w@])@(\w{1,30})")
_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
# 'Rep. Robert C. "Bobby" Scott': a nickname written inside the full name
_NICKNAMED = re.compile(r"\b([A-Z][a-z]+(?: [A-Z]\.| [A-Z][a-z]+)?) [\"\u201c]([A-Z][a-z]+)[\"\u201d] "
                        r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
# a possessive ending NER runs into a name
POSSESSIVE_ENDINGS = word_list("entities", "possessive_endings")
NAME_BREAKS = word_list("entities", "name_breaks")
PEERAGE_TITLES = word_list("entities", "peerage_titles")
PARTY_FORMS_ALSO_WORDS = word_list("entities", "party_forms_also_words")
# "George Bush-style": a name made an adjective
NOT_NAME_SUFFIXES = tuple(sorted(word_list("entities", "not_name_suffixes")))
# lower-case words inside a name
NAME_PARTICLES = word_list("entities", "name_particles")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


@dataclass(slots=True)
class _Cluster:
    label: str
    names: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    aliases: set[str] = field(default_factory=set)
    canonical: str | None = None  # a listed party's one name ("Tories" is the Conservative Party)

    @property
    def name(self) -> str:
        if self.canonical is not None:
            return self.canonical
        return max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))


def extract_entities(doc, skip=None, handle_owners: dict[str, str] | None = None) -> list[Entity]:
    """People and organisations of one parsed article, each with its mentions.

    ``skip(start, end)`` says which spans to leave out (headlines, captions...);
    ``handle_owners`` maps social handles to the names that signed posts with them, so
    "@LouiseEllman" joins Louise Ellman.
    """
    mentions = _mentions(doc, skip or (lambda s, e: False))
    return _cluster(mentions, doc_text(doc), handle_owners or {})


def _mentions(doc, skip) -> list[tuple[Mention, str | None]]:
    """(mention, title) pairs: NER spans, corrected and extended by the rules."""
    text = doc_text(doc)
    found: list[tuple[Mention, str | None]] = []
    org_words = Counter(e.text.lower() for e in doc.ents if e.label_ in ORG_LABELS)
    places = {e.text.lower() for e in doc.ents if e.label_ in PLACE_LABELS}
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in PERSON_LABELS | ORG_LABELS | MISREAD_LABELS | NAME_MISREAD_LABELS or skip(
                ent.start_char, ent.end_char):
            continue
        start, end = _trim(ent, text)
        if end <= start:
            continue
        if ent.label_ in NAME_MISREAD_LABELS:
            # "recruiting Darleen Druyun" read as a work of art: a person's if the article names them
            # (by title and surname) elsewhere; the clustering decides
            written = " ".join(text[start:end].split())
            if _looks_like_name(written):  # not taken: the other readers may still find a body there
                found.append((Mention(start, end, written, MAYBE_PERSON), None))
            continue
        start = _party_start(doc, ent, start, end, text)
        label = _fixed_label(ent, text[start:end], org_words)
        if label is None:
            continue
        if label == "PERSON" and ent.label_ == "PERSON" and _is_place(ent, text[start:end], places):
            continue
        title = None
        inner = [t for t in ent[1:] if t.text.lower().rstrip(".") in TITLES and t.is_title and not _inside_a_name(t)]
        if inner and label == "ORG" and inner[0].i + 1 < ent.end:
            # "Israel Mr Lewis": NER ran a place into a titled name
            ent = doc[inner[0].i: ent.end]
            start, end = _trim(ent, text)
            label = "PERSON"
        first = doc[ent.start].i
        given = _given_names_after_title(doc, first)
        if given is not None:
            # "Cardinal Cormac Murphy-O'Connor" with only the surname tagged (as an organisation)
            first, start = given.i, given.idx
        elif label == "PERSON" and (untagged := _given_name_before(doc, ent)) is not None:
            first, start = untagged.i, untagged.idx  # "Amit Yoran" with only "Yoran" tagged
        # "Dame Louise", "Mr Corbyn": the title may be inside or just before the span
        before = doc[first - 1] if first > 0 else None
        inside = ent[0].text.lower().rstrip(".")
        named = [t for t in ent[1:] if not t.is_space]  # "Ms\u3000Jane Doe": odd spaces are tokens
        title_at = None  # where the title is written, when the name has one
        if inside in TITLES and named:
            title, start, title_at = inside, named[0].idx, ent[0].idx
            label = "PERSON"
        elif (before is not None and before.text.lower().rstrip(".") in TITLES and before.is_title
              and not _inside_a_name(before)):
            title, title_at = before.text.lower().rstrip("."), before.idx
            label = "PERSON"
        if label == "PERSON":
            end = _extend_name(doc, ent.end, end)
            start = _after_party_words(text, start, end)  # "Tory Edward Turnour" is Edward Turnour
            start, end = _as_named_elsewhere(text, start, end)
        if title in PEERAGE_TITLES and title_at is not None and _is_listed_place(text[start:end]):
            start = title_at  # "Lord Liverpool": a peer known by a place keeps the title, or reads as the place
        written = _strip_suffixes(text[start:end]).split("&#")[0].rstrip()  # "Blair&#191;s" in a raw text
        end = start + len(written)  # the span as written ("Gordon  Brown"), its name with one space
        mention_text = " ".join(written.split())
        if label == "PERSON" and not _looks_like_name(mention_text):
            continue
        if label == "PERSON" and title is None and _is_listed_place(mention_text):
            continue
        if label == "PERSON" and _ends_a_title_case_name(doc, ent, mention_text):
            continue
        found.append((Mention(start, end, mention_text, label), title))
        taken.update(range(start, end))
    found += _nickname_mentions(text, skip, taken)
    found += _headline_names_in_body(doc, text, skip, taken)
    found += _title_mentions(doc, text, skip, taken)
    found += _surname_mentions(doc, skip, taken, found)
    found += _party_mentions(doc, skip, taken)
    found += _handle_mentions(text, taken)  # handles live in posts, which the body skip leaves out
    found.sort(key=lambda m: m[0].start)
    return found


def _headline_names_in_body(doc, text: str, skip, taken: set[int]) -> list[tuple[Mention, str | None]]:
    """'Profile: David Miliband' over "David Miliband's rapid rise ...": a full name NER read as a
    person where the reader skips (a headline) names that person where a body paragraph starts with
    it and NER read nothing there (a paragraph's first words after a headline often parse badly)."""
    headline = {" ".join(ent.text.split()) for ent in doc.ents if ent.label_ in PERSON_LABELS
                and skip(ent.start_char, ent.end_char)}
    names = sorted(name for name in headline if len(name.split()) >= NAME_MIN_WORDS
                   and not is_party_name(name) and _looks_like_name(name))
    if not names:
        return []  # most articles: no work for the body
    read = {i for ent in doc.ents for i in range(ent.start_char, ent.end_char)}  # "The Da Vinci Code"
    found: list[tuple[Mention, str | None]] = []
    for name in names:
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            start, end = match.span()
            if skip(start, end) or any(i in taken or i in read for i in range(start, end)) or (
                    start > 0 and text[start - 1] != "\n"):
                continue  # only where a paragraph starts, the place the parse goes wrong
            found.append((Mention(start, end, name, "PERSON"), None))
            taken.update(range(start, end))
    return found


def nicknames(text: str) -> dict[str, str]:
    """'Robert C. "Bobby" Scott' -> {"bobby scott": "robert c. scott"}: the name used and the name given."""
    return {f"{m[2]} {m[3]}".lower(): f"{m[1]} {m[3]}".lower() for m in _NICKNAMED.finditer(text)}


def _nickname_mentions(text: str, skip, taken: set[int]) -> list[tuple[Mention, str | None]]:
    """The full name around a nickname, as one mention named without the nickname."""
    found: list[tuple[Mention, str | None]] = []
    for match in _NICKNAMED.finditer(text):
        if skip(match.start(), match.end()):
            continue
        found.append((Mention(match.start(), match.end(), f"{match[1]} {match[3]}", "PERSON"), None))
        taken.update(range(match.start(), match.end()))
    return found


def _is_listed_place(name: str) -> bool:
    """'Liverpool', 'Milton Keynes', 'Bolton West', 'Manchester Withington': a listed place, or one
    and a compass word, or a constituency named after its town ("Birmingham Yardley")."""
    words = name.lower().split()
    return name.lower() in PLACES or (len(words) > 1 and (
        (words[-1] in COMPASS and " ".join(words[:-1]) in PLACES) or words[0] in PLACES))


def _is_place(ent, name: str, places: set[str]) -> bool:
    """A place the model took for a person: the same words read as a place elsewhere in the
    article, or one item of a list of places ("visits Manchester, Liverpool, Leicester")."""
    if name.lower() in places:
        return True
    root = ent.root
    # list items only: an apposition may be a person's state ("McConnell (R-Ky.)")
    kin = [t for t in root.children if t.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    kin = [t for t in kin if t.i not in range(ent.start, ent.end) and t.pos_ == "PROPN"]
    return bool(kin) and all(t.ent_type_ in PLACE_LABELS for t in kin)


def _trim(ent, text: str) -> tuple[int, int]:
    """Span offsets without a leading 'the', trailing possessive and punctuation."""
    tokens = list(ent)
    while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct or tokens[0].pos_ == "ADP"):
        tokens = tokens[1:]  # "Across Wales, pickets were held": a preposition opens no name
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in POSSESSIVE_ENDINGS):
        tokens = tokens[:-1]
    # set off by spaces: a hyphen inside a name ("Kilroy-Silk") breaks nothing
    breaks = [n for n, t in enumerate(tokens) if t.text in NAME_BREAKS and n and tokens[n - 1].whitespace_]
    if breaks and all(t.pos_ == "PROPN" for t in tokens[breaks[-1] + 1:]) and breaks[-1] + 1 < len(tokens):
        tokens = tokens[breaks[-1] + 1:]  # "MPs - Keith Vaz": a list's lead-in is not part of the name
    elif breaks and all(t.pos_ == "PROPN" for t in tokens[:breaks[0]]):
        tokens = tokens[:breaks[0]]  # "Alan Milburn - the man appointed ...": what follows is about him
    if not tokens:
        return 0, 0
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    span = text[start:end]  # from the text passed in: Doc.text is rebuilt on every access
    return start, start + len(_POSSESSIVE.sub("", span))


def _fixed_label(ent, text: str, org_words: Counter) -> str | None:
    words = [w.lower() for w in text.split()]
    if ent.label_ == "PERSON":
        # a party name tagged as a person ("Labour") is an organisation
        if words and (all(w in PARTY_WORDS | PARTY_WORD_PARTS for w in words) or is_listed_party(text)):
            return "ORG"
        if len(words) == 1 and org_words[text.lower()] > 0:
            return "ORG"
        if len(words) == 1 and text.isupper() and len(text) <= ACRONYM_MAX_LETTERS:
            return "ORG"  # "the JC": people's names are not acronyms
        if len(words) > 1 and words[-1] in BODY_TAILS:
            return "ORG"  # "Age Concern says ..."
        return "PERSON"
    if ent.label_ in ORG_LABELS:
        if len(words) == 1 and words[0] in GROUP_WORDS and not is_party_name(text):
            return None  # "the MPs said": a group of people, not a body
        first = words[0].rstrip(".") if words else ""
        if first in TITLES and len(words) > 1:
            return "PERSON"
        if _named_by_role(ent, words):
            return "PERSON"
        if ent.label_ == "NORP" and not (words and words[-1] in PARTY_WORDS):
            return None  # "Jewish", "British": not an organisation
        return "ORG"
    if ent.label_ in MISREAD_LABELS:
        first = words[0].rstrip(".") if words else ""
        return "PERSON" if first in TITLES and len(words) > 1 else None
    return None


def _extend_name(doc, token_end: int, end: int) -> int:
    """NER sometimes stops after a first name ("Sylvia" of "Sylvia Heal"): take the surname too."""
    while token_end < len(doc):
        nxt = doc[token_end]
        if (nxt.pos_ != "PROPN" or not nxt.is_title or nxt.ent_type_ not in PERSON_OR_NO_LABEL
                or nxt.whitespace_ == "\n"):
            break
        if doc[token_end - 1].whitespace_ != " " or nxt.idx != end + 1:
            break  # only a name written straight after, not one past a possessive
        end = nxt.idx + len(nxt.text)
        token_end += 1
    return end


ORG_WORDS = word_list("entities", "org_words")


def _named_by_role(ent, words: list[str]) -> bool:
    """'leader, Nicola Sturgeon,' or 'chair Mike Katz': a name set beside a role noun is a person."""
    if len(words) not in NAME_BESIDE_ROLE_WORDS or any(w.strip("'’s") in ORG_WORDS for w in words):
        return False
    if not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.is_lower:
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (before is not None and before.pos_ == "NOUN" and before.is_lower
            and before.head.i in range(ent.start, ent.end))


def _ends_a_title_case_name(doc, ent, text: str) -> bool:
    """'the Criminal Justice Bill': a one-word "person" that ends a capitalised name of a law,
    plan or body is the end of that name."""
    if " " in text or text.lower() not in DOCUMENT_WORDS or ent.start == 0:
        return False
    before = doc[ent.start - 1]
    return before.is_title and not before.is_sent_start


def _inside_a_name(title) -> bool:
    """'the Criminal Justice Act', 'the Family Justice Division': a title word inside a capitalised
    name is part of that name, not a title of the words after it."""
    if title.i == title.sent.start or title.text.lower().rstrip(".") in HONORIFICS:
        return False  # "Israel Mr Lewis": an honorific is never part of a name before it
    before = title.doc[title.i - 1]
    return before.is_title and before.text.lower().rstrip(".") not in TITLES and not before.is_sent_start


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if words and words[0].lower() in SLOGAN_VERBS and len(words) == SLOGAN_WORDS:
        return False  # "Vote Blair, Get Brown": a slogan, not a name
    if words and (words[-1].lower() in GROUP_WORDS or "/" in text):
        return False  # "Young People" (a minister's brief), "Brown/Blair"
    tail = words[-1].lower() if words else ""
    # "Clwyd North West", "Leeds Central", "North Devon", "Wilmslow Road", "St Pancras", "White Paper",
    # "Age Concern"; a compass word may end a person's name ("Alan West"), so only after another place word
    compass_place = tail in COMPASS and (tail == "central" or len(words) > 2 or words[0].lower() in COMPASS)
    if len(words) > 1 and (compass_place or (tail in PLACE_TAILS and tail not in COMPASS) or tail in NOT_NAME_TAILS
                           or words[0].lower() in COMPASS_STARTS or words[0] == "St"):
        return False
    if words and words[-1].endswith(NOT_NAME_SUFFIXES):
        return False  # "George Bush-style"
    return bool(words) and len(words) <= NAME_MAX_WORDS and all(w[:1].isupper() or w[:1] in "@'" or w in NAME_PARTICLES
                                                   for w in words)


def _as_named_elsewhere(text: str, start: int, end: int) -> tuple[int, int]:
    """In a line written in title case ("Black Lawmakers Rip Donald Trump As A 'Disgusting Fraud'")
    capitals say nothing, and NER runs verbs into names: a name found there that the rest of the
    article never writes is cut to its longest run of words the article does write ("Donald Trump";
    "Clinton And Trump Face" -> "Trump")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) % (len(text) + 1)
    if not _title_case(text[line_start:line_end]):
        return start, end
    rest = text[:line_start] + "\n" + text[line_end:]
    if re.search(rf"\b{re.escape(text[start:end])}\b", rest):
        return start, end
    parts = list(re.finditer(r"\S+", text[start:end]))
    for size in range(len(parts) - 1, 0, -1):
        for first in range(len(parts) - size + 1):
            run = parts[first: first + size]
            written = text[start + run[0].start(): start + run[-1].end()]
            if re.search(rf"\b{re.escape(written)}\b", rest):
                return start + run[0].start(), start + run[-1].end()
    return start, end


def _title_case(line: str) -> bool:
    """Is every long word of the line capitalised? Stops at the first that is not (most lines are
    body paragraphs, read here once for each name in them)."""
    words = 0
    for word in _WORD.finditer(line):
        if len(word.group()) > SHORT_WORD_LETTERS and not word.group()[0].isupper():
            return False
        words += 1
    return words >= TITLE_CASE_LINE_WORDS


def _given_names_after_title(doc, first: int):
    """The first of the capitalised words between a title and an entity NER began too late, if any."""
    at = first
    while at > 0 and first - at < MAX_GIVEN_NAMES and doc[at - 1].pos_ == "PROPN" and doc[at - 1].is_title and (
            not doc[at - 1].ent_type_) and doc[at - 1].lower_ not in TITLES:
        at -= 1
    if at == first or at == 0:
        return None
    title = doc[at - 1]
    return doc[at] if title.lower_.rstrip(".") in TITLES and title.is_title and not _inside_a_name(title) else None


def _given_name_before(doc, ent):
    """'Amit Yoran' with only the surname tagged: the capitalised word the parser hangs on it as a
    compound, tagged as nothing, that is no title, office, party or occupation word. Only before a
    surname alone: before a full name such a word is a label ("Blairite Alan Milburn", "Gen. Norman Ham"),
    unless a title or office stands right before it, where only a name goes ("Lib Dem MP Parmjit Singh
    Gill")."""
    if ent.start == 0 or ent[-1].lower_ in DOCUMENT_WORDS | ORG_WORDS:
        return None  # "Finance Bill": NER may tag the last word of a law's name as a person
    before = doc[ent.start - 1]
    word = before.lower_.rstrip(".")
    title = doc[ent.start - 2].lower_.rstrip(".") if ent.start > 1 else ""
    titled = title in TITLES or title in OFFICE_WORDS
    if (len(ent) != 1 and not (titled and len(ent) == 2)
            or before.pos_ != "PROPN" or not before.is_title or before.ent_type_ or before.dep_ != "compound"
            or not ent.start <= before.head.i < ent.end or before.whitespace_ != " "
            or word in TITLES or word in OCCUPATIONS or word in PARTY_WORDS or word in OFFICE_WORDS
            or word in PLACES or word in SLOGAN_VERBS or word in EPITHETS):
        return None
    return before


def _ends_with(name: str, words: list[str]) -> bool:
    """Is ``words`` (two or more) the end of the longer ``name``?"""
    full = name.lower().split()
    return 1 < len(words) < len(full) and full[-len(words):] == [w.lower() for w in words]


def _after_party_words(text: str, start: int, end: int) -> int:
    """Where a name starts after the party words NER ran into it ("Tory", "Lib Dem", "Labour"),
    keeping at least two words so that a party's own name is left alone."""
    words = list(re.finditer(r"\S+", text[start:end]))
    cut = 0
    before_name = PARTY_WORDS | PARTY_WORD_PARTS | OCCUPATIONS | EPITHETS
    while len(words) - cut > NAME_MIN_WORDS and words[cut].group().lower().strip("'’") in before_name:
        cut += 1  # "Farmer Geoff Brooks", "Backbencher Stephen Pound": what they do, written as a title;
        # "Crooked Hillary Clinton": a rival's nickname, not her name
    # "Lifelong Learning Minister Jim Wallace": a title phrase ending in an occupation runs into the name
    inner = [n for n in range(cut, len(words) - 2) if words[n].group().lower() in OCCUPATIONS]
    cut = inner[-1] + 1 if inner else cut
    return start + words[cut].start() if cut else start


def _strip_suffixes(text: str) -> str:
    """``text`` as written, cut before trailing "MP", "QC"...: its spacing is kept for offsets."""
    words = list(re.finditer(r"\S+", text))
    while len(words) > 1 and words[-1].group().lower().rstrip(".") in NAME_SUFFIXES:
        words.pop()
    return text[:words[-1].end()] if words else text


def _party_mentions(doc, skip, taken: set[int]) -> list[tuple[Mention, str | None]]:
    """'Labour say a Lib Dem vote could ...': a listed party the model did not tag, written with a
    capital and standing alone (not the start of a longer name, not a common word opening a sentence)."""
    out: list[tuple[Mention, str | None]] = []
    n = 0
    while n < len(doc):
        for size in range(PARTY_FORM_MAX_WORDS, 0, -1):
            span = doc[n: n + size]
            if len(span) < size or not span[0].is_title or span[0].pos_ == "DET" or any(t.idx in taken for t in span):
                continue
            written = span.text
            nxt = doc[n + size] if n + size < len(doc) else None
            if not is_listed_party(written) or (nxt is not None and nxt.is_title and nxt.pos_ == "PROPN"):
                continue
            if span[-1].dep_ in MODIFIER_DEPS:
                continue  # "Labour MP Jane Smith": a party word describing someone, which the roles read
            if span[0].is_sent_start and written.lower() in PARTY_FORMS_ALSO_WORDS:
                continue  # "Respect for the law", "Conservative estimates"
            if not skip(span.start_char, span.end_char):
                out.append((Mention(span.start_char, span.end_char, written, "ORG"), None))
                taken.update(range(span.start_char, span.end_char))
            n += size - 1
            break
        n += 1
    return out


def _title_mentions(doc, text: str, skip, taken: set[int]) -> list[tuple[Mention, str | None]]:
    """'Mr Lewis', 'Dame Louise' that NER missed: a title and capitalised proper nouns."""
    out = []
    for token in doc:
        low = token.text.lower().rstrip(".")
        if low not in TITLES or not token.is_title or token.idx in taken or _inside_a_name(token):
            continue
        names = []
        for nxt in doc[token.i + 1: token.i + 4]:
            if nxt.is_title and nxt.pos_ in NOMINAL_POS and nxt.text.lower() not in TITLES:
                names.append(nxt)
            else:
                break
        if not names:
            continue
        start = names[0].idx
        end = names[-1].idx + len(names[-1].text)
        if low in PEERAGE_TITLES and _is_listed_place(text[start:end]):
            start = token.idx  # "Lord Liverpool": the title stays, or the name reads as the place
        name = _POSSESSIVE.sub("", text[start:end]).rstrip("/\\|_-")  # "Mr Forsyth/" in a pasted comment
        end = start + len(name)
        if len(name.rstrip(".")) < NAME_MIN_LETTERS or skip(start, end) or any(i in taken for i in range(start, end)):
            continue  # "Mr P.": an initial alone names no one we can find again
        out.append((Mention(start, end, name, "PERSON"), low))
        taken.update(range(start, end))
    return out


def _surname_mentions(doc, skip, taken: set[int], found) -> list[tuple[Mention, str | None]]:
    """'Jason Chaffetz ... Chaffetz was first elected in 2008': the bare surname of a person the
    article names in full, where NER tagged nothing (US news writes people by surname alone). Only a
    word standing as a noun phrase of its own: not inside a longer name ("Trump Tower", "Jeb Bush"),
    nor a modifier ("the Trump campaign"), nor a surname two people named in full share."""
    full: dict[str, set[str]] = {}
    for mention, _ in found:
        words = mention.text.split()
        if mention.label == "PERSON" and len(words) >= NAME_MIN_WORDS:
            full.setdefault(words[-1], set()).add(mention.text)
    out: list[tuple[Mention, str | None]] = []
    for token in doc:
        names = full.get(token.text)
        if (not names or len(names) > 1 or token.ent_type_ or token.pos_ != "PROPN" or token.dep_ == "compound"
                or token.idx in taken or skip(token.idx, token.idx + len(token.text))):
            continue
        beside = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        if any(t.pos_ == "PROPN" and t.is_title for t in beside):
            continue  # part of another name
        out.append((Mention(token.idx, token.idx + len(token.text), token.text, "PERSON"), None))
        taken.update(range(token.idx, token.idx + len(token.text)))
    return out


def _handle_mentions(text: str, taken: set[int]) -> list[tuple[Mention, str | None]]:
    out: list[tuple[Mention, str | None]] = []
    for match in _HANDLE.finditer(text):
        start, end = match.span()
        if start not in taken:
            out.append((Mention(start, end, match.group(0), "HANDLE"), None))
    return out


def _cluster(found: list[tuple[Mention, str | None]], text: str, handle_owners: dict[str, str]) -> list[Entity]:
    clusters: list[_Cluster] = []
    acronyms = _acronyms(text)
    by_key: dict[tuple[str, str], _Cluster] = {}

    def new(label: str) -> _Cluster:
        cluster = _Cluster(label)
        clusters.append(cluster)
        return cluster

    people = [(m, t) for m, t in found if m.label == "PERSON"]
    given_names = nicknames(text)
    # "Mrs Howard" and "Mr Howard" in one article are two people: titled surnames go by gender
    genders_of: dict[str, set[str]] = defaultdict(set)
    for mention, title in people:
        gender = TITLES.get(title) if title is not None else None
        if gender:
            genders_of[mention.text.split()[-1].lower()].add(gender)
    # Fullest names first, so that "Corbyn" finds "Jeremy Corbyn" wherever it stands.
    for mention, title in sorted(people, key=lambda mt: -len(mt[0].text.split())):
        words = mention.text.split()
        surname = words[-1].lower()
        cluster = None
        gender = TITLES.get(title) if title is not None else None
        if len(genders_of[surname]) > 1 and (not gender or title in FIRST_NAME_TITLES):
            # whose gender is unknown: a full name, or a bare "Clinton" beside "Mr" and "Mrs Clinton",
            # which could be either of them, stays a name of its own
            cluster = by_key.get(("full", mention.text.lower())) or new("PERSON")
        elif len(genders_of[surname]) > 1:
            gendered = ("surname", f"{surname}~{gender}")
            cluster = by_key.get(gendered) or new("PERSON")
            by_key[gendered] = cluster
            assert title is not None  # a gendered title: the branch above took every other
            cluster.names.append(f"{title.capitalize()} {mention.text}")  # "Mrs Howard": the name tells them apart
        elif len(words) == 1 and title in FIRST_NAME_TITLES:
            cluster = by_key.get(("first", surname)) or by_key.get(("surname", surname))
        elif len(words) == 1:
            cluster = by_key.get(("surname", surname)) or by_key.get(("first", surname))
        else:
            cluster = by_key.get(("full", given_names.get(mention.text.lower(), mention.text.lower())))
            if cluster is None:
                candidate = by_key.get(("surname", surname))
                # "Louise Ellman" and "Dame Ellman" join; "Ed Miliband" and "David Miliband" do not
                if candidate and all(n.split()[0].lower() == words[0].lower() or len(n.split()) == 1
                                     for n in candidate.names):
                    cluster = candidate
                elif candidate and any(_ends_with(n, words) for n in candidate.names):
                    cluster = candidate  # "Suu Kyi" is the end of "Aung San Suu Kyi", "Duncan Smith" of Iain's
        if cluster is None:
            cluster = new("PERSON")
        cluster.names.append(mention.text)
        cluster.mentions.append(mention)
        if title and TITLES.get(title) and cluster.gender is None:
            cluster.gender = TITLES[title]
        by_key.setdefault(("surname", surname), cluster)
        by_key.setdefault(("full", mention.text.lower()), cluster)
        if len(words) > 1:
            by_key.setdefault(("first", words[0].lower()), cluster)

    orgs = []
    for mention, _ in found:
        if mention.label not in ("ORG", MAYBE_PERSON):
            continue
        person = by_key.get(("surname", mention.text.lower())) if " " not in mention.text else _person_named(
            mention.text, by_key)
        if person is None and mention.label == MAYBE_PERSON:
            continue  # a work of art after all
        if person is not None:
            # "Livingstone" tagged ORG in an article about Ken Livingstone
            person.names.append(mention.text)
            person.mentions.append(Mention(mention.start, mention.end, mention.text, "PERSON"))
        else:
            orgs.append(mention)
    for mention in sorted(orgs, key=lambda m: -len(m.text)):
        # a party goes by its one listed name, however the article writes it ("the Tories", "the
        # Conservatives"): a body speaks under its full name (GUIDELINES), and once across articles
        party = canonical_party(mention.text)
        key = _org_key(party, acronyms)
        cluster = by_key.get(("org", key))
        if cluster is None and mention.text.lower().endswith("party"):
            # "Independence Party" after "UK Independence Party": the same party, shortened
            cluster = next((c for (kind, k), c in by_key.items() if kind == "org" and k.endswith(" " + key)), None)
        if cluster is None:
            cluster = new("ORG")
            by_key[("org", key)] = cluster
        cluster.names.append(mention.text)
        cluster.mentions.append(mention)
        if party != mention.text:
            cluster.canonical = party
        for short, long in acronyms.items():
            if _org_key(long, {}) == key:
                cluster.aliases.add(short)
                cluster.names.append(long)

    for mention, _ in found:
        if mention.label == "HANDLE":
            owner = handle_owners.get(mention.text.lower())
            cluster = None
            if owner:
                cluster = by_key.get(("full", owner.lower())) or by_key.get(("org", _org_key(owner, acronyms)))
            if cluster is None:
                label = "HANDLE" if not owner else "ORG" if owner.isupper() else "PERSON"
                cluster = by_key.get(("handle", mention.text.lower())) or new(label)
                by_key[("handle", mention.text.lower())] = cluster
                cluster.names.append(owner or mention.text)
            cluster.aliases.add(mention.text)
            cluster.mentions.append(mention)

    entities = []
    ordered = sorted(clusters, key=lambda c: min(m.start for m in c.mentions))
    for number, cluster in enumerate(ordered):
        name = cluster.name
        mentions = tuple(sorted((Mention(m.start, m.end, m.text, m.label, number) for m in cluster.mentions),
                                key=lambda m: m.start))
        aliases = tuple(sorted(({n for n in cluster.names} | cluster.aliases) - {name}))
        entities.append(Entity(number, name, cluster.label, aliases, mentions, cluster.gender))
    return entities


def _party_start(doc, ent, start: int, end: int, text: str) -> int:
    """'The Liberal Democrats say' with only "Democrats" tagged: a party's name begins with the word
    before the span when the two are a listed party (else "Democrats" reads as the US party)."""
    if ent.start == 0:
        return start
    before = doc[ent.start - 1]
    if (before.is_title and before.pos_ != "DET" and before.whitespace_
            and is_listed_party(f"{before.text} {text[start:end]}")):
        return before.idx
    return start


def _person_named(text: str, by_key: dict) -> _Cluster | None:
    """'Vincent Cable' tagged as an organisation where 'Mr Cable' is a person of the article: a short
    title-case name with no word of a body's name, ending in that person's surname, is theirs."""
    words = text.split()
    if not NAME_MIN_WORDS <= len(words) <= GIVEN_AND_SURNAME_MAX or not all(w[:1].isupper() for w in words):
        return None
    if any(w.lower() in ORG_WORDS or is_listed_party(w) for w in words):
        return None
    person = by_key.get(("surname", words[-1].lower()))
    if person is None:
        return None
    full = [n.split() for n in person.names if len(n.split()) > 1]
    if person.gender is None and not full:
        return None  # a lone capitalised word ("Bill") is no one to join
    if any(n[0].lower() != words[0].lower() for n in full):
        return None  # "Amanda Champion" is not Lewis Champion
    return person


def _acronyms(text: str) -> dict[str, str]:
    """'Jewish Labour Movement (JLM)' defines JLM: initials of the words before it."""
    out = {}
    for match in _ACRONYM_DEF.finditer(text):
        short = match.group(1)
        letters = [c for c in short if c.isupper()]
        words = re.findall(r"[A-Z][\w'-]*|of|and|for|the", text[max(0, match.start() - 120):match.start()])
        initials = [w for w in words if w[0].isupper()]
        if len(initials) >= len(letters) and [w[0] for w in initials[-len(letters):]] == letters:
            first = initials[-len(letters)]
            tail = text[max(0, match.start() - 120):match.start()]
            long = tail[tail.rindex(first):].strip()
            out[short] = long
    return out


def _org_key(name: str, acronyms: dict[str, str]) -> str:
    """One key for 'Labour', 'the Labour Party' and 'Labour party'; an acronym for its long form."""
    if name in acronyms:
        name = acronyms[name]
    words = [w.lower() for w in name.split() if w.lower() != "the"]
    if len(words) > 1 and words[-1] == "party":
        words = words[:-1]
    return " ".join(words)


def is_party_name(name: str) -> bool:
    """'Labour', 'the Liberal Democrats', 'Veritas Party', 'the Independent Group': a political
    party's name, by its words or from the list of parties (data/parties.toml)."""
    if canonical_party(name) != name:
        return True
    words = {w.lower().strip("'’") for w in name.replace("-", " ").split()}
    return bool(words & (PARTY_WORDS | PARTY_NOUNS)) and not words & NOT_PARTY_WORDS


# "Jewish Labour Movement", "Labour Friends of Israel": bodies around a party, not the party
NOT_PARTY_WORDS = word_list("entities", "not_party_words")


def infer_genders(entities: list[Entity], doc, quoted=lambda offset: False) -> list[Entity]:
    """Give each person without a gendered title the gender of the pronouns that follow it.

    Pronouns inside quotes (``quoted(offset)``) are the speaker's, not the narrator's: skipped.
    """
    votes: dict[int, Counter] = defaultdict(Counter)
    starts = sorted(((m.start, e) for e in entities if e.label == "PERSON" for m in e.mentions),
                    key=lambda pair: pair[0])  # two people may share a start: order by offset alone
    if not starts:
        return entities
    pointer, last = 0, None
    for token in doc:
        while pointer < len(starts) and starts[pointer][0] <= token.idx:
            last = starts[pointer][1]
            pointer += 1
        low = token.lower_
        if last is not None and token.pos_ == "PRON" and not quoted(token.idx):
            if low in MALE_PRONOUNS:
                votes[last.id]["m"] += 1
            elif low in FEMALE_PRONOUNS:
                votes[last.id]["f"] += 1
    out = []
    for entity in entities:
        gender = entity.gender
        if gender is None and votes[entity.id]:
            gender = votes[entity.id].most_common(1)[0][0]
        out.append(Entity(entity.id, entity.name, entity.label, entity.aliases, entity.mentions, gender)
                   if gender != entity.gender else entity)
    return out
