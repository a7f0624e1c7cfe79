"""Plain-text articles: one file, one article (its first line may be a headline)."""
from __future__ import annotations

from ..model import Article
from .decode import decode, text_id


def read_text(data: bytes, source: str, max_bytes: int) -> Article:
    """An article from a text file's bytes; the cleaner decides whether line 1 is a headline."""
    text = decode(data, source, max_bytes).replace("\r\n", "\n").replace("\r", "\n")
    return Article(id=text_id(text), text=text, source=source, input_id=source)
