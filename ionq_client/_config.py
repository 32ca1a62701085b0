"""Defaults, and where the URL and the API key come from when not given."""

from __future__ import annotations

import functools
import ipaddress
import os
import platform
import warnings
from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx

from ._version import __version__

DEFAULT_URL = "https://api.ionq.co/v0.4"
# No call may hang: 30 s to read an answer (IonQ's calls are small), 10 s to connect.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 4

URL_ENV = ("IONQ_API_URL",)
KEY_ENV = ("IONQ_API_KEY", "QISKIT_IONQ_API_TOKEN", "IONQ_API_TOKEN")


def resolve_url(url: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """The argument, else ``IONQ_API_URL``, else IonQ's cloud; without a trailing ``/``."""
    chosen = url or next((environ[k] for k in URL_ENV if environ.get(k)), DEFAULT_URL)
    parts = urlsplit(chosen)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"url must be an absolute http(s) URL, got {chosen!r}")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        warnings.warn(
            f"{parts.hostname} is reached over plain http: the API key travels unencrypted",
            stacklevel=4,
        )
    return chosen.rstrip("/")


def resolve_token(token: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The argument, else the first of ``KEY_ENV`` that is set (qiskit-ionq's names too)."""
    if token:
        return token
    return next((environ[k] for k in KEY_ENV if environ.get(k)), None)


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
