from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="QuantumFunctionJobResults")


@_attrs_define
class QuantumFunctionJobResults:
    """A quantum function's scalar output.

    Attributes:
        value (float | Unset): The function's value, typically the expectation value of the observable.
        variance (float | Unset): The estimated variance of `value` over the shot ensemble.
    """

    value: float | Unset = UNSET
    variance: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        variance = self.variance

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if value is not UNSET:
            field_dict["value"] = value
        if variance is not UNSET:
            field_dict["variance"] = variance

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        value = d.pop("value", UNSET)

        variance = d.pop("variance", UNSET)

        quantum_function_job_results = cls(
            value=value,
            variance=variance,
        )

        return quantum_function_job_results
