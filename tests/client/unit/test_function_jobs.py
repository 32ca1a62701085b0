"""Quantum-function and Q-CTRL QAOA jobs in the client: the payload rules (checked
against the spec's own schema), the HamiltonianEnergy builder, reading their results
from the job, and the Q-CTRL key kept out of every error, log line and pickle.

The HTTP cases run both clients over respx (``make_client`` from the HTTP room).
"""

from __future__ import annotations

import copy
import json
import logging
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from hypothesis import given, settings
from ionq_api.models import QaoaJobPayload, QuantumFunctionJobPayload
from schemathesis.generation import GenerationMode

from ionq_client import (
    ErrorMitigation,
    FunctionResult,
    HamiltonianEnergy,
    IonQBatchError,
    IonQError,
    IonQJobFailedError,
    IonQResponseError,
    IonQValidationError,
    QaoaResult,
)
from ionq_client._submission import (
    SUBMISSION_TAG_KEY,
    batch_payloads,
    payload_secrets,
    scrub,
    submission_payload,
)
from ionq_client.job import validate_payload
from ionq_emulator import openapi
from tests.client.http.conftest import make_client, mock_api  # noqa: F401 (fixtures)
from tests.client.unit.test_job_properties import SEMANTIC, SETTINGS, _synthetic
from tests.support.payloads import edited

QCTRL_KEY = "qctrl-key-5f2b9c0e7d1a4b3c"
PAYLOAD_SCHEMA = openapi.schema_validator("JobCreationPayload")

ANSATZ = """OPENQASM 3.0;
include "stdgates.inc";
// one parameter per qubit
input float[64] theta;
input float[64] phi;
qubit[2] q;
ry(theta) q[0];
cx q[0], q[1];
rx(phi) q[1];
"""


def energy() -> dict[str, Any]:
    return {
        "type": "quantum-function",
        "backend": "simulator",
        "shots": 1000,
        "input": {
            "data": {
                "type": "hamiltonian-energy",
                "data": {
                    "hamiltonian": [
                        {"pauli_string": "ZZ", "coefficient": 0.5},
                        {"pauli_string": "X0 Y1", "coefficient": -1.25},
                    ],
                    "ansatz": {"data": ANSATZ},
                },
            },
            "params": [0.3, -0.7],
        },
    }


def qaoa() -> dict[str, Any]:
    return {
        "type": "qctrl.qaoa.v1",
        "backend": "simulator",
        "input": {
            "problem_type": "maxcut",
            "problem": {
                "directed": False,
                "multigraph": False,
                "graph": [],
                "nodes": [{"id": 0}, {"id": 1}],
                "adjacency": [[{"id": 1}], [{"id": 0}]],
            },
        },
        "external_settings": {"api_credentials": QCTRL_KEY},
    }


def refused(payload: Any) -> IonQValidationError:
    with pytest.raises(IonQValidationError) as raised:
        validate_payload(payload)
    return raised.value


# ------------------------------------------------------------------ the payload rules


