"""One submitted job: ``status``, ``wait`` and ``results``."""

from __future__ import annotations

import json

import pytest
import respx

from tests.cli.helpers import JOB_ID, KEY, MULTI_ID, run, single_job
from tests.support.files import load_fixture


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


@pytest.mark.parametrize("argv", [("status",), ("--json", "status"), ("wait",)])
def test_a_failure_message_echoing_the_key_is_printed_without_it(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    """Seen on main: ``ionq-client status`` printed a job's failure.message verbatim."""
    failure = {"code": "BadRequest", "message": f"refused: Authorization: apiKey {KEY}"}
    api.get(f"/jobs/{JOB_ID}").respond(200, json=single_job(status="failed", failure=failure))
    _, out, err = run(capsys, *argv, JOB_ID)
    assert "refused" in out + err and "<redacted>" in out + err
    assert KEY not in out + err
