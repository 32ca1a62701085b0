from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.probabilities_v2_probabilities_registers import (
        ProbabilitiesV2ProbabilitiesRegisters,
    )


T = TypeVar("T", bound="ProbabilitiesV2Probabilities")


@_attrs_define
class ProbabilitiesV2Probabilities:
    """The registers' distributions.

    Attributes:
        registers (ProbabilitiesV2ProbabilitiesRegisters): Each register's bitstring -> probability map, keyed by
            register name.
    """

    registers: ProbabilitiesV2ProbabilitiesRegisters

    def to_dict(self) -> dict[str, Any]:
        registers = self.registers.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "registers": registers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.probabilities_v2_probabilities_registers import (
            ProbabilitiesV2ProbabilitiesRegisters,
        )

        d = dict(src_dict)
        registers = ProbabilitiesV2ProbabilitiesRegisters.from_dict(d.pop("registers"))

        probabilities_v2_probabilities = cls(
            registers=registers,
        )

        return probabilities_v2_probabilities
