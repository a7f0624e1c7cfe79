#!/usr/bin/env python3
"""Print N random asserted events found in a corpus, each with its evidence sentence, for a
person to judge against ../shared/eval/GUIDELINES.md.

    python benchmarks/event_audit.py [CORPUS_DIR] [--n 40] [--seed 7] [--json]

The corpus (default ../shared/corpus/bbc/politics) is analysed as ``newsgraph ingest`` would
store it; the sample is drawn with a fixed seed, so the same code gives the same sample. Each
row: article, type, person, org, date, and the sentence the event came from. A blind judge
marks each row right or wrong (and why) without seeing the code.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from newsgraph.ingest import read_inputs
from newsgraph.model import Analysis
from newsgraph.service import analyze_many

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc" / "politics"


def events(corpus: Path) -> list[dict]:
    rows = []
    for result in analyze_many(read_inputs([str(corpus)])):
        if not isinstance(result, Analysis):
            continue
        text = result.article.text
        for event in result.events:
            if event.status != "asserted" or not event.person:
                continue
            first = event.evidence[0] if event.evidence else None
            rows.append({"article": Path(result.article.source or result.article.id).name, "type": event.type,
                         "person": event.person, "org": event.org, "date": event.date,
                         "published": result.article.published.isoformat() if result.article.published else None,
                         "evidence": " ".join(text[first.start:first.end].split()) if first else ""})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(CORPUS))
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    found = events(Path(args.corpus))
    sample = random.Random(args.seed).sample(found, min(args.n, len(found)))
    if args.json:
        for row in sample:
            print(json.dumps(row, ensure_ascii=False))
        return
    print(f"{len(found)} asserted events; {len(sample)} drawn with seed {args.seed}\n")
    for number, row in enumerate(sample, 1):
        print(f"{number}. [{row['article']}] {row['type']} | {row['person']} | org: {row['org']} | "
              f"date: {row['date']}\n   {row['evidence']}\n")


if __name__ == "__main__":
    main()
