"""The emulated backends: what each offers, costs and takes, and its calibrations.

Calibrations (IonQ's "characterizations") are synthetic: derived deterministically
from a QPU's noise model and the day, so every run reports the same plausible history.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from ionq_emulator._simulator import MAX_SIMULATED_QUBITS, NOISE_MODELS
from ionq_emulator._validation import RequestInvalid

__all__ = [
    "BACKENDS",
    "Backend",
    "calibration",
    "calibration_days",
    "calibration_id",
    "noise_model_for",
]

CHARACTERIZATION_DAYS: Final = 30
_NOISE_ALIASES: Final = {"harmony-1": "harmony", "harmony-2": "harmony"}


@dataclass(frozen=True)
class Backend:
    """A backend; QPUs carry their noise model, prices and gate timings."""

    name: str
    qubits: int
    status: str = "available"
    noise_model: str | None = None
    average_queue_time: int = 0  # milliseconds
    location: str | None = None
    cost_1q: float = 0.0  # usd per gate per shot
    cost_2q: float = 0.0
    minimum: float = 0.0  # usd per job
    cost_model: str = "QCT"
    gate_1q_us: float = 0.0
    gate_2q_us: float = 0.0
    readout_us: float = 0.0

    @property
    def is_qpu(self) -> bool:
        return self.noise_model is not None


def _qpu(name: str, qubits: int, status: str, queue_ms: int, family: str) -> Backend:
    """A QPU priced and timed like its family (published list prices, rounded)."""
    aria = family == "aria"
    return Backend(
        name,
        qubits,
        status,
        noise_model=name.removeprefix("qpu."),
        average_queue_time=queue_ms,
        location="College Park, MD" if aria else "Seattle, WA",
        cost_1q=0.00022 if aria else 0.0003,
        cost_2q=0.000975 if aria else 0.0025,
        minimum=97.5,
        cost_model="QCT" if aria else "2QGE_operations",
        gate_1q_us=135.0 if aria else 63.0,
        gate_2q_us=600.0 if aria else 650.0,
        readout_us=300.0 if aria else 250.0,
    )


BACKENDS: Final[Mapping[str, Backend]] = {
    b.name: b
    for b in (
        # 25 qubits is the simulator's own limit (MAX_SIMULATED_QUBITS): IonQ's cloud
        # simulator offers 29, but a laptop cannot hold that state vector.
        Backend("simulator", MAX_SIMULATED_QUBITS),
        _qpu("qpu.aria-1", 25, "available", 3_600_000, "aria"),
        _qpu("qpu.aria-2", 25, "unavailable", 7_200_000, "aria"),
        _qpu("qpu.forte-1", 36, "available", 1_735_200, "forte"),
        _qpu("qpu.forte-enterprise-1", 36, "available", 900_000, "forte"),
    )
}


def noise_model_for(backend: Backend, noise: Mapping[str, Any] | None) -> str | None:
    """The noise model a job runs with (``None``: ideal); an unknown model is a 400."""
    if backend.is_qpu:
        return backend.noise_model  # a QPU's results carry its own noise
    model: str | None = None if noise is None else str(noise["model"])
    model = _NOISE_ALIASES.get(model, model) if model is not None else None
    if model is None or model == "ideal":
        return None
    if model not in NOISE_MODELS:
        known = ", ".join(["ideal", *NOISE_MODELS])
        raise RequestInvalid(f'"noise.model" must be one of {known}', ["noise.model"], "body")
    return model


def _digest(*parts: object) -> bytes:
    return hashlib.sha256(":".join(map(str, parts)).encode()).digest()


def _jitter(*parts: object) -> float:
    """A deterministic number in [0, 1) per ``parts``: plausible, repeatable variation."""
    return int.from_bytes(_digest(*parts)[:8], "big") / 2**64


def calibration_id(backend: str, day: date) -> str:
    return str(uuid.UUID(bytes=_digest("characterization", backend, day)[:16], version=4))


def calibration_days(backend: Backend, today: date) -> list[date]:
    """Calibration days, newest first; the simulator is never calibrated."""
    if not backend.is_qpu:
        return []
    return [today - timedelta(days=i) for i in range(CHARACTERIZATION_DAYS)]


def calibration(backend: Backend, day: date) -> dict[str, Any]:
    """A synthetic calibration snapshot, derived from the backend's noise model."""
    assert backend.noise_model is not None
    model = NOISE_MODELS[backend.noise_model]

    def near(value: float, spread: float, tag: str) -> float:
        return round(min(1.0, value + spread * (_jitter(backend.name, day, tag) - 0.5)), 6)

    qubits = backend.qubits
    return {
        "id": calibration_id(backend.name, day),
        "backend": backend.name,
        "date": f"{day.isoformat()}T00:00:00Z",
        "qubits": qubits,
        "connectivity": [[a, b] for a in range(qubits) for b in range(a + 1, qubits)],
        "fidelity": {
            "spam": {"median": near(1 - model.readout_error, 0.002, "spam"), "stderr": 0.0007},
            "1q": {"mean": near(model.one_qubit_fidelity, 0.0002, "1q"), "stderr": 0.00002},
            "2q": {"mean": near(model.two_qubit_fidelity, 0.004, "2q"), "stderr": 0.0004},
        },
        "timing": {
            "t1": round(10 + 90 * _jitter(backend.name, day, "t1"), 3),
            "t2": round(0.5 + _jitter(backend.name, day, "t2"), 3),
            "1q": backend.gate_1q_us / 1e6,
            "2q": backend.gate_2q_us / 1e6,
            "readout": backend.readout_us / 1e6,
            "reset": 0.00002,
        },
    }
