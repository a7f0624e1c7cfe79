"""The REST API and the pages, through FastAPI's test client, on the seeds stored in SQLite."""
from __future__ import annotations

import pytest
from conftest import SEEDS
from fastapi.testclient import TestClient

from newsgraph.service import ingest
from newsgraph.store import open_store
from newsgraph.web import create_app

# Written for these tests: an article whose text and quote carry markup that must stay text.
HOSTILE = """Council row over website

A councillor said the council's new website was "a disgrace <script>alert(1)</script> to us all".

Jane Doe, the council leader, said: "We will <b>fix</b> it by Friday."
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    path = str(folder / "web.db")
    ingest([str(SEEDS), str(folder / "hostile.txt")], open_store(path))
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db=db))


def test_api_quotes_by_speaker(client):
    page = client.get("/api/quotes", params={"speaker": "Louise Ellman"}).json()
    assert page["total"] == len(page["items"]) > 3
    assert {q["speaker"] for q in page["items"]} == {"Louise Ellman"}
    assert any("antisemitism" in q["text"].lower() for q in page["items"])


def test_api_paging_keeps_the_total(client):
    first = client.get("/api/quotes", params={"limit": 5}).json()
    second = client.get("/api/quotes", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] > 10
    assert not {(q["article_id"], q["start"]) for q in first["items"]} & {
        (q["article_id"], q["start"]) for q in second["items"]}
    assert client.get("/api/quotes", params={"limit": 0}).status_code == 422


def test_openapi_documents_the_api(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/people", "/api/people/{person_id}",
            "/api/events", "/api/search", "/api/analyze"} <= set(schema["paths"])


def test_openapi_lists_the_domain_vocabulary(client):
    from newsgraph.model import EventStatus, EventType, QuoteKind

    schema = client.get("/openapi.json").json()

    def values(path, name):
        (param,) = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
        found = param["schema"].get("anyOf", [param["schema"]])
        ref = next(f["$ref"] for f in found if "$ref" in f).rsplit("/", 1)[-1]
        return set(schema["components"]["schemas"][ref]["enum"])

    assert values("/api/events", "type") == {t.value for t in EventType}
    assert values("/api/events", "status") == {s.value for s in EventStatus}
    assert values("/api/quotes", "kind") == {k.value for k in QuoteKind}


def test_api_filters_by_vocabulary(client):
    events = client.get("/api/events", params={"type": "leave_party"}).json()["items"]
    assert events and {e["type"] for e in events} == {"leave_party"}
    assert client.get("/api/events", params={"type": "left"}).status_code == 422
    quotes = client.get("/api/quotes", params={"kind": "indirect"}).json()["items"]
    assert quotes and {q["kind"] for q in quotes} == {"indirect"}


def test_api_errors_carry_their_code(client, db):
    from newsgraph.errors import NotFound, TokenRequired, WritesDisabled

    for path in ("/api/articles/nope", "/api/people/999999", "/api/orgs/999999"):
        answer = client.get(path)
        assert answer.status_code == NotFound.http_status and answer.json()["code"] == NotFound.code
    body = {"text": "Tom Smith resigned.", "id": "web-code-1"}
    refused = TestClient(create_app(db=db)).post("/api/articles", json=body)
    assert (refused.status_code, refused.json()["code"]) == (WritesDisabled.http_status, WritesDisabled.code)
    unsigned = TestClient(create_app(db=db, token="s3cret")).post("/api/articles", json=body)
    assert (unsigned.status_code, unsigned.json()["code"]) == (TokenRequired.http_status, TokenRequired.code)
    assert unsigned.headers["WWW-Authenticate"] == "Bearer"


def test_api_framework_errors_carry_codes_too(client):
    """The answers the framework gives itself (bad parameter, no such address, no such method)."""
    from newsgraph.errors import InvalidRequest, MethodNotAllowed, NotFound

    for answer, error in ((client.get("/api/events", params={"type": "left"}), InvalidRequest),
                          (client.get("/api/quotes", params={"limit": "many"}), InvalidRequest),
                          (client.get("/api/no-such-thing"), NotFound),
                          (client.delete("/api/quotes"), MethodNotAllowed)):
        assert (answer.status_code, answer.json()["code"]) == (error.http_status, error.code), answer.text


def test_api_person_article_events_and_search(client):
    people = client.get("/api/people", params={"name": "ellman"}).json()["items"]
    ellman = client.get(f"/api/people/{people[0]['id']}").json()
    assert ellman["name"] == "Louise Ellman" and ellman["quotes"]
    assert ("leave_party", "2019-10-16") in {(e["type"], e["date"]) for e in ellman["timeline"]}
    article = client.get(f"/api/articles/{ellman['quotes'][0]['article_id']}").json()
    quote = article["quotes"][0]
    assert article["text"][quote["start"]:quote["end"]] == quote["text"]
    assert article["entities"] and article["events"] and article["events"][0]["evidence"]
    suspended = client.get("/api/events", params={"type": "suspend", "person": "Ivan Lewis"}).json()
    assert suspended["total"] >= 1 and suspended["items"][0]["person"] == "Ivan Lewis"
    assert client.get("/api/search", params={"q": "antisemitism"}).json()["items"]
    assert client.get("/api/articles/nope").status_code == 404


def test_api_analyze_does_not_store(client):
    before = client.get("/api/articles").json()["total"]
    text = 'Jo Bloggs, the Labour MP for Barchester, has resigned from the Labour Party.\n\n"I have had enough," she said.'
    result = client.post("/api/analyze", json={"text": text, "published": "2019-10-16"}).json()
    assert [(q["speaker"], q["text"]) for q in result["quotes"]] == [("Jo Bloggs", "I have had enough,")]
    assert any(e["type"] == "leave_party" for e in result["events"])
    assert client.get("/api/articles").json()["total"] == before


def test_api_analyze_refuses_bad_bodies(db):
    client = TestClient(create_app(db=db, max_body=1000))
    assert client.post("/api/analyze", json={"text": "x" * 2000}).status_code == 413
    assert client.post("/api/analyze", json={"text": ""}).status_code == 422
    assert client.post("/api/analyze", json={"txt": "no text field"}).status_code == 422
    assert client.post("/api/analyze", content=b"not json", headers={"content-type": "application/json"}
                       ).status_code == 422
    refused = client.post("/api/analyze", json={"text": "\x00\x01\x02binary\x00" * 10})
    assert refused.status_code == 422 and "E10" in refused.json()["detail"]


def test_writes_need_a_configured_token(db):
    body = {"text": "Tom Smith resigned from the Green Party on Tuesday.", "id": "web-write-1"}
    assert TestClient(create_app(db=db)).post("/api/articles", json=body).status_code == 403
    client = TestClient(create_app(db=db, token="s3cret"))
    assert client.post("/api/articles", json=body).status_code == 401
    assert client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    added = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
    assert added.status_code == 201 and added.json()["added"] == 1
    again = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
    assert again.json()["added"] == 0 and again.json()["skipped"] == 1
    assert client.get("/api/articles/web-write-1").json()["text"].startswith("Tom Smith")


def test_pages_escape_article_text(client):
    hostile = [a for a in client.get("/api/articles", params={"limit": 100}).json()["items"]
               if a["title"] == "Council row over website"][0]
    page = client.get(f"/articles/{hostile['id']}").text
    assert "<script>alert(1)</script>" not in page and "<b>fix</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<mark class="quote' in page


def test_pages_answer(client):
    labour = client.get("/api/people", params={"name": "Labour"}).json()["total"]
    assert labour == 0  # organisations are not people
    ellman_id = client.get("/api/people", params={"name": "Louise Ellman"}).json()["items"][0]["id"]
    person = client.get(f"/people/{ellman_id}").text
    assert "Louise Ellman" in person and "2019-10-16" in person and "<svg" in person
    search = client.get("/search", params={"q": "Ellman"}).text
    assert f'href="/people/{ellman_id}"' in search
    assert "Louise Ellman" in client.get("/quotes", params={"speaker": "Louise Ellman"}).text
    assert client.get("/people/999999").status_code == 404
    assert client.get("/static/style.css").status_code == 200


def test_org_page_shows_membership_in_date_order(client):
    orgs = client.get("/orgs", params={"name": "Labour"}).text
    assert "/orgs/" in orgs
    import re

    org_id = re.search(r'href="/orgs/(\d+)">Labour', orgs).group(1)
    found = client.get(f"/api/orgs/{org_id}").json()
    dated = [e["date"] for e in found["membership"] if e["date"]]
    assert dated == sorted(dated) and {"2019-10-16", "2019-02"} <= set(dated)
    page = client.get(f"/orgs/{org_id}").text
    assert "Louise Ellman" in page and ">left the party<" in page and 'data-type="leave_party"' in page
    # the chart's legend names each colour it uses in words
    assert '<g class="legend" data-type="leave_party">' in page and ">left the party</text>" in page


def test_person_chart_lanes_and_legend_in_words(client):
    ellman_id = client.get("/api/people", params={"name": "Louise Ellman"}).json()["items"][0]["id"]
    chart = client.get(f"/people/{ellman_id}").text.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'class="lane">left the party</text>' in chart and "leave_party</text>" not in chart
    assert '<g class="legend" data-type="leave_party">' in chart


def test_pages_count_in_words(client):
    from newsgraph.web.app import counted

    assert (counted(1, "article"), counted(5, "article"), counted(0, "quote")) == ("1 article", "5 articles", "0 quotes")
    home = client.get("/").text
    assert " 1 articles" not in home and " 1 quotes" not in home
    search = client.get("/search", params={"q": "Ellman"}).text
    assert "Louise Ellman" in search and "1 articles" not in search


def test_pages_search_marks_matches_escaped_with_title_date_and_speaker(client):
    page = client.get("/search", params={"q": "antisemitism"}).text
    assert "<mark>" in page and "[antisemitism]" not in page.lower()
    assert "Louise Ellman" in page and "2019-10-16" in page
    hostile = client.get("/search", params={"q": "disgrace"}).text
    assert "<script>alert(1)</script>" not in hostile and "&lt;script&gt;" in hostile


def test_pages_quotes_newest_first_without_one_word_fragments(client, db):
    import re as regex

    from newsgraph.store import open_store

    page = client.get("/quotes").text
    dates = regex.findall(r"· (\d{4}-\d{2}-\d{2}) ·", page)
    assert dates and dates == sorted(dates, reverse=True)
    store = open_store(db)
    every = store.list_quotes(limit=10_000)
    one_word = [q for q in every if q["kind"] == "mixed" and " " not in q["text"]]
    assert one_word, "the seeds hold one-word fragments"
    assert store.count_quotes(fragments=False) == len(every) - len(one_word)
    shown = client.get("/quotes", params={"fragments": "true", "kind": "mixed"}).text
    assert any(f"<blockquote>{q['text']}</blockquote>" in shown for q in one_word)


def test_pages_no_empty_separators_where_a_quote_has_no_date(client):
    import re as regex

    people = client.get("/api/people", params={"limit": 50}).json()["items"]
    pages = [client.get(f"/people/{p['id']}").text for p in people] + [client.get("/quotes").text]
    assert not any(regex.search(r"·\s*·", page) for page in pages)


def test_pages_article_names_speakers_and_marks_stay_inside_paragraphs(client):
    import re as regex

    articles = client.get("/api/articles", params={"limit": 50}).json()["items"]
    seen_label = False
    for row in articles:
        page = client.get(f"/articles/{row['id']}").text
        body = page.split('<article class="text">', 1)[1].split("</article>", 1)[0]
        # no mark spans a paragraph break: every <mark ...>...</mark> holds no </p>
        assert not any("</p>" in m for m in regex.findall(r"<mark[^>]*>(.*?)</mark>", body, regex.S))
        seen_label |= '<span class="who"> \u2014 ' in body
        if row.get("title"):  # the heading is the title; the text does not open with it again
            from markupsafe import escape

            assert not body.lstrip().removeprefix("<p>").lstrip().startswith(str(escape(row["title"])))
    assert seen_label
    ellman = client.get("/api/people", params={"name": "Louise Ellman"}).json()["items"][0]
    text = next(client.get(f"/articles/{a['id']}").text for a in articles if a["published"] == "2019-10-16")
    assert f'<span class="who"> \u2014 <a href="/people/{ellman["id"]}">Louise Ellman</a></span>' in text


def test_outlet_filter_in_the_api_pages_and_cli(tmp_path):
    import json
    import subprocess
    import sys

    from test_store import OUTLET_ROWS

    source = tmp_path / "outlets.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in OUTLET_ROWS) + "\n", encoding="utf-8")
    path = str(tmp_path / "outlets.db")
    ingest([str(source)], open_store(path))
    client = TestClient(create_app(db=path))
    assert [o["outlet"] for o in client.get("/api/outlets").json()] == ["northern-gazette", "southern-echo"]
    echo = client.get("/api/quotes", params={"outlet": "southern-echo"}).json()
    assert echo["total"] == 1 and echo["items"][0]["outlet"] == "southern-echo"
    assert client.get("/api/articles", params={"outlet": "southern-echo"}).json()["total"] == 1
    page = client.get("/quotes", params={"outlet": "northern-gazette"}).text
    assert "Tom Brown" in page and '<option value="northern-gazette" selected>' in page
    assert "southern-echo</option>" not in page.split("</select>")[-1]  # the list shows the chosen outlet's quotes
    articles = client.get("/articles", params={"outlet": "southern-echo"}).text
    assert "Budget fight" in articles and "Council row goes on" not in articles
    done = subprocess.run([sys.executable, "-m", "newsgraph.cli", "quotes", "--db", path, "--outlet", "southern-echo",
                           "--format", "jsonl"], capture_output=True, text=True, check=True)
    assert [json.loads(line)["outlet"] for line in done.stdout.splitlines()] == ["southern-echo"]


def test_person_quotes_grouped_under_their_article_and_org_statements_listed(client):
    import re

    ellman_id = client.get("/api/people", params={"name": "Louise Ellman"}).json()["items"][0]["id"]
    found = client.get(f"/api/people/{ellman_id}").json()
    page = client.get(f"/people/{ellman_id}").text
    sections = re.findall(r'<section class="said">(.*?)</section>', page, re.S)
    assert len(sections) == len({q["article_id"] for q in found["quotes"]}) >= 1
    assert sum(s.count('<li class="quote">') for s in sections) == len(found["quotes"])
    orgs = client.get("/api/orgs", params={"limit": 200}).json()["items"]
    speaking = [o for o in orgs if o["quotes"]]
    assert speaking, "the seeds quote at least one organisation"
    org_page = client.get(f"/orgs/{speaking[0]['id']}").text
    statement = client.get(f"/api/orgs/{speaking[0]['id']}").json()["quotes"][0]["text"]
    assert "<h2>Statements</h2>" in org_page and statement.split()[0] in org_page
