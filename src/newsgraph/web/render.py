"""HTML fragments the templates cannot build simply: an article's text with its quotes marked,
and a timeline chart as inline SVG (no JavaScript, no external assets). All text is escaped."""
from __future__ import annotations

from markupsafe import Markup, escape

from ..model import EventType

EVENT_COLOURS = {
    EventType.JOIN_PARTY: "#2a7f3f", EventType.LEAVE_PARTY: "#b3261e", EventType.SUSPEND: "#c77700",
    EventType.EXPEL: "#7a1b14", EventType.REINSTATE: "#3a6ea5", EventType.RESIGN_OFFICE: "#8e44ad",
    EventType.APPOINT: "#1f6f8b", EventType.ELECT: "#1d5c2e", EventType.CANDIDACY: "#5d6d7e",
    EventType.NO_CONFIDENCE: "#a04000", EventType.INVESTIGATE: "#6c3483",
}


def marked_text(text: str, quotes: list[dict], start: int = 0) -> Markup:
    """The article from ``start`` as paragraphs, each quote in ``<mark>`` with its speaker named
    beside it (linked to the person). A quote over several paragraphs is one mark a paragraph, all
    with the quote's ``data-quote`` and the first with its id, so that no mark crosses a ``</p>``."""
    pieces: list[str] = []
    cursor = start
    for quote in sorted(quotes, key=lambda q: q["start"]):
        if quote["start"] < cursor or quote["end"] > len(text):
            continue  # overlapping spans (and anything before ``start``): the first one wins
        pieces.append(_paragraphs(text[cursor:quote["start"]]))
        pieces.append(_marked_quote(text[quote["start"]:quote["end"]], quote))
        cursor = quote["end"]
    pieces.append(_paragraphs(text[cursor:]))
    return Markup("<p>" + "".join(pieces) + "</p>")


def _marked_quote(words: str, quote: dict) -> str:
    anchor = f'q-{int(quote["start"])}'
    speaker = escape(quote.get("speaker") or "unattributed")
    marks = []
    for number, part in enumerate(words.split("\n\n")):
        inner = _paragraphs(part)
        if quote.get("speaker_id"):
            inner = f'<a href="/people/{int(quote["speaker_id"])}" title="{speaker}">{inner}</a>'
        own_id = f' id="{anchor}"' if number == 0 else ""
        marks.append(f'<mark class="quote {escape(quote["kind"])}"{own_id} data-quote="{anchor}" '
                     f'data-speaker="{speaker}">{inner}</mark>')
    who = (f'<a href="/people/{int(quote["speaker_id"])}">{speaker}</a>' if quote.get("speaker_id") else speaker)
    trail = (f' <a class="trail" href="/trails/{int(quote["trail_id"])}">trail</a>' if quote.get("trail_id") else "")
    return "</p><p>".join(marks) + f'<span class="who"> \u2014 {who}{trail}</span>'


def _paragraphs(chunk: str) -> str:
    return str(escape(chunk)).replace("\n\n", "</p><p>").replace("\n", "<br>")


def timeline_svg(rows: list[dict], lane: str = "person", width: int = 720, row_height: int = 26) -> Markup:
    """Dated events on a time axis, one row per value of ``lane`` ("person"; "type" for one person),
    with a legend of the event colours under the axis."""
    dated = [r for r in rows if r.get("date")]
    if not dated:
        return Markup("")
    years = [_year(r["date"]) for r in dated]
    low, high = min(years), max(years)
    if high - low < 1:
        low, high = low - 0.5, high + 0.5
    lanes = list(dict.fromkeys(r.get(lane) or r["type"] for r in dated))
    kinds = list(dict.fromkeys(r["type"] for r in dated))
    per_line = 4
    legend_top = row_height * len(lanes) + 44
    left, right = 160, 20
    height = legend_top + 20 * -(-len(kinds) // per_line)
    x = lambda year: left + (year - low) / (high - low) * (width - left - right)  # noqa: E731
    parts = [f'<svg class="timeline" role="img" aria-label="timeline" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for number, label in enumerate(lanes):
        y = 20 + number * row_height
        shown = EventType.label_of(label) if lane == "type" else label
        parts.append(f'<text x="0" y="{y + 4}" class="lane">{escape(shown)}</text>'
                     f'<line x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" class="lane-line"/>')
    for row, year in zip(dated, years, strict=True):
        y = 20 + lanes.index(row.get(lane) or row["type"]) * row_height
        colour = EVENT_COLOURS.get(row["type"], "#444")
        label = escape(f'{row["date"]} {EventType.label_of(row["type"])} {row.get("org") or ""}'.strip())
        parts.append(f'<circle cx="{x(year):.1f}" cy="{y}" r="6" fill="{colour}" class="event" '
                     f'data-type="{escape(row["type"])}" data-date="{escape(row["date"])}"><title>{label}</title>'
                     f'</circle>')
    first, span = int(low) + (low % 1 > 0), int(high) - int(low)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if span / s <= 10)
    axis = row_height * len(lanes) + 14
    for tick in range(-(-first // step) * step, int(high) + 1, step):
        parts.append(f'<text x="{x(tick):.1f}" y="{axis}" class="tick">{tick}</text>')
    for number, kind in enumerate(kinds):  # the legend: what each colour means
        lx, ly = (number % per_line) * (width // per_line), legend_top + (number // per_line) * 20
        parts.append(f'<g class="legend" data-type="{escape(kind)}"><circle cx="{lx + 6}" cy="{ly - 4}" r="5" '
                     f'fill="{EVENT_COLOURS.get(kind, "#444")}"/><text x="{lx + 16}" y="{ly}">'
                     f'{escape(EventType.label_of(kind))}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _year(date: str) -> float:
    """'2019-10-16' -> 2019.79: a position on the axis."""
    parts = [int(p) for p in date.split("-")]
    month = parts[1] if len(parts) > 1 else 7
    day = parts[2] if len(parts) > 2 else 15
    return parts[0] + (month - 1) / 12 + (day - 1) / 365
