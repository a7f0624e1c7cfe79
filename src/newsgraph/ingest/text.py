"""Plain-text articles: one file, one article (its first line may be a headline)."""
from __future__ import annotations

import html
import re

from ..model import Article
from .decode import decode, text_id

# "Blair&#191;s", "Caf&#233;", "&amp;": HTML character references left in text by a scraper
_REFERENCE = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
# "Blair¿s": U+00BF never stands inside an English word; it is a lost apostrophe
_LOST_APOSTROPHE = re.compile(r"(?<=\w)\u00bf(?=\w)")


def read_text(data: bytes, source: str, max_bytes: int, references: bool = True) -> Article:
    """An article from a text file's bytes; the cleaner decides whether line 1 is a headline.

    ``references=False`` keeps character references as written (a text posted to the API, whose
    offsets are the caller's)."""
    text = decode(data, source, max_bytes).replace("\r\n", "\n").replace("\r", "\n")
    if references:
        text = decode_references(text)
    return Article(id=text_id(text), text=text, source=source, input_id=source)


def decode_references(text: str) -> str:
    """Character references decoded once, lost apostrophes restored: a text file's words as a
    reader sees them ("Blair's", not "Blair&#191;s"). JSONL texts are left exactly as given:
    their offsets are the caller's."""
    if "&" in text:
        text = _REFERENCE.sub(lambda m: html.unescape(m.group()), text)
    return _LOST_APOSTROPHE.sub("'", text)
