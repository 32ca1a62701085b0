"""``submit``: JSON payloads, OpenQASM 3, options, validation, ``--wait``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from tests.cli.helpers import JOB_ID, KEY, created, run, single_job
from tests.support.payloads import BELL_INPUT

BELL_PAYLOAD: dict[str, Any] = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "shots": 1000,
    "name": "bell",
    "metadata": {"experiment": "bell"},
    "input": BELL_INPUT,
}


BELL_QASM = """OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
h q[0];
cx q[0], q[1];
"""


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
    assert code == 2 and "is neither JSON nor OpenQASM" in err
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


def test_a_qaoa_or_function_body_is_sent_without_a_gateset(tmp_path: Path) -> None:
    """Seen in review: the default ``gateset`` went into every body without
    ``input.data``, QAOA's included (its open input schema let it through)."""
    from ionq_client.cli._payload import load_payload

    body = {
        "type": "qctrl.qaoa.v1",
        "backend": "simulator",
        "input": {"problem_type": "maxcut", "problem": {"nodes": [], "adjacency": []}},
        "external_settings": {"api_credentials": "k"},
    }
    path = tmp_path / "qaoa.json"
    path.write_text(json.dumps(body))
    loaded = load_payload(str(path))
    assert isinstance(loaded, dict) and loaded["input"] == body["input"]
    circuit = {
        "type": "ionq.circuit.v1",
        "input": {"qubits": 1, "circuit": [{"gate": "x", "target": 0}]},
    }
    path.write_text(json.dumps(circuit))
    loaded = load_payload(str(path))
    assert isinstance(loaded, dict) and loaded["input"]["gateset"] == "qis"
