from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RateCardRatesItem")


@_attrs_define
class RateCardRatesItem:
    """A price.

    Attributes:
        sku (str | Unset): The billable item.
        unit (str | Unset): What is counted: compute_second or gates.
        unit_cost (float | Unset): Price of one unit.
        cost_1q_gate (float | Unset): Price of a one-qubit gate.
        cost_2q_gate (float | Unset): Price of a two-qubit gate.
        job_cost_minimum (float | Unset): Least a job costs.
    """

    sku: str | Unset = UNSET
    unit: str | Unset = UNSET
    unit_cost: float | Unset = UNSET
    cost_1q_gate: float | Unset = UNSET
    cost_2q_gate: float | Unset = UNSET
    job_cost_minimum: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        unit = self.unit

        unit_cost = self.unit_cost

        cost_1q_gate = self.cost_1q_gate

        cost_2q_gate = self.cost_2q_gate

        job_cost_minimum = self.job_cost_minimum

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sku is not UNSET:
            field_dict["sku"] = sku
        if unit is not UNSET:
            field_dict["unit"] = unit
        if unit_cost is not UNSET:
            field_dict["unit_cost"] = unit_cost
        if cost_1q_gate is not UNSET:
            field_dict["cost_1q_gate"] = cost_1q_gate
        if cost_2q_gate is not UNSET:
            field_dict["cost_2q_gate"] = cost_2q_gate
        if job_cost_minimum is not UNSET:
            field_dict["job_cost_minimum"] = job_cost_minimum

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sku = d.pop("sku", UNSET)

        unit = d.pop("unit", UNSET)

        unit_cost = d.pop("unit_cost", UNSET)

        cost_1q_gate = d.pop("cost_1q_gate", UNSET)

        cost_2q_gate = d.pop("cost_2q_gate", UNSET)

        job_cost_minimum = d.pop("job_cost_minimum", UNSET)

        rate_card_rates_item = cls(
            sku=sku,
            unit=unit,
            unit_cost=unit_cost,
            cost_1q_gate=cost_1q_gate,
            cost_2q_gate=cost_2q_gate,
            job_cost_minimum=job_cost_minimum,
        )

        rate_card_rates_item.additional_properties = d
        return rate_card_rates_item

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
