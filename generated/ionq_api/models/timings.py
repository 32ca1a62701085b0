from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Timings")


@_attrs_define
class Timings:
    """Coherence times and operation durations, in seconds.

    Attributes:
        t1 (float | Unset): Energy relaxation time.
        t2 (float | Unset): Dephasing time.
        field_1q (float | Unset): One-qubit gate duration.
        field_2q (float | Unset): Two-qubit gate duration.
        readout (float | Unset): Measurement duration.
        reset (float | Unset): Reset duration.
    """

    t1: float | Unset = UNSET
    t2: float | Unset = UNSET
    field_1q: float | Unset = UNSET
    field_2q: float | Unset = UNSET
    readout: float | Unset = UNSET
    reset: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        t1 = self.t1

        t2 = self.t2

        field_1q = self.field_1q

        field_2q = self.field_2q

        readout = self.readout

        reset = self.reset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if t1 is not UNSET:
            field_dict["t1"] = t1
        if t2 is not UNSET:
            field_dict["t2"] = t2
        if field_1q is not UNSET:
            field_dict["1q"] = field_1q
        if field_2q is not UNSET:
            field_dict["2q"] = field_2q
        if readout is not UNSET:
            field_dict["readout"] = readout
        if reset is not UNSET:
            field_dict["reset"] = reset

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        t1 = d.pop("t1", UNSET)

        t2 = d.pop("t2", UNSET)

        field_1q = d.pop("1q", UNSET)

        field_2q = d.pop("2q", UNSET)

        readout = d.pop("readout", UNSET)

        reset = d.pop("reset", UNSET)

        timings = cls(
            t1=t1,
            t2=t2,
            field_1q=field_1q,
            field_2q=field_2q,
            readout=readout,
            reset=reset,
        )

        timings.additional_properties = d
        return timings

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
