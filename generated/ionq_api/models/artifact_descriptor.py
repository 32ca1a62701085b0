from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ArtifactDescriptor")


@_attrs_define
class ArtifactDescriptor:
    """Where to download one artifact of a job.

    Attributes:
        id (str): Pass to the artifacts endpoint.
        format_ (str): The payload format id.
        media_type (str): The artifact's content type.
    """

    id: str
    format_: str
    media_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        format_ = self.format_

        media_type = self.media_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "format": format_,
                "media_type": media_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        format_ = d.pop("format")

        media_type = d.pop("media_type")

        artifact_descriptor = cls(
            id=id,
            format_=format_,
            media_type=media_type,
        )

        artifact_descriptor.additional_properties = d
        return artifact_descriptor

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
