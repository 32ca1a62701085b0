"""The contract net catches what it is there for: a green run must mean something.

Each test breaks one thing on purpose, either what the emulator answers or what the
spec promises, and runs the same checks ``test_schemathesis`` runs (``run_case``,
so the narrowed checks are covered too), first unbroken (it passes, so the failure
is the break's doing) and then broken (it fails with a schema violation). The
emulators here run with ``check_responses=False``: their own self-check would
otherwise turn a lying answer into a 500 and hide what this proves.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from schemathesis.core.failures import FailureGroup
from schemathesis.generation import GenerationMode

from ionq_emulator import EmulatorConfig, create_app
from tests.spec.contract.harness import SPEC, Tally, load_schema, run_case

KEY = "net-key"
AUTH = {"Authorization": f"apiKey {KEY}"}
BELL: dict[str, Any] = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuit": [{"gate": "h", "targets": [0]}, {"gate": "cnot", "control": 0, "target": 1}],
    },
}
SCHEMA_VIOLATION = "Response violates schema"


def _app() -> Any:
    config = EmulatorConfig(
        keys=(KEY,), seed=1, ready_after=0, start_after=0, run_time=0, check_responses=False
    )
    return create_app(config)


def _check(schema: Any, operation_id: str, backends: tuple[str, ...], **parts: Any) -> None:
    """One explicit request to ``operation_id``, through the suite's checks."""
    case = schema.find_operation_by_id(operation_id).Case(headers=dict(AUTH), **parts)
    run_case(case, Tally("net"), backends)


def _titles(exc: pytest.ExceptionInfo[FailureGroup]) -> set[str]:
    return {failure.title for failure in exc.value.exceptions}


# --------------------------------------------------- the emulator lies


def _status_as_integer(view: dict[str, Any]) -> Any:
    return {**view, "status": 3}


def _without_id(view: dict[str, Any]) -> Any:
    return {k: v for k, v in view.items() if k != "id"}


def _as_list(view: dict[str, Any]) -> Any:
    return list(view.values())


LIES: list[tuple[str, str, Callable[[dict[str, Any]], Any]]] = [
    ("job", "getJob", _status_as_integer),
    ("job", "getJob", _without_id),
    ("probabilities", "getJobProbabilities", _as_list),
]


@pytest.mark.parametrize(
    ("method", "operation_id", "lie"), LIES, ids=["status-int", "no-id", "probabilities-list"]
)
def test_a_lying_emulator_is_caught(
    monkeypatch: pytest.MonkeyPatch,
    method: str,
    operation_id: str,
    lie: Callable[[dict[str, Any]], Any],
) -> None:
    app = _app()
    store = app.state.store
    schema = load_schema(key=KEY, app=app, max_examples=1)
    backends = tuple(b["backend"] for b in store.backends())
    job = schema.find_operation_by_id("createJob").Case(headers=dict(AUTH), body=BELL).call()
    assert job.status_code == 201, job.text
    path = {"job_id": job.json()["id"]}

    _check(schema, operation_id, backends, path_parameters=path)  # truthful: passes

    honest = getattr(store, method)
    monkeypatch.setattr(store, method, lambda *args: lie(honest(*args)))
    with pytest.raises(FailureGroup) as caught:
        _check(schema, operation_id, backends, path_parameters=path)
    assert SCHEMA_VIOLATION in _titles(caught)


def test_generated_cases_catch_a_lie(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same through generated cases (positive and negative) rather than a hand-made one."""
    app = _app()
    store = app.state.store
    schema = load_schema(key=KEY, app=app, max_examples=5)
    backends = tuple(b["backend"] for b in store.backends())
    strategy = (
        schema.find_operation_by_id("listBackends").as_strategy(
            generation_mode=GenerationMode.NEGATIVE
        )
        | schema.find_operation_by_id("listBackends").as_strategy()
    )

    @settings(
        max_examples=5,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        run_case(case, Tally("net"), backends)

    run()  # truthful: passes
    honest = store.backends
    monkeypatch.setattr(
        store, "backends", lambda: [{**b, "qubits": str(b["qubits"])} for b in honest()]
    )
    with pytest.raises(FailureGroup) as caught:
        run()
    assert SCHEMA_VIOLATION in _titles(caught)


# --------------------------------------------------- the spec over-promises


def _job_created_status_integer(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["JobCreated"]["properties"]["status"] = {"type": "integer"}


def _backend_qubits_string(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["BackendInfo"]["properties"]["qubits"] = {"type": "string"}


def _session_requires_region(spec: dict[str, Any]) -> None:
    session = spec["components"]["schemas"]["Session"]
    session["properties"]["region"] = {"type": "string"}
    session["required"] = [*session["required"], "region"]


BREAKS: list[tuple[Callable[[dict[str, Any]], None], str, dict[str, Any]]] = [
    (_job_created_status_integer, "createJob", {"body": BELL}),
    (_backend_qubits_string, "listBackends", {}),
    (_session_requires_region, "createSession", {"body": {"backend": "simulator"}}),
]


@pytest.mark.parametrize(
    ("breakage", "operation_id", "parts"),
    BREAKS,
    ids=["JobCreated.status-int", "BackendInfo.qubits-string", "Session.region-required"],
)
def test_a_wrong_spec_is_caught(
    breakage: Callable[[dict[str, Any]], None], operation_id: str, parts: dict[str, Any]
) -> None:
    app = _app()
    backends = tuple(b["backend"] for b in app.state.store.backends())
    right = load_schema(key=KEY, app=app, max_examples=1)
    _check(right, operation_id, backends, **copy.deepcopy(parts))  # the real spec: passes

    wrong_spec = copy.deepcopy(SPEC)
    breakage(wrong_spec)
    wrong = load_schema(key=KEY, app=app, spec=wrong_spec, max_examples=1)
    with pytest.raises(FailureGroup) as caught:
        _check(wrong, operation_id, backends, **copy.deepcopy(parts))
    assert SCHEMA_VIOLATION in _titles(caught)
