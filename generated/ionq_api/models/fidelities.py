from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fidelity_statistic import FidelityStatistic


T = TypeVar("T", bound="Fidelities")


@_attrs_define
class Fidelities:
    """Measured gate and readout fidelities.

    Attributes:
        spam (FidelityStatistic | Unset): A fidelity estimate over all qubits or pairs.
        field_1q (FidelityStatistic | Unset): A fidelity estimate over all qubits or pairs.
        field_2q (FidelityStatistic | Unset): A fidelity estimate over all qubits or pairs.
    """

    spam: FidelityStatistic | Unset = UNSET
    field_1q: FidelityStatistic | Unset = UNSET
    field_2q: FidelityStatistic | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        spam: dict[str, Any] | Unset = UNSET
        if not isinstance(self.spam, Unset):
            spam = self.spam.to_dict()

        field_1q: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_1q, Unset):
            field_1q = self.field_1q.to_dict()

        field_2q: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_2q, Unset):
            field_2q = self.field_2q.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if spam is not UNSET:
            field_dict["spam"] = spam
        if field_1q is not UNSET:
            field_dict["1q"] = field_1q
        if field_2q is not UNSET:
            field_dict["2q"] = field_2q

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.fidelity_statistic import FidelityStatistic

        d = dict(src_dict)
        _spam = d.pop("spam", UNSET)
        spam: FidelityStatistic | Unset
        if isinstance(_spam, Unset):
            spam = UNSET
        else:
            spam = FidelityStatistic.from_dict(_spam)

        _field_1q = d.pop("1q", UNSET)
        field_1q: FidelityStatistic | Unset
        if isinstance(_field_1q, Unset):
            field_1q = UNSET
        else:
            field_1q = FidelityStatistic.from_dict(_field_1q)

        _field_2q = d.pop("2q", UNSET)
        field_2q: FidelityStatistic | Unset
        if isinstance(_field_2q, Unset):
            field_2q = UNSET
        else:
            field_2q = FidelityStatistic.from_dict(_field_2q)

        fidelities = cls(
            spam=spam,
            field_1q=field_1q,
            field_2q=field_2q,
        )

        fidelities.additional_properties = d
        return fidelities

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
