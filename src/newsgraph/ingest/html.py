"""HTML pages: main text and metadata through trafilatura."""
from __future__ import annotations

import datetime as dt
import logging

from ..errors import NoMainText
from ..model import Article
from .decode import decode, text_id

LOGGER = logging.getLogger(__name__)


def read_html(data: bytes, source: str, max_bytes: int, url: str | None = None) -> Article:
    """The article in an HTML page; raises ``NoMainText`` when there is none."""
    import trafilatura

    html = decode(data, source, max_bytes)
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup; all mean "no text"
        LOGGER.debug("%s: trafilatura failed: %r", source, exc)
        doc = None
    text = (getattr(doc, "text", None) or "").strip()
    if not text:
        raise NoMainText(source, "no article text found in the HTML")
    text = text.replace("\r\n", "\n")
    return Article(
        id=text_id(text),
        text=text,
        source=source,
        input_id=source,
        url=getattr(doc, "url", None) or url,
        title=getattr(doc, "title", None) or None,
        published=_date(getattr(doc, "date", None)),
    )


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
