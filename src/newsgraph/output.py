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
