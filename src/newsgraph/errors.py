"""Errors newsgraph raises, each with a code a user can search for.

    NewsgraphError                 base of everything below
    ├── InputError                 one article could not be read; the batch goes on
    │   ├── EmptyInput             E101  nothing but white space
    │   ├── BinaryInput            E102  not text (NUL bytes, control characters)
    │   ├── UndecodableInput       E103  no text encoding fits
    │   ├── InputTooLarge          E104  over the size limit
    │   ├── MalformedRecord        E105  a JSONL line that is not an article
    │   └── NoMainText             E106  an HTML page with no article text in it
    ├── ModelNotFound              E201  no spaCy model could be loaded
    └── MissingExtra               E301  an optional dependency is not installed

Library code raises these; only the CLI turns them into messages and exit codes.
"""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: ``code`` plus a message."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"{self.code}: {message}")
        self.message = message


class InputError(NewsgraphError):
    """One input could not be turned into an article; ``source`` names it."""

    code = "E100"

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class UndecodableInput(InputError):
    code = "E103"


class InputTooLarge(InputError):
    code = "E104"


class MalformedRecord(InputError):
    code = "E105"


class NoMainText(InputError):
    code = "E106"


class ModelNotFound(NewsgraphError):
    code = "E201"


class MissingExtra(NewsgraphError):
    """An optional part is used without its extra installed: the message names the extra."""

    code = "E301"

    def __init__(self, module: str, extra: str):
        super().__init__(f"{module} is not installed: pip install 'newsgraph[{extra}]'")
        self.extra = extra
