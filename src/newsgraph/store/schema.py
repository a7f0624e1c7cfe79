"""The corpus schema (SQLAlchemy Core), for SQLite and PostgreSQL alike.

Per-article tables keep exactly what the analysis found, with offsets into the stored
text; ``entities`` and ``timeline`` are the cross-article layer that ``link.py`` builds.
"""
from __future__ import annotations

from sqlalchemy import (JSON, BigInteger, Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, MetaData,
                        String, Table, Text, UniqueConstraint)

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(200), primary_key=True),
    Column("text_hash", String(64), nullable=False, unique=True),
    Column("input_id", Text),
    Column("source", Text),
    Column("url", Text),
    Column("outlet", Text),  # the publisher: "breitbart", "bbc.co.uk" (migration 8)
    Column("title", Text),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
)
Index("ix_articles_published", articles.c.published, articles.c.id)  # the newest-first list (migration 5)
Index("ix_articles_outlet", articles.c.outlet, articles.c.published)  # one outlet's articles (migration 9)

# Cross-article identities: one row per real person or organisation.
entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("key", Text, nullable=False),
    # kept up to date at ingest so that listing people never scans the mentions (migration 3)
    Column("n_articles", Integer, nullable=False, server_default="0"),
    Column("n_mentions", Integer, nullable=False, server_default="0"),
    Column("n_quotes", Integer, nullable=False, server_default="0"),
    # "m"/"f" from the titles and pronouns used of the person: "Mr Blair" is not Cherie Blair (migration 4)
    Column("gender", String(1)),
    UniqueConstraint("label", "key", name="uq_entity_key"),
)
Index("ix_entities_articles", entities.c.label, entities.c.n_articles)

aliases = Table(
    "aliases", metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("key", Text, nullable=False),
    UniqueConstraint("entity_id", "key", name="uq_alias"),
)
Index("ix_aliases_key", aliases.c.key)

# Offices written beside a person's name ("prime minister"), counted by article (migration 4).
roles = Table(
    "roles", metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("role", Text, nullable=False),
    Column("n_articles", Integer, nullable=False, server_default="0"),
    UniqueConstraint("entity_id", "role", name="uq_role"),
)
Index("ix_roles_role", roles.c.role)

# Each article's own people and organisations, as its analysis found them, whatever they are
# linked to: ``relink`` rebuilds the cross-article layer from these alone (migration 6).
article_entities = Table(
    "article_entities", metadata,
    Column("article_id", String(200), ForeignKey("articles.id"), nullable=False),
    Column("local", Integer, nullable=False),  # the entity's number within its analysis
    Column("label", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", JSON, nullable=False),  # [name, ...]
    Column("roles", JSON, nullable=False),  # [office, ...]
    Column("spans", JSON, nullable=False),  # [[start, end, text], ...]
    Column("entity_id", Integer, ForeignKey("entities.id")),  # None: no corpus identity ("Lib Dem")
    UniqueConstraint("article_id", "local", name="uq_article_entity"),
)

mentions = Table(
    "mentions", metadata,
    Column("article_id", String(200), ForeignKey("articles.id"), nullable=False),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
Index("ix_mentions_entity", mentions.c.entity_id)
Index("ix_mentions_article", mentions.c.article_id)

posts = Table(
    "posts", metadata,
    Column("article_id", String(200), ForeignKey("articles.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("author", Text),
    Column("handle", Text),
    Column("date", Date),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(200), ForeignKey("articles.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("speaker", Text),
    Column("speaker_id", Integer, ForeignKey("entities.id")),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("cue", Text),
    Column("published", Date),
)
Index("ix_quotes_speaker", quotes.c.speaker_id)
Index("ix_quotes_article", quotes.c.article_id)
Index("ix_quotes_published", quotes.c.published, quotes.c.article_id, quotes.c.start)  # widened in migration 5
# a speaker's quotes read in display order, without sorting them (migration 4)
Index("ix_quotes_speaker_order", quotes.c.speaker_id, quotes.c.published, quotes.c.article_id, quotes.c.start)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(200), ForeignKey("articles.id"), nullable=False),
    Column("type", String(32), nullable=False),
    Column("person", Text),
    Column("person_id", Integer, ForeignKey("entities.id")),
    Column("org", Text),
    Column("place", Text),
    Column("date", String(10)),
    Column("status", String(16), nullable=False),
    Column("reason", Text),
    Column("timeline_id", Integer, ForeignKey("timeline.id")),
)
Index("ix_events_person", events.c.person_id)
Index("ix_events_type", events.c.type)

event_evidence = Table(
    "event_evidence", metadata,
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Column("article_id", String(200), ForeignKey("articles.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
Index("ix_evidence_event", event_evidence.c.event_id)

# One row per real-world event, however many articles report it.
timeline = Table(
    "timeline", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(32), nullable=False),
    Column("person_id", Integer, ForeignKey("entities.id")),
    Column("person", Text),
    Column("org", Text),
    Column("place", Text),
    Column("date", String(10)),
    Column("reason", Text),
)
Index("ix_timeline_person", timeline.c.person_id)

# Quote trails (migration 8, ``store/trails.py``): one row per distinct normalised quote text and
# its word trigrams, for finding a new quote's candidates by index; members and summaries.
trail_keys = Table(
    "trail_keys", metadata,
    Column("key", BigInteger, primary_key=True, autoincrement=False),
    Column("first_quote_id", Integer, ForeignKey("quotes.id"), nullable=False),
)

quote_shingles = Table(
    "quote_shingles", metadata,
    Column("shingle", BigInteger, nullable=False),
    Column("first_quote_id", Integer, ForeignKey("quotes.id"), nullable=False),
)
Index("ix_quote_shingles", quote_shingles.c.shingle)

trail_members = Table(
    "trail_members", metadata,
    Column("quote_id", Integer, ForeignKey("quotes.id"), primary_key=True, autoincrement=False),
    Column("trail_id", Integer, nullable=False),  # the trail's smallest quote id
    Column("relation", String(16), nullable=False),  # same, variant, paraphrase
)
Index("ix_trail_members_trail", trail_members.c.trail_id)

trails = Table(
    "trails", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("n_quotes", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("first_quote_id", Integer, nullable=False),
    Column("fullest_quote_id", Integer, nullable=False),
    Column("truncated", Boolean, nullable=False),
    Column("words_changed", Boolean, nullable=False),
    Column("negation_changed", Boolean, nullable=False),
    Column("numbers_changed", Boolean, nullable=False),
    Column("conflicting_attribution", Boolean, nullable=False),
)

failures = Table(
    "failures", metadata,
    Column("source", Text, nullable=False),
    Column("code", String(8), nullable=False),
    Column("reason", Text, nullable=False),
    Column("failed_at", DateTime, nullable=False),
    UniqueConstraint("source", "code", name="uq_failure"),
)
