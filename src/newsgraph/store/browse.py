"""Reading the corpus one thing at a time, for the API and the web pages: an article with
its spans, a person or an organisation with everything the corpus says of them."""
from __future__ import annotations

import difflib
import re

from sqlalchemy import func, or_, select, true
from sqlalchemy.engine import Engine

from ..model import MEMBERSHIP_TYPES
from .queries import org_matches, plain_row
from .schema import aliases, articles, entities, event_evidence, events, mentions, quotes, roles, timeline



def list_articles(engine: Engine, limit: int = 50, offset: int = 0,
                  outlet: str | None = None) -> tuple[list[dict], int]:
    """Articles newest first, of one outlet when given."""
    condition = articles.c.outlet == outlet if outlet else true()
    with engine.connect() as connection:
        rows = connection.execute(
            select(articles.c.id, articles.c.title, articles.c.published, articles.c.source, articles.c.url,
                   articles.c.outlet).where(condition)
            .order_by(articles.c.published.desc(), articles.c.id.desc()).limit(limit).offset(offset)).mappings()
        total = connection.execute(select(func.count()).select_from(articles).where(condition)).scalar()
        assert total is not None  # a count always gives one row
        return [plain_row(r) for r in rows], total


def list_outlets(engine: Engine) -> list[dict]:
    """The outlets the store holds articles of, with how many, most first."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(articles.c.outlet, func.count().label("articles")).where(articles.c.outlet.is_not(None))
            .group_by(articles.c.outlet).order_by(func.count().desc(), articles.c.outlet)).mappings()
        return [dict(r) for r in rows]


def get_article(engine: Engine, article_id: str) -> dict | None:
    """The article's text with its quotes, entity mentions and events, all as character spans."""
    with engine.connect() as connection:
        row = connection.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        if row is None:
            return None
        article = plain_row(row)
        article.pop("text_hash", None)
        article["quotes"] = [plain_row(r) for r in connection.execute(
            select(quotes.c.id, quotes.c.start, quotes.c.end, quotes.c.kind, quotes.c.text, quotes.c.cue,
                   func.coalesce(entities.c.name, quotes.c.speaker).label("speaker"), quotes.c.speaker_id,
                   quotes.c.speaker_start, quotes.c.speaker_end)
            .outerjoin(entities, entities.c.id == quotes.c.speaker_id)
            .where(quotes.c.article_id == article_id).order_by(quotes.c.start)).mappings()]
        by_entity: dict[int, dict] = {}
        for r in connection.execute(
                select(mentions.c.entity_id, entities.c.name, entities.c.label, mentions.c.start, mentions.c.end,
                       mentions.c.text).join(entities, entities.c.id == mentions.c.entity_id)
                .where(mentions.c.article_id == article_id).order_by(mentions.c.start)).mappings():
            entity = by_entity.setdefault(r["entity_id"], {"id": r["entity_id"], "name": r["name"],
                                                           "label": r["label"], "mentions": []})
            entity["mentions"].append({"start": r["start"], "end": r["end"], "text": r["text"]})
        article["entities"] = list(by_entity.values())
        found = [plain_row(r) for r in connection.execute(
            select(events.c.id, events.c.type, func.coalesce(entities.c.name, events.c.person).label("person"),
                   events.c.person_id, events.c.org, events.c.place, events.c.date, events.c.status,
                   events.c.reason).outerjoin(entities, entities.c.id == events.c.person_id)
            .where(events.c.article_id == article_id).order_by(events.c.id)).mappings()]
        spans: dict[int, list[dict]] = {}
        for r in connection.execute(select(event_evidence).where(event_evidence.c.article_id == article_id)
                                    .order_by(event_evidence.c.start)).mappings():
            spans.setdefault(r["event_id"], []).append({"start": r["start"], "end": r["end"]})
        article["events"] = [{**e, "evidence": spans.get(e["id"], [])} for e in found]
        return article


def find_people(engine: Engine, name: str | None = None, limit: int = 50, offset: int = 0,
                label: str = "PERSON") -> tuple[list[dict], int]:
    """People (or organisations) whose name or alias holds the words of ``name`` in order, whatever
    stands between them ("Kilroy Silk" finds Robert Kilroy-Silk), most reported first; when nothing
    does, the names that come closest in spelling ("Louise Elman": Louise Ellman)."""
    with engine.connect() as connection:
        condition = entities.c.label == label
        words = re.findall(r"\w+", name.casefold()) if name else []
        if words:
            pattern = "%" + "%".join(words) + "%"
            condition = condition & or_(func.lower(entities.c.name).like(pattern), entities.c.id.in_(
                select(aliases.c.entity_id).where(func.lower(aliases.c.alias).like(pattern))))
        elif name:
            return [], 0  # only punctuation: no name holds it
        columns = (entities.c.id, entities.c.name, entities.c.n_articles.label("articles"),
                   entities.c.n_quotes.label("quotes"))
        rows = [dict(r) for r in connection.execute(
            select(*columns).where(condition)
            .order_by(entities.c.n_articles.desc(), entities.c.name).limit(limit).offset(offset)).mappings()]
        total = connection.execute(select(func.count()).select_from(entities).where(condition)).scalar()
        assert total is not None  # a count always gives one row
        if total or not words or offset:
            return rows, total
        near = _closest(connection, " ".join(words), label)
        if not near:
            return [], 0
        found = [dict(r) for r in connection.execute(
            select(*columns).where(entities.c.id.in_(near))).mappings()]
        found.sort(key=lambda r: near.index(r["id"]))
        return [{**r, "closest": True} for r in found[:limit]], len(found)


