from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_creation_settings import JobCreationSettings
    from ..models.job_metadata import JobMetadata
    from ..models.qaoa_external_settings import QaoaExternalSettings
    from ..models.qaoa_job_input import QaoaJobInput


T = TypeVar("T", bound="QaoaJobPayload")


@_attrs_define
class QaoaJobPayload:
    """A combinatorial optimization solved with Q-CTRL's QAOA solver: Q-CTRL's optimizer (reached with the caller's own
    Q-CTRL API key) runs one `qctrl.qaoa-circuit.v1` child job per iteration on the backend. The key in
    `external_settings.api_credentials` is never returned in the job object. IonQ's document leaves the payload open;
    here unknown keys are refused.

        Attributes:
            type_ (Literal['qctrl.qaoa.v1']): Selects a Q-CTRL QAOA job.
            backend (str): The backend to run on, such as `simulator` or `qpu.forte-1`. An open set (IonQ adds machines;
                `GET /backends` lists them): a name the server does not offer is answered 404, as `GET /backends/{backend}`
                answers it.
            input_ (QaoaJobInput): The problem to solve.
            external_settings (QaoaExternalSettings): Credentials for Q-CTRL, the external optimizer.
            name (str | Unset): A label for people.
            metadata (JobMetadata | Unset): Free-form string labels kept with the job (at most 10, names up to 40
                characters).
            shots (int | str | Unset): Repetitions of the circuit; IonQ also accepts them as a decimal string, which cirq-
                ionq sends.
            session_id (str | Unset): Run the job inside this open session. A session that does not exist is answered 404;
                one that has ended, is on another backend or has reached its job_count_limit, 409.
            settings (JobCreationSettings | Unset): Settings a job is submitted with. IonQ removed `compilation` from
                creation payloads (single-circuit, multi-circuit, clone and move) on October 1, 2026; a job's `settings` still
                reports it.
            dry_run (bool | Unset): Validate and price the job without running it.
    """

    type_: Literal["qctrl.qaoa.v1"]
    backend: str
    input_: QaoaJobInput
    external_settings: QaoaExternalSettings
    name: str | Unset = UNSET
    metadata: JobMetadata | Unset = UNSET
    shots: int | str | Unset = UNSET
    session_id: str | Unset = UNSET
    settings: JobCreationSettings | Unset = UNSET
    dry_run: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        backend = self.backend

        input_ = self.input_.to_dict()

        external_settings = self.external_settings.to_dict()

        name = self.name

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        shots: int | str | Unset
        if isinstance(self.shots, Unset):
            shots = UNSET
        else:
            shots = self.shots

        session_id = self.session_id

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "backend": backend,
                "input": input_,
                "external_settings": external_settings,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if shots is not UNSET:
            field_dict["shots"] = shots
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if settings is not UNSET:
            field_dict["settings"] = settings
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.job_creation_settings import JobCreationSettings
        from ..models.job_metadata import JobMetadata
        from ..models.qaoa_external_settings import QaoaExternalSettings
        from ..models.qaoa_job_input import QaoaJobInput

        d = dict(src_dict)
        type_ = cast(Literal["qctrl.qaoa.v1"], d.pop("type"))
        if type_ != "qctrl.qaoa.v1":
            raise ValueError(f"type must match const 'qctrl.qaoa.v1', got '{type_}'")

        backend = d.pop("backend")

        input_ = QaoaJobInput.from_dict(d.pop("input"))

        external_settings = QaoaExternalSettings.from_dict(d.pop("external_settings"))

        name = d.pop("name", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: JobMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = JobMetadata.from_dict(_metadata)

        def _parse_shots(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        shots = _parse_shots(d.pop("shots", UNSET))

        session_id = d.pop("session_id", UNSET)

        _settings = d.pop("settings", UNSET)
        settings: JobCreationSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = JobCreationSettings.from_dict(_settings)

        dry_run = d.pop("dry_run", UNSET)

        qaoa_job_payload = cls(
            type_=type_,
            backend=backend,
            input_=input_,
            external_settings=external_settings,
            name=name,
            metadata=metadata,
            shots=shots,
            session_id=session_id,
            settings=settings,
            dry_run=dry_run,
        )

        return qaoa_job_payload
