import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.characterization_list import CharacterizationList
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    backend: str,
    *,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    limit: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    params["end"] = json_end

    params["limit"] = limit

    params["page"] = page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backends/{backend}/characterizations".format(
            backend=quote(str(backend), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CharacterizationList | Error | None:
    if response.status_code == 200:
        response_200 = CharacterizationList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

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
) -> Response[CharacterizationList | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    backend: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    limit: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Response[CharacterizationList | Error]:
    """Page through a backend's calibration snapshots, newest first.

    Args:
        backend (str):
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        limit (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CharacterizationList | Error]
    """

    kwargs = _get_kwargs(
        backend=backend,
        start=start,
        end=end,
        limit=limit,
        page=page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    backend: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    limit: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> CharacterizationList | Error | None:
    """Page through a backend's calibration snapshots, newest first.

    Args:
        backend (str):
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        limit (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CharacterizationList | Error
    """

    return sync_detailed(
        backend=backend,
        client=client,
        start=start,
        end=end,
        limit=limit,
        page=page,
    ).parsed


async def asyncio_detailed(
    backend: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    limit: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> Response[CharacterizationList | Error]:
    """Page through a backend's calibration snapshots, newest first.

    Args:
        backend (str):
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        limit (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CharacterizationList | Error]
    """

    kwargs = _get_kwargs(
        backend=backend,
        start=start,
        end=end,
        limit=limit,
        page=page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    backend: str,
    *,
    client: AuthenticatedClient | Client,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    limit: int | Unset = UNSET,
    page: int | Unset = UNSET,
) -> CharacterizationList | Error | None:
    """Page through a backend's calibration snapshots, newest first.

    Args:
        backend (str):
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        limit (int | Unset):
        page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CharacterizationList | Error
    """

    return (
        await asyncio_detailed(
            backend=backend,
            client=client,
            start=start,
            end=end,
            limit=limit,
            page=page,
        )
    ).parsed
