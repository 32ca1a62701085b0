from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.variant_info_results import VariantInfoResults


T = TypeVar("T", bound="VariantInfo")


@_attrs_define
class VariantInfo:
    """One symmetrized variant of a debiased circuit.

    Attributes:
        variant_id (str): The variant's id.
        qubit_map (list[float] | None): Physical qubit of each logical qubit, or null.
        shots (int): Shots given to the variant.
        results (VariantInfoResults | Unset): The variant's result artifacts, keyed by format id.
    """

    variant_id: str
    qubit_map: list[float] | None
    shots: int
    results: VariantInfoResults | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        variant_id = self.variant_id

        qubit_map: list[float] | None
        if isinstance(self.qubit_map, list):
            qubit_map = self.qubit_map

        else:
            qubit_map = self.qubit_map

        shots = self.shots

        results: dict[str, Any] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = self.results.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "variant_id": variant_id,
                "qubit_map": qubit_map,
                "shots": shots,
            }
        )
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.variant_info_results import VariantInfoResults

        d = dict(src_dict)
        variant_id = d.pop("variant_id")

        def _parse_qubit_map(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                qubit_map_type_0 = cast(list[float], data)

                return qubit_map_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        qubit_map = _parse_qubit_map(d.pop("qubit_map"))

        shots = d.pop("shots")

        _results = d.pop("results", UNSET)
        results: VariantInfoResults | Unset
        if isinstance(_results, Unset):
            results = UNSET
        else:
            results = VariantInfoResults.from_dict(_results)

        variant_info = cls(
            variant_id=variant_id,
            qubit_map=qubit_map,
            shots=shots,
            results=results,
        )

        variant_info.additional_properties = d
        return variant_info

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
