"""What clients asked of the emulator: every request's method, path and query, and
how many were in flight at once. Tests read it to assert counts (requests a client
made, its concurrency as the server saw it) rather than times."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: tuple[tuple[str, str], ...]


class Traffic:
    """The request log; thread-safe (tests read it while the server runs)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: list[Seen] = []
        self._in_flight = 0
        self.most_in_flight = 0

    def requests(self, method: str | None = None, path: str | None = None) -> list[Seen]:
        """The requests seen so far, optionally only those with this method and path."""
        with self._lock:
            seen = list(self._seen)
        return [
            s
            for s in seen
            if (method is None or s.method == method) and (path is None or s.path == path)
        ]

    def clear(self) -> None:
        with self._lock:
            self._seen.clear()
            self.most_in_flight = self._in_flight

    def enter(self, seen: Seen) -> None:
        with self._lock:
            self._seen.append(seen)
            self._in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self._in_flight)

    def leave(self) -> None:
        with self._lock:
            self._in_flight -= 1


class TrafficMiddleware:
    """ASGI middleware, outermost: logs each HTTP request before anything else runs."""

    def __init__(self, app: ASGIApp, traffic: Traffic) -> None:
        self.app = app
        self.traffic = traffic

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = tuple(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        self.traffic.enter(Seen(scope["method"], scope["path"], query))
        try:
            await self.app(scope, receive, send)
        finally:
            self.traffic.leave()
