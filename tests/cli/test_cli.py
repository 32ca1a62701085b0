"""The ``ionq-client`` command line, against respx-mocked IonQ (no network)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from ionq_client import IonQClient
from ionq_client.cli import main
from tests.support.files import load_fixture

BASE = "https://api.ionq.co/v0.4"
KEY = "sk-CLI-TEST-SECRET-7f3a9c"
JOB_ID = "8a9f2b1c-4d3e-4f5a-9b6c-7d8e9f0a1b2c"
MULTI_ID = "aa11bb22-cc33-4d44-8e55-ff6600771188"

BELL_PAYLOAD: dict[str, Any] = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "shots": 1000,
    "name": "bell",
    "metadata": {"experiment": "bell"},
    "input": {
        "qubits": 2,
        "gateset": "qis",
        "circuit": [
            {"gate": "h", "targets": [0]},
            {"gate": "cnot", "controls": [0], "targets": [1]},
        ],
    },
}
BELL_QASM = """OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
h q[0];
cx q[0], q[1];
"""


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("IONQ_API_URL", "QISKIT_IONQ_API_TOKEN", "IONQ_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IONQ_API_KEY", KEY)
    # wait_for_job's pauses between polls; the CLI must not depend on real time.
    monkeypatch.setattr(IonQClient, "_sleep", staticmethod(lambda seconds: None))


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    # assert_all_mocked (the default): any request without a route fails the test.
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def single_job(**changes: Any) -> dict[str, Any]:
    return {**load_fixture("job_single_urls"), **changes}


def created(job_id: str = "job-new") -> httpx.Response:
    return httpx.Response(201, json={"id": job_id, "status": "submitted", "session_id": None})


# ------------------------------------------------------------------------ submit
def test_submit_json_sends_the_file_payload_and_prints_the_id(
    api: respx.MockRouter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bell.json"
    path.write_text(json.dumps(BELL_PAYLOAD))
    route = api.post("/jobs").mock(return_value=created("job-123"))

    code, out, err = run(capsys, "submit", str(path))

    assert (code, out) == (0, "job-123\n"), err
    assert route.call_count == 1
    request = route.calls.last.request
    assert request.headers["Authorization"] == f"apiKey {KEY}"
    sent = json.loads(request.content)
    tag = sent["metadata"].pop("ionq_client_submission")
    assert isinstance(tag, str) and tag
    assert sent == BELL_PAYLOAD


def test_submit_options_override_the_payload_fields(
    api: respx.MockRouter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bell.json"
    path.write_text(json.dumps(BELL_PAYLOAD))
    route = api.post("/jobs").mock(return_value=created())

    code, _, err = run(capsys, "submit", str(path), "--backend", "qpu.aria-1", "--shots", "50")

    assert code == 0, err
    sent = json.loads(route.calls.last.request.content)
    assert (sent["backend"], sent["shots"], sent["name"]) == ("qpu.aria-1", 50, "bell")


def test_submit_qasm_file_builds_a_qasm3_payload(
    api: respx.MockRouter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bell.qasm"
    path.write_text(BELL_QASM)
    route = api.post("/jobs").mock(return_value=created("job-qasm"))

    code, out, err = run(capsys, "submit", str(path), "--shots", "500", "--name", "b")

    assert (code, out) == (0, "job-qasm\n"), err
    sent = json.loads(route.calls.last.request.content)
    sent.pop("metadata")
    assert sent == {
        "type": "ionq.qasm3.v1",
        "backend": "simulator",
        "shots": 500,
        "name": "b",
        "input": {"data": BELL_QASM},
    }


def test_submit_qasm_from_stdin_is_recognised_by_its_header(
    api: respx.MockRouter, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(BELL_QASM))
    route = api.post("/jobs").mock(return_value=created())

    code, _, err = run(capsys, "submit", "-", "--backend", "qpu.forte-1")

    assert code == 0, err
    sent = json.loads(route.calls.last.request.content)
    assert sent["type"] == "ionq.qasm3.v1"
    assert sent["backend"] == "qpu.forte-1"
    assert sent["input"] == {"data": BELL_QASM}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"shots": 0}, "shots"),
        ({"colour": "blue"}, "colour"),
        ({"type": "ionq.nonsense.v9"}, "type"),
    ],
)
def test_an_invalid_payload_exits_2_naming_the_field_and_sends_nothing(
    api: respx.MockRouter,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, Any],
    field: str,
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**BELL_PAYLOAD, **change}))
    route = api.post("/jobs").mock(return_value=created())

    code, out, err = run(capsys, "submit", str(path))

    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and f"invalid {field}:" in err
    assert "Traceback" not in err
    assert not route.called
    assert not api.calls


def test_a_file_that_is_neither_json_nor_qasm_exits_2(
    api: respx.MockRouter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    code, _, err = run(capsys, "submit", str(path))
    assert code == 2 and "neither a JSON job payload nor OpenQASM 3" in err
    assert not api.calls


def test_submit_wait_shows_progress_and_prints_counts(
    api: respx.MockRouter, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bell.json"
    path.write_text(json.dumps(BELL_PAYLOAD))
    api.post("/jobs").mock(return_value=created(JOB_ID))
    api.get(f"/jobs/{JOB_ID}").mock(
        side_effect=[
            httpx.Response(200, json=single_job(status="submitted", results=None)),
            httpx.Response(200, json=single_job(status="started", results=None)),
            httpx.Response(200, json=single_job()),
        ]
    )
    api.get(f"/jobs/{JOB_ID}/results/probabilities").respond(200, json={"0": 0.5, "3": 0.5})

    code, out, err = run(capsys, "submit", str(path), "--wait")

    assert code == 0, err
    assert out.splitlines() == [JOB_ID, "00  500", "11  500"]
    # Not a TTY under pytest: one plain line per status, on stderr.
    statuses = [line.rsplit(": ", 1)[1] for line in err.splitlines()]
    assert statuses == ["submitted", "started", "completed"]


# ----------------------------------------------------------------------- results
def test_results_prints_bell_counts_sorted(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    api.get(f"/jobs/{JOB_ID}").respond(200, json=single_job())
    api.get(f"/jobs/{JOB_ID}/results/probabilities").respond(200, json={"0": 0.5, "3": 0.5})

    code, out, err = run(capsys, "results", JOB_ID)

    assert code == 0, err
    assert out.splitlines() == ["00  500", "11  500"]


def test_results_order_and_shots_options(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    api.get(f"/jobs/{JOB_ID}").respond(200, json=single_job())
    # State 1 on 2 qubits: qubit 0 set. Most frequent first, not bitstring order.
    api.get(f"/jobs/{JOB_ID}/results/probabilities").respond(200, json={"0": 0.25, "1": 0.75})

    assert run(capsys, "results", JOB_ID, "--shots", "100")[1].splitlines() == [
        "01  75",
        "00  25",
    ]
    assert run(capsys, "results", JOB_ID, "--shots", "8", "--order", "q0_left")[1].splitlines() == [
        "10  6",
        "00  2",
    ]


def test_results_without_shots_prints_probabilities(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    api.get(f"/jobs/{JOB_ID}").respond(200, json=single_job(shots=None))
    api.get(f"/jobs/{JOB_ID}/results/probabilities").respond(200, json={"3": 0.25, "0": 0.75})

    code, out, _ = run(capsys, "results", JOB_ID)

    assert code == 0
    assert out.splitlines() == ["00  0.750000", "11  0.250000"]


def test_results_sharpen_is_sent(api: respx.MockRouter, capsys: pytest.CaptureFixture[str]) -> None:
    api.get(f"/jobs/{JOB_ID}").respond(200, json=single_job())
    route = api.get(f"/jobs/{JOB_ID}/results/probabilities").respond(200, json={"0": 1.0})

    assert run(capsys, "results", JOB_ID, "--sharpen")[0] == 0
    assert route.calls.last.request.url.params["sharpen"] == "true"


def test_multi_circuit_results_print_one_block_per_child(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    job = load_fixture("job_multi_urls")
    first, second = job["child_job_ids"]
    api.get(f"/jobs/{MULTI_ID}").respond(200, json=job)
    api.get(f"/jobs/{MULTI_ID}/results/probabilities/aggregated").respond(
        200, json={first: {"0": 0.5, "3": 0.5}, second: {"1": 1.0}}
    )

    code, out, err = run(capsys, "results", MULTI_ID)

    assert code == 0, err
    assert out.split("\n\n") == [
        f"# circuit {first}\n00  50\n11  50",
        f"# circuit {second}\n1  100\n",
    ]


@pytest.mark.parametrize("where", ["before", "after"])
def test_json_results_are_the_raw_probabilities(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    api.get(f"/jobs/{JOB_ID}").respond(200, json=single_job())
    api.get(f"/jobs/{JOB_ID}/results/probabilities").respond(200, json={"0": 0.5, "3": 0.5})
    argv = ["--json", "results", JOB_ID] if where == "before" else ["results", JOB_ID, "--json"]

    code, out, _ = run(capsys, *argv)

    assert code == 0
    assert json.loads(out) == {"0": 0.5, "3": 0.5}


# ------------------------------------------------------------- status and waiting
def test_status_json_is_the_job_dict(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    api.get(f"/jobs/{JOB_ID}").respond(200, json=single_job())
    code, out, _ = run(capsys, "--json", "status", JOB_ID)
    data = json.loads(out)
    assert code == 0
    assert (data["id"], data["status"], data["shots"]) == (JOB_ID, "completed", 1000)


def test_status_text_shows_the_state(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    api.get(f"/jobs/{JOB_ID}").respond(200, json=single_job(status="started"))
    code, out, _ = run(capsys, "status", JOB_ID)
    lines = dict(line.split(None, 1) for line in out.splitlines())
    assert code == 0
    assert (lines["id"], lines["status"], lines["backend"]) == (JOB_ID, "started", "simulator")


def test_wait_for_a_failed_job_exits_1_with_the_failure(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    failed = load_fixture("job_failed")
    api.get(f"/jobs/{failed['id']}").respond(200, json=failed)

    code, out, err = run(capsys, "wait", failed["id"])

    assert code == 1 and out == ""
    assert f"error: job {failed['id']} failed: {failed['failure']['code']}" in err


def test_wait_timeout_exits_1_and_says_the_job_keeps_running(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    api.get(f"/jobs/{JOB_ID}").respond(200, json=single_job(status="started", results=None))
    code, _, err = run(capsys, "wait", JOB_ID, "--timeout", "0.001")
    assert code == 1
    assert "still started" in err and f"wait {JOB_ID}" in err


# ------------------------------------------------------------- jobs and backends
def test_backends_table_names_every_backend(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    forte = load_fixture("backend")
    simulator = {**forte, "backend": "simulator", "qubits": 29, "average_queue_time": 500}
    api.get("/backends").respond(200, json=[forte, simulator])

    code, out, _ = run(capsys, "backends")

    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["backend", "status", "qubits", "avg", "queue", "time"]
    assert rows[0].split() == ["qpu.forte-1", "available", "36", "28m", "55s"]
    assert rows[1].split() == ["simulator", "available", "29", "0.5s"]


def test_backends_work_without_a_key(
    api: respx.MockRouter, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("IONQ_API_KEY")
    route = api.get("/backends").respond(200, json=[load_fixture("backend")])
    code, out, _ = run(capsys, "--json", "backends")
    assert code == 0
    assert [b["backend"] for b in json.loads(out)] == ["qpu.forte-1"]
    assert "Authorization" not in route.calls.last.request.headers


def test_jobs_lists_a_page_without_reading_further(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    jobs = [single_job(id=f"job-{i}", submitted_at=f"2026-05-1{i}T00:00:00Z") for i in range(2)]
    route = api.get("/jobs").respond(200, json={"jobs": jobs, "next": "more"})

    code, out, _ = run(capsys, "jobs", "--status", "completed", "--limit", "2")

    assert code == 0
    assert route.call_count == 1
    assert dict(route.calls.last.request.url.params) == {"status": "completed", "limit": "2"}
    header, *rows = out.splitlines()
    assert header.split() == ["id", "status", "backend", "submitted_at"]
    assert [r.split() for r in rows] == [
        ["job-0", "completed", "simulator", "2026-05-10T00:00:00Z"],
        ["job-1", "completed", "simulator", "2026-05-11T00:00:00Z"],
    ]


def test_calibration_flattens_the_snapshot(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshot = load_fixture("characterization")
    route = api.get("/backends/qpu.forte-1/characterizations").respond(
        200, json={"characterizations": [snapshot], "pages": 1}
    )
    code, out, _ = run(capsys, "calibration", "qpu.forte-1")
    assert code == 0 and route.calls.last.request.url.params["limit"] == "1"
    lines = dict(line.split(None, 1) for line in out.splitlines())
    assert lines["fidelity.2q.mean"] == "0.9952"
    assert lines["id"] == snapshot["id"]


def test_whoami(api: respx.MockRouter, capsys: pytest.CaptureFixture[str]) -> None:
    api.get("/whoami").respond(200, json=load_fixture("whoami"))
    code, out, _ = run(capsys, "whoami")
    assert code == 0 and "key_name" in out and "ci-key" in out
    assert KEY not in out


def test_estimate_sends_the_sizes(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    route = api.get("/jobs/estimate").respond(200, json=load_fixture("estimate_rate_card"))
    argv = ["--json", "estimate", "--backend", "qpu.aria-1", "--qubits", "25"]
    code, out, _ = run(capsys, *argv, "--shots", "1000", "--1q-gates", "200", "--2q-gates", "50")
    assert code == 0
    assert dict(route.calls.last.request.url.params) == {
        "backend": "qpu.aria-1",
        "qubits": "25",
        "shots": "1000",
        "1q_gates": "200",
        "2q_gates": "50",
    }
    assert json.loads(out)["estimated_total_cost"] == 97.5


# --------------------------------------------------------------- cancel and delete
def test_cancel_several_ids_makes_one_bulk_request(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    bulk = api.put("/jobs/status/cancel").respond(
        200, json={"ids": ["a", "b"], "status": "canceled"}
    )

    code, out, err = run(capsys, "cancel", "a", "b")

    assert code == 0, err
    # Any other request (a per-id cancel) would fail: respx refuses unmocked calls.
    assert bulk.call_count == 1 and len(api.calls) == 1
    assert json.loads(bulk.calls.last.request.content) == {"ids": ["a", "b"]}
    assert out.splitlines() == ["canceled a", "canceled b"]


def test_cancel_one_id_uses_the_single_endpoint(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    route = api.put("/jobs/a/status/cancel").respond(200, json={"id": "a", "status": "canceled"})
    code, out, _ = run(capsys, "cancel", "a")
    assert (code, out, route.call_count) == (0, "canceled a\n", 1)


def test_delete_several_ids_makes_one_bulk_request(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    route = api.delete("/jobs").respond(200, json={"ids": ["a", "b"], "status": "deleted"})
    code, out, _ = run(capsys, "--json", "delete", "a", "b", "a")
    assert code == 0 and len(api.calls) == 1
    assert json.loads(route.calls.last.request.content) == {"ids": ["a", "b"]}
    assert json.loads(out) == {"ids": ["a", "b"], "status": "deleted"}


# ------------------------------------------------------------------------ errors
@pytest.mark.parametrize("via", ["flag", "env"])
def test_api_error_exits_1_with_the_message_and_never_the_key(
    api: respx.MockRouter,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    via: str,
) -> None:
    # The body echoes the key, as misbehaving proxies do: it must still not be printed.
    body = {"error": {"type": "not_found", "message": f"no job nope for apiKey {KEY}"}}
    route = api.get("/jobs/nope").respond(404, json=body)
    argv = ["status", "nope"]
    if via == "flag":
        monkeypatch.delenv("IONQ_API_KEY")
        argv = ["--key", KEY, *argv]

    code, out, err = run(capsys, *argv)

    assert route.calls.last.request.headers["Authorization"] == f"apiKey {KEY}"
    assert code == 1
    assert out == ""
    assert err.startswith("error: 404 not_found: no job nope for apiKey")
    assert "Traceback" not in err
    assert KEY not in out + err


def test_missing_key_is_reported_without_a_traceback(
    api: respx.MockRouter, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("IONQ_API_KEY")
    code, _, err = run(capsys, "whoami")
    assert code == 1 and "needs an API key" in err and "Traceback" not in err
    assert not api.calls


def test_keyboard_interrupt_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(self: IonQClient) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(IonQClient, "whoami", interrupted)
    assert run(capsys, "whoami")[0] == 130


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys)[0] == 2
    assert run(capsys, "results", JOB_ID, "--order", "sideways")[0] == 2
    assert run(capsys, "jobs", "--limit", "0")[0] == 2
    assert run(capsys, "--help")[0] == 0


def test_a_bad_url_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--url", "ftp://example.com", "whoami")
    assert code == 2 and "url must be an absolute http(s) URL" in err


def test_url_option_reaches_another_server(capsys: pytest.CaptureFixture[str]) -> None:
    with respx.mock(base_url="http://127.0.0.1:8765/v0.4") as local:
        local.get("/backends").respond(200, json=[load_fixture("backend")])
        code, out, _ = run(capsys, "--url", "http://127.0.0.1:8765/v0.4", "backends")
    assert code == 0 and "qpu.forte-1" in out


# ---------------------------------------------------------------- import cost
def test_the_cli_module_imports_cheaply() -> None:
    code = (
        "import sys, ionq_client.cli\n"
        "heavy = {'httpx', 'rich', 'ionq_api', 'ionq_client._sync', 'ionq_emulator'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


# ------------------------------------------------------------- rich and fallback
def _three_polls(api: respx.MockRouter) -> None:
    api.get(f"/jobs/{JOB_ID}").mock(
        side_effect=[
            httpx.Response(200, json=single_job(status="submitted", results=None)),
            httpx.Response(200, json=single_job(status="submitted", results=None)),
            httpx.Response(200, json=single_job()),
        ]
    )


def test_on_a_terminal_rich_draws_the_progress_and_table(
    api: respx.MockRouter, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("rich")
    monkeypatch.setattr("ionq_client.cli._output.isatty", lambda stream: True)
    _three_polls(api)
    api.get("/backends").respond(200, json=[{**load_fixture("backend"), "backend": "[bold]x"}])

    code, out, err = run(capsys, "wait", JOB_ID)

    assert code == 0 and out == f"{JOB_ID} completed\n"
    # rich's final frame (spinner, job, status, elapsed), not the plain per-status lines.
    assert f"job {JOB_ID} completed 0:00:0" in err
    assert "submitted" not in err

    code, out, _ = run(capsys, "backends")
    assert code == 0 and "[bold]x" in out  # cells are text, never markup


def test_without_rich_a_terminal_gets_plain_lines(
    api: respx.MockRouter, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `import rich...` now raises ImportError, even for submodules imported earlier.
    for name in ["rich", *(m for m in sys.modules if m.startswith("rich."))]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setattr("ionq_client.cli._output.isatty", lambda stream: True)
    _three_polls(api)
    api.get("/backends").respond(200, json=[load_fixture("backend")])

    code, _, err = run(capsys, "wait", JOB_ID)

    assert code == 0
    assert [line.rsplit(": ", 1)[1] for line in err.splitlines()] == ["submitted", "completed"]
    code, out, _ = run(capsys, "backends")
    assert code == 0 and out.splitlines()[1].split()[0] == "qpu.forte-1"
