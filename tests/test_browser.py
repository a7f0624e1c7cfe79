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
    db = seeded_copy(seeded_sqlite, tmp_path_factory.mktemp("browser"))
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
