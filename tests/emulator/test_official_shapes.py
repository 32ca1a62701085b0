"""Every answer of the emulator against IonQ's *official* response schemas.

Our own spec (``openapi/ionq-v0.4.yaml``) is checked by ``check_responses=True`` on
every server here; this module holds the emulator to IonQ's published document
instead: ``openapi.json`` of ``ionq-core`` (pinned by ``scripts.official``), with
what IonQ's own overlay (``openapi-overlay.yaml``) records about the live service
applied (``output.error_mitigation.debiasing`` may be ``false``, usage ``from`` is a
date-time, the cost's ``estimated_cost`` may be absent, the estimate's real shape).

Each test drives a server over HTTP on 127.0.0.1 with a client whose response hook
validates *every* answer against the schema IonQ documents for that operation and
status (OpenAPI 3.0's ``nullable`` turned into JSON Schema, ``#/components/...``
refs resolved inside IonQ's document, formats checked), and ends asserting that
nothing was violated. The few places where the emulator keeps a shape IonQ's
document does not describe are listed in ``DOCUMENT_ERRORS`` and
``URL_RESULTS_DEVIATION`` and asserted explicitly, never silently skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ionq_emulator import RunningEmulator
from scripts.official import PINNED, load_document, load_overlay
from scripts.official_diff import apply_overlay

from .conftest import INSTANT, FakeClock, Serve, bell, ghz, multi
from .test_function_jobs import QAOA_KEY, energy_payload, qaoa_payload

_URI = "urn:ionq-official"

#: Where IonQ's document contradicts IonQ's own data (see the API facts, "Document
#: errors to know"): a characterization's ``timing.*`` are fractional seconds and
#: ``fidelity.spam.stderr`` a fraction, but the document types them ``integer``.
#: The emulator keeps the fractional values; the validator is told they are numbers,
#: and ``test_characterizations_keep_fractional_timings`` asserts the deviation.
DOCUMENT_ERRORS: dict[str, dict[str, Any]] = {
    **{
        f"Characterization/properties/timing/properties/{name}": {"type": "number"}
        for name in ("t1", "t2", "1q", "2q", "readout", "reset")
    },
    "Characterization/properties/fidelity/properties/spam/properties/stderr": {
        "type": "number",
        "minimum": 0,
    },
}

#: qiskit-ionq 1.1.1 (and pennylane-ionq) follow ``results.probabilities.url``, a
#: shape IonQ's current document does not describe (it maps format ids to artifact
#: descriptors). ``results_style="urls"`` keeps serving it for them: on such a server
#: a job's ``results`` may be exactly this shape (recorded as a deviation, then the
#: rest of the job is validated with ``results`` as IonQ's documented null).
URL_RESULTS_DEVIATION = re.compile(
    r"^/v0\.4/jobs/[^/]+/results/(probabilities(/aggregated)?|histogram|shots)$"
)


def _url_results(results: Any) -> bool:
    return (
        isinstance(results, dict)
        and "probabilities" in results
        and all(
            isinstance(link, dict)
            and set(link) == {"url"}
            and URL_RESULTS_DEVIATION.match(link["url"]) is not None
            for link in results.values()
        )
    )


#: GetJob's anyOf names no culprit; the branch for the job's ``type`` does.
_JOB_BRANCH = {
    "ionq.multi-circuit.v1": "MultiCircuitJob",
    "qctrl.qaoa.v1": "QaoaJob",
    "quantum-function": "QuantumFunctionJob",
}


# ----------------------------------------------------------- IonQ's document


def _apply_overlay(document: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """IonQ's overlay applied, as ``make official`` applies it (every action must match)."""
    applied, unmatched = apply_overlay(document, overlay)
    assert unmatched == []
    return applied


