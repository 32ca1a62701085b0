"""Defaults, where the URL and the API key come from when not given, and the checks
that refuse a configuration mistake when the client is built (never at the first call,
never retried as if the network were at fault)."""

from __future__ import annotations

import functools
import ipaddress
import math
import os
import platform
import warnings
from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx

from ._exceptions import IonQCredentialsError, IonQValidationError
from ._version import __version__

DEFAULT_URL = "https://api.ionq.co/v0.4"
# No call may hang: 30 s to read an answer (IonQ's calls are small), 10 s to connect.
# One attempt also ends after connect + read timeouts in all, however slowly the
# server trickles its answer (see ``attempt_budget``).
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 4
#: The largest answer read, before and after decompression: a 2^22-state probability
#: map is about 150 MB; anything far larger is a broken or hostile server.
DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024

URL_ENV = ("IONQ_API_URL",)
KEY_ENV = ("IONQ_API_KEY", "QISKIT_IONQ_API_TOKEN", "IONQ_API_TOKEN")


def resolve_url(url: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """The argument, else ``IONQ_API_URL``, else IonQ's cloud; without a trailing ``/``."""
    chosen = url or next((environ[k] for k in URL_ENV if environ.get(k)), DEFAULT_URL)
    if not isinstance(chosen, str):
        raise IonQValidationError("url", f"must be a string, got {type(chosen).__name__}")
    if chosen != chosen.strip() or any(c.isspace() or not c.isprintable() for c in chosen):
        raise IonQValidationError("url", f"contains whitespace or control characters: {chosen!r}")
    try:
        parts = urlsplit(chosen)
        hostname = parts.hostname
    except ValueError as exc:
        raise IonQValidationError("url", f"{chosen!r} is not a URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not hostname:
        raise IonQValidationError("url", f"must be an absolute http(s) URL, got {chosen!r}")
    if parts.query or parts.fragment:
        raise IonQValidationError(
            "url", f"must be the API root, without ?query or #fragment: {chosen!r}"
        )
    if parts.scheme == "http" and not is_loopback(hostname):
        warnings.warn(
            f"{hostname} is reached over plain http: the API key travels unencrypted",
            stacklevel=4,
        )
    return chosen.rstrip("/")


def resolve_token(token: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The argument, else the first of ``KEY_ENV`` that is set (qiskit-ionq's names too).

    Surrounding whitespace is stripped (``open("key").read()`` ends with a newline); a
    key that still holds a character an HTTP header cannot carry is refused here, with
    an error that quotes no part of it.
    """
    chosen = token or next((environ[k] for k in KEY_ENV if environ.get(k)), None)
    if chosen is None:
        return None
    if not isinstance(chosen, str):
        raise IonQCredentialsError(f"the API key must be a string, not {type(chosen).__name__}")
    chosen = chosen.strip()
    for position, char in enumerate(chosen):
        if not ("!" <= char <= "~"):
            raise IonQCredentialsError(
                f"the API key has a character an HTTP header cannot carry at position "
                f"{position} ({_describe(char)}); check how it was copied"
            )
    return chosen or None


def _describe(char: str) -> str:
    if char.isspace():
        return "whitespace"
    return "a control character" if not char.isprintable() else "a non-ASCII character"


def resolve_timeout(timeout: object) -> httpx.Timeout:
    """Seconds (every phase), or an ``httpx.Timeout`` whose phases are all set and positive.

    ``None`` (wait forever) is refused: no call may hang.
    """
    if isinstance(timeout, httpx.Timeout):
        phases = {
            "connect": timeout.connect,
            "read": timeout.read,
            "write": timeout.write,
            "pool": timeout.pool,
        }
        for name, value in phases.items():
            _positive_seconds(value, f"timeout.{name}")
        return timeout
    return httpx.Timeout(_positive_seconds(timeout, "timeout"))


def _positive_seconds(value: object, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise IonQValidationError(field, f"must be a number of seconds, got {value!r}")
    if not math.isfinite(value) or value <= 0:
        raise IonQValidationError(field, f"must be a positive, finite number of seconds: {value}")
    return float(value)


def attempt_budget(timeout: httpx.Timeout) -> float:
    """How long one attempt may take in all: connecting, then reading the answer."""
    return float(timeout.connect or 0.0) + float(timeout.read or 0.0)


def check_wait(timeout: object) -> float:
    """A wait limit (``wait_for_job``): finite and not negative (0: poll once)."""
    if timeout == 0 and not isinstance(timeout, bool):
        return 0.0
    return _positive_seconds(timeout, "timeout")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@functools.cache
def user_agent() -> str:
    return (
        f"ionq-client/{__version__} (python/{platform.python_version()}; "
        f"httpx/{httpx.__version__}; os/{platform.system() or 'unknown'})"
    )


def check_callback(value: object, field: str) -> None:
    """An optional callback: None, or something callable."""
    if value is not None and not callable(value):
        raise IonQValidationError(field, f"must be callable, got {value!r:.80}")
