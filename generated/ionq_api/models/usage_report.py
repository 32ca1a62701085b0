from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.usage_report_usage_data_item import UsageReportUsageDataItem


T = TypeVar("T", bound="UsageReport")


@_attrs_define
class UsageReport:
    """An organization's usage over a period.

    Attributes:
        organization (str): The organization reported on.
        usage_from (str): First day included.
        usage_to (str): First day no longer included.
        usage_unit (str | Unset): Unit of the amounts.
        group_type (str | Unset): How rows are grouped.
        modality (str | Unset): Length of each period.
        amount_total (float | Unset): Total charged.
        job_count (int | Unset): Jobs run.
        time_us_total (float | Unset): Total compute time in microseconds.
        usage_data (list[UsageReportUsageDataItem] | Unset): One row per group and period.
    """

    organization: str
    usage_from: str
    usage_to: str
    usage_unit: str | Unset = UNSET
    group_type: str | Unset = UNSET
    modality: str | Unset = UNSET
    amount_total: float | Unset = UNSET
    job_count: int | Unset = UNSET
    time_us_total: float | Unset = UNSET
    usage_data: list[UsageReportUsageDataItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organization = self.organization

        usage_from = self.usage_from

        usage_to = self.usage_to

        usage_unit = self.usage_unit

        group_type = self.group_type

        modality = self.modality

        amount_total = self.amount_total

        job_count = self.job_count

        time_us_total = self.time_us_total

        usage_data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.usage_data, Unset):
            usage_data = []
            for usage_data_item_data in self.usage_data:
                usage_data_item = usage_data_item_data.to_dict()
                usage_data.append(usage_data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organization": organization,
                "usage_from": usage_from,
                "usage_to": usage_to,
            }
        )
        if usage_unit is not UNSET:
            field_dict["usage_unit"] = usage_unit
        if group_type is not UNSET:
            field_dict["group_type"] = group_type
        if modality is not UNSET:
            field_dict["modality"] = modality
        if amount_total is not UNSET:
            field_dict["amount_total"] = amount_total
        if job_count is not UNSET:
            field_dict["job_count"] = job_count
        if time_us_total is not UNSET:
            field_dict["time_us_total"] = time_us_total
        if usage_data is not UNSET:
            field_dict["usage_data"] = usage_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.usage_report_usage_data_item import UsageReportUsageDataItem

        d = dict(src_dict)
        organization = d.pop("organization")

        usage_from = d.pop("usage_from")

        usage_to = d.pop("usage_to")

        usage_unit = d.pop("usage_unit", UNSET)

        group_type = d.pop("group_type", UNSET)

        modality = d.pop("modality", UNSET)

        amount_total = d.pop("amount_total", UNSET)

        job_count = d.pop("job_count", UNSET)

        time_us_total = d.pop("time_us_total", UNSET)

        _usage_data = d.pop("usage_data", UNSET)
        usage_data: list[UsageReportUsageDataItem] | Unset = UNSET
        if _usage_data is not UNSET:
            usage_data = []
            for usage_data_item_data in _usage_data:
                usage_data_item = UsageReportUsageDataItem.from_dict(
                    usage_data_item_data
                )

                usage_data.append(usage_data_item)

        usage_report = cls(
            organization=organization,
            usage_from=usage_from,
            usage_to=usage_to,
            usage_unit=usage_unit,
            group_type=group_type,
            modality=modality,
            amount_total=amount_total,
            job_count=job_count,
            time_us_total=time_us_total,
            usage_data=usage_data,
        )

        usage_report.additional_properties = d
        return usage_report

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
