"""Readers: files, directory trees, JSONL, HTML and standard input, to ``Article``s.

``read_inputs`` yields an ``Article`` or an ``InputError`` for every input it meets, so
one bad file never stops a batch: the caller records the error and goes on.
"""
from __future__ import annotations

import io
import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from ..errors import InputError, InputTooLarge, NotARegularFile, UnreadableArchive
from ..model import Article
from ..options import Options
from .html import read_html
from .jsonl import read_jsonl
from .feeds import read_feed
from .text import read_text
from .warc import read_warc

__all__ = ["read_inputs", "read_path", "read_html", "read_jsonl", "read_text", "STDIN"]

LOGGER = logging.getLogger(__name__)
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
            yield from _read_stream(sys.stdin.buffer, "<stdin>", options)
        else:
            yield from read_path(Path(path), options)


def read_path(path: Path, options: Options = Options()) -> Iterator[Article | InputError]:
    """The articles of one file, or of every article file under a directory (sorted)."""
    if path.is_dir():
        yield from _read_tree(path, options)
        return
    yield from _read_file(path, options)


def _read_tree(root: Path, options: Options) -> Iterator[Article | InputError]:
    """Every article file under ``root``, sorted; never anything outside it. A link that leads
    out of the folder is passed over (logged), as are folder links (``os.walk`` does not follow
    them), so a walk cannot loop or read a system file."""
    inside = root.resolve()
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in files:
            child = Path(folder, name)
            if not _is_article_file(child.relative_to(root)):
                continue
            if child.is_symlink() and not child.resolve().is_relative_to(inside):
                LOGGER.warning("%s: a link out of %s, not read", child, root)
                continue
            found.append(child)
    for child in sorted(found):
        yield from _read_file(child, options)


def _read_file(path: Path, options: Options) -> Iterator[Article | InputError]:
    source = str(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        yield InputError(source, "no such file or directory")
        return
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    if not stat.S_ISREG(status.st_mode):
        # a FIFO, a device (/dev/zero) or a socket could block or never end
        yield NotARegularFile(source, "not a regular file (a pipe, device or socket); give a file or - for stdin")
        return
    suffix, name = path.suffix.lower(), path.name.lower()
    try:
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
        size = status.st_size
        if size > options.max_bytes:
            # Refuse before reading: an over-size file is never loaded into memory.
            raise InputTooLarge(source, f"{size:,} bytes is over the limit of {options.max_bytes:,}")
        with path.open("rb") as fh:
            data = fh.read(options.max_bytes + 1)  # a file that grows while read is still capped
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


def _read_stream(stream: BinaryIO, source: str, options: Options) -> Iterator[Article | InputError]:
    """Standard input: JSONL when it starts with '{' (read a line at a time, each capped),
    HTML when with '<', else one text, read up to ``max_bytes`` and refused past it."""
    head = stream.peek(1)[:1] if hasattr(stream, "peek") else b""
    while head in (b" ", b"\n", b"\r", b"\t"):
        stream.read(1)
        head = cast(io.BufferedReader, stream).peek(1)[:1]  # a blank head came from peek: the stream has it
    try:
        if head == b"{":
            yield from read_jsonl(stream, source, options.max_bytes)
            return
        data = stream.read(options.max_bytes + 1)
        if head == b"<":
            yield read_html(data, source, options.max_bytes)
        else:
            yield read_text(data, source, options.max_bytes)
    except InputError as exc:
        yield exc


# Text and JSON compress 3-20x, a corpus that repeats itself up to ~100x; a gzip bomb ~1,000x.
MAX_INFLATION = 200


def _read_gzip_jsonl(path: Path, options: Options) -> Iterator[Article | InputError]:
    """A gzip-compressed JSONL file, decompressed line by line as it is read, each line capped,
    and stopped with an error once it has inflated past ``MAX_INFLATION`` times its size."""
    import gzip

    budget = MAX_INFLATION * max(path.stat().st_size, 1 << 16)
    try:
        with gzip.open(path, "rb") as fh:
            for item in read_jsonl(fh, str(path), options.max_bytes):
                yield item
                if fh.tell() > budget:
                    yield InputTooLarge(str(path), f"inflates past {MAX_INFLATION}x its size: not read further")
                    return
    except (OSError, EOFError) as exc:
        yield UnreadableArchive(str(path), f"not a readable gzip file: {exc}")


def _is_article_file(path: Path) -> bool:
    """``path`` relative to the directory walked: hidden files and folders are skipped."""
    if any(part.startswith(".") for part in path.parts):
        return False
    name = path.name.lower()
    return (path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
            or name.endswith(GZIP_JSONL_ENDINGS + WARC_ENDINGS))
