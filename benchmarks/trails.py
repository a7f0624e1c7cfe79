#!/usr/bin/env python3
"""Clustering quotes into trails at scale: the quotes of stores, replicated to N with random edits.

    python benchmarks/trails.py --db STORE [--db STORE ...] [--quotes 1000000] [--edits 2] [--json]

Reads every quote of the given stores (e.g. BBC politics and PolNeAR ingested with `newsgraph
ingest`), replicates them under new ids until there are ``--quotes`` of them, each copy after the
first with up to ``--edits`` random word edits (a word dropped, or replaced by a word of another
quote: as outlets cut and misquote), runs ``trail.cluster`` once and reports seconds, quotes per
second, peak memory, the trails found and how many copies of a quote long enough to trail joined
their original's trail (``copies_joined``). The edits are drawn with a fixed seed.
"""
from __future__ import annotations

import argparse
import json
import random
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
    ap.add_argument("--edits", type=int, default=2, help="At most this many random word edits a copy.")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    base: list[trail.TrailQuote] = []
    for db in args.db:
        with open_store(db).engine.connect() as connection:
            for row in connection.execute(select(quotes.c.text, quotes.c.kind, quotes.c.speaker_id, quotes.c.speaker)):
                base.append(trail.TrailQuote(len(base), row.text, row.kind, row.speaker_id, row.speaker))
    replicated = _replicate(base, args.quotes, args.edits, random.Random(args.seed))
    started = time.perf_counter()
    members = trail.cluster(replicated)
    seconds = time.perf_counter() - started
    result = {"quotes": len(replicated), "distinct_source_quotes": len(base), "edits": args.edits,
              "seconds": round(seconds, 1), "quotes_per_second": round(len(replicated) / seconds),
              "members": len(members), "trails": len({m.trail_id for m in members}),
              "copies_joined": _copies_joined(base, replicated, members),
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    return 0


def _replicate(base: list[trail.TrailQuote], n: int, edits: int, rng: random.Random) -> list[trail.TrailQuote]:
    """``n`` quotes: the base quotes in turn, each copy after the first edited at random."""
    vocabulary = [w for q in base[:2000] for w in q.text.split()] or ["word"]
    out = []
    for i in range(n):
        source = base[i % len(base)]
        text = source.text
        if i >= len(base) and edits:
            words = text.split()
            for _ in range(rng.randint(0, edits)):
                if len(words) < 4:
                    break
                at = rng.randrange(len(words))
                if rng.random() < 0.5:
                    del words[at]  # a word cut
                else:
                    words[at] = rng.choice(vocabulary)  # a word changed
            text = " ".join(words)
        out.append(trail.TrailQuote(i, text, source.kind, source.speaker_id, source.speaker))
    return out


def _copies_joined(base: list[trail.TrailQuote], replicated: list[trail.TrailQuote], members) -> float:
    """Of the copies of quotes long enough to trail (direct and mixed, 8 words or more), the share
    placed in the same trail as the original."""
    trail_of = {m.quote_id: m.trail_id for m in members}
    long_enough = {q.id for q in base if q.kind in trail.REPORTED and len(trail.words(q.text)) >= 8}
    copies = [q for q in replicated[len(base):] if q.id % len(base) in long_enough]
    joined = sum(1 for q in copies if trail_of.get(q.id) is not None
                 and trail_of.get(q.id) == trail_of.get(q.id % len(base)))
    return round(joined / len(copies), 4) if copies else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
