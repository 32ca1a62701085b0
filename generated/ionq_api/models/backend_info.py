from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backend_status import BackendStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="BackendInfo")


@_attrs_define
class BackendInfo:
    """A quantum computer or simulator and its current state.

    Attributes:
        backend (str): Its name, used as `backend` when submitting jobs.
        status (BackendStatus | str): A known backend status, or a newer one this description does not list.
        qubits (int): Number of qubits available.
        average_queue_time (float): Average wait before a job starts, in milliseconds.
        last_updated (str): An ISO 8601 instant, kept as sent.
        characterization_id (None | str | Unset): The newest calibration snapshot.
        degraded (bool | Unset): Running with reduced performance.
        location (None | str | Unset): Where the machine is.
        supported_gates (list[str] | Unset): QIS gates it accepts.
        supported_native_gates (list[str] | Unset): Native gates it accepts.
        supported_error_mitigations (list[str] | Unset): Error-mitigation techniques it offers.
        noise_models (list[str] | Unset): Noise models available when simulating it.
    """

    backend: str
    status: BackendStatus | str
    qubits: int
    average_queue_time: float
    last_updated: str
    characterization_id: None | str | Unset = UNSET
    degraded: bool | Unset = UNSET
    location: None | str | Unset = UNSET
    supported_gates: list[str] | Unset = UNSET
    supported_native_gates: list[str] | Unset = UNSET
    supported_error_mitigations: list[str] | Unset = UNSET
    noise_models: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        backend = self.backend

        status: str
        if isinstance(self.status, BackendStatus):
            status = self.status.value
        else:
            status = self.status

        qubits = self.qubits

        average_queue_time = self.average_queue_time

        last_updated = self.last_updated

        characterization_id: None | str | Unset
        if isinstance(self.characterization_id, Unset):
            characterization_id = UNSET
        else:
            characterization_id = self.characterization_id

        degraded = self.degraded

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        supported_gates: list[str] | Unset = UNSET
        if not isinstance(self.supported_gates, Unset):
            supported_gates = self.supported_gates

        supported_native_gates: list[str] | Unset = UNSET
        if not isinstance(self.supported_native_gates, Unset):
            supported_native_gates = self.supported_native_gates

        supported_error_mitigations: list[str] | Unset = UNSET
        if not isinstance(self.supported_error_mitigations, Unset):
            supported_error_mitigations = self.supported_error_mitigations

        noise_models: list[str] | Unset = UNSET
        if not isinstance(self.noise_models, Unset):
            noise_models = self.noise_models

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backend": backend,
                "status": status,
                "qubits": qubits,
                "average_queue_time": average_queue_time,
                "last_updated": last_updated,
            }
        )
        if characterization_id is not UNSET:
            field_dict["characterization_id"] = characterization_id
        if degraded is not UNSET:
            field_dict["degraded"] = degraded
        if location is not UNSET:
            field_dict["location"] = location
        if supported_gates is not UNSET:
            field_dict["supported_gates"] = supported_gates
        if supported_native_gates is not UNSET:
            field_dict["supported_native_gates"] = supported_native_gates
        if supported_error_mitigations is not UNSET:
            field_dict["supported_error_mitigations"] = supported_error_mitigations
        if noise_models is not UNSET:
            field_dict["noise_models"] = noise_models

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        backend = d.pop("backend")

        def _parse_status(data: object) -> BackendStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_backend_status_type_0 = BackendStatus(data)

                return componentsschemas_open_backend_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BackendStatus | str, data)

        status = _parse_status(d.pop("status"))

        qubits = d.pop("qubits")

        average_queue_time = d.pop("average_queue_time")

        last_updated = d.pop("last_updated")

        def _parse_characterization_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        characterization_id = _parse_characterization_id(
            d.pop("characterization_id", UNSET)
        )

        degraded = d.pop("degraded", UNSET)

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        supported_gates = cast(list[str], d.pop("supported_gates", UNSET))

        supported_native_gates = cast(list[str], d.pop("supported_native_gates", UNSET))

        supported_error_mitigations = cast(
            list[str], d.pop("supported_error_mitigations", UNSET)
        )

        noise_models = cast(list[str], d.pop("noise_models", UNSET))

        backend_info = cls(
            backend=backend,
            status=status,
            qubits=qubits,
            average_queue_time=average_queue_time,
            last_updated=last_updated,
            characterization_id=characterization_id,
            degraded=degraded,
            location=location,
            supported_gates=supported_gates,
            supported_native_gates=supported_native_gates,
            supported_error_mitigations=supported_error_mitigations,
            noise_models=noise_models,
        )

        backend_info.additional_properties = d
        return backend_info

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
