#!/usr/bin/env python3
"""What placing quotes in trails at ingest costs: ingest throughput with and without it.

    python benchmarks/ingest_trails.py [CORPUS_DIR] [--limit 387] [--json]

The articles (default ../shared/corpus/bbc/politics) are analysed once; the analyses are then
stored twice, into two new SQLite stores, in the batches ``ingest`` uses: once with quotes joining
their trails as they are stored (the default) and once without (``ingest --no-trails``).
Throughput is articles per second of analysis plus storing; the target is a drop of at most 10%.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from newsgraph.ingest import read_inputs
from newsgraph.model import Analysis
from newsgraph.service import analyze_many
from newsgraph.store import open_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc" / "politics"
BATCH = 32


def _store_all(analyses: list[Analysis], folder: str, name: str, trails_at_ingest: bool) -> float:
    store = open_store(str(Path(folder) / name))
    started = time.perf_counter()
    for at in range(0, len(analyses), BATCH):
        store.save(analyses[at:at + BATCH], trails_at_ingest)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=387)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    articles = list(read_inputs([args.corpus]))[:args.limit]
    started = time.perf_counter()
    analyses = [a for a in analyze_many(articles) if isinstance(a, Analysis)]
    analysing = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        without = _store_all(analyses, folder, "plain.db", trails_at_ingest=False)
        with_trails = _store_all(analyses, folder, "trails.db", trails_at_ingest=True)
    plain_rate = len(analyses) / (analysing + without)
    trail_rate = len(analyses) / (analysing + with_trails)
    result = {"articles": len(analyses), "analysis_s": round(analysing, 1), "store_s_without_trails": round(without, 2),
              "store_s_with_trails": round(with_trails, 2), "articles_per_s_without": round(plain_rate, 2),
              "articles_per_s_with": round(trail_rate, 2), "throughput_drop": round(1 - trail_rate / plain_rate, 4)}
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
