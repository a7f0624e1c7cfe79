"""newsgraph: an evidence-linked record of who said what, who did what to whom, when and why."""
from __future__ import annotations

__version__ = "0.1.0"

from .model import Analysis, Article, Entity, Event, Mention, Post, Quote, Region, Span, TimeValue  # noqa: E402
from .options import Options  # noqa: E402


def analyze(article: Article, options: Options = Options()) -> Analysis:
    """Analyse one article (see ``newsgraph.service``)."""
    from .service import analyze as _analyze

    return _analyze(article, options)


__all__ = [
    "Analysis", "Article", "Entity", "Event", "Mention", "Options", "Post", "Quote", "Region",
    "Span", "TimeValue", "analyze", "__version__",
]
