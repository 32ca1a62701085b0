import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.usage_grouping import UsageGrouping
from ...models.usage_modality import UsageModality
from ...models.usage_report import UsageReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: str,
    *,
    start_date: datetime.date,
    end_date: datetime.date,
    group_by: UsageGrouping | Unset = UNSET,
    modality: UsageModality | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_start_date = start_date.isoformat()
    params["start_date"] = json_start_date

    json_end_date = end_date.isoformat()
    params["end_date"] = json_end_date

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by.value

    params["group_by"] = json_group_by

    json_modality: str | Unset = UNSET
    if not isinstance(modality, Unset):
        json_modality = modality.value

    params["modality"] = json_modality

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/organizations/{organization_id}/usage".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UsageReport | None:
    if response.status_code == 200:
        response_200 = UsageReport.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = Error.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | UsageReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient | Client,
    start_date: datetime.date,
    end_date: datetime.date,
    group_by: UsageGrouping | Unset = UNSET,
    modality: UsageModality | Unset = UNSET,
) -> Response[Error | UsageReport]:
    """Usage of an organization over a date range.

    Args:
        organization_id (str):
        start_date (datetime.date):
        end_date (datetime.date):
        group_by (UsageGrouping | Unset): How usage rows are grouped.
        modality (UsageModality | Unset): Length of a usage period.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UsageReport]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        start_date=start_date,
        end_date=end_date,
        group_by=group_by,
        modality=modality,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: str,
    *,
    client: AuthenticatedClient | Client,
    start_date: datetime.date,
    end_date: datetime.date,
    group_by: UsageGrouping | Unset = UNSET,
    modality: UsageModality | Unset = UNSET,
) -> Error | UsageReport | None:
    """Usage of an organization over a date range.

    Args:
        organization_id (str):
        start_date (datetime.date):
        end_date (datetime.date):
        group_by (UsageGrouping | Unset): How usage rows are grouped.
        modality (UsageModality | Unset): Length of a usage period.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UsageReport
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        start_date=start_date,
        end_date=end_date,
        group_by=group_by,
        modality=modality,
    ).parsed


async def asyncio_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient | Client,
    start_date: datetime.date,
    end_date: datetime.date,
    group_by: UsageGrouping | Unset = UNSET,
    modality: UsageModality | Unset = UNSET,
) -> Response[Error | UsageReport]:
    """Usage of an organization over a date range.

    Args:
        organization_id (str):
        start_date (datetime.date):
        end_date (datetime.date):
        group_by (UsageGrouping | Unset): How usage rows are grouped.
        modality (UsageModality | Unset): Length of a usage period.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UsageReport]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        start_date=start_date,
        end_date=end_date,
        group_by=group_by,
        modality=modality,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: str,
    *,
    client: AuthenticatedClient | Client,
    start_date: datetime.date,
    end_date: datetime.date,
    group_by: UsageGrouping | Unset = UNSET,
    modality: UsageModality | Unset = UNSET,
) -> Error | UsageReport | None:
    """Usage of an organization over a date range.

    Args:
        organization_id (str):
        start_date (datetime.date):
        end_date (datetime.date):
        group_by (UsageGrouping | Unset): How usage rows are grouped.
        modality (UsageModality | Unset): Length of a usage period.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UsageReport
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            start_date=start_date,
            end_date=end_date,
            group_by=group_by,
            modality=modality,
        )
    ).parsed
