"""A quote's trail across articles: which quotes are one utterance, and how its reports differ.

Two quotes are one utterance when their normalised words are the same, when one lies wholly inside
the other (a fragment of the fuller quote), or when they align with a few words changed. Candidates
come from an inverted index of word trigrams over the distinct texts (identical texts are grouped
first, so a quote repeated in a thousand follow-ups costs one entry); trigrams shared by many texts
are stock phrases ("the American people") and open no candidates. Each candidate pair is then
verified by a word alignment. The cost grows with the number of distinct texts times their length.

An indirect report is linked to a direct quote of the same speaker whose words it shares
(a ``paraphrase`` link), without joining that quote's cluster.
"""
from __future__ import annotations

import gc
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from .data import words as word_list
from .model import QuoteKind

SHINGLE = 3  # words per index key: "makes me smart" is the shortest fragment worth following
MIN_WORDS = 3  # shorter quotes ("hurt", "battle bus") are words, not utterances
# a fragment shorter than this joins a fuller quote only when both name the same speaker:
# "unfit to be commander-in-chief" is said by many people
MIN_FRAGMENT = 6
# a passage shorter than this, found in reports that name different speakers, is a phrase going
# round (a slogan, a talking point), not one utterance misattributed
SHARED_PHRASE = 10
MAX_POSTINGS = 50  # a trigram held by more distinct texts than this pairs a new text with the latest only
ALIGNED = 0.8  # share of the shorter quote's words the alignment must match to be one utterance
LOCAL_EDIT = 3  # words on either side of an edit for it to change a quote's meaning rather than cut it
PARAPHRASED = 0.6  # share of an indirect report's content words found in the direct quote
NEGATIONS = word_list("trail", "negations")
STOP = word_list("trail", "function_words")

_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHES = re.compile(r"['\u2019\u2018]")


@dataclass(frozen=True, slots=True)
class TrailQuote:
    """What clustering reads of a stored quote."""

    id: int
    text: str
    kind: str
    speaker_id: int | None = None
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Membership:
    """A quote's place in a trail: ``same`` and ``variant`` members are the utterance's reports,
    a ``paraphrase`` is an indirect report linked to it."""

    quote_id: int
    trail_id: int
    relation: str


@dataclass(frozen=True, slots=True)
class Variant:
    """One appearance against the fullest form: word-level diff and what changed."""

    quote_id: int
    diff: tuple[tuple[str, str], ...]  # (op, words): op is "=", "-" (missing here), "+" (only here)
    flags: tuple[str, ...]


def words(text: str) -> list[str]:
    """Lower-cased words without apostrophes or punctuation: "We've" -> "weve"."""
    return _WORD.findall(_APOSTROPHES.sub("", text.lower()))


def cluster(quotes: Sequence[TrailQuote]) -> list[Membership]:
    """Every quote that shares an utterance with another, with its trail id (the trail's smallest
    quote id) and relation; the same for the same quotes in any order."""
    # millions of small lists and tuples, none in a reference cycle: the cycle collector would
    # walk the whole growing heap again and again (1M quotes: most of the time), so it waits
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _cluster(quotes)
    finally:
        if collecting:
            gc.enable()


