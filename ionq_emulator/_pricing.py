"""What a job costs and how long it occupies a QPU; the simulator is free and instant.

Both follow from the backend's per-gate rates and the gate counts, and one pair of
functions feeds job stats, ``/cost``, ``/estimate`` and usage so that they agree.
"""

from __future__ import annotations

from ionq_emulator._catalog import Backend

__all__ = ["compute_time_us", "price"]


def price(backend: Backend, gates: tuple[int, int], shots: int) -> float:
    if not backend.is_qpu:
        return 0.0
    per_shot = gates[0] * backend.cost_1q + gates[1] * backend.cost_2q
    return round(max(backend.minimum, shots * per_shot), 2)


def compute_time_us(backend: Backend, gates: tuple[int, int], shots: int) -> int:
    """Whole microseconds, as IonQ reports them (its ``*_quantum_compute_time_us`` are integers)."""
    if not backend.is_qpu:
        return 0
    per_shot = gates[0] * backend.gate_1q_us + gates[1] * backend.gate_2q_us + backend.readout_us
    return round(shots * per_shot)
