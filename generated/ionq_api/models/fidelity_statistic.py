from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FidelityStatistic")


@_attrs_define
class FidelityStatistic:
    """A fidelity estimate over all qubits or pairs.

    Attributes:
        median (float | Unset): Median fidelity.
        mean (float | Unset): Mean fidelity.
        stderr (float | Unset): Standard error of the estimate.
    """

    median: float | Unset = UNSET
    mean: float | Unset = UNSET
    stderr: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        median = self.median

        mean = self.mean

        stderr = self.stderr

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if median is not UNSET:
            field_dict["median"] = median
        if mean is not UNSET:
            field_dict["mean"] = mean
        if stderr is not UNSET:
            field_dict["stderr"] = stderr

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        median = d.pop("median", UNSET)

        mean = d.pop("mean", UNSET)

        stderr = d.pop("stderr", UNSET)

        fidelity_statistic = cls(
            median=median,
            mean=mean,
            stderr=stderr,
        )

        fidelity_statistic.additional_properties = d
        return fidelity_statistic

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
