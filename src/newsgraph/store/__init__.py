"""The corpus store: SQLite by default, PostgreSQL with a ``postgresql://`` URL.

All SQL lives in this package. ``open_store`` connects and migrates; ``Store.save``
writes a batch of analyses in one transaction (linking entities and events across
articles as it goes); the query functions read.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from ..errors import MissingExtra
from .migrations import migrate
from .writer import Store

DEFAULT_DB = "newsgraph.db"
SQLITE_WAIT_SECONDS = 300  # a relink of 100,000 articles holds the write lock for minutes
DB_ENV = "NEWSGRAPH_DB"

__all__ = ["Store", "open_store", "database_url", "DEFAULT_DB", "DB_ENV"]


def database_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from ``--db``, ``NEWSGRAPH_DB`` or the default SQLite file."""
    value = db or os.environ.get(DB_ENV) or DEFAULT_DB
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def open_store(db: str | None = None) -> Store:
    """Connect to the store and bring its schema up to date."""
    url = database_url(db)
    engine = _engine(url)
    migrate(engine)
    return Store(engine)


def _engine(url: str) -> Engine:
    if url.startswith("postgresql"):
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise MissingExtra("psycopg", "postgres") from None
        return create_engine(url, future=True)
    # a writer waits its turn (an ingest while another ingest or a relink holds the write lock)
    engine = create_engine(url, future=True, connect_args={"timeout": SQLITE_WAIT_SECONDS})

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(connection, _record):
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers go on while an ingest writes
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine
