"""Run the emulator on a real loopback socket, in a background thread.

Clients under test need a real HTTP server: timeouts, dropped connections and
keep-alive only exist on a socket, and third-party clients (qiskit-ionq, cirq-ionq)
cannot be handed an in-process transport. The socket is bound here, before uvicorn
starts, so that ``port=0`` yields a free port that is known up front.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

import uvicorn
from starlette.applications import Starlette

from ionq_emulator._app import create_app
from ionq_emulator._config import EmulatorConfig
from ionq_emulator._faults import Faults
from ionq_emulator._store import Store
from ionq_emulator._traffic import Traffic

__all__ = ["LOOPBACK_HOSTS", "RunningEmulator", "run_emulator"]

LOOPBACK_HOSTS: Final = frozenset({"127.0.0.1", "::1", "localhost"})
_STARTUP_TIMEOUT: Final = 10.0
_SHUTDOWN_TIMEOUT: Final = 5.0


@dataclass(frozen=True)
class RunningEmulator:
    """A started emulator: point a client at ``url`` (it ends with ``/v0.4``) with ``key``."""

    url: str
    key: str
    keys: tuple[str, ...]
    config: EmulatorConfig
    store: Store
    faults: Faults
    app: Starlette

    @property
    def traffic(self) -> Traffic:
        """Every request the emulator received, and the most in flight at once."""
        traffic: Traffic = self.app.state.traffic
        return traffic

    @property
    def internal_errors(self) -> list[str]:
        """The emulator's own bugs seen so far: each answered with a 500, or (in a
        simulation worker) a job failed with ``InternalError``."""
        errors: list[str] = self.app.state.emulator.internal_errors
        return [*errors, *self.store.internal_errors]


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # An explicit IPPROTO_TCP: asyncio only sets TCP_NODELAY on sockets that say so,
    # and without it every answer waits ~40 ms for a delayed ACK (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise OSError(exc.errno, f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    return sock


@contextlib.contextmanager
def run_emulator(
    config: EmulatorConfig | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    allow_remote: bool = False,
) -> Iterator[RunningEmulator]:
    """Serve an emulator for the duration of the ``with`` block.

    ``port=0`` picks a free port. Anything but a loopback ``host`` is refused unless
    ``allow_remote=True``: the emulator has no real security and must not be exposed
    by accident.
    """
    if host not in LOOPBACK_HOSTS and not allow_remote:
        raise ValueError(f"refusing to listen on {host!r}: pass allow_remote=True to expose it")
    config = config or EmulatorConfig()
    app = create_app(config)
    sock = _bind(host, port)
    bound_port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host=host,
            port=bound_port,
            log_level="warning",
            log_config=None,  # leave the host process's logging alone
            lifespan="off",
            timeout_graceful_shutdown=1,
            # Nothing here reads the client's address or scheme, so X-Forwarded-* need
            # not be rewritten into every request (one ASGI layer less per request).
            # HTTP parsing and the event loop stay uvicorn's "auto": httptools and
            # uvloop when installed (each cuts the per-request CPU), else h11/asyncio.
            proxy_headers=False,
        )
    )
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="ionq-emulator", daemon=True
    )
    thread.start()
    try:
        deadline = time.monotonic() + _STARTUP_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the emulator did not start on {host}:{bound_port}")
            time.sleep(0.005)
        shown = f"[{host}]" if ":" in host else host
        store: Store = app.state.store
        yield RunningEmulator(
            url=f"http://{shown}:{bound_port}/v0.4",
            key=store.keys[0],
            keys=store.keys,
            config=config,
            store=store,
            faults=app.state.faults,
            app=app,
        )
    finally:
        server.should_exit = True
        # The server first finishes what is in flight (uvicorn's graceful window),
        # which needs the request threads and the store: close them after.
        thread.join(_SHUTDOWN_TIMEOUT)
        app.state.store.close()
        app.state.emulator.close()
        sock.close()
