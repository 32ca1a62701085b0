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
    from ..models.native_gate import NativeGate


T = TypeVar("T", bound="NativeCircuitInput")


@_attrs_define
class NativeCircuitInput:
    """A circuit of the hardware's native gates, run as written.

    Attributes:
        gateset (Literal['native']): Selects the native gate set.
        qubits (int): Number of qubits the circuit uses.
        circuit (list[NativeGate]): Gates in the order they apply.
    """

    gateset: Literal["native"]
    qubits: int
    circuit: list[NativeGate]

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
        from ..models.native_gate import NativeGate

        d = dict(src_dict)
        gateset = cast(Literal["native"], d.pop("gateset"))
        if gateset != "native":
            raise ValueError(f"gateset must match const 'native', got '{gateset}'")

        qubits = d.pop("qubits")

        circuit = []
        _circuit = d.pop("circuit")
        for circuit_item_data in _circuit:
            circuit_item = NativeGate.from_dict(circuit_item_data)

            circuit.append(circuit_item)

        native_circuit_input = cls(
            gateset=gateset,
            qubits=qubits,
            circuit=circuit,
        )

        return native_circuit_input
