"""What stands between a request and the store: the body counted as it is read, security
headers on every response, a time budget for a request's queries, errors that carry a code,
and no server paths in what is shown.

The middlewares are plain ASGI (no ``BaseHTTPMiddleware``), so they see the body as it
arrives and every response, streamed or not.
"""
from __future__ import annotations

import contextvars
import re
import time

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse

from ..errors import InputTooLarge

SECURITY_HEADERS = {
    # the pages use only their own stylesheet and inline SVG: nothing is fetched from elsewhere
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


class ApiError(HTTPException):
    """An HTTP error answered as ``{"detail": ..., "code": ...}`` (or an error page)."""

    def __init__(self, status: int, code: str, detail: str, headers: dict[str, str] | None = None):
        super().__init__(status, detail, headers)
        self.code = code


class BodyTooLarge(ApiError):
    def __init__(self, limit: int):
        # close the connection: the rest of the body is not worth reading
        super().__init__(InputTooLarge.http_status, InputTooLarge.code, f"body over {limit:,} bytes",
                         {"Connection": "close"})


class BodyLimit:
    """Refuses a body over ``limit`` bytes: at once when its Content-Length says so, else as
    soon as the bytes read pass the limit, so a chunked body is never held whole."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            return await _answer(BodyTooLarge(self.limit), scope, receive, send)
        seen = 0
        started = False

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge(self.limit)  # FastAPI's handlers answer it; else the except below
            return message

        async def watched(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge as exc:
            if started:
                raise
            await _answer(exc, scope, receive, send)


async def _answer(exc: ApiError, scope, receive, send) -> None:
    response = JSONResponse({"detail": exc.detail, "code": exc.code}, exc.status_code, exc.headers)
    await response(scope, receive, send)


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every response that does not set its own."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", []))
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


# -- a time budget for the store's queries ------------------------------------------------------

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("newsgraph_query_deadline", default=None)


class QueryBudget:
    """Gives each read (GET, HEAD) a deadline for its store queries, ``seconds`` from its start.

    Writes (POST) have none: an analysis may take most of a budget, and a stored article must
    not be lost to a clock. Each connection the store checks out meets the deadline in
    ``bound_queries``; the endpoint's thread inherits it as a context variable.
    """

    def __init__(self, app, seconds: float):
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        token = _deadline.set(time.monotonic() + self.seconds)
        try:
            await self.app(scope, receive, send)
        finally:
            _deadline.reset(token)


def bound_queries(engine: Engine) -> None:
    """Stop a query made under a request's deadline when the deadline passes: SQLite through a
    progress handler (the query raises 'interrupted'), PostgreSQL through ``statement_timeout``
    for the transaction. Outside a request, queries run as before."""
    dialect = engine.dialect.name

    @event.listens_for(engine, "checkout")
    def _arm(dbapi_connection, _record, _proxy):
        deadline = _deadline.get()
        if dialect == "sqlite":
            # SQLite calls the handler every 1,000 virtual machine steps, a few microseconds apart
            handler = (lambda: time.monotonic() > deadline) if deadline is not None else None
            dbapi_connection.set_progress_handler(handler, 1000)
        elif dialect == "postgresql" and deadline is not None:
            milliseconds = max(1, int((deadline - time.monotonic()) * 1000))
            cursor = dbapi_connection.cursor()
            # LOCAL: it ends with the transaction, which the pool rolls back on check-in
            cursor.execute(f"SET LOCAL statement_timeout = {milliseconds}")
            cursor.close()


def timed_out(exc: OperationalError) -> bool:
    """Was this query stopped by ``bound_queries``?"""
    orig = exc.orig
    return "interrupted" in str(orig) or getattr(orig, "sqlstate", None) == "57014"  # query_canceled


# -- what is shown of an article's origin ----------------------------------------------------------

def public_source(value: str | None, source: str | None = None) -> str | None:
    """A source as the public may see it: a URL as it is, a path on the server as its file name
    ("/srv/corpus/bbc.warc.gz#https://..." -> "bbc.warc.gz#https://...", "/srv/x.jsonl:12" -> "x.jsonl:12").

    ``source``: the article's source, when ``value`` is its input id (an id read from a file's
    path is that path; an id given in a JSONL record, "bbc/politics/001", is kept).
    """
    if not value or _URL.match(value):
        return value
    absolute = value.startswith(("/", "~", "\\")) or value[1:3] in (":\\", ":/")
    if source is not None and value != source and not absolute:
        return value
    path, mark, rest = value.partition("#")  # a WARC record: the archive's path, '#', the page's URL
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] + mark + rest


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def public(row: dict) -> dict:
    """A row with ``source`` and ``input_id`` shown as ``public_source`` does."""
    shown = dict(row)
    if "source" in shown:
        shown["source"] = public_source(row["source"])
    if "input_id" in shown:
        shown["input_id"] = public_source(row["input_id"], row.get("source") or "")
    return shown
