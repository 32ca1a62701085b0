from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hamiltonian_energy_function import HamiltonianEnergyFunction


T = TypeVar("T", bound="HamiltonianEnergyInput")


@_attrs_define
class HamiltonianEnergyInput:
    """The energy <psi(params)|H|psi(params)> of a Hamiltonian given as Pauli terms, in the state an ansatz circuit
    prepares from |0...0> with `params` bound to its parameters in order.

        Attributes:
            data (HamiltonianEnergyFunction): The function's kind and its data.
            params (list[float] | Unset): Values of the ansatz's parameters, in the order it declares them.
    """

    data: HamiltonianEnergyFunction
    params: list[float] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        params: list[float] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
            }
        )
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.hamiltonian_energy_function import HamiltonianEnergyFunction

        d = dict(src_dict)
        data = HamiltonianEnergyFunction.from_dict(d.pop("data"))

        params = cast(list[float], d.pop("params", UNSET))

        hamiltonian_energy_input = cls(
            data=data,
            params=params,
        )

        return hamiltonian_energy_input
