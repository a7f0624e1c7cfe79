"""The reading room: a REST API under ``/api/`` and server-rendered pages over the store.

``create_app`` builds the FastAPI application (the ``[server]`` extra); ``newsgraph serve``
runs it with uvicorn. Both the API and the pages call the store's query functions and the
service's ``analyze``/``ingest_articles``: no logic of their own beyond paging and HTML.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import MissingExtra

HERE = Path(__file__).resolve().parent
TOKEN_ENV = "NEWSGRAPH_TOKEN"
DEFAULT_MAX_BODY = 2_000_000  # bytes of a POSTed article: ten times a long feature
# seconds of store queries for one page or API read: every page's p95 on a 100,000-article
# store is under 0.2 s (benchmarks/RESULTS.md), so only a runaway query meets it
DEFAULT_QUERY_BUDGET = 3.0
DEFAULT_MAX_ANALYSES = 2  # analyses at once (POST /api/analyze, /api/articles): see api.API_MAX_CHARS
MAX_OFFSET = 1_000_000  # rows a list may skip: past every row of a large corpus, inside any integer type
MAX_ID = 2**63 - 1  # a larger person or organisation id is no row id (SQLite would overflow): 422
MAX_QUERY_CHARS = 200  # characters of a search or filter: a sentence or two of a quote
SHUTDOWN_GRACE = 3  # seconds `serve` waits for requests in flight after SIGTERM


@dataclass(frozen=True)
class Settings:
    db: str | None = None
    token: str | None = None  # writes (POST /api/articles) are refused unless this is set
    max_body: int = DEFAULT_MAX_BODY
    query_budget: float = DEFAULT_QUERY_BUDGET
    max_analyses: int = DEFAULT_MAX_ANALYSES


def create_app(db: str | None = None, token: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               query_budget: float = DEFAULT_QUERY_BUDGET, max_analyses: int = DEFAULT_MAX_ANALYSES):
    try:
        import fastapi  # noqa: F401
        import jinja2  # noqa: F401
    except ImportError:
        raise MissingExtra("fastapi", "server") from None
    from .app import build

    return build(Settings(db=db, token=token or os.environ.get(TOKEN_ENV) or None, max_body=max_body,
                          query_budget=query_budget, max_analyses=max_analyses))
