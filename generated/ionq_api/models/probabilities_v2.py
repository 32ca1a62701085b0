from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.probabilities_v2_probabilities import ProbabilitiesV2Probabilities


T = TypeVar("T", bound="ProbabilitiesV2")


@_attrs_define
class ProbabilitiesV2:
    """`ionq.result.probabilities.json.v2`: probabilities per classical register, each keyed by the register's zero-padded
    bitstring (bit 0 of the register is the rightmost character, as OpenQASM prints it). IonQ adds `output_all`, every
    qubit measured at the end.

        Attributes:
            probabilities (ProbabilitiesV2Probabilities): The registers' distributions.
    """

    probabilities: ProbabilitiesV2Probabilities

    def to_dict(self) -> dict[str, Any]:
        probabilities = self.probabilities.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "probabilities": probabilities,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.probabilities_v2_probabilities import ProbabilitiesV2Probabilities

        d = dict(src_dict)
        probabilities = ProbabilitiesV2Probabilities.from_dict(d.pop("probabilities"))

        probabilities_v2 = cls(
            probabilities=probabilities,
        )

        return probabilities_v2
