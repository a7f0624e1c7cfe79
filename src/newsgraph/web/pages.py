"""Server-rendered pages: Jinja2 templates with autoescaping; charts are inline SVG."""
from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from ..errors import NotFound
from ..model import QuoteKind, TrailFlag
from ..store.refs import QuoteRef
from . import MAX_ID, MAX_OFFSET, MAX_QUERY_CHARS
from .render import marked_text, timeline_svg

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE = 50
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Words = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]
Id = Annotated[int, Path(ge=0, le=MAX_ID)]
TOO_LONG = f"Searches are limited to {MAX_QUERY_CHARS} characters: try a few distinctive words."


def _render(request: Request, template: str, status: int = 200, **context):
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


def _pager(request: Request, total: int, offset: int, limit: int = PAGE) -> dict:
    def at(start: int) -> str:
        params = {k: v for k, v in request.query_params.items() if k != "offset" and v}
        return f"{request.url.path}?{urlencode({**params, 'offset': start})}"

    return {"total": total, "first": min(offset + 1, total), "last": min(offset + limit, total),
            "prev": at(max(offset - limit, 0)) if offset > 0 else None,
            "next": at(offset + limit) if offset + limit < total else None}


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise HTTPException(422, f"not a date: {value!r}") from None


@router.get("/")
def home(request: Request):
    store = request.app.state.store
    people, _ = store.find_people(limit=15)
    return _render(request, "home.html", stats=store.stats(), people=people)


@router.get("/search")
def search(request: Request, q: str = ""):
    store = request.app.state.store
    entities = []
    hits = []
    if len(q) > MAX_QUERY_CHARS:
        return _render(request, "search.html", 422, q=q[:MAX_QUERY_CHARS], entities=[], hits=[], message=TOO_LONG)
    q = q.replace("\x00", "")  # no name holds one, and PostgreSQL refuses it
    if q.strip():
        people, _ = store.find_people(q, limit=20)
        orgs, _ = store.find_people(q, limit=10, label="ORG")
        entities = [{**p, "label": "PERSON"} for p in people] + [{**o, "label": "ORG"} for o in orgs]
        for hit in store.search(q, limit=30, ranked=False):
            if hit["kind"] == "quote":
                article_id, start = QuoteRef.parse(hit["ref"])
                hit["href"] = f"/articles/{quote(article_id)}#q-{start}"
            else:
                hit["href"] = f"/articles/{quote(hit['ref'])}"
            hits.append(hit)
    return _render(request, "search.html", q=q, entities=entities, hits=hits)


@router.get("/people")
def people(request: Request, name: Words = None, offset: Offset = 0):
    rows, total = request.app.state.store.find_people(name, limit=PAGE, offset=offset)
    return _render(request, "people.html", heading="People", kind="people", rows=rows, name=name,
                   page=_pager(request, total, offset))


@router.get("/orgs")
def orgs(request: Request, name: Words = None, offset: Offset = 0):
    rows, total = request.app.state.store.find_people(name, limit=PAGE, offset=offset, label="ORG")
    return _render(request, "people.html", heading="Organisations", kind="orgs", rows=rows, name=name,
                   page=_pager(request, total, offset))


@router.get("/people/{person_id}")
def person(request: Request, person_id: Id):
    found = request.app.state.store.get_entity(person_id, label="PERSON")
    if found is None:
        raise NotFound(f"No person {person_id}.")
    return _render(request, "person.html", person=found, said=_by_article(found["quotes"]),
                   chart=timeline_svg(found["timeline"], lane="type"))


@router.get("/orgs/{org_id}")
def org(request: Request, org_id: Id):
    found = request.app.state.store.get_entity(org_id, label="ORG")
    if found is None:
        raise NotFound(f"No organisation {org_id}.")
    return _render(request, "org.html", org=found, said=_by_article(found["quotes"]),
                   chart=timeline_svg(found["membership"]))


def _by_article(quotes: list[dict]) -> list[dict]:
    """Quotes under the article they are from, in the order given (by date): a reader sees one
    headline and date for the several things a person said in one report."""
    groups: dict[str, dict] = {}
    for q in quotes:
        group = groups.setdefault(q["article_id"], {key: q.get(key) for key in ("article_id", "title", "source",
                                                                                  "published")} | {"quotes": []})
        group["quotes"].append(q)
    return list(groups.values())


@router.get("/articles")
def articles(request: Request, outlet: Words = None, offset: Offset = 0):
    store = request.app.state.store
    rows, total = store.list_articles(limit=PAGE, offset=offset, outlet=outlet or None)
    return _render(request, "articles.html", rows=rows, outlet=outlet, outlets=store.list_outlets(),
                   page=_pager(request, total, offset))


@router.get("/articles/{article_id:path}")
def article(request: Request, article_id: str):
    found = request.app.state.store.get_article(article_id)
    if found is None:
        raise NotFound(f"No article {article_id}.")
    text, title = found["text"], (found.get("title") or "").strip()
    # the headline is the page's heading: the body starts after it, not with it again
    lead = len(text) - len(text.lstrip())
    start = lead + len(title) if title and text[lead:lead + len(title)] == title else 0
    trail_at = request.app.state.store.trails_of_article(article_id)
    said = [{**q, "trail_id": trail_at.get(q["start"])} for q in found["quotes"]]
    return _render(request, "article.html", article=found, body=marked_text(text, said, start))


@router.get("/quotes")
def quotes(request: Request, q: str | None = None, speaker: Words = None, since: str | None = None,
           until: str | None = None, kind: QuoteKind | None = None, outlet: Words = None, fragments: bool = False,
           offset: Offset = 0):
    store = request.app.state.store
    shown = dict(q=q, speaker=speaker, since=since, until=until, kinds=list(QuoteKind), kind=kind, outlet=outlet,
                 outlets=store.list_outlets(), fragments=fragments)
    if q and len(q) > MAX_QUERY_CHARS:
        return _render(request, "quotes.html", 422, rows=[], **{**shown, "q": q[:MAX_QUERY_CHARS]},
                       page=_pager(request, 0, offset), message=TOO_LONG)
    # newest first; one-word fragments only when asked for
    filters = dict(speaker=speaker or None, search=q or None, since=_date(since), until=_date(until),
                   kind=str(kind) if kind else None, fragments=fragments, outlet=outlet or None)
    rows = store.list_quotes(**filters, limit=PAGE, offset=offset, newest_first=True)
    total = store.count_quotes(**filters)
    return _render(request, "quotes.html", rows=rows, **shown, page=_pager(request, total, offset))


@router.get("/trails")
def trails(request: Request, speaker: Words = None, flag: TrailFlag | None = None, offset: Offset = 0):
    store = request.app.state.store
    plain_flag = str(flag) if flag else None
    rows = store.list_trails(speaker=speaker or None, flag=plain_flag, limit=PAGE, offset=offset)
    return _render(request, "trails.html", rows=rows, speaker=speaker, flag=plain_flag, flags=list(TrailFlag),
                   page=_pager(request, store.count_trails(speaker=speaker or None, flag=plain_flag), offset))


@router.get("/trails/{trail_id}")
def trail(request: Request, trail_id: Id):
    found = request.app.state.store.quote_trail(trail_id)  # a trail's id is its first quote's id
    if found is None:
        raise NotFound(f"No trail {trail_id}.")
    return _render(request, "trail.html", trail=found)
