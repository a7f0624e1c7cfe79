"""Writing analyses into the store, linking people, organisations and events across articles."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from sqlalchemy import bindparam, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection, CursorResult

from .. import link
from ..errors import AnalysisFailed, ArticleTooLong, InputError
from ..model import Analysis, Entity
from ..outlets import outlet_of_url
from . import queries, trails
from .reader import StoreReader
from .refs import QuoteRef
from .schema import (aliases, article_entities, articles, entities, event_evidence, events, failures, mentions, posts,
                     quotes, roles, timeline)


# Failures of inputs that were read but could not be analysed: a re-run passes them over
# (the same text would fail the same way) unless asked to retry. Reading errors are re-checked.
ANALYSIS_FAILURES = (AnalysisFailed.code, ArticleTooLong.code)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store(StoreReader):
    """A connected, migrated store: the named reads of ``StoreReader`` and the writes below."""

    def known(self, article_id: str, text: str) -> bool:
        """Is this article (by id or identical text) already stored?"""
        with self.engine.connect() as connection:
            return connection.execute(select(articles.c.id).where(
                or_(articles.c.id == article_id, articles.c.text_hash == text_hash(text)))).first() is not None

    # -- writing ------------------------------------------------------------------------------

    def save(self, batch: Iterable[Analysis], trails_at_ingest: bool = True) -> int:
        """Store a batch in one transaction; articles already stored are skipped. Returns how many
        were added. Their quotes join their trails unless ``trails_at_ingest`` is off."""
        added: list[str] = []
        with self.engine.begin() as connection:
            write_lock(connection)
            for analysis in batch:
                if _save(connection, analysis):
                    added.append(analysis.article.id)
            if trails_at_ingest:
                trails.extend(connection, added)  # a new quote joins its trail at ingest
        return len(added)

    def relink(self) -> dict:
        """Recompute every cross-article identity from the stored articles, in one transaction;
        returns counts before and after (see ``relink.py``)."""
        from .relink import relink

        with self.engine.begin() as connection:
            return relink(connection)

    def analysis_failures(self) -> set[str]:
        """The inputs an earlier run read but failed to analyse (``ANALYSIS_FAILURES``)."""
        with self.engine.connect() as connection:
            return set(connection.execute(select(failures.c.source).where(
                failures.c.code.in_(ANALYSIS_FAILURES))).scalars())

    def forget_failures(self, sources: list[str]) -> None:
        """Retried inputs that now went through keep no failure."""
        with self.engine.begin() as connection:
            connection.execute(delete(failures).where(failures.c.source.in_(sources)))

    def record_failure(self, error: InputError) -> None:
        with self.engine.begin() as connection:
            exists = connection.execute(select(failures.c.source).where(
                failures.c.source == error.source, failures.c.code == error.code)).first()
            if exists is None:
                connection.execute(insert(failures).values(
                    source=error.source, code=error.code, reason=error.reason, failed_at=dt.datetime.now()))


def _save(connection: Connection, analysis: Analysis) -> bool:
    article = analysis.article
    digest = text_hash(article.text)
    duplicate = connection.execute(select(articles.c.id).where(
        or_(articles.c.id == article.id, articles.c.text_hash == digest))).first()
    if duplicate is not None:
        return False
    connection.execute(insert(articles).values(
        id=article.id, text_hash=digest, input_id=article.input_id, source=article.source, url=article.url,
        outlet=article.outlet or outlet_of_url(article.url),
        title=article.title or _headline(analysis), published=article.published, text=article.text,
        ingested_at=dt.datetime.now()))
    people_and_orgs = [e for e in analysis.entities if e.label in LINKED_LABELS]
    if people_and_orgs:
        connection.execute(insert(article_entities), [_article_entity_row(article.id, e) for e in people_and_orgs])
    ids = link_entities(connection, article.id, article.text, people_and_orgs)
    by_name = names_to_ids(people_and_orgs, ids)
    quote_rows = [dict(article_id=article.id, start=q.start, end=q.end, text=q.text, kind=q.kind, speaker=q.speaker,
                       speaker_id=by_name.get(q.speaker) if q.speaker is not None else None,
                       speaker_start=q.speaker_start, speaker_end=q.speaker_end,
                       cue=q.cue, published=article.published) for q in analysis.quotes]
    if quote_rows:
        connection.execute(insert(quotes), quote_rows)
    post_rows = [dict(article_id=article.id, start=p.start, end=p.end, author=p.author, handle=p.handle, date=p.date)
                 for p in analysis.posts]
    if post_rows:
        connection.execute(insert(posts), post_rows)
    for ev in analysis.events:
        person_id, timeline_id = link_event(connection, ev, by_name)
        event_id = _inserted_id(connection.execute(insert(events).values(
            article_id=article.id, type=ev.type, person=ev.person, person_id=person_id, org=ev.org, place=ev.place,
            date=ev.date, status=ev.status, reason=ev.reason, timeline_id=timeline_id)))
        evidence = [dict(event_id=event_id, article_id=article.id, start=s.start, end=s.end) for s in ev.evidence]
        if evidence:
            connection.execute(insert(event_evidence), evidence)
    count(connection, people_and_orgs, ids,
          [by_name.get(q.speaker) if q.speaker is not None else None for q in analysis.quotes])
    queries.index_for_search(connection, article.id, article.title, article.text,
                             [(str(QuoteRef(article.id, q.start)), q.text) for q in analysis.quotes])
    return True


# -- linking: shared by ``_save`` (one new article) and ``relink`` (every article, in canonical order) --

LINKED_LABELS = ("PERSON", "ORG")


def _headline(analysis: Analysis) -> str | None:
    """A text file's first line, when the cleaner read it as the headline: the article's title."""
    lines = [analysis.article.text[r.start:r.end].strip() for r in analysis.regions if r.kind == "headline"]
    return lines[0] if lines and lines[0] else None


def write_lock(connection: Connection) -> None:
    """One linking transaction at a time, from its first read: two at once would both create
    "Tony Blair" (a unique-key error on PostgreSQL) or each link against a corpus without the other's
    articles. Readers are not held up."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("LOCK TABLE entities IN SHARE ROW EXCLUSIVE MODE")  # conflicts with itself
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock now, not at the first write


