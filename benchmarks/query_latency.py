#!/usr/bin/env python3
"""Query latency on a large corpus: p50/p95 per query command.

    python benchmarks/query_latency.py [--articles 100000] [--db PATH] [--repeat 20] [--json]

Ingests ../shared/corpus/bbc/politics once (analysis included), replicates the stored
articles under new ids up to ``--articles`` (store/replicate.py), then times the same
store functions the query commands call. Target: p95 under 100 ms for each.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from latency import percentiles, report

from newsgraph.options import Options
from newsgraph.service import ingest
from newsgraph.store import open_store
from newsgraph.store.replicate import replicate

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc" / "politics"

QUERIES = {
    "quotes --speaker": lambda s: s.list_quotes(speaker="Tony Blair", limit=100),
    "quotes --search": lambda s: s.list_quotes(search="election", limit=100),
    "events --type": lambda s: s.list_events(type_="resign_office", limit=100),
    "events --person": lambda s: s.list_events(person="David Blunkett", limit=100),
    "timeline person": lambda s: s.get_timeline("David Blunkett"),
    "timeline org": lambda s: s.get_timeline("Labour Party"),
    "people": lambda s: s.list_people(limit=100),
    "search": lambda s: s.search("asylum", limit=50),
    "stats": lambda s: s.stats(),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/newsgraph-latency.db")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    store = open_store(args.db)
    if store.stats()["articles"] == 0:
        ingest([str(CORPUS)], store, Options())
    originals = store.stats()["articles"]
    if originals < args.articles and "#" not in str(store.list_quotes(limit=1)):
        copies = -(-args.articles // originals) - 1
        replicate(store.engine, copies)
    size = store.stats()["articles"]

    result = {name: percentiles(lambda q=query: q(store), args.repeat) for name, query in QUERIES.items()}
    report(result, size, args.json)
    return 0

if __name__ == "__main__":
    sys.exit(main())
