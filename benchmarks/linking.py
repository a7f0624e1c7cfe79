#!/usr/bin/env python3
"""How well people are linked across articles: merges made and likely wrong merges.

    python benchmarks/linking.py [--db PATH] [--corpus DIR] [--json]

Ingests the corpus (BBC politics by default) into a fresh store unless ``--db`` already
holds it, then reports:
- merged: people reported in more than one article, with their most frequent figures and
  the distinct surface forms ("Tony Blair", "Blair", "Tony") each one gathered;
- suspect merges: ``identity_audit`` - a person whose mentions carry two different first
  names (Tony / Cherie Blair) or both men's and women's titles (Mr / Mrs Howard);
- namesakes kept apart: surnames held by more than one corpus person, with both sides;
- the prime minister: who a role-only reference resolves to.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

from newsgraph.options import Options
from newsgraph.service import ingest
from newsgraph.store import open_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc" / "politics"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db")
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    store = open_store(args.db or str(Path(tempfile.mkdtemp()) / "linking.db"))
    if store.stats()["articles"] == 0:
        ingest([args.corpus], store, Options())
    people = store.list_people(limit=100_000)
    forms = store.surface_forms()
    by_surname: dict[str, list[str]] = defaultdict(list)
    for person in people:
        words = person["name"].split()
        if len(words) > 1:
            by_surname[words[-1]].append(person["name"])
    namesakes = {last: names for last, names in sorted(by_surname.items()) if len(names) > 1}
    suspects = store.identity_audit()
    role_holder = store.list_quotes(speaker="the prime minister", limit=1)
    report = {
        "articles": store.stats()["articles"],
        "people": len(people),
        "people_in_several_articles": sum(p["articles"] > 1 for p in people),
        "suspect_merges": len(suspects),
        "namesake_surnames_kept_apart": len(namesakes),
        "the_prime_minister": role_holder[0]["speaker"] if role_holder else None,
    }
    if args.json:
        print(json.dumps(report))
        return 0
    for key, value in report.items():
        print(f"{key:32} {value}")
    print("\nmost reported people (articles, surface forms):")
    for person in people[: args.top]:
        print(f"  {person['name']:28} {person['articles']:4}  {', '.join(forms.get(person['name'], []))}")
    print("\nsuspect merges (two first names or both genders' titles):")
    for row in suspects:
        print(f"  {row['name']}: first names {row['first_names']}, titles {row['genders']}")
    print("\nnamesakes kept apart:")
    for last, names in namesakes.items():
        print(f"  {last}: {'; '.join(names)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
