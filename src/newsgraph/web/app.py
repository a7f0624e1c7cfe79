"""Assembling the application: the store, the guards, error answers, static files."""
from __future__ import annotations

import json
import threading

from fastapi import FastAPI, Request
from markupsafe import Markup, escape
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import (InputError, InvalidRequest, MethodNotAllowed, NewsgraphError, NotFound, QueryTimedOut,
                      RefusedValue)
from ..model import EventType
from ..store import open_store
from . import HERE, Settings
from .api import router as api_router
from .guards import SECURITY_HEADERS, BodyLimit, QueryBudget, SecurityHeaders, bound_queries, public_source, timed_out
from .pages import router as page_router

# the framework answers these statuses itself; their API bodies carry the codes of our errors
FRAMEWORK_CODES = {404: NotFound.code, 405: MethodNotAllowed.code, 422: InvalidRequest.code}


def highlighted(hit: dict) -> Markup:
    """A search hit's snippet with its matched words in ``<mark>`` (by the offsets the store gives,
    not by brackets, which a text may hold), every character escaped."""
    snippet, out, cursor = hit.get("snippet") or "", [], 0
    for start, end in hit.get("matches") or []:
        out += [str(escape(snippet[cursor:start - 1])), f"<mark>{escape(snippet[start:end])}</mark>"]
        cursor = end + 1
    out.append(str(escape(snippet[cursor:])))
    return Markup("".join(out))


def counted(number, noun: str) -> str:
    """'1 article', '5 articles' (the pages' counts)."""
    return f"{number} {noun if number == 1 else noun + 's'}"


def build(settings: Settings) -> FastAPI:
    # no /docs or /redoc: Swagger UI and ReDoc load from a CDN, and nothing is fetched from
    # outside; /openapi.json documents the API
    app = FastAPI(title="newsgraph", version=__version__, docs_url=None, redoc_url=None,
                  description="Quotes, speakers and events from news articles, each with its evidence span.")
    app.state.settings = settings
    app.state.store = open_store(settings.db)
    bound_queries(app.state.store.engine)
    # analyses run on the server's threads and each holds hundreds of MB: a few at a time
    app.state.analyses = threading.BoundedSemaphore(settings.max_analyses)
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.state.templates.env.filters["source_name"] = public_source
    app.state.templates.env.filters["counted"] = counted
    app.state.templates.env.filters["highlighted"] = highlighted
    app.state.templates.env.filters["event_label"] = EventType.label_of

    # the last added is the outermost: headers go on every answer, the body limit's included
    app.add_middleware(QueryBudget, seconds=settings.query_budget)
    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(SecurityHeaders)

    def answer(request: Request, status: int, detail, code: str | None = None, headers=None):
        """JSON ``{"detail", "code"}`` for the API, an error page for the pages."""
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            body = {"detail": detail, **({"code": code} if code else {})}
            return JSONResponse(body, status_code=status, headers=headers)
        return app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "message": detail}, status_code=status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        # the framework's own answers (no such address, no such method) get the codes of ours
        code = getattr(exc, "code", None) or FRAMEWORK_CODES.get(exc.status_code, NewsgraphError.code)
        return answer(request, exc.status_code, exc.detail, code, exc.headers)

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, exc: NewsgraphError):
        # every error of the hierarchy carries its status and code (errors.py): one mapping, here
        detail = str(exc) if isinstance(exc, InputError) else exc.message  # an input's error names its source
        return answer(request, exc.http_status, detail, exc.code, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api/"):
            # as FastAPI answers, but ASCII: the input it echoes may hold lone surrogates
            body = {"detail": jsonable_encoder(exc.errors()), "code": InvalidRequest.code}
            return Response(json.dumps(body), InvalidRequest.http_status, media_type="application/json")
        first = exc.errors()[0]
        return answer(request, InvalidRequest.http_status, f"{first['loc'][-1]}: {first['msg']}.", InvalidRequest.code)

    @app.exception_handler(OperationalError)
    async def database_error(request: Request, exc: OperationalError):
        if not timed_out(exc):
            raise exc
        return await newsgraph_error(request, QueryTimedOut(
            f"the request's queries took longer than {settings.query_budget:g} s", {"Retry-After": "10"}))

    @app.exception_handler(DataError)
    async def refused_value(request: Request, exc: DataError):
        return await newsgraph_error(request, RefusedValue(
            f"a value the database cannot take: {str(exc.orig).splitlines()[0]}"))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        # answered outside the middlewares, so the security headers are added here (the server
        # logs the traceback); the API's body carries the code of an unforeseen error
        if request.url.path.startswith("/api/"):
            body = {"detail": "internal server error", "code": NewsgraphError.code}
            return JSONResponse(body, status_code=NewsgraphError.http_status, headers=SECURITY_HEADERS)
        return PlainTextResponse("Internal Server Error", status_code=500, headers=SECURITY_HEADERS)

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api_router, prefix="/api")
    app.include_router(page_router)
    return app


__all__ = ["build", "HTMLResponse"]
