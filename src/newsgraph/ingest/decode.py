"""Bytes to text: size and binary checks, then UTF-8, then a detector."""
from __future__ import annotations

import hashlib
import logging
import re

from ..errors import BinaryInput, EmptyInput, InputTooLarge, UndecodableInput

LOGGER = logging.getLogger(__name__)

# Control characters that never occur in real article text (tab, LF, FF, CR excluded).
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32)) | {127}
_CONTROL_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")
_SURROGATES = re.compile("[\ud800-\udfff]")
# Random bytes are ~12% control bytes, text a handful: past 5% it is not text.
BINARY_SHARE = 0.05


def text_id(text: str) -> str:
    """A stable id for an article that came without one: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def check_size(data: bytes, source: str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise InputTooLarge(source, f"{len(data):,} bytes is over the limit of {max_bytes:,}")


def decode(data: bytes, source: str, max_bytes: int) -> str:
    """Decode one input's bytes, or raise the ``InputError`` that says why not.

    Text with a few stray control characters (a NUL, a vertical tab) is cleaned, not refused;
    only bytes that are mostly not text are ``BinaryInput``.
    """
    check_size(data, source, max_bytes)
    if not data.strip():
        raise EmptyInput(source, "empty input")
    sample = data[:8192]
    if not _looks_utf16(sample):
        controls = sum(1 for byte in sample if byte in _CONTROL)
        if controls > max(2, len(sample) * BINARY_SHARE):
            raise BinaryInput(source, f"binary data ({controls} control bytes in the first {len(sample):,}), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _detect(data, source)
    return clean_text(text, source)


def clean_text(text: str, source: str) -> str:
    """Text as later stages can trust it: stray control characters become spaces (so offsets
    and word breaks hold), lone surrogates U+FFFD; refused when nothing is left, or when it
    is mostly control characters."""
    sample = text[:20000]
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls > max(2, len(sample) * BINARY_SHARE):
        raise BinaryInput(source, f"{controls} control characters in the first {len(sample):,}: not text")
    cleaned = _CONTROL_CHARS.sub(" ", text)
    cleaned = _SURROGATES.sub("\ufffd", cleaned)
    if cleaned != text:
        LOGGER.warning("%s: replaced %d control or surrogate characters", source,
                       sum(1 for a, b in zip(text, cleaned, strict=True) if a != b))
    if not cleaned.strip():
        raise EmptyInput(source, "no text after decoding")
    return cleaned


def without_surrogates(value: str) -> str:
    """A string any encoder accepts: lone surrogates (from JSON's \\u escapes) become U+FFFD."""
    return _SURROGATES.sub("\ufffd", value)


def _looks_utf16(sample: bytes) -> bool:
    return sample[:2] in (b"\xff\xfe", b"\xfe\xff")


def _detect(data: bytes, source: str) -> str:
    """Not UTF-8: ask charset-normalizer, then prefer a reading in a real language.

    Its ``best()`` can pick a CJK code page with no language at all for English text
    with a few cp1252 bytes (a pound sign), so among the near-clean readings we take the
    one whose text is most coherent as a language.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise UndecodableInput(source, "no text encoding fits the bytes")
    least_chaos = min(m.chaos for m in matches)
    near_clean = [m for m in matches if m.chaos <= least_chaos + 0.1]
    best = max(near_clean, key=lambda m: (m.coherence, m.encoding == "cp1252"))
    LOGGER.info("%s: decoded as %s", source, best.encoding)
    return str(best)
