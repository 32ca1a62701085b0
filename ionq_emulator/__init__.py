"""A local IonQ-compatible emulator (API v0.4) for tests and offline work.

``run_emulator()`` serves it on a free loopback port; ``python -m ionq_emulator``
runs it from a shell. The heavy parts (Starlette, uvicorn, NumPy) load on first use,
so importing ``ionq_emulator.openapi`` stays cheap.
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
