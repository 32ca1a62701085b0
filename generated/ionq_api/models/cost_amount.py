from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cost_unit import CostUnit

T = TypeVar("T", bound="CostAmount")


@_attrs_define
class CostAmount:
    """An amount of money or credits.

    Attributes:
        value (float): The amount.
        unit (CostUnit | str): Its unit.
    """

    value: float
    unit: CostUnit | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        unit: str
        if isinstance(self.unit, CostUnit):
            unit = self.unit.value
        else:
            unit = self.unit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        value = d.pop("value")

        def _parse_unit(data: object) -> CostUnit | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_type_0 = CostUnit(data)

                return unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CostUnit | str, data)

        unit = _parse_unit(d.pop("unit"))

        cost_amount = cls(
            value=value,
            unit=unit,
        )

        cost_amount.additional_properties = d
        return cost_amount

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
