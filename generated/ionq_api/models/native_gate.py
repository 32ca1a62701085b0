from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.native_gate_name import NativeGateName
from ..types import UNSET, Unset

T = TypeVar("T", bound="NativeGate")


@_attrs_define
class NativeGate:
    """A native trapped-ion gate. `gpi` and `gpi2` take a `target` and a `phase`; `ms` takes two `targets`, two `phases`
    and an `angle`; `zz` takes two `targets` and an `angle`; `nop` (the identity: its qubit idles) takes a `target` and
    nothing else. Phases and angles are in turns (1 = 2π).

        Attributes:
            gate (NativeGateName): Gates of the native gate set.
            target (int | Unset): A qubit, counted from 0.
            targets (list[int] | Unset): Target qubits.
            phase (float | Unset): Phase of `gpi` or `gpi2`, in turns.
            phases (list[float] | Unset): Phases of the two qubits of `ms`, in turns.
            angle (float | Unset): Entangling angle of `ms` (0.25 is fully entangling) or of `zz`, in turns.
    """

    gate: NativeGateName
    target: int | Unset = UNSET
    targets: list[int] | Unset = UNSET
    phase: float | Unset = UNSET
    phases: list[float] | Unset = UNSET
    angle: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        gate = self.gate.value

        target = self.target

        targets: list[int] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = self.targets

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
        gate = NativeGateName(d.pop("gate"))

        target = d.pop("target", UNSET)

        targets = cast(list[int], d.pop("targets", UNSET))

        phase = d.pop("phase", UNSET)

        phases = cast(list[float], d.pop("phases", UNSET))

        angle = d.pop("angle", UNSET)

        native_gate = cls(
            gate=gate,
            target=target,
            targets=targets,
            phase=phase,
            phases=phases,
            angle=angle,
        )

        return native_gate
