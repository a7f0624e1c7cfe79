"""Copies of stored articles under new ids, for load and latency benchmarks only (SQLite).

Every copy keeps its analysis (quotes, events, mentions, search rows) and its links to the
corpus entities and timeline, so queries see a corpus of realistic shape and size.
"""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine

_COPY = [
    "INSERT INTO articles (id, text_hash, input_id, source, url, title, published, text, ingested_at) "
    "SELECT id || :tag, text_hash || :tag, input_id || :tag, source, url, title, published, text, ingested_at "
    "FROM articles WHERE id NOT LIKE '%#%'",
    "INSERT INTO mentions (article_id, entity_id, start, \"end\", text) "
    "SELECT article_id || :tag, entity_id, start, \"end\", text FROM mentions WHERE article_id NOT LIKE '%#%'",
    "INSERT INTO quotes (article_id, start, \"end\", text, kind, speaker, speaker_id, speaker_start, speaker_end, cue, "
    "published) SELECT article_id || :tag, start, \"end\", text, kind, speaker, speaker_id, speaker_start, "
    "speaker_end, cue, published FROM quotes WHERE article_id NOT LIKE '%#%'",
    "INSERT INTO events (article_id, type, person, person_id, org, place, date, status, reason, timeline_id) "
    "SELECT article_id || :tag, type, person, person_id, org, place, date, status, reason, timeline_id "
    "FROM events WHERE article_id NOT LIKE '%#%'",
    # a quote's ref is "article_id:start": the tag goes on the article id
    "INSERT INTO search_index (kind, ref, body) SELECT kind, CASE WHEN kind = 'quote' THEN "
    "substr(ref, 1, instr(ref, ':') - 1) || :tag || substr(ref, instr(ref, ':')) ELSE ref || :tag END, body "
    "FROM search_index WHERE ref NOT LIKE '%#%'",
]


def replicate(engine: Engine, copies: int) -> None:
    """Add ``copies`` copies of every original article (ids suffixed '#N')."""
    for number in range(1, copies + 1):
        with engine.begin() as connection:
            for sql in _COPY:
                connection.execute(text(sql), {"tag": f"#{number}"})
    with engine.begin() as connection:
        factor = copies + 1
        connection.execute(text("UPDATE entities SET n_articles = n_articles * :f, n_mentions = n_mentions * :f, "
                                "n_quotes = n_quotes * :f"), {"f": factor})
