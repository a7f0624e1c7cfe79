"""``analyze``: the one entry point that the CLI, the API and the Dask runner call."""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator

from .clean import clean
from .extract import extract
from .model import Analysis, Article
from .nlp import load_model, parse
from .options import Options

LOGGER = logging.getLogger(__name__)


def analyze(article: Article, options: Options = Options()) -> Analysis:
    """Analyse one article."""
    return next(analyze_many([article], options))


def analyze_many(articles: Iterable[Article], options: Options = Options()) -> Iterator[Analysis]:
    """Analyse articles in order, parsing them in ``nlp.pipe`` batches."""
    nlp = load_model(options.model)
    prepared = ((a, clean(a, day_first=options.day_first)) for a in articles)
    pending: list[tuple[Article, object]] = []
    for item in prepared:
        pending.append(item)
        if len(pending) >= options.batch_size:
            yield from _analyze_batch(pending, nlp, options)
            pending = []
    if pending:
        yield from _analyze_batch(pending, nlp, options)


def _analyze_batch(batch, nlp, options: Options) -> Iterator[Analysis]:
    docs = parse((article.text for article, _ in batch), nlp, options.batch_size)
    for (article, layout), doc in zip(batch, docs, strict=True):
        yield _analysis(article, layout, doc, options)


def _analysis(article: Article, layout, doc, options: Options) -> Analysis:
    article = dataclasses.replace(
        article,
        title=article.title or layout.headline,
        published=article.published or layout.published,
    )
    found = extract(doc, layout, article.published, options.day_first)
    return Analysis(
        article=article,
        regions=layout.regions,
        posts=layout.posts,
        entities=tuple(found.entities),
        quotes=tuple(found.quotes),
        events=tuple(found.events),
        times=tuple(found.times),
    )
