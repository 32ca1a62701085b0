from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.result_link import ResultLink


T = TypeVar("T", bound="ResultUrls")


@_attrs_define
class ResultUrls:
    """Result documents linked by URL (older v0.4 responses).

    Attributes:
        probabilities (ResultLink): A server-relative URL of a result document.
        histogram (ResultLink | Unset): A server-relative URL of a result document.
        shots (ResultLink | Unset): A server-relative URL of a result document.
    """

    probabilities: ResultLink
    histogram: ResultLink | Unset = UNSET
    shots: ResultLink | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        probabilities = self.probabilities.to_dict()

        histogram: dict[str, Any] | Unset = UNSET
        if not isinstance(self.histogram, Unset):
            histogram = self.histogram.to_dict()

        shots: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shots, Unset):
            shots = self.shots.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "probabilities": probabilities,
            }
        )
        if histogram is not UNSET:
            field_dict["histogram"] = histogram
        if shots is not UNSET:
            field_dict["shots"] = shots

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.result_link import ResultLink

        d = dict(src_dict)
        probabilities = ResultLink.from_dict(d.pop("probabilities"))

        _histogram = d.pop("histogram", UNSET)
        histogram: ResultLink | Unset
        if isinstance(_histogram, Unset):
            histogram = UNSET
        else:
            histogram = ResultLink.from_dict(_histogram)

        _shots = d.pop("shots", UNSET)
        shots: ResultLink | Unset
        if isinstance(_shots, Unset):
            shots = UNSET
        else:
            shots = ResultLink.from_dict(_shots)

        result_urls = cls(
            probabilities=probabilities,
            histogram=histogram,
            shots=shots,
        )

        result_urls.additional_properties = d
        return result_urls

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
