from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.noise_model import NoiseModel
from ..types import UNSET, Unset

T = TypeVar("T", bound="JobNoise")


@_attrs_define
class JobNoise:
    """The noise a job was simulated with, as a job reports it. Open, unlike a request's `NoiseSettings`: a model IonQ adds
    later still reads.

        Attributes:
            model (NoiseModel | str): The machine whose noise was imitated, or `ideal`.
            seed (int | None | Unset): Seed for the sampler, for repeatable results.
    """

    model: NoiseModel | str
    seed: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model: str
        if isinstance(self.model, NoiseModel):
            model = self.model.value
        else:
            model = self.model

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

        def _parse_model(data: object) -> NoiseModel | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_type_0 = NoiseModel(data)

                return model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NoiseModel | str, data)

        model = _parse_model(d.pop("model"))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        job_noise = cls(
            model=model,
            seed=seed,
        )

        return job_noise
