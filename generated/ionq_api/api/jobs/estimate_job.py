from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.job_payload_type import JobPayloadType
from ...models.rate_card_estimate import RateCardEstimate
from ...models.rate_information_estimate import RateInformationEstimate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    backend: str,
    type_: JobPayloadType | Unset = UNSET,
    qubits: int | Unset = UNSET,
    shots: int | Unset = UNSET,
    field_1q_gates: int | Unset = UNSET,
    field_2q_gates: int | Unset = UNSET,
    error_mitigation: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["backend"] = backend

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params["qubits"] = qubits

    params["shots"] = shots

    params["1q_gates"] = field_1q_gates

    params["2q_gates"] = field_2q_gates

    params["error_mitigation"] = error_mitigation

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jobs/estimate",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RateCardEstimate | RateInformationEstimate | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> RateCardEstimate | RateInformationEstimate:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_cost_estimate_type_0 = RateCardEstimate.from_dict(
                    data
                )

                return componentsschemas_cost_estimate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_cost_estimate_type_1 = RateInformationEstimate.from_dict(
                data
            )

            return componentsschemas_cost_estimate_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[Error | RateCardEstimate | RateInformationEstimate]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    backend: str,
    type_: JobPayloadType | Unset = UNSET,
    qubits: int | Unset = UNSET,
    shots: int | Unset = UNSET,
    field_1q_gates: int | Unset = UNSET,
    field_2q_gates: int | Unset = UNSET,
    error_mitigation: bool | Unset = UNSET,
) -> Response[Error | RateCardEstimate | RateInformationEstimate]:
    """Estimate what a job of a given size would cost and how long it would take.

    Args:
        backend (str):
        type_ (JobPayloadType | Unset): Input formats a job can be submitted in.
        qubits (int | Unset):
        shots (int | Unset):
        field_1q_gates (int | Unset):
        field_2q_gates (int | Unset):
        error_mitigation (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RateCardEstimate | RateInformationEstimate]
    """

    kwargs = _get_kwargs(
        backend=backend,
        type_=type_,
        qubits=qubits,
        shots=shots,
        field_1q_gates=field_1q_gates,
        field_2q_gates=field_2q_gates,
        error_mitigation=error_mitigation,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    backend: str,
    type_: JobPayloadType | Unset = UNSET,
    qubits: int | Unset = UNSET,
    shots: int | Unset = UNSET,
    field_1q_gates: int | Unset = UNSET,
    field_2q_gates: int | Unset = UNSET,
    error_mitigation: bool | Unset = UNSET,
) -> Error | RateCardEstimate | RateInformationEstimate | None:
    """Estimate what a job of a given size would cost and how long it would take.

    Args:
        backend (str):
        type_ (JobPayloadType | Unset): Input formats a job can be submitted in.
        qubits (int | Unset):
        shots (int | Unset):
        field_1q_gates (int | Unset):
        field_2q_gates (int | Unset):
        error_mitigation (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RateCardEstimate | RateInformationEstimate
    """

    return sync_detailed(
        client=client,
        backend=backend,
        type_=type_,
        qubits=qubits,
        shots=shots,
        field_1q_gates=field_1q_gates,
        field_2q_gates=field_2q_gates,
        error_mitigation=error_mitigation,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    backend: str,
    type_: JobPayloadType | Unset = UNSET,
    qubits: int | Unset = UNSET,
    shots: int | Unset = UNSET,
    field_1q_gates: int | Unset = UNSET,
    field_2q_gates: int | Unset = UNSET,
    error_mitigation: bool | Unset = UNSET,
) -> Response[Error | RateCardEstimate | RateInformationEstimate]:
    """Estimate what a job of a given size would cost and how long it would take.

    Args:
        backend (str):
        type_ (JobPayloadType | Unset): Input formats a job can be submitted in.
        qubits (int | Unset):
        shots (int | Unset):
        field_1q_gates (int | Unset):
        field_2q_gates (int | Unset):
        error_mitigation (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RateCardEstimate | RateInformationEstimate]
    """

    kwargs = _get_kwargs(
        backend=backend,
        type_=type_,
        qubits=qubits,
        shots=shots,
        field_1q_gates=field_1q_gates,
        field_2q_gates=field_2q_gates,
        error_mitigation=error_mitigation,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    backend: str,
    type_: JobPayloadType | Unset = UNSET,
    qubits: int | Unset = UNSET,
    shots: int | Unset = UNSET,
    field_1q_gates: int | Unset = UNSET,
    field_2q_gates: int | Unset = UNSET,
    error_mitigation: bool | Unset = UNSET,
) -> Error | RateCardEstimate | RateInformationEstimate | None:
    """Estimate what a job of a given size would cost and how long it would take.

    Args:
        backend (str):
        type_ (JobPayloadType | Unset): Input formats a job can be submitted in.
        qubits (int | Unset):
        shots (int | Unset):
        field_1q_gates (int | Unset):
        field_2q_gates (int | Unset):
        error_mitigation (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RateCardEstimate | RateInformationEstimate
    """

    return (
        await asyncio_detailed(
            client=client,
            backend=backend,
            type_=type_,
            qubits=qubits,
            shots=shots,
            field_1q_gates=field_1q_gates,
            field_2q_gates=field_2q_gates,
            error_mitigation=error_mitigation,
        )
    ).parsed
