from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RateInformationEstimateRateInformation")


@_attrs_define
class RateInformationEstimateRateInformation:
    """Prices that applied.

    Attributes:
        job_cost_minimum (float | Unset): Least a job costs.
        cost_1q_gate (float | Unset): Price of a one-qubit gate.
        cost_2q_gate (float | Unset): Price of a two-qubit gate.
        organization (str | Unset): The organization priced.
    """

    job_cost_minimum: float | Unset = UNSET
    cost_1q_gate: float | Unset = UNSET
    cost_2q_gate: float | Unset = UNSET
    organization: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_cost_minimum = self.job_cost_minimum

        cost_1q_gate = self.cost_1q_gate

        cost_2q_gate = self.cost_2q_gate

        organization = self.organization

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if job_cost_minimum is not UNSET:
            field_dict["job_cost_minimum"] = job_cost_minimum
        if cost_1q_gate is not UNSET:
            field_dict["cost_1q_gate"] = cost_1q_gate
        if cost_2q_gate is not UNSET:
            field_dict["cost_2q_gate"] = cost_2q_gate
        if organization is not UNSET:
            field_dict["organization"] = organization

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        job_cost_minimum = d.pop("job_cost_minimum", UNSET)

        cost_1q_gate = d.pop("cost_1q_gate", UNSET)

        cost_2q_gate = d.pop("cost_2q_gate", UNSET)

        organization = d.pop("organization", UNSET)

        rate_information_estimate_rate_information = cls(
            job_cost_minimum=job_cost_minimum,
            cost_1q_gate=cost_1q_gate,
            cost_2q_gate=cost_2q_gate,
            organization=organization,
        )

        rate_information_estimate_rate_information.additional_properties = d
        return rate_information_estimate_rate_information

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
