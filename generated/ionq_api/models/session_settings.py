from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_cost_limit import SessionCostLimit


T = TypeVar("T", bound="SessionSettings")


@_attrs_define
class SessionSettings:
    """The limits a session was opened with, and when it expires.

    Attributes:
        job_count_limit (int | None | Unset): Most jobs it accepts.
        duration_limit_min (int | None | Unset): Longest it stays open
        cost_limit (None | SessionCostLimit | Unset): Most it may spend.
        expires_at (None | str | Unset): An ISO 8601 instant, or null before it happens.
    """

    job_count_limit: int | None | Unset = UNSET
    duration_limit_min: int | None | Unset = UNSET
    cost_limit: None | SessionCostLimit | Unset = UNSET
    expires_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.session_cost_limit import SessionCostLimit

        job_count_limit: int | None | Unset
        if isinstance(self.job_count_limit, Unset):
            job_count_limit = UNSET
        else:
            job_count_limit = self.job_count_limit

        duration_limit_min: int | None | Unset
        if isinstance(self.duration_limit_min, Unset):
            duration_limit_min = UNSET
        else:
            duration_limit_min = self.duration_limit_min

        cost_limit: dict[str, Any] | None | Unset
        if isinstance(self.cost_limit, Unset):
            cost_limit = UNSET
        elif isinstance(self.cost_limit, SessionCostLimit):
            cost_limit = self.cost_limit.to_dict()
        else:
            cost_limit = self.cost_limit

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if job_count_limit is not UNSET:
            field_dict["job_count_limit"] = job_count_limit
        if duration_limit_min is not UNSET:
            field_dict["duration_limit_min"] = duration_limit_min
        if cost_limit is not UNSET:
            field_dict["cost_limit"] = cost_limit
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_cost_limit import SessionCostLimit

        d = dict(src_dict)

        def _parse_job_count_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        job_count_limit = _parse_job_count_limit(d.pop("job_count_limit", UNSET))

        def _parse_duration_limit_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_limit_min = _parse_duration_limit_min(
            d.pop("duration_limit_min", UNSET)
        )

        def _parse_cost_limit(data: object) -> None | SessionCostLimit | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cost_limit_type_0 = SessionCostLimit.from_dict(data)

                return cost_limit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionCostLimit | Unset, data)

        cost_limit = _parse_cost_limit(d.pop("cost_limit", UNSET))

        def _parse_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        session_settings = cls(
            job_count_limit=job_count_limit,
            duration_limit_min=duration_limit_min,
            cost_limit=cost_limit,
            expires_at=expires_at,
        )

        session_settings.additional_properties = d
        return session_settings

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