def _json_schema(node: Any) -> Any:
    """OpenAPI 3.0 schema objects as JSON Schema: ``nullable: true`` admits null."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _json_schema(value) for key, value in node.items() if key != "nullable"}
    if node.get("nullable") is True:
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
            if "enum" in out:
                out["enum"] = [*out["enum"], None]
        else:
            return {"anyOf": [out, {"type": "null"}]}
    return out


@cache
def official() -> dict[str, Any]:
    """IonQ's pinned document with its overlay and the document errors applied."""
    document = _apply_overlay(load_document(PINNED), load_overlay(PINNED))
    schemas = document["components"]["schemas"]
    for where, replacement in DOCUMENT_ERRORS.items():
        *parents, last = where.split("/")
        node = schemas
        for part in parents:
            node = node[part]
        assert last in node, f"document error {where} is no longer in IonQ's document"
        node[last] = replacement
    converted: dict[str, Any] = _json_schema(document)
    return converted


@cache
def _registry() -> Registry[Any]:
    resource: Resource[Any] = Resource.from_contents(official(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(_URI, resource)
    return registry


@cache
def validator(pointer: str) -> Draft202012Validator:
    return Draft202012Validator(
        {"$ref": _URI + pointer},
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def violations(pointer: str, instance: Any) -> list[str]:
    return [
        f"{error.json_path}: {error.message}"
        for error in sorted(validator(pointer).iter_errors(instance), key=lambda e: list(e.path))
    ]


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class Route:
    method: str
    template: str
    pattern: re.Pattern[str]
    operation_id: str

    def schema_pointer(self, status: int) -> str | None:
        """IonQ's schema for this answer; None when IonQ documents the status without one."""
        path = f"#/paths/{_escape(self.template)}/{self.method.lower()}/responses"
        responses = official()["paths"][self.template][self.method.lower()]["responses"]
        key = str(status) if str(status) in responses else "default"
        pointer = f"{path}/{key}"
        response = responses[key]
        while "$ref" in response:
            pointer = response["$ref"]
            response = _at(pointer)
        if "schema" not in response.get("content", {}).get("application/json", {}):
            return None
        return f"{pointer}/content/application~1json/schema"

    def declares(self, status: int) -> bool:
        responses = official()["paths"][self.template][self.method.lower()]["responses"]
        return str(status) in responses or "default" in responses


def _at(pointer: str) -> Any:
    node: Any = official()
    for part in pointer.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


@cache
def routes() -> tuple[Route, ...]:
    """IonQ's operations, literal paths first (``/jobs/estimate`` is not a job id)."""
    found = []
    for template, item in official()["paths"].items():
        regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        for method, op in item.items():
            if isinstance(op, dict) and "responses" in op:
                found.append(
                    Route(method.upper(), template, re.compile(f"^{regex}$"), op["operationId"])
                )
    return tuple(sorted(found, key=lambda r: r.template.count("{")))


def route_of(method: str, path: str) -> Route | None:
    return next((r for r in routes() if r.method == method and r.pattern.match(path)), None)


# -------------------------------------------------------------- the checker


@dataclass
class Checked:
    """What the response hook saw: answers checked, violations, undocumented routes."""

    seen: list[tuple[str, int]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    deviations: list[str] = field(default_factory=list)
    undocumented: set[str] = field(default_factory=set)
    allow_url_results: bool = False

    def check(self, response: httpx.Response) -> None:
        response.read()
        request = response.request
        path = request.url.path.removeprefix("/v0.4")
        route = route_of(request.method, path)
        if route is None:  # e.g. /results/histogram, reached only through URL results
            self.undocumented.add(f"{request.method} {path}")
            return
        status = response.status_code
        where = f"{route.operation_id} {request.method} {path} -> {status}"
        self.seen.append((route.operation_id, status))
        if not route.declares(status):
            self.problems.append(f"{where}: IonQ does not declare this status")
            return
        pointer = route.schema_pointer(status)
        if pointer is None:
            return
        body = response.json()
        jobs = body.get("jobs", []) if isinstance(body, dict) else []
        for item in [body] if route.operation_id == "GetJob" else jobs:
            if self.allow_url_results and _url_results(item.get("results")):
                self.deviations.append(f"{where}: URL results {item['id']}")
                item["results"] = None
        found = violations(pointer, body)
        if found and route.operation_id == "GetJob":
            branch = _JOB_BRANCH.get(body.get("type"), "SingleCircuitJob")
            found = violations(f"#/components/schemas/{branch}", body) or found
        self.problems.extend(f"{where}: {problem}" for problem in found)

    def assert_clean(self, *operations: str) -> None:
        assert self.problems == [], "\n".join(self.problems)
        missing = set(operations) - {op for op, _ in self.seen}
        assert not missing, f"never exercised: {sorted(missing)}"


Connect = Callable[..., tuple[httpx.Client, Checked]]


@pytest.fixture
def connect() -> Iterator[Connect]:
    """An httpx client on an emulator whose every answer is checked against IonQ's."""
    clients: list[httpx.Client] = []

    def make(emulator: RunningEmulator, **checked: Any) -> tuple[httpx.Client, Checked]:
        seen = Checked(**checked)
        client = httpx.Client(
            base_url=emulator.url,
            headers={"Authorization": f"apiKey {emulator.key}"},
            timeout=10,
            event_hooks={"response": [seen.check]},
        )
        clients.append(client)
        return client, seen

    yield make
    for client in clients:
        client.close()


def submit(http: httpx.Client, payload: dict[str, Any]) -> str:
    answer = http.post("/jobs", json=payload)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def job(http: httpx.Client, job_id: str) -> dict[str, Any]:
    answer = http.get(f"/jobs/{job_id}")
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


NATIVE = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "input": {
        "gateset": "native",
        "qubits": 2,
        "circuit": [
            {"gate": "gpi", "target": 0, "phase": 0.1},
            {"gate": "gpi2", "target": 1, "phase": 0.2},
            {"gate": "ms", "targets": [0, 1], "phases": [0, 0], "angle": 0.25},
        ],
    },
}
QASM3 = {
    "type": "ionq.qasm3.v1",
    "backend": "simulator",
    "input": {
        "data": 'OPENQASM 3;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\n'
        "h q[0];\ncx q[0], q[1];\nc = measure q;\n"
    },
    # No settings.compilation: IonQ removed it from create payloads on Oct 1, 2026.
    "settings": {"error_mitigation": {"debiasing": False}},
}


# ------------------------------------------------------------------- jobs


def test_every_job_kind_completed_validates(serve: Serve, connect: Connect) -> None:
    """QIS, native, multi-circuit (parent and children), QASM 3, noisy simulator, QPU,
    dry run, settings and metadata: the job, its list items, results and artifacts."""
    http, checked = connect(serve(results_style="artifacts", **INSTANT))
    kinds = {
        "qis": bell(name="bell", metadata={"purpose": "shapes"}, shots=100),
        "native": NATIVE,
        "multi": multi(name="two circuits"),
        "qasm3": QASM3,
        "noisy": bell(noise={"model": "aria-1", "seed": 5}, shots=200),
        "noisy-unseeded": bell(noise={"model": "forte-1"}),
        "ideal-with-null-seed": bell(noise={"model": "ideal", "seed": None}),
        "qpu": bell(backend="qpu.forte-1", settings={"error_mitigation": {"debiasing": False}}),
        "qpu-aria": ghz(3, backend="qpu.aria-1"),
        "dry-run": bell(backend="qpu.forte-1", dry_run=True),
    }
    ids = {kind: submit(http, payload) for kind, payload in kinds.items()}
    views = {kind: job(http, job_id) for kind, job_id in ids.items()}
    assert {v["status"] for v in views.values()} == {"completed"}
    parent = views["multi"]
    children = [job(http, child) for child in parent["child_job_ids"]]
    assert len(children) == 2 and all(c["parent_job_id"] == ids["multi"] for c in children)

    # What IonQ requires of a job, precisely (beyond the schema's "valid").
    for view in [*views.values(), *children]:
        assert isinstance(view["output"], dict) and isinstance(view["settings"], dict)
        assert isinstance(view["predicted_wait_time_ms"], int)
        stats = view["stats"]
        assert isinstance(stats["predicted_quantum_compute_time_us"], int)
        if view["dry_run"]:  # never ran: no duration, nothing billed
            assert view["execution_duration_ms"] is None
            assert "billed_quantum_compute_time_us" not in stats
        else:
            assert isinstance(view["execution_duration_ms"], int)
            assert isinstance(stats["billed_quantum_compute_time_us"], int)
        assert ("noise" in view) is (view["backend"] == "simulator")
    assert views["qis"]["child_job_ids"] is None and children[0]["child_job_ids"] is None
    assert views["qis"]["noise"] == {"model": "ideal"}
    assert views["ideal-with-null-seed"]["noise"] == {"model": "ideal"}
    assert views["noisy"]["noise"] == {"model": "aria-1", "seed": 5}
    assert views["qpu"]["settings"] == {"error_mitigation": {"debiasing": False}}
    assert views["qasm3"]["settings"] == QASM3["settings"]
    assert views["qis"]["output"] == {"error_mitigation": {"debiasing": False}}
    assert parent["output"] == {} and views["dry-run"]["output"] == {}
    assert views["dry-run"]["results"] is None
    assert list(parent["results"]) == ["ionq.result.probabilities-aggregate.json.v1"]

    # Results: probabilities, and every artifact against IonQ's schema of its format.
    for kind, view in views.items():
        if kind == "dry-run":
            continue
        if kind != "multi":
            assert http.get(f"/jobs/{view['id']}/results/probabilities").status_code == 200
        for fmt, descriptor in view["results"].items():
            answer = http.get(f"/jobs/{view['id']}/artifacts/{descriptor['id']}")
            assert answer.status_code == 200, answer.text
            catalog = f"#/components/schemas/ResultFormatsCatalog/properties/{_escape(fmt)}"
            assert violations(catalog, answer.json()) == [], (kind, fmt)

    # Lists: GET /jobs (top level, then a parent's children, then by ids) and pages.
    for query in ({}, {"parent_job_id": ids["multi"]}, {"ids": list(ids.values())}, {"limit": 2}):
        listed = http.get("/jobs", params=query)
        assert listed.status_code == 200
        assert all("child_job_ids" not in item for item in listed.json()["jobs"])
    checked.assert_clean("CreateJob", "GetJob", "GetJobs", "GetJobProbabilities", "GetJobArtifact")


def test_a_job_validates_in_every_status_on_the_clock(serve: Serve, connect: Connect) -> None:
    """submitted, ready, started, completed; failed at compilation and while running;
    canceled; and each one's cost on the way."""
    clock = FakeClock()
    http, checked = connect(
        serve(
            clock=clock, ready_after=1.0, start_after=1.0, run_time=2.0, results_style="artifacts"
        )
    )
    qpu = submit(http, bell(backend="qpu.aria-1"))
    simulated = submit(http, multi())
    too_wide = submit(http, ghz(30, backend="qpu.aria-1"))  # NotEnoughQubits at ready
    too_big = submit(http, ghz(30, backend="qpu.forte-1"))  # SimulationError once run
    canceled = submit(http, bell())
    seen: dict[str, set[str]] = {}
    for step in range(6):
        if step == 1:
            assert http.put(f"/jobs/{canceled}/status/cancel").status_code == 200
        for job_id in (qpu, simulated, too_wide, too_big, canceled):
            view = job(http, job_id)
            seen.setdefault(job_id, set()).add(view["status"])
            if view["status"] != "completed":
                assert "billed_quantum_compute_time_us" not in view["stats"]
                assert view["results"] is None and view["output"] == {}
            for child in view["child_job_ids"] or ():
                job(http, child)
            assert http.get(f"/jobs/{job_id}/cost").status_code == 200
        assert http.get("/jobs").status_code == 200
        clock.advance(1.0)
    assert seen[qpu] == {"submitted", "ready", "started", "completed"}
    assert seen[too_wide] == {"submitted", "failed"}
    assert "failed" in seen[too_big] and "canceled" in seen[canceled]
    assert job(http, too_big)["failure"]["code"] == "SimulationError"
    checked.assert_clean("GetJob", "GetJobs", "GetJobCost", "CancelJob")


def test_job_changes_and_bulk_answers_validate(serve: Serve, connect: Connect) -> None:
    clock = FakeClock()
    http, checked = connect(
        serve(
            clock=clock, ready_after=1.0, start_after=1.0, run_time=1.0, results_style="artifacts"
        )
    )
    ids = [submit(http, bell()) for _ in range(4)]
    assert http.post(f"/jobs/{ids[0]}/clone", json={"shots": 10}).status_code == 201
    assert http.post(f"/jobs/{ids[1]}/move", json={"name": "moved"}).status_code == 201
    assert http.put("/jobs/status/cancel", json={"ids": ids[2:]}).status_code == 200
    assert http.delete(f"/jobs/{ids[0]}").status_code == 200
    assert http.request("DELETE", "/jobs", json={"ids": ids[1:]}).status_code == 200
    checked.assert_clean("CloneJob", "MoveJob", "CancelJobs", "DeleteJob", "DeleteJobs")


def test_url_results_are_the_one_kept_deviation(serve: Serve, connect: Connect) -> None:
    """``results_style="urls"``: for qiskit-ionq 1.1.1 / pennylane-ionq, which follow
    ``results.probabilities.url``. Everything but ``results`` still validates."""
    http, checked = connect(serve(results_style="urls", **INSTANT), allow_url_results=True)
    single = job(http, submit(http, bell()))
    parent = job(http, submit(http, multi()))
    assert single["results"]["probabilities"] == {
        "url": f"/v0.4/jobs/{single['id']}/results/probabilities"
    }
    assert parent["results"] == {
        "probabilities": {"url": f"/v0.4/jobs/{parent['id']}/results/probabilities/aggregated"}
    }
    for url in (
        *(link["url"] for link in single["results"].values()),
        parent["results"]["probabilities"]["url"],
    ):
        assert http.get(url.removeprefix("/v0.4")).status_code == 200
    http.get("/jobs")
    checked.assert_clean("GetJob", "GetJobs")
    # The deviation is exactly the results field of the completed jobs, nothing else.
    urls = [d for d in checked.deviations if d.startswith("GetJob GET")]
    assert len(urls) == 2, checked.deviations  # the two GETs of completed jobs
    assert checked.undocumented == {
        f"GET /jobs/{single['id']}/results/histogram",
        f"GET /jobs/{single['id']}/results/shots",
        f"GET /jobs/{parent['id']}/results/probabilities/aggregated",
    }


def test_the_default_results_style_is_artifacts(serve: Serve, connect: Connect) -> None:
    http, checked = connect(serve(**INSTANT))
    view = job(http, submit(http, bell()))
    assert set(view["results"]) == {
        f"ionq.result.{kind}.json.v1" for kind in ("probabilities", "histogram", "shots")
    }
    checked.assert_clean("GetJob")


def test_function_jobs_validate_in_their_final_states(serve: Serve, connect: Connect) -> None:
    """A quantum function completed and failed, a QAOA job failed (and a dry run of
    each): GET /jobs/{id} and GET /jobs against IonQ's QuantumFunctionJob / QaoaJob."""
    http, checked = connect(serve(results_style="artifacts", **INSTANT))
    terms = [{"pauli_string": "ZZ", "coefficient": 0.5}, {"pauli_string": "XI", "coefficient": 1}]
    unknown = energy_payload(terms, [0.1, 0.2])
    unknown["input"] = {"type": "some-other-function", "data": {}, "params": [1.0]}
    kinds = {
        "energy": energy_payload(terms, [0.1, 0.2], name="vqe", metadata={"step": "1"}),
        "energy-qpu": energy_payload(terms, [0.1, 0.2], backend="qpu.forte-1"),
        "energy-dry": energy_payload(terms, [0.1, 0.2], dry_run=True),
        "energy-unknown": unknown,
        "qaoa": qaoa_payload(settings={"error_mitigation": {"debiasing": False}}),
        "qaoa-dry": qaoa_payload(dry_run=True),
    }
    ids = {kind: submit(http, payload) for kind, payload in kinds.items()}
    views = {kind: job(http, job_id) for kind, job_id in ids.items()}
    assert views["energy"]["status"] == views["energy-qpu"]["status"] == "completed"
    assert set(views["energy"]["results"]) == {"value", "variance"}
    assert views["energy-dry"]["status"] == "completed" and views["energy-dry"]["results"] is None
    assert views["energy-unknown"]["failure"]["code"] == "SimulationError"
    assert views["qaoa"]["failure"]["code"] == "OptimizationError"
    assert views["qaoa"]["settings"] == {"error_mitigation": {"debiasing": False}}
    listed = http.get("/jobs", params={"ids": list(ids.values())})
    assert {item["type"] for item in listed.json()["jobs"]} == {"quantum-function", "qctrl.qaoa.v1"}
    assert QAOA_KEY not in listed.text and all(QAOA_KEY not in str(v) for v in views.values())
    checked.assert_clean("CreateJob", "GetJob", "GetJobs")


def test_function_jobs_validate_on_the_clock(serve: Serve, connect: Connect) -> None:
    clock = FakeClock()
    http, checked = connect(serve(clock=clock, ready_after=1.0, start_after=1.0, run_time=1.0))
    energy = submit(http, energy_payload([{"pauli_string": "Z0", "coefficient": 1}], [0, 0]))
    qaoa = submit(http, qaoa_payload())
    seen: dict[str, list[str]] = {energy: [], qaoa: []}
    for _ in range(4):
        for job_id in seen:
            seen[job_id].append(job(http, job_id)["status"])
        http.get("/jobs")
        clock.advance(1.0)
    assert seen[energy] == ["submitted", "ready", "started", "completed"]
    assert seen[qaoa] == ["submitted", "failed", "failed", "failed"]
    checked.assert_clean("GetJob", "GetJobs")


# ------------------------------------------------------- sessions and money


def test_sessions_and_their_jobs_validate(serve: Serve, connect: Connect) -> None:
    clock = FakeClock()
    http, checked = connect(
        serve(
            clock=clock, ready_after=1.0, start_after=1.0, run_time=1.0, results_style="artifacts"
        )
    )
    bare = http.post("/sessions", json={"backend": "simulator"})
    limited = http.post(
        "/sessions",
        json={
            "backend": "qpu.aria-1",
            "settings": {
                "job_count_limit": 3,
                "duration_limit_min": 30,
                "cost_limit": {"unit": "usd", "value": 500},
            },
        },
    )
    assert bare.status_code == limited.status_code == 201
    assert bare.json()["settings"] == {}
    assert set(limited.json()["settings"]) == {
        "job_count_limit",
        "duration_limit_min",
        "cost_limit",
        "expires_at",
    }
    session_id = limited.json()["id"]
    first = submit(http, bell(backend="qpu.aria-1", session_id=session_id))
    clock.advance(5.0)
    submit(http, bell(backend="qpu.aria-1", session_id=session_id))
    assert job(http, first)["session_id"] == session_id
    assert http.get(f"/sessions/{session_id}").status_code == 200
    assert http.get(f"/sessions/{session_id}/jobs").status_code == 200
    assert http.get("/sessions", params={"active": "true"}).status_code == 200
    assert http.post(f"/sessions/{session_id}/end").status_code == 200
    assert http.get("/sessions").status_code == 200
    assert http.get(f"/sessions/{session_id}/jobs").status_code == 200
    checked.assert_clean(
        "CreateSession", "GetSession", "GetSessions", "EndSession", "GetSessionJobs"
    )


def test_cost_estimate_and_usage_validate(serve: Serve, connect: Connect) -> None:
    emulator = serve(results_style="artifacts", **INSTANT)
    http, checked = connect(emulator)
    for payload in (bell(), bell(backend="qpu.aria-1"), multi(backend="qpu.forte-1")):
        assert http.get(f"/jobs/{submit(http, payload)}/cost").status_code == 200
    assert http.get(f"/jobs/{submit(http, bell(dry_run=True))}/cost").status_code == 200
    for backend in ("simulator", "qpu.aria-1", "qpu.forte-1"):
        query = {"backend": backend, "qubits": 4, "shots": 500, "1q_gates": 8, "2q_gates": 3}
        estimate = http.get("/jobs/estimate", params=query).json()
        assert isinstance(estimate["estimated_execution_time"], int)
        assert isinstance(estimate["current_predicted_queue_time"], int)
    assert http.get("/whoami").json()["key_name"]
    org_id = http.get("/sessions").json()["organization_id"]
    for group_by in ("job", "project", "user"):
        for modality in ("daily", "weekly", "monthly"):
            params = {
                "start_date": "2000-01-01",
                "end_date": "2100-01-01",
                "group_by": group_by,
                "modality": modality,
            }
            report = http.get(f"/organizations/{org_id}/usage", params=params).json()
            assert report["job_count"] == 3 and report["usage_data"]
            row = report["usage_data"][0]
            assert set(row) >= {"from", "job_count", "amount", "time_us", "group_usages"}
    bad = {
        "start_date": "2026-02-01",
        "end_date": "2026-01-01",
        "group_by": "job",
        "modality": "daily",
    }
    reversed_range = http.get(f"/organizations/{org_id}/usage", params=bad)
    assert reversed_range.status_code == 200 and reversed_range.json()["usage_data"] == []
    checked.assert_clean("GetJobCost", "EstimateJobCost", "get-usages", "getWhoami")


# ------------------------------------------------- backends, schemas, account


def test_backends_and_characterizations_validate(serve: Serve, connect: Connect) -> None:
    http, checked = connect(serve(**INSTANT))
    backends = http.get("/backends").json()
    for backend in backends:
        http.get(f"/backends/{backend['backend']}")
        page = http.get(f"/backends/{backend['backend']}/characterizations", params={"limit": 2})
        for item in page.json()["characterizations"]:
            http.get(f"/backends/{backend['backend']}/characterizations/{item['id']}")
    simulator = next(b for b in backends if b["backend"] == "simulator")
    assert "characterization_id" not in simulator and "location" not in simulator
    checked.assert_clean(
        "getBackends", "getBackend", "getCharacterizationsForBackend", "getCharacterization"
    )


def test_characterizations_keep_fractional_timings(serve: Serve) -> None:
    """The DOCUMENT_ERRORS deviation: IonQ's document says integer, its data are not."""
    emulator = serve(**INSTANT)
    page = httpx.get(f"{emulator.url}/backends/qpu.aria-1/characterizations?limit=1").json()
    (snapshot,) = page["characterizations"]
    assert not isinstance(snapshot["timing"]["2q"], int)
    assert not isinstance(snapshot["fidelity"]["spam"]["stderr"], int)
    raw = _apply_overlay(load_document(PINNED), load_overlay(PINNED))
    timing = raw["components"]["schemas"]["Characterization"]["properties"]["timing"]
    assert timing["properties"]["2q"]["type"] == "integer"  # still the document's error


def _format_ids() -> list[str]:
    return list(official()["components"]["schemas"]["Formats"]["enum"])


@pytest.mark.parametrize("format_id", _format_ids())
def test_format_schema_documents_validate(
    emulator: RunningEmulator, connect: Connect, format_id: str
) -> None:
    http, checked = connect(emulator)
    assert http.get(f"/schemas/formats/{format_id}").status_code == 200
    checked.assert_clean("GetFormatSchema")


def test_the_overlay_matters_here() -> None:
    """Without IonQ's overlay a completed job's ``debiasing: false`` would not validate."""
    bare = _json_schema(load_document(PINNED))
    output = {"error_mitigation": {"debiasing": False}}
    schema = bare["components"]["schemas"]["ErrorMitigationOutput"]["properties"]["debiasing"]
    assert schema["type"] == "object"
    assert violations("#/components/schemas/CircuitJobOutput", output) == []
