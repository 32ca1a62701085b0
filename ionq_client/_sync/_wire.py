# Generated from ionq_client/_async/_wire.py by scripts/make_sync.py: edit that file,
# then run `make unasync`. `make test` fails when this file drifts from it.
"""One exchange on the client's own connection pool, below the httpx client.

Written once, for the async client; ``_sync/_wire.py`` is generated from it by
unasync (``make unasync``), like ``client.py``.

A client that makes its own connections (no ``http_client=``, no proxy in the
environment) sends through its transport directly: ``Client.send`` adds auth
and redirect flows, event hooks, cookie handling and logging that such a client
never uses, and they cost more client CPU than the rest of a request. The driver
keeps what matters of them: the API key and headers are on the request, redirects
are never followed anyway, and a cookie a server sets is kept (the client then
sends through ``Client.send``, which returns it).
"""

from __future__ import annotations

import httpx

#: The transport class of this kind of client.
Transport = httpx.HTTPTransport


def new_transport() -> Transport:
    """The transport the httpx client would make itself (same limits, TLS and
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
