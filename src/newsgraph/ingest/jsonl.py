"""JSONL articles: one JSON object a line with ``id``, ``text`` and optional metadata."""
from __future__ import annotations

from ..outlets import outlet

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO, cast

from ..errors import InputError, InputTooLarge, MalformedRecord
from ..model import Article
from .decode import check_size, clean_text, decode, text_id, without_surrogates

CHUNK = 1 << 20  # bytes read at a time while skipping an over-long line


def read_jsonl(lines: Iterable[bytes] | BinaryIO, source: str, max_bytes: int) -> Iterator[Article | InputError]:
    """Yield an article, or the error that stopped it, for every non-blank line.

    From a file, lines are read at most ``max_bytes`` at a time: a longer line is refused
    and skipped without ever being held whole (a 2 GB line in a small gzip file).
    """
    rows = bounded_lines(cast(BinaryIO, lines), max_bytes) if hasattr(lines, "readline") else lines
    for number, raw in enumerate(rows, 1):
        where = f"{source}:{number}"
        if raw is None:
            yield InputTooLarge(where, f"a line over the limit of {max_bytes:,} bytes")
            continue
        if not raw.strip():
            continue
        try:
            yield _article(raw, where, source, max_bytes)
        except InputError as exc:
            yield exc


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a binary stream, each at most ``max_bytes``; ``None`` for a longer one."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line.endswith(b"\n") and len(line) == max_bytes + 1:
            yield line
            continue
        while line and not line.endswith(b"\n"):  # skip the rest of the long line, a bounded chunk at a time
            line = stream.readline(CHUNK)
        yield None


def _article(raw: bytes, where: str, source: str, max_bytes: int) -> Article:
    check_size(raw, where, max_bytes)
    try:
        row = json.loads(decode(raw, where, max_bytes))
    except json.JSONDecodeError as exc:
        raise MalformedRecord(where, f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(row, dict):
        raise MalformedRecord(where, "a JSON line must be an object")
    text = row.get("text")
    if not isinstance(text, str):
        raise MalformedRecord(where, "no 'text' string")
    # The text itself is cleaned like a file's (control characters; lone surrogates that
    # JSON's \\u escapes can carry) and refused when empty.
    text = clean_text(text, where)
    given = row.get("id")
    article_id = without_surrogates(str(given)) if given not in (None, "") else text_id(text)
    return Article(
        id=article_id,
        text=text,
        source=where,
        input_id=article_id,
        url=_str(row.get("url")),
        title=_str(row.get("title")),
        published=_date(row.get("published") or row.get("date"), where),
        outlet=outlet(row.get("outlet") or row.get("publisher") or row.get("source"), url=_str(row.get("url"))),
    )


def _str(value: object) -> str | None:
    return without_surrogates(str(value)) if value not in (None, "") else None


def _date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise MalformedRecord(where, f"'published' is not an ISO date: {value!r}") from None
