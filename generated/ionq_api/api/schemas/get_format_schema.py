from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.format_id import FormatId
from ...models.format_schema import FormatSchema
from ...types import Response


def _get_kwargs(
    format_: FormatId,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/schemas/formats/{format_}".format(
            format_=quote(str(format_), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | FormatSchema | None:
    if response.status_code == 200:
        response_200 = FormatSchema.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
) -> Response[Error | FormatSchema]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    format_: FormatId,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | FormatSchema]:
    """The JSON Schema of one of IonQ's payload formats.

    Args:
        format_ (FormatId): Payload formats whose JSON Schema IonQ publishes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FormatSchema]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    format_: FormatId,
    *,
    client: AuthenticatedClient | Client,
) -> Error | FormatSchema | None:
    """The JSON Schema of one of IonQ's payload formats.

    Args:
        format_ (FormatId): Payload formats whose JSON Schema IonQ publishes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FormatSchema
    """

    return sync_detailed(
        format_=format_,
        client=client,
    ).parsed


async def asyncio_detailed(
    format_: FormatId,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | FormatSchema]:
    """The JSON Schema of one of IonQ's payload formats.

    Args:
        format_ (FormatId): Payload formats whose JSON Schema IonQ publishes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FormatSchema]
    """

    kwargs = _get_kwargs(
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    format_: FormatId,
    *,
    client: AuthenticatedClient | Client,
) -> Error | FormatSchema | None:
    """The JSON Schema of one of IonQ's payload formats.

    Args:
        format_ (FormatId): Payload formats whose JSON Schema IonQ publishes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FormatSchema
    """

    return (
        await asyncio_detailed(
            format_=format_,
            client=client,
        )
    ).parsed
