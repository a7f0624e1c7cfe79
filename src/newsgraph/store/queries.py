"""Reading the corpus: quotes, events, timelines, people, full-text search and counts.

Every function takes an engine and returns plain dicts, ready for any output format.
"""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import and_, case, false, func, or_, select, text, tuple_
from sqlalchemy.engine import Connection, Engine

from .. import link
from .refs import QuoteRef
from .schema import aliases, articles, entities, events, failures, mentions, quotes, roles, timeline


# "anti-Semitism", "anti Semitism" and "antisemitism" are one word to a reader: prefixes written
# with a hyphen (or, for "anti", a space) are joined in the index and in every search
_JOINED_PREFIX = re.compile(r"\b(anti|non|pro|pre|post|co|ex)-(?=[^\W\d_])|\b(anti) (?=semit)", re.IGNORECASE)


def searchable(text: str) -> str:
    """The text as the search index reads it: prefix compounds written as one word."""
    return _JOINED_PREFIX.sub(lambda m: m.group(1) or m.group(2), text)


def index_for_search(connection: Connection, article_id: str, title: str | None, body: str,
                     quote_rows: list[tuple[str, str]]) -> None:
    # the title once: a text that opens with its headline is not given it again (snippets showed it twice)
    heading = "" if not title or body.lstrip().startswith(title.strip()) else f"{title}\n"
    rows = [{"kind": "article", "ref": article_id, "body": searchable(f"{heading}{body}")}]
    rows += [{"kind": "quote", "ref": ref, "body": searchable(quote)} for ref, quote in quote_rows]
    connection.execute(text("INSERT INTO search_index (kind, ref, body) VALUES (:kind, :ref, :body)"), rows)


def find_entities(connection: Connection, name: str, label: str | None = None) -> list[int]:
    """Corpus entities a user's name refers to: by key or alias ("Mr Blair", "Labour", "JLM")."""
    keys = {link.name_key(name), link.org_key(name)}
    query = select(entities.c.id).where(entities.c.key.in_(keys))
    by_alias = select(aliases.c.entity_id).where(aliases.c.key.in_(keys))
    if label:
        query = query.where(entities.c.label == label)
        by_alias = by_alias.join(entities, entities.c.id == aliases.c.entity_id).where(entities.c.label == label)
    found = list(dict.fromkeys([*connection.execute(query).scalars(), *connection.execute(by_alias).scalars()]))
    if not found and label != "ORG":
        found = _role_holder(connection, name)
    if not found and len(link.name_key(name).split()) == 1:
        last = link.name_key(name)
        found = list(connection.execute(select(entities.c.id).where(
            entities.c.label == "PERSON", or_(entities.c.key == last, entities.c.key.like(f"% {last}")))).scalars())
    return found


def _role_holder(connection: Connection, name: str) -> list[int]:
    """'the prime minister': the person the corpus most often writes that office beside."""
    role = " ".join(w for w in name.casefold().split() if w not in {"the", "a", "an"})
    found = connection.execute(select(roles.c.entity_id).where(func.lower(roles.c.role) == role)
                               .order_by(roles.c.n_articles.desc(), roles.c.entity_id).limit(1)).scalar()
    return [found] if found is not None else []


def identity_audit(engine: Engine) -> list[dict]:
    """Corpus people whose mentions disagree: two first names ('Tony Blair' and 'Cherie Blair') or
    both men's and women's titles. Each is a likely wrong merge for a person to look at."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(mentions.c.entity_id, entities.c.name, mentions.c.start, mentions.c.text,
                   # the 11 characters before the mention (SQL counts from 1), where a title stands
                   func.substr(articles.c.text, case((mentions.c.start >= 11, mentions.c.start - 10), else_=1),
                               case((mentions.c.start >= 11, 11), else_=mentions.c.start)).label("before"))
            .join(entities, entities.c.id == mentions.c.entity_id)
            .join(articles, articles.c.id == mentions.c.article_id)
            .where(entities.c.label == "PERSON")).mappings()
        first_names: dict[int, set[str]] = {}
        genders: dict[int, set[str]] = {}
        names: dict[int, str] = {}
        for row in rows:
            names[row["entity_id"]] = row["name"]
            words = link.name_key(row["text"]).split()
            # "Kilroy-Silk", "O'Brien": the rest of a surname is no first name
            if len(words) > 1 and words[0] not in link.name_key(row["name"]).split()[1:]:
                first_names.setdefault(row["entity_id"], set()).add(words[0])
            gender = link.gender_before(row["before"], len(row["before"]))
            if gender:
                genders.setdefault(row["entity_id"], set()).add(gender)
    return [{"id": i, "name": names[i], "first_names": sorted(first_names.get(i, ())),
             "genders": sorted(genders.get(i, ()))}
            for i in sorted(names) if len(first_names.get(i, ())) > 1 or len(genders.get(i, ())) > 1]


def surface_forms(engine: Engine) -> dict[str, list[str]]:
    """Each person's distinct mention texts across the corpus, most frequent first."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(entities.c.name, mentions.c.text, func.count().label("n"))
            .join(mentions, mentions.c.entity_id == entities.c.id).where(entities.c.label == "PERSON")
            .group_by(entities.c.name, mentions.c.text).order_by(entities.c.name, func.count().desc()))
        forms: dict[str, list[str]] = {}
        for name, form, _ in rows:
            forms.setdefault(name, []).append(form)
        return forms


