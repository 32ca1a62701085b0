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
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.function_job_settings import FunctionJobSettings
    from ..models.job_failure import JobFailure
    from ..models.job_noise import JobNoise
    from ..models.quantum_function_job_metadata_type_0 import (
        QuantumFunctionJobMetadataType0,
    )
    from ..models.quantum_function_job_output_type_0 import (
        QuantumFunctionJobOutputType0,
    )
    from ..models.quantum_function_job_results import QuantumFunctionJobResults
    from ..models.quantum_function_job_stats_type_0 import QuantumFunctionJobStatsType0


T = TypeVar("T", bound="QuantumFunctionJob")


@_attrs_define
class QuantumFunctionJob:
    """A quantum function job; its settings, statistics and outputs are the function's.

    Attributes:
        id (str): The job's UUID.
        status (JobStatus | str): A known job status, or a newer one this description does not list.
        type_ (Literal['quantum-function']): Marks a quantum function.
        backend (str): Where it runs.
        name (None | str | Unset): The label it was submitted with.
        dry_run (bool | Unset): Validated and priced only.
        submitter_id (None | str | Unset): The user who submitted it.
        project_id (None | str | Unset): The project it is billed to.
        parent_job_id (None | str | Unset): Always null for this kind of job.
        child_job_ids (list[str] | None | Unset): Jobs it spawned.
        session_id (None | str | Unset): The session it ran in.
        metadata (None | QuantumFunctionJobMetadataType0 | Unset): Labels given at submission.
        submitted_at (str | Unset): An ISO 8601 instant, kept as sent.
        started_at (None | str | Unset): An ISO 8601 instant, or null before it happens.
        completed_at (None | str | Unset): An ISO 8601 instant, or null before it happens.
        predicted_wait_time_ms (float | None | Unset): Predicted time in the queue.
        predicted_execution_duration_ms (float | None | Unset): Predicted run time.
        execution_duration_ms (float | None | Unset): Actual run time.
        shots (int | None | Unset): Repetitions requested.
        noise (JobNoise | None | Unset): The noise simulated, or null.
        failure (JobFailure | None | Unset): Why the job failed, or null.
        cost_model (None | str | Unset): How the job is billed.
        settings (FunctionJobSettings | None | Unset): The settings a QAOA job or quantum function ran with, or null.
        stats (None | QuantumFunctionJobStatsType0 | Unset): Statistics; their shape is the function's (IonQ leaves it
            open).
        output (None | QuantumFunctionJobOutputType0 | Unset): Outputs; their shape is the function's (IonQ leaves it
            open).
        results (None | QuantumFunctionJobResults | Unset): The function's value and its variance, once computed; null
            before.
    """

    id: str
    status: JobStatus | str
    type_: Literal["quantum-function"]
    backend: str
    name: None | str | Unset = UNSET
    dry_run: bool | Unset = UNSET
    submitter_id: None | str | Unset = UNSET
    project_id: None | str | Unset = UNSET
    parent_job_id: None | str | Unset = UNSET
    child_job_ids: list[str] | None | Unset = UNSET
    session_id: None | str | Unset = UNSET
    metadata: None | QuantumFunctionJobMetadataType0 | Unset = UNSET
    submitted_at: str | Unset = UNSET
    started_at: None | str | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    predicted_wait_time_ms: float | None | Unset = UNSET
    predicted_execution_duration_ms: float | None | Unset = UNSET
    execution_duration_ms: float | None | Unset = UNSET
    shots: int | None | Unset = UNSET
    noise: JobNoise | None | Unset = UNSET
    failure: JobFailure | None | Unset = UNSET
    cost_model: None | str | Unset = UNSET
    settings: FunctionJobSettings | None | Unset = UNSET
    stats: None | QuantumFunctionJobStatsType0 | Unset = UNSET
    output: None | QuantumFunctionJobOutputType0 | Unset = UNSET
    results: None | QuantumFunctionJobResults | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.function_job_settings import FunctionJobSettings
        from ..models.job_failure import JobFailure
        from ..models.job_noise import JobNoise
        from ..models.quantum_function_job_metadata_type_0 import (
            QuantumFunctionJobMetadataType0,
        )
        from ..models.quantum_function_job_output_type_0 import (
            QuantumFunctionJobOutputType0,
        )
        from ..models.quantum_function_job_results import QuantumFunctionJobResults
        from ..models.quantum_function_job_stats_type_0 import (
            QuantumFunctionJobStatsType0,
        )

        id = self.id

        status: str
        if isinstance(self.status, JobStatus):
            status = self.status.value
        else:
            status = self.status

        type_ = self.type_

        backend = self.backend

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        dry_run = self.dry_run

        submitter_id: None | str | Unset
        if isinstance(self.submitter_id, Unset):
            submitter_id = UNSET
        else:
            submitter_id = self.submitter_id

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        parent_job_id: None | str | Unset
        if isinstance(self.parent_job_id, Unset):
            parent_job_id = UNSET
        else:
            parent_job_id = self.parent_job_id

        child_job_ids: list[str] | None | Unset
        if isinstance(self.child_job_ids, Unset):
            child_job_ids = UNSET
        elif isinstance(self.child_job_ids, list):
            child_job_ids = self.child_job_ids

        else:
            child_job_ids = self.child_job_ids

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        else:
            session_id = self.session_id

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, QuantumFunctionJobMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        submitted_at = self.submitted_at

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        predicted_wait_time_ms: float | None | Unset
        if isinstance(self.predicted_wait_time_ms, Unset):
            predicted_wait_time_ms = UNSET
        else:
            predicted_wait_time_ms = self.predicted_wait_time_ms

        predicted_execution_duration_ms: float | None | Unset
        if isinstance(self.predicted_execution_duration_ms, Unset):
            predicted_execution_duration_ms = UNSET
        else:
            predicted_execution_duration_ms = self.predicted_execution_duration_ms

        execution_duration_ms: float | None | Unset
        if isinstance(self.execution_duration_ms, Unset):
            execution_duration_ms = UNSET
        else:
            execution_duration_ms = self.execution_duration_ms

        shots: int | None | Unset
        if isinstance(self.shots, Unset):
            shots = UNSET
        else:
            shots = self.shots

        noise: dict[str, Any] | None | Unset
        if isinstance(self.noise, Unset):
            noise = UNSET
        elif isinstance(self.noise, JobNoise):
            noise = self.noise.to_dict()
        else:
            noise = self.noise

        failure: dict[str, Any] | None | Unset
        if isinstance(self.failure, Unset):
            failure = UNSET
        elif isinstance(self.failure, JobFailure):
            failure = self.failure.to_dict()
        else:
            failure = self.failure

        cost_model: None | str | Unset
        if isinstance(self.cost_model, Unset):
            cost_model = UNSET
        else:
            cost_model = self.cost_model

        settings: dict[str, Any] | None | Unset
        if isinstance(self.settings, Unset):
            settings = UNSET
        elif isinstance(self.settings, FunctionJobSettings):
            settings = self.settings.to_dict()
        else:
            settings = self.settings

        stats: dict[str, Any] | None | Unset
        if isinstance(self.stats, Unset):
            stats = UNSET
        elif isinstance(self.stats, QuantumFunctionJobStatsType0):
            stats = self.stats.to_dict()
        else:
            stats = self.stats

        output: dict[str, Any] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, QuantumFunctionJobOutputType0):
            output = self.output.to_dict()
        else:
            output = self.output

        results: dict[str, Any] | None | Unset
        if isinstance(self.results, Unset):
            results = UNSET
        elif isinstance(self.results, QuantumFunctionJobResults):
            results = self.results.to_dict()
        else:
            results = self.results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "type": type_,
                "backend": backend,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if submitter_id is not UNSET:
            field_dict["submitter_id"] = submitter_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if parent_job_id is not UNSET:
            field_dict["parent_job_id"] = parent_job_id
        if child_job_ids is not UNSET:
            field_dict["child_job_ids"] = child_job_ids
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if predicted_wait_time_ms is not UNSET:
            field_dict["predicted_wait_time_ms"] = predicted_wait_time_ms
        if predicted_execution_duration_ms is not UNSET:
            field_dict["predicted_execution_duration_ms"] = (
                predicted_execution_duration_ms
            )
        if execution_duration_ms is not UNSET:
            field_dict["execution_duration_ms"] = execution_duration_ms
        if shots is not UNSET:
            field_dict["shots"] = shots
        if noise is not UNSET:
            field_dict["noise"] = noise
        if failure is not UNSET:
            field_dict["failure"] = failure
        if cost_model is not UNSET:
            field_dict["cost_model"] = cost_model
        if settings is not UNSET:
            field_dict["settings"] = settings
        if stats is not UNSET:
            field_dict["stats"] = stats
        if output is not UNSET:
            field_dict["output"] = output
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.function_job_settings import FunctionJobSettings
        from ..models.job_failure import JobFailure
        from ..models.job_noise import JobNoise
        from ..models.quantum_function_job_metadata_type_0 import (
            QuantumFunctionJobMetadataType0,
        )
        from ..models.quantum_function_job_output_type_0 import (
            QuantumFunctionJobOutputType0,
        )
        from ..models.quantum_function_job_results import QuantumFunctionJobResults
        from ..models.quantum_function_job_stats_type_0 import (
            QuantumFunctionJobStatsType0,
        )

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

        type_ = cast(Literal["quantum-function"], d.pop("type"))
        if type_ != "quantum-function":
            raise ValueError(f"type must match const 'quantum-function', got '{type_}'")

        backend = d.pop("backend")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        dry_run = d.pop("dry_run", UNSET)

        def _parse_submitter_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        submitter_id = _parse_submitter_id(d.pop("submitter_id", UNSET))

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_parent_job_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_job_id = _parse_parent_job_id(d.pop("parent_job_id", UNSET))

        def _parse_child_job_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                child_job_ids_type_0 = cast(list[str], data)

                return child_job_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        child_job_ids = _parse_child_job_ids(d.pop("child_job_ids", UNSET))

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        def _parse_metadata(
            data: object,
        ) -> None | QuantumFunctionJobMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = QuantumFunctionJobMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuantumFunctionJobMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        submitted_at = d.pop("submitted_at", UNSET)

        def _parse_started_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_predicted_wait_time_ms(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        predicted_wait_time_ms = _parse_predicted_wait_time_ms(
            d.pop("predicted_wait_time_ms", UNSET)
        )

        def _parse_predicted_execution_duration_ms(
            data: object,
        ) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        predicted_execution_duration_ms = _parse_predicted_execution_duration_ms(
            d.pop("predicted_execution_duration_ms", UNSET)
        )

        def _parse_execution_duration_ms(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        execution_duration_ms = _parse_execution_duration_ms(
            d.pop("execution_duration_ms", UNSET)
        )

        def _parse_shots(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        shots = _parse_shots(d.pop("shots", UNSET))

        def _parse_noise(data: object) -> JobNoise | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_nullable_noise_type_0 = JobNoise.from_dict(data)

                return componentsschemas_nullable_noise_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobNoise | None | Unset, data)

        noise = _parse_noise(d.pop("noise", UNSET))

        def _parse_failure(data: object) -> JobFailure | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_nullable_job_failure_type_0 = JobFailure.from_dict(
                    data
                )

                return componentsschemas_nullable_job_failure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobFailure | None | Unset, data)

        failure = _parse_failure(d.pop("failure", UNSET))

        def _parse_cost_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cost_model = _parse_cost_model(d.pop("cost_model", UNSET))

        def _parse_settings(data: object) -> FunctionJobSettings | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_nullable_function_job_settings_type_0 = (
                    FunctionJobSettings.from_dict(data)
                )

                return componentsschemas_nullable_function_job_settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FunctionJobSettings | None | Unset, data)

        settings = _parse_settings(d.pop("settings", UNSET))

        def _parse_stats(data: object) -> None | QuantumFunctionJobStatsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stats_type_0 = QuantumFunctionJobStatsType0.from_dict(data)

                return stats_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuantumFunctionJobStatsType0 | Unset, data)

        stats = _parse_stats(d.pop("stats", UNSET))

        def _parse_output(data: object) -> None | QuantumFunctionJobOutputType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = QuantumFunctionJobOutputType0.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuantumFunctionJobOutputType0 | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_results(data: object) -> None | QuantumFunctionJobResults | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                results_type_0 = QuantumFunctionJobResults.from_dict(data)

                return results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuantumFunctionJobResults | Unset, data)

        results = _parse_results(d.pop("results", UNSET))

        quantum_function_job = cls(
            id=id,
            status=status,
            type_=type_,
            backend=backend,
            name=name,
            dry_run=dry_run,
            submitter_id=submitter_id,
            project_id=project_id,
            parent_job_id=parent_job_id,
            child_job_ids=child_job_ids,
            session_id=session_id,
            metadata=metadata,
            submitted_at=submitted_at,
            started_at=started_at,
            completed_at=completed_at,
            predicted_wait_time_ms=predicted_wait_time_ms,
            predicted_execution_duration_ms=predicted_execution_duration_ms,
            execution_duration_ms=execution_duration_ms,
            shots=shots,
            noise=noise,
            failure=failure,
            cost_model=cost_model,
            settings=settings,
            stats=stats,
            output=output,
            results=results,
        )

        quantum_function_job.additional_properties = d
        return quantum_function_job

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
