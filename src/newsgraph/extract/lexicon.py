"""The maintained word lists behind quote and speaker extraction.

Lemmas, lower case. Add a word here rather than a special case in code.
"""
from __future__ import annotations

# Verbs that report speech or writing and take a clause as complement: they cue direct,
# mixed and indirect quotes ("said that ...", "wrote: ...").
REPORTING_VERBS = frozenset({
    "say", "tell", "add", "claim", "insist", "warn", "argue", "deny", "admit", "write",
    "state", "announce", "declare", "explain", "note", "suggest", "reply", "respond",
    "answer", "stress", "confirm", "reveal", "acknowledge", "allege", "concede", "assert",
    "maintain", "predict", "complain", "remark", "report", "indicate", "tweet", "conclude",
    "recount", "comment", "observe", "protest", "retort", "counter", "emphasise",
    "emphasize", "contend", "accept", "agree", "disclose", "estimate", "repeat",
    "joke", "quip", "continue", "post", "testify",
    "reiterate", "underline", "point", "hit", "accuse",
    # less common verbs that report a that-clause ("pledged that", "assured voters that")
    "pledge", "promise", "vow", "hint", "recall", "mention", "inform", "assure", "reassure", "remind",
    "boast", "lament", "caution", "advise", "speculate", "forecast", "underscore", "highlight",
    "reaffirm", "proclaim", "guarantee", "demand", "propose", "recommend", "whisper", "shout",
    "yell", "exclaim",
})
# Verbs that cue a quoted fragment but not reported clauses ("called it "heartbreaking"",
# "described the delay as "unnecessary"", "slammed the investigation as "flawed"").
FRAGMENT_VERBS = REPORTING_VERBS | frozenset({
    "call", "describe", "brand", "dub", "label", "term", "slam", "attack", "criticise",
    "criticize", "blast", "praise", "welcome", "condemn", "cite", "vow", "promise",
    "pledge", "threaten", "feel", "express", "speak", "reflect", "boast", "mock",
    "dismiss", "compare", "characterise", "characterize", "insult", "question",
    "hail", "tout", "defend", "urge", "ask", "demand", "plead", "implore",
})
# Verbs reporting with a clause that are only used for indirect speech with a "that"
# clause, because their bare use is usually not speech ("he added value").
NEEDS_THAT = frozenset({"add", "accept", "agree", "continue", "point", "hit", "post", "report", "demand", "propose",
                        "recommend", "highlight", "promise", "guarantee"})
# Nouns that carry a quote ("in a statement", "her resignation letter").
CUE_NOUNS = frozenset({
    "statement", "letter", "tweet", "interview", "speech", "post", "message", "email",
    "remarks", "comment", "comments", "announcement", "blog", "article", "column",
    "press", "conference", "words", "verdict", "view", "claim", "claims", "accusation",
    "book", "report", "memoir", "autobiography", "diary", "diaries", "op-ed",
})
# Nouns that report what someone said in a that-clause: "his claim that ...", "Labour's
# insistence that ..." (an indirect quote when the owner is named, GUIDELINES.md).
REPORT_NOUNS = frozenset({
    "claim", "insistence", "assertion", "warning", "announcement", "prediction", "admission",
    "suggestion", "argument", "allegation", "statement", "denial", "confirmation", "accusation",
    "pledge", "promise", "assurance", "boast", "complaint",
})
# Bodies written as common nouns: "the government", "police" speak for themselves.
INSTITUTION_NOUNS = frozenset({
    "government", "police", "council", "treasury", "ministry", "department", "committee",
    "commission", "court", "army", "opposition", "cabinet", "administration", "parliament",
})
# Common nouns that stand for the organisation last named: "the group", "the party".
ORG_ANAPHORS = frozenset({
    "group", "party", "movement", "organisation", "organization", "union", "campaign",
    "charity", "firm", "company", "agency", "body", "association", "coalition",
})
SPOKESPERSON_NOUNS = frozenset({
    "spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "representative",
    "official", "officials", "source", "sources", "aide", "aides", "insider", "insiders",
})
SINGULAR_SPOKESPERSON = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})
# Sources that are never named: "a member said" gives speaker null.
GENERIC_DETERMINERS = frozenset({"a", "an", "one", "some", "many", "several", "few", "other", "another",
                                 "most", "two", "three", "no", "any", "all"})
GENERIC_NOUNS = frozenset({
    "member", "members", "critic", "critics", "people", "observers", "analysts",
    "supporters", "opponents", "mps", "campaigners", "activists", "voters", "residents",
    "someone", "somebody", "others", "many", "some", "one", "friend", "friends", "colleague",
    "colleagues", "ally", "allies", "witness", "witnesses", "commentators", "experts",
})
# Auxiliaries that make a report or an event not (yet) a fact: "will insist", "could join".
MODALS = frozenset({"will", "would", "could", "might", "may", "shall", "should", "'ll", "\u2019ll"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
THING_PRONOUNS = frozenset({"it", "its"})
# Subjects that are not sources: "the meeting indicated that ...", "figures show that ...".
NON_SOURCE_NOUNS = frozenset({
    "meeting", "document", "documents", "figure", "figures", "poll", "polls", "survey",
    "study", "data", "statistics", "research", "evidence", "result", "results", "entry",
    "entries", "record", "records", "register", "paper", "papers", "minutes", "accounts",
    "it", "this", "that", "which", "what",
})
def _party_forms() -> dict[str, str]:
    from ..data import load

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