def list_quotes(engine: Engine, speaker: str | None = None, search: str | None = None,
                since: dt.date | None = None, until: dt.date | None = None, limit: int = 1000,
                offset: int = 0, kind: str | None = None, newest_first: bool = False,
                fragments: bool = True, outlet: str | None = None) -> list[dict]:
    """Quotes by the filters, in publication order (``newest_first``: the reading room's order);
    ``fragments=False`` leaves out one-word quoted fragments ("hurt", "terrified")."""
    with engine.connect() as connection:
        query = (select(quotes.c.article_id, quotes.c.start, quotes.c.end, quotes.c.kind,
                        func.coalesce(entities.c.name, quotes.c.speaker).label("speaker"),
                        quotes.c.speaker_id, quotes.c.text, quotes.c.published, articles.c.title, articles.c.source,
                        articles.c.outlet)
                 .join(articles, articles.c.id == quotes.c.article_id)
                 .outerjoin(entities, entities.c.id == quotes.c.speaker_id))
        query = _quote_filters(connection, query, speaker, search, since, until, limit + offset, kind, fragments,
                               outlet)
        when = quotes.c.published.desc().nulls_last() if newest_first else quotes.c.published
        query = query.order_by(when, quotes.c.article_id, quotes.c.start).limit(limit).offset(offset)
        return [plain_row(row) for row in connection.execute(query).mappings()]


def count_quotes(engine: Engine, speaker: str | None = None, search: str | None = None,
                 since: dt.date | None = None, until: dt.date | None = None, most: int = 1000,
                 kind: str | None = None, fragments: bool = True, outlet: str | None = None) -> int:
    """How many quotes ``list_quotes`` pages through (a word search counts its first ``most`` matches)."""
    with engine.connect() as connection:
        query = _quote_filters(connection, select(func.count()).select_from(quotes), speaker, search, since, until,
                               most, kind, fragments, outlet)
        total = connection.execute(query).scalar()
        assert total is not None  # a count always gives one row
        return total


def _quote_filters(connection: Connection, query, speaker, search, since, until, most: int, kind=None,
                   fragments: bool = True, outlet: str | None = None):
    if outlet:  # the outlet's articles, through the index on articles.outlet
        query = query.where(quotes.c.article_id.in_(select(articles.c.id).where(articles.c.outlet == outlet)))
    if kind:
        query = query.where(quotes.c.kind == str(kind))
    if not fragments:  # a one-word fragment is a quote of its sentence's speaker, not worth a row
        query = query.where(or_(quotes.c.kind != "mixed", quotes.c.text.contains(" ")))
    if speaker:
        ids = find_entities(connection, speaker)
        query = query.where(quotes.c.speaker_id.in_(ids) if ids else quotes.c.speaker == speaker)
    if search:
        # through the full-text index, not a scan of every quote
        pairs = [tuple(QuoteRef.parse(r["ref"])) for r in _match(connection, search, "quote", most, ranked=False)]
        # the article ids let the database use its index; the pairs then pick the quotes
        query = query.where(quotes.c.article_id.in_({a for a, _ in pairs}),
                            tuple_(quotes.c.article_id, quotes.c.start).in_(pairs) if pairs else false())
    if since:
        query = query.where(quotes.c.published >= since)
    if until:
        query = query.where(quotes.c.published <= until)
    return query


