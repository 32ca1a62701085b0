from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.shot_v2_registers import ShotV2Registers


T = TypeVar("T", bound="ShotV2")


@_attrs_define
class ShotV2:
    """One shot.

    Attributes:
        registers (ShotV2Registers): The bits each register read, keyed by register name; element i is bit i of the
            register (the reverse of the bitstrings' character order).
        leakage_bits (list[float] | Unset): Per-qubit leakage flags, when the machine detected leakage out of the qubit
            space. Not in IonQ's document (whose ShotResult allows only `registers`); qiskit-ionq's main branch reads it and
            drops a shot in which any flag is set. The emulator models no leakage and never sends it.
    """

    registers: ShotV2Registers
    leakage_bits: list[float] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        registers = self.registers.to_dict()

        leakage_bits: list[float] | Unset = UNSET
        if not isinstance(self.leakage_bits, Unset):
            leakage_bits = self.leakage_bits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "registers": registers,
            }
        )
        if leakage_bits is not UNSET:
            field_dict["leakage_bits"] = leakage_bits

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.shot_v2_registers import ShotV2Registers

        d = dict(src_dict)
        registers = ShotV2Registers.from_dict(d.pop("registers"))

        leakage_bits = cast(list[float], d.pop("leakage_bits", UNSET))

        shot_v2 = cls(
            registers=registers,
            leakage_bits=leakage_bits,
        )

        shot_v2.additional_properties = d
        return shot_v2

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
