"""Running the analysis on Dask: a local cluster of worker processes or an existing scheduler.

The driver streams the inputs, skips what is stored, and sends new articles to the workers
in partitions; each worker loads the spaCy model once (``nlp.load_model`` is cached per
process) and returns the partition's analyses. The driver stores them in submission order
through the same ``service.ingest_articles`` as a single-process run, with one writer and
the same batches, so the store ends up identical. At most ``in_flight`` partitions are out
at a time, so memory stays bounded whatever the corpus size. A partition whose worker dies
is recomputed by the scheduler on another worker; one that raises is retried, and one that
still fails makes each of its articles a recorded failure (an article's own exception is
already its failure inside ``analyze_many``).
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from itertools import islice

from .errors import AnalysisFailed, InputError, MissingExtra
from .ingest import read_inputs
from .model import Analysis, Article
from .options import Options
from .service import IngestReport, analyze_many, failure_source, ingest_articles

PARTITION_SIZE = 16
RETRIES = 2


_ONE_AT_A_TIME = threading.Lock()


def analyze_partition(articles: list[Article], options: Options) -> list[Analysis | InputError]:
    """What a worker runs: one partition through this worker's cached model, in a spaCy memory
    zone so that a long-lived worker does not grow; a worker with several threads takes the
    partitions one at a time, as memory zones must not overlap."""
    with _ONE_AT_A_TIME:
        return list(analyze_many(articles, options, release_memory=True))


def dask_analyser(client, options: Options, partition_size: int = PARTITION_SIZE,
                  in_flight: int | None = None) -> Callable[[Iterable[Article]], Iterator[Analysis | InputError]]:
    """An ``analyser`` for ``ingest_articles`` that runs partitions on ``client``'s cluster, in order."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    limit = in_flight or 2 * workers

    def analyse(articles: Iterable[Article]) -> Iterator[Analysis | InputError]:
        window: deque = deque()
        stream = iter(articles)
        while part := list(islice(stream, partition_size)):
            window.append((client.submit(analyze_partition, part, options, pure=False, retries=RETRIES), part))
            if len(window) >= limit:
                yield from _results(*window.popleft())
        while window:
            yield from _results(*window.popleft())

    return analyse


def _results(future, part: list[Article]) -> Iterator[Analysis | InputError]:
    """A partition's analyses; if it still fails after its retries (a worker that dies on it
    every time), each of its articles is a recorded failure and the run goes on."""
    try:
        results = future.result()
    except Exception as exc:
        yield from (AnalysisFailed(failure_source(article), "worker", exc) for article in part)
        return
    yield from results


@contextmanager
def dask_client(workers: int = 2, scheduler: str | None = None):
    """A client for ``scheduler`` (``tcp://host:8786``) or for a local cluster of ``workers`` processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise MissingExtra("dask.distributed", "dask") from None
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


def ingest_with_dask(inputs: Iterable[str], store, options: Options = Options(), workers: int = 2,
                     scheduler: str | None = None, on_article: Callable[[str], None] | None = None,
                     partition_size: int = PARTITION_SIZE, client=None, retry_failed: bool = False) -> IngestReport:
    """``service.ingest`` with the analysis on Dask (an existing ``client``, a scheduler, or a local cluster)."""
    with nullcontext(client) if client is not None else dask_client(workers, scheduler) as active:
        return ingest_articles(read_inputs(inputs, options), store, options, on_article,
                               dask_analyser(active, options, partition_size), retry_failed=retry_failed)