def list_events(engine: Engine, type_: str | None = None, person: str | None = None, org: str | None = None,
                status: str | None = None, limit: int = 1000, offset: int = 0) -> list[dict]:
    with engine.connect() as connection:
        query = (select(events.c.article_id, events.c.type, func.coalesce(entities.c.name, events.c.person)
                        .label("person"), events.c.person_id, events.c.org, events.c.place, events.c.date,
                        events.c.status, events.c.reason, articles.c.title, articles.c.source)
                 .join(articles, articles.c.id == events.c.article_id)
                 .outerjoin(entities, entities.c.id == events.c.person_id))
        query = _event_filters(connection, query, type_, person, org, status)
        query = query.order_by(events.c.date, events.c.article_id).limit(limit).offset(offset)
        return [plain_row(row) for row in connection.execute(query).mappings()]


def count_events(engine: Engine, type_: str | None = None, person: str | None = None, org: str | None = None,
                 status: str | None = None) -> int:
    with engine.connect() as connection:
        query = _event_filters(connection, select(func.count()).select_from(events), type_, person, org, status)
        total = connection.execute(query).scalar()
        assert total is not None  # a count always gives one row
        return total


def _event_filters(connection: Connection, query, type_, person, org, status):
    if type_:
        query = query.where(events.c.type == type_)
    if person:
        query = query.where(events.c.person_id.in_(find_entities(connection, person, "PERSON")))
    if org:
        query = query.where(org_matches(events.c.org, org))
    if status:
        query = query.where(events.c.status == status)
    return query


def org_matches(column, org: str):
    """An event's body names this organisation: 'Labour' finds 'Labour Party', 'Tories' 'Conservative Party'."""
    from ..extract.lexicon import canonical_party

    names = {org, canonical_party(org), org.removeprefix("the ").strip()}
    return or_(*(func.lower(column) == n.lower() for n in names))


def get_timeline(engine: Engine, name: str) -> list[dict]:
    """A person's or an organisation's events in date order (undated last), with reasons and sources."""
    with engine.connect() as connection:
        people = find_entities(connection, name, "PERSON")
        orgs = find_entities(connection, name, "ORG")
        query = (select(timeline.c.id, timeline.c.date, timeline.c.type, entities.c.name.label("person"),
                        timeline.c.org, timeline.c.place, timeline.c.reason)
                 .outerjoin(entities, entities.c.id == timeline.c.person_id))
        conditions = []
        if people:
            conditions.append(timeline.c.person_id.in_(people))
        if orgs or not people:
            conditions.append(org_matches(timeline.c.org, name))
            org_names = connection.execute(select(entities.c.name).where(entities.c.id.in_(orgs))).scalars().all()
            conditions += [org_matches(timeline.c.org, n) for n in org_names]
        rows = [dict(r) for r in connection.execute(query.where(or_(*conditions))).mappings()]
        for row in rows:
            row["sources"] = sorted(set(connection.execute(
                select(articles.c.input_id).join(events, events.c.article_id == articles.c.id)
                .where(events.c.timeline_id == row["id"])).scalars()))
        rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["person"] or ""))
        return rows


def list_people(engine: Engine, limit: int = 1000) -> list[dict]:
    """People, most widely reported first (counts kept by the writer, so no scan of mentions)."""
    with engine.connect() as connection:
        query = (select(entities.c.name, entities.c.n_articles.label("articles"),
                        entities.c.n_mentions.label("mentions"), entities.c.n_quotes.label("quotes"))
                 .where(entities.c.label == "PERSON")
                 .order_by(entities.c.n_articles.desc(), entities.c.name).limit(limit))
        return [plain_row(row) for row in connection.execute(query).mappings()]


def search(engine: Engine, terms: str, limit: int = 50, ranked: bool = True) -> list[dict]:
    """Full text over articles and quotes: FTS5 on SQLite, tsvector on PostgreSQL; best first unless
    ``ranked`` is false (then in index order, which stays fast for words in every other article)."""
    with engine.connect() as connection:
        return _described(connection, _match(connection, terms, None, limit, ranked))


# the index marks matched words with characters no text holds; results say [like this] and give
# the offsets of each match in the snippet (``matches``), so a page can mark them safely
MATCH_OPEN, MATCH_CLOSE = "\ue000", "\ue001"


def _matches(marked: str) -> tuple[str, list[list[int]]]:
    pieces: list[str] = []
    matches: list[list[int]] = []
    length = 0
    for piece in re.split(f"({MATCH_OPEN}[^{MATCH_CLOSE}]*{MATCH_CLOSE})", marked):
        if piece.startswith(MATCH_OPEN):
            matches.append([length + 1, length + len(piece) - 1])
            piece = "[" + piece[1:-1] + "]"
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces), matches


