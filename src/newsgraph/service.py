"""``analyze``: the one entry point that the CLI, the API and the Dask runner call."""
from __future__ import annotations

import contextlib
import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .clean import clean
from .errors import AnalysisFailed, ArticleTooLong, InputError
from .extract import extract
from .ingest import read_inputs
from .model import Analysis, Article
from .nlp import load_model, parse, parsed_chars
from .options import Options

LOGGER = logging.getLogger(__name__)

# spaCy's own max_length: a longer text is not one news article (a book, a merged dump).
MAX_ARTICLE_CHARS = 1_000_000
# What is parsed costs ~4.5 s a 100,000 characters on the reference machine (2 cores):
# 400,000 keeps any one article under 30 s. Text that is not prose is not parsed (nlp.parse).
MAX_PROSE_CHARS = 400_000


def analyze(article: Article, options: Options = Options()) -> Analysis:
    """Analyse one article; raises the ``InputError`` (``AnalysisFailed``, ``ArticleTooLong``)
    that stopped it."""
    (result,) = analyze_many([article], options)
    if isinstance(result, InputError):
        raise result
    return result


def analyze_many(articles: Iterable[Article | InputError], options: Options = Options(),
                 release_memory: bool = False) -> Iterator[Analysis | InputError]:
    """Analyse articles in order, parsing them in ``nlp.pipe`` batches.

    Yields an ``Analysis`` for every article, or the ``InputError`` that stopped that one
    article (too long, or ``AnalysisFailed``: an exception in one stage): one article never
    stops the others. Reading errors among the inputs (``read_inputs`` yields them) pass
    through in their place.

    ``release_memory``: run each batch in a spaCy memory zone, so that the words it adds to the
    vocabulary are dropped afterwards and a long ingest does not grow. Only for a caller that
    analyses on one thread at a time (zones must not overlap): the CLI ingest, Dask workers.
    """
    nlp = load_model(options.model)
    pending: list[tuple[Article, object] | InputError] = []
    for article in articles:
        pending.append(article if isinstance(article, InputError) else _prepare(article, options))
        if len(pending) >= options.batch_size:
            yield from _analyze_batch(pending, nlp, options, release_memory)
            pending = []
    if pending:
        yield from _analyze_batch(pending, nlp, options, release_memory)


def _prepare(article: Article, options: Options) -> tuple[Article, object] | InputError:
    """The article and its layout, or why it cannot be analysed."""
    where = failure_source(article)
    if len(article.text) > MAX_ARTICLE_CHARS:
        return ArticleTooLong(where, f"{len(article.text):,} characters is over the limit of {MAX_ARTICLE_CHARS:,}")
    prose = parsed_chars(article.text)
    if prose > MAX_PROSE_CHARS:
        return ArticleTooLong(where, f"{prose:,} characters of prose is over the limit of {MAX_PROSE_CHARS:,}")
    try:
        return article, clean(article, day_first=options.day_first)
    except Exception as exc:  # a bug met by this one article: recorded, the others go on
        LOGGER.exception("%s: cleaning failed", where)
        return AnalysisFailed(where, "clean", exc)


def _analyze_batch(batch, nlp, options: Options, release_memory: bool) -> Iterator[Analysis | InputError]:
    # spaCy keeps every new word it meets in its vocabulary; a memory zone drops what this batch
    # added once its analyses (plain data, no Doc) are out
    with nlp.memory_zone() if release_memory else contextlib.nullcontext():
        ready = [item for item in batch if not isinstance(item, InputError)]
        docs = _parse_isolated([article.text for article, _ in ready], nlp, options.batch_size)
        for item in batch:
            if isinstance(item, InputError):
                yield item
                continue
            (article, layout), doc = item, next(docs)
            if isinstance(doc, BaseException):
                yield AnalysisFailed(failure_source(article), "parse", doc)
                continue
            try:
                yield _analysis(article, layout, doc, options)
            except Exception as exc:  # a bug met by this one article: recorded, the others go on
                LOGGER.exception("%s: extraction failed", failure_source(article))
                yield AnalysisFailed(failure_source(article), "extract", exc)


def _parse_isolated(texts: list[str], nlp, batch_size: int) -> Iterator:
    """The batch's Docs in order; when the batch parse raises, each text alone, so only the
    text that raises gets its exception (in place of its Doc)."""
    try:
        yield from list(parse(texts, nlp, batch_size))
        return
    except Exception:
        LOGGER.warning("a batch of %d failed to parse; parsing its texts one by one", len(texts))
    for text in texts:
        try:
            (doc,) = parse([text], nlp, 1)
        except Exception as exc:
            doc = exc
        yield doc


