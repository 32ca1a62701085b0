"""One exchange on the async client's own connection pool, below ``httpx.AsyncClient``.

Hand-written beside its blocking twin (``_sync/_wire.py``): the two differ only in
httpx's names for the same calls, which the unasync rules do not map.

A client that makes its own connections (no ``http_client=``, no proxy in the
environment) sends through its transport directly: ``AsyncClient.send`` adds auth
and redirect flows, event hooks, cookie handling and logging that such a client
never uses, and they cost more client CPU than the rest of a request. The driver
keeps what matters of them: the API key and headers are on the request, redirects
are never followed anyway, and a cookie a server sets is kept (the client then
sends through ``AsyncClient.send``, which returns it).
"""

from __future__ import annotations

import httpx

#: The transport class of this kind of client.
Transport = httpx.AsyncHTTPTransport


def new_transport() -> Transport:
    """The transport ``httpx.AsyncClient`` would make itself (same limits, TLS and
    environment settings), made here so that the driver can reach it."""
    return httpx.AsyncHTTPTransport()


async def send(transport: Transport, request: httpx.Request) -> httpx.Response:
    """The answer's head; its body is still to be read (or closed)."""
    response = await transport.handle_async_request(request)
    response.request = request
    return response


async def read(response: httpx.Response) -> None:
    """Read the whole body through the response's (bounded) stream."""
    await response.aread()
