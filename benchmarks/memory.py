#!/usr/bin/env python3
"""Peak memory of an ingest of 1,000 and of 10,000 articles: it must not grow with the corpus.

    python benchmarks/memory.py [--sizes 1000,10000] [--json]

The articles are the BBC corpus replicated under new ids (each copy's text gets a final
line naming the copy, so that the store's identical-text check does not skip it), written
as one gzip JSONL file; each size is ingested into a fresh SQLite store in a child process
whose peak RSS (``ru_maxrss``) is reported.
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"


def write_corpus(path: Path, size: int) -> None:
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in sorted(CORPUS.rglob("*.txt"))]
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for number in range(size):
            text = texts[number % len(texts)].rstrip() + f"\n\nCopy {number // len(texts)}."
            out.write(json.dumps({"id": f"copy-{number}", "text": text}) + "\n")


def child(path: str, db: str) -> None:
    from newsgraph.service import ingest
    from newsgraph.store import open_store

    report = ingest([path], open_store(db))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"added": report.added, "peak_rss_mb": round(peak_kb / 1024, 1)}))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    work = Path(tempfile.mkdtemp())
    result = {}
    for size in [int(s) for s in args.sizes.split(",")]:
        corpus = work / f"{size}.jsonl.gz"
        write_corpus(corpus, size)
        out = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(work / f"{size}.db")],
                             capture_output=True, text=True, check=True)
        result[str(size)] = json.loads(out.stdout.strip().splitlines()[-1])
    if args.json:
        print(json.dumps(result))
        return 0
    for size, row in result.items():
        print(f"{size:>7} articles   added {row['added']:>7}   peak RSS {row['peak_rss_mb']:8.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
