"""Typed references to stored things, as the search index writes them."""
from __future__ import annotations

from typing import NamedTuple


class QuoteRef(NamedTuple):
    """Where a quote is: its article and the offset it starts at (``"article:start"`` in the index)."""

    article_id: str
    start: int

    def __str__(self) -> str:
        return f"{self.article_id}:{self.start}"

    @classmethod
    def parse(cls, ref: str) -> QuoteRef:
        article_id, start = ref.rsplit(":", 1)
        return cls(article_id, int(start))
