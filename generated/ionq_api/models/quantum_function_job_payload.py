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
    from ..models.generic_quantum_function_input import GenericQuantumFunctionInput
    from ..models.hamiltonian_energy_input import HamiltonianEnergyInput
    from ..models.job_creation_settings import JobCreationSettings
    from ..models.job_metadata import JobMetadata


T = TypeVar("T", bound="QuantumFunctionJobPayload")


@_attrs_define
class QuantumFunctionJobPayload:
    """A quantum function (IonQ's hosted hybrid service): a function of classical and quantum logic that IonQ evaluates as
    one job, returning a scalar `value` and its `variance`. As IonQ documents it there is no `noise` (a simulator job
    runs ideal) and `settings` holds only error mitigation (no compilation). IonQ's document leaves the payload open;
    here unknown keys are refused, as for every other job type, so that a misspelt field is caught before it is billed.

        Attributes:
            type_ (Literal['quantum-function']): Selects a quantum function.
            backend (str): The backend to run on, such as `simulator` or `qpu.forte-1`. An open set (IonQ adds machines;
                `GET /backends` lists them): a name the server does not offer is answered 404, as `GET /backends/{backend}`
                answers it.
            input_ (GenericQuantumFunctionInput | HamiltonianEnergyInput): The function to evaluate: a Hamiltonian's energy
                (the one IonQ details), or another function named by `type`. IonQ's document puts a discriminator on `type`
                although the Hamiltonian form carries its type one level down, in `data.type`; the two forms are told apart here
                by where `type` is.
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

    type_: Literal["quantum-function"]
    backend: str
    input_: GenericQuantumFunctionInput | HamiltonianEnergyInput
    name: str | Unset = UNSET
    metadata: JobMetadata | Unset = UNSET
    shots: int | str | Unset = UNSET
    session_id: str | Unset = UNSET
    settings: JobCreationSettings | Unset = UNSET
    dry_run: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.hamiltonian_energy_input import HamiltonianEnergyInput

        type_ = self.type_

        backend = self.backend

        input_: dict[str, Any]
        if isinstance(self.input_, HamiltonianEnergyInput):
            input_ = self.input_.to_dict()
        else:
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.generic_quantum_function_input import GenericQuantumFunctionInput
        from ..models.hamiltonian_energy_input import HamiltonianEnergyInput
        from ..models.job_creation_settings import JobCreationSettings
        from ..models.job_metadata import JobMetadata

        d = dict(src_dict)
        type_ = cast(Literal["quantum-function"], d.pop("type"))
        if type_ != "quantum-function":
            raise ValueError(f"type must match const 'quantum-function', got '{type_}'")

        backend = d.pop("backend")

        def _parse_input_(
            data: object,
        ) -> GenericQuantumFunctionInput | HamiltonianEnergyInput:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_quantum_function_input_type_0 = (
                    HamiltonianEnergyInput.from_dict(data)
                )

                return componentsschemas_quantum_function_input_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_quantum_function_input_type_1 = (
                GenericQuantumFunctionInput.from_dict(data)
            )

            return componentsschemas_quantum_function_input_type_1

        input_ = _parse_input_(d.pop("input"))

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

        quantum_function_job_payload = cls(
            type_=type_,
            backend=backend,
            input_=input_,
            name=name,
            metadata=metadata,
            shots=shots,
            session_id=session_id,
            settings=settings,
            dry_run=dry_run,
        )

        return quantum_function_job_payload
