"""The spec's operations, the generated modules and the facade's methods stay in step."""

from __future__ import annotations

import importlib

from ionq_client import AsyncIonQClient, IonQClient
from ionq_client._requests import NOT_WRAPPED, PUBLIC_OPERATIONS, WRAPPED
from ionq_emulator import openapi

OPERATIONS = {op.operation_id: op for op in openapi.operations()}


def test_every_spec_operation_is_wrapped_or_explicitly_not() -> None:
    accounted = set(WRAPPED) | set(NOT_WRAPPED)
    assert set(OPERATIONS) - accounted == set(), "spec operations neither wrapped nor excused"
    assert accounted - set(OPERATIONS) == set(), "facade entries for operations not in the spec"
    assert set(WRAPPED) & set(NOT_WRAPPED) == set()
    assert all(reason for reason in NOT_WRAPPED.values())


def test_a_new_spec_operation_would_fail_the_drift_check(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The check above is not vacuous: an operation added to the spec is noticed."""
    import copy

    spec = copy.deepcopy(openapi.load_spec())
    spec["paths"]["/jobs/{job_id}/pause"] = {
        "put": {"operationId": "pauseJob", "tags": ["jobs"], "responses": {}}
    }
    monkeypatch.setattr(openapi, "load_spec", lambda: spec)
    ids = {op.operation_id for op in openapi.operations()}
    assert ids - (set(WRAPPED) | set(NOT_WRAPPED)) == {"pauseJob"}


def test_wrapped_modules_match_the_spec() -> None:
    for operation_id, (module, method) in WRAPPED.items():
        op = OPERATIONS[operation_id]
        generated = importlib.import_module(f"ionq_api.api.{module}")
        assert module.split(".")[0] == op.tags[0]
        kwargs = generated._get_kwargs.__code__.co_varnames
        assert generated.__name__.endswith(module)
        assert kwargs  # the module builds requests
        for client in (IonQClient, AsyncIonQClient):
            assert callable(getattr(client, method)), f"{client.__name__}.{method}"


def test_public_operations_match_the_spec() -> None:
    assert {op_id for op_id, op in OPERATIONS.items() if op.public} == PUBLIC_OPERATIONS
