from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.gate_set import GateSet
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.circuit_entry_registers import CircuitEntryRegisters
    from ..models.multi_circuit_gate import MultiCircuitGate


T = TypeVar("T", bound="CircuitEntry")


@_attrs_define
class CircuitEntry:
    """One circuit of a multi-circuit job.

    Attributes:
        circuit (list[MultiCircuitGate]): Gates in the order they apply.
        name (str | Unset): A label for this circuit.
        qubits (int | Unset): Number of qubits the circuit uses.
        gateset (GateSet | Unset): The vocabulary a circuit is written in.
        registers (CircuitEntryRegisters | Unset): Named groups of qubits, for reading results by register.
    """

    circuit: list[MultiCircuitGate]
    name: str | Unset = UNSET
    qubits: int | Unset = UNSET
    gateset: GateSet | Unset = UNSET
    registers: CircuitEntryRegisters | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        circuit = []
        for circuit_item_data in self.circuit:
            circuit_item = circuit_item_data.to_dict()
            circuit.append(circuit_item)

        name = self.name

        qubits = self.qubits

        gateset: str | Unset = UNSET
        if not isinstance(self.gateset, Unset):
            gateset = self.gateset.value

        registers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.registers, Unset):
            registers = self.registers.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "circuit": circuit,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if qubits is not UNSET:
            field_dict["qubits"] = qubits
        if gateset is not UNSET:
            field_dict["gateset"] = gateset
        if registers is not UNSET:
            field_dict["registers"] = registers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.circuit_entry_registers import CircuitEntryRegisters
        from ..models.multi_circuit_gate import MultiCircuitGate

        d = dict(src_dict)
        circuit = []
        _circuit = d.pop("circuit")
        for circuit_item_data in _circuit:
            circuit_item = MultiCircuitGate.from_dict(circuit_item_data)

            circuit.append(circuit_item)

        name = d.pop("name", UNSET)

        qubits = d.pop("qubits", UNSET)

        _gateset = d.pop("gateset", UNSET)
        gateset: GateSet | Unset
        if isinstance(_gateset, Unset):
            gateset = UNSET
        else:
            gateset = GateSet(_gateset)

        _registers = d.pop("registers", UNSET)
        registers: CircuitEntryRegisters | Unset
        if isinstance(_registers, Unset):
            registers = UNSET
        else:
            registers = CircuitEntryRegisters.from_dict(_registers)

        circuit_entry = cls(
            circuit=circuit,
            name=name,
            qubits=qubits,
            gateset=gateset,
            registers=registers,
        )

        return circuit_entry
