"""Cleaning before NLP: find what is not article body, without changing the text.

Offsets are the product's evidence, so nothing is deleted: datelines, headlines,
standfirsts, photo credits, captions and embedded social posts are *marked* as regions,
and later stages skip or use them. A dateline also gives the publication date.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from .model import Article, Post, Region

# "05/04/2017 19:09 BST | Updated 05/04/2017 19:16 BST"
_TIMESTAMP = re.compile(
    r"^\s*(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})"
    r"(?:\s+\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4})?)?\s*(?:\|\s*Updated\b.*)?$"
)
# "Published 16 October 2019" / "Updated: Wednesday 16 October 2019 10:02"
_PUBLISHED = re.compile(
    r"^\s*(?:Published|Posted|First published)(?: on)?:?\s+(?:\w+day,?\s+)?"
    r"(?P<rest>\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4})"
)
_CREDIT = re.compile(
    r"(?:\bvia\b|/|\||\bfor\b|\bby\b|\(|^)\s*(?:Getty(?: Images)?|AFP|Reuters|PA(?: Images| Wire| Media)?|"
    r"Shutterstock|Alamy|EPA|AP(?: Photo)?|Rex Features|REX|Bloomberg)\)?\s*$"
    r"|^(?:Photo(?:graph)?|Picture|Image)(?: credit)?\s*:",
    re.IGNORECASE,
)
# "— Louise Ellman MP (@LouiseEllman) October 16, 2019"
_SIGNATURE = re.compile(
    r"^\s*[\u2014\u2013-]{1,2}\s*(?P<name>[^()\n]*?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\s*$"
)
_TRAILING_LINKS = re.compile(r"(?:\s+(?:https?://\S+|pic\.twitter\.com/\S+))+\s*$")
_POST_LINK = re.compile(r"(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)\s*$")
_NAME_SUFFIXES = re.compile(r"(?:\s+(?:MP|MEP|MSP|AM|MLA|QC|KC|OBE|MBE|CBE))+$")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")

HEADLINE_MAX_WORDS = 25
CAPTION_MAX_WORDS = 40
NON_BODY = frozenset({"dateline", "headline", "standfirst", "credit", "caption", "post", "comments"})
# Reader comments printed under an article (BBC "Have your say") carry no names and no marks; what
# tells them is their voice: first person, questions and exclamations, and no reporting verb.
_QUOTED = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d')
_PERSONAL = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|myself|you|your|we're|let's)\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:said|says|saying|told|tells|added|according to|announced|insisted|argued)\b")
COMMENTS_MIN_PARAGRAPHS = 5  # a run of reader comments is at least this long
COMMENTS_VOICE = 0.6  # share of the run written in a reader's voice
ARTICLE_VOICE = 0.25  # at most this share of the article above it in that voice
ARTICLE_MIN_PARAGRAPHS = 3  # comments follow an article of at least this many paragraphs
ARTICLE_REPORTED = 0.5  # share of the article's paragraphs (after the headline) that report speech


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str
    block: int  # paragraphs are runs of lines between blank lines


@dataclass(frozen=True, slots=True)
class Layout:
    """What the cleaner found: non-body regions, posts, and header metadata."""

    regions: tuple[Region, ...]
    posts: tuple[Post, ...]
    published: dt.date | None
    headline: str | None
    lines: tuple[Line, ...] = ()

    def body_paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of every line of article body, in order."""
        return [(line.start, line.end) for line in self.lines if self.is_body(line.start, line.end)]

    def is_body(self, start: int, end: int) -> bool:
        """True when the span overlaps no non-body region."""
        return not any(r.start < end and start < r.end for r in self.regions if r.kind in NON_BODY)


def clean(article: Article, *, day_first: bool = True) -> Layout:
    """Mark the non-body regions of an article and read its dateline and posts."""
    lines = split_lines(article.text)
    regions: list[Region] = []
    published = None
    taken: set[int] = set()

    for i, line in enumerate(lines[:4]):
        date = _dateline_date(line.text, day_first)
        if date:
            published = published or date
            regions.append(Region(line.start, line.end, "dateline"))
            taken.add(i)

    headline_index = _headline_index(lines, taken, article.title)
    headline = None
    if headline_index is not None:
        line = lines[headline_index]
        headline = line.text.strip()
        regions.append(Region(line.start, line.end, "headline"))
        taken.add(headline_index)

    regions += _credits_and_captions(lines, taken, headline_index)
    regions += _reader_comments(lines)
    posts, post_regions = _posts(lines, taken)
    regions += post_regions
    if published is None:
        # no dateline: an article is published no earlier than the newest post it embeds
        published = max((p.date for p in posts if p.date), default=None)
    return Layout(tuple(sorted(regions, key=lambda r: r.start)), tuple(posts), published, headline, tuple(lines))


