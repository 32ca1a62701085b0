"""A raw-socket HTTP/1.1 server that misbehaves on purpose, and a hang-guarded way to
call a client against it.

Plain ``socket`` and one thread per connection: no HTTP library sits between a test
and the bytes, so a scenario can stop mid-header, lie about lengths, trickle, flood
or drop the line. A scenario is a function of one :class:`Conn` (the accepted socket
and the request read from it); the server reads one request per connection, hands
it to the scenario, and closes the socket when the scenario returns.

No scenario can hang a test: every connection ends when the client hangs up, after
``cap`` seconds, or once ``byte_cap`` bytes were sent, whichever comes first; and
:func:`call` runs the client in a thread it abandons (failing the test) after
``HANG_GUARD`` seconds. Both are guards, not timing assertions: the tests assert
counts (bytes the server sent before the client hung up, requests received,
exceptions raised), never durations.
"""

from __future__ import annotations

import asyncio
import contextlib
import select
import socket
import threading
import time
import traceback
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self, TypeVar

import pytest

from ionq_client import AsyncIonQClient, IonQClient

#: The API key every hostile test uses; it must never show up in what the client raises.
KEY = "sk-hostile-5e1d"
#: How long a client call may run before the test gives up on it as hung.
HANG_GUARD = 60.0
#: The longest a connection lasts, and the most bytes it sends, whatever the scenario.
CONNECTION_CAP = 12.0
BYTE_CAP = 64 * 1024 * 1024
#: The server's send buffer: small, so "bytes sent" is close to "bytes the client took".
SEND_BUFFER = 256 * 1024
#: How long the server waits for a request line and headers on a new connection.
REQUEST_WAIT = 5.0
_MAX_HEAD = 64 * 1024
_POLL = 0.02

E = TypeVar("E", bound=BaseException)
T = TypeVar("T")


@dataclass(frozen=True)
class Request:
    """What the server read: the request line, the headers (names lower-cased) and body."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return self.target.partition("?")[0]


class Conn:
    """One accepted connection, as a scenario sees it; its counters outlive it."""

    def __init__(self, sock: socket.socket, deadline: float, byte_cap: int) -> None:
        self.sock = sock
        self.deadline = deadline
        self.byte_cap = byte_cap
        self.request: Request | None = None
        #: Bytes the kernel accepted from us (status line and headers included), and
        #: how many of them were the status line and headers.
        self.sent = 0
        self.head_sent = 0
        #: The client closed or reset the connection while the scenario still ran.
        self.hung_up = False
        #: The server's own cap (time or bytes) ended the scenario.
        self.capped = False
        self.done = threading.Event()

    @property
    def req(self) -> Request:
        assert self.request is not None
        return self.request

    @property
    def body_sent(self) -> int:
        """Bytes sent after the status line and headers."""
        return self.sent - self.head_sent

    # ------------------------------------------------------------ state
    def alive(self) -> bool:
        """False once the client hung up or a cap is reached (then stop misbehaving)."""
        if self.hung_up or self.capped:
            return False
        if time.monotonic() >= self.deadline or self.sent >= self.byte_cap:
            self.capped = True
            return False
        if self._peer_closed():
            self.hung_up = True
            return False
        return True

    def _peer_closed(self) -> bool:
        try:
            readable, _, _ = select.select([self.sock], [], [], 0)
            return bool(readable) and self.sock.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):  # reset, or already closed
            return True

    # ------------------------------------------------------------ output
    def send(self, data: bytes) -> bool:
        """Send ``data`` (blocking while the client does not read); False if it was cut
        short because the client hung up or a cap was reached."""
        view = memoryview(data)
        while view:
            if not self.alive():
                return False
            self.sock.settimeout(0.2)
            try:
                count = self.sock.send(view[: self.byte_cap - self.sent])
            except TimeoutError:
                continue  # the client is not reading: check again whether it left
            except OSError:
                self.hung_up = True
                return False
            self.sent += count
            view = view[count:]
        return True

    def head(self, status: str, headers: Iterable[tuple[str, str]] = ()) -> bool:
        """Send ``HTTP/1.1 <status>``, the headers and the blank line."""
        lines = [f"HTTP/1.1 {status}", *(f"{name}: {value}" for name, value in headers)]
        done = self.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        self.head_sent = self.sent
        return done

    def respond(
        self,
        status: str,
        body: bytes,
        content_type: str = "application/json",
        headers: Iterable[tuple[str, str]] = (),
    ) -> bool:
        """A complete, well-framed answer (then the server closes the connection)."""
        framing = [
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            ("Connection", "close"),
        ]
        return self.head(status, [*framing, *headers]) and self.send(body)

    # ------------------------------------------------------------ waiting
    def pause(self, seconds: float) -> bool:
        """Wait ``seconds`` unless the client hangs up first; False if it did (or a cap)."""
        end = time.monotonic() + seconds
        while self.alive():
            left = end - time.monotonic()
            if left <= 0:
                return True
            time.sleep(min(left, _POLL))
        return False

    def hold(self) -> None:
        """Keep the connection open, silent, until the client hangs up (or the cap)."""
        while self.pause(0.1):
            pass


#: A misbehaviour, played on one connection after its request was read.
Scenario = Callable[[Conn], None]


def read_request(sock: socket.socket, deadline: float) -> Request | None:
    """One request from ``sock``, or None if the client sent none in time."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = _recv(sock, deadline)
        if not chunk or len(data) > _MAX_HEAD:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    request_line, *header_lines = head.decode("latin-1").split("\r\n")
    method, target, _ = request_line.split(" ", 2)
    headers: dict[str, str] = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length") or 0)
    while len(body) < length:
        chunk = _recv(sock, deadline)
        if not chunk:
            return None
        body += chunk
    return Request(method, target, headers, body[:length])


