"""Embedded social posts as quotes of kind ``post``, spoken by their signing author."""
from __future__ import annotations

from ..model import Post, Quote, QuoteKind


def post_quotes(posts: tuple[Post, ...]) -> list[Quote]:
    """One ``post`` quote per embedded post; unsigned posts have no speaker."""
    return [Quote(start=p.start, end=p.end, text=p.text, kind=QuoteKind.POST, speaker=p.author) for p in posts]
