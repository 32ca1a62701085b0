from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.histogram_v2_histogram import HistogramV2Histogram


T = TypeVar("T", bound="HistogramV2")


@_attrs_define
class HistogramV2:
    """`ionq.result.histogram.json.v2`: shot counts per classical register, keyed like ProbabilitiesV2. Error-mitigation
    aggregations are served in this format.

        Attributes:
            histogram (HistogramV2Histogram): The registers' counts.
    """

    histogram: HistogramV2Histogram

    def to_dict(self) -> dict[str, Any]:
        histogram = self.histogram.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "histogram": histogram,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.histogram_v2_histogram import HistogramV2Histogram

        d = dict(src_dict)
        histogram = HistogramV2Histogram.from_dict(d.pop("histogram"))

        histogram_v2 = cls(
            histogram=histogram,
        )

        return histogram_v2
