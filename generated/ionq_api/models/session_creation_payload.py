from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_limits import SessionLimits


T = TypeVar("T", bound="SessionCreationPayload")


@_attrs_define
class SessionCreationPayload:
    """A session to open.

    Attributes:
        backend (str): The backend to run on, such as `simulator` or `qpu.forte-1`. An open set (IonQ adds machines;
            `GET /backends` lists them): a name the server does not offer is answered 404, as `GET /backends/{backend}`
            answers it.
        settings (SessionLimits | Unset): When the session closes by itself.
    """

    backend: str
    settings: SessionLimits | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        backend = self.backend

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "backend": backend,
            }
        )
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_limits import SessionLimits

        d = dict(src_dict)
        backend = d.pop("backend")

        _settings = d.pop("settings", UNSET)
        settings: SessionLimits | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = SessionLimits.from_dict(_settings)

        session_creation_payload = cls(
            backend=backend,
            settings=settings,
        )

        return session_creation_payload
