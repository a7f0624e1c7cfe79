"""Reading quote trails: one trail with its appearances and variants, a quote's trail, trails by filter."""
from __future__ import annotations

from sqlalchemy import func, select, true, tuple_
from sqlalchemy.engine import Connection, Engine

from .. import trail
from .queries import find_entities, list_quotes
from .schema import articles, entities, quotes, trail_keys, trail_members, trails
from .trails import FLAGS, key_hash


def quote_trail(engine: Engine, quote_id: int) -> dict | None:
    """The trail a quote belongs to, or None when no other report of it is stored."""
    with engine.connect() as connection:
        trail_id = connection.execute(select(trail_members.c.trail_id).where(
            trail_members.c.quote_id == quote_id)).scalar()
        return _trail(connection, trail_id) if trail_id is not None else None


def trail_for_words(engine: Engine, words: str) -> dict | None:
    """The trail of the quote with these words: an identical text first, else a quote the search
    index finds that is in a trail."""
    with engine.connect() as connection:
        first = connection.execute(select(trail_keys.c.first_quote_id).where(
            trail_keys.c.key == key_hash(trail.words(words)))).scalar()
    if first is not None:
        found = quote_trail(engine, first)
        if found is not None:
            return found
    hits = [(row["article_id"], row["start"]) for row in list_quotes(engine, search=words, limit=200)]
    if not hits:
        return None
    with engine.connect() as connection:  # the trails of all the hits at once, then the first hit's
        trailed = dict(((r.article_id, r.start), r.trail_id) for r in connection.execute(
            select(quotes.c.article_id, quotes.c.start, trail_members.c.trail_id)
            .join(trail_members, trail_members.c.quote_id == quotes.c.id)
            .where(tuple_(quotes.c.article_id, quotes.c.start).in_(hits))))
    trail_id = next((trailed[hit] for hit in hits if hit in trailed), None)
    return quote_trail(engine, trail_id) if trail_id is not None else None


def list_trails(engine: Engine, speaker: str | None = None, flag: str | None = None, limit: int = 100,
                offset: int = 0) -> list[dict]:
    """Trails with more than one article, the most repeated first; by speaker (any appearance) and flag."""
    with engine.connect() as connection:
        query = _trail_filters(connection, select(trails.c.id), speaker, flag)
        query = query.order_by(trails.c.n_articles.desc(), trails.c.id).limit(limit).offset(offset)
        return [_trail(connection, trail_id) for trail_id in connection.execute(query).scalars()]


def count_trails(engine: Engine, speaker: str | None = None, flag: str | None = None) -> int:
    with engine.connect() as connection:
        query = _trail_filters(connection, select(func.count()).select_from(trails), speaker, flag)
        return connection.execute(query).scalar() or 0


def _trail_filters(connection: Connection, query, speaker: str | None, flag: str | None):
    query = query.where(trails.c.n_articles > 1)
    if flag:
        if flag not in FLAGS:
            raise ValueError(f"unknown flag {flag!r}: one of {', '.join(FLAGS)}")
        query = query.where(trails.c[flag] == true())
    if speaker:
        ids = find_entities(connection, speaker)
        said = select(trail_members.c.trail_id).join(quotes, quotes.c.id == trail_members.c.quote_id).where(
            quotes.c.speaker_id.in_(ids) if ids else quotes.c.speaker == speaker)
        query = query.where(trails.c.id.in_(said))
    return query


def _trail(connection: Connection, trail_id: int) -> dict:
    summary = connection.execute(select(trails).where(trails.c.id == trail_id)).mappings().first()
    rows = connection.execute(
        select(quotes.c.id, quotes.c.article_id, quotes.c.start, quotes.c.end, quotes.c.text, quotes.c.kind,
               quotes.c.speaker_id, func.coalesce(entities.c.name, quotes.c.speaker).label("speaker"),
               articles.c.published, articles.c.outlet, articles.c.title, trail_members.c.relation)
        .join(trail_members, trail_members.c.quote_id == quotes.c.id)
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(entities, entities.c.id == quotes.c.speaker_id)
        .where(trail_members.c.trail_id == trail_id)).mappings().all()
    # date order, ties in ingest order (quote ids grow as articles are stored)
    rows = sorted(rows, key=lambda r: (r["published"] is None, r["published"], r["id"]))
    fullest_id = summary["fullest_quote_id"] if summary else rows[0]["id"]
    fullest = next((r for r in rows if r["id"] == fullest_id), rows[0])
    appearances = []
    for row in rows:
        change = trail.variant(fullest["text"], row["text"], row["id"])
        appearances.append({
            "quote_id": row["id"], "article_id": row["article_id"], "title": row["title"], "outlet": row["outlet"],
            "published": row["published"].isoformat() if row["published"] else None, "speaker": row["speaker"],
            "speaker_id": row["speaker_id"], "kind": row["kind"], "start": row["start"], "end": row["end"],
            "text": row["text"], "relation": row["relation"],
            "diff": [list(part) for part in change.diff] if row["relation"] != "paraphrase" else [],
            "flags": list(change.flags) if row["relation"] != "paraphrase" else []})
    reports = [a for a in appearances if a["relation"] != "paraphrase"]
    return {"id": trail_id,
            "flags": [f for f in FLAGS if summary and summary[f]],
            "n_quotes": len(reports), "n_articles": len({a["article_id"] for a in reports}),
            "outlets": sorted({a["outlet"] for a in reports if a["outlet"]}),
            "speakers": sorted({a["speaker"] for a in reports if a["speaker"]}),
            "first": reports[0] if reports else appearances[0],
            "fullest": next(a for a in appearances if a["quote_id"] == fullest["id"]),
            "appearances": appearances}


def quote_id_at(engine: Engine, article_id: str, start: int) -> int | None:
    with engine.connect() as connection:
        return connection.execute(select(quotes.c.id).where(
            quotes.c.article_id == article_id, quotes.c.start == start)).scalar()


def trails_of_article(engine: Engine, article_id: str) -> dict[int, int]:
    """quote start -> trail id, for the article's quotes reported elsewhere too."""
    with engine.connect() as connection:
        rows = connection.execute(select(quotes.c.start, trail_members.c.trail_id)
                                  .join(trail_members, trail_members.c.quote_id == quotes.c.id)
                                  .where(quotes.c.article_id == article_id)).all()
        return {r.start: r.trail_id for r in rows}


__all__ = ["quote_trail", "trail_for_words", "list_trails", "count_trails", "quote_id_at", "trails_of_article"]
