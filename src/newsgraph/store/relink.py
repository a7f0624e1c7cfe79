"""``relink``: the cross-article layer rebuilt from what each article found on its own.

Linking as articles are stored is incremental, so it depends on the order they came in: two
ingests into one store at once, or the same articles in another order, can send a bare
"Mr Brown" to different people. ``relink`` clears that layer (corpus entities, aliases,
roles, mentions, the timeline, and the links from quotes and events) and links every stored
article again with the writer's own code, in one canonical order (publication date, then
id), so the result depends only on which articles are stored. Entity and timeline ids are
renumbered from 1, so they are the same too. One transaction: readers see the old layer until
it commits, and no ingest writes meanwhile.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import cast

from sqlalchemy import bindparam, delete, exists, func, select, text, update
from sqlalchemy.engine import Connection

from .. import link
from ..model import Entity, Mention
from . import trails, writer
from .schema import (aliases, article_entities, articles, entities, events, mentions, quotes, roles,
                     timeline)

# Articles linked per round trip: their texts, entities, quotes and events are read together.
CHUNK = 256


def relink(connection: Connection) -> dict:
    """Recompute every cross-article identity from the stored per-article rows, deterministically.

    Quote trails are rebuilt too (``trails.py``). Returns ``{"articles", "moved", "before", "after",
    "trails"}``: ``moved`` counts the entities of single
    articles (a person as one article names them) now linked to another person or organisation,
    or newly linked or unlinked; ``before`` and ``after`` count people, organisations and
    timeline events.
    """
    writer.write_lock(connection)  # no article is stored halfway through
    before = _summary(connection)
    adopt_legacy(connection)
    old = _identities(connection)
    _clear(connection)
    order = canonical_order(connection)
    for start in range(0, len(order), CHUNK):
        _relink_chunk(connection, order[start:start + CHUNK])
    new = _identities(connection)
    moved = sum(1 for local in old.keys() | new.keys() if old.get(local) != new.get(local))
    quote_trails = trails.rebuild(connection)  # speakers may have moved: trails are rebuilt after them
    return {"articles": len(order), "moved": moved, "before": before, "after": _summary(connection),
            "trails": quote_trails}


def canonical_order(connection: Connection) -> list[str]:
    """Article ids oldest first, then by id (sorted here, not by the database's collation);
    undated articles last. A corpus ingested as its news came out is linked much as it was."""
    rows = connection.execute(select(articles.c.id, articles.c.published)).all()
    return [r.id for r in sorted(rows, key=lambda r: (r.published is None, r.published or dt.date.min, r.id))]


def _summary(connection: Connection) -> dict:
    labels: dict[str, int] = dict(
        connection.execute(select(entities.c.label, func.count()).group_by(entities.c.label)).all())
    return {"people": labels.get("PERSON", 0), "organisations": labels.get("ORG", 0),
            "timeline_events": connection.execute(select(func.count()).select_from(timeline)).scalar()}


def _identities(connection: Connection) -> dict[tuple, tuple]:
    """(article id, local entity) -> (label, key) of the corpus entity it is linked to."""
    rows = connection.execute(select(article_entities.c.article_id, article_entities.c.local, entities.c.label,
                                     entities.c.key).join(entities, entities.c.id == article_entities.c.entity_id))
    return {(r.article_id, r.local): (r.label, r.key) for r in rows}


def _clear(connection: Connection) -> None:
    connection.execute(update(quotes).where(quotes.c.speaker_id.is_not(None)).values(speaker_id=None))
    connection.execute(update(events).where((events.c.person_id.is_not(None)) | (events.c.timeline_id.is_not(None)))
                       .values(person_id=None, timeline_id=None))
    connection.execute(update(article_entities).where(article_entities.c.entity_id.is_not(None))
                       .values(entity_id=None))
    for table in (mentions, aliases, roles, timeline, entities):
        connection.execute(delete(table))
    if connection.dialect.name == "postgresql":  # SQLite's rowids start again at 1 by themselves
        for table_name in ("entities", "timeline"):
            connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table_name}', 'id'), 1, false)"))


def _relink_chunk(connection: Connection, ids: list[str]) -> None:
    """Link these articles, in this order, exactly as the writer links a new article."""
    texts = dict(connection.execute(select(articles.c.id, articles.c.text).where(articles.c.id.in_(ids))).all())
    found: dict[str, list[Entity]] = defaultdict(list)
    for row in connection.execute(select(article_entities).where(article_entities.c.article_id.in_(ids))
                                  .order_by(article_entities.c.article_id, article_entities.c.local)):
        found[row.article_id].append(Entity(
            row.local, row.name, row.label, tuple(row.aliases),
            tuple(Mention(start, end, span, row.label, row.local) for start, end, span in row.spans),
            roles=tuple(row.roles)))
    said: dict[str, list] = defaultdict(list)
    for row in connection.execute(select(quotes.c.id, quotes.c.article_id, quotes.c.speaker)
                                  .where(quotes.c.article_id.in_(ids)).order_by(quotes.c.id)):
        said[row.article_id].append(row)
    reported: dict[str, list] = defaultdict(list)
    for row in connection.execute(select(events).where(events.c.article_id.in_(ids)).order_by(events.c.id)):
        reported[row.article_id].append(row)
    speakers, people = [], []
    for article_id in ids:
        found_here = found.get(article_id, [])
        linked = writer.link_entities(connection, article_id, texts[article_id], found_here)
        by_name = writer.names_to_ids(found_here, linked)
        speaker_ids = []
        for quote in said.get(article_id, []):
            speaker_ids.append(by_name.get(quote.speaker))
            if speaker_ids[-1]:
                speakers.append(dict(quote_id=quote.id, speaker_ref=speaker_ids[-1]))
        for event in reported.get(article_id, []):
            person_id, timeline_id = writer.link_event(connection, event, by_name)
            if person_id:
                people.append(dict(event_id=event.id, person_ref=person_id, timeline_ref=timeline_id))
        writer.count(connection, found_here, linked, speaker_ids)
    if speakers:
        connection.execute(update(quotes).where(quotes.c.id == bindparam("quote_id"))
                           .values(speaker_id=bindparam("speaker_ref")), speakers)
    if people:
        connection.execute(update(events).where(events.c.id == bindparam("event_id"))
                           .values(person_id=bindparam("person_ref"), timeline_id=bindparam("timeline_ref")), people)


def adopt_legacy(connection: Connection) -> int:
    """Give articles stored before ``article_entities`` existed (schema 6) rows read back from their
    mentions, one entity per corpus entity they were linked to; returns how many articles.

    Best effort, done once: the names are the ones the article's quotes and events gave that
    entity (so speakers link again), else the corpus name if the article has it, else its fullest
    mention; a corpus entity's alias that is no mention goes to the first old article that defines
    it ("Palestinian Authority (PA)"), and each role it holds to as many of its old articles as it
    was counted in. People the writer left unlinked, and anything else the analysis knew, are not
    in the mentions: re-ingest for those.
    """
    legacy = select(mentions.c.article_id).where(~exists().where(
        article_entities.c.article_id == mentions.c.article_id))
    rows = connection.execute(
        select(mentions.c.article_id, mentions.c.entity_id, mentions.c.start, mentions.c.end, mentions.c.text,
               entities.c.label, entities.c.name).join(entities, entities.c.id == mentions.c.entity_id)
        .where(mentions.c.article_id.in_(legacy)).order_by(mentions.c.article_id, mentions.c.start)).all()
    if not rows:
        return 0
    groups: dict[tuple[str, int], list] = {}
    for row in rows:
        groups.setdefault((row.article_id, row.entity_id), []).append(row)
    named = _names_given(connection, {article for article, _ in groups})
    roles_left = _legacy_roles(connection, {entity for _, entity in groups})
    known_as: dict[int, set[str]] = defaultdict(set)
    for alias_row in connection.execute(select(aliases.c.entity_id, aliases.c.alias)):
        known_as[alias_row.entity_id].add(alias_row.alias)
    article_text = _texts(connection)
    new_rows: list[dict] = []
    local: defaultdict[str, int] = defaultdict(int)
    for (article_id, entity_id), spans in sorted(groups.items(), key=lambda g: (g[0][0], g[1][0].start)):
        texts = list(dict.fromkeys(s.text for s in spans))
        # an alias that is no mention came from an acronym the article defines: "Palestinian Authority (PA)"
        defined = {a for a in known_as[entity_id] - set(texts)
                   if f"({a})" in article_text(article_id) or f"{a} (" in article_text(article_id)}
        known_as[entity_id] -= defined
        held = [role for role, left in roles_left[entity_id].items() if left > 0]
        for role in held:
            roles_left[entity_id][role] -= 1
        corpus_name = spans[0].name if spans[0].name in {*texts, *defined} else None
        names = named.get((article_id, entity_id)) or [corpus_name or max(texts, key=lambda t: len(t.split()))]
        for number, (name, own) in enumerate(_split(spans, names)):
            words = {s.text for s in own} | (defined if number == 0 else set())
            new_rows.append(dict(article_id=article_id, local=local[article_id], label=spans[0].label, name=name,
                                 aliases=sorted(words - {name}), roles=held if number == 0 else [],
                                 spans=[[s.start, s.end, s.text] for s in own], entity_id=entity_id))
            local[article_id] += 1
    connection.execute(article_entities.insert(), new_rows)
    return len(local)


def _split(spans: list, names: list[str]) -> list[tuple[str, list]]:
    """One entity per name the article's quotes and events used ("Tories", "Conservative Party" are
    two in an analysis, one corpus entity), with the mentions of that name; the first keeps the rest."""
    label = spans[0].label
    keys = {link.entity_key(name, label): name for name in names[1:]}
    own: dict[str, list] = {name: [] for name in names}
    for span in spans:
        own[keys.get(link.entity_key(span.text, label), names[0])].append(span)
    return list(own.items())


def _texts(connection: Connection):
    """An article's text by id, read when first asked for."""
    cache: dict[str, str] = {}

    def text_of(article_id: str) -> str:
        if article_id not in cache:
            # articles.text is NOT NULL and the ids asked for are those of stored articles
            cache[article_id] = cast(str, connection.execute(
                select(articles.c.text).where(articles.c.id == article_id)).scalar())
        return cache[article_id]

    return text_of


