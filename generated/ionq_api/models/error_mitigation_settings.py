from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorMitigationSettings")


@_attrs_define
class ErrorMitigationSettings:
    """Error-mitigation techniques to apply.

    Attributes:
        debiasing (bool | Unset): Run symmetrized variants of the circuit and aggregate them.
        symmetry_verification (bool | Unset): Discard outcomes that break a known symmetry.
    """

    debiasing: bool | Unset = UNSET
    symmetry_verification: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        debiasing = self.debiasing

        symmetry_verification = self.symmetry_verification

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if debiasing is not UNSET:
            field_dict["debiasing"] = debiasing
        if symmetry_verification is not UNSET:
            field_dict["symmetry_verification"] = symmetry_verification

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        debiasing = d.pop("debiasing", UNSET)

        symmetry_verification = d.pop("symmetry_verification", UNSET)

        error_mitigation_settings = cls(
            debiasing=debiasing,
            symmetry_verification=symmetry_verification,
        )

        return error_mitigation_settings
