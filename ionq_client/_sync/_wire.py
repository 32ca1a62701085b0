"""One exchange on the blocking client's own connection pool, below ``httpx.Client``.

Hand-written beside its async twin (``_async/_wire.py``, which says why the driver
goes below the client): the two differ only in httpx's names for the same calls,
which the unasync rules do not map.
"""

from __future__ import annotations

import httpx

#: The transport class of this kind of client.
Transport = httpx.HTTPTransport


def new_transport() -> Transport:
    """The transport ``httpx.Client`` would make itself (same limits, TLS and
    environment settings), made here so that the driver can reach it."""
    return httpx.HTTPTransport()


def send(transport: Transport, request: httpx.Request) -> httpx.Response:
    """The answer's head; its body is still to be read (or closed)."""
    response = transport.handle_request(request)
    response.request = request
    return response


def read(response: httpx.Response) -> None:
    """Read the whole body through the response's (bounded) stream."""
    response.read()
