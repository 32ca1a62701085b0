from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rate_information_estimate_input_values import (
        RateInformationEstimateInputValues,
    )
    from ..models.rate_information_estimate_rate_information import (
        RateInformationEstimateRateInformation,
    )


T = TypeVar("T", bound="RateInformationEstimate")


@_attrs_define
class RateInformationEstimate:
    """A job estimate in the shape IonQ returned before its rate cards.

    Attributes:
        estimated_cost (float): Expected total cost.
        input_values (RateInformationEstimateInputValues | Unset): The inputs the estimate was made for.
        estimated_at (str | Unset): An ISO 8601 instant, kept as sent.
        cost_unit (str | Unset): Unit of the cost.
        rate_information (RateInformationEstimateRateInformation | Unset): Prices that applied.
        estimated_execution_time (float | Unset): Expected run time in ms.
        current_predicted_queue_time (float | Unset): Expected wait in ms.
    """

    estimated_cost: float
    input_values: RateInformationEstimateInputValues | Unset = UNSET
    estimated_at: str | Unset = UNSET
    cost_unit: str | Unset = UNSET
    rate_information: RateInformationEstimateRateInformation | Unset = UNSET
    estimated_execution_time: float | Unset = UNSET
    current_predicted_queue_time: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        estimated_cost = self.estimated_cost

        input_values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.input_values, Unset):
            input_values = self.input_values.to_dict()

        estimated_at = self.estimated_at

        cost_unit = self.cost_unit

        rate_information: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rate_information, Unset):
            rate_information = self.rate_information.to_dict()

        estimated_execution_time = self.estimated_execution_time

        current_predicted_queue_time = self.current_predicted_queue_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "estimated_cost": estimated_cost,
            }
        )
        if input_values is not UNSET:
            field_dict["input_values"] = input_values
        if estimated_at is not UNSET:
            field_dict["estimated_at"] = estimated_at
        if cost_unit is not UNSET:
            field_dict["cost_unit"] = cost_unit
        if rate_information is not UNSET:
            field_dict["rate_information"] = rate_information
        if estimated_execution_time is not UNSET:
            field_dict["estimated_execution_time"] = estimated_execution_time
        if current_predicted_queue_time is not UNSET:
            field_dict["current_predicted_queue_time"] = current_predicted_queue_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rate_information_estimate_input_values import (
            RateInformationEstimateInputValues,
        )
        from ..models.rate_information_estimate_rate_information import (
            RateInformationEstimateRateInformation,
        )

        d = dict(src_dict)
        estimated_cost = d.pop("estimated_cost")

        _input_values = d.pop("input_values", UNSET)
        input_values: RateInformationEstimateInputValues | Unset
        if isinstance(_input_values, Unset):
            input_values = UNSET
        else:
            input_values = RateInformationEstimateInputValues.from_dict(_input_values)

        estimated_at = d.pop("estimated_at", UNSET)

        cost_unit = d.pop("cost_unit", UNSET)

        _rate_information = d.pop("rate_information", UNSET)
        rate_information: RateInformationEstimateRateInformation | Unset
        if isinstance(_rate_information, Unset):
            rate_information = UNSET
        else:
            rate_information = RateInformationEstimateRateInformation.from_dict(
                _rate_information
            )

        estimated_execution_time = d.pop("estimated_execution_time", UNSET)

        current_predicted_queue_time = d.pop("current_predicted_queue_time", UNSET)

        rate_information_estimate = cls(
            estimated_cost=estimated_cost,
            input_values=input_values,
            estimated_at=estimated_at,
            cost_unit=cost_unit,
            rate_information=rate_information,
            estimated_execution_time=estimated_execution_time,
            current_predicted_queue_time=current_predicted_queue_time,
        )

        rate_information_estimate.additional_properties = d
        return rate_information_estimate

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
