from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rate_card import RateCard
    from ..models.rate_card_estimate_estimate_context import (
        RateCardEstimateEstimateContext,
    )


T = TypeVar("T", bound="RateCardEstimate")


@_attrs_define
class RateCardEstimate:
    """A job estimate priced from the organization's rate card.

    Attributes:
        estimated_total_cost (float): Expected total cost.
        estimate_context (RateCardEstimateEstimateContext | Unset): The inputs and account the estimate was made for.
        estimated_at (str | Unset): An ISO 8601 instant, kept as sent.
        estimated_unit (str | Unset): Unit of the total.
        rate_card (RateCard | Unset): Prices that applied.
        estimated_execution_time (float | Unset): Expected run time in ms.
        estimated_quantum_compute_time_us (float | Unset): Expected billable compute time.
        current_predicted_queue_time (float | Unset): Expected wait in ms.
    """

    estimated_total_cost: float
    estimate_context: RateCardEstimateEstimateContext | Unset = UNSET
    estimated_at: str | Unset = UNSET
    estimated_unit: str | Unset = UNSET
    rate_card: RateCard | Unset = UNSET
    estimated_execution_time: float | Unset = UNSET
    estimated_quantum_compute_time_us: float | Unset = UNSET
    current_predicted_queue_time: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        estimated_total_cost = self.estimated_total_cost

        estimate_context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.estimate_context, Unset):
            estimate_context = self.estimate_context.to_dict()

        estimated_at = self.estimated_at

        estimated_unit = self.estimated_unit

        rate_card: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rate_card, Unset):
            rate_card = self.rate_card.to_dict()

        estimated_execution_time = self.estimated_execution_time

        estimated_quantum_compute_time_us = self.estimated_quantum_compute_time_us

        current_predicted_queue_time = self.current_predicted_queue_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "estimated_total_cost": estimated_total_cost,
            }
        )
        if estimate_context is not UNSET:
            field_dict["estimate_context"] = estimate_context
        if estimated_at is not UNSET:
            field_dict["estimated_at"] = estimated_at
        if estimated_unit is not UNSET:
            field_dict["estimated_unit"] = estimated_unit
        if rate_card is not UNSET:
            field_dict["rate_card"] = rate_card
        if estimated_execution_time is not UNSET:
            field_dict["estimated_execution_time"] = estimated_execution_time
        if estimated_quantum_compute_time_us is not UNSET:
            field_dict["estimated_quantum_compute_time_us"] = (
                estimated_quantum_compute_time_us
            )
        if current_predicted_queue_time is not UNSET:
            field_dict["current_predicted_queue_time"] = current_predicted_queue_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rate_card import RateCard
        from ..models.rate_card_estimate_estimate_context import (
            RateCardEstimateEstimateContext,
        )

        d = dict(src_dict)
        estimated_total_cost = d.pop("estimated_total_cost")

        _estimate_context = d.pop("estimate_context", UNSET)
        estimate_context: RateCardEstimateEstimateContext | Unset
        if isinstance(_estimate_context, Unset):
            estimate_context = UNSET
        else:
            estimate_context = RateCardEstimateEstimateContext.from_dict(
                _estimate_context
            )

        estimated_at = d.pop("estimated_at", UNSET)

        estimated_unit = d.pop("estimated_unit", UNSET)

        _rate_card = d.pop("rate_card", UNSET)
        rate_card: RateCard | Unset
        if isinstance(_rate_card, Unset):
            rate_card = UNSET
        else:
            rate_card = RateCard.from_dict(_rate_card)

        estimated_execution_time = d.pop("estimated_execution_time", UNSET)

        estimated_quantum_compute_time_us = d.pop(
            "estimated_quantum_compute_time_us", UNSET
        )

        current_predicted_queue_time = d.pop("current_predicted_queue_time", UNSET)

        rate_card_estimate = cls(
            estimated_total_cost=estimated_total_cost,
            estimate_context=estimate_context,
            estimated_at=estimated_at,
            estimated_unit=estimated_unit,
            rate_card=rate_card,
            estimated_execution_time=estimated_execution_time,
            estimated_quantum_compute_time_us=estimated_quantum_compute_time_us,
            current_predicted_queue_time=current_predicted_queue_time,
        )

        rate_card_estimate.additional_properties = d
        return rate_card_estimate

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
