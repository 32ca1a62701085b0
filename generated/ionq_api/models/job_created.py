from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.job_status import JobStatus

T = TypeVar("T", bound="JobCreated")


@_attrs_define
class JobCreated:
    """The answer to a job submission.

    Attributes:
        id (str): The new job's UUID.
        status (JobStatus | str): A known job status, or a newer one this description does not list.
        session_id (None | str): The session the job joined, if any.
    """

    id: str
    status: JobStatus | str
    session_id: None | str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str
        if isinstance(self.status, JobStatus):
            status = self.status.value
        else:
            status = self.status

        session_id: None | str
        session_id = self.session_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "status": status,
                "session_id": session_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> JobStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_job_status_type_0 = JobStatus(data)

                return componentsschemas_open_job_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_session_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        session_id = _parse_session_id(d.pop("session_id"))

        job_created = cls(
            id=id,
            status=status,
            session_id=session_id,
        )

        return job_created
