"""The REST API: JSON over the store's query functions, paged with ``limit``/``offset`` and a total."""
from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from pydantic import BaseModel, Field, field_validator
from sqlalchemy.exc import SQLAlchemyError

from ..errors import (AnalysisFailed, ArticleTooLong, InputError, NotFound, ServerBusy, TokenRequired,
                      WritesDisabled)
from ..ingest.decode import without_surrogates
from ..ingest.text import read_text
from ..model import Article, EventStatus, EventType, QuoteKind, TrailFlag
from ..options import Options
from ..service import analyze, ingest_articles
from . import MAX_ID, MAX_OFFSET, MAX_QUERY_CHARS
from .guards import BodyTooLarge, public

# Characters of one text the API analyses. The analysis costs about 3.6 KB and 47 µs per
# character (100,000 characters of news: 4.7 s, 360 MB; 200,000: 11 s, 640 MB), so with
# DEFAULT_MAX_ANALYSES at once the server stays under 1 GB. Ten long features; a longer text
# goes through `newsgraph ingest`.
API_MAX_CHARS = 100_000
RETRY_AFTER = "5"  # seconds: about one analysis at the limit

router = APIRouter(tags=["api"])
Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Words = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]
Id = Annotated[int, Path(ge=0, le=MAX_ID)]


class ArticleIn(BaseModel):
    """An article posted for analysis: its text, and optionally its id, title and date."""

    text: str = Field(min_length=1, description="Plain article text; the first line may be its headline.")
    id: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    published: dt.date | None = None

    @field_validator("text", "id", "title", "url", mode="before")
    @classmethod
    def _no_lone_surrogates(cls, value):
        # JSON's \ud800 escapes give strings that cannot be encoded, stored or answered: replaced
        return without_surrogates(value) if isinstance(value, str) else value

    @field_validator("id", "title", "url")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        # PostgreSQL cannot store NUL; the text itself is cleaned (or refused) by read_text
        return value.replace("\x00", "") if value else value


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


def store(request: Request):
    return request.app.state.store


def _page(items: list[dict], total: int, limit: int, offset: int) -> dict:
    return {"total": total, "limit": limit, "offset": offset, "items": [public(i) for i in items]}


def _article(body: ArticleIn, request: Request) -> Article:
    """The posted text checked like a file (empty, binary, too large) and given its fields."""
    settings = request.app.state.settings
    data = body.text.encode("utf-8")
    if len(data) > settings.max_body:
        raise BodyTooLarge(settings.max_body)
    if len(body.text) > API_MAX_CHARS:
        raise ArticleTooLong(body.id or "api", f"{len(body.text):,} characters is over the API's limit of "
                                               f"{API_MAX_CHARS:,}: use `newsgraph ingest` for longer texts")
    article = read_text(data, body.id or "api", settings.max_body, references=False)
    return Article(id=body.id or article.id, text=article.text, source="api", input_id=body.id or article.id,
                   url=body.url, title=body.title, published=body.published)


@contextmanager
def _analysis_slot(request: Request, source: str) -> Iterator[None]:
    """One of the few analyses the server runs at once, or 503 (waiting would hold a thread);
    an exception the analysis of this text meets is its failure (422, E401), not the server's."""
    slots = request.app.state.analyses
    if not slots.acquire(blocking=False):
        raise ServerBusy(f"{request.app.state.settings.max_analyses} analyses are running: try again",
                         {"Retry-After": RETRY_AFTER})
    try:
        yield
    except (InputError, SQLAlchemyError):
        raise
    except Exception as exc:
        raise AnalysisFailed(source, "api", exc) from exc
    finally:
        slots.release()


def _check_token(request: Request, authorization: str | None) -> None:
    token = request.app.state.settings.token
    if not token:
        raise WritesDisabled("writes are disabled: start the server with a token (NEWSGRAPH_TOKEN)")
    scheme, _, given = (authorization or "").strip().partition(" ")
    # the scheme is case-insensitive (RFC 9110); the token is compared in constant time, as the
    # bytes sent (Starlette reads header values as latin-1)
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("latin-1"), token.encode()):
        raise TokenRequired("a valid bearer token is required", {"WWW-Authenticate": "Bearer"})


@router.get("/articles", response_model=Page, summary="Stored articles, newest first; ?outlet= filters")
def articles(outlet: Words = None, limit: Limit = 50, offset: Offset = 0, s=Depends(store)):
    rows, total = s.list_articles(limit=limit, offset=offset, outlet=outlet or None)
    return _page(rows, total, limit, offset)


@router.get("/articles/{article_id:path}", summary="One article: text with quote, entity and event spans")
def article(article_id: str, s=Depends(store)) -> dict:
    found = s.get_article(article_id)
    if found is None:
        raise NotFound(f"no article {article_id}")
    return public(found)


