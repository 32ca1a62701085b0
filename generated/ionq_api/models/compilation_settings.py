from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompilationSettings")


@_attrs_define
class CompilationSettings:
    """Compiler options.

    Attributes:
        gate_basis (str | Unset): Basis the compiler targets.
        precision (str | Unset): Numerical precision of compiled angles.
        opt (float | Unset): Optimization level.
        service_version (str | Unset): Version of the compilation service.
    """

    gate_basis: str | Unset = UNSET
    precision: str | Unset = UNSET
    opt: float | Unset = UNSET
    service_version: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        gate_basis = self.gate_basis

        precision = self.precision

        opt = self.opt

        service_version = self.service_version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if gate_basis is not UNSET:
            field_dict["gate_basis"] = gate_basis
        if precision is not UNSET:
            field_dict["precision"] = precision
        if opt is not UNSET:
            field_dict["opt"] = opt
        if service_version is not UNSET:
            field_dict["service_version"] = service_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        gate_basis = d.pop("gate_basis", UNSET)

        precision = d.pop("precision", UNSET)

        opt = d.pop("opt", UNSET)

        service_version = d.pop("service_version", UNSET)

        compilation_settings = cls(
            gate_basis=gate_basis,
            precision=precision,
            opt=opt,
            service_version=service_version,
        )

        return compilation_settings
