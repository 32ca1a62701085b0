from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.circuit_job_payload import CircuitJobPayload
from ...models.error import Error
from ...models.job_created import JobCreated
from ...models.multi_circuit_job_payload import MultiCircuitJobPayload
from ...models.qaoa_job_payload import QaoaJobPayload
from ...models.qasm_3_job_payload import Qasm3JobPayload
from ...models.quantum_function_job_payload import QuantumFunctionJobPayload
from ...types import Response


def _get_kwargs(
    *,
    body: CircuitJobPayload
    | MultiCircuitJobPayload
    | QaoaJobPayload
    | Qasm3JobPayload
    | QuantumFunctionJobPayload,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/jobs",
    }

    if (
        isinstance(body, CircuitJobPayload)
        or isinstance(body, MultiCircuitJobPayload)
        or isinstance(body, Qasm3JobPayload)
        or isinstance(body, QuantumFunctionJobPayload)
    ):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | JobCreated | None:
    if response.status_code == 201:
        response_201 = JobCreated.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

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
) -> Response[Error | JobCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CircuitJobPayload
    | MultiCircuitJobPayload
    | QaoaJobPayload
    | Qasm3JobPayload
    | QuantumFunctionJobPayload,
) -> Response[Error | JobCreated]:
    """Submit a circuit, multi-circuit, OpenQASM 3, quantum-function or QAOA job.

     Not idempotent: a retried request after an ambiguous failure can create a second job. Clients tag
    submissions in `metadata` to find out first. A `backend` the server does not offer, or a
    `session_id` that names no session of the key, is answered 404; a session that has ended, has
    reached its `job_count_limit` or is on another backend is answered 409. A 400 means the request
    breaks this schema. A circuit that satisfies the schema but breaks a gate rule no schema can state
    (a qubit or register index not below `input.qubits`, a rotation gate without `rotation`, a `cnot`
    without a control, a qubit used twice by one gate, a `pauliexp` term whose length is not the number
    of targets) is accepted (201) and the job fails with `failure.code: InvalidInput`, its message
    naming the first offending key (`input.circuit.1.target: qubit 2 is out of range for a 2-qubit
    circuit`), as IonQ's preflight fails a job it has accepted (`NotEnoughQubits`, or a circuit without
    `qubits`) rather than refusing the request.

    Args:
        body (CircuitJobPayload | MultiCircuitJobPayload | QaoaJobPayload | Qasm3JobPayload |
            QuantumFunctionJobPayload): A job to run; `type` selects the input format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JobCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CircuitJobPayload
    | MultiCircuitJobPayload
    | QaoaJobPayload
    | Qasm3JobPayload
    | QuantumFunctionJobPayload,
) -> Error | JobCreated | None:
    """Submit a circuit, multi-circuit, OpenQASM 3, quantum-function or QAOA job.

     Not idempotent: a retried request after an ambiguous failure can create a second job. Clients tag
    submissions in `metadata` to find out first. A `backend` the server does not offer, or a
    `session_id` that names no session of the key, is answered 404; a session that has ended, has
    reached its `job_count_limit` or is on another backend is answered 409. A 400 means the request
    breaks this schema. A circuit that satisfies the schema but breaks a gate rule no schema can state
    (a qubit or register index not below `input.qubits`, a rotation gate without `rotation`, a `cnot`
    without a control, a qubit used twice by one gate, a `pauliexp` term whose length is not the number
    of targets) is accepted (201) and the job fails with `failure.code: InvalidInput`, its message
    naming the first offending key (`input.circuit.1.target: qubit 2 is out of range for a 2-qubit
    circuit`), as IonQ's preflight fails a job it has accepted (`NotEnoughQubits`, or a circuit without
    `qubits`) rather than refusing the request.

    Args:
        body (CircuitJobPayload | MultiCircuitJobPayload | QaoaJobPayload | Qasm3JobPayload |
            QuantumFunctionJobPayload): A job to run; `type` selects the input format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JobCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CircuitJobPayload
    | MultiCircuitJobPayload
    | QaoaJobPayload
    | Qasm3JobPayload
    | QuantumFunctionJobPayload,
) -> Response[Error | JobCreated]:
    """Submit a circuit, multi-circuit, OpenQASM 3, quantum-function or QAOA job.

     Not idempotent: a retried request after an ambiguous failure can create a second job. Clients tag
    submissions in `metadata` to find out first. A `backend` the server does not offer, or a
    `session_id` that names no session of the key, is answered 404; a session that has ended, has
    reached its `job_count_limit` or is on another backend is answered 409. A 400 means the request
    breaks this schema. A circuit that satisfies the schema but breaks a gate rule no schema can state
    (a qubit or register index not below `input.qubits`, a rotation gate without `rotation`, a `cnot`
    without a control, a qubit used twice by one gate, a `pauliexp` term whose length is not the number
    of targets) is accepted (201) and the job fails with `failure.code: InvalidInput`, its message
    naming the first offending key (`input.circuit.1.target: qubit 2 is out of range for a 2-qubit
    circuit`), as IonQ's preflight fails a job it has accepted (`NotEnoughQubits`, or a circuit without
    `qubits`) rather than refusing the request.

    Args:
        body (CircuitJobPayload | MultiCircuitJobPayload | QaoaJobPayload | Qasm3JobPayload |
            QuantumFunctionJobPayload): A job to run; `type` selects the input format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | JobCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CircuitJobPayload
    | MultiCircuitJobPayload
    | QaoaJobPayload
    | Qasm3JobPayload
    | QuantumFunctionJobPayload,
) -> Error | JobCreated | None:
    """Submit a circuit, multi-circuit, OpenQASM 3, quantum-function or QAOA job.

     Not idempotent: a retried request after an ambiguous failure can create a second job. Clients tag
    submissions in `metadata` to find out first. A `backend` the server does not offer, or a
    `session_id` that names no session of the key, is answered 404; a session that has ended, has
    reached its `job_count_limit` or is on another backend is answered 409. A 400 means the request
    breaks this schema. A circuit that satisfies the schema but breaks a gate rule no schema can state
    (a qubit or register index not below `input.qubits`, a rotation gate without `rotation`, a `cnot`
    without a control, a qubit used twice by one gate, a `pauliexp` term whose length is not the number
    of targets) is accepted (201) and the job fails with `failure.code: InvalidInput`, its message
    naming the first offending key (`input.circuit.1.target: qubit 2 is out of range for a 2-qubit
    circuit`), as IonQ's preflight fails a job it has accepted (`NotEnoughQubits`, or a circuit without
    `qubits`) rather than refusing the request.

    Args:
        body (CircuitJobPayload | MultiCircuitJobPayload | QaoaJobPayload | Qasm3JobPayload |
            QuantumFunctionJobPayload): A job to run; `type` selects the input format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | JobCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
