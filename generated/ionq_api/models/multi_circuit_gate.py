from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.native_gate_name import NativeGateName
from ..models.qis_gate_name import QisGateName
from ..types import UNSET, Unset

T = TypeVar("T", bound="MultiCircuitGate")


@_attrs_define
class MultiCircuitGate:
    """A gate of either gate set, for multi-circuit jobs where each circuit may override the job's `gateset`. One schema
    rather than a union of QisGate and NativeGate, because `zz` exists in both with different fields; which fields apply
    follows from the circuit's gate set.

        Attributes:
            gate (NativeGateName | QisGateName): A QIS or a native gate name.
            target (int | Unset): A qubit, counted from 0.
            targets (list[int] | Unset): Target qubits.
            control (int | Unset): A qubit, counted from 0.
            controls (list[int] | Unset): Control qubits (QIS gates only).
            rotation (float | Unset): Rotation angle of a QIS gate
            terms (list[str] | Unset): Pauli strings of a `pauliexp`.
            coefficients (list[float] | Unset): Coefficient of each Pauli term.
            time (float | Unset): Evolution time of a `pauliexp`.
            phase (float | Unset): Phase of `gpi` or `gpi2`
            phases (list[float] | Unset): Phases of `ms`, in turns.
            angle (float | Unset): Angle of `ms` or native `zz`
    """

    gate: NativeGateName | QisGateName
    target: int | Unset = UNSET
    targets: list[int] | Unset = UNSET
    control: int | Unset = UNSET
    controls: list[int] | Unset = UNSET
    rotation: float | Unset = UNSET
    terms: list[str] | Unset = UNSET
    coefficients: list[float] | Unset = UNSET
    time: float | Unset = UNSET
    phase: float | Unset = UNSET
    phases: list[float] | Unset = UNSET
    angle: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        gate: str
        if isinstance(self.gate, QisGateName):
            gate = self.gate.value
        else:
            gate = self.gate.value

        target = self.target

        targets: list[int] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = self.targets

        control = self.control

        controls: list[int] | Unset = UNSET
        if not isinstance(self.controls, Unset):
            controls = self.controls

        rotation = self.rotation

        terms: list[str] | Unset = UNSET
        if not isinstance(self.terms, Unset):
            terms = self.terms

        coefficients: list[float] | Unset = UNSET
        if not isinstance(self.coefficients, Unset):
            coefficients = self.coefficients

        time = self.time

        phase = self.phase

        phases: list[float] | Unset = UNSET
        if not isinstance(self.phases, Unset):
            phases = self.phases

        angle = self.angle

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "gate": gate,
            }
        )
        if target is not UNSET:
            field_dict["target"] = target
        if targets is not UNSET:
            field_dict["targets"] = targets
        if control is not UNSET:
            field_dict["control"] = control
        if controls is not UNSET:
            field_dict["controls"] = controls
        if rotation is not UNSET:
            field_dict["rotation"] = rotation
        if terms is not UNSET:
            field_dict["terms"] = terms
        if coefficients is not UNSET:
            field_dict["coefficients"] = coefficients
        if time is not UNSET:
            field_dict["time"] = time
        if phase is not UNSET:
            field_dict["phase"] = phase
        if phases is not UNSET:
            field_dict["phases"] = phases
        if angle is not UNSET:
            field_dict["angle"] = angle

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_gate(data: object) -> NativeGateName | QisGateName:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gate_type_0 = QisGateName(data)

                return gate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            gate_type_1 = NativeGateName(data)

            return gate_type_1

        gate = _parse_gate(d.pop("gate"))

        target = d.pop("target", UNSET)

        targets = cast(list[int], d.pop("targets", UNSET))

        control = d.pop("control", UNSET)

        controls = cast(list[int], d.pop("controls", UNSET))

        rotation = d.pop("rotation", UNSET)

        terms = cast(list[str], d.pop("terms", UNSET))

        coefficients = cast(list[float], d.pop("coefficients", UNSET))

        time = d.pop("time", UNSET)

        phase = d.pop("phase", UNSET)

        phases = cast(list[float], d.pop("phases", UNSET))

        angle = d.pop("angle", UNSET)

        multi_circuit_gate = cls(
            gate=gate,
            target=target,
            targets=targets,
            control=control,
            controls=controls,
            rotation=rotation,
            terms=terms,
            coefficients=coefficients,
            time=time,
            phase=phase,
            phases=phases,
            angle=angle,
        )

        return multi_circuit_gate
