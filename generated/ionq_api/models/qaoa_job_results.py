from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.qaoa_results import QaoaResults


T = TypeVar("T", bound="QaoaJobResults")


@_attrs_define
class QaoaJobResults:
    """The results of a `qctrl.qaoa.v1` job.

    Attributes:
        qaoa_results (QaoaResults | Unset): The optimizer's outcome.
    """

    qaoa_results: QaoaResults | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        qaoa_results: dict[str, Any] | Unset = UNSET
        if not isinstance(self.qaoa_results, Unset):
            qaoa_results = self.qaoa_results.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if qaoa_results is not UNSET:
            field_dict["qaoa_results"] = qaoa_results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.qaoa_results import QaoaResults

        d = dict(src_dict)
        _qaoa_results = d.pop("qaoa_results", UNSET)
        qaoa_results: QaoaResults | Unset
        if isinstance(_qaoa_results, Unset):
            qaoa_results = UNSET
        else:
            qaoa_results = QaoaResults.from_dict(_qaoa_results)

        qaoa_job_results = cls(
            qaoa_results=qaoa_results,
        )

        return qaoa_job_results
