"""Fault injection: make the emulator misbehave on purpose, reproducibly.

Clients are judged by how they survive 429s, 5xx answers, dropped connections and
slow replies, which the real service produces rarely and never on demand. This ASGI
middleware produces them at seeded random rates (``FaultConfig``), or as scripted
one-shot faults (:meth:`Faults.inject`) for exact tests. A scripted fault with
``after=True`` lets the request take effect first, which is the only way to prove
that a client retrying an ambiguous POST does not create a second job; random faults
do the same for the share ``FaultConfig.after_rate`` of them. Every fault that fires
is recorded in :attr:`Faults.history` with whether it fired before or after the
request was handled, so a soak test can reconcile its own ledger with the state.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import threading
from dataclasses import dataclass
from typing import Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ionq_emulator._errors import error_body

__all__ = [
    "DroppedConnection",
    "FaultConfig",
    "FaultMiddleware",
    "FaultRecord",
    "Faults",
]

API_PREFIX: Final = "/v0.4"
_RETRY_AFTER_STATUSES: Final = frozenset({429, 503})
_DROP: Final = 0  # pseudo-status of a dropped connection in the random draw
_DELAY: Final = 1  # pseudo-status of a held answer ("past the read timeout")


@dataclass(frozen=True)
class FaultConfig:
    """Random faults: each request draws once; rates are probabilities that sum to <= 1.

    The kinds: a status (429 and 503 carry ``Retry-After: retry_after``), a dropped
    connection (``rate_drop``) and a delay (``rate_delay``: the answer is held for
    ``delay`` seconds, meant to outlast the client's read timeout). A fault that
    fires is injected *after* the request was handled with probability
    ``after_rate`` (the request takes effect, then the client sees the fault; never
    a 429, which by its meaning refuses a request unprocessed), else
    before it (the request never reaches the app; a delay before handling is held,
    then answered 504, as a gateway that gave up would). ``latency`` is added to
    every request and is not a fault.
    """

    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_502: float = 0.0
    rate_503: float = 0.0
    rate_drop: float = 0.0
    latency: float = 0.0
    retry_after: int = 1
    rate_504: float = 0.0
    rate_delay: float = 0.0
    delay: float = 10.0
    after_rate: float = 0.0

    def rates(self) -> tuple[tuple[float, int], ...]:
        """Each kind's rate with its status (or the drop and delay pseudo-statuses)."""
        return (
            (self.rate_429, 429),
            (self.rate_500, 500),
            (self.rate_502, 502),
            (self.rate_503, 503),
            (self.rate_drop, _DROP),
            (self.rate_504, 504),
            (self.rate_delay, _DELAY),
        )

    def __post_init__(self) -> None:
        rates = [rate for rate, _ in self.rates()]
        if any(not 0.0 <= r <= 1.0 for r in rates) or sum(rates) > 1.0 + 1e-9:
            raise ValueError(f"fault rates must lie in [0, 1] and sum to at most 1: {self}")
        if not 0.0 <= self.after_rate <= 1.0:
            raise ValueError(f"after_rate must lie in [0, 1]: {self}")
        if min(self.latency, self.retry_after, self.delay) < 0:
            raise ValueError(f"latency, delay and retry_after must be >= 0: {self}")


@dataclass(frozen=True)
class FaultRecord:
    """One fault that fired, for tests to assert on.

    ``status`` is the status answered (None for a drop or a delay), ``delay`` the
    seconds the answer was held, ``after`` whether the request was handled (took
    effect) before the fault, ``scripted`` whether :meth:`Faults.inject` asked for it.
    """

    method: str
    path: str
    status: int | None
    drop: bool
    delay: float
    after: bool
    scripted: bool


@dataclass
class _Scripted:
    method: str
    pattern: re.Pattern[str]
    status: int | None
    drop: bool
    delay: float
    after: bool
    remaining: int
    retry_after: str | None


class DroppedConnection(Exception):
    """Raised after the headers are out so that uvicorn aborts the connection."""


class _QuietDrops(logging.Filter):
    """uvicorn logs every aborted response; a drop we caused on purpose is not news."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, DroppedConnection)


_quiet_drops = _QuietDrops()


def _path_pattern(path: str) -> re.Pattern[str]:
    """A template (``/jobs/{job_id}``) or an exact path, relative to /v0.4."""
    path = path.removeprefix(API_PREFIX) or "/"
    parts = re.split(r"(\{[^/{}]+\})", path)
    body = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{body}/?$")


class Faults:
    """Seeded random faults plus a queue of scripted ones; thread-safe.

    Tests call :meth:`inject` from their own thread while the server runs in another.
    """

    def __init__(self, config: FaultConfig | None = None, seed: int = 0) -> None:
        self.config = config or FaultConfig()
        self._random = random.Random(f"faults:{seed}")
        self._lock = threading.Lock()
        self._scripted: list[_Scripted] = []
        self._history: list[FaultRecord] = []
        logging.getLogger("uvicorn.error").addFilter(_quiet_drops)

    def inject(
        self,
        method: str,
        path: str,
        *,
        status: int | None = None,
        drop: bool = False,
        delay: float = 0.0,
        after: bool = False,
        times: int = 1,
        retry_after: str | None = None,
    ) -> None:
        """Script a fault for the next ``times`` requests matching ``method`` and ``path``.

        ``after=False`` answers the fault instead of handling the request; ``after=True``
        handles it fully, then answers ``status``, drops the connection, or sends the
        real answer ``delay`` seconds late.
        """
        if status is not None and not 400 <= status <= 599:
            raise ValueError(f"a fault status must be 4xx or 5xx, got {status}")
        if status is not None and drop:
            raise ValueError("a fault either answers a status or drops the connection")
        if times < 1 or delay < 0:
            raise ValueError("times must be >= 1 and delay >= 0")
        fault = _Scripted(
            method.upper(), _path_pattern(path), status, drop, delay, after, times, retry_after
        )
        with self._lock:
            self._scripted.append(fault)

    def clear(self) -> None:
        """Forget scripted faults and the history (random rates stay)."""
        with self._lock:
            self._scripted.clear()
            self._history.clear()

    @property
    def injected(self) -> int:
        """How many faults have fired since the start or the last :meth:`clear`."""
        with self._lock:
            return len(self._history)

    @property
    def history(self) -> list[FaultRecord]:
        with self._lock:
            return list(self._history)

    def plan(self, method: str, path: str) -> tuple[FaultRecord, str | None] | None:
        """The fault for this request, if any; scripted faults win over random ones."""
        relative = path.removeprefix(API_PREFIX) or "/"
        with self._lock:
            for fault in self._scripted:
                if fault.method == method and fault.pattern.match(relative):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._scripted.remove(fault)
                    record = FaultRecord(
                        method, path, fault.status, fault.drop, fault.delay, fault.after, True
                    )
                    self._history.append(record)
                    return record, fault.retry_after
            c = self.config
            draw = self._random.random()
            kind: int | None = None
            threshold = 0.0
            for rate, code in c.rates():
                threshold += rate
                if draw < threshold:
                    kind = code
                    break
            if kind is None:
                if not c.latency:
                    return None
                return FaultRecord(method, path, None, False, c.latency, False, False), None
            # Drawn only when asked for, so seeded runs without it stay as they were.
            # A 429 always fires before: rate limiting refuses a request unprocessed,
            # which is what lets clients resend it (a 429 "after" would be a lie).
            after = c.after_rate > 0 and self._random.random() < c.after_rate and kind != 429
            delay = c.latency + (c.delay if kind == _DELAY else 0.0)
            status = None if kind in (_DROP, _DELAY) else kind
            if kind == _DELAY and not after:
                # Held before handling: a gateway that waited, gave up and answered 504;
                # the app never sees it. (A server that stalls and then still creates the
                # job is the one case no client can tell apart; it is not injected.)
                status = 504
            record = FaultRecord(method, path, status, kind == _DROP, delay, after, False)
            self._history.append(record)
            return record, None


class FaultMiddleware:
    """ASGI middleware: every HTTP request first consults the :class:`Faults` plan."""

    def __init__(self, app: ASGIApp, faults: Faults) -> None:
        self.app = app
        self.faults = faults

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        planned = self.faults.plan(scope["method"], scope["path"])
        if planned is None:
            await self.app(scope, receive, send)
            return
        record, retry_after = planned
        if record.after:
            await self._after(scope, receive, send, record, retry_after)
            return
        if record.delay:
            await asyncio.sleep(record.delay)
        if record.drop:
            await self._drop(send)
        elif record.status is not None:
            await self._answer(send, record.status, retry_after, "injected before handling")
        else:
            await self.app(scope, receive, send)

    async def _after(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        record: FaultRecord,
        retry_after: str | None,
    ) -> None:
        """Handle the request for real, hold its answer back, then misbehave."""
        held: list[Message] = []

        async def hold(message: Message) -> None:
            held.append(message)

        await self.app(scope, receive, hold)
        if record.delay:
            await asyncio.sleep(record.delay)
        if record.drop:
            await self._drop(send)
        elif record.status is not None:
            await self._answer(send, record.status, retry_after, "injected after handling")
        else:
            for message in held:
                await send(message)

    async def _answer(self, send: Send, status: int, retry_after: str | None, why: str) -> None:
        body = json.dumps(error_body(status, f"Emulator fault: {status} {why}.")).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
        if retry_after is None and status in _RETRY_AFTER_STATUSES:
            retry_after = str(self.faults.config.retry_after)
        if retry_after is not None:
            headers.append((b"retry-after", retry_after.encode("latin-1")))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    async def _drop(send: Send) -> None:
        headers = [(b"content-type", b"application/json"), (b"content-length", b"1024")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        raise DroppedConnection("connection dropped on purpose")
