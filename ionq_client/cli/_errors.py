"""A failed command as one line on stderr, with a hint when the cause is a usual one
(the URL, the key, the network), and its exit code. ``--debug`` adds the traceback
before it (see ``_app.main``)."""

from __future__ import annotations

from urllib.parse import urlsplit

from ._common import EXIT_ERROR, EXIT_USAGE
from ._output import err

API_VERSION_PATH = "/v0.4"


def report(exc: Exception, *, url: str | None) -> int:
    """Print ``error: ...`` for an IonQError (never a traceback, never the key) and
    return the exit code; anything else is a bug and propagates."""
    from ionq_client import IonQError, IonQValidationError

    if isinstance(exc, IonQValidationError):
        err(f"error: invalid {exc.field}: {exc.problem}")
        return EXIT_USAGE
    if not isinstance(exc, IonQError):
        raise exc
    parts = [" ".join(str(exc).split()), *getattr(exc, "__notes__", ())]
    found = hint(exc, url)
    if found:
        parts.append(found)
    err("error: " + "; ".join(parts))
    return EXIT_ERROR


def hint(exc: Exception, url: str | None) -> str | None:
    """What to try, for the failures a new user meets first."""
    from ionq_client import (
        IonQAuthenticationError,
        IonQConnectionError,
        IonQNotFoundError,
        IonQTimeoutError,
    )

    if isinstance(exc, IonQNotFoundError) and url and not _versioned(url):
        return f"did you mean {url.rstrip('/')}{API_VERSION_PATH}? (the API root ends in /v0.4)"
    if isinstance(exc, IonQAuthenticationError):
        return "check the key ($IONQ_API_KEY or --key); the emulator prints its key at start"
    if isinstance(exc, IonQTimeoutError):
        return "the server is slow or unreachable; --http-timeout SECONDS waits longer per request"
    if isinstance(exc, IonQConnectionError):
        where = url or "the API"
        return f"is the server at {where} running? (set --url or $IONQ_API_URL)"
    return None


def _versioned(url: str) -> bool:
    return urlsplit(url).path.rstrip("/").endswith(API_VERSION_PATH)
