from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AggregationArtifactDescriptor")


@_attrs_define
class AggregationArtifactDescriptor:
    """Where to download one aggregation of a debiased job.

    Attributes:
        id (str): Pass to the artifacts endpoint.
        format_ (Literal['ionq.result.histogram.json.v2']): Aggregations are register-nested histograms.
        media_type (str): The artifact's content type.
    """

    id: str
    format_: Literal["ionq.result.histogram.json.v2"]
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

        format_ = cast(Literal["ionq.result.histogram.json.v2"], d.pop("format"))
        if format_ != "ionq.result.histogram.json.v2":
            raise ValueError(
                f"format must match const 'ionq.result.histogram.json.v2', got '{format_}'"
            )

        media_type = d.pop("media_type")

        aggregation_artifact_descriptor = cls(
            id=id,
            format_=format_,
            media_type=media_type,
        )

        aggregation_artifact_descriptor.additional_properties = d
        return aggregation_artifact_descriptor

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
