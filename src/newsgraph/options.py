"""The one options object passed down a whole run (trafilatura's habit)."""
from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for reading and analysing articles.

    ``max_bytes``: inputs larger than this are refused (E104).
    ``model``: spaCy model name; ``None`` means ``NEWSGRAPH_MODEL`` or the default model.
    ``batch_size``: documents per ``nlp.pipe`` batch.
    ``day_first``: read ``05/04/2017`` as 5 April (UK order) rather than May 4.
    ``trails_at_ingest``: place each stored quote in its trail as it is stored; off, a bulk load
    leaves the trails to ``newsgraph relink``.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    model: str | None = None
    batch_size: int = 32
    day_first: bool = True
    trails_at_ingest: bool = True
