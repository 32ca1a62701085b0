from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.multi_circuit_job import MultiCircuitJob
from ...models.qaoa_job import QaoaJob
from ...models.quantum_function_job import QuantumFunctionJob
from ...models.single_circuit_job import SingleCircuitJob
from ...types import Response


def _get_kwargs(
    job_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jobs/{job_id}".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_job_type_0 = SingleCircuitJob.from_dict(data)

                return componentsschemas_job_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_job_type_1 = MultiCircuitJob.from_dict(data)

                return componentsschemas_job_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_job_type_2 = QaoaJob.from_dict(data)

                return componentsschemas_job_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_job_type_3 = QuantumFunctionJob.from_dict(data)

            return componentsschemas_job_type_3

        response_200 = _parse_response_200(response.json())

        return response_200

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
) -> Response[
    Error | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[
    Error | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob
]:
    """Fetch a job's status, settings, statistics and result locations.

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob | None:
    """Fetch a job's status, settings, statistics and result locations.

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[
    Error | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob
]:
    """Fetch a job's status, settings, statistics and result locations.

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob | None:
    """Fetch a job's status, settings, statistics and result locations.

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MultiCircuitJob | QaoaJob | QuantumFunctionJob | SingleCircuitJob
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
        )
    ).parsed
