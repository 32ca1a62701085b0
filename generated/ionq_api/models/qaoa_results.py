from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.qaoa_processing_status import QaoaProcessingStatus

T = TypeVar("T", bound="QaoaResults")


@_attrs_define
class QaoaResults:
    """The optimizer's outcome.

    Attributes:
        optimal_cost (float): The best objective value reached.
        optimal_bitstring (str): The solution that reached it.
        processing_status (QaoaProcessingStatus | str): A known stage of the optimization loop, or a newer one.
    """

    optimal_cost: float
    optimal_bitstring: str
    processing_status: QaoaProcessingStatus | str

    def to_dict(self) -> dict[str, Any]:
        optimal_cost = self.optimal_cost

        optimal_bitstring = self.optimal_bitstring

        processing_status: str
        if isinstance(self.processing_status, QaoaProcessingStatus):
            processing_status = self.processing_status.value
        else:
            processing_status = self.processing_status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "optimal_cost": optimal_cost,
                "optimal_bitstring": optimal_bitstring,
                "processing_status": processing_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        optimal_cost = d.pop("optimal_cost")

        optimal_bitstring = d.pop("optimal_bitstring")

        def _parse_processing_status(data: object) -> QaoaProcessingStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_qaoa_processing_status_type_0 = (
                    QaoaProcessingStatus(data)
                )

                return componentsschemas_open_qaoa_processing_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(QaoaProcessingStatus | str, data)

        processing_status = _parse_processing_status(d.pop("processing_status"))

        qaoa_results = cls(
            optimal_cost=optimal_cost,
            optimal_bitstring=optimal_bitstring,
            processing_status=processing_status,
        )

        return qaoa_results
