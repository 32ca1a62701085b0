"""Every operation of the spec, answered by a real emulator and checked against the spec."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator

from ionq_emulator import EmulatorConfig, RunningEmulator, openapi, run_emulator
from ionq_emulator.__main__ import build_parser, config_from_args

from .conftest import KEYS, FakeClock, assert_error, assert_spec, bell, http_to, multi

PINNED_WALL = datetime(2026, 3, 15, 12, 0, tzinfo=UTC).timestamp()
TODAY = date(2026, 3, 15)


@dataclass
class World:
    """A server with one job, session, ... of every kind, for the per-operation table."""

    emulator: RunningEmulator
    http: httpx.Client
    job: str
    parent: str
    pending: str
    session: str
    characterization: str

    def fresh_job(self) -> str:
        return str(self.http.post("/jobs", json=bell()).json()["id"])


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    clock = FakeClock()
    config = EmulatorConfig(
        keys=KEYS, check_responses=True, clock=clock, wall_clock=lambda: PINNED_WALL
    )
    with run_emulator(config) as emulator, http_to(emulator) as http:
        job = http.post("/jobs", json=bell(shots=50)).json()["id"]
        parent = http.post("/jobs", json=multi()).json()["id"]
        session = http.post("/sessions", json={"backend": "simulator"}).json()["id"]
        http.post("/jobs", json=bell(session_id=session))
        clock.advance(60)
        pending = http.post("/jobs", json=bell()).json()["id"]
        chars = http.get("/backends/qpu.aria-1/characterizations").json()
        yield World(
            emulator, http, job, parent, pending, session, chars["characterizations"][0]["id"]
        )
        assert emulator.internal_errors == []


def _org(w: World) -> str:
    return str(w.http.get("/sessions").json()["organization_id"])


CALLS: dict[str, Callable[[World], httpx.Response]] = {
    "getWhoami": lambda w: w.http.get("/whoami"),
    "listBackends": lambda w: httpx.get(f"{w.emulator.url}/backends"),
    "getBackend": lambda w: httpx.get(f"{w.emulator.url}/backends/qpu.forte-1"),
    "listCharacterizations": lambda w: httpx.get(
        f"{w.emulator.url}/backends/qpu.aria-1/characterizations", params={"limit": 3}
    ),
    "getCharacterization": lambda w: w.http.get(
        f"/backends/qpu.aria-1/characterizations/{w.characterization}"
    ),
    "createJob": lambda w: w.http.post("/jobs", json=bell(name="n", metadata={"a": "b"})),
    "listJobs": lambda w: w.http.get("/jobs", params={"limit": 2}),
    "deleteJobs": lambda w: w.http.request("DELETE", "/jobs", json={"ids": [w.fresh_job()]}),
    "cancelJobs": lambda w: w.http.put("/jobs/status/cancel", json={"ids": [w.fresh_job()]}),
    "estimateJob": lambda w: w.http.get(
        "/jobs/estimate", params={"backend": "qpu.aria-1", "1q_gates": 10, "2q_gates": 4}
    ),
    "getJob": lambda w: w.http.get(f"/jobs/{w.job}"),
    "deleteJob": lambda w: w.http.delete(f"/jobs/{w.fresh_job()}"),
    "cancelJob": lambda w: w.http.put(f"/jobs/{w.fresh_job()}/status/cancel"),
    "getJobCost": lambda w: w.http.get(f"/jobs/{w.job}/cost"),
    "cloneJob": lambda w: w.http.post(f"/jobs/{w.job}/clone", json={"shots": 10}),
    "moveJob": lambda w: w.http.post(f"/jobs/{w.pending}/move", json={"name": "moved"}),
    "getJobProbabilities": lambda w: w.http.get(f"/jobs/{w.job}/results/probabilities"),
    "getJobAggregatedProbabilities": lambda w: w.http.get(
        f"/jobs/{w.parent}/results/probabilities/aggregated"
    ),
    "getJobHistogram": lambda w: w.http.get(f"/jobs/{w.job}/results/histogram"),
    "getJobShots": lambda w: w.http.get(f"/jobs/{w.job}/results/shots"),
    "getJobArtifact": lambda w: w.http.get(f"/jobs/{w.job}/artifacts/histogram"),
    "getFormatSchema": lambda w: w.http.get("/schemas/formats/ionq.circuit.v1"),
    "createSession": lambda w: w.http.post(
        "/sessions", json={"backend": "qpu.aria-1", "settings": {"job_count_limit": 3}}
    ),
    "listSessions": lambda w: w.http.get("/sessions", params={"active": "true"}),
    "getSession": lambda w: w.http.get(f"/sessions/{w.session}"),
    "endSession": lambda w: w.http.post(
        f"/sessions/{w.http.post('/sessions', json={'backend': 'simulator'}).json()['id']}/end"
    ),
    "listSessionJobs": lambda w: w.http.get(f"/sessions/{w.session}/jobs"),
    "getOrganizationUsage": lambda w: w.http.get(
        f"/organizations/{_org(w)}/usage",
        params={"start_date": "2026-03-01", "end_date": "2026-04-01"},
    ),
}


def test_the_table_covers_every_operation_of_the_spec() -> None:
    assert set(CALLS) == {op.operation_id for op in openapi.operations()}


@pytest.mark.parametrize("operation_id", sorted(CALLS))
def test_operation_answers_its_success_status_with_a_spec_valid_body(
    world: World, operation_id: str
) -> None:
    op = next(op for op in openapi.operations() if op.operation_id == operation_id)
    success = next(int(code) for code in op.definition["responses"] if code.startswith("2"))
    assert_spec(operation_id, CALLS[operation_id](world), success)


def test_public_operations_need_no_key_and_the_others_do(emulator: RunningEmulator) -> None:
    for op in openapi.operations():
        path = op.path.format(
            backend="qpu.aria-1",
            characterization_id="x",
            job_id="x",
            artifact_id="x",
            format="ionq.circuit.v1",
            session_id="x",
            organization_id="x",
        )
        response = httpx.request(op.method, emulator.url + path, json={})
        if op.public:
            assert response.status_code == 200, (op.operation_id, response.text)
        else:
            assert_error(response, 401)


# ------------------------------------------------------------------- backends


def test_backend_catalog(http: httpx.Client) -> None:
    backends = {b["backend"]: b for b in assert_spec("listBackends", http.get("/backends"), 200)}
    assert {name: b["qubits"] for name, b in backends.items()} == {
        "simulator": 25,
        "qpu.aria-1": 25,
        "qpu.aria-2": 25,
        "qpu.forte-1": 36,
        "qpu.forte-enterprise-1": 36,
    }
    assert backends["qpu.aria-2"]["status"] == "unavailable"
    assert all(b["degraded"] is False for b in backends.values())
    assert "ideal" in backends["simulator"]["noise_models"]
    assert "cnot" in backends["simulator"]["supported_gates"]
    assert "ms" in backends["qpu.forte-1"]["supported_native_gates"]
    assert http.get("/backends/qpu.forte-1").json() == backends["qpu.forte-1"]
    assert_error(http.get("/backends/qpu.nope"), 404)


def test_backend_names_its_newest_characterization(http: httpx.Client) -> None:
    backend = http.get("/backends/qpu.forte-1").json()
    newest = http.get("/backends/qpu.forte-1/characterizations", params={"limit": 1}).json()
    assert newest["characterizations"][0]["id"] == backend["characterization_id"]
    # IonQ's characterization_id is a string when present: the simulator leaves it out.
    assert "characterization_id" not in http.get("/backends/simulator").json()


# ----------------------------------------------------------- characterizations


def _pinned(serve: Any) -> RunningEmulator:
    emulator: RunningEmulator = serve(wall_clock=lambda: PINNED_WALL)
    return emulator


def test_characterizations_page_newest_first_without_overlap(serve: Any) -> None:
    http = http_to(_pinned(serve))
    seen: list[str] = []
    remaining = []
    for page in (1, 2, 3):
        body = assert_spec(
            "listCharacterizations",
            http.get("/backends/qpu.aria-1/characterizations", params={"page": page}),
            200,
        )
        seen += [c["date"] for c in body["characterizations"]]
        remaining.append(body["pages"])
    assert remaining == [2, 1, 0]
    assert len(seen) == len(set(seen)) == 30
    assert seen == sorted(seen, reverse=True)
    assert seen[0] == f"{TODAY.isoformat()}T00:00:00Z"
    beyond = http.get("/backends/qpu.aria-1/characterizations", params={"page": 9}).json()
    assert beyond == {"characterizations": [], "pages": 0}


def test_characterizations_filter_by_date_and_limit(serve: Any) -> None:
    http = http_to(_pinned(serve))
    start, end = TODAY - timedelta(days=6), TODAY - timedelta(days=2)
    params = {"start": start.isoformat(), "end": end.isoformat(), "limit": "2"}
    body = http.get("/backends/qpu.forte-1/characterizations", params=params).json()
    assert [c["date"][:10] for c in body["characterizations"]] == [
        end.isoformat(),
        (end - timedelta(days=1)).isoformat(),
    ]
    assert body["pages"] == 2  # five snapshots, two per page
    one = body["characterizations"][0]
    again = http.get(f"/backends/qpu.forte-1/characterizations/{one['id']}")
    assert assert_spec("getCharacterization", again, 200) == one
    assert 0.9 < one["fidelity"]["2q"]["mean"] <= 1
    assert len(one["connectivity"]) == 36 * 35 // 2


def test_characterizations_are_deterministic(serve: Any) -> None:
    first = http_to(_pinned(serve)).get("/backends/qpu.aria-1/characterizations").json()
    second = http_to(_pinned(serve)).get("/backends/qpu.aria-1/characterizations").json()
    assert first == second


def test_unknown_characterization_and_backend_are_404(http: httpx.Client) -> None:
    assert_error(http.get("/backends/qpu.aria-1/characterizations/nope"), 404)
    assert_error(http.get("/backends/qpu.nope/characterizations"), 404)
    sim = http.get("/backends/simulator/characterizations").json()
    assert sim == {"characterizations": [], "pages": 0}


# ------------------------------------------------------------ account, schemas


def test_whoami_is_stable_per_key_and_distinct_between_keys(emulator: RunningEmulator) -> None:
    one = assert_spec("getWhoami", http_to(emulator).get("/whoami"), 200)
    again = http_to(emulator).get("/whoami").json()
    two = http_to(emulator, KEYS[1]).get("/whoami").json()
    assert one == again
    assert one["key_id"] != two["key_id"] and one["project_id"] != two["project_id"]
    assert one["key_name"] == "emulator-key-1"


FORMATS = openapi.load_spec()["components"]["schemas"]["FormatId"]["enum"]


@pytest.mark.parametrize("format_id", FORMATS)
def test_every_format_has_a_valid_json_schema(http: httpx.Client, format_id: str) -> None:
    doc = assert_spec("getFormatSchema", http.get(f"/schemas/formats/{format_id}"), 200)
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert doc["$id"].endswith(format_id) and doc["description"]
    Draft202012Validator.check_schema(doc)


def test_circuit_format_schema_accepts_a_job_and_refuses_a_broken_one(http: httpx.Client) -> None:
    doc = http.get("/schemas/formats/ionq.circuit.v1").json()
    validator = Draft202012Validator(doc)
    assert validator.is_valid(bell(shots=10))
    assert not validator.is_valid(bell(shots="ten"))
    probabilities = Draft202012Validator(
        http.get("/schemas/formats/ionq.result.probabilities.json.v1").json()
    )
    assert probabilities.is_valid({"0": 0.5, "3": 0.5})
    assert not probabilities.is_valid({"00": 0.5})


def test_unknown_format_is_404(http: httpx.Client) -> None:
    assert_error(http.get("/schemas/formats/ionq.nope.v9"), 404)


# ------------------------------------------------------------- estimate, usage


def test_estimate_prices_qpu_gates_with_a_minimum(http: httpx.Client) -> None:
    def estimate(**params: str | int) -> dict[str, Any]:
        response = http.get("/jobs/estimate", params=params)
        body: dict[str, Any] = assert_spec("estimateJob", response, 200)
        return body

    small = estimate(backend="qpu.aria-1", shots=100, **{"1q_gates": 1, "2q_gates": 1})
    big = estimate(backend="qpu.aria-1", shots=100_000, **{"1q_gates": 100, "2q_gates": 50})
    assert small["estimated_total_cost"] == small["rate_card"]["rates"][0]["job_cost_minimum"]
    assert big["estimated_total_cost"] > small["estimated_total_cost"]
    assert estimate(backend="simulator")["estimated_total_cost"] == 0
    # A backend the server does not offer is 404, as GET /backends/{backend} answers it.
    assert_error(http.get("/jobs/estimate", params={"backend": "qpu.nope"}), 404)
    assert_error(http.get("/jobs/estimate"), 400, "backend")


def test_usage_reports_the_keys_completed_jobs(serve: Any) -> None:
    emulator = serve(
        wall_clock=lambda: PINNED_WALL, **{"ready_after": 0, "start_after": 0, "run_time": 0}
    )
    http = http_to(emulator)
    qpu = bell(backend="qpu.aria-1", shots=1000)
    for _ in range(2):
        http.post("/jobs", json=qpu)
    org = http.get("/sessions").json()["organization_id"]
    params = {"start_date": "2026-03-15", "end_date": "2026-03-16", "group_by": "project"}
    report = assert_spec(
        "getOrganizationUsage", http.get(f"/organizations/{org}/usage", params=params), 200
    )
    assert report["job_count"] == 2
    assert report["amount_total"] == 2 * 97.5
    assert len(report["usage_data"]) == 1
    empty = http.get(
        f"/organizations/{org}/usage",
        params={**params, "start_date": "2026-03-16", "end_date": "2026-03-17"},
    )
    assert empty.json()["job_count"] == 0
    assert_error(http.get("/organizations/someone-else/usage", params=params), 404)
    # The end date is exclusive: a reversed or empty range covers no day, an empty report.
    for end in ("2026-03-14", "2026-03-15"):
        backwards = {**params, "end_date": end}
        nothing = assert_spec(
            "getOrganizationUsage", http.get(f"/organizations/{org}/usage", params=backwards), 200
        )
        assert (nothing["job_count"], nothing["usage_data"]) == (0, [])


# ------------------------------------------------------------------ the CLI


def test_cli_arguments_become_a_config() -> None:
    args = build_parser().parse_args(
        ["--key", "a", "--key", "b", "--seed", "7", "--fault-rate-429", "0.25", "--run-time", "0"]
    )
    config = config_from_args(args)
    assert config.keys == ("a", "b") and config.seed == 7 and config.run_time == 0
    assert config.faults.rate_429 == 0.25


def test_cli_help_names_the_program() -> None:
    command = [sys.executable, "-m", "ionq_emulator", "--help"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "ionq-emulator" in done.stdout


def test_a_busy_port_is_named_in_the_error() -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        with pytest.raises(OSError, match=f"127.0.0.1:{port}"), run_emulator(port=port):
            pass


def test_cli_serves_and_prints_url_and_key() -> None:
    command = [sys.executable, "-m", "ionq_emulator", "--port", "0", "--key", "cli-key"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            url = process.stdout.readline().split()[-1]
            assert process.stdout.readline().strip() == "API key: cli-key"
            response = httpx.get(f"{url}/whoami", headers={"Authorization": "apiKey cli-key"})
            assert response.status_code == 200
        finally:
            process.terminate()
        assert process.wait(timeout=10) == 0


def test_refuses_to_listen_beyond_loopback_unless_allowed() -> None:
    with pytest.raises(ValueError, match="allow_remote"), run_emulator(host="0.0.0.0"):
        pass


def test_a_default_key_is_generated() -> None:
    with run_emulator() as emulator:
        assert len(emulator.keys) == 1 and len(emulator.key) >= 20
        response = httpx.get(
            f"{emulator.url}/whoami", headers={"Authorization": f"apiKey {emulator.key}"}
        )
        assert response.status_code == 200
