"""The REST API: JSON over the store's query functions, paged with ``limit``/``offset`` and a total."""
from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from ..errors import InputError
from ..ingest.text import read_text
from ..model import Article
from ..options import Options
from ..service import analyze, ingest_articles

router = APIRouter(tags=["api"])
Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]


class ArticleIn(BaseModel):
    """An article posted for analysis: its text, and optionally its id, title and date."""

    text: str = Field(min_length=1, description="Plain article text; the first line may be its headline.")
    id: str | None = Field(None, max_length=200)
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


def store(request: Request):
    return request.app.state.store


def _page(items: list[dict], total: int, limit: int, offset: int) -> dict:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _article(body: ArticleIn, request: Request) -> Article:
    """The posted text checked like a file (empty, binary, too large) and given its fields."""
    settings = request.app.state.settings
    data = body.text.encode("utf-8")
    if len(data) > settings.max_body:
        raise HTTPException(413, f"text over {settings.max_body} bytes")
    try:
        article = read_text(data, body.id or "api", settings.max_body)
    except InputError as exc:
        raise HTTPException(422, f"{exc.code}: {exc.reason}") from None
    return Article(id=body.id or article.id, text=article.text, source="api", input_id=body.id or article.id,
                   url=body.url, title=body.title, published=body.published)


@router.get("/articles", response_model=Page, summary="Stored articles, newest first")
def articles(limit: Limit = 50, offset: Offset = 0, s=Depends(store)):
    rows, total = s.list_articles(limit=limit, offset=offset)
    return _page(rows, total, limit, offset)


@router.get("/articles/{article_id}", summary="One article: text with quote, entity and event spans")
def article(article_id: str, s=Depends(store)) -> dict:
    found = s.get_article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found


@router.get("/quotes", response_model=Page, summary="Quotes by speaker, words and date")
def quotes(speaker: str | None = None, q: str | None = None, since: dt.date | None = None,
           until: dt.date | None = None, limit: Limit = 50, offset: Offset = 0, s=Depends(store)):
    rows = s.list_quotes(speaker=speaker, search=q, since=since, until=until, limit=limit, offset=offset)
    return _page(rows, s.count_quotes(speaker=speaker, search=q, since=since, until=until), limit, offset)


@router.get("/people", response_model=Page, summary="People, most reported first; ?name= filters")
def people(name: str | None = None, limit: Limit = 50, offset: Offset = 0, s=Depends(store)):
    rows, total = s.find_people(name, limit=limit, offset=offset)
    return _page(rows, total, limit, offset)


@router.get("/people/{person_id}", summary="A person: names, roles, quotes, events and timeline")
def person(person_id: int, s=Depends(store)) -> dict:
    found = s.get_entity(person_id, label="PERSON")
    if found is None:
        raise HTTPException(404, f"no person {person_id}")
    return found


@router.get("/orgs/{org_id}", summary="An organisation: its membership events over time")
def org(org_id: int, s=Depends(store)) -> dict:
    found = s.get_entity(org_id, label="ORG")
    if found is None:
        raise HTTPException(404, f"no organisation {org_id}")
    return found


@router.get("/events", response_model=Page, summary="Events by type, person and organisation")
def events(type: str | None = None, person: str | None = None, org: str | None = None,  # noqa: A002
           status: str | None = None, limit: Limit = 50, offset: Offset = 0, s=Depends(store)):
    rows = s.list_events(type_=type, person=person, org=org, status=status, limit=limit, offset=offset)
    return _page(rows, s.count_events(type_=type, person=person, org=org, status=status), limit, offset)


@router.get("/search", response_model=Page, summary="Full text over articles and quotes")
def search(q: Annotated[str, Query(min_length=1)], limit: Limit = 50, s=Depends(store)):
    rows = s.search(q, limit=limit)
    return _page(rows, len(rows), limit, 0)


@router.post("/analyze", summary="Analyse a text without storing it")
def analyze_text(body: ArticleIn, request: Request) -> dict:
    return analyze(_article(body, request), Options()).to_output()


@router.post("/articles", status_code=201, summary="Analyse and store an article (needs the write token)")
def add_article(body: ArticleIn, request: Request, authorization: str | None = Header(None),
                s=Depends(store)) -> dict:
    token = request.app.state.settings.token
    if not token:
        raise HTTPException(403, "writes are disabled: start the server with a token (NEWSGRAPH_TOKEN)")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    article = _article(body, request)
    report = ingest_articles([article], s, Options())
    return {"id": article.id, **report.to_dict()}
