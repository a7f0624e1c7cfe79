"""The outlet that published an article: named by the input, else its site name, else its URL's domain."""
from __future__ import annotations

from urllib.parse import urlsplit


def outlet_of_url(url: str | None) -> str | None:
    """'https://www.bbc.co.uk/news/x' -> 'bbc.co.uk'."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.")
    return host or None


def outlet(named: object = None, site_name: object = None, url: str | None = None) -> str | None:
    for value in (named, site_name):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return outlet_of_url(url)
