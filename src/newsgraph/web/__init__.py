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


@dataclass(frozen=True)
class Settings:
    db: str | None = None
    token: str | None = None  # writes (POST /api/articles) are refused unless this is set
    max_body: int = DEFAULT_MAX_BODY


def create_app(db: str | None = None, token: str | None = None, max_body: int = DEFAULT_MAX_BODY):
    try:
        import fastapi  # noqa: F401
        import jinja2  # noqa: F401
    except ImportError:
        raise MissingExtra("fastapi", "server") from None
    from .app import build

    return build(Settings(db=db, token=token or os.environ.get(TOKEN_ENV) or None, max_body=max_body))
