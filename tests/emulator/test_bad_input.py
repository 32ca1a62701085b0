"""Client mistakes get IonQ's documented 4xx error body, never a 500."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from ionq_emulator import RunningEmulator
from tests.support.payloads import edited

from .conftest import assert_error, bell, http_to, multi


@dataclass
class Case:
    id: str
    method: str
    path: str
    status: int
    keys: tuple[str, ...] = ()
    source: str | None = None
    json: Any = None
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    params: dict[str, str] | None = None


def job(key: str, value: Any, status: int = 400, *keys: str) -> Case:
    return Case(
        f"{key}={value!r}"[:60],
        "POST",
        "/jobs",
        status,
        keys or ((key,) if status == 400 else ()),
        "body" if status == 400 else None,
        json=edited(bell(), key, value),
    )


CASES = [
    # -- the body as a whole
    Case("malformed JSON", "POST", "/jobs", 400, ("body",), "body", content=b'{"type": '),
    Case("JSON array", "POST", "/jobs", 400, ("body",), "body", content=b"[1, 2]"),
    Case("JSON string", "POST", "/jobs", 400, ("body",), "body", content=b'"job"'),
    Case("JSON null", "POST", "/jobs", 400, ("body",), "body", content=b"null"),
    Case("empty body", "POST", "/jobs", 400, ("body",), "body", content=b""),
    Case("NaN", "POST", "/jobs", 400, ("body",), "body", content=b'{"shots": NaN}'),
    Case("invalid UTF-8", "POST", "/jobs", 400, ("body",), "body", content=b'{"name": "\xff"}'),
    Case("deep nesting", "POST", "/jobs", 400, ("body",), "body", content=b"[" * 200_000),
    Case(
        "text/plain",
        "POST",
        "/jobs",
        400,
        ("content-type",),
        json=bell(),
        headers={"content-type": "text/plain"},
    ),
    Case(
        "form-encoded",
        "POST",
        "/jobs",
        400,
        ("content-type",),
        content=b"type=ionq.circuit.v1",
        headers={"content-type": "application/x-www-form-urlencoded"},
    ),
    # -- fields: types, ranges, unknown and missing
    job("shots", "ten"),
    job("shots", 0),
    job("shots", 1_000_001),
    job("shots", 10**400),
    job("shots", 1.5),
    job("shots", True),
    job("input.qubits", -1),
    job("input.qubits", "2"),
    job("name", 7),
    job("name", "x" * 501),
    job("metadata", {"k": 1}, 400, "metadata.k"),
    job("metadata", {f"k{i}": "v" for i in range(11)}, 400, "metadata"),
    job("dry_run", "yes"),
    job("noise", {"seed": 1}, 400, "noise.model"),
    job("noise", {"model": "ideal", "seed": -1}, 400, "noise.seed"),
    job("noise", {"model": "lunar-1"}, 400, "noise.model"),
    job("foo", 1),
    job("input.foo", 1),
    job("input.circuit.0.foo", 1),
    job("input.circuit.0.gate", "cx"),
    job("input.circuit.0.targets", [-1], 400, "input.circuit.0.targets.0"),
    job("input.circuit.0.targets", [], 400, "input.circuit.0.targets"),
    job("backend", ..., 400),
    job("input", ..., 400),
    job("type", ..., 400),
    job("type", "ionq.circuit.v9"),
    job("backend", "qpu.nope", 404),  # an open set: a name not offered is not found
    job("backend", ""),
    job("session_id", 5),
    Case(
        "multi with a singular circuit",
        "POST",
        "/jobs",
        400,
        ("input.circuit",),
        "body",
        json=edited(multi(), "input.circuit", []),
    ),
    # -- other bodies
    Case("bulk ids empty", "PUT", "/jobs/status/cancel", 400, ("ids",), "body", json={"ids": []}),
    Case("bulk ids missing", "DELETE", "/jobs", 400, ("ids",), "body", json={}),
    Case("bulk ids not strings", "DELETE", "/jobs", 400, ("ids.0",), "body", json={"ids": [1]}),
    Case(
        "session limit 0",
        "POST",
        "/sessions",
        400,
        ("settings.job_count_limit",),
        "body",
        json={"backend": "simulator", "settings": {"job_count_limit": 0}},
    ),
    Case(
        "session unknown backend",
        "POST",
        "/sessions",
        404,
        (),
        None,
        json={"backend": "qpu.nope"},
    ),
    Case("clone bad override", "POST", "/jobs/x/clone", 400, ("foo",), "body", json={"foo": 1}),
    # -- query strings
    Case("limit=0", "GET", "/jobs", 400, ("limit",), "query", params={"limit": "0"}),
    Case("limit=abc", "GET", "/jobs", 400, ("limit",), "query", params={"limit": "abc"}),
    Case("limit=1001", "GET", "/jobs", 400, ("limit",), "query", params={"limit": "1001"}),
    Case("limit huge", "GET", "/jobs", 400, ("limit",), "query", params={"limit": "9" * 5000}),
    Case("malformed cursor", "GET", "/jobs", 400, ("next",), "query", params={"next": "nope"}),
    Case("empty id", "GET", "/jobs", 400, ("ids.1",), "query", params={"ids": "a,"}),
    Case("active=maybe", "GET", "/sessions", 400, ("active",), "query", params={"active": "maybe"}),
    Case(
        "bad date",
        "GET",
        "/backends/qpu.aria-1/characterizations",
        400,
        ("start",),
        "query",
        params={"start": "2026-02-30"},
    ),
    Case(
        "page=0",
        "GET",
        "/backends/qpu.aria-1/characterizations",
        400,
        ("page",),
        "query",
        params={"page": "0"},
    ),
    Case(
        "characterization limit 11",
        "GET",
        "/backends/qpu.aria-1/characterizations",
        400,
        ("limit",),
        "query",
        params={"limit": "11"},
    ),
    Case(
        "estimate shots",
        "GET",
        "/jobs/estimate",
        400,
        ("shots",),
        "query",
        params={"backend": "simulator", "shots": "0"},
    ),
    Case(
        "estimate type",
        "GET",
        "/jobs/estimate",
        400,
        ("type",),
        "query",
        params={"backend": "simulator", "type": "ionq.nope"},
    ),
    Case(
        "usage without dates",
        "GET",
        "/organizations/x/usage",
        400,
        ("start_date", "end_date"),
        "query",
    ),
    # -- keys
    Case("no key", "GET", "/jobs", 401, headers={"authorization": ""}),
    Case("wrong key", "GET", "/jobs", 401, headers={"authorization": "apiKey wrong"}),
    Case("bearer", "GET", "/jobs", 401, headers={"authorization": "Bearer test-key-one"}),
    Case("scheme only", "GET", "/jobs", 401, headers={"authorization": "apiKey"}),
    Case("raw key", "GET", "/jobs", 401, headers={"authorization": "test-key-one"}),
    # -- paths and methods
    Case("unknown path", "GET", "/nope", 404),
    Case("unknown job", "GET", "/jobs/00000000-0000-4000-8000-000000000000", 404),
    Case("traversal %2F", "GET", "/jobs/..%2F..%2Fetc", 404),
    Case("traversal %2e%2e", "GET", "/jobs/%2e%2e", 404),
    Case("traversal results", "GET", "/jobs/%2e%2e/results/probabilities", 404),
    Case("unicode id", "GET", "/jobs/%E2%98%83", 404),
    Case("wrong method", "PATCH", "/jobs", 405),
    Case("wrong method on a job", "POST", "/jobs/abc", 405),
]


@pytest.fixture(scope="module")
def http(emulator: RunningEmulator) -> Iterator[httpx.Client]:
    with http_to(emulator) as http:
        yield http


# Schema-valid circuits that break a gate rule no schema can state: IonQ's preflight
# fails such a job after accepting it, so the emulator answers 201 and fails the job
# with InvalidInput, naming the first offending key (the spec says so on createJob).
GATE_RULES: list[tuple[str, dict[str, Any], str]] = [
    (
        "rx without rotation",
        edited(bell(), "input.circuit.0", {"gate": "rx", "targets": [0]}),
        "input.circuit.0.rotation",
    ),
    ("target out of range", edited(bell(), "input.circuit.1.target", 2), "input.circuit.1.target"),
    ("control == target", edited(bell(), "input.circuit.1.target", 0), "input.circuit.1.control"),
    (
        "cnot without control",
        edited(bell(), "input.circuit.1", {"gate": "cnot", "targets": [1]}),
        "input.circuit.1.control",
    ),
    (
        "swap with one target",
        edited(bell(), "input.circuit.1", {"gate": "swap", "targets": [1]}),
        "input.circuit.1.targets",
    ),
    (
        "target and targets",
        edited(bell(), "input.circuit.0", {"gate": "h", "target": 0, "targets": [1]}),
        "input.circuit.0.targets",
    ),
    ("no target", edited(bell(), "input.circuit.0", {"gate": "h"}), "input.circuit.0.target"),
    (
        "native gpi without phase",
        {
            "type": "ionq.circuit.v1",
            "backend": "simulator",
            "input": {"gateset": "native", "qubits": 1, "circuit": [{"gate": "gpi", "target": 0}]},
        },
        "input.circuit.0.phase",
    ),
    (
        "multi register out of range",
        edited(multi(), "input.circuits.0.registers", {"r": [0, 5]}),
        "input.circuits.0.registers.r",
    ),
]


@pytest.mark.parametrize(
    ("payload", "key"), [(p, k) for _, p, k in GATE_RULES], ids=[i for i, _, _ in GATE_RULES]
)
def test_a_circuit_breaking_a_gate_rule_is_accepted_and_fails(
    http: httpx.Client, payload: dict[str, Any], key: str
) -> None:
    created = http.post("/jobs", json=payload)
    assert created.status_code == 201, created.text
    job = http.get(f"/jobs/{created.json()['id']}").json()
    assert job["status"] == "failed"
    assert job["failure"]["code"] == "InvalidInput"
    assert job["failure"]["message"].startswith(f"{key}: "), job["failure"]


def send(http: httpx.Client, case: Case) -> httpx.Response:
    headers = dict(case.headers)
    if headers.get("authorization") == "":
        del headers["authorization"]
        http = httpx.Client(base_url=str(http.base_url))  # no Authorization at all
    content = case.content
    if case.json is not None:
        content = json.dumps(case.json).encode()
        headers.setdefault("content-type", "application/json")
    url = httpx.URL(str(http.base_url).rstrip("/") + case.path)  # keep %-escapes as sent
    return http.request(case.method, url, content=content, headers=headers, params=case.params)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_client_mistakes_get_ionq_error_bodies(http: httpx.Client, case: Case) -> None:
    response = send(http, case)
    body = assert_error(response, case.status, *case.keys)
    if case.source is not None:
        assert body["validation"]["source"] == case.source
    if case.status == 405:
        assert response.headers["allow"]


def test_unknown_fields_are_named_each(http: httpx.Client) -> None:
    response = http.post("/jobs", json=bell(foo=1, bar=2))
    assert sorted(assert_error(response, 400)["validation"]["keys"]) == ["bar", "foo"]


def test_the_error_message_quotes_a_huge_value_briefly(http: httpx.Client) -> None:
    response = http.post("/jobs", json=bell(name="x" * 1_000_000))
    assert len(assert_error(response, 400, "name")["message"]) < 300


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_a_body_over_10_mb_is_413(http: httpx.Client, declared: bool) -> None:
    body = b'{"name": "' + b"x" * (10 * 1024 * 1024 + 1) + b'"}'
    content: bytes | Iterator[bytes] = body
    if not declared:
        content = iter([body[i : i + 1 << 20] for i in range(0, len(body), 1 << 20)])
    response = http.post("/jobs", content=content, headers={"content-type": "application/json"})
    assert_error(response, 413)


def test_unicode_is_kept_not_refused(http: httpx.Client) -> None:
    name = "Bell ψ⟩ 🐍 \ud800"  # a lone surrogate, too
    response = http.post("/jobs", content=json.dumps(bell(name=name)).encode())
    assert response.status_code == 201, response.text
    assert http.get(f"/jobs/{response.json()['id']}").json()["name"] == name


def test_numeric_string_shots_are_converted_like_ionq_does(http: httpx.Client) -> None:
    """cirq-ionq sends ``"shots": "100"``; IonQ's validator converts it."""
    response = http.post("/jobs", json=bell(shots="123"))
    assert response.status_code == 201, response.text
    assert http.get(f"/jobs/{response.json()['id']}").json()["shots"] == 123


