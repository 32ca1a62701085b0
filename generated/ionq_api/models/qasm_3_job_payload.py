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
    from ..models.noise_settings import NoiseSettings
    from ..models.qasm_3_input import Qasm3Input


T = TypeVar("T", bound="Qasm3JobPayload")


@_attrs_define
class Qasm3JobPayload:
    """A program in OpenQASM 3.

    Attributes:
        type_ (Literal['ionq.qasm3.v1']): Selects the OpenQASM 3 format.
        backend (str): The backend to run on, such as `simulator` or `qpu.forte-1`. An open set (IonQ adds machines;
            `GET /backends` lists them): a name the server does not offer is answered 404, as `GET /backends/{backend}`
            answers it.
        input_ (Qasm3Input): An OpenQASM 3 program.
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
        noise (NoiseSettings | Unset): Noise to simulate (simulator backend only), as a job asks for it. The model is
            one the server offers: IonQ's document lists them (`NoiseModel`), and an unknown one is refused with 400
            (`validation.keys: [noise.model]`).
        lang (Literal['json'] | Unset): The input's encoding; cirq-ionq sends it, IonQ accepts only json.
    """

    type_: Literal["ionq.qasm3.v1"]
    backend: str
    input_: Qasm3Input
    name: str | Unset = UNSET
    metadata: JobMetadata | Unset = UNSET
    shots: int | str | Unset = UNSET
    session_id: str | Unset = UNSET
    settings: JobCreationSettings | Unset = UNSET
    dry_run: bool | Unset = UNSET
    noise: NoiseSettings | Unset = UNSET
    lang: Literal["json"] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        backend = self.backend

        input_ = self.input_.to_dict()

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

        noise: dict[str, Any] | Unset = UNSET
        if not isinstance(self.noise, Unset):
            noise = self.noise.to_dict()

        lang = self.lang

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "backend": backend,
                "input": input_,
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
        if noise is not UNSET:
            field_dict["noise"] = noise
        if lang is not UNSET:
            field_dict["lang"] = lang

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.job_creation_settings import JobCreationSettings
        from ..models.job_metadata import JobMetadata
        from ..models.noise_settings import NoiseSettings
        from ..models.qasm_3_input import Qasm3Input

        d = dict(src_dict)
        type_ = cast(Literal["ionq.qasm3.v1"], d.pop("type"))
        if type_ != "ionq.qasm3.v1":
            raise ValueError(f"type must match const 'ionq.qasm3.v1', got '{type_}'")

        backend = d.pop("backend")

        input_ = Qasm3Input.from_dict(d.pop("input"))

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

        _noise = d.pop("noise", UNSET)
        noise: NoiseSettings | Unset
        if isinstance(_noise, Unset):
            noise = UNSET
        else:
            noise = NoiseSettings.from_dict(_noise)

        lang = cast(Literal["json"] | Unset, d.pop("lang", UNSET))
        if lang != "json" and not isinstance(lang, Unset):
            raise ValueError(f"lang must match const 'json', got '{lang}'")

        qasm_3_job_payload = cls(
            type_=type_,
            backend=backend,
            input_=input_,
            name=name,
            metadata=metadata,
            shots=shots,
            session_id=session_id,
            settings=settings,
            dry_run=dry_run,
            noise=noise,
            lang=lang,
        )

        return qasm_3_job_payload
