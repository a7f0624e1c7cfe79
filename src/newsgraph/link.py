"""Cross-article resolution: the keys that say two names are one person or organisation,
and the test that says two reports are one real event. Plain functions; the store applies
them as it ingests, so linking is incremental.
"""
from __future__ import annotations

import re

from .extract.entities import NAME_SUFFIXES
from .extract.entities import TITLES as ENTITY_TITLES  # title -> "m", "f" or None
from .extract.lexicon import canonical_party
from .extract.roles import OFFICE_WORDS

# the titles and post-nominals the entity stage knows, plus forms of address
TITLES = frozenset(ENTITY_TITLES) | NAME_SUFFIXES | {"rt", "hon", "the"}


def name_key(name: str) -> str:
    """Casefolded words without titles, possessives, punctuation and middle initials:
    'Mr Tony Blair's' -> 'tony blair', 'Donald J. Trump' -> 'donald trump'."""
    text = name.casefold().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s-]", " ", text).replace("-", " ")
    words = [w for w in text.split() if w not in TITLES]
    if len(words) >= 3:  # a middle initial tells namesakes apart less often than it is left out
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)


def org_key(name: str) -> str:
    """'the Tories' and 'Conservative Party' share a key; 'Labour' and 'the Labour Party' too."""
    return name_key(canonical_party(name)).removesuffix(" party").strip() or name_key(name)


def entity_key(name: str, label: str) -> str:
    return org_key(name) if label == "ORG" else name_key(name)


# Words no person's name is made of: NER's parties and groups tagged as people ("Lib Dem MPs").
NOT_NAME_WORDS = {"labour", "tory", "tories", "lib", "dem", "dems", "ukip", "snp", "conservative", "conservatives",
                  "democrats", "party", "mps", "meps", "msps", "peers", "lords", "westminster"}


def is_corpus_person(name: str, text: str, starts: list[int]) -> bool:
    """Is this article's person worth a corpus identity? Not 'Lib Dem'; a single word only when
    a title shows it is someone's surname ('Mr Blair', not 'Manchester' or 'Chancellor')."""
    words = name_key(name).split()
    if not words or set(words) & NOT_NAME_WORDS:
        return False
    if len(words) > 1:
        return True
    if words[0] in OFFICE_WORDS:
        return False  # "Lord Chancellor", "Mr Speaker": an office, not a surname
    return any(_word_before(text, start) in ENTITY_TITLES for start in starts)


def _word_before(text: str, start: int) -> str:
    before = text[max(0, start - 12):start].split()
    return before[-1].casefold().rstrip(".") if before else ""


def title_gender(text: str, spans: list[tuple[int, int]]) -> str | None:
    """'m' or 'f' from the titles written before a person's mentions ('Mr Blair', 'Dame Louise');
    pronouns are too noisy across articles to decide identities."""
    found = {gender_before(text, start) for start, _ in spans} - {None}
    return found.pop() if len(found) == 1 else None


def gender_before(text: str, start: int) -> str | None:
    """The gender of the title written just before ``start``, if there is one."""
    return ENTITY_TITLES.get(_word_before(text, start))


def genders_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def surname(key: str) -> str:
    return key.split()[-1] if key else ""


def dates_compatible(a: str | None, b: str | None) -> bool:
    """'2019-02' and '2019-02-14' agree; '2019' and '2018-12' do not."""
    if not a or not b:
        return True
    short = min(len(a), len(b))
    return a[:short] == b[:short]


def more_precise(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    return b if len(b) > len(a) and dates_compatible(a, b) else a


def same_event(type_a: str, org_a: str | None, date_a: str | None,
               type_b: str, org_b: str | None, date_b: str | None) -> bool:
    """Two reports of one person's event are one event: same type, same or unknown body, compatible dates."""
    if type_a != type_b:
        return False
    if org_a and org_b and org_key(org_a) != org_key(org_b):
        return False
    return dates_compatible(date_a, date_b)