@pytest.mark.parametrize("make", [energy, qaoa])
def test_valid_payloads_pass_in_every_form_and_the_spec_agrees(make: Callable[[], Any]) -> None:
    payload = make()
    assert openapi.errors(PAYLOAD_SCHEMA, payload) == []
    model_class = (
        QuantumFunctionJobPayload if payload["type"] == "quantum-function" else QaoaJobPayload
    )
    model = model_class.from_dict(copy.deepcopy(payload))
    assert submission_payload(payload) == payload
    assert submission_payload(model) == payload
    assert batch_payloads([payload, model]) == [payload, payload]


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A change to the payload: the copy with the key at ``path`` set (or, with
    ``...``, deleted)."""
    return lambda payload: edited(payload, path, value)


H = "input.data.data.hamiltonian"
# (payload maker, change, the field named, whether the spec's schema refuses it too:
# the rest are rules the schema cannot state, which IonQ fails after accepting the job)
CASES = [
    (energy, _set("noise", {"model": "ideal"}), "noise", True),
    (energy, _set("lang", "json"), "lang", True),
    (energy, _set("external_settings", {"api_credentials": "x"}), "external_settings", True),
    (energy, _set("input.data.type", "qcqp"), "input.data.type", True),
    (energy, _set("input.extra", 1), "input.extra", True),
    (energy, _set(H, []), H, True),
    (energy, _set(f"{H}.0.coefficient", "0.5"), f"{H}[0].coefficient", True),
    (energy, _set(f"{H}.0.coefficient", True), f"{H}[0].coefficient", True),
    (energy, _set(f"{H}.1.pauli_string", ...), f"{H}[1].pauli_string", True),
    (energy, _set(f"{H}.1.pauli_string", "XQ"), f"{H}[1].pauli_string", False),
    (energy, _set(f"{H}.1.pauli_string", "X0 Y0"), f"{H}[1].pauli_string", False),
    (energy, _set("input.data.data.ansatz", ...), "input.data.data.ansatz", True),
    (energy, _set("input.data.data.ansatz.data", "qubit q;"), "input.data.data.ansatz.data", False),
    (energy, _set("input.params", [0.3]), "input.params", False),
    (energy, _set("input.params", ...), "input.params", False),
    (energy, _set("input.params", [0.3, "1"]), "input.params[1]", True),
    (energy, _set("input.data.data.penalty", "high"), "input.data.data.penalty", True),
    (
        energy,
        _set("input.data.data.linear_constraints", [{"coeffs": [1, 2]}]),
        "input.data.data.linear_constraints[0].rhs",
        True,
    ),
    (energy, _set("shots", 0), "shots", True),
    (energy, _set("settings", {"compilation": {}}), "settings.compilation", True),
    (qaoa, _set("noise", {"model": "ideal"}), "noise", True),
    (qaoa, _set("external_settings", ...), "external_settings", True),
    (
        qaoa,
        _set("external_settings.api_credentials", ...),
        "external_settings.api_credentials",
        True,
    ),
    (
        qaoa,
        _set("external_settings.api_credentials", ""),
        "external_settings.api_credentials",
        True,
    ),
    (qaoa, _set("input.problem_type", "tsp"), "input.problem_type", True),
    (qaoa, _set("input.problem", "K2"), "input.problem", True),
    (qaoa, _set("input.problem", ...), "input.problem", True),
    (qaoa, _set("type", "qctrl.qaoa.v2"), "type", True),
]


@pytest.mark.parametrize(("make", "change", "field", "schema_refuses"), CASES)
def test_a_bad_payload_is_refused_naming_the_field(
    make: Callable[[], dict[str, Any]],
    change: Callable[[dict[str, Any]], dict[str, Any]],
    field: str,
    schema_refuses: bool,
) -> None:
    payload = change(make())
    assert refused(payload).field == field
    # The validator and the spec agree, except on the rules the schema cannot state.
    assert bool(openapi.errors(PAYLOAD_SCHEMA, payload)) is schema_refuses


FUZZ = _synthetic(["QuantumFunctionJobPayload", "QaoaJobPayload"])
FUZZ_SETTINGS = settings(SETTINGS, max_examples=40)


@pytest.mark.parametrize("name", ["QuantumFunctionJobPayload", "QaoaJobPayload"])
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_validator_and_the_spec_agree_on_drawn_payloads(
    name: str, mode: GenerationMode
) -> None:
    """Drawn from the spec (hypothesis, deterministic): what the validator passes the
    spec accepts, and what the spec accepts the validator passes, bar semantic rules."""
    strategy = FUZZ[f"/_fuzz/{name}"]["POST"].as_strategy(generation_mode=mode)

    @FUZZ_SETTINGS
    @given(strategy.map(lambda case: case.body))
    def check(body: Any) -> None:
        try:
            validate_payload(body)
        except IonQValidationError as error:
            assert mode is GenerationMode.NEGATIVE or SEMANTIC.search(error.problem), error
            return
        assert openapi.errors(PAYLOAD_SCHEMA, body) == []

    check()


def test_the_generic_form_and_open_objects_pass_as_the_spec_allows() -> None:
    generic = energy()
    generic["input"] = {"type": "qcqp-objective", "data": {"a": 1}, "params": [1.0]}
    validate_payload(generic)
    # IonQ's document leaves these objects open: an extra key there is not ours to refuse.
    extra = energy()
    extra["input"]["data"]["data"]["hamiltonian"][0]["label"] = "zz"
    extra["input"]["data"]["data"]["cvar_alpha"] = 0.25
    extra["input"]["data"]["extra"] = True
    tagged = qaoa()
    tagged["external_settings"]["external_organization"] = "acme"
    for payload in (generic, extra, tagged):
        validate_payload(payload)
        assert openapi.errors(PAYLOAD_SCHEMA, payload) == []


def test_the_generic_hamiltonian_energy_form_is_checked_like_the_other() -> None:
    generic = energy()
    inner = generic["input"]["data"]["data"]
    inner["hamiltonian"][0]["pauli_string"] = "ZQ"
    generic["input"] = {"type": "hamiltonian-energy", "data": inner, "params": [0.1, 0.2]}
    assert refused(generic).field == "input.data.hamiltonian[0].pauli_string"


def test_ansatz_parameters_are_counted_past_comments_and_on_one_line() -> None:
    payload = energy()
    payload["input"]["data"]["data"]["ansatz"]["data"] = (
        "OPENQASM 3; /* input float[64] ghost; */ input float a; input angle[32] b;\n"
        "// input float c;\nqubit[2] q; rx(a) q[0]; ry(b) q[1];"
    )
    validate_payload(payload)  # two declared, two given
    payload["input"]["params"] = [1.0, 2.0, 3.0]
    assert "declares 2" in refused(payload).problem


# ---------------------------------------------------------------- HamiltonianEnergy


def test_the_builder_makes_the_dict_form() -> None:
    built = HamiltonianEnergy(
        ansatz=ANSATZ,
        hamiltonian=[(0.5, "ZZ"), (-1.25, "X0 Y1")],
        params=[0.3, -0.7],
        shots=1000,
    ).to_payload()
    assert built == energy()
    json.dumps(built)


def test_the_builder_takes_numpy_numbers_and_new_params() -> None:
    np = pytest.importorskip("numpy")
    job = HamiltonianEnergy(
        ansatz=ANSATZ,
        hamiltonian=[(np.float32(0.5), "ZZ"), (np.int64(2), "IX")],
        params=np.array([0.1, 0.2]),
        name="vqe",
        metadata={"step": "0"},
        error_mitigation=ErrorMitigation(debiasing=False),
        session_id="s-1",
        dry_run=True,
    )
    payload = job.to_payload()
    json.dumps(payload)
    terms = payload["input"]["data"]["data"]["hamiltonian"]
    assert [t["coefficient"] for t in terms] == [0.5, 2.0]
    assert payload["settings"] == {"error_mitigation": {"debiasing": False}}
    assert (payload["name"], payload["session_id"], payload["dry_run"]) == ("vqe", "s-1", True)
    assert job.with_params([1.0, 2.0]).to_payload()["input"]["params"] == [1.0, 2.0]
    assert job.to_payload()["input"]["params"] == [0.1, 0.2]  # frozen: the original stays


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"hamiltonian": [(1.0, "ZZ"), (1.0, "ZA")]}, "hamiltonian[1].pauli_string"),
        ({"hamiltonian": [("ZZ", 1.0)]}, "hamiltonian[0]"),
        ({"hamiltonian": [(1.0,)]}, "hamiltonian[0]"),
        ({"hamiltonian": []}, "hamiltonian"),
        ({"hamiltonian": {"ZZ": 1.0}}, "hamiltonian"),
        ({"params": [0.1]}, "params"),
        ({"params": [0.1, float("nan")]}, "params[1]"),
        ({"ansatz": "qubit q;"}, "ansatz"),
        ({"shots": 0}, "shots"),
        ({"error_mitigation": {"debiasing": True}}, "error_mitigation"),
        ({"dry_run": "yes"}, "dry_run"),
    ],
)
def test_the_builders_errors_name_its_own_fields(fields: dict[str, Any], field: str) -> None:
    values: dict[str, Any] = {
        "ansatz": ANSATZ,
        "hamiltonian": [(1.0, "ZZ")],
        "params": [0.1, 0.2],
        **fields,
    }
    with pytest.raises(IonQValidationError) as raised:
        submission_payload(HamiltonianEnergy(**values))
    assert raised.value.field == field


# ------------------------------------------------------------------------- secrecy


def _texts(error: BaseException) -> list[str]:
    texts = [str(error), repr(error), *map(str, getattr(error, "__notes__", []))]
    texts += [str(value) for value in vars(error).values()]
    return texts


def _leaks(error: BaseException) -> list[str]:
    found = [text for text in _texts(error) if QCTRL_KEY in text]
    if QCTRL_KEY.encode() in pickle.dumps(error):
        found.append("pickle")
    return found


@pytest.mark.parametrize(
    "change",
    [
        _set("input.problem_type", "tsp"),
        _set("external_settings.api_credentials", [QCTRL_KEY]),
        _set("external_settings.api_credentials", {"key": QCTRL_KEY}),
        _set("external_settings", QCTRL_KEY),
        _set("external_settings.external_organization", ["acme", QCTRL_KEY]),
        _set("backend", 5),
        _set("noise", {"model": QCTRL_KEY}),
    ],
)
def test_no_validation_error_quotes_the_qctrl_key(
    change: Callable[[dict[str, Any]], dict[str, Any]],
) -> None:
    payload = change(qaoa())
    with pytest.raises(IonQValidationError) as raised:
        submission_payload(payload)
    assert _leaks(raised.value) == []
    with pytest.raises(IonQValidationError) as in_batch:
        batch_payloads([qaoa(), payload])
    assert in_batch.value.field.startswith("jobs[1].") and _leaks(in_batch.value) == []


def test_the_secret_is_found_only_where_it_lives() -> None:
    assert payload_secrets(qaoa()) == (QCTRL_KEY,)
    assert payload_secrets(energy()) == payload_secrets(None) == ()
    assert payload_secrets({"external_settings": {"api_credentials": 5}}) == ()


def test_scrub_reaches_every_text_and_the_error_it_came_from() -> None:
    from ionq_client._exceptions import api_error_from_response

    cause = IonQError(f"lookup echoed {QCTRL_KEY}")
    error = api_error_from_response(
        400,
        {"x-request-id": QCTRL_KEY},
        json.dumps({"message": f"bad body {QCTRL_KEY}", "validation": {"keys": [QCTRL_KEY]}}),
    )
    error.add_note(f"note {QCTRL_KEY}")
    error.__cause__ = cause
    assert _leaks(error)  # the test can see a leak
    scrub(error, (QCTRL_KEY,))
    assert _leaks(error) == [] and _leaks(cause) == []
    assert "<redacted>" in str(error) and "bad body" in str(error)


# ---------------------------------------------- secrecy over HTTP (both clients, respx)

Make = Callable[..., Any]


def _echo(request: httpx.Request) -> str:
    return request.content.decode()


@pytest.mark.parametrize(
    "status",
    [400, 422, 500, 201],
    ids=["400-echo", "422-echo", "500-echo-retried", "201-off-spec-echo"],
)
def test_an_echoed_request_puts_the_key_in_no_error_nor_log(
    make_client: Make,  # noqa: F811
    mock_api: respx.MockRouter,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
    status: int,
) -> None:
    client = make_client(max_retries=1)
    caplog.set_level(logging.DEBUG)
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(_echo(request))
        body = {"error": "Bad", "message": f"you sent {_echo(request)}", "statusCode": status}
        return httpx.Response(status, json=body)

    mock_api.post("/jobs").mock(side_effect=answer)
    mock_api.get("/jobs").respond(200, json={"jobs": []})  # the lookup after a 500
    with pytest.raises(IonQError) as raised:
        client.submit_job(qaoa())
    assert QCTRL_KEY in sent[0]  # the key did go to IonQ, and was echoed
    assert _leaks(raised.value) == []
    assert QCTRL_KEY not in caplog.text
    assert "POST" in caplog.text  # the attempts were logged, without the key
    if status == 500:
        assert len(sent) == 2 and "retry 1 of 1" in caplog.text


def test_a_batch_error_holds_no_key(
    make_client: Make,  # noqa: F811
    mock_api: respx.MockRouter,  # noqa: F811
) -> None:
    client = make_client(max_retries=0)

    def answer(request: httpx.Request) -> httpx.Response:
        if b"qctrl" in request.content:
            return httpx.Response(400, json={"message": f"echo {_echo(request)}"})
        return httpx.Response(201, json={"id": "j-1", "status": "submitted"})

    mock_api.post("/jobs").mock(side_effect=answer)
    with pytest.raises(IonQBatchError) as raised:
        client.submit_many([energy(), qaoa()], concurrency=1)
    assert _leaks(raised.value) == []
    assert all(_leaks(error) == [] for error in raised.value.errors.values())
    assert QCTRL_KEY.encode() not in pickle.dumps(raised.value)


def test_a_submission_is_tagged_so_it_is_never_made_twice(
    make_client: Make,  # noqa: F811
    mock_api: respx.MockRouter,  # noqa: F811
) -> None:
    """A 502 after the job was created: the lookup finds it by its tag, no second POST."""
    client = make_client(max_retries=2)
    posted: list[dict[str, Any]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        posted.append(json.loads(request.content))
        return httpx.Response(502, text="bad gateway")

    def listing(request: httpx.Request) -> httpx.Response:
        tag = posted[0]["metadata"][SUBMISSION_TAG_KEY]
        job = {"id": "fn-1", "status": "submitted", "metadata": {SUBMISSION_TAG_KEY: tag}}
        return httpx.Response(200, json={"jobs": [job]})

    mock_api.post("/jobs").mock(side_effect=answer)
    mock_api.get("/jobs").mock(side_effect=listing)
    created = client.submit_job(
        HamiltonianEnergy(ansatz=ANSATZ, hamiltonian=[(1.0, "ZZ")], params=[0, 0])
    )
    assert created.id == "fn-1" and len(posted) == 1


# ------------------------------------------------------------ results (both clients)


def _job(job_type: str, status: str, **fields: Any) -> dict[str, Any]:
    return {"id": "job-1", "type": job_type, "status": status, "backend": "simulator", **fields}


def test_a_quantum_functions_result_is_read_from_the_job(
    make_client: Make,  # noqa: F811
    mock_api: respx.MockRouter,  # noqa: F811
) -> None:
    client = make_client()
    done = _job("quantum-function", "completed", results={"value": -0.75, "variance": 0.002})
    route = mock_api.get("/jobs/job-1").respond(200, json=done)
    result = client.get_results("job-1")
    assert result == FunctionResult(value=-0.75, variance=0.002, job_id="job-1")
    assert route.call_count == 1  # no results endpoint exists for it: none was asked
    with pytest.raises(IonQValidationError) as raised:
        client.get_results("job-1", sharpen=True)
    assert raised.value.field == "sharpen"


def test_a_qaoa_result_is_typed(
    make_client: Make,  # noqa: F811
    mock_api: respx.MockRouter,  # noqa: F811
) -> None:
    client = make_client()
    found = {"optimal_cost": -3.0, "optimal_bitstring": "0101", "processing_status": "complete"}
    done = _job("qctrl.qaoa.v1", "completed", results={"qaoa_results": found})
    mock_api.get("/jobs/job-1").respond(200, json=done)
    assert client.get_results("job-1") == QaoaResult(-3.0, "0101", "complete", "job-1")


def test_a_completed_job_without_its_value_is_a_response_error(
    make_client: Make,  # noqa: F811
    mock_api: respx.MockRouter,  # noqa: F811
) -> None:
    client = make_client()
    mock_api.get("/jobs/job-1").respond(200, json=_job("quantum-function", "completed"))
    with pytest.raises(IonQResponseError, match="without a value"):
        client.get_results("job-1")


def test_a_failed_qaoa_job_raises_its_code(
    make_client: Make,  # noqa: F811
    mock_api: respx.MockRouter,  # noqa: F811
) -> None:
    client = make_client()
    failure = {"code": "OptimizationError", "message": "Q-CTRL is unreachable"}
    mock_api.get("/jobs/job-1").respond(200, json=_job("qctrl.qaoa.v1", "failed", failure=failure))
    for call in (client.get_results, client.wait_for_job):
        with pytest.raises(IonQJobFailedError) as raised:
            call("job-1")
        assert raised.value.code == "OptimizationError" and raised.value.job_id == "job-1"


def test_a_request_s_repr_leaves_its_body_out() -> None:
    """The request object a driver sends: printing it (a debugger, a log of ``%r``)
    must not show a QAOA job's Q-CTRL key."""
    from ionq_client._requests import create_job

    request = create_job(qaoa())
    assert QCTRL_KEY not in repr(request)
    assert request.json["external_settings"]["api_credentials"] == QCTRL_KEY
