from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.clean import clean
from newsgraph.ingest import read_path
from newsgraph.model import Article

from conftest import SHARED, seed


def _layout(name):
    (article,) = read_path(seed(name))
    return article, clean(article)


def _regions(article, layout, kind):
    return [article.text[r.start:r.end] for r in layout.regions if r.kind == kind]


@pytest.mark.parametrize("name", ["002"])
def test_clean_dateline_gives_published_in_uk_order(name):
    article, layout = _layout(name)
    assert layout.published == dt.date(2017, 4, 5)
    assert _regions(article, layout, "dateline") == ["05/04/2017 19:09 BST | Updated 05/04/2017 19:16 BST"]


@pytest.mark.parametrize("text,day_first,expected", [
    ("04/05/2017 09:00 BST\n\nBody text here.", True, dt.date(2017, 5, 4)),
    ("04/05/2017 09:00 EDT\n\nBody text here.", False, dt.date(2017, 4, 5)),
    ("25/12/2018\n\nBody.", False, dt.date(2018, 12, 25)),
    ("Published 16 October 2019\n\nBody.", True, dt.date(2019, 10, 16)),
])
def test_clean_dateline_orders(text, day_first, expected):
    assert clean(Article("x", text), day_first=day_first).published == expected


@pytest.mark.parametrize("name", ["002"])
def test_clean_marks_headline_standfirst_credits_and_captions(name):
    article, layout = _layout(name)
    assert layout.headline.startswith("'Scores' Of Jewish Labour Members")
    assert _regions(article, layout, "standfirst") == ["Livingstone says he'll 'believe it when I see it'."]
    assert _regions(article, layout, "credit") == ["Dan Kitwood via Getty Images", "Ian Forsyth via Getty Images"]
    captions = _regions(article, layout, "caption")
    assert captions[0].startswith("Livingstone being spared expulsion")
    assert captions[1].startswith("Jeremy Corbyn bowed to pressure")
    # the body is untouched: its first paragraph is not marked
    body_start = article.text.index("\u201dScores\u201d of Labour members")
    assert layout.is_body(body_start, body_start + 20)


@pytest.mark.parametrize("name", ["000", "001"])
def test_clean_first_line_that_is_a_sentence_is_body(name):
    article, layout = _layout(name)
    assert layout.headline is None
    first_line = article.text.split("\n")[0]
    assert layout.is_body(0, len(first_line))


@pytest.mark.parametrize("path", [SHARED / "corpus" / "bbc" / "politics" / "112.txt"])
def test_clean_bbc_first_line_is_the_headline(path):
    (article,) = read_path(path)
    layout = clean(article)
    assert layout.headline == article.text.split("\n")[0].strip()


@pytest.mark.parametrize("name", ["000"])
def test_clean_finds_the_embedded_posts(name):
    article, layout = _layout(name)
    posts = layout.posts
    assert [(p.author, p.handle, p.date) for p in posts] == [
        ("Louise Ellman", "@LouiseEllman", dt.date(2019, 10, 16)),
        ("LFI", "@_LFI", dt.date(2019, 10, 16)),
        ("Mike Katz", "@mikekatz", dt.date(2019, 10, 16)),
        (None, None, None),
    ]
    for post in posts:
        assert article.text[post.start:post.end] == post.text
        assert "pic.twitter.com" not in post.text and "t.co/" not in post.text
        assert "\u2014" not in post.text
    assert posts[0].text.startswith("I have made the truly agonising decision")
    assert posts[3].text == "This is what institutional racism looks like. How shameful."
    assert not layout.is_body(posts[0].start, posts[0].end)


# An article in the BBC's shape, written for this test: a report, then readers' comments.
REPORT_THEN_COMMENTS = """Councillor quits party over budget

Councillor Jane Smith has left the Green Party after a row over the council budget, the party said.

Ms Smith said she had been "let down" by colleagues and told the BBC she would sit as an independent.

A party spokesman said it regretted her decision and added that the budget would still pass.

The council leader, Tom Reed, said the vote on Thursday would go ahead as planned.

I think she is right to go. The party has lost its way on local issues!

Good riddance. Who needs councillors who cannot count?

As a Green voter for twenty years I have had enough of this in-fighting.

My council tax has gone up again and nobody listens.

You could not make it up. She should resign her seat and stand again.
"""

# A columnist writes "I" and "you" throughout: no reader speaks there.
COLUMN = """Small steps to save for college

In this season of hope we might wish the candidates would reckon with the price of college.

The candidates' plans do not hold out much hope, and the states may not want to chip in.

So what we need is one plan. The best one I know of comes from a financial adviser in Wisconsin.

Save a quarter of the cost over the first 18 years. You can do it with small monthly sums.

Pay another quarter out of your income over the next four years. I have seen it work.

Borrow the rest. My own family did, and you will manage too.

Are there risks? Of course there are, and I will come to them.
"""


def test_clean_reader_comments_under_a_report_are_not_body():
    text = REPORT_THEN_COMMENTS
    layout = clean(Article(id="c", text=text))
    (comments,) = [r for r in layout.regions if r.kind == "comments"]
    assert text[comments.start:].startswith("I think she is right to go.")
    assert layout.is_body(text.index("Tom Reed"), text.index("Tom Reed") + 8)
    assert not layout.is_body(text.index("resign her seat"), text.index("resign her seat") + 4)


def test_clean_a_column_in_the_first_person_is_all_body():
    layout = clean(Article(id="c", text=COLUMN))
    assert [r for r in layout.regions if r.kind == "comments"] == []
