from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aggregation_artifact_descriptor import AggregationArtifactDescriptor


T = TypeVar("T", bound="AggregationsOutput")


@_attrs_define
class AggregationsOutput:
    """Debiased results aggregated each way IonQ offers, as histogram v2 artifacts (download them from the artifacts
    endpoint).

        Attributes:
            average (AggregationArtifactDescriptor | Unset): Where to download one aggregation of a debiased job.
            voting (AggregationArtifactDescriptor | Unset): Where to download one aggregation of a debiased job.
            dnl (AggregationArtifactDescriptor | Unset): Where to download one aggregation of a debiased job.
            majority (AggregationArtifactDescriptor | Unset): Where to download one aggregation of a debiased job.
    """

    average: AggregationArtifactDescriptor | Unset = UNSET
    voting: AggregationArtifactDescriptor | Unset = UNSET
    dnl: AggregationArtifactDescriptor | Unset = UNSET
    majority: AggregationArtifactDescriptor | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        average: dict[str, Any] | Unset = UNSET
        if not isinstance(self.average, Unset):
            average = self.average.to_dict()

        voting: dict[str, Any] | Unset = UNSET
        if not isinstance(self.voting, Unset):
            voting = self.voting.to_dict()

        dnl: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dnl, Unset):
            dnl = self.dnl.to_dict()

        majority: dict[str, Any] | Unset = UNSET
        if not isinstance(self.majority, Unset):
            majority = self.majority.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if average is not UNSET:
            field_dict["average"] = average
        if voting is not UNSET:
            field_dict["voting"] = voting
        if dnl is not UNSET:
            field_dict["dnl"] = dnl
        if majority is not UNSET:
            field_dict["majority"] = majority

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.aggregation_artifact_descriptor import (
            AggregationArtifactDescriptor,
        )

        d = dict(src_dict)
        _average = d.pop("average", UNSET)
        average: AggregationArtifactDescriptor | Unset
        if isinstance(_average, Unset):
            average = UNSET
        else:
            average = AggregationArtifactDescriptor.from_dict(_average)

        _voting = d.pop("voting", UNSET)
        voting: AggregationArtifactDescriptor | Unset
        if isinstance(_voting, Unset):
            voting = UNSET
        else:
            voting = AggregationArtifactDescriptor.from_dict(_voting)

        _dnl = d.pop("dnl", UNSET)
        dnl: AggregationArtifactDescriptor | Unset
        if isinstance(_dnl, Unset):
            dnl = UNSET
        else:
            dnl = AggregationArtifactDescriptor.from_dict(_dnl)

        _majority = d.pop("majority", UNSET)
        majority: AggregationArtifactDescriptor | Unset
        if isinstance(_majority, Unset):
            majority = UNSET
        else:
            majority = AggregationArtifactDescriptor.from_dict(_majority)

        aggregations_output = cls(
            average=average,
            voting=voting,
            dnl=dnl,
            majority=majority,
        )

        aggregations_output.additional_properties = d
        return aggregations_output

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
