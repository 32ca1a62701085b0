from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.hamiltonian_energy_data import HamiltonianEnergyData


T = TypeVar("T", bound="HamiltonianEnergyFunction")


@_attrs_define
class HamiltonianEnergyFunction:
    """The function's kind and its data.

    Attributes:
        type_ (Literal['hamiltonian-energy']): Selects the Hamiltonian-energy function.
        data (HamiltonianEnergyData): The Hamiltonian, the ansatz and optional constraints (a quadratic program).
    """

    type_: Literal["hamiltonian-energy"]
    data: HamiltonianEnergyData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.hamiltonian_energy_data import HamiltonianEnergyData

        d = dict(src_dict)
        type_ = cast(Literal["hamiltonian-energy"], d.pop("type"))
        if type_ != "hamiltonian-energy":
            raise ValueError(
                f"type must match const 'hamiltonian-energy', got '{type_}'"
            )

        data = HamiltonianEnergyData.from_dict(d.pop("data"))

        hamiltonian_energy_function = cls(
            type_=type_,
            data=data,
        )

        hamiltonian_energy_function.additional_properties = d
        return hamiltonian_energy_function

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
