"""Scale: the Dask runner gives the single-process result; web archives, gzip JSONL and feeds read."""
from __future__ import annotations

import gzip
import html
import io
import json
import os
import signal
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED

from newsgraph.ingest import read_inputs
from newsgraph.options import Options
from newsgraph.scale import dask_client, ingest_with_dask
from newsgraph.service import ingest
from newsgraph.store import open_store

BBC = SHARED / "corpus" / "bbc" / "politics"


def _corpus(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "bbc"
    folder.mkdir()
    for f in sorted(BBC.glob("*.txt"))[:count]:
        (folder / f.name).write_bytes(f.read_bytes())
    return folder


def _records(store) -> tuple[dict, list, list]:
    quotes = sorted((q["article_id"], q["start"], q["end"], q["speaker"]) for q in store.list_quotes(limit=100_000))
    events = sorted((e["article_id"], e["type"], e["person"] or "", e["date"] or "")
                    for e in store.list_events(limit=100_000))
    stats = store.stats()
    return stats, quotes, events


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2) as client:
        yield client


def test_dask_ingest_equals_single_process(tmp_path, client):
    folder = _corpus(tmp_path, 40)
    single = open_store(str(tmp_path / "single.db"))
    ingest([str(folder)], single)
    spread = open_store(str(tmp_path / "dask.db"))
    report = ingest_with_dask([str(folder)], spread, client=client, partition_size=4)
    assert report.added == single.stats()["articles"] == 40
    assert _records(spread) == _records(single)
    again = ingest_with_dask([str(folder)], spread, client=client, partition_size=4)
    assert again.added == 0 and again.skipped == 40


def test_a_worker_that_dies_loses_nothing(tmp_path, client):
    folder = _corpus(tmp_path, 24)
    single = open_store(str(tmp_path / "single.db"))
    ingest([str(folder)], single)
    spread = open_store(str(tmp_path / "dask.db"))
    pids = client.run(os.getpid)
    killed = []

    def kill_once(_name: str) -> None:
        # after the first stored article, while later partitions are out on the workers
        if not killed:
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    report = ingest_with_dask([str(folder)], spread, client=client, partition_size=2, on_article=kill_once)
    assert killed and report.added == 24
    assert _records(spread) == _records(single)


def _html_page(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
    return (f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/politics'>Politics</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>{paragraphs}</article>"
            f"<footer>Copyright the test publisher</footer></body></html>").encode()


def test_warc_ingests_into_the_same_records_as_its_html_files(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = tmp_path / "pages"
    pages.mkdir()
    archive = tmp_path / "crawl.warc.gz"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, f in enumerate(sorted(BBC.glob("*.txt"))[:5] + sorted(SEEDS.glob("*.txt"))[:1]):
            lines = f.read_text(encoding="utf-8", errors="replace").split("\n", 1)
            page = _html_page(lines[0], lines[1] if len(lines) > 1 else "")
            (pages / f"{number}.html").write_bytes(page)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.example/{number}", "response",
                                                          payload=io.BytesIO(page), http_headers=headers))
            # a non-HTML response in the same crawl is passed over
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{number}.css", "response", payload=io.BytesIO(b"body{}"),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/css")], protocol="HTTP/1.1")))
    from_html = open_store(str(tmp_path / "html.db"))
    from_warc = open_store(str(tmp_path / "warc.db"))
    ingest([str(pages)], from_html)
    report = ingest([str(archive)], from_warc)
    assert report.added == 6 and not report.failures
    html_records, warc_records = _records(from_html), _records(from_warc)
    assert warc_records == html_records and html_records[1]
    urls = {a["url"] for a in from_warc.list_articles(limit=10)[0]}
    assert "https://news.example/0" in urls


def test_gzip_jsonl_and_feeds(tmp_path):
    rows = [{"id": f"bbc-{f.stem}", "text": f.read_text(encoding="utf-8", errors="replace")}
            for f in sorted(BBC.glob("*.txt"))[:3]]
    packed = tmp_path / "articles.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r) for r in rows) + "\n")
    read = list(read_inputs([str(packed)], Options()))
    assert [a.id for a in read] == [r["id"] for r in rows]
    # written for this test: a two-entry RSS feed, one entry without content
    feed = tmp_path / "feed.rss"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Example politics</title>
<item><title>Councillor quits party</title><link>https://news.example/a</link>
<pubDate>Wed, 16 Oct 2019 18:00:00 GMT</pubDate>
<description>&lt;p&gt;Jane Doe, a councillor in Barchester, has resigned from the Labour Party.&lt;/p&gt;
&lt;p&gt;"I could not stay," she said.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://news.example/b</link></item>
</channel></rss>""", encoding="utf-8")
    items = list(read_inputs([str(feed)], Options()))
    article, failure = items
    assert article.title == "Councillor quits party" and str(article.published) == "2019-10-16"
    assert article.text.split("\n\n")[1] == '"I could not stay," she said.'
    assert failure.code == "E106" and "news.example/b" in failure.source
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(b"not gzip at all")
    assert [(type(i).__name__, i.code) for i in read_inputs([str(broken)], Options())] == [("UnreadableArchive", "E109")]


def test_an_existing_scheduler_is_used_by_address(tmp_path, client):
    folder = _corpus(tmp_path, 6)
    store = open_store(str(tmp_path / "remote.db"))
    report = ingest_with_dask([str(folder)], store, scheduler=client.scheduler.address)
    assert report.added == 6 and store.stats()["articles"] == 6


def test_dask_workers_isolate_bad_articles_like_one_process(tmp_path, client):
    """Failures made on a worker (an outsized text, the article that once crashed entity
    clustering) come back as recorded failures; the good articles of the partition are stored."""
    good = ("Labour MP quits\n\nJane Doe, the MP for Somewhere, has quit the Labour Party. "
            '"I can no longer stay," she said.\n')
    rows = [{"id": "g1", "text": good}, {"id": "long", "text": good * 12_000},
            {"id": "clinton", "text": 'Row\n\nMr Clinton spoke. Mrs Clinton said: "We win." Clinton agreed.\n'},
            {"id": "g2", "text": good.replace("Jane Doe", "Ann Smith")}]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    options = Options(max_bytes=20_000_000)
    spread = open_store(str(tmp_path / "dask.db"))
    report = ingest_with_dask([str(batch)], spread, options, client=client, partition_size=2)
    single = open_store(str(tmp_path / "single.db"))
    alone = ingest([str(batch)], single, options)
    assert report.added == alone.added == 3
    assert [(f.code, f.source) for f in report.failures] == [(f.code, f.source) for f in alone.failures] == [
        ("E107", f"{batch}:2")]
    assert _records(spread) == _records(single)
