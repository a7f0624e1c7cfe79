"""Quotation-mark spans, found character by character across paragraphs.

Counting marks fails on real news (an odd number of them in two of the three seeds), so
each mark is read from its context: what stands before and after it decides whether it
opens or closes. A quote left open at the end of a paragraph continues when the next
paragraph opens with a mark (or closes one before opening any), else it ends there.
"""
from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPENERS = "\u201c\u201e\u00ab"
DOUBLE_CLOSERS = "\u201d\u00bb"
DOUBLE_MARKS = DOUBLE_OPENERS + DOUBLE_CLOSERS + '"'
SINGLE_OPEN = "\u2018"
SINGLE_CLOSE = "\u2019"
_BEFORE_OPENER = " \t\n([{\u2014\u2013-:/"
# two apostrophes stand for a double mark in some archives (''That makes me smart''): the scan
# reads them as one straight mark followed by this filler, so that every offset stays the text's
DOUBLED = "''"
FILLER = "\u2060"
MAX_SINGLE_QUOTE = 300  # characters: a single-mark "quote" longer than this is apostrophes, not a quotation


@dataclass(frozen=True, slots=True)
class Marked:
    """The content between quotation marks (marks excluded)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    paragraphs: int = 1


def find_quoted(text: str, paragraphs: list[tuple[int, int]]) -> list[Marked]:
    """Quoted spans in the given paragraphs (``(start, end)`` offsets, in order)."""
    if DOUBLED in text:
        text = text.replace(DOUBLED, '"' + FILLER)
    found: list[Marked] = []
    open_at: int | None = None
    open_mark = 0
    spanned = 1
    for index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if open_at is not None:
            # continuing from the previous paragraph: its opening mark is not a new quote
            first = _first_mark(text, p_start, p_end)
            if first is not None and first == p_start and _is_opener(text, first, p_start):
                i = first + 1 + (text[first + 1: first + 2] == FILLER)
        nested = 0
        # curly marks from here to the paragraph's end, kept as the scan passes them (not
        # recounted at each opener: a long paragraph of marks stays linear)
        closers_left = sum(text.count(c, i, p_end) for c in DOUBLE_CLOSERS)
        openers_left = sum(text.count(c, i, p_end) for c in DOUBLE_OPENERS)
        while i < p_end:
            ch = text[i]
            if ch in DOUBLE_MARKS:
                # a curly opener inside an open quote nests when the rest of the paragraph closes
                # both (a writer who forgot a closing mark leaves one closer short)
                nests = ch in DOUBLE_OPENERS and closers_left >= openers_left + 1
                if open_at is None:
                    if _is_opener(text, i, p_start):
                        open_at, open_mark, spanned = i + 1 + (text[i + 1: i + 2] == FILLER), i, 1
                elif nests and _is_opener(text, i, p_start):
                    nested += 1  # "... what he calls “hell” than ...”": a quote inside the quote
                elif nested and _is_closer(text, i, p_end):
                    nested -= 1
                elif _is_closer(text, i, p_end):
                    if i > open_at:
                        found.append(Marked(open_at, i, open_mark, spanned))
                    open_at = None
                closers_left -= ch in DOUBLE_CLOSERS
                openers_left -= ch in DOUBLE_OPENERS
            i += 1
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is not None and _continues(text, nxt):
                spanned += 1
                continue
            end = _rstrip(text, open_at, p_end)
            if end > open_at:
                found.append(Marked(open_at, end, open_mark, spanned))
            open_at = None
    found += _single_quoted(text, paragraphs, found)
    found.sort(key=lambda m: m.start)
    return found


def _first_mark(text: str, start: int, end: int) -> int | None:
    for i in range(start, end):
        if text[i] in DOUBLE_MARKS:
            return i
    return None


def _after(text: str, i: int) -> str:
    """The character after the mark at ``i`` (after both apostrophes of a doubled one)."""
    j = i + 1 + (text[i + 1: i + 2] == FILLER)
    return text[j] if j < len(text) else " "


def _is_opener(text: str, i: int, p_start: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > p_start else " "
    after = _after(text, i)
    if after.isspace() or after in DOUBLE_MARKS:
        return False
    if ch in DOUBLE_OPENERS:
        return True
    # a straight mark, or a wrong-way closing mark used as an opener (”My own father)
    return before in _BEFORE_OPENER or before.isspace()


def _is_closer(text: str, i: int, p_end: int) -> bool:
    ch = text[i]
    if ch in DOUBLE_OPENERS:
        return False
    before = text[i - 1]
    after = _after(text, i) if i + 1 < p_end else " "
    if before.isspace() and after.isalnum():
        return False  # an opener in the wrong place; the closer is still to come
    return True


def _continues(text: str, paragraph: tuple[int, int]) -> bool:
    """Does an open quote run on into this paragraph?"""
    start, end = paragraph
    first = _first_mark(text, start, end)
    if first is None:
        return False
    if first == start:
        return _is_opener(text, first, start)
    # no opening mark, but the first mark closes: the quote ends in this paragraph
    return not _is_opener(text, first, start)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _single_quoted(text: str, paragraphs: list[tuple[int, int]], doubles: list[Marked]) -> list[Marked]:
    """‘...’ and '...' outside double quotes, within one paragraph (apostrophes are not marks)."""
    inside = [(m.open_mark, m.end + 1) for m in doubles]
    out = []
    for p_start, p_end in paragraphs:
        i = p_start
        while i < p_end:
            ch = text[i]
            if ch in (SINGLE_OPEN, "'") and _single_opens(text, i, p_start) and not _within(i, inside):
                close = _single_close(text, i + 1, p_end, ch)
                if close is not None and close - i - 1 <= MAX_SINGLE_QUOTE:
                    out.append(Marked(i + 1, close, i))
                    i = close
            i += 1
    return out


def _single_opens(text: str, i: int, p_start: int) -> bool:
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([") and after.isalpha()


def _single_close(text: str, start: int, end: int, opener: str) -> int | None:
    closers = (SINGLE_CLOSE, "'") if opener == SINGLE_OPEN else ("'",)
    for j in range(start, end):
        if text[j] in closers:
            before = text[j - 1]
            after = text[j + 1] if j + 1 < end else " "
            if not after.isalnum() and not before.isspace() and not (before == "s" and after == " " and
                                                                      text[j - 2:j] != "ss"):
                return j
        if text[j] in DOUBLE_MARKS:
            return None
    return None


def _within(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in spans)
