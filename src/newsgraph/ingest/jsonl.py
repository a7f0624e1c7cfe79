"""JSONL articles: one JSON object a line with ``id``, ``text`` and optional metadata."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

from ..errors import InputError, MalformedRecord
from ..model import Article
from .decode import check_size, decode, text_id


def read_jsonl(lines: Iterable[bytes], source: str, max_bytes: int) -> Iterator[Article | InputError]:
    """Yield an article, or the error that stopped it, for every non-blank line."""
    for number, raw in enumerate(lines, 1):
        where = f"{source}:{number}"
        if not raw.strip():
            continue
        try:
            yield _article(raw, where, source, max_bytes)
        except InputError as exc:
            yield exc


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
    # The text itself must pass the same checks as a file's: empty, control characters.
    decode(text.encode("utf-8"), where, max_bytes)
    given = row.get("id")
    article_id = str(given) if given not in (None, "") else text_id(text)
    return Article(
        id=article_id,
        text=text,
        source=where,
        input_id=article_id,
        url=_str(row.get("url")),
        title=_str(row.get("title")),
        published=_date(row.get("published") or row.get("date"), where),
    )


def _str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise MalformedRecord(where, f"'published' is not an ISO date: {value!r}") from None
