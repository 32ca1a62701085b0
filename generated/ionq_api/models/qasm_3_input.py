from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Qasm3Input")


@_attrs_define
class Qasm3Input:
    """An OpenQASM 3 program.

    Attributes:
        data (str): The program's source text.
    """

    data: str

    def to_dict(self) -> dict[str, Any]:
        data = self.data

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        data = d.pop("data")

        qasm_3_input = cls(
            data=data,
        )

        return qasm_3_input
