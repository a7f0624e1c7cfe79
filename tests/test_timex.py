from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.extract.timex import find_times, parse_single

PUBLISHED = dt.date(2019, 10, 16)  # a Wednesday


@pytest.mark.parametrize("text,value,granularity", [
    ("on October 16, 2019 she", "2019-10-16", "day"),
    ("on 16 October 2019 she", "2019-10-16", "day"),
    ("on 05/04/2017 at", "2017-04-05", "day"),
    ("in November 2017 he", "2017-11", "month"),
    ("in February she quit", "2019-02", "month"),
    ("in November he quit", "2018-11", "month"),
    ("in 1997 he", "1997", "year"),
    ("on Wednesday evening the", "2019-10-16", "day"),
    ("on Monday the", "2019-10-14", "day"),
    ("55 years ago", "1964", "year"),
    ("last year", "2018", "year"),
    ("last month", "2019-09", "month"),
    ("this afternoon", "2019-10-16", "day"),
    ("yesterday", "2019-10-15", "day"),
    ("in the New Year", "2020", "year"),
    ("since 1997", "1997", "year"),
])
def test_timex_normalises_against_publication(text, value, granularity):
    (found,) = find_times(text, PUBLISHED)
    assert (found.value, found.granularity) == (value, granularity)
    assert text[found.start:found.end] == found.text


@pytest.mark.parametrize("text", ["a £1997 fee", "the 1990s", "it cost 2,000 pounds", "the 73-year-old"])
def test_timex_ignores_numbers_that_are_not_dates(text):
    assert find_times(text, PUBLISHED) == []


@pytest.mark.parametrize("text", ["He told BBC Radio 4's Today programme he had quit.",
                                  "In an interview with Trending Today USA, Ham spoke."])
def test_timex_a_capitalised_day_word_inside_a_name_is_no_time(text):
    assert find_times(text, PUBLISHED) == []


@pytest.mark.parametrize("text", ["Today, he quit.", "He said. Today he quit.", "He quit today."])
def test_timex_the_day_word_in_a_sentence_is_the_publication_day(text):
    assert [t.value for t in find_times(text, PUBLISHED)] == ["2019-10-16"]


@pytest.mark.parametrize("text", ["in February"])
def test_timex_relative_without_publication_is_unanchored(text):
    (found,) = find_times(text, None)
    assert found.value is None


@pytest.mark.parametrize("expression,expected", [("3rd of March 2004", "2004-03-03")])
def test_timex_single_expression_through_dateparser(expression, expected):
    assert parse_single(expression, PUBLISHED) == expected


@pytest.mark.parametrize("text,value", [("on 2004-03-03 he", "2004-03-03")])
def test_timex_spacy_dates_the_patterns_miss_go_to_dateparser(text, value):
    start = text.index("2004")
    end = text.index(" he")
    (found,) = [t for t in find_times(text, PUBLISHED, candidates=[(start, end)]) if t.value == value]
    assert found.text == text[start:end]


@pytest.mark.parametrize("text,value", [
    ("He lost in 1984. Reagan went on to win that year.", "1984"),
    ("He lost in 1984. The following year he won.", "1985"),
    ("She joined in March 2001. A year later she quit.", "2002"),
    ("He resigned in 1995. Four years later he became vice-president.", "1999"),
    ("He won in 2001. Two years earlier he had lost.", "1999"),
])
def test_timex_year_told_by_the_year_before(text, value):
    assert find_times(text, PUBLISHED)[-1].value == value


def test_timex_later_in_the_year_is_the_year_told_before():
    found = find_times("Labour won in February 1974. Wilson increased his majority later in the year.", PUBLISHED)
    assert [(t.text, t.value) for t in found] == [("February 1974", "1974-02"), ("later in the year", "1974")]


def test_timex_year_told_by_nothing_before_is_dropped():
    assert find_times("That year he won.", PUBLISHED) == []