MAX_CLOSEST = 5
CLOSEST_CUTOFF = 0.8  # difflib's ratio: "louise elman" ~ "louise ellman" 0.96, unrelated names < 0.6


def _closest(connection, wanted: str, label: str) -> list[int]:
    """The ids of the names spelt most like ``wanted``: the whole name, or its last words
    ("kilroy silck" against "robert kilroy-silk"), best first."""
    best: dict[int, float] = {}
    size = len(wanted.split())
    for entity_id, name in connection.execute(select(entities.c.id, entities.c.name).where(entities.c.label == label)):
        words = re.findall(r"\w+", name.casefold())
        for form in {" ".join(words), " ".join(words[-size:])}:
            matcher = difflib.SequenceMatcher(None, wanted, form)
            if matcher.real_quick_ratio() >= CLOSEST_CUTOFF and matcher.quick_ratio() >= CLOSEST_CUTOFF:
                ratio = matcher.ratio()
                if ratio >= CLOSEST_CUTOFF and ratio > best.get(entity_id, 0):
                    best[entity_id] = ratio
    return sorted(best, key=lambda i: -best[i])[:MAX_CLOSEST]


def get_entity(engine: Engine, entity_id: int, label: str | None = None, quote_limit: int = 50) -> dict | None:
    """A person or organisation (None unless of ``label``, when given): names, roles, quotes,
    events as reported and the timeline."""
    with engine.connect() as connection:
        row = connection.execute(select(entities).where(entities.c.id == entity_id)).mappings().first()
        if row is None or label and row["label"] != label:
            return None
        entity = {"id": row["id"], "name": row["name"], "label": row["label"], "gender": row["gender"],
                  "articles": row["n_articles"], "mentions": row["n_mentions"], "quote_count": row["n_quotes"]}
        entity["aliases"] = sorted(set(connection.execute(
            select(aliases.c.alias).where(aliases.c.entity_id == entity_id)).scalars()) - {row["name"]})
        entity["roles"] = list(connection.execute(
            select(roles.c.role).where(roles.c.entity_id == entity_id)
            .order_by(roles.c.n_articles.desc(), roles.c.role).limit(10)).scalars())
        entity["quotes"] = [plain_row(r) for r in connection.execute(
            select(quotes.c.article_id, quotes.c.start, quotes.c.end, quotes.c.kind, quotes.c.text,
                   quotes.c.published, articles.c.title, articles.c.source)
            .join(articles, articles.c.id == quotes.c.article_id).where(quotes.c.speaker_id == entity_id)
            .order_by(quotes.c.published, quotes.c.article_id, quotes.c.start).limit(quote_limit)).mappings()]
        entity["events"] = [plain_row(r) for r in connection.execute(
            select(events.c.article_id, events.c.type, events.c.org, events.c.place, events.c.date,
                   events.c.status, events.c.reason).where(events.c.person_id == entity_id)
            .order_by(events.c.date, events.c.article_id).limit(200)).mappings()]
        entity["timeline"] = _timeline(connection, timeline.c.person_id == entity_id)
        if row["label"] == "ORG":
            names = [row["name"], *entity["aliases"]]
            entity["membership"] = _timeline(connection, or_(*(org_matches(timeline.c.org, n) for n in names))
                                             & timeline.c.type.in_(MEMBERSHIP_TYPES))
        return entity


def _timeline(connection, condition) -> list[dict]:
    rows = [plain_row(r) for r in connection.execute(
        select(timeline.c.id, timeline.c.date, timeline.c.type, timeline.c.person_id,
               func.coalesce(entities.c.name, timeline.c.person).label("person"), timeline.c.org,
               timeline.c.place, timeline.c.reason)
        .outerjoin(entities, entities.c.id == timeline.c.person_id).where(condition).limit(500)).mappings()]
    sources: dict[int, list[str]] = {}
    if rows:
        for event_id, article_id in connection.execute(
                select(events.c.timeline_id, events.c.article_id).where(
                    events.c.timeline_id.in_([r["id"] for r in rows])).distinct().limit(5000)):
            sources.setdefault(event_id, []).append(article_id)
    for row in rows:
        row["articles"] = sorted(sources.get(row["id"], []))[:10]
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["person"] or ""))
    return rows