def test_get_bodies_and_unknown_query_parameters_are_ignored(http: httpx.Client) -> None:
    """cirq-ionq sends a JSON body on GET /jobs; qiskit-ionq adds its own query extras."""
    response = http.request("GET", "/jobs", json={"limit": 1000}, params={"extra": "1"})
    assert response.status_code == 200
    assert http.get("/jobs", params={"sharpen": "True"}).status_code == 200


def _leaves(node: Any, path: tuple[str, ...] = ()) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _leaves(value, (*path, str(i)))
    yield ".".join(path)


WEIRD: list[Any] = [
    None,
    "",
    -1,
    2**70,
    1e308,
    0.5,
    True,
    [],
    {},
    "\u0000",
    "x" * 300,
    [None],
    {"a": []},
]


@pytest.mark.parametrize("payload", [bell(noise={"model": "ideal", "seed": 1}), multi()])
def test_any_single_corruption_is_a_400_or_accepted_never_a_500(
    emulator: RunningEmulator, http: httpx.Client, payload: dict[str, Any]
) -> None:
    for path in [p for p in _leaves(payload) if p]:
        for value in WEIRD:
            response = http.post("/jobs", json=edited(payload, path, value))
            # A backend is an open set: a well-formed name the server lacks is not found.
            allowed = (201, 400, 404) if path == "backend" else (201, 400)
            assert response.status_code in allowed, (path, value, response.text)
            if response.status_code != 201:
                assert_error(response, response.status_code)
    assert emulator.internal_errors == []