def _article_entity_row(article_id: str, entity: Entity) -> dict:
    return dict(article_id=article_id, local=entity.id, label=entity.label, name=entity.name,
                aliases=list(entity.aliases), roles=list(entity.roles),
                spans=[[m.start, m.end, m.text] for m in entity.mentions])


def link_entities(connection: Connection, article_id: str, text: str, found: list[Entity]) -> dict[int, int]:
    """Link one article's people and organisations to corpus entities (creating, renaming and adding
    aliases and roles as needed) and write its mentions; returns local entity id -> corpus id."""
    linked: dict[int, int | None] = {}
    # fuller names first: a bare "Mrs Howard" that the analysis kept apart from this article's
    # Michael Howard must not then be linked to him through the surname
    for entity in sorted(found, key=lambda e: -len(e.name.split())):
        linked[entity.id] = _link_entity(connection, entity, text, set(linked.values()))
    ids = {local: corpus for local, corpus in linked.items() if corpus is not None}
    if ids:
        connection.execute(update(article_entities).where(
            article_entities.c.article_id == article_id, article_entities.c.local == bindparam("local_id"))
            .values(entity_id=bindparam("corpus_id")),
            [dict(local_id=local, corpus_id=corpus) for local, corpus in ids.items()])
    mention_rows = [dict(article_id=article_id, entity_id=ids[e.id], start=m.start, end=m.end, text=m.text)
                    for e in found if e.id in ids for m in e.mentions]
    if mention_rows:
        connection.execute(insert(mentions), mention_rows)
    return ids


def names_to_ids(found: list[Entity], ids: dict[int, int]) -> dict[str, int]:
    """An article's entity names -> corpus ids: how its quotes' speakers and events' people are linked."""
    return {e.name: ids[e.id] for e in found if e.id in ids}


