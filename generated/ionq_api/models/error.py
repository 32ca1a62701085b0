from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.validation_detail import ValidationDetail


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """IonQ's error body.

    Attributes:
        error (str): Short name of the error class, such as "Bad Request".
        message (str): What went wrong, for people.
        status_code (int): The HTTP status, repeated.
        validation (ValidationDetail | Unset): Which parts of the request failed validation.
    """

    error: str
    message: str
    status_code: int
    validation: ValidationDetail | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

        status_code = self.status_code

        validation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.validation, Unset):
            validation = self.validation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
                "statusCode": status_code,
            }
        )
        if validation is not UNSET:
            field_dict["validation"] = validation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.validation_detail import ValidationDetail

        d = dict(src_dict)
        error = d.pop("error")

        message = d.pop("message")

        status_code = d.pop("statusCode")

        _validation = d.pop("validation", UNSET)
        validation: ValidationDetail | Unset
        if isinstance(_validation, Unset):
            validation = UNSET
        else:
            validation = ValidationDetail.from_dict(_validation)

        error = cls(
            error=error,
            message=message,
            status_code=status_code,
            validation=validation,
        )

        error.additional_properties = d
        return error

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
