"""Errors newsgraph raises, each with a code a user can search for.

    NewsgraphError                 base of everything below
    ├── InputError                 one article could not be read; the batch goes on
    │   ├── EmptyInput             E101  nothing but white space
    │   ├── BinaryInput            E102  not text (NUL bytes, control characters)
    │   ├── UndecodableInput       E103  no text encoding fits
    │   ├── InputTooLarge          E104  over the size limit
    │   ├── MalformedRecord        E105  a JSONL line that is not an article
    │   ├── NoMainText             E106  an HTML page with no article text in it
    │   ├── ArticleTooLong         E107  over the character limit for one article
    │   ├── NotARegularFile        E108  a FIFO, device or socket named as an input
    │   ├── UnreadableArchive      E109  a gzip or WARC file that is truncated or not one
    │   └── AnalysisFailed         E401  the analysis of this one article raised; ``stage``
    │                                    and ``exception`` say where and what
    ├── ModelNotFound              E201  no spaCy model could be loaded
    ├── MissingExtra               E301  an optional dependency is not installed
    └── ServerError                      what only the web server answers
        ├── ServerBusy             E501  too many analyses at once (503, Retry-After)
        ├── QueryTimedOut          E502  a request's queries ran past their time budget (503)
        ├── RefusedValue           E503  a value the database cannot take (422)
        ├── NotFound               E504  no article, person or organisation with that id (404)
        ├── TokenRequired          E505  a write without a valid bearer token (401)
        ├── WritesDisabled         E506  a write to a server started without a token (403)
        ├── InvalidRequest         E507  a parameter or body the API cannot take (422)
        └── MethodNotAllowed       E508  a method the address does not answer (405)

An error nobody foresaw answers E000 (500): the API's body still carries the code.

Each class carries its HTTP status (``http_status``): library code raises these, the CLI turns
them into messages and exit codes, and the web server's one handler (``web/app.py``) answers
``{"detail", "code"}`` with that status.
"""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: ``code`` plus a message."""

    code = "E000"
    http_status = 500

    def __init__(self, message: str):
        super().__init__(f"{self.code}: {message}")
        self.message = message

    def __reduce__(self):
        # picklable whatever the subclass's __init__ takes: Dask workers send failures back
        return _restore, (type(self), self.args, self.__dict__)


def _restore(cls, args, state):
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class InputError(NewsgraphError):
    """One input could not be turned into an article; ``source`` names it."""

    code = "E100"
    http_status = 422  # the text is at fault, not the server

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
    http_status = 413


class MalformedRecord(InputError):
    code = "E105"


class NoMainText(InputError):
    code = "E106"


class ArticleTooLong(InputError):
    code = "E107"


class NotARegularFile(InputError):
    code = "E108"


class UnreadableArchive(InputError):
    code = "E109"


class AnalysisFailed(InputError):
    """A bug met by one article: recorded as that article's failure, the run goes on.

    It is an ``InputError`` because it is handled the same way (one article, recorded once,
    the batch goes on); its own code says that the input was read but the analysis failed.
    """

    code = "E401"

    def __init__(self, source: str, stage: str, exception: BaseException):
        detail = str(exception).splitlines()[0][:200] if str(exception) else ""
        super().__init__(source, f"analysis failed in {stage}: {type(exception).__name__}"
                                 + (f": {detail}" if detail else ""))
        self.stage = stage
        self.exception = type(exception).__name__


class ModelNotFound(NewsgraphError):
    code = "E201"
    http_status = 503


class MissingExtra(NewsgraphError):
    """An optional part is used without its extra installed: the message names the extra."""

    code = "E301"
    http_status = 501

    def __init__(self, module: str, extra: str):
        super().__init__(f"{module} is not installed: pip install 'newsgraph[{extra}]'")
        self.extra = extra


class ServerError(NewsgraphError):
    """Answered by the web server only; ``headers`` go with the answer ("Retry-After")."""

    def __init__(self, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.headers = headers


class ServerBusy(ServerError):
    code = "E501"
    http_status = 503


class QueryTimedOut(ServerError):
    code = "E502"
    http_status = 503


class RefusedValue(ServerError):
    code = "E503"
    http_status = 422


class NotFound(ServerError):
    code = "E504"
    http_status = 404


class TokenRequired(ServerError):
    code = "E505"
    http_status = 401


class WritesDisabled(ServerError):
    code = "E506"
    http_status = 403


class InvalidRequest(ServerError):
    code = "E507"
    http_status = 422


class MethodNotAllowed(ServerError):
    code = "E508"
    http_status = 405
