from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cost_unit import CostUnit
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionCostLimit")


@_attrs_define
class SessionCostLimit:
    """The most a session may spend; `unit` is optional since IonQ's document of October 1, 2026 (the organization's
    billing unit applies when it is omitted).

        Attributes:
            value (float): The amount.
            unit (CostUnit | str | Unset): Its unit.
    """

    value: float
    unit: CostUnit | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        unit: str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, CostUnit):
            unit = self.unit.value
        else:
            unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        value = d.pop("value")

        def _parse_unit(data: object) -> CostUnit | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_type_0 = CostUnit(data)

                return unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CostUnit | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        session_cost_limit = cls(
            value=value,
            unit=unit,
        )

        return session_cost_limit
