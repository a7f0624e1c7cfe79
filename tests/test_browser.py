"""The reading room in a real headless Chromium (Debian's ``chromium``, driven by Playwright):
search for Louise Ellman, open her page, see her quotes and her 2019-10-16 departure, open the
source article and see the quote highlighted. Screenshots go to ``screenshots/`` (git-ignored)."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import seeded_copy, serving
from playwright.sync_api import expect, sync_playwright

from newsgraph.web import create_app

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SHOTS = Path(__file__).resolve().parents[1] / "screenshots"


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeded_sqlite):
    import json

    from test_store import OUTLET_ROWS

    from newsgraph.service import ingest
    from newsgraph.store import open_store

    folder = tmp_path_factory.mktemp("browser")
    db = seeded_copy(seeded_sqlite, folder)
    # two outlets reporting one quote: the store has a quote trail to show
    (folder / "outlets.jsonl").write_text("\n".join(json.dumps(r) for r in OUTLET_ROWS) + "\n", encoding="utf-8")
    ingest([str(folder / "outlets.jsonl")], open_store(db))
    with serving(create_app(db=db)) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def page():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed: `python3 dev.py test` installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser.new_page(viewport={"width": 1100, "height": 900})
        browser.close()


def test_search_person_timeline_and_highlighted_source(server, page):
    SHOTS.mkdir(exist_ok=True)
    page.goto(server + "/")
    page.fill("#home-search", "Louise Ellman")
    page.press("#home-search", "Enter")
    page.wait_for_url("**/search?q=Louise+Ellman")
    page.screenshot(path=str(SHOTS / "1-search.png"))

    page.get_by_role("link", name="Louise Ellman").first.click()
    expect(page.locator("h1#name")).to_have_text("Louise Ellman")
    quotes = page.locator("#quotes li.quote")
    expect(quotes.first).to_be_visible()
    assert quotes.count() > 3
    departure = page.locator("#timeline tr.event", has_text="left the party").filter(has_text="2019-10-16")
    expect(departure).to_have_count(1)
    expect(page.locator('svg.timeline circle[data-date="2019-10-16"]')).to_have_count(1)
    page.screenshot(path=str(SHOTS / "2-person.png"), full_page=True)

    first_quote = quotes.first.locator("blockquote").inner_text()
    quotes.first.locator("a.source").click()
    page.wait_for_url("**/articles/**#q-*")
    anchor = page.url.rsplit("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    expect(mark).to_be_visible()
    assert " ".join(mark.inner_text().split()) == " ".join(first_quote.split())
    # the :target style makes the quote the page was opened for stand out from the others
    colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    others = page.locator("mark.quote").evaluate_all(
        "ms => ms.filter(m => !m.matches(':target')).map(m => getComputedStyle(m).backgroundColor)")
    assert others and colour not in others
    page.screenshot(path=str(SHOTS / "3-article.png"), full_page=True)


@pytest.mark.parametrize("width", [1000, 420])
def test_pages_fit_the_window(server, page, width):
    """The navigation bar and the quotes page fit a 1000 px window and a phone's 420 px."""
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("/", "/quotes", "/people"):
        page.goto(server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        box = page.locator("header").bounding_box()
        assert box is not None and box["x"] >= 0 and box["width"] <= width
    page.set_viewport_size({"width": 1100, "height": 900})


def _page_paths(server) -> dict[str, str]:
    """One page of every kind the reading room has, found through the API as a user would click."""
    import httpx

    api = httpx.Client(base_url=server)
    ellman = api.get("/api/people", params={"name": "Louise Ellman"}).json()["items"][0]["id"]
    org = next(o["id"] for o in api.get("/api/orgs", params={"limit": 200}).json()["items"] if o["quotes"])
    # the seed with a quote continued over paragraphs
    seed = next(a["id"] for a in api.get("/api/articles", params={"limit": 200}).json()["items"]
                if any("\n\n" in q["text"] for q in api.get(f"/api/articles/{a['id']}").json()["quotes"]))
    trail = api.get("/api/trails").json()["items"][0]["id"]
    return {"home": "/", "search": "/search?q=antisemitism", "people": "/people", "person": f"/people/{ellman}",
            "orgs": "/orgs", "org": f"/orgs/{org}", "articles": "/articles", "article": f"/articles/{seed}",
            "quotes": "/quotes", "trails": "/trails", "trail": f"/trails/{trail}"}


@pytest.mark.parametrize("width", [360, 1280])
def test_every_page_fits_the_window_and_is_saved(server, page, width):
    """Every kind of page at a phone's 360 px and a desktop's 1280 px: nothing wider than the
    window, the header inside it; a screenshot of each in screenshots/ to read by eye."""
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    try:
        for name, path in _page_paths(server).items():
            page.goto(server + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
            box = page.locator("header").bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, path
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    finally:
        page.set_viewport_size({"width": 1100, "height": 900})


@pytest.mark.parametrize("width", [360, 1280])
def test_article_names_each_speaker_visibly_and_marks_each_paragraph(server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    try:
        page.goto(server + _page_paths(server)["article"])
        marks = page.locator("mark.quote")
        assert marks.count() > 3
        # every quote's speaker label is on screen, inside the window, beside its quote
        labels = page.locator("span.who")
        assert labels.count() == page.locator("mark.quote[id]").count()
        for number in range(labels.count()):
            label = labels.nth(number)
            label.scroll_into_view_if_needed()
            expect(label).to_be_visible()
            box = label.bounding_box()
            assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= width + 1
        # a quote over several paragraphs is marked in each of them, never across one
        parts = page.locator("mark.quote").evaluate_all(
            "ms => ms.map(m => [m.dataset.quote, m.parentElement.tagName, m.querySelectorAll('p').length])")
        assert all(tag == "P" and inner == 0 for _, tag, inner in parts)
        quote_ids = [quote for quote, _, _ in parts]
        spread = [q for q in set(quote_ids) if quote_ids.count(q) > 1]
        assert spread, "a seed quote runs over several paragraphs"
        paragraphs = page.locator(f'mark.quote[data-quote="{spread[0]}"]').evaluate_all(
            "ms => new Set(ms.map(m => m.parentElement)).size")
        assert paragraphs == quote_ids.count(spread[0])
    finally:
        page.set_viewport_size({"width": 1100, "height": 900})
