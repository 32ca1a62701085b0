"""Fixtures for the emulator tests: real servers on loopback, driven by plain httpx.

Every server here runs with ``check_responses=True``, so the emulator also checks its
own answers against the spec; the tests still validate the answers they assert on
independently, with the spec's schemas, and each server must end with no internal
errors (no 500s) recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from ionq_emulator import EmulatorConfig, RunningEmulator, openapi, run_emulator
from tests.support.emulators import INSTANT, KEYS

__all__ = ["INSTANT", "KEYS"]


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def bell(**extra: Any) -> dict[str, Any]:
    circuit = [{"gate": "h", "targets": [0]}, {"gate": "cnot", "control": 0, "target": 1}]
    return {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "qis", "qubits": 2, "circuit": circuit},
        **extra,
    }


def ghz(n: int, **extra: Any) -> dict[str, Any]:
    circuit = [{"gate": "h", "targets": [0]}]
    circuit += [{"gate": "x", "controls": [0], "targets": [q]} for q in range(1, n)]
    return {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "qis", "qubits": n, "circuit": circuit},
        **extra,
    }


def multi(**extra: Any) -> dict[str, Any]:
    return {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "input": {
            "gateset": "qis",
            "qubits": 2,
            "circuits": [
                {"name": "bell", "circuit": bell()["input"]["circuit"]},
                {"name": "flip", "circuit": [{"gate": "x", "targets": [1]}]},
            ],
        },
        **extra,
    }


def http_to(emulator: RunningEmulator, key: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"apiKey {key or emulator.key}"}
    return httpx.Client(base_url=emulator.url, headers=headers, timeout=10)


def operation(operation_id: str) -> openapi.Operation:
    return next(op for op in openapi.operations() if op.operation_id == operation_id)


def assert_spec(operation_id: str, response: httpx.Response, status: int | None = None) -> Any:
    """The response has a status the operation declares and a body its schema accepts."""
    op = operation(operation_id)
    if status is not None:
        assert response.status_code == status, response.text
    code = str(response.status_code)
    declared = op.definition["responses"]
    assert code in declared, f"{operation_id} does not declare {code}: {response.text}"
    pointer = openapi.response_pointer(op, response.status_code)
    assert pointer is not None
    body = response.json()
    problems = openapi.errors(pointer, body)
    assert not problems, f"{operation_id} {code}: {problems}"
    return body


def assert_error(response: httpx.Response, status: int, *keys: str) -> dict[str, Any]:
    """IonQ's error body with ``status``; ``keys`` must all be in ``validation.keys``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert not openapi.errors("#/components/schemas/Error", body), body
    assert body["statusCode"] == status
    for key in keys:
        assert key in body["validation"]["keys"], body
    return body


Serve = Callable[..., RunningEmulator]


@pytest.fixture
def serve() -> Iterator[Serve]:
    """Start emulators with a config; each is stopped (and checked) after the test."""
    stack: list[Any] = []

    def start(**config: Any) -> RunningEmulator:
        config.setdefault("keys", KEYS)
        config.setdefault("check_responses", True)
        manager = run_emulator(EmulatorConfig(**config))
        emulator = manager.__enter__()
        stack.append((manager, emulator))
        return emulator

    yield start
    for manager, emulator in reversed(stack):
        errors = emulator.internal_errors
        manager.__exit__(None, None, None)
        assert errors == [], errors


@pytest.fixture
def http(emulator: RunningEmulator) -> Iterator[httpx.Client]:
    """A plain httpx client on ``emulator`` with the first key."""
    with http_to(emulator) as client:
        yield client
