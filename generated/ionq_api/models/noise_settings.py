from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.noise_model import NoiseModel
from ..types import UNSET, Unset

T = TypeVar("T", bound="NoiseSettings")


@_attrs_define
class NoiseSettings:
    """Noise to simulate (simulator backend only), as a job asks for it. The model is one the server offers: IonQ's
    document lists them (`NoiseModel`), and an unknown one is refused with 400 (`validation.keys: [noise.model]`).

        Attributes:
            model (NoiseModel): Noise models IonQ's simulator offers (the list IonQ's document gives for its `NoiseModel`).
            seed (int | None | Unset): Seed for the sampler, for repeatable results.
    """

    model: NoiseModel
    seed: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model = self.model.value

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
            }
        )
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        model = NoiseModel(d.pop("model"))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        noise_settings = cls(
            model=model,
            seed=seed,
        )

        return noise_settings