def _described(connection: Connection, hits: list[dict]) -> list[dict]:
    """Each hit with what a reader needs to place it: the article's id, title and date, and a
    quote's speaker and offset (the index keeps only a ref)."""
    refs = [QuoteRef.parse(h["ref"]) if h["kind"] == "quote" else None for h in hits]
    ids = {ref.article_id if ref else h["ref"] for ref, h in zip(refs, hits, strict=True)}
    titles = {r.id: (r.title, r.published, r.source) for r in connection.execute(
        select(articles.c.id, articles.c.title, articles.c.published, articles.c.source)
        .where(articles.c.id.in_(ids)))} if ids else {}
    # the words the index joined ("antiSemitism"), as each article writes them ("anti-Semitism")
    joined = [h for h in hits if _JOINED_WORD.search(h["snippet"] or "")]
    written = {r.id: _written_forms(r.text) for r in connection.execute(
        select(articles.c.id, articles.c.text).where(articles.c.id.in_(
            {ref.article_id if ref else h["ref"] for ref, h in zip(refs, hits, strict=True) if h in joined})))
               } if joined else {}
    pairs = [tuple(ref) for ref in refs if ref]
    speakers = {(r.article_id, r.start): r.speaker for r in connection.execute(
        select(quotes.c.article_id, quotes.c.start, func.coalesce(entities.c.name, quotes.c.speaker).label("speaker"))
        .outerjoin(entities, entities.c.id == quotes.c.speaker_id)
        .where(quotes.c.article_id.in_({a for a, _ in pairs}), tuple_(quotes.c.article_id, quotes.c.start).in_(pairs)))
    } if pairs else {}
    out = []
    for ref, hit in zip(refs, hits, strict=True):
        article_id = ref.article_id if ref else hit["ref"]
        title, published, source = titles.get(article_id, (None, None, None))
        snippet, matches = _matches(_as_written(hit["snippet"] or "", written.get(article_id, {})))
        out.append({**hit, "snippet": snippet, "matches": matches, "article_id": article_id, "title": title,
                    "source": source,
                    "published": published.isoformat() if published else None,
                    "speaker": speakers.get((ref.article_id, ref.start)) if ref else None,
                    "start": ref.start if ref else None})
    return out


# a joined word that shows it was joined ("antiSemitism", "nonEU": a capital after the prefix); only
# snippets with one need their article's text read to put it back ("antiwar" is left as it is)
_JOINED_WORD = re.compile(r"\b(?i:anti|non|pro|pre|post|co|ex)[A-Z]\w*")
_PREFIXED = re.compile(r"\b(?:anti|non|pro|pre|post|co|ex)[- ][^\W\d_]+", re.IGNORECASE)


def _written_forms(text: str) -> dict[str, str]:
    """joined form -> the form a text writes: {"antiSemitism": "anti-Semitism"} (the first one)."""
    forms: dict[str, str] = {}
    for found in _PREFIXED.finditer(text):
        forms.setdefault(searchable(found.group()), found.group())  # "antiSemitism": its case tells it apart
    return forms


def _as_written(snippet: str, forms: dict[str, str]) -> str:
    """A snippet's joined words put back as the article writes them; a word the article writes
    joined itself ("antisemitism") stays as it is."""
    return _JOINED_WORD.sub(lambda m: forms.get(m.group(), m.group()), snippet) if forms else snippet


def search_words(terms: str) -> list[str]:
    """The words of a user's search, never search syntax: each space-separated word as its runs
    of letters and digits ("don't" -> "don t", as the index splits it; quotes, operators, NUL and
    the like drop out), at most ``SEARCH_MAX_WORDS`` runs in all."""
    words: list[str] = []
    left = SEARCH_MAX_WORDS
    for chunk in terms.split():
        runs = _WORD.findall(chunk)[:left]
        if runs:
            words.append(" ".join(runs))
            left -= len(runs)
        if not left:
            break
    return words


# Every word must match, so past a score of words a search finds nothing new, while each word
# costs the engine a pass over its postings: the rest are dropped.
SEARCH_MAX_WORDS = 20
_WORD = re.compile(r"[^\W_]+")