def _recv(sock: socket.socket, deadline: float) -> bytes:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return b""
    sock.settimeout(remaining)
    try:
        return sock.recv(65536)
    except OSError:
        return b""


class RawServer:
    """Serves ``scenario`` on every connection, on ``host`` (a loopback address) and a
    free port; a context manager that, on exit, waits (bounded) for every connection
    to end so that its counters are final."""

    def __init__(
        self,
        scenario: Scenario,
        host: str = "127.0.0.1",
        *,
        cap: float = CONNECTION_CAP,
        byte_cap: int = BYTE_CAP,
    ) -> None:
        self.scenario = scenario
        self.host = host
        self.cap = cap
        self.byte_cap = byte_cap
        self.connections: list[Conn] = []
        self.errors: list[str] = []
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)

    @property
    def port(self) -> int:
        return int(self._listener.getsockname()[1])

    @property
    def url(self) -> str:
        """The API root a client is given."""
        return f"http://{self.host}:{self.port}/v0.4"

    @property
    def requests(self) -> list[Request]:
        with self._lock:
            return [c.request for c in self.connections if c.request is not None]

    def count(self, method: str) -> int:
        return sum(1 for r in self.requests if r.method == method)

    @property
    def sent(self) -> int:
        """Bytes sent on all connections."""
        with self._lock:
            return sum(c.sent for c in self.connections)

    def __enter__(self) -> Self:
        self._listener.bind((self.host, 0))
        self._listener.listen(16)
        self._listener.settimeout(0.05)
        self._acceptor.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._acceptor.join(5.0)
        self._listener.close()
        end = time.monotonic() + self.cap + 5.0
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(max(0.0, end - time.monotonic()))
        if exc is None and self.errors:
            raise AssertionError("a scenario crashed:\n" + "\n".join(self.errors))

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn = Conn(sock, time.monotonic() + self.cap, self.byte_cap)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            with self._lock:
                self.connections.append(conn)
                self._threads.append(thread)
            thread.start()

    def _serve(self, conn: Conn) -> None:
        sock = conn.sock
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
            conn.request = read_request(sock, min(conn.deadline, time.monotonic() + REQUEST_WAIT))
            if conn.request is not None:
                self.scenario(conn)
        except OSError:
            conn.hung_up = True
        except Exception:  # a bug in a scenario: surfaced by the tests that check
            self.errors.append(traceback.format_exc())
        finally:
            with contextlib.suppress(OSError):
                sock.close()
            conn.done.set()


# ---------------------------------------------------------------- the client side
@dataclass
class Outcome:
    """What one client call returned or raised."""

    value: Any = None
    error: BaseException | None = None
    traceback: list[str] = field(default_factory=list)


def call(
    kind: str,
    url: str,
    operation: str,
    *args: Any,
    guard: float = HANG_GUARD,
    **options: Any,
) -> Outcome:
    """``<Client>(KEY, url, **options).<operation>(*args)`` in a thread of its own, for
    ``kind`` ``"sync"`` (IonQClient) or ``"async"`` (AsyncIonQClient, on its own event
    loop); fails the test if the call is still running after ``guard`` seconds."""
    outcome = Outcome()

    def run() -> None:
        try:
            outcome.value = _invoke(kind, url, operation, args, options)
        except BaseException as exc:  # MemoryError included: it is an outcome too
            outcome.error = exc
            outcome.traceback = traceback.format_exception(exc)

    thread = threading.Thread(target=run, daemon=True, name=f"hostile-{kind}-{operation}")
    thread.start()
    thread.join(guard)
    if thread.is_alive():
        pytest.fail(f"{kind} {operation}() still running after {guard:g} s: hung (guard tripped)")
    return outcome


def retrieve(kind: str, server: RawServer, **options: Any) -> Outcome:
    """``retrieve_job("x")`` against ``server``: ``timeout=1``, ``max_retries=0`` unless
    ``options`` say otherwise."""
    options = {"timeout": 1, "max_retries": 0, **options}
    return call(kind, server.url, "retrieve_job", "x", **options)


def _invoke(kind: str, url: str, operation: str, args: tuple[Any, ...], options: Any) -> Any:
    if kind == "sync":
        with IonQClient(KEY, url, **options) as client:
            return getattr(client, operation)(*args)

    async def main() -> Any:
        async with AsyncIonQClient(KEY, url, **options) as client:
            return await getattr(client, operation)(*args)

    return asyncio.run(main())


def raised(outcome: Outcome, expected: type[E]) -> E:
    """The exception ``outcome`` holds, checked to be an ``expected`` that does not
    quote the API key."""
    error = outcome.error
    if error is None:
        pytest.fail(f"expected {expected.__name__}, but the call returned {outcome.value!r}")
    if not isinstance(error, expected):
        summary = "".join(outcome.traceback[-6:])
        pytest.fail(
            f"expected {expected.__name__}, got {type(error).__module__}."
            f"{type(error).__qualname__}: {error}\n{summary}"
        )
    assert KEY not in str(error)
    return error


def traced_peak(action: Callable[[], T]) -> tuple[T, int]:
    """``action()`` and the peak of Python memory (all threads) allocated meanwhile."""
    already = tracemalloc.is_tracing()
    if already:
        tracemalloc.reset_peak()
    else:
        tracemalloc.start()
    try:
        baseline, _ = tracemalloc.get_traced_memory()
        result = action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        if not already:
            tracemalloc.stop()
    return result, peak - baseline