def link_event(connection: Connection, ev, by_name: dict[str, int]) -> tuple[int | None, int | None]:
    """A reported event's person and, when it is asserted, the timeline event it belongs to."""
    person_id = by_name.get(ev.person)
    timeline_id = _link_event(connection, ev, person_id) if ev.status == "asserted" and person_id else None
    return person_id, timeline_id


def count(connection: Connection, found: list[Entity], ids: dict[int, int], speaker_ids: list[int | None]
          ) -> None:
    """Keep each corpus entity's article, mention and quote counts current (the surname rules read them)."""
    mentions_of: dict[int, int] = {}
    for entity in found:
        if entity.id in ids:
            mentions_of[ids[entity.id]] = mentions_of.get(ids[entity.id], 0) + len(entity.mentions)
    quotes_of: dict[int, int] = {}
    for speaker_id in speaker_ids:
        if speaker_id:
            quotes_of[speaker_id] = quotes_of.get(speaker_id, 0) + 1
    rows = [dict(entity=entity_id, more_articles=1 if entity_id in mentions_of else 0,
                 more_mentions=mentions_of.get(entity_id, 0), more_quotes=quotes_of.get(entity_id, 0))
            for entity_id in sorted(set(mentions_of) | set(quotes_of))]
    if rows:
        connection.execute(update(entities).where(entities.c.id == bindparam("entity")).values(
            n_articles=entities.c.n_articles + bindparam("more_articles"),
            n_mentions=entities.c.n_mentions + bindparam("more_mentions"),
            n_quotes=entities.c.n_quotes + bindparam("more_quotes")), rows)


def _link_entity(connection: Connection, entity: Entity, text: str, taken: set[int | None]) -> int | None:
    """The corpus entity this article's entity is: by key, by alias, or by a surname that only one
    corpus person of that gender carries (or carries far more often than any other); else a new one.
    None for a person that is no corpus identity ('Lib Dem', a bare 'Manchester')."""
    if entity.label == "PERSON" and not link.is_corpus_person(entity.name, text, [m.start for m in entity.mentions]):
        return None
    key = link.entity_key(entity.name, entity.label)
    gender = link.title_gender(text, [(m.start, m.end) for m in entity.mentions]) if entity.label == "PERSON" else None
    if entity.label == "PERSON" and len(key.split()) == 1:
        found, key = _link_surname(connection, key, gender, taken)
    else:
        found = connection.execute(select(entities.c.id).where(
            entities.c.label == entity.label, entities.c.key == key)).scalar()
        if found is None:
            # the oldest holder of the alias, not whichever row the database happens to read first
            found = connection.execute(select(aliases.c.entity_id).join(entities, entities.c.id == aliases.c.entity_id)
                                       .where(entities.c.label == entity.label, aliases.c.key == key)
                                       .order_by(aliases.c.entity_id)).scalar()
        if found is None and entity.label == "PERSON":
            found = _adopt_fuller_name(connection, entity.name, key, gender)
    if found is None:
        found = _inserted_id(connection.execute(insert(entities).values(
            name=entity.name, label=entity.label, key=key, gender=gender)))
    elif gender:
        connection.execute(update(entities).where(entities.c.id == found, entities.c.gender.is_(None))
                           .values(gender=gender))
    _add_aliases(connection, found, entity)
    _add_roles(connection, found, entity)
    return found


def _adopt_fuller_name(connection: Connection, name: str, key: str, gender: str | None) -> int | None:
    """Someone stored under a surname only, now met with a fuller name: the entity takes the fuller name."""
    single = connection.execute(select(entities.c.id, entities.c.gender).where(
        entities.c.label == "PERSON", entities.c.key == link.surname(key))).first()
    if single is None or not link.genders_agree(single.gender, gender) or (
            _surname_owner(connection, link.surname(key), gender, set()) is not None):
        return None
    connection.execute(update(entities).where(entities.c.id == single.id).values(name=name, key=key))
    return single.id


