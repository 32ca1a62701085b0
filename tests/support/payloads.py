"""Payloads several test rooms assert on."""

from __future__ import annotations

from typing import Any

#: The ``input`` of a Bell-pair job as the builder writes it (``Circuit(2).h(0).cx(0, 1)``).
BELL_INPUT: dict[str, Any] = {
    "qubits": 2,
    "gateset": "qis",
    "circuit": [
        {"gate": "h", "targets": [0]},
        {"gate": "cnot", "controls": [0], "targets": [1]},
    ],
}
