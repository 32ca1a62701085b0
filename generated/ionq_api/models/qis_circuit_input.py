from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.qis_gate import QisGate


T = TypeVar("T", bound="QisCircuitInput")


@_attrs_define
class QisCircuitInput:
    """A circuit of abstract (QIS) gates, compiled by IonQ.

    Attributes:
        gateset (Literal['qis']): Selects the QIS gate set.
        qubits (int): Number of qubits the circuit uses.
        circuit (list[QisGate]): Gates in the order they apply.
    """

    gateset: Literal["qis"]
    qubits: int
    circuit: list[QisGate]

    def to_dict(self) -> dict[str, Any]:
        gateset = self.gateset

        qubits = self.qubits

        circuit = []
        for circuit_item_data in self.circuit:
            circuit_item = circuit_item_data.to_dict()
            circuit.append(circuit_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gateset": gateset,
                "qubits": qubits,
                "circuit": circuit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.qis_gate import QisGate

        d = dict(src_dict)
        gateset = cast(Literal["qis"], d.pop("gateset"))
        if gateset != "qis":
            raise ValueError(f"gateset must match const 'qis', got '{gateset}'")

        qubits = d.pop("qubits")

        circuit = []
        _circuit = d.pop("circuit")
        for circuit_item_data in _circuit:
            circuit_item = QisGate.from_dict(circuit_item_data)

            circuit.append(circuit_item)

        qis_circuit_input = cls(
            gateset=gateset,
            qubits=qubits,
            circuit=circuit,
        )

        return qis_circuit_input
