from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QaoaExternalSettings")


@_attrs_define
class QaoaExternalSettings:
    """Credentials for Q-CTRL, the external optimizer.

    Attributes:
        api_credentials (str): The caller's Q-CTRL API key: a secret, sent only on creation and never shown again (not
            in the job object, not in lists, not in logs).
        external_organization (str | Unset): The Q-CTRL organization to bill, when the key belongs to several.
    """

    api_credentials: str
    external_organization: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_credentials = self.api_credentials

        external_organization = self.external_organization

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_credentials": api_credentials,
            }
        )
        if external_organization is not UNSET:
            field_dict["external_organization"] = external_organization

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        api_credentials = d.pop("api_credentials")

        external_organization = d.pop("external_organization", UNSET)

        qaoa_external_settings = cls(
            api_credentials=api_credentials,
            external_organization=external_organization,
        )

        qaoa_external_settings.additional_properties = d
        return qaoa_external_settings

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
