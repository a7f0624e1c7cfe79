"""The quote-trail commands: ``trail`` (one quote's appearances) and ``variants`` (trails by flag)."""
from __future__ import annotations

import sys

import click

from .cli_store import emit, existing_store, no_one_called, db_option, format_option
from .store.trails import FLAGS


def _diff_text(diff) -> str:
    """'that makes me [-really-] {+so+} smart': what is missing here in [- -], what is only here in {+ +}."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks[op].format(words) for op, words in diff)


def _appearance_rows(found: dict) -> list[dict]:
    return [{"published": a["published"], "outlet": a["outlet"], "speaker": a["speaker"], "relation": a["relation"],
             "flags": ",".join(a["flags"]), "text": a["text"], "changes": _diff_text(a["diff"]),
             "article_id": a["article_id"], "quote_id": a["quote_id"]} for a in found["appearances"]]


def register(main: click.Group) -> None:
    @main.command()
    @click.argument("words", required=False)
    @click.option("--quote-id", type=int, help="The stored quote's id (from `trail` or the API) instead of words.")
    @db_option
    @format_option
    def trail(words, quote_id, db, fmt):
        """Where a quote appeared: every report of it in date order, with outlet, speaker and changes.

        WORDS are some words of the quote; the first appearance comes first, and CHANGES shows each
        report against the fullest one ([-missing here-] {+only here+}).
        """
        if not words and quote_id is None:
            raise click.UsageError("give some WORDS of the quote or --quote-id")
        store = existing_store(db)
        found = store.quote_trail(quote_id) if quote_id is not None else store.trail_for_words(words)
        if found is None:
            raise click.ClickException("no quote in more than one report matches: nothing to trail")
        if sys.stdout.isatty() and not fmt:
            click.echo(f"trail {found['id']}: {found['n_quotes']} reports in {found['n_articles']} articles, "
                       f"outlets {', '.join(found['outlets']) or '-'}, flags {', '.join(found['flags']) or '-'}")
        emit(_appearance_rows(found), fmt)

    @main.command()
    @click.option("--speaker", help="Only trails with a report attributed to this person (any name the corpus knows).")
    @click.option("--flag", type=click.Choice(FLAGS), help="Only trails where some report has this change.")
    @click.option("--limit", type=int, default=100, show_default=True, help="At most this many trails.")
    @db_option
    @format_option
    def variants(speaker, flag, limit, db, fmt):
        """Quotes reported in more than one article, the most repeated first, with what changed."""
        store = existing_store(db)
        found = store.list_trails(speaker=speaker, flag=flag, limit=limit)
        if speaker and not found:
            no_one_called(store, speaker)
        emit([{"trail": t["id"], "articles": t["n_articles"], "outlets": ",".join(t["outlets"]),
                "speakers": "; ".join(t["speakers"]), "flags": ",".join(t["flags"]),
                "first": t["first"]["published"], "fullest": t["fullest"]["text"]} for t in found], fmt)
