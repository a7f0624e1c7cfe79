"""Versioned schema migrations: each step runs once, recorded in ``schema_version``.

Add a step by appending a function to ``STEPS``; never edit one that has shipped.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import inspect, insert, select, text
from sqlalchemy.engine import Connection, Engine

from ..outlets import outlet_of_url
from .schema import metadata, schema_version


def _v1_tables(connection: Connection) -> None:
    metadata.create_all(connection)


def _v2_search(connection: Connection) -> None:
    """Full text over article titles and text and over quotes: FTS5 or tsvector."""
    if connection.dialect.name == "sqlite":
        connection.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(kind UNINDEXED, ref UNINDEXED, body, "
            "tokenize='porter unicode61')"))
    else:
        connection.execute(text(
            "CREATE TABLE IF NOT EXISTS search_index (kind VARCHAR(16) NOT NULL, ref VARCHAR(200) NOT NULL, "
            "body TEXT NOT NULL, tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)"))
        connection.execute(text("CREATE INDEX IF NOT EXISTS ix_search_tsv ON search_index USING GIN (tsv)"))


def _v3_entity_counts(connection: Connection) -> None:
    """Per-entity counts of articles, mentions and quotes, backfilled from the rows."""
    have = {c["name"] for c in inspect(connection).get_columns("entities")}
    for column in ("n_articles", "n_mentions", "n_quotes"):
        if column not in have:
            connection.execute(text(f"ALTER TABLE entities ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0"))
    connection.execute(text(
        "UPDATE entities SET n_mentions = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id), "
        "n_articles = (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = entities.id), "
        "n_quotes = (SELECT count(*) FROM quotes q WHERE q.speaker_id = entities.id)"))
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_entities_articles ON entities (label, n_articles)"))


def _v4_gender_roles_speaker_order(connection: Connection) -> None:
    """Person gender and roles for cross-article linking; an ordered index for a speaker's quotes."""
    if "gender" not in {c["name"] for c in inspect(connection).get_columns("entities")}:
        connection.execute(text("ALTER TABLE entities ADD COLUMN gender VARCHAR(1)"))
    metadata.tables["roles"].create(connection, checkfirst=True)
    for index in metadata.tables["roles"].indexes:
        index.create(connection, checkfirst=True)
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_quotes_speaker_order "
                            "ON quotes (speaker_id, published, article_id, start)"))


def _v5_articles_by_date(connection: Connection) -> None:
    """The web's article and quote lists, read in order from an index instead of sorted."""
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_published ON articles (published, id)"))
    connection.execute(text("DROP INDEX IF EXISTS ix_quotes_published"))
    connection.execute(text("CREATE INDEX ix_quotes_published ON quotes (published, article_id, start)"))


def _v6_article_entities(connection: Connection) -> None:
    """Each article's own entities, for ``relink``; articles stored before this are read from
    their mentions when ``relink`` first meets them (``relink.adopt_legacy``)."""
    metadata.tables["article_entities"].create(connection, checkfirst=True)


def _v7_search_joined_prefixes(connection: Connection) -> None:
    """Index again with prefix compounds joined ("anti-Semitism" = "antisemitism", queries.searchable)."""
    from .queries import index_for_search
    from .refs import QuoteRef
    from .schema import articles, quotes

    connection.execute(text("DELETE FROM search_index"))
    said: dict[str, list[tuple[str, str]]] = {}
    for row in connection.execute(select(quotes.c.article_id, quotes.c.start, quotes.c.text)):
        said.setdefault(row.article_id, []).append((str(QuoteRef(row.article_id, row.start)), row.text))
    for row in connection.execute(select(articles.c.id, articles.c.title, articles.c.text)):
        index_for_search(connection, row.id, row.title, row.text, said.get(row.id, []))


def _v8_outlets_and_trails(connection: Connection) -> None:
    """The outlet of each article (from its URL's domain for articles stored before) and the quote
    trail tables, filled by ``relink``."""
    from .schema import articles

    if "outlet" not in {c["name"] for c in inspect(connection).get_columns("articles")}:
        connection.execute(text("ALTER TABLE articles ADD COLUMN outlet TEXT"))
    for row in connection.execute(select(articles.c.id, articles.c.url).where(articles.c.url.is_not(None))).all():
        connection.execute(articles.update().where(articles.c.id == row.id).values(outlet=outlet_of_url(row.url)))
    for name in ("trail_keys", "quote_shingles", "trail_members", "trails"):
        table = metadata.tables[name]
        table.create(connection, checkfirst=True)
        for index in table.indexes:
            index.create(connection, checkfirst=True)


def _v9_articles_by_outlet(connection: Connection) -> None:
    """An outlet's articles and quotes, newest first, without a scan (the outlet filter)."""
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_articles_outlet ON articles (outlet, published)"))


def _v10_quotes_newest_first(connection: Connection) -> None:
    """The reading room lists quotes newest first, then by article and place: an index in that
    order (all quotes, and each speaker's), so that a page reads 50 rows instead of sorting them
    all (2.2 s at 100,000 articles without it)."""
    nulls = " NULLS LAST" if connection.dialect.name == "postgresql" else ""  # SQLite's DESC puts NULLs last
    connection.execute(text(f"CREATE INDEX IF NOT EXISTS ix_quotes_newest ON quotes "
                            f"(published DESC{nulls}, article_id, start)"))
    connection.execute(text(f"CREATE INDEX IF NOT EXISTS ix_quotes_speaker_newest ON quotes "
                            f"(speaker_id, published DESC{nulls}, article_id, start)"))


def _v11_search_title_once(connection: Connection) -> None:
    """Index again, each article's headline once (a text that opens with it was indexed with it twice)."""
    _v7_search_joined_prefixes(connection)


STEPS = [_v1_tables, _v2_search, _v3_entity_counts, _v4_gender_roles_speaker_order, _v5_articles_by_date,
         _v6_article_entities, _v7_search_joined_prefixes, _v8_outlets_and_trails, _v9_articles_by_outlet,
         _v10_quotes_newest_first, _v11_search_title_once]


def current_version(connection: Connection) -> int:
    if not inspect(connection).has_table("schema_version"):
        return 0
    return connection.execute(select(schema_version.c.version).order_by(schema_version.c.version.desc())).scalar() or 0


def migrate(engine: Engine) -> int:
    """Apply the steps not yet applied; returns the schema version."""
    with engine.begin() as connection:
        # two processes opening a new store at once: one migrates, the other waits and finds it done
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif connection.dialect.name == "postgresql":
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7215)")
        version = current_version(connection)
        if version == 0:
            schema_version.create(connection, checkfirst=True)
        for number, step in enumerate(STEPS, 1):
            if number > version:
                step(connection)
                connection.execute(insert(schema_version).values(version=number, applied_at=dt.datetime.now()))
                version = number
    return version
