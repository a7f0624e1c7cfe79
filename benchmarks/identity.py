#!/usr/bin/env python3
"""Cross-article speaker identity, measured on gold quotes: is "same speaker" right in the store?

    python benchmarks/identity.py [--db PATH] [--gold seeds.jsonl bbc-dev.jsonl bbc-dev-events.jsonl] [--json]

The gold articles (with their canonical speakers) are ingested first, so they keep their gold
ids, then ``../shared/corpus/bbc/politics`` around them (the same texts are passed over as
already stored), so identities are linked across a real corpus. Every gold quote that a stored
quote matches (spans overlapping by half their union, as score.py) gives its stored
``speaker_id``; for every pair of such quotes from different articles, both with a named gold
speaker, "same person" in gold (a shared accepted name, compared as score.py compares names) is
set against "same id" in the store. Pairwise precision: of the pairs the store links, how many
are one person; recall: of the pairs that are one person, how many the store links.
"""
from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import tempfile
from pathlib import Path

from sqlalchemy import select

from newsgraph.options import Options
from newsgraph.service import ingest
from newsgraph.store import open_store
from newsgraph.store.schema import quotes

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "bbc" / "politics"
GOLD = ("seeds.jsonl", "bbc-dev.jsonl", "bbc-dev-events.jsonl")  # the last adds texts, no quotes


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def matched(store, gold_files: list[Path]) -> list[tuple[str, set[str], int | None]]:
    """(article, accepted gold names, stored speaker id) for every gold quote a stored quote matches."""
    score = _scorer()
    out = []
    with store.engine.connect() as connection:
        for path in gold_files:
            for line in path.open(encoding="utf-8"):
                row = json.loads(line)
                stored = connection.execute(select(quotes.c.start, quotes.c.end, quotes.c.speaker_id).where(
                    quotes.c.article_id == str(row["id"]))).all()
                for quote in row.get("quotes") or []:
                    names = score.aliases(quote.get("speaker"))
                    best = max(stored, key=lambda s: score.iou((quote["start"], quote["end"]), (s.start, s.end)),
                               default=None)
                    if names and best is not None and score.iou((quote["start"], quote["end"]),
                                                                (best.start, best.end)) >= 0.5:
                        out.append((str(row["id"]), names, best.speaker_id))
    return out


def pairwise(rows: list[tuple[str, set[str], int | None]]) -> dict:
    linked = right = same = 0
    for (a_article, a_names, a_id), (b_article, b_names, b_id) in itertools.combinations(rows, 2):
        if a_article == b_article:
            continue
        gold_same = bool(a_names & b_names)
        store_same = a_id is not None and a_id == b_id
        same += gold_same
        linked += store_same
        right += gold_same and store_same
    return {"quotes": len(rows), "gold_same_pairs": same, "linked_pairs": linked, "right_links": right,
            "precision": round(right / linked, 4) if linked else None,
            "recall": round(right / same, 4) if same else None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db")
    ap.add_argument("--gold", nargs="*", default=list(GOLD))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    gold_files = [SHARED / "gold" / name for name in args.gold]
    store = open_store(args.db or str(Path(tempfile.mkdtemp()) / "identity.db"))
    if store.stats()["articles"] == 0:
        ingest([str(p) for p in gold_files] + [str(CORPUS)], store, Options())
    result = pairwise(matched(store, gold_files))
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:<16} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
