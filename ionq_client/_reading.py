"""Reading an answer within bounds: the drivers stream every body through a
:class:`BodyReader`, which stops a trickling server at the attempt's deadline and a
huge, endless or decompression-bomb body at ``max_response_bytes`` (counted before
and after decompression). Pure: the driver hands it chunks and the time.

httpx's own timeouts bound each read; nothing in httpx bounds a whole answer.
"""

from __future__ import annotations

import httpx

from ._exceptions import IonQResponseError

#: Headers that describe the bytes on the wire, not the decoded body we keep.
_WIRE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


class BodyReader:
    """Collects one streamed answer, refusing it once it breaks a bound."""

    __slots__ = ("_chunks", "_deadline", "_max_bytes", "_response", "_size")

    def __init__(self, response: httpx.Response, *, deadline: float, max_bytes: int) -> None:
        self._response = response
        self._deadline = deadline
        self._max_bytes = max_bytes
        self._chunks: list[bytes] = []
        self._size = 0
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise self._too_large(f"it declares {int(declared):,} bytes")

    def add(self, chunk: bytes, now: float) -> None:
        """Take the next decoded chunk; raise if the answer is now out of bounds."""
        self._size += len(chunk)
        if self._size > self._max_bytes:
            raise self._too_large(f"more than {self._max_bytes:,} bytes once decoded")
        if self._response.num_bytes_downloaded > self._max_bytes:
            raise self._too_large(f"more than {self._max_bytes:,} bytes on the wire")
        self._chunks.append(chunk)
        if now > self._deadline:
            raise httpx.ReadTimeout(
                "the answer was still arriving at the attempt's deadline",
                request=self._response.request,
            )

    def response(self) -> httpx.Response:
        """The answer with its whole decoded body, as if httpx had read it."""
        wire = self._response
        headers = [(k, v) for k, v in wire.headers.multi_items() if k.lower() not in _WIRE_HEADERS]
        return httpx.Response(
            wire.status_code,
            headers=headers,
            content=b"".join(self._chunks),
            request=wire.request,
        )

    def _too_large(self, why: str) -> IonQResponseError:
        request = self._response.request
        return IonQResponseError(
            f"{request.method} {request.url.path} answered {self._response.status_code} with a "
            f"body too large to read ({why}; max_response_bytes={self._max_bytes:,})",
            status_code=self._response.status_code,
        )


def undecodable(response: httpx.Response, exc: httpx.DecodingError) -> IonQResponseError:
    """A body whose declared encoding (gzip, deflate...) does not decode."""
    request = response.request
    return IonQResponseError(
        f"{request.method} {request.url.path} answered {response.status_code} with a body "
        f"that does not decode ({exc})",
        status_code=response.status_code,
    )
