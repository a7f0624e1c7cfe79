#!/usr/bin/env python3
"""Web page latency on a large corpus: p50/p95 per page, through the real application.

    python benchmarks/pages.py [--db /tmp/newsgraph-latency.db] [--repeat 20] [--json]

Use the store that ``query_latency.py`` builds (BBC politics replicated to 100,000
articles). Each page is requested through FastAPI's test client, so the time includes
routing, the queries and the template; it excludes only the network. Target: p95 < 200 ms.
"""
from __future__ import annotations

import argparse
from urllib.parse import quote

from fastapi.testclient import TestClient
from latency import percentiles, report

from newsgraph.web import create_app


def pages(client: TestClient) -> dict[str, str]:
    person = client.get("/api/people", params={"name": "Tony Blair", "limit": 1}).json()["items"][0]["id"]
    labour = client.get("/orgs", params={"name": "Labour Party"}).text
    org = labour.split('href="/orgs/', 1)[1].split('"', 1)[0]
    article = client.get("/api/articles", params={"limit": 1}).json()["items"][0]["id"]
    return {
        "home": "/",
        "search Blair": "/search?q=Blair",
        "person Tony Blair": f"/people/{person}",
        "org Labour Party": f"/orgs/{org}",
        "article": f"/articles/{quote(article)}",
        "articles": "/articles",
        "people": "/people",
        "quotes --speaker": "/quotes?speaker=Tony+Blair",
        "quotes --q": "/quotes?q=election",
        "quotes": "/quotes",
        "orgs": "/orgs",
        "trails": "/trails",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/newsgraph-latency.db")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    client = TestClient(create_app(db=args.db))
    size = client.get("/api/articles", params={"limit": 1}).json()["total"]
    result = {}
    for name, path in pages(client).items():
        assert client.get(path).status_code == 200, path  # warm, and fail loudly on a broken page
        result[name] = percentiles(lambda p=path: client.get(p), args.repeat)
    report(result, size, args.json)
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
