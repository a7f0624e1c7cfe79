"""``analyze``: the one entry point that the CLI, the API and the Dask runner call."""
from __future__ import annotations

import contextlib
import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .clean import clean
from .errors import InputError
from .extract import extract
from .ingest import read_inputs
from .model import Analysis, Article
from .nlp import load_model, parse
from .options import Options

LOGGER = logging.getLogger(__name__)


def analyze(article: Article, options: Options = Options()) -> Analysis:
    """Analyse one article."""
    return next(analyze_many([article], options))


def analyze_many(articles: Iterable[Article], options: Options = Options(),
                 release_memory: bool = False) -> Iterator[Analysis]:
    """Analyse articles in order, parsing them in ``nlp.pipe`` batches.

    ``release_memory``: run each batch in a spaCy memory zone, so that the words it adds to the
    vocabulary are dropped afterwards and a long ingest does not grow. Only for a caller that
    analyses on one thread at a time (zones must not overlap): the CLI ingest, Dask workers.
    """
    nlp = load_model(options.model)
    prepared = ((a, clean(a, day_first=options.day_first)) for a in articles)
    pending: list[tuple[Article, object]] = []
    for item in prepared:
        pending.append(item)
        if len(pending) >= options.batch_size:
            yield from _analyze_batch(pending, nlp, options, release_memory)
            pending = []
    if pending:
        yield from _analyze_batch(pending, nlp, options, release_memory)


def _analyze_batch(batch, nlp, options: Options, release_memory: bool) -> Iterator[Analysis]:
    # spaCy keeps every new word it meets in its vocabulary; a memory zone drops what this batch
    # added once its analyses (plain data, no Doc) are out
    with nlp.memory_zone() if release_memory else contextlib.nullcontext():
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


def _save(store, batch: list[Analysis], report: IngestReport) -> None:
    added = store.save(batch)
    report.added += added
    report.skipped += len(batch) - added  # identical texts met in the same batch


@dataclass
class IngestReport:
    """What an ingest did: articles added, already stored, and inputs that failed."""

    added: int = 0
    skipped: int = 0
    failures: list[InputError] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"added": self.added, "skipped": self.skipped,
                "failed": [{"source": f.source, "code": f.code, "reason": f.reason} for f in self.failures]}


def ingest(inputs: Iterable[str], store, options: Options = Options(),
           on_article: Callable[[str], None] | None = None) -> IngestReport:
    """Analyse and store every input; stored articles are skipped, failures recorded.

    Each batch is written in one transaction, so an interrupted run loses at most the
    batch in flight and a re-run completes the job with the same result.
    """
    return ingest_articles(read_inputs(inputs, options), store, options, on_article,
                           lambda articles: analyze_many(articles, options, release_memory=True))


Analyser = Callable[[Iterable[Article]], Iterator[Analysis]]


def ingest_articles(items: Iterable[Article | InputError], store, options: Options = Options(),
                    on_article: Callable[[str], None] | None = None,
                    analyser: Analyser | None = None) -> IngestReport:
    """``ingest`` for articles already read (the API's ``POST /api/articles``, the Dask runner).

    ``analyser`` turns the stream of new articles into analyses in the same order; by default
    this process's ``analyze_many``, on Dask ``scale.dask_analyser``. Everything else (skipping,
    failures, batches, the one writer) is the same whichever analyses.
    """
    report = IngestReport()
    analyser = analyser or (lambda articles: analyze_many(articles, options))

    def fresh() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                report.failures.append(item)
                store.record_failure(item)
            elif store.known(item.id, item.text):
                report.skipped += 1
            else:
                yield item

    batch: list[Analysis] = []
    for analysis in analyser(fresh()):
        batch.append(analysis)
        if on_article:
            on_article(analysis.article.input_id or analysis.article.id)
        if len(batch) >= options.batch_size:
            _save(store, batch, report)
            batch = []
    if batch:
        _save(store, batch, report)
    return report
