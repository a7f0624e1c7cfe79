#!/usr/bin/env python3
"""Throughput of the full analysis against spaCy's bare parse, in the same run.

    python benchmarks/throughput.py [--limit N] [--repeat R] [--json] [CORPUS_DIR]

Reads the BBC corpus (``../shared/corpus/bbc/``, every section; the first ``--limit``
articles), times ``nlp.pipe`` alone over the texts, then the full ``analyze_many`` (clean +
parse + extract) over the same texts, each ``--repeat`` times keeping the fastest, and
reports articles and words per second of both. ``ratio`` = our throughput / bare spaCy
throughput (the parse is the floor; target >= 0.85).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsgraph.ingest import read_path
from newsgraph.model import Article
from newsgraph.nlp import load_model, parse
from newsgraph.options import Options
from newsgraph.service import analyze_many

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the fastest counts (less noise)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    every = [a for a in read_path(Path(args.corpus)) if isinstance(a, Article)]
    articles = every[:: max(1, len(every) // args.limit)][: args.limit]  # a spread over every section
    options = Options()
    nlp = load_model(options.model)
    list(parse([a.text for a in articles[:5]], nlp))  # warm up

    parse_seconds = full_seconds = float("inf")
    quotes = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        for _doc in parse((a.text for a in articles), nlp, options.batch_size):
            pass
        parse_seconds = min(parse_seconds, time.perf_counter() - started)
        started = time.perf_counter()
        quotes = sum(len(r.quotes) for r in analyze_many(articles, options))
        full_seconds = min(full_seconds, time.perf_counter() - started)

    chars = sum(len(a.text) for a in articles)
    words = sum(len(a.text.split()) for a in articles)
    result = {
        "articles": len(articles),
        "characters": chars,
        "words": words,
        "quotes": quotes,
        "parse_seconds": round(parse_seconds, 3),
        "full_seconds": round(full_seconds, 3),
        "overhead": round(full_seconds / parse_seconds - 1, 4),
        "ratio": round(parse_seconds / full_seconds, 4),
        "articles_per_second": round(len(articles) / full_seconds, 2),
        "words_per_second": round(words / full_seconds),
        "spacy_articles_per_second": round(len(articles) / parse_seconds, 2),
        "spacy_words_per_second": round(words / parse_seconds),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:<20} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
