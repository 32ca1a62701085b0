from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.compilation_settings import CompilationSettings
    from ..models.error_mitigation_settings import ErrorMitigationSettings


T = TypeVar("T", bound="JobSettings")


@_attrs_define
class JobSettings:
    """How the job was compiled and which error mitigation was applied.

    Attributes:
        error_mitigation (ErrorMitigationSettings | Unset): Error-mitigation techniques to apply.
        compilation (CompilationSettings | Unset): Compiler options.
    """

    error_mitigation: ErrorMitigationSettings | Unset = UNSET
    compilation: CompilationSettings | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        error_mitigation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error_mitigation, Unset):
            error_mitigation = self.error_mitigation.to_dict()

        compilation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.compilation, Unset):
            compilation = self.compilation.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if error_mitigation is not UNSET:
            field_dict["error_mitigation"] = error_mitigation
        if compilation is not UNSET:
            field_dict["compilation"] = compilation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.compilation_settings import CompilationSettings
        from ..models.error_mitigation_settings import ErrorMitigationSettings

        d = dict(src_dict)
        _error_mitigation = d.pop("error_mitigation", UNSET)
        error_mitigation: ErrorMitigationSettings | Unset
        if isinstance(_error_mitigation, Unset):
            error_mitigation = UNSET
        else:
            error_mitigation = ErrorMitigationSettings.from_dict(_error_mitigation)

        _compilation = d.pop("compilation", UNSET)
        compilation: CompilationSettings | Unset
        if isinstance(_compilation, Unset):
            compilation = UNSET
        else:
            compilation = CompilationSettings.from_dict(_compilation)

        job_settings = cls(
            error_mitigation=error_mitigation,
            compilation=compilation,
        )

        return job_settings