def _link_surname(connection: Connection, key: str, gender: str | None, taken: set[int | None]
                  ) -> tuple[int | None, str]:
    """A person named by a surname alone: the bare entity of that surname (and gender), else the
    surname's owner; with the key a new entity takes ("howard~m" beside a bare Mrs Howard)."""
    same = connection.execute(select(entities.c.id, entities.c.gender).where(
        entities.c.label == "PERSON", entities.c.key == key)).first()
    if same is None or link.genders_agree(same.gender, gender):
        return (same.id if same else None) or _surname_owner(connection, key, gender, taken), key
    gendered = f"{key}~{gender}"
    return _surname_owner(connection, key, gender, taken) or connection.execute(select(entities.c.id).where(
        entities.c.label == "PERSON", entities.c.key == gendered)).scalar(), gendered


# A bare surname goes to the dominant bearer only when they have this many times the articles of the next.
DOMINANCE = 5


def _surname_owner(connection: Connection, last: str, gender: str | None, taken: set[int | None]) -> int | None:
    """The corpus person a bare surname ('Mr Blair') means: the one of that gender with a fuller name
    ending in it, or the one who dominates the corpus (Tony over Ian Blair); None when unclear."""
    rows = connection.execute(select(entities.c.id, entities.c.gender, entities.c.n_articles).where(
        entities.c.label == "PERSON", entities.c.key.like(f"% {last}"))
        .order_by(entities.c.n_articles.desc(), entities.c.id)).all()
    if any(r.id in taken for r in rows):
        return None  # the article itself names a person of that surname and kept this one apart
    rows = [r for r in rows if link.genders_agree(r.gender, gender)]
    if len(rows) == 1:
        return rows[0].id
    if len(rows) > 1 and rows[0].n_articles >= DOMINANCE * max(rows[1].n_articles, 1):
        return rows[0].id
    return None


def _add_roles(connection: Connection, entity_id: int, entity: Entity) -> None:
    """Count each role once however it is written ("Prime Minister", "prime minister"), kept in
    the form written as a title when any article writes it so."""
    for role in entity.roles:
        stored = connection.execute(select(roles.c.role).where(
            roles.c.entity_id == entity_id, func.lower(roles.c.role) == role.lower())).scalar()
        if stored is None:
            connection.execute(insert(roles).values(entity_id=entity_id, role=role, n_articles=1))
            continue
        written = role if role[:1].isupper() and not stored[:1].isupper() else stored
        connection.execute(update(roles).where(roles.c.entity_id == entity_id, roles.c.role == stored)
                           .values(n_articles=roles.c.n_articles + 1, role=written))


def _add_aliases(connection: Connection, entity_id: int, entity: Entity) -> None:
    names = {entity.name, *entity.aliases}
    existing = set(connection.execute(select(aliases.c.key).where(aliases.c.entity_id == entity_id)).scalars())
    rows = []
    for name in names:
        key = link.entity_key(name, entity.label)
        # single words of a person's name are not aliases: they would join different people
        if not key or key in existing or (entity.label == "PERSON" and len(key.split()) < 2):
            continue
        existing.add(key)
        rows.append(dict(entity_id=entity_id, alias=name, key=key))
    if rows:
        connection.execute(insert(aliases), rows)


def _link_event(connection: Connection, ev, person_id: int) -> int:
    """The timeline event this report belongs to (same person, type, body and compatible date), or a new one."""
    rows = connection.execute(select(timeline).where(
        timeline.c.person_id == person_id, timeline.c.type == ev.type).order_by(timeline.c.id)).mappings().all()
    for row in rows:
        if link.same_event(row["type"], row["org"], row["date"], ev.type, ev.org, ev.date):
            connection.execute(update(timeline).where(timeline.c.id == row["id"]).values(
                date=link.more_precise(row["date"], ev.date), org=row["org"] or ev.org,
                place=row["place"] or ev.place, reason=row["reason"] or ev.reason))
            return row["id"]
    return _inserted_id(connection.execute(insert(timeline).values(
        type=ev.type, person_id=person_id, person=ev.person, org=ev.org, place=ev.place, date=ev.date,
        reason=ev.reason)))


def _inserted_id(result: CursorResult) -> int:
    """The primary key of the row a single-row insert made."""
    key = result.inserted_primary_key
    assert key is not None  # SQLAlchemy sets it for every single-row insert
    return key[0]
