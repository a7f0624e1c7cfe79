"""RSS and Atom feeds saved as files: one article per entry, its content or summary as text."""
from __future__ import annotations

from ..outlets import outlet_of_url

import datetime as dt
from collections.abc import Iterator

from ..errors import InputError, MissingExtra, NoMainText
from ..model import Article
from .decode import check_size, text_id

BLOCKS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "br", "tr"}


def read_feed(data: bytes, source: str, max_bytes: int) -> Iterator[Article | InputError]:
    try:
        import feedparser
    except ImportError:
        raise MissingExtra("feedparser", "formats") from None
    check_size(data, source, max_bytes)
    feed = feedparser.parse(data)
    if not feed.entries:
        yield InputError(source, f"no feed entries ({feed.get('bozo_exception') or 'empty feed'})")
        return
    for number, entry in enumerate(feed.entries, 1):
        where = f"{source}#{entry.get('id') or entry.get('link') or number}"
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = _text(html)
        if not text:
            yield NoMainText(where, "the entry has no content or summary")
            continue
        title = entry.get("title")
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Article(id=text_id(text), text=text, source=source, input_id=entry.get("link") or where,
                      url=entry.get("link"), title=title,
                      published=dt.date(*parsed[:3]) if parsed else None, outlet=outlet_of_url(entry.get("link")))


def _text(html: str) -> str:
    """Paragraphs of an entry's HTML as plain text, one blank line between them."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n\n")]
    return "\n\n".join(line for line in lines if line)
