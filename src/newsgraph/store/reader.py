"""The store's read side: one named method per question the CLI, the API and the pages ask.

Every method opens its own connection through the query functions of ``queries.py`` and
``browse.py``; nothing here writes. ``Store`` (``writer.py``) adds the writes.
"""
from __future__ import annotations

import datetime as dt
from sqlalchemy.engine import Engine

from . import browse, queries, trail_queries
from .refs import QuoteRef

__all__ = ["StoreReader", "QuoteRef"]


class StoreReader:
    """Named read queries over a connected, migrated store."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # -- quote trails -------------------------------------------------------------------------

    def quote_trail(self, quote_id: int) -> dict | None:
        return trail_queries.quote_trail(self.engine, quote_id)

    def trail_for_words(self, words: str) -> dict | None:
        return trail_queries.trail_for_words(self.engine, words)

    def list_trails(self, speaker: str | None = None, flag: str | None = None, limit: int = 100,
                    offset: int = 0) -> list[dict]:
        return trail_queries.list_trails(self.engine, speaker, flag, limit, offset)

    def count_trails(self, speaker: str | None = None, flag: str | None = None) -> int:
        return trail_queries.count_trails(self.engine, speaker, flag)

    def quote_id_at(self, article_id: str, start: int) -> int | None:
        return trail_queries.quote_id_at(self.engine, article_id, start)

    def trails_of_article(self, article_id: str) -> dict[int, int]:
        return trail_queries.trails_of_article(self.engine, article_id)

    # -- quotes and events --------------------------------------------------------------------

    def list_quotes(self, speaker: str | None = None, search: str | None = None, since: dt.date | None = None,
                    until: dt.date | None = None, limit: int = 1000, offset: int = 0,
                    kind: str | None = None, newest_first: bool = False, fragments: bool = True,
                    outlet: str | None = None) -> list[dict]:
        return queries.list_quotes(self.engine, speaker, search, since, until, limit, offset, kind, newest_first,
                                   fragments, outlet)

    def count_quotes(self, speaker: str | None = None, search: str | None = None, since: dt.date | None = None,
                     until: dt.date | None = None, most: int = 1000, kind: str | None = None,
                     fragments: bool = True, outlet: str | None = None) -> int:
        return queries.count_quotes(self.engine, speaker, search, since, until, most, kind, fragments, outlet)

    def list_events(self, type_: str | None = None, person: str | None = None, org: str | None = None,
                    status: str | None = None, limit: int = 1000, offset: int = 0) -> list[dict]:
        return queries.list_events(self.engine, type_, person, org, status, limit, offset)

    def count_events(self, type_: str | None = None, person: str | None = None, org: str | None = None,
                     status: str | None = None) -> int:
        return queries.count_events(self.engine, type_, person, org, status)

    def get_timeline(self, name: str) -> list[dict]:
        return queries.get_timeline(self.engine, name)

    # -- people, organisations, articles ----------------------------------------------------

    def list_people(self, limit: int = 1000) -> list[dict]:
        return queries.list_people(self.engine, limit)

    def find_people(self, name: str | None = None, limit: int = 50, offset: int = 0,
                    label: str = "PERSON") -> tuple[list[dict], int]:
        return browse.find_people(self.engine, name, limit, offset, label)

    def get_entity(self, entity_id: int, label: str | None = None, quote_limit: int = 50) -> dict | None:
        return browse.get_entity(self.engine, entity_id, label, quote_limit)

    def list_articles(self, limit: int = 50, offset: int = 0, outlet: str | None = None) -> tuple[list[dict], int]:
        return browse.list_articles(self.engine, limit, offset, outlet)

    def list_outlets(self) -> list[dict]:
        return browse.list_outlets(self.engine)

    def get_article(self, article_id: str) -> dict | None:
        return browse.get_article(self.engine, article_id)

    def identity_audit(self) -> list[dict]:
        return queries.identity_audit(self.engine)

    def surface_forms(self) -> dict[str, list[str]]:
        return queries.surface_forms(self.engine)

    # -- search, counts, export -------------------------------------------------------------

    def search(self, terms: str, limit: int = 50, ranked: bool = True) -> list[dict]:
        return queries.search(self.engine, terms, limit, ranked)

    def stats(self) -> dict:
        return queries.stats(self.engine)

    def list_failures(self) -> list[dict]:
        return queries.list_failures(self.engine)

    def table_rows(self, name: str):
        return queries.table_rows(self.engine, name)

    def graph(self) -> tuple[list[dict], list[dict]]:
        return queries.graph(self.engine)
