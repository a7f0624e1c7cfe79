"""Temporal expressions, normalised against the article's publication date.

Finding and anchoring are ours (patterns below, relative to ``published``); single
absolute expressions that the patterns do not cover go to dateparser. Values are ISO
prefixes at the expression's own granularity: ``2019``, ``2019-02``, ``2019-10-16``.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from ..data import mapping
from ..model import TimeValue

# pattern kinds with day, month and year
FULL_DATE_KINDS = frozenset({"dmy", "mdy"})
# pattern kinds that give a year
YEAR_KINDS = frozenset({"year", "since"})
# pattern kinds with day and month only
DAY_MONTH_KINDS = frozenset({"dm", "md"})
WEEK_UNITS = frozenset({"week", "weekend"})


MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER_WORDS = mapping("timex", "number_words")  # "two years ago", "a week later"

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m>{_MONTH}),? (?P<y>(?:19|20)\d\d)\b")),
    ("mdy", re.compile(rf"\b(?P<m>{_MONTH}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d\d)\b")),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)\b")),
    ("my", re.compile(rf"\b(?P<m>{_MONTH}) (?:of )?(?P<y>(?:19|20)\d\d)\b")),
    ("dm", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m>{_MONTH})\b")),
    ("md", re.compile(rf"\b(?P<m>{_MONTH}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d)")),
    ("since", re.compile(r"\b[Ss]ince (?P<y>(?:19|20)\d\d)\b")),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|a|an) "
                       r"(?P<unit>years?|months?|weeks?|days?) ago\b", re.I)),
    ("relative", re.compile(r"\b(?P<which>[Ll]ast|[Tt]his|[Nn]ext) (?P<unit>year|month|week|weekend|"
                            r"spring|summer|autumn|winter)\b")),
    ("new_year", re.compile(r"\b(?:in|by|after) the New Year\b")),
    # a year told by the one named before it: "won in 1984 ... went on to win that year"
    ("anaphoric", re.compile(r"\b(?P<which>[Tt]hat|[Tt]he same|[Tt]he following|[Tt]he previous) year\b"
                             r"|\b(?:[Ll]ater|[Ee]arlier) in the year\b"
                             r"|\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|a|an) "
                             r"years? (?P<later>later|earlier)\b", re.I)),
    ("deictic", re.compile(r"\b(?P<word>[Tt]oday|[Yy]esterday|[Tt]onight|[Tt]his (?:morning|afternoon|evening))\b")),
    ("weekday", re.compile(rf"\b(?:(?P<which>[Ll]ast|[Oo]n|[Tt]his) )?(?P<wd>{_WEEKDAY})"
                           r"(?: (?:morning|afternoon|evening|night))?\b")),
    ("month", re.compile(r"\b(?:[Ii]n|[Ll]ast|[Tt]his|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Ee]arly|[Ll]ate) "
                         rf"(?P<m>{_MONTH})\b"
                         r"(?! \d)")),
    ("year", re.compile(r"(?<![\d£$€.,/-])\b(?P<y>(?:19|20)\d\d)\b(?![\d%,.]\d|s\b|-\d)")),
]


def find_times(text: str, published: dt.date | None, *, day_first: bool = True,
               skip=lambda start, end: False, candidates: Sequence[tuple[int, int]] = ()) -> list[TimeValue]:
    """Every temporal expression of the text with its normalised value (``None`` if unanchored).

    ``candidates`` are further spans (spaCy's DATE entities) that the patterns may miss;
    those naming a month or a year are parsed by dateparser.
    """
    found: list[TimeValue] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if skip(start, end) or any(s < end and start < e for s, e in taken):
                continue
            if kind == "deictic" and _inside_a_name(text, start):
                continue  # "Radio 4's Today programme", "Trending Today USA": a name, no time
            value, granularity = _normalise(kind, match, published, day_first)
            found.append(TimeValue(start, end, match.group(0), value, granularity))
            taken.append((start, end))
    for start, end in candidates:
        expression = text[start:end]
        if skip(start, end) or any(s < end and start < e for s, e in taken):
            continue
        if not (_YEARISH.search(expression) and (re.search(_MONTH, expression) or _ISO.search(expression))):
            continue
        value = parse_single(expression, published)
        if value:
            found.append(TimeValue(start, end, expression, value, "day"))
    found.sort(key=lambda t: t.start)
    return _anchor_anaphoric(found)


def _inside_a_name(text: str, start: int) -> bool:
    """'Today' written with a capital where no sentence starts: English writes the day word in lower
    case there, so the capital is a name's ("BBC Radio 4's Today programme", "USA Today")."""
    if not text[start].isupper():
        return False
    at = start - 1
    while at >= 0 and text[at] in " \t":  # back over the spaces, not a copy of the text before
        at -= 1
    return at >= 0 and text[at] not in SENTENCE_OPENERS


SENTENCE_OPENERS = frozenset(".!?:;\n\"'\u201c\u2018([-\u2013\u2014")  # what may stand before a sentence's first word


ANAPHORIC_SHIFT = mapping("timex", "anaphoric_shift")  # "the following year": one after the last dated


def _anchor_anaphoric(found: list[TimeValue]) -> list[TimeValue]:
    """'that year', 'the following year': the year of the last dated expression before it."""
    out: list[TimeValue] = []
    for time in found:
        if time.granularity == "anaphoric":
            year = next((t.value[:4] for t in reversed(out) if t.value), None)
            if year is None:
                continue
            # the expression's own words say which way it looks ("the following year", "a year later")
            shift = next((n for word, n in ANAPHORIC_SHIFT.items() if word in time.text.lower()), 0)
            count = time.text.split()[0].lower()  # "four years later": four of them ("that year": none)
            times = int(count) if count.isdigit() else _NUMBER_WORDS.get(count)
            if times:
                shift *= times
            time = TimeValue(time.start, time.end, time.text, f"{int(year) + shift:04d}", "year")
        out.append(time)
    return out


_YEARISH = re.compile(r"\b(?:19|20)\d\d\b")
_ISO = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d\b")


def _normalise(kind: str, m: re.Match, published: dt.date | None, day_first: bool) -> tuple[str | None, str | None]:
    if kind in FULL_DATE_KINDS:
        return _day(int(m["y"]), _month(m["m"]), int(m["d"]))
    if kind == "numeric":
        a, b = int(m["a"]), int(m["b"])
        day, month = (a, b) if day_first else (b, a)
        if month > 12:
            day, month = month, day
        return _day(int(m["y"]), month, day)
    if kind == "my":
        return f"{int(m['y']):04d}-{_month(m['m']):02d}", "month"
    if kind in YEAR_KINDS:
        return m["y"], "year"
    if kind == "anaphoric":
        return None, "anaphoric"  # anchored once every expression is found
    if published is None:
        return None, None
    if kind in DAY_MONTH_KINDS:
        month, day = _month(m["m"]), int(m["d"])
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
        return _day(year, month, day)
    if kind == "month":
        month = _month(m["m"])
        year = published.year if month <= published.month else published.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "ago":
        n = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"].lower()]
        unit = m["unit"].lower().rstrip("s")
        if unit == "year":
            return f"{published.year - n:04d}", "year"
        if unit == "month":
            months = published.year * 12 + published.month - 1 - n
            return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
        days = n * (7 if unit == "week" else 1)
        return (published - dt.timedelta(days=days)).isoformat(), "day"
    if kind == "relative":
        which, unit = m["which"].lower(), m["unit"].lower()
        shift = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "year":
            return f"{published.year + shift:04d}", "year"
        if unit == "month":
            months = published.year * 12 + published.month - 1 + shift
            return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
        if unit in WEEK_UNITS:
            monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
            return monday.isoformat(), "week"
        return f"{published.year + (shift if shift < 0 and unit != 'winter' else 0):04d}", "season"
    if kind == "new_year":
        return f"{published.year + 1:04d}", "year"
    if kind == "deictic":
        word = m["word"].lower()
        when = published - dt.timedelta(days=1) if word == "yesterday" else published
        return when.isoformat(), "day"
    if kind == "weekday":
        target = WEEKDAYS[m["wd"].lower()]
        back = (published.weekday() - target) % 7
        if (m["which"] or "").lower() == "last" and back == 0:
            back = 7
        return (published - dt.timedelta(days=back)).isoformat(), "day"
    return None, None


def _month(name: str) -> int:
    low = name.lower().rstrip(".")
    return MONTHS.get(low) or MONTHS[low[:3]]  # "Sept", "Jun" and full names alike


def _day(year: int, month: int, day: int) -> tuple[str | None, str | None]:
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:
        return None, None


@lru_cache(maxsize=1024)
def parse_single(expression: str, published: dt.date | None = None) -> str | None:
    """An ISO day for one absolute expression the patterns miss, through dateparser."""
    import dateparser

    settings: dict[str, str | dt.datetime] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    parsed = dateparser.parse(expression, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else None
