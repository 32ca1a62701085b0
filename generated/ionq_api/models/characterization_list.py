from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.characterization import Characterization


T = TypeVar("T", bound="CharacterizationList")


@_attrs_define
class CharacterizationList:
    """One page of calibration snapshots.

    Attributes:
        characterizations (list[Characterization] | None): The snapshots on this page (IonQ sends null for none).
        pages (int | Unset): Pages remaining after this one.
    """

    characterizations: list[Characterization] | None
    pages: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        characterizations: list[dict[str, Any]] | None
        if isinstance(self.characterizations, list):
            characterizations = []
            for characterizations_type_0_item_data in self.characterizations:
                characterizations_type_0_item = (
                    characterizations_type_0_item_data.to_dict()
                )
                characterizations.append(characterizations_type_0_item)

        else:
            characterizations = self.characterizations

        pages = self.pages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "characterizations": characterizations,
            }
        )
        if pages is not UNSET:
            field_dict["pages"] = pages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.characterization import Characterization

        d = dict(src_dict)

        def _parse_characterizations(data: object) -> list[Characterization] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                characterizations_type_0 = []
                _characterizations_type_0 = data
                for characterizations_type_0_item_data in _characterizations_type_0:
                    characterizations_type_0_item = Characterization.from_dict(
                        characterizations_type_0_item_data
                    )

                    characterizations_type_0.append(characterizations_type_0_item)

                return characterizations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Characterization] | None, data)

        characterizations = _parse_characterizations(d.pop("characterizations"))

        pages = d.pop("pages", UNSET)

        characterization_list = cls(
            characterizations=characterizations,
            pages=pages,
        )

        characterization_list.additional_properties = d
        return characterization_list

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
