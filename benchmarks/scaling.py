#!/usr/bin/env python3
"""Throughput of an ingest with 1 and with 2 Dask workers (and single-process, for reference).

    python benchmarks/scaling.py [--limit N] [--workers 1,2] [--json] [CORPUS_DIR]

Each run ingests the same articles (BBC politics by default) into a fresh SQLite store,
so the time includes reading, analysis on the workers and the one writer. Worker start-up
(spawning processes and loading the model) is timed apart and excluded.
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from newsgraph.options import Options
from newsgraph.scale import dask_client, ingest_with_dask
from newsgraph.service import ingest
from newsgraph.store import open_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc" / "politics"


def _warm(client) -> None:
    """Load the model on every worker before the clock starts."""
    from newsgraph.nlp import load_model

    client.run(lambda: bool(load_model(None)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp())
    inputs = work / "inputs"
    inputs.mkdir()
    for f in sorted(p for p in Path(args.corpus).iterdir() if p.is_file())[: args.limit]:
        shutil.copy(f, inputs / f.name)
    result: dict = {"articles": args.limit}

    started = time.perf_counter()
    report = ingest([str(inputs)], open_store(str(work / "single.db")), Options())
    seconds = time.perf_counter() - started
    result["single_process"] = {"seconds": round(seconds, 2), "articles_per_second": round(report.added / seconds, 2)}
    for workers in [int(w) for w in args.workers.split(",")]:
        with dask_client(workers=workers) as client:
            _warm(client)
            started = time.perf_counter()
            report = ingest_with_dask([str(inputs)], open_store(str(work / f"dask{workers}.db")), client=client)
            seconds = time.perf_counter() - started
        result[f"dask_{workers}"] = {"seconds": round(seconds, 2),
                                     "articles_per_second": round(report.added / seconds, 2)}
    shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"articles: {result.pop('articles')}")
    for name, row in result.items():
        print(f"{name:16} {row['seconds']:8.2f} s   {row['articles_per_second']:7.2f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
