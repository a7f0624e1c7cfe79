"""Scoring quote trails against a gold of same-utterance pairs (``eval/gold/trail-pairs-*.jsonl``).

The gold lists pairs of quoted passages from different articles, each by article id and span,
labelled ``same``, ``variant`` or ``different`` by an annotator who never saw our output. A
passage is matched to the stored quote that covers at least half of it. Recall: the gold's same
and variant pairs whose two quotes share a trail. Precision: of the pairs of reports (different
articles) that our trails join and that both fall on gold passages, those labelled same or
variant; a joined pair the annotator's generous candidate search never proposed counts as wrong.
"""
from __future__ import annotations

import json
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from .store.schema import quotes, trail_members

REPO = Path(__file__).resolve().parents[2]
TRAIL_GOLD = REPO / "eval" / "gold" / "trail-pairs-polnear-dev.jsonl"
COVERED = 0.5  # share of a gold passage a stored quote must cover to stand for it
SAME = {"same", "variant"}


def load_pairs(path: Path = TRAIL_GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(connection: Connection, pairs: list[dict]) -> dict:
    rows = connection.execute(select(quotes.c.id, quotes.c.article_id, quotes.c.start, quotes.c.end,
                                     trail_members.c.trail_id, trail_members.c.relation)
                              .outerjoin(trail_members, trail_members.c.quote_id == quotes.c.id)).all()
    by_article: dict[str, list] = defaultdict(list)
    for row in rows:
        by_article[row.article_id].append(row)

    def quote_for(side: dict):
        best, cover = None, 0.0
        for row in by_article.get(side["id"], ()):
            overlap = min(row.end, side["end"]) - max(row.start, side["start"])
            share = overlap / max(1, side["end"] - side["start"])
            if share > cover:
                best, cover = row, share
        return best if cover >= COVERED else None

    labelled: dict[frozenset, str] = {}
    found = gold_same = 0
    for pair in pairs:
        a, b = quote_for(pair["a"]), quote_for(pair["b"])
        if a is not None and b is not None:
            labelled[frozenset((a.id, b.id))] = pair["label"]
        if pair["label"] in SAME:
            gold_same += 1
            if a is not None and b is not None and a.trail_id is not None and a.trail_id == b.trail_id:
                found += 1
    on_gold = {hit.id for pair in pairs for side in (pair["a"], pair["b"]) if (hit := quote_for(side))}
    joined: dict[int, list] = defaultdict(list)
    for row in rows:
        if row.trail_id is not None and row.relation != "paraphrase" and row.id in on_gold:
            joined[row.trail_id].append(row)
    linked = right = 0
    for members in joined.values():
        for a, b in combinations(members, 2):
            if a.article_id == b.article_id:
                continue
            linked += 1
            right += labelled.get(frozenset((a.id, b.id))) in SAME
    precision = right / linked if linked else 0.0
    recall = found / gold_same if gold_same else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4), "linked": linked,
            "right": right, "gold": gold_same, "found": found}
