"""Web archives: every HTML response in a WARC or WARC.gz file, read as it streams by."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, InputTooLarge, MissingExtra
from ..model import Article
from .html import read_html


def read_warc(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    """An article (or the error for it) per HTML response; other records are passed over.

    Records are read one at a time, so an archive of any size is never held in memory.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingExtra("warcio", "formats") from None
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                kind = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in kind:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                source = f"{path}#{url}"
                length = int(record.rec_headers.get_header("Content-Length") or 0)
                if length > max_bytes:
                    yield InputTooLarge(source, f"{length:,} bytes is over the limit of {max_bytes:,}")
                    continue
                try:
                    article = read_html(record.content_stream().read(), source, max_bytes, url=url)
                except InputError as exc:
                    yield exc
                    continue
                yield article
        except Exception as exc:  # warcio raises plain exceptions on a truncated or non-WARC file
            yield InputError(str(path), f"not a readable WARC file: {exc}")