def _cluster(quotes: Sequence[TrailQuote]) -> list[Membership]:
    reports = sorted((q for q in quotes if q.kind in REPORTED), key=lambda q: q.id)
    texts: dict[tuple[str, ...], list[TrailQuote]] = {}
    for quote in reports:
        key = tuple(words(quote.text))
        if len(key) >= MIN_WORDS:
            texts.setdefault(key, []).append(quote)
    distinct = list(texts)
    parent = list(range(len(distinct)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = TrigramIndex()
    for j, key in enumerate(distinct):
        for i in index.partners(j, key):  # earlier texts only, in order
            a, b = root(i), root(j)
            if a != b and one_utterance(distinct[i], key, texts[distinct[i]], texts[key]):
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(distinct)):
        groups[root(i)].append(i)
    members: dict[int, Membership] = {}
    for group in groups.values():
        quotes_in = sorted((q for i in group for q in texts[distinct[i]]), key=lambda q: q.id)
        if len(quotes_in) < 2:
            continue
        trail_id = quotes_in[0].id
        fullest = max((distinct[i] for i in group), key=lambda k: (len(k), k))
        for i in group:
            relation = "same" if contains(fullest, distinct[i]) else "variant"
            for quote in texts[distinct[i]]:
                members[quote.id] = Membership(quote.id, trail_id, relation)
    by_id = {q.id: q for q in reports}
    linked = paraphrases([q for q in quotes if q.kind == QuoteKind.INDIRECT], members, by_id)
    return sorted([*members.values(), *linked], key=lambda m: m.quote_id)


REPORTED = frozenset({QuoteKind.DIRECT, QuoteKind.MIXED})


def shingles(key: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(key[i:i + SHINGLE]) for i in range(len(key) - SHINGLE + 1)}


class TrigramIndex:
    """Which earlier texts a new text is compared with: every earlier text of a trigram while no
    more than ``MAX_POSTINGS`` hold it, then only the latest one, so that a quote reported a
    thousand times over (each report a word or two apart) still chains into one trail, and a stock
    phrase costs one comparison a text, not one for every two texts. Texts are added in order;
    the store places a new quote the same way (``store.trails``)."""

    def __init__(self) -> None:
        # keyed by the trigram itself, not its hash: two trigrams never share a posting, in any process
        self.small: dict[tuple[str, ...], list[int]] = {}  # the texts that hold a trigram, while few do
        self.latest: dict[tuple[str, ...], int] = {}  # the last text that holds it, once many do

    def partners(self, number: int, key: Sequence[str]) -> list[int]:
        """The earlier texts to compare text ``number`` with; then adds it to the index."""
        found: set[int] = set()
        for shingle in shingles(key):
            if shingle in self.latest:
                found.add(self.latest[shingle])
                self.latest[shingle] = number
                continue
            earlier = self.small.setdefault(shingle, [])
            found.update(earlier)
            earlier.append(number)
            if len(earlier) > MAX_POSTINGS:
                self.latest[shingle] = number
                del self.small[shingle]
        return sorted(found)


def contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """Is ``shorter`` a contiguous run of ``longer``'s words?"""
    n = len(shorter)
    if n > len(longer):
        return False
    first = shorter[0] if n else None
    return any(longer[i] == first and tuple(longer[i:i + n]) == tuple(shorter)
               for i in range(len(longer) - n + 1))


def matched_share(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of the shorter text's words that a word alignment finds in the other."""
    shorter = min(len(a), len(b))
    if not shorter:
        return 0.0
    matcher = SequenceMatcher(None, list(a), list(b), autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / shorter


def one_utterance(a: Sequence[str], b: Sequence[str], quotes_a: Sequence[TrailQuote],
                  quotes_b: Sequence[TrailQuote]) -> bool:
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < MIN_FRAGMENT and not _same_speaker(quotes_a, quotes_b):
        return False  # a short phrase is one utterance only when both name the same speaker
    if len(shorter) < SHARED_PHRASE and _other_speakers(quotes_a, quotes_b):
        return False  # "temperamentally unfit to be commander-in-chief" in two mouths: a phrase going round
    return contains(longer, shorter) or (_shared_words(shorter, longer) >= ALIGNED * len(shorter)
                                         and matched_share(shorter, longer) >= ALIGNED)


def _shared_words(shorter: Sequence[str], longer: Sequence[str]) -> int:
    """How many of the shorter text's words the longer one has at all: no alignment matches more,
    and this costs a fraction of one, so most candidates that are not one utterance stop here."""
    present = set(longer)
    return sum(1 for w in shorter if w in present)


def _other_speakers(quotes_a: Sequence[TrailQuote], quotes_b: Sequence[TrailQuote]) -> bool:
    """Both name their speakers, and no speaker is on both sides."""
    named_a = [q for q in quotes_a if q.speaker]
    named_b = [q for q in quotes_b if q.speaker]
    return bool(named_a and named_b) and not _same_speaker(named_a, named_b)


def _same_speaker(quotes_a: Sequence[TrailQuote], quotes_b: Sequence[TrailQuote]) -> bool:
    ids_a = {q.speaker_id for q in quotes_a if q.speaker_id is not None}
    ids_b = {q.speaker_id for q in quotes_b if q.speaker_id is not None}
    if ids_a & ids_b:
        return True
    surnames_a = {q.speaker.split()[-1].lower() for q in quotes_a if q.speaker}
    return bool(surnames_a & {q.speaker.split()[-1].lower() for q in quotes_b if q.speaker})


def content(key: Sequence[str]) -> set[str]:
    return {w for w in key if w not in STOP and len(w) > 1}


def paraphrases(indirect: Sequence[TrailQuote], members: dict[int, Membership],
                reports: dict[int, TrailQuote]) -> list[Membership]:
    """Indirect reports linked to the trail of a direct quote of the same speaker that holds most
    of their content words ("said the tax laws were unfair" -> "The unfairness of the tax laws").
    Each distinct text is read once: a replicated corpus repeats them."""
    said_by: dict[int, _Said] = defaultdict(_Said)  # speaker -> the distinct texts of their direct quotes
    for quote_id in sorted(members):
        quote = reports[quote_id]
        if quote.speaker_id is not None:
            said_by[quote.speaker_id].add(quote_id, quote.text)
    decided: dict[tuple[int, str], int | None] = {}
    out = []
    for report in sorted(indirect, key=lambda q: q.id):
        if report.speaker_id is None or report.speaker_id not in said_by:
            continue
        key = (report.speaker_id, report.text)
        if key not in decided:
            decided[key] = said_by[report.speaker_id].paraphrased(content(words(report.text)))
        first = decided[key]
        if first is not None:
            out.append(Membership(report.id, members[first].trail_id, "paraphrase"))
    return out


class _Said:
    """One speaker's distinct direct texts, with an index of their content words: an indirect
    report is compared only with the texts that hold one of its rarest words (a text holding a
    share ``PARAPHRASED`` of its words must hold one of those), not with all of them."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, set[str]]] = []  # (first quote id, content words)
        self.seen: set[str] = set()
        self.holding: dict[str, list[int]] = defaultdict(list)  # word -> entries holding it

    def add(self, quote_id: int, text: str) -> None:
        if text in self.seen:
            return
        self.seen.add(text)
        said = content(words(text))
        for word in said:
            self.holding[word].append(len(self.entries))
        self.entries.append((quote_id, said))

    def paraphrased(self, said: set[str]) -> int | None:
        """The first quote of the text sharing most of ``said`` (ties: the earliest), if enough."""
        if len(said) < MIN_WORDS:
            return None
        needed = math.ceil(PARAPHRASED * len(said) - 1e-9)
        rarest = sorted(said, key=lambda w: (len(self.holding.get(w, ())), w))[:len(said) - needed + 1]
        candidates = {n for w in rarest for n in self.holding.get(w, ())}
        if not candidates:
            return None
        best = max((self.entries[n] for n in candidates), key=lambda entry: (len(said & entry[1]), -entry[0]))
        return best[0] if len(said & best[1]) / len(said) >= PARAPHRASED else None


def variant(fullest: str, text: str, quote_id: int) -> Variant:
    """The word-level diff of one appearance against the fullest form, with its flags."""
    full, here = words(fullest), words(text)
    matcher = SequenceMatcher(None, full, here, autojunk=False)
    diff: list[tuple[str, str]] = []
    flags: set[str] = set()
    opcodes = matcher.get_opcodes()
    inner = [op for op in opcodes if op[0] != "equal"]
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            diff.append(("=", " ".join(full[i1:i2])))
            continue
        if i2 > i1:
            diff.append(("-", " ".join(full[i1:i2])))
        if j2 > j1:
            diff.append(("+", " ".join(here[j1:j2])))
        edge = (i1 == 0 or i2 == len(full)) and tag == "delete"
        if not edge:
            flags.add("words_changed")
        # a "not" or a number turns a quote only in a local edit: one inside a stretch cut away or
        # over-taken ("... I'm not working for Trump" cut off a shorter report) is a truncation
        local = not edge and i2 - i1 <= LOCAL_EDIT and j2 - j1 <= LOCAL_EDIT
        changed = set(full[i1:i2]) ^ set(here[j1:j2])
        if changed & NEGATIONS and local:
            flags.add("negation_changed")
        if any(w.isdigit() for w in changed) and local:
            flags.add("numbers_changed")
    if inner and len(here) < len(full) and all(op[0] == "delete" for op in inner):
        flags.add("truncated")
    return Variant(quote_id, tuple(diff), tuple(sorted(flags)))
