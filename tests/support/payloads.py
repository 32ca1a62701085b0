"""Payloads several test rooms assert on."""

from __future__ import annotations

import copy
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

#: A MaxCut problem for QAOA jobs: a triangle, as NetworkX's ``adjacency_data`` writes it.
MAXCUT_TRIANGLE: dict[str, Any] = {
    "directed": False,
    "multigraph": False,
    "graph": [],
    "nodes": [{"id": 0}, {"id": 1}, {"id": 2}],
    "adjacency": [[{"id": 1}, {"id": 2}], [{"id": 0}, {"id": 2}], [{"id": 0}, {"id": 1}]],
}


def edited(payload: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """``payload`` with the dotted ``path`` set to ``value`` (or removed for ...);
    list indexes are numbers in the path (``input.circuit.0.target``)."""
    out = copy.deepcopy(payload)
    *parents, last = path.split(".")
    node: Any = out
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is ...:
        del node[last]
    elif isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return out
