"""Web archives: every HTML response in a WARC or WARC.gz file, read as it streams by."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, InputTooLarge, MissingExtra, UnreadableArchive
from ..model import Article
from .html import read_html

CHUNK = 1 << 16


def read_warc(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    """An article (or the error for it) per HTML response; other records are passed over.

    Records are read one at a time, so an archive of any size is never held in memory. A file
    that is not a WARC, or that ends inside a record, gives its good records and then one
    ``UnreadableArchive`` error: warcio itself passes over both in silence.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingExtra("warcio", "formats") from None
    records = 0
    with path.open("rb") as stream:
        try:
            archive = ArchiveIterator(stream)
            for record in archive:
                if record.rec_type is None:
                    yield UnreadableArchive(str(path), f"not a WARC file: no record type at record {records + 1}")
                    return
                records += 1
                page = _html_response(record, path, max_bytes)
                while record.raw_stream.read(CHUNK):  # the rest of the record, to see that it is whole
                    pass
                if record.raw_stream.limit > 0:
                    yield UnreadableArchive(str(path), f"truncated: the file ends inside record {records}")
                    return
                if page is not None:
                    yield _article(*page, max_bytes)
            end = sum(archive.member_info) if archive.member_info else 0
            if records == 0 or (path.name.lower().endswith(".gz") and end < path.stat().st_size):
                yield UnreadableArchive(str(path), "truncated or not a WARC file: bytes left that hold no record")
        except Exception as exc:  # warcio raises plain exceptions on a truncated or non-WARC file
            yield UnreadableArchive(str(path), f"not a readable WARC file: {type(exc).__name__}: {exc}")


def _html_response(record, path: Path, max_bytes: int) -> tuple[bytes | InputError, str | None, str | None] | None:
    """(html bytes, source, url) of an HTML response record, its error, or None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    kind = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in kind:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = f"{path}#{url}"
    length = int(record.rec_headers.get_header("Content-Length") or 0)
    if length > max_bytes:
        return InputTooLarge(source, f"{length:,} bytes is over the limit of {max_bytes:,}"), None, None
    return record.content_stream().read(max_bytes + 1), source, url


def _article(data: bytes | InputError, source: str | None, url: str | None, max_bytes: int) -> Article | InputError:
    if isinstance(data, InputError):
        return data
    assert source is not None  # _html_response gives a source with every page it reads
    try:
        return read_html(data, source, max_bytes, url=url)
    except InputError as exc:
        return exc