def _reader_comments(lines: list[Line]) -> list[Region]:
    """The run of reader comments that ends an article, if any: from the first paragraph in a
    reader's voice after which most paragraphs are, above which almost none is."""
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line)
    paragraphs = list(blocks.values())
    texts = [" ".join(line.text for line in p) for p in paragraphs]
    voiced = [_in_readers_voice(text) for text in texts]
    reported = [bool(_REPORTED.search(text)) for text in texts]
    # running sums: one pass over the paragraphs, however many an input has
    voiced_above = list(itertools.accumulate(voiced, initial=0))
    reported_above = list(itertools.accumulate(reported, initial=0))
    total = len(paragraphs)
    for k in range(ARTICLE_MIN_PARAGRAPHS, total - COMMENTS_MIN_PARAGRAPHS + 1):
        run_voice = (voiced_above[total] - voiced_above[k]) / (total - k)
        # the article above is a report (a columnist writing "I" throughout is no reader)
        news = (reported_above[k] - reported_above[1]) / (k - 1) >= ARTICLE_REPORTED
        if voiced[k] and news and run_voice >= COMMENTS_VOICE and voiced_above[k] / k <= ARTICLE_VOICE:
            return [Region(paragraphs[k][0].start, paragraphs[-1][-1].end, "comments")]
    return []


def _in_readers_voice(paragraph: str) -> bool:
    if _REPORTED.search(paragraph) or paragraph.lstrip()[:1] in "\"\u201c'":
        return False  # reported speech is the journalist's
    if paragraph.count('"') % 2 or paragraph.count("\u201c") != paragraph.count("\u201d"):
        return False  # a quotation running over paragraphs
    bare = _QUOTED.sub(" ", paragraph)
    return bool(_PERSONAL.search(bare)) or bare.rstrip().endswith(("!", "?"))


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their offsets and paragraph-block numbers."""
    lines: list[Line] = []
    block, offset, blank_before = 0, 0, False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            if blank_before and lines:
                block += 1
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(offset + lead, offset + lead + len(stripped), stripped, block))
            blank_before = False
        else:
            blank_before = True
        offset += len(raw) + 1
    return lines


def _dateline_date(text: str, day_first: bool) -> dt.date | None:
    match = _TIMESTAMP.match(text)
    if match:
        first, second, year = int(match["d"]), int(match["m"]), int(match["y"])
        day, month = (first, second) if day_first else (second, first)
        if month > 12:  # the order is unambiguous whatever the source's habit
            day, month = month, day
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    match = _PUBLISHED.match(text)
    if match:
        return _parse_day(match["rest"])
    return None


def _parse_day(text: str) -> dt.date | None:
    text = re.sub(r"\s+", " ", text.replace(",", "").replace(".", "")).strip()
    for fmt in ("%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _headline_index(lines: list[Line], taken: set[int], title: str | None) -> int | None:
    """The first free line, when it reads as a headline: short and not a sentence."""
    for i, line in enumerate(lines):
        if i in taken:
            continue
        if title and line.text.strip() == title.strip():
            return i
        words = len(line.text.split())
        is_sentence = bool(_SENTENCE_END.search(line.text))
        return i if words <= HEADLINE_MAX_WORDS and not is_sentence else None
    return None


def _credits_and_captions(lines: list[Line], taken: set[int], headline: int | None) -> list[Region]:
    regions = []
    for i, line in enumerate(lines):
        if i in taken or len(line.text.split()) > 12 or not _CREDIT.search(line.text):
            continue
        regions.append(Region(line.start, line.end, "credit"))
        taken.add(i)
        caption = _caption_index(lines, i, taken)
        if caption is not None:
            regions.append(Region(lines[caption].start, lines[caption].end, "caption"))
            taken.add(caption)
        # Web layouts put the standfirst between the headline and the lead picture.
        if headline is not None and 0 < i - headline <= 3:
            for j in range(headline + 1, i):
                if j not in taken:
                    regions.append(Region(lines[j].start, lines[j].end, "standfirst"))
                    taken.add(j)
    return regions


def _caption_index(lines: list[Line], credit: int, taken: set[int]) -> int | None:
    """A caption sits next to its credit in the same paragraph block."""
    for j in (credit + 1, credit - 1):
        if 0 <= j < len(lines) and j not in taken and lines[j].block == lines[credit].block:
            if len(lines[j].text.split()) <= CAPTION_MAX_WORDS:
                return j
    return None


def _posts(lines: list[Line], taken: set[int]) -> tuple[list[Post], list[Region]]:
    """Embedded posts: a signature line and the text above it, or a line ending in post links."""
    posts, regions = [], []
    for i, line in enumerate(lines):
        match = _SIGNATURE.match(line.text)
        if not match or i == 0 or (i - 1) in taken:
            continue
        body = lines[i - 1]
        post = _post(body, line.end, match["name"], match["handle"], _parse_day(match["date"]))
        if post:
            posts.append(post)
            regions.append(Region(body.start, line.end, "post"))
            taken.update({i - 1, i})
    for i, line in enumerate(lines):
        if i in taken or not _POST_LINK.search(line.text):
            continue
        post = _post(line, line.end, None, None, None)
        if post:
            posts.append(post)
            regions.append(Region(line.start, line.end, "post"))
            taken.add(i)
    posts.sort(key=lambda p: p.start)
    return posts, regions


def _post(body: Line, block_end: int, name: str | None, handle: str | None, date: dt.date | None) -> Post | None:
    text = _TRAILING_LINKS.sub("", body.text)
    if not text.strip():
        return None
    author = _NAME_SUFFIXES.sub("", name.strip()) if name else None
    return Post(
        start=body.start,
        end=body.start + len(text),
        text=text,
        author=author or None,
        handle=handle,
        date=date,
        block_start=body.start,
        block_end=block_end,
    )
