"""Readers: files, directory trees, JSONL, HTML and standard input, to ``Article``s.

``read_inputs`` yields an ``Article`` or an ``InputError`` for every input it meets, so
one bad file never stops a batch: the caller records the error and goes on.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, InputTooLarge
from ..model import Article
from ..options import Options
from .html import read_html
from .jsonl import read_jsonl
from .feeds import read_feed
from .text import read_text
from .warc import read_warc

__all__ = ["read_inputs", "read_path", "read_html", "read_jsonl", "read_text", "STDIN"]

STDIN = "-"
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
GZIP_JSONL_ENDINGS = (".jsonl.gz", ".ndjson.gz")
WARC_ENDINGS = (".warc", ".warc.gz")
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


def read_inputs(paths: Iterable[str], options: Options = Options()) -> Iterator[Article | InputError]:
    """Every article in the given files, directories and ``-`` (standard input), in order."""
    for path in paths:
        if path == STDIN:
            yield from _read_stream(sys.stdin.buffer.read(), "<stdin>", options)
        else:
            yield from read_path(Path(path), options)


def read_path(path: Path, options: Options = Options()) -> Iterator[Article | InputError]:
    """The articles of one file, or of every article file under a directory (sorted)."""
    source = str(path)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and _is_article_file(p.relative_to(path))):
            yield from read_path(child, options)
        return
    if not path.exists():
        yield InputError(source, "no such file or directory")
        return
    suffix, name = path.suffix.lower(), path.name.lower()
    if suffix in JSONL_SUFFIXES:
        with path.open("rb") as fh:
            yield from read_jsonl(fh, source, options.max_bytes)
        return
    if name.endswith(GZIP_JSONL_ENDINGS):
        yield from _read_gzip_jsonl(path, options)
        return
    if name.endswith(WARC_ENDINGS):
        yield from read_warc(path, options.max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            # Refuse before reading: an over-size file is never loaded into memory.
            raise InputTooLarge(source, f"{size:,} bytes is over the limit of {options.max_bytes:,}")
        data = path.read_bytes()
        if suffix in HTML_SUFFIXES:
            yield read_html(data, source, options.max_bytes)
        elif suffix in FEED_SUFFIXES:
            yield from read_feed(data, source, options.max_bytes)
        else:
            yield read_text(data, source, options.max_bytes)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")


def _read_stream(data: bytes, source: str, options: Options) -> Iterator[Article | InputError]:
    """Standard input: JSONL when it starts with '{', HTML when with '<', else one text."""
    head = data.lstrip()[:1]
    try:
        if head == b"{":
            yield from read_jsonl(data.splitlines(), source, options.max_bytes)
        elif head == b"<":
            yield read_html(data, source, options.max_bytes)
        else:
            yield read_text(data, source, options.max_bytes)
    except InputError as exc:
        yield exc


def _read_gzip_jsonl(path: Path, options: Options) -> Iterator[Article | InputError]:
    """A gzip-compressed JSONL file, decompressed line by line as it is read."""
    import gzip

    try:
        with gzip.open(path, "rb") as fh:
            yield from read_jsonl(fh, str(path), options.max_bytes)
    except (OSError, EOFError) as exc:
        yield InputError(str(path), f"not a readable gzip file: {exc}")


def _is_article_file(path: Path) -> bool:
    """``path`` relative to the directory walked: hidden files and folders are skipped."""
    if any(part.startswith(".") for part in path.parts):
        return False
    name = path.name.lower()
    return (path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
            or name.endswith(GZIP_JSONL_ENDINGS + WARC_ENDINGS))
