from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.histogram_v2_histogram_registers import HistogramV2HistogramRegisters


T = TypeVar("T", bound="HistogramV2Histogram")


@_attrs_define
class HistogramV2Histogram:
    """The registers' counts.

    Attributes:
        registers (HistogramV2HistogramRegisters): Each register's bitstring -> count map, keyed by register name.
    """

    registers: HistogramV2HistogramRegisters

    def to_dict(self) -> dict[str, Any]:
        registers = self.registers.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "registers": registers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.histogram_v2_histogram_registers import (
            HistogramV2HistogramRegisters,
        )

        d = dict(src_dict)
        registers = HistogramV2HistogramRegisters.from_dict(d.pop("registers"))

        histogram_v2_histogram = cls(
            registers=registers,
        )

        return histogram_v2_histogram