def _match(connection: Connection, terms: str, kind: str | None, limit: int, ranked: bool = True) -> list[dict]:
    """Full-text hits, best first; unranked hits (for callers that order by date) stop at ``limit``
    without scoring every match. Terms without a word find nothing."""
    words = search_words(searchable(terms))
    if not words:
        return []
    only = "AND kind = :kind " if kind else ""
    if connection.dialect.name == "sqlite":
        sql = text(f"SELECT kind, ref, snippet(search_index, 2, '{MATCH_OPEN}', '{MATCH_CLOSE}', ' ... ', 12) "
                   f"AS snippet FROM search_index WHERE search_index MATCH :q {only}"
                   f"{'ORDER BY rank ' if ranked else ''}LIMIT :n")
        # each word an FTS5 string, a phrase of its runs ("" would escape a quote; words hold none)
        query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    else:
        sql = text("SELECT kind, ref, ts_headline('english', body, plainto_tsquery('english', :q), "
                   f"'StartSel={MATCH_OPEN},StopSel={MATCH_CLOSE},MaxWords=20,MinWords=8') AS snippet "
                   "FROM search_index "
                   f"WHERE tsv @@ plainto_tsquery('english', :q) {only}"
                   + ("ORDER BY ts_rank(tsv, plainto_tsquery('english', :q)) DESC " if ranked else "") + "LIMIT :n")
        query = " ".join(words)
    return [dict(r) for r in connection.execute(sql, {"q": query, "n": limit, "kind": kind}).mappings()]


def stats(engine: Engine) -> dict:
    with engine.connect() as connection:
        count = lambda table, *where: connection.execute(  # noqa: E731
            select(func.count()).select_from(table).where(and_(True, *where))).scalar()
        return {
            "articles": count(articles),
            "quotes": count(quotes),
            "events": count(events),
            "timeline_events": count(timeline),
            "entities": count(entities),
            "people": count(entities, entities.c.label == "PERSON"),
            "organisations": count(entities, entities.c.label == "ORG"),
            "failures": count(failures),
        }


def list_failures(engine: Engine) -> list[dict]:
    with engine.connect() as connection:
        return [plain_row(r) for r in connection.execute(select(failures).order_by(failures.c.failed_at)).mappings()]


def table_rows(engine: Engine, name: str):
    """Every row of one table, for export."""
    from .schema import metadata

    with engine.connect() as connection:
        for row in connection.execute(select(metadata.tables[name])).mappings():
            yield plain_row(row)


def plain_row(row) -> dict:
    """A result row as a plain dict, dates as ISO text: what the API, pages and exports return."""
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in dict(row).items()}



def graph(engine: Engine) -> tuple[list[dict], list[dict]]:
    """People and organisations as nodes; co-mentions, quotes-about and events as weighted edges."""
    with engine.connect() as connection:
        nodes = [dict(r) for r in connection.execute(select(entities.c.id, entities.c.name, entities.c.label))
                 .mappings()]
        a, b = mentions.alias("a"), mentions.alias("b")
        co = connection.execute(
            select(a.c.entity_id.label("source"), b.c.entity_id.label("target"),
                   func.count(func.distinct(a.c.article_id)).label("weight"))
            .join(b, and_(a.c.article_id == b.c.article_id, a.c.entity_id < b.c.entity_id))
            .group_by(a.c.entity_id, b.c.entity_id)).mappings()
        edges = [{**r, "kind": "co_mention"} for r in co]
        about = connection.execute(
            select(quotes.c.speaker_id.label("source"), mentions.c.entity_id.label("target"),
                   func.count().label("weight"))
            .join(mentions, and_(mentions.c.article_id == quotes.c.article_id, mentions.c.start >= quotes.c.start,
                                 mentions.c.end <= quotes.c.end))
            .where(quotes.c.speaker_id.is_not(None), quotes.c.speaker_id != mentions.c.entity_id)
            .group_by(quotes.c.speaker_id, mentions.c.entity_id)).mappings()
        edges += [{**r, "kind": "quotes_about"} for r in about]
        org_ids = {link.org_key(n["name"]): n["id"] for n in nodes if n["label"] == "ORG"}
        for row in connection.execute(select(timeline.c.person_id, timeline.c.org, timeline.c.type, timeline.c.date)
                                      .where(timeline.c.person_id.is_not(None))).mappings():
            target = org_ids.get(link.org_key(row["org"])) if row["org"] else None
            if target is not None:
                edges.append({"source": row["person_id"], "target": target, "weight": 1, "kind": row["type"],
                              "date": row["date"]})
        return nodes, edges
