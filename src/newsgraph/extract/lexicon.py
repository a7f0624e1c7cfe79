"""The maintained word lists behind quote and speaker extraction.

Lemmas, lower case. Add a word here rather than a special case in code.
"""
from __future__ import annotations

from ..data import load
from ..data import words as word_list

# Verbs that report speech or writing and take a clause as complement: they cue direct,
# mixed and indirect quotes ("said that ...", "wrote: ...").
REPORTING_VERBS = word_list("lexicon", "reporting_verbs")
SPEAKER_ACTS = word_list("lexicon", "speaker_acts")
# Verbs that cue a quoted fragment but not reported clauses ("called it "heartbreaking"",
# "described the delay as "unnecessary"", "slammed the investigation as "flawed"").
FRAGMENT_VERBS = REPORTING_VERBS | word_list("lexicon", "fragment_verbs")
# Verbs reporting with a clause that are only used for indirect speech with a "that"
# clause, because their bare use is usually not speech ("he added value").
NEEDS_THAT = word_list("lexicon", "needs_that")
# Nouns that carry a quote ("in a statement", "her resignation letter").
CUE_NOUNS = word_list("lexicon", "cue_nouns")
# Nouns that report what someone said in a that-clause: "his claim that ...", "Labour's
# insistence that ..." (an indirect quote when the owner is named, GUIDELINES.md).
REPORT_NOUNS = word_list("lexicon", "report_nouns")
# Bodies written as common nouns: "the government", "police" speak for themselves.
INSTITUTION_NOUNS = word_list("lexicon", "institution_nouns")
# Common nouns that stand for the organisation last named: "the group", "the party".
ORG_ANAPHORS = word_list("lexicon", "org_anaphors")
SPOKESPERSON_NOUNS = word_list("lexicon", "spokesperson_nouns")
SINGULAR_SPOKESPERSON = word_list("lexicon", "singular_spokesperson")
# Sources that are never named: "a member said" gives speaker null.
GENERIC_DETERMINERS = word_list("lexicon", "generic_determiners")
GENERIC_NOUNS = word_list("lexicon", "generic_nouns")
# Auxiliaries that make a report or an event not (yet) a fact: "will insist", "could join".
MODALS = word_list("lexicon", "modals")
MALE_PRONOUNS = word_list("lexicon", "male_pronouns")
FEMALE_PRONOUNS = word_list("lexicon", "female_pronouns")
PLURAL_PRONOUNS = word_list("lexicon", "plural_pronouns")
THING_PRONOUNS = word_list("lexicon", "thing_pronouns")
# Subjects that are not sources: "the meeting indicated that ...", "figures show that ...".
NON_SOURCE_NOUNS = word_list("lexicon", "non_source_nouns")


def _party_forms() -> dict[str, str]:
    return {form: name for name, forms in load("parties")["parties"].items() for form in [name.lower(), *forms]}


# every form of a listed party to its canonical name (data/parties.toml)
PARTY_NAMES = _party_forms()


def _party_key(name: str) -> str:
    return " ".join(w for w in name.lower().replace("\u2019s", "").replace("'s", "").split() if w != "the")


def canonical_party(name: str) -> str:
    """'Tories' -> 'Conservative Party'; a name that is not a known party stays as it is."""
    return PARTY_NAMES.get(_party_key(name), name)


def is_listed_party(name: str) -> bool:
    """A party of data/parties.toml under any of its forms ('Change UK', 'Tories')."""
    return _party_key(name) in PARTY_NAMES
