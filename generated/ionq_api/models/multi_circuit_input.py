from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.gate_set import GateSet
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.circuit_entry import CircuitEntry


T = TypeVar("T", bound="MultiCircuitInput")


@_attrs_define
class MultiCircuitInput:
    """Several circuits sharing one gate set.

    Attributes:
        gateset (GateSet): The vocabulary a circuit is written in.
        circuits (list[CircuitEntry]): The circuits (at most 5,000, with 150,000 gates in all).
        qubits (int | Unset): Number of qubits the circuit uses.
    """

    gateset: GateSet
    circuits: list[CircuitEntry]
    qubits: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        gateset = self.gateset.value

        circuits = []
        for circuits_item_data in self.circuits:
            circuits_item = circuits_item_data.to_dict()
            circuits.append(circuits_item)

        qubits = self.qubits

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gateset": gateset,
                "circuits": circuits,
            }
        )
        if qubits is not UNSET:
            field_dict["qubits"] = qubits

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.circuit_entry import CircuitEntry

        d = dict(src_dict)
        gateset = GateSet(d.pop("gateset"))

        circuits = []
        _circuits = d.pop("circuits")
        for circuits_item_data in _circuits:
            circuits_item = CircuitEntry.from_dict(circuits_item_data)

            circuits.append(circuits_item)

        qubits = d.pop("qubits", UNSET)

        multi_circuit_input = cls(
            gateset=gateset,
            circuits=circuits,
            qubits=qubits,
        )

        return multi_circuit_input