def failure_source(article: Article) -> str:
    """What a failure of this article is recorded under: its input, or its id when the input
    names no one article (a text posted to the API)."""
    if article.source and article.source not in ("api", "-", "<stdin>"):
        return article.source
    return f"{article.source or 'article'}:{article.id}"


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


@dataclass
class IngestReport:
    """What an ingest did: articles added, already stored before this run, the same text as
    another input of this run, passed over because they failed in an earlier run, and inputs
    that failed in this one."""

    added: int = 0
    skipped: int = 0
    same_text: int = 0
    failed_before: int = 0
    failures: list[InputError] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"added": self.added, "skipped": self.skipped, "same_text": self.same_text,
                "failed_before": self.failed_before,
                "failed": [{"source": f.source, "code": f.code, "reason": f.reason} for f in self.failures]}


def ingest(inputs: Iterable[str], store, options: Options = Options(),
           on_article: Callable[[str], None] | None = None, retry_failed: bool = False) -> IngestReport:
    """Analyse and store every input; stored articles are skipped, failures recorded.

    Each batch is written in one transaction, so an interrupted run loses at most the
    batch in flight and a re-run completes the job with the same result.
    """
    return ingest_articles(read_inputs(inputs, options), store, options, on_article,
                           lambda articles: analyze_many(articles, options, release_memory=True),
                           retry_failed=retry_failed)


Analyser = Callable[[Iterable[Article]], Iterator[Analysis | InputError]]


def ingest_articles(items: Iterable[Article | InputError], store, options: Options = Options(),
                    on_article: Callable[[str], None] | None = None,
                    analyser: Analyser | None = None, retry_failed: bool = False) -> IngestReport:
    """``ingest`` for articles already read (the API's ``POST /api/articles``, the Dask runner).

    ``analyser`` turns the stream of new articles into analyses (or the error of each article
    that failed) in the same order; by default this process's ``analyze_many``, on Dask
    ``scale.dask_analyser``. Everything else (skipping, failures, batches, the one writer) is
    the same whichever analyses. An article whose analysis failed in an earlier run is passed
    over unless ``retry_failed``; a retried article that now succeeds loses its failure.
    """
    report = IngestReport()
    analyser = analyser or (lambda articles: analyze_many(articles, options))
    failed_before = set() if retry_failed else store.analysis_failures()  # read once, not per article

    def fail(error: InputError) -> None:
        report.failures.append(error)
        store.record_failure(error)

    from .store.writer import text_hash

    this_run: set[str] = set()  # texts met in this run: a second copy is no "already stored"

    def fresh() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                fail(item)
            elif store.known(item.id, item.text):
                if text_hash(item.text) in this_run:
                    report.same_text += 1
                else:
                    report.skipped += 1
            elif failure_source(item) in failed_before:
                report.failed_before += 1
            else:
                this_run.add(text_hash(item.text))
                yield item

    batch: list[Analysis] = []
    for analysis in analyser(fresh()):
        if isinstance(analysis, InputError):
            fail(analysis)
            continue
        batch.append(analysis)
        if on_article:
            on_article(analysis.article.input_id or analysis.article.id)
        if len(batch) >= options.batch_size:
            _save(store, batch, report, fail, retry_failed, options.trails_at_ingest)
            batch = []
    if batch:
        _save(store, batch, report, fail, retry_failed, options.trails_at_ingest)
    return report


def _save(store, batch: list[Analysis], report: IngestReport, fail: Callable[[InputError], None],
          retried: bool, trails_at_ingest: bool = True) -> None:
    """One transaction for the batch; if it raises, each analysis alone, so that a bug met by
    one article's linking fails that article only. A lost database still stops the run."""
    from sqlalchemy.exc import OperationalError

    try:
        added = store.save(batch, trails_at_ingest)
    except OperationalError:
        raise
    except Exception:
        LOGGER.warning("storing a batch of %d failed; storing its articles one by one", len(batch))
        added = 0
        for analysis in batch:
            try:
                added += store.save([analysis], trails_at_ingest)
            except OperationalError:
                raise
            except Exception as exc:
                LOGGER.exception("%s: storing failed", failure_source(analysis.article))
                fail(AnalysisFailed(failure_source(analysis.article), "store", exc))
    report.added += added
    report.same_text += len(batch) - added  # identical texts met in the same batch
    if retried:
        store.forget_failures([failure_source(analysis.article) for analysis in batch])
