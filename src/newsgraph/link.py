"""Cross-article resolution: the keys that say two names are one person or organisation,
and the test that says two reports are one real event. Plain functions; the store applies
them as it ingests, so linking is incremental.
"""
from __future__ import annotations

import re

from .extract.entities import NAME_SUFFIXES
from .extract.entities import TITLES as ENTITY_TITLES
from .extract.lexicon import canonical_party

# the titles and post-nominals the entity stage knows, plus forms of address
TITLES = frozenset(ENTITY_TITLES) | NAME_SUFFIXES | {"rt", "hon", "the"}


def name_key(name: str) -> str:
    """Casefolded words without titles, possessives and punctuation: 'Mr Tony Blair's' -> 'tony blair'."""
    text = name.casefold().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s-]", " ", text).replace("-", " ")
    return " ".join(w for w in text.split() if w not in TITLES)


def org_key(name: str) -> str:
    """'the Tories' and 'Conservative Party' share a key; 'Labour' and 'the Labour Party' too."""
    return name_key(canonical_party(name)).removesuffix(" party").strip() or name_key(name)


def entity_key(name: str, label: str) -> str:
    return org_key(name) if label == "ORG" else name_key(name)


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
