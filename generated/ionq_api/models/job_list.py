from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.multi_circuit_job import MultiCircuitJob
    from ..models.qaoa_job import QaoaJob
    from ..models.quantum_function_job import QuantumFunctionJob
    from ..models.single_circuit_job import SingleCircuitJob


T = TypeVar("T", bound="JobList")


@_attrs_define
class JobList:
    """One page of jobs.

    Attributes:
        jobs (list[MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob]): Jobs on this page.
        next_ (None | str): Cursor for the next page; null on the last one.
    """

    jobs: list[MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob]
    next_: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.multi_circuit_job import MultiCircuitJob
        from ..models.qaoa_job import QaoaJob
        from ..models.single_circuit_job import SingleCircuitJob

        jobs = []
        for jobs_item_data in self.jobs:
            jobs_item: dict[str, Any]
            if (
                isinstance(jobs_item_data, SingleCircuitJob)
                or isinstance(jobs_item_data, MultiCircuitJob)
                or isinstance(jobs_item_data, QaoaJob)
            ):
                jobs_item = jobs_item_data.to_dict()
            else:
                jobs_item = jobs_item_data.to_dict()

            jobs.append(jobs_item)

        next_: None | str
        next_ = self.next_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobs": jobs,
                "next": next_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.multi_circuit_job import MultiCircuitJob
        from ..models.qaoa_job import QaoaJob
        from ..models.quantum_function_job import QuantumFunctionJob
        from ..models.single_circuit_job import SingleCircuitJob

        d = dict(src_dict)
        jobs = []
        _jobs = d.pop("jobs")
        for jobs_item_data in _jobs:

            def _parse_jobs_item(
                data: object,
            ) -> MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_job_type_0 = SingleCircuitJob.from_dict(data)

                    return componentsschemas_job_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_job_type_1 = MultiCircuitJob.from_dict(data)

                    return componentsschemas_job_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_job_type_2 = QaoaJob.from_dict(data)

                    return componentsschemas_job_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_job_type_3 = QuantumFunctionJob.from_dict(data)

                return componentsschemas_job_type_3

            jobs_item = _parse_jobs_item(jobs_item_data)

            jobs.append(jobs_item)

        def _parse_next_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_ = _parse_next_(d.pop("next"))

        job_list = cls(
            jobs=jobs,
            next_=next_,
        )

        job_list.additional_properties = d
        return job_list

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
