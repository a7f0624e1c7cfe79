#!/usr/bin/env python3
"""Clustering quotes into trails at scale: the quotes of stores, replicated to N.

    python benchmarks/trails.py --db STORE [--db STORE ...] [--quotes 1000000] [--json]

Reads every quote of the given stores (e.g. BBC politics and PolNeAR ingested with `newsgraph
ingest`), replicates them under new ids until there are ``--quotes`` of them (each copy a new
report of the same words, as follow-up stories repeat quotes), runs ``trail.cluster`` once and
reports seconds, quotes per second, peak memory and the trails found. Identical texts are grouped
before the trigram index is built, so replicas cost a dictionary lookup each; distinct texts drive
the cost.
"""
from __future__ import annotations

import argparse
import json
import resource
import time

from sqlalchemy import select

from newsgraph import trail
from newsgraph.store import open_store
from newsgraph.store.schema import quotes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", action="append", required=True, help="A store to read quotes from (repeatable).")
    ap.add_argument("--quotes", type=int, default=1_000_000, help="Quotes to cluster after replication.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    base: list[trail.TrailQuote] = []
    for db in args.db:
        with open_store(db).engine.connect() as connection:
            for row in connection.execute(select(quotes.c.text, quotes.c.kind, quotes.c.speaker_id, quotes.c.speaker)):
                base.append(trail.TrailQuote(len(base), row.text, row.kind, row.speaker_id, row.speaker))
    replicated = [trail.TrailQuote(i, q.text, q.kind, q.speaker_id, q.speaker)
                  for i, q in ((i, base[i % len(base)]) for i in range(args.quotes))]
    started = time.perf_counter()
    members = trail.cluster(replicated)
    seconds = time.perf_counter() - started
    result = {"quotes": len(replicated), "distinct_source_quotes": len(base), "seconds": round(seconds, 1),
              "quotes_per_second": round(len(replicated) / seconds), "members": len(members),
              "trails": len({m.trail_id for m in members}),
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
