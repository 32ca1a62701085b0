"""Reading an answer within bounds: the drivers read every body through a
:class:`BodyReader`, which stops a trickling server at the attempt's deadline and a
huge, endless or decompression-bomb body at ``max_response_bytes`` (counted before
and after decompression). No I/O of its own: the driver hands it the response and a
clock (for a body sent as is, it wraps the response's stream with the bounds).

httpx's own timeouts bound each read; nothing in httpx bounds a whole answer.

A body sent as is (no ``Content-Encoding``, nearly every API answer) is read by
httpx itself (``response.read()``) through a stream that enforces the bounds on the
bytes as they arrive: the decoded body is the wire body, so the same bounds hold,
and the response httpx fills is the one returned (no second ``Response``). An
encoded body is read chunk by chunk instead, its decoded size checked after each
chunk, because httpx would inflate a whole bomb before anyone could count it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

import httpx

from ._exceptions import IonQResponseError

#: Headers that describe the bytes on the wire, not the decoded body we keep.
_WIRE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


class BodyReader:
    """Collects one streamed answer, refusing it once it breaks a bound.

    ``as_sent`` says which way to read: if true, the response's stream is already
    bounded and the driver calls ``response.read()``; otherwise it hands every decoded
    chunk to :meth:`add` and takes :meth:`response`.
    """

    __slots__ = ("_chunks", "_clock", "_deadline", "_max_bytes", "_response", "_size", "as_sent")

    def __init__(
        self,
        response: httpx.Response,
        *,
        deadline: float,
        max_bytes: int,
        clock: Callable[[], float],
    ) -> None:
        self._response = response
        self._deadline = deadline
        self._max_bytes = max_bytes
        self._clock = clock
        self._chunks: list[bytes] = []
        self._size = 0
        headers = response.headers
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise self._too_large(f"it declares {int(declared):,} bytes")
        self.as_sent = headers.get("content-encoding", "").strip().lower() in ("", "identity")
        if self.as_sent:
            response.stream = _BoundedStream(response.stream, self)

    def add(self, chunk: bytes) -> None:
        """Take the next decoded chunk; raise if the answer is now out of bounds."""
        self._size += len(chunk)
        if self._size > self._max_bytes:
            raise self._too_large(f"more than {self._max_bytes:,} bytes once decoded")
        if self._response.num_bytes_downloaded > self._max_bytes:
            raise self._too_large(f"more than {self._max_bytes:,} bytes on the wire")
        self._chunks.append(chunk)
        self._check_time()

    def _arrived(self, chunk: bytes) -> None:
        """A chunk of a body sent as is, as it comes off the wire."""
        self._size += len(chunk)
        if self._size > self._max_bytes:
            raise self._too_large(f"more than {self._max_bytes:,} bytes")
        self._check_time()

    def _check_time(self) -> None:
        if self._clock() > self._deadline:
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


class _BoundedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """The response's own stream (sync or async), each chunk shown to the reader."""

    __slots__ = ("_reader", "_stream")

    def __init__(self, stream: httpx.SyncByteStream | httpx.AsyncByteStream, reader: BodyReader):
        self._stream = stream
        self._reader = reader

    def __iter__(self) -> Iterator[bytes]:
        assert isinstance(self._stream, httpx.SyncByteStream)
        for chunk in self._stream:
            self._reader._arrived(chunk)
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._stream, httpx.AsyncByteStream)
        async for chunk in self._stream:
            self._reader._arrived(chunk)
            yield chunk

    def close(self) -> None:
        assert isinstance(self._stream, httpx.SyncByteStream)
        self._stream.close()

    async def aclose(self) -> None:
        assert isinstance(self._stream, httpx.AsyncByteStream)
        await self._stream.aclose()


def undecodable(response: httpx.Response, exc: httpx.DecodingError) -> IonQResponseError:
    """A body whose declared encoding (gzip, deflate...) does not decode."""
    request = response.request
    return IonQResponseError(
        f"{request.method} {request.url.path} answered {response.status_code} with a body "
        f"that does not decode ({exc})",
        status_code=response.status_code,
    )
