from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.qis_gate_name import QisGateName
from ..types import UNSET, Unset

T = TypeVar("T", bound="QisGate")


@_attrs_define
class QisGate:
    """A QIS gate. One-qubit gates take `target` or `targets`; any gate may add `control` or `controls`. Rotations (`rx`,
    `ry`, `rz`, `xx`, `yy`, `zz`) take `rotation` in radians; `pauliexp` takes `terms`, `coefficients` and `time`.

        Attributes:
            gate (QisGateName): Gates of the QIS gate set.
            target (int | Unset): A qubit, counted from 0.
            targets (list[int] | Unset): Target qubits.
            control (int | Unset): A qubit, counted from 0.
            controls (list[int] | Unset): Control qubits; the gate acts when all are 1.
            rotation (float | Unset): Rotation angle in radians.
            terms (list[str] | Unset): Pauli strings of a `pauliexp`, one letter per target.
            coefficients (list[float] | Unset): Coefficient of each Pauli term.
            time (float | Unset): Evolution time of a `pauliexp`.
    """

    gate: QisGateName
    target: int | Unset = UNSET
    targets: list[int] | Unset = UNSET
    control: int | Unset = UNSET
    controls: list[int] | Unset = UNSET
    rotation: float | Unset = UNSET
    terms: list[str] | Unset = UNSET
    coefficients: list[float] | Unset = UNSET
    time: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        gate = QisGateName(d.pop("gate"))

        target = d.pop("target", UNSET)

        targets = cast(list[int], d.pop("targets", UNSET))

        control = d.pop("control", UNSET)

        controls = cast(list[int], d.pop("controls", UNSET))

        rotation = d.pop("rotation", UNSET)

        terms = cast(list[str], d.pop("terms", UNSET))

        coefficients = cast(list[float], d.pop("coefficients", UNSET))

        time = d.pop("time", UNSET)

        qis_gate = cls(
            gate=gate,
            target=target,
            targets=targets,
            control=control,
            controls=controls,
            rotation=rotation,
            terms=terms,
            coefficients=coefficients,
            time=time,
        )

        return qis_gate
