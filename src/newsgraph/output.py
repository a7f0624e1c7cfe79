"""Writers for ``newsgraph analyze``: json, jsonl and a readable text summary."""
from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from typing import TextIO

from .model import Analysis

FORMATS = ("jsonl", "json", "text")


def write(analyses: Iterable[Analysis], fmt: str, out: TextIO) -> int:
    """Write every analysis in ``fmt`` as it arrives; returns how many were written."""
    count = 0
    if fmt == "json":
        out.write("[")
    for analysis in analyses:
        if fmt == "jsonl":
            out.write(json.dumps(analysis.to_output(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            out.write(("," if count else "") + "\n" + textwrap.indent(_pretty(analysis), "  "))
        else:
            out.write(summary(analysis) + "\n")
        out.flush()
        count += 1
    if fmt == "json":
        out.write("\n]\n")
    return count


def _pretty(analysis: Analysis) -> str:
    return json.dumps(analysis.to_output(), ensure_ascii=False, indent=2)


def summary(analysis: Analysis, width: int = 100) -> str:
    """Who said what, and what happened, in a few lines a person can read."""
    article = analysis.article
    head = f"== {article.input_id or article.id}"
    if article.title:
        head += f"  {article.title}"
    if article.published:
        head += f"  ({article.published.isoformat()})"
    lines = [head, f"   {len(analysis.quotes)} quotes, {len(analysis.events)} events, {len(analysis.posts)} posts"]
    for quote in analysis.quotes:
        speaker = quote.speaker or "(unattributed)"
        text = " ".join(quote.text.split())
        if len(text) > width:
            text = text[: width - 3] + "..."
        lines.append(f"   {speaker} [{quote.kind}]: \u201c{text}\u201d")
    for event in analysis.events:
        bits = [event.type, event.person or "(unnamed)", event.org or "", event.date or "", event.status]
        lines.append("   event: " + " | ".join(b for b in bits if b))
    return "\n".join(lines)


ROW_FORMATS = ("table", "json", "jsonl", "csv")


def default_row_format(out: TextIO) -> str:
    """A table for a person at a terminal, JSON lines for a pipe."""
    return "table" if out.isatty() else "jsonl"


def write_rows(rows: list[dict], fmt: str, out: TextIO, columns: list[str] | None = None, width: int = 60) -> None:
    """Query results as an aligned table, a JSON array, JSON lines or CSV."""
    columns = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        import csv

        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v, 10_000) for k, v in row.items()})
    else:
        cells = [[_cell(row.get(c), width) for c in columns] for row in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
        for r in cells:
            out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")
        out.write(f"({len(rows)} rows)\n")


def _cell(value, width: int) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
