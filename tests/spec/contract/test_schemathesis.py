"""schemathesis against the emulator: the emulator must answer exactly what the spec says.

Every operation, positive and negative generation, all of schemathesis's checks
(status codes, content types, headers, response schemas, auth, data acceptance and
rejection, unsupported methods, use after free; two narrowed to what IonQ documents,
see conftest), then a stateful run that follows the
spec's links (job: create → get → cost/probabilities → cancel → delete; session:
create → get → jobs → end). In-process over ASGI: no socket, and an exception in a
handler surfaces here instead of as a bare 500.

Budget (2 cores): ``MAX_EXAMPLES`` = 20 per operation and phase, about 2,700 cases
once the coverage phase adds its boundary cases, then 60 stateful scenarios of up to
10 steps (about 500 calls); ~20 s in all. The stateful run must follow every link of
the spec to a 2xx at least once, or it fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from ionq_emulator import EmulatorConfig, create_app, openapi
from tests.spec.contract.harness import (
    SPEC,
    TALLIES,
    Tally,
    load_schema,
    run_case,
    spec_links,
    state_machine,
    validated_call,
)

KEY = "contract-key"
MAX_EXAMPLES = 20
CONFIG = EmulatorConfig(
    keys=(KEY,),
    seed=7,
    ready_after=0,
    start_after=0,
    run_time=0,  # jobs complete on submission, so results exist for the links to fetch
    check_responses=True,  # the emulator also validates its own answers (500 on a lie)
)
APP = create_app(CONFIG)
BACKENDS = tuple(b["backend"] for b in APP.state.store.backends())
TALLY = TALLIES.setdefault("emulator", Tally("positive+negative"))

schema = load_schema(key=KEY, app=APP, max_examples=MAX_EXAMPLES)


@pytest.fixture(scope="module", autouse=True)
def _no_emulator_bugs() -> Iterator[None]:
    """Whatever the checks saw, the emulator must not have logged a bug of its own."""
    yield
    assert APP.state.emulator.internal_errors == []


@schema.parametrize()
def test_operation(case: Any) -> None:
    run_case(case, TALLY, BACKENDS)


TestLinks = state_machine(
    schema,
    TALLY,
    BACKENDS,
    settings(
        max_examples=60,
        stateful_step_count=10,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    ),
    # The two flows' first links; all of them are walked by test_linked_workflow.
    required_links=frozenset({"GetCreatedJob", "GetCreatedSession"}),
)

BELL_JOB = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "shots": 100,
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuit": [
            {"gate": "h", "targets": [0]},
            {"gate": "cnot", "controls": [0], "targets": [1]},
        ],
    },
}
AUTH = {"Authorization": f"apiKey {KEY}"}  # hand-made cases do not get the config's headers
WORKFLOWS = {
    "createJob": BELL_JOB,
    "createSession": {"backend": "simulator", "settings": {"job_count_limit": 5}},
}


def _links_of(operation_id: str) -> dict[str, Any]:
    op = next(o for o in openapi.operations() if o.operation_id == operation_id)
    created = next(r for code, r in op.definition["responses"].items() if code.startswith("2"))
    links: dict[str, Any] = created.get("links", {})
    return links


@pytest.mark.parametrize("source", WORKFLOWS)
def test_linked_workflow(source: str) -> None:
    """Walk every link of a creating operation, in the spec's order, with all checks.

    Deterministic, unlike the stateful run: create → get → cost → probabilities →
    cancel → delete for a job; create → get → jobs → end for a session.
    """
    create = schema.find_operation_by_id(source)
    response = validated_call(
        create.Case(body=WORKFLOWS[source], media_type="application/json", headers=AUTH),
        TALLY,
        BACKENDS,
    )
    assert response.status_code == 201
    body = response.json()
    for name, link in _links_of(source).items():
        params = {
            k: body[v.removeprefix("$response.body#/")] for k, v in link["parameters"].items()
        }
        target = schema.find_operation_by_id(link["operationId"])
        case = target.Case(path_parameters=params, headers=AUTH)
        followed = validated_call(case, TALLY, BACKENDS)
        assert followed.status_code < 300, f"{name}: {followed.status_code} {followed.text}"
        TALLY.links.add(name)


def test_workflows_cover_every_link_of_the_spec() -> None:
    assert {name for source in WORKFLOWS for name in _links_of(source)} == spec_links(SPEC)


def test_every_operation_is_in_the_net() -> None:
    """A filter or an unparsable operation must not shrink the net silently."""
    labels = {result.ok().label for result in schema.get_all_operations()}
    assert labels == {f"{op.method} {op.path}" for op in openapi.operations()}
