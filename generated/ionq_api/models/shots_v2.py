from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.shot_v2 import ShotV2


T = TypeVar("T", bound="ShotsV2")


@_attrs_define
class ShotsV2:
    """`ionq.result.shots.json.v2`: every shot's bits, per classical register, in order.

    Attributes:
        shots (list[ShotV2]): One entry per shot.
    """

    shots: list[ShotV2]

    def to_dict(self) -> dict[str, Any]:
        shots = []
        for shots_item_data in self.shots:
            shots_item = shots_item_data.to_dict()
            shots.append(shots_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "shots": shots,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.shot_v2 import ShotV2

        d = dict(src_dict)
        shots = []
        _shots = d.pop("shots")
        for shots_item_data in _shots:
            shots_item = ShotV2.from_dict(shots_item_data)

            shots.append(shots_item)

        shots_v2 = cls(
            shots=shots,
        )

        return shots_v2
