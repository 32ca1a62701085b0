"""A local IonQ-compatible emulator (API v0.4) for tests and offline work.

``run_emulator()`` serves it on a free loopback port; ``python -m ionq_emulator``
runs it from a shell. The heavy parts (Starlette, uvicorn, NumPy) load on first use,
so importing ``ionq_emulator.openapi`` stays cheap.

The modules, outside in (a request flows app -> store -> records; views only read):

- ``__main__``: the ``ionq-emulator`` command line (``python -m ionq_emulator``).
- ``pytest_plugin``: the ``ionq_emulator`` fixture for users' own test suites.
- ``_server``: ``run_emulator``/``RunningEmulator``, uvicorn on a loopback socket.
- ``_app``: the Starlette app: routes from the spec, auth, validation, handlers.
- ``_faults``: injected 429/5xx answers, drops and delays, before or after handling.
- ``_traffic``: the request log (method, path, query; most in flight) tests count with.
- ``_errors``: IonQ's error body, ``ApiError``, and the store's ``NotFound``/``Conflict``.
- ``_validation``: requests checked against the spec, plus the circuit rules it can't say.
- ``_config``: ``EmulatorConfig``, the public knobs of an instance.
- ``_store``: the ``Store``: all state and every change to it, behind one lock;
  simulation runs outside it (inline when small, else in a bounded worker pool).
- ``_accounts``: API keys and the ``Account`` (and ids) each stands for.
- ``_records``: ``Job`` and ``Session`` records and the ``Timeline`` that ages them.
- ``_views``: records rendered as IonQ's JSON (jobs, results, sessions, usage, ...).
- ``_catalog``: the emulated backends and their synthetic calibrations.
- ``_pricing``: what a job costs and how long it occupies a QPU.
- ``_execution``: running one circuit: assessed at submission (gate counts, failures),
  then simulated into bounded results (probabilities, samples).
- ``_circuits``: a job's ``input`` decoded into circuits, whatever its ``type``.
- ``_qasm``: the OpenQASM 3 subset the emulator compiles into QIS gates.
- ``_simulator``: the NumPy state-vector simulator and noise models.
- ``openapi``: the spec (``ionq-v0.4.yaml``) loaded, with JSON Schema validators.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ionq_emulator._app import create_app
    from ionq_emulator._config import EmulatorConfig
    from ionq_emulator._faults import FaultConfig, FaultRecord, Faults
    from ionq_emulator._server import RunningEmulator, run_emulator

__all__ = [
    "EmulatorConfig",
    "FaultConfig",
    "FaultRecord",
    "Faults",
    "RunningEmulator",
    "create_app",
    "run_emulator",
]

_HOMES = {
    "EmulatorConfig": "_config",
    "FaultConfig": "_faults",
    "FaultRecord": "_faults",
    "Faults": "_faults",
    "RunningEmulator": "_server",
    "create_app": "_app",
    "run_emulator": "_server",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
