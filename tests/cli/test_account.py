"""``whoami``, ``backends``, ``calibration`` and ``estimate``."""

from __future__ import annotations

import json

import pytest
import respx

from tests.cli.helpers import KEY, run
from tests.support.files import load_fixture


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