@router.get("/quotes", response_model=Page, summary="Quotes by speaker, words, date, kind and outlet")
def quotes(speaker: Words = None, q: Words = None, since: dt.date | None = None,
           until: dt.date | None = None, kind: QuoteKind | None = None, outlet: Words = None, limit: Limit = 50,
           offset: Offset = 0, s=Depends(store)):
    filters = dict(speaker=speaker, search=q, since=since, until=until,
                   kind=str(kind) if kind else None, outlet=outlet or None)  # plain values for the database
    rows = s.list_quotes(**filters, limit=limit, offset=offset)
    return _page(rows, s.count_quotes(**filters), limit, offset)


@router.get("/outlets", summary="The outlets of the stored articles, with how many of each")
def outlets(s=Depends(store)) -> list[dict]:
    return s.list_outlets()


@router.get("/people", response_model=Page, summary="People, most reported first; ?name= filters")
def people(name: Words = None, limit: Limit = 50, offset: Offset = 0, s=Depends(store)):
    rows, total = s.find_people(name, limit=limit, offset=offset)
    return _page(rows, total, limit, offset)


@router.get("/people/{person_id}", summary="A person: names, roles, quotes, events and timeline")
def person(person_id: Id, s=Depends(store)) -> dict:
    found = s.get_entity(person_id, label="PERSON")
    if found is None:
        raise NotFound(f"no person {person_id}")
    return {**found, "quotes": [public(q) for q in found["quotes"]]}


@router.get("/orgs", response_model=Page, summary="Organisations, most reported first; ?name= filters")
def orgs(name: Words = None, limit: Limit = 50, offset: Offset = 0, s=Depends(store)):
    rows, total = s.find_people(name, limit=limit, offset=offset, label="ORG")
    return _page(rows, total, limit, offset)


@router.get("/orgs/{org_id}", summary="An organisation: its membership events over time and its statements")
def org(org_id: Id, s=Depends(store)) -> dict:
    found = s.get_entity(org_id, label="ORG")
    if found is None:
        raise NotFound(f"no organisation {org_id}")
    return {**found, "quotes": [public(q) for q in found["quotes"]]}


@router.get("/events", response_model=Page, summary="Events by type, person and organisation")
def events(type: EventType | None = None, person: Words = None, org: Words = None,  # noqa: A002
           status: EventStatus | None = None, limit: Limit = 50, offset: Offset = 0, s=Depends(store)):
    plain_type, plain_status = (str(v) if v else None for v in (type, status))  # plain values for the database
    rows = s.list_events(type_=plain_type, person=person, org=org, status=plain_status, limit=limit, offset=offset)
    return _page(rows, s.count_events(type_=plain_type, person=person, org=org, status=plain_status), limit, offset)


@router.get("/quotes/{quote_id}/trail", summary="A quote's trail: every report of it across articles, with changes")
def quote_trail(quote_id: Id, s=Depends(store)) -> dict:
    found = s.quote_trail(quote_id)
    if found is None:
        raise NotFound(f"quote {quote_id} is reported in no other stored article")
    return found


@router.get("/trails", response_model=Page, summary="Quotes reported in several articles, by speaker and change")
def trails(speaker: Words = None, flag: TrailFlag | None = None, limit: Limit = 50, offset: Offset = 0,
           s=Depends(store)):
    plain_flag = str(flag) if flag else None
    rows = s.list_trails(speaker=speaker, flag=plain_flag, limit=limit, offset=offset)
    return _page(rows, s.count_trails(speaker=speaker, flag=plain_flag), limit, offset)


@router.get("/search", response_model=Page, summary="Full text over articles and quotes")
def search(q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)], limit: Limit = 50,
           s=Depends(store)):
    rows = s.search(q, limit=limit)
    return _page(rows, len(rows), limit, 0)


@router.post("/analyze", summary="Analyse a text without storing it")
def analyze_text(body: ArticleIn, request: Request) -> dict:
    article = _article(body, request)
    with _analysis_slot(request, article.id):
        return analyze(article, Options()).to_output()


@router.post("/articles", status_code=201, summary="Analyse and store an article (needs the write token)")
def add_article(body: ArticleIn, request: Request, authorization: str | None = Header(None),
                s=Depends(store)) -> dict:
    _check_token(request, authorization)
    article = _article(body, request)
    with _analysis_slot(request, article.id):
        report = ingest_articles([article], s, Options())
    if report.failures:  # recorded in the store's failures; the client hears why
        raise report.failures[0]
    return {"id": article.id, **report.to_dict()}
