"""HTML pages: main text and metadata through trafilatura."""
from __future__ import annotations

from ..outlets import outlet

import datetime as dt
import logging
import re
from html import unescape

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
        # trafilatura gives up on some pages (nested 20,000 deep, odd markup): their visible text
        text = visible_text(html)
        if text:
            LOGGER.warning("%s: no main text found; using the page's visible text", source)
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
        outlet=outlet(site_name=getattr(doc, "sitename", None), url=getattr(doc, "url", None) or url),
    )


_INVISIBLE = re.compile(r"<(script|style|noscript|template|head)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"</?(?:p|div|br|h[1-6]|li|tr|section|article|blockquote|header|footer)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def visible_text(html: str) -> str:
    """What a browser would show of a page, paragraph by paragraph: a tag-stripping fallback
    that no nesting depth or broken markup can stop (regular expressions, no tree)."""
    text = _TAG.sub("", _BLOCK.sub("\n", _INVISIBLE.sub(" ", html)))
    lines = (" ".join(unescape(line).split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
