from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.failure_code import FailureCode

T = TypeVar("T", bound="JobFailure")


@_attrs_define
class JobFailure:
    """Why a job failed.

    Attributes:
        code (FailureCode | str): A known failure code, or a newer one this description does not list.
        message (str): Details, for people.
    """

    code: FailureCode | str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code: str
        if isinstance(self.code, FailureCode):
            code = self.code.value
        else:
            code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_code(data: object) -> FailureCode | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_failure_code_type_0 = FailureCode(data)

                return componentsschemas_open_failure_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FailureCode | str, data)

        code = _parse_code(d.pop("code"))

        message = d.pop("message")

        job_failure = cls(
            code=code,
            message=message,
        )

        job_failure.additional_properties = d
        return job_failure

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