def _names_given(connection: Connection, article_ids: set[str]) -> dict[tuple[str, int], list[str]]:
    """(article, corpus entity) -> the names its quotes' speakers and events' people had there."""
    named: dict[tuple[str, int], list[str]] = defaultdict(list)
    for table, name, entity_id in ((quotes, quotes.c.speaker, quotes.c.speaker_id),
                                   (events, events.c.person, events.c.person_id)):
        for row in connection.execute(select(table.c.article_id, name.label("name"), entity_id.label("entity_id"))
                                      .where(entity_id.is_not(None)).order_by(table.c.id)):
            if row.article_id in article_ids and row.name not in named[(row.article_id, row.entity_id)]:
                named[(row.article_id, row.entity_id)].append(row.name)
    return named


def _legacy_roles(connection: Connection, entity_ids: set[int]) -> dict[int, dict[str, int]]:
    """Each entity's role counts, less the articles that already carry those roles in their own rows."""
    left: dict[int, dict[str, int]] = defaultdict(dict)
    for row in connection.execute(select(roles.c.entity_id, roles.c.role, roles.c.n_articles)
                                  .order_by(roles.c.entity_id, roles.c.role)):
        if row.entity_id in entity_ids:
            left[row.entity_id][row.role] = row.n_articles
    for carried in connection.execute(select(article_entities.c.entity_id, article_entities.c.roles)
                                      .where(article_entities.c.entity_id.is_not(None))):
        counted = {role.lower(): role for role in left.get(carried.entity_id, {})}
        for role in carried.roles:
            if role.lower() in counted:  # one role however it is written
                left[carried.entity_id][counted[role.lower()]] -= 1
    return left
