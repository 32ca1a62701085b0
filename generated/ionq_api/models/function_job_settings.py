from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_mitigation_settings import ErrorMitigationSettings


T = TypeVar("T", bound="FunctionJobSettings")


@_attrs_define
class FunctionJobSettings:
    """Settings of a QAOA job or quantum function: error mitigation only (IonQ accepts no compilation settings for them).

    Attributes:
        error_mitigation (ErrorMitigationSettings | Unset): Error-mitigation techniques to apply.
    """

    error_mitigation: ErrorMitigationSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        error_mitigation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error_mitigation, Unset):
            error_mitigation = self.error_mitigation.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if error_mitigation is not UNSET:
            field_dict["error_mitigation"] = error_mitigation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.error_mitigation_settings import ErrorMitigationSettings

        d = dict(src_dict)
        _error_mitigation = d.pop("error_mitigation", UNSET)
        error_mitigation: ErrorMitigationSettings | Unset
        if isinstance(_error_mitigation, Unset):
            error_mitigation = UNSET
        else:
            error_mitigation = ErrorMitigationSettings.from_dict(_error_mitigation)

        function_job_settings = cls(
            error_mitigation=error_mitigation,
        )

        return function_job_settings
