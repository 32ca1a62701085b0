from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.backend_info import BackendInfo
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    backend: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backends/{backend}".format(
            backend=quote(str(backend), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BackendInfo | Error | None:
    if response.status_code == 200:
        response_200 = BackendInfo.from_dict(response.json())

        return response_200

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
) -> Response[BackendInfo | Error]:
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
) -> Response[BackendInfo | Error]:
    """Describe one backend.

    Args:
        backend (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BackendInfo | Error]
    """

    kwargs = _get_kwargs(
        backend=backend,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    backend: str,
    *,
    client: AuthenticatedClient | Client,
) -> BackendInfo | Error | None:
    """Describe one backend.

    Args:
        backend (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BackendInfo | Error
    """

    return sync_detailed(
        backend=backend,
        client=client,
    ).parsed


async def asyncio_detailed(
    backend: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BackendInfo | Error]:
    """Describe one backend.

    Args:
        backend (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BackendInfo | Error]
    """

    kwargs = _get_kwargs(
        backend=backend,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    backend: str,
    *,
    client: AuthenticatedClient | Client,
) -> BackendInfo | Error | None:
    """Describe one backend.

    Args:
        backend (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BackendInfo | Error
    """

    return (
        await asyncio_detailed(
            backend=backend,
            client=client,
        )
    ).parsed
