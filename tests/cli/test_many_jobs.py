"""``ionq-client submit FILE...`` and ``wait JOB...``: the real console script, in a
subprocess, against a running emulator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ionq_emulator import RunningEmulator


def cli(emulator: RunningEmulator, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IONQ_API_URL": emulator.url, "IONQ_API_KEY": emulator.key}
    return subprocess.run(
        [sys.executable, "-m", "ionq_client.cli", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def job_file(folder: Path, name: str, gates: list[dict[str, object]]) -> str:
    payload = {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "shots": 100,
        "input": {"qubits": 2, "gateset": "qis", "circuit": gates},
    }
    path = folder / f"{name}.json"
    path.write_text(json.dumps(payload))
    return str(path)


def test_submit_several_files_and_wait_for_all(emulator: RunningEmulator, tmp_path: Path) -> None:
    files = [
        job_file(
            tmp_path,
            "bell",
            [{"gate": "h", "targets": [0]}, {"gate": "cnot", "controls": [0], "targets": [1]}],
        ),
        job_file(tmp_path, "flip", [{"gate": "x", "targets": [0]}]),
        job_file(tmp_path, "idle", []),
    ]
    run = cli(emulator, "submit", *files, "--wait")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    ids = lines[:3]
    assert len(set(ids)) == 3
    assert f"{files[1]}: {ids[1]}" in lines
    assert "3 jobs: completed 3" in run.stderr  # the one progress line, finished
    flipped = lines[lines.index(f"{files[1]}: {ids[1]}") + 1]
    assert flipped.split()[0] == "01"  # qubit 0 flipped, written rightmost

    waited = cli(emulator, "--json", "wait", *ids)
    assert waited.returncode == 0, waited.stderr
    assert [job["status"] for job in json.loads(waited.stdout)] == ["completed"] * 3


def test_wait_for_several_exits_1_when_one_did_not_complete(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    first, second = (
        cli(emulator, "submit", job_file(tmp_path, name, [])).stdout.strip() for name in ("a", "b")
    )
    assert cli(emulator, "delete", second).returncode == 0
    run = cli(emulator, "wait", first, second)
    assert run.returncode == 1  # the deleted job is gone: not found at the first poll
    assert "do not exist" in run.stderr and second in run.stderr
