"""Quote trails in the store: rebuilt whole by ``relink``, extended by each ingest.

``trail_keys`` holds each distinct normalised quote text once and ``quote_shingles`` its word
trigrams, so that a new quote finds its candidates with indexed lookups instead of a pass over
the corpus; ``trail_members`` places quotes in trails and ``trails`` keeps each trail's summary
(first and fullest report, flags) for listing and filtering. The rules are ``trail.py``'s.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from .. import link, trail
from ..model import QuoteKind, TrailFlag
from .schema import articles, quote_shingles, quotes, trail_keys, trail_members, trails

FLAGS = tuple(flag.value for flag in TrailFlag)


def key_hash(parts: Sequence[str]) -> int:
    """A stable 56-bit number for a word sequence (fits PostgreSQL's BIGINT, SQLite's INTEGER)."""
    return int.from_bytes(hashlib.blake2b(" ".join(parts).encode(), digest_size=7).digest(), "big")


def _trail_quotes(connection: Connection, where=None) -> list[trail.TrailQuote]:
    query = select(quotes.c.id, quotes.c.text, quotes.c.kind, quotes.c.speaker_id, quotes.c.speaker)
    if where is not None:
        query = query.where(where)
    return [trail.TrailQuote(r.id, r.text, r.kind, r.speaker_id, r.speaker)
            for r in connection.execute(query.order_by(quotes.c.id))]


def rebuild(connection: Connection) -> int:
    """Every trail again from the stored quotes (deterministic); returns how many trails there are."""
    for table in (trail_members, trails, quote_shingles, trail_keys):
        connection.execute(delete(table))
    every = _trail_quotes(connection)
    _index_keys(connection, every)
    members = trail.cluster(every)
    if members:
        connection.execute(insert(trail_members), [
            dict(quote_id=m.quote_id, trail_id=m.trail_id, relation=m.relation) for m in members])
    ids = sorted({m.trail_id for m in members})
    refresh(connection, ids)
    return len(ids)


def _reports(new: Iterable[trail.TrailQuote]) -> Iterator[tuple[trail.TrailQuote, list[str]]]:
    """The direct and mixed quotes long enough to trail, with their normalised words."""
    for quote in new:
        key = trail.words(quote.text)
        if quote.kind in trail.REPORTED and len(key) >= trail.MIN_WORDS:
            yield quote, key


def _index_keys(connection: Connection, new: Iterable[trail.TrailQuote]) -> dict[int, int]:
    """Record the distinct texts of new reports; returns quote id -> the first quote of its text
    for the new quotes whose text was stored before (an exact repeat)."""
    repeats: dict[int, int] = {}
    fresh: dict[int, tuple[int, list[str]]] = {}
    for quote, key in _reports(new):
        number = key_hash(key)
        if number in fresh:
            repeats[quote.id] = fresh[number][0]
            continue
        known = connection.execute(select(trail_keys.c.first_quote_id).where(trail_keys.c.key == number)).scalar()
        if known is not None:
            repeats[quote.id] = known
            continue
        fresh[number] = (quote.id, key)
    if fresh:
        connection.execute(insert(trail_keys), [dict(key=k, first_quote_id=q) for k, (q, _) in fresh.items()])
        connection.execute(insert(quote_shingles), [
            dict(shingle=key_hash(s), first_quote_id=q) for q, key in fresh.values() for s in trail.shingles(key)])
    return repeats


def extend(connection: Connection, article_ids: Sequence[str]) -> list[int]:
    """Place the quotes of newly stored articles in trails; returns the trails that changed."""
    new = _trail_quotes(connection, quotes.c.article_id.in_(article_ids))
    if not new:
        return []
    repeats = _index_keys(connection, new)
    touched: set[int] = set()
    for quote, key in _reports(new):
        first = repeats.get(quote.id, quote.id)
        partners = {first} if first != quote.id else set()
        partners |= _verified(connection, quote, key)
        if partners:
            touched.add(_join(connection, quote.id, partners))
    for quote in new:
        if quote.kind == QuoteKind.INDIRECT and quote.speaker_id is not None:
            linked = _paraphrase(connection, quote)
            if linked is not None:
                touched.add(linked)
    ids = sorted(touched)
    refresh(connection, ids)
    return ids


def _verified(connection: Connection, quote: trail.TrailQuote, key: list[str]) -> set[int]:
    """First quotes of stored distinct texts that are one utterance with this quote."""
    hashes = [key_hash(s) for s in trail.shingles(key)]
    postings: dict[int, set[int]] = defaultdict(set)
    for row in connection.execute(select(quote_shingles.c.shingle, quote_shingles.c.first_quote_id).where(
            quote_shingles.c.shingle.in_(hashes), quote_shingles.c.first_quote_id < quote.id)):
        postings[row.shingle].add(row.first_quote_id)  # the texts stored before this one, as a rebuild reads them
    # every earlier text of a trigram while few hold it, else the latest (as trail.TrigramIndex)
    candidates = {q for posting in postings.values()
                  for q in (posting if len(posting) <= trail.MAX_POSTINGS else {max(posting)})}
    candidates.discard(quote.id)
    if not candidates:
        return set()
    others = _trail_quotes(connection, quotes.c.id.in_(sorted(candidates)))
    reports = _reports_of_texts(connection, others)
    # every report of the other text, as a rebuild sees them: its speakers are all of theirs
    return {other.id for other in others
            if trail.one_utterance(key, trail.words(other.text), [quote], reports[other.id])}


def _reports_of_texts(connection: Connection, firsts: list[trail.TrailQuote]) -> dict[int, list[trail.TrailQuote]]:
    """The stored reports of each distinct text (by its first quote): the first quote and the
    repeats in its trail, read for all the texts in two queries."""
    trail_of = dict(connection.execute(select(trail_members.c.quote_id, trail_members.c.trail_id).where(
        trail_members.c.quote_id.in_([q.id for q in firsts]))).all())
    in_trail: dict[int, list[trail.TrailQuote]] = defaultdict(list)
    if trail_of:
        rows = connection.execute(select(trail_members.c.quote_id, trail_members.c.trail_id).where(
            trail_members.c.trail_id.in_(sorted(set(trail_of.values()))))).all()
        member_trail = dict(rows)
        for member in _trail_quotes(connection, quotes.c.id.in_(sorted(member_trail))):
            in_trail[member_trail[member.id]].append(member)
    out = {}
    for first in firsts:
        key = trail.words(first.text)
        members = in_trail.get(trail_of.get(first.id, -1), [])
        out[first.id] = [first, *(q for q in members if q.id != first.id and trail.words(q.text) == key)]
    return out


def _join(connection: Connection, quote_id: int, partners: set[int]) -> int:
    """Put the quote and its partners in one trail, merging the trails they were in; returns its id."""
    involved = {quote_id, *partners}
    current = dict(connection.execute(select(trail_members.c.quote_id, trail_members.c.trail_id).where(
        trail_members.c.quote_id.in_(sorted(involved)))).all())
    old = set(current.values())
    trail_id = min(involved | old)
    if old - {trail_id}:
        connection.execute(update(trail_members).where(trail_members.c.trail_id.in_(sorted(old - {trail_id})))
                           .values(trail_id=trail_id))
        connection.execute(delete(trails).where(trails.c.id.in_(sorted(old - {trail_id}))))
    missing = sorted(involved - set(current))
    # an exact repeat of a text brings every earlier quote of that text along
    if missing:
        connection.execute(insert(trail_members), [dict(quote_id=q, trail_id=trail_id, relation="same")
                                                   for q in missing])
    return trail_id


def _paraphrase(connection: Connection, report: trail.TrailQuote) -> int | None:
    rows = connection.execute(select(trail_members.c.quote_id, trail_members.c.trail_id, trail_members.c.relation)
                              .join(quotes, quotes.c.id == trail_members.c.quote_id)
                              .where(quotes.c.speaker_id == report.speaker_id,
                                     trail_members.c.relation != "paraphrase")).all()
    if not rows:
        return None
    members = {r.quote_id: trail.Membership(r.quote_id, r.trail_id, r.relation) for r in rows}
    direct = {q.id: q for q in _trail_quotes(connection, quotes.c.id.in_(sorted(members)))}
    linked = trail.paraphrases([report], members, direct)
    if not linked:
        return None
    connection.execute(insert(trail_members), [dict(quote_id=report.id, trail_id=linked[0].trail_id,
                                                    relation="paraphrase")])
    return linked[0].trail_id


def refresh(connection: Connection, trail_ids: Sequence[int]) -> None:
    """Recompute the relation of each member and the summary row of each trail."""
    for start in range(0, len(trail_ids), 500):
        chunk = list(trail_ids[start:start + 500])
        rows = connection.execute(
            select(trail_members.c.trail_id, trail_members.c.relation, quotes.c.id, quotes.c.text,
                   quotes.c.speaker_id, quotes.c.speaker, quotes.c.article_id, articles.c.published,
                   articles.c.outlet)
            .join(quotes, quotes.c.id == trail_members.c.quote_id)
            .join(articles, articles.c.id == quotes.c.article_id)
            .where(trail_members.c.trail_id.in_(chunk))).all()
        by_trail: dict[int, list] = defaultdict(list)
        for row in rows:
            by_trail[row.trail_id].append(row)
        connection.execute(delete(trails).where(trails.c.id.in_(chunk)))
        summaries, relations = [], {}
        for trail_id, members in sorted(by_trail.items()):
            summary, of_members = summarise(trail_id, members)
            summaries.append(summary)
            relations.update(of_members)
        if relations:  # one statement for the chunk, not one a member
            connection.execute(update(trail_members).where(trail_members.c.quote_id == bindparam("member"))
                               .values(relation=bindparam("relation")),
                               [dict(member=q, relation=r) for q, r in relations.items()])
        if summaries:
            connection.execute(insert(trails), summaries)


def summarise(trail_id: int, members: list) -> tuple[dict, dict[int, str]]:
    """A trail's summary row and its members' relations (same: the fullest form's words or a run of
    them; variant: words changed), from rows with id, text, speaker, article, published, outlet."""
    reports = [m for m in members if m.relation != "paraphrase"]
    ordered = sorted(reports, key=lambda m: (m.published is None, m.published, m.id))
    fullest = max(reports, key=lambda m: (len(trail.words(m.text)), -m.id))
    flags: set[str] = set()
    relations = {}
    full_words = trail.words(fullest.text)
    for member in reports:
        found = trail.variant(fullest.text, member.text, member.id)
        flags |= set(found.flags)
        relations[member.id] = "same" if trail.contains(full_words, trail.words(member.text)) else "variant"
    if len({link.name_key(m.speaker) for m in reports if m.speaker}) > 1:  # "Donald J. Trump" = "Donald Trump"
        flags.add("conflicting_attribution")
    return dict(id=trail_id, n_quotes=len(reports), n_articles=len({m.article_id for m in reports}),
                n_outlets=len({m.outlet for m in reports if m.outlet}), first_quote_id=ordered[0].id,
                fullest_quote_id=fullest.id, **{flag: flag in flags for flag in FLAGS}), relations
