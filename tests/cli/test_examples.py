"""Everything in ``examples/`` runs, as a user would run it, against the emulator:
each job file through the ``ionq-client`` console script, each script with Python,
and ``make demo``'s script with a cloud key in the environment (which it must ignore).

A new file in ``examples/`` without an expectation here fails the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ionq_client import IonQClient
from ionq_emulator import EmulatorConfig, RunningEmulator, run_emulator
from tests.cli.helpers import clean_env, console
from tests.support.emulators import INSTANT

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

#: Job file -> the outcomes its circuits can have, per circuit (ideal simulator).
JOB_FILES: dict[str, list[set[str]]] = {
    "bell.json": [{"00", "11"}],
    "bell-ionq.json": [{"00", "11"}],
    "bell-qasm2.qasm": [{"00", "11"}],
    "ghz-qasm3.qasm": [{"000", "111"}],
    "two-circuits.json": [{"1"}, {"00", "11"}],
}

#: Script -> lines its output must hold.
SCRIPTS: dict[str, list[str]] = {
    "bell.py": ["00  500", "11  500"],
    "ghz_sweep.py": ["submitted 7 jobs", "ghz-8: P(00000000) = 0.500, P(11111111) = 0.500"],
    "async_bell.py": ["flip: {'1': 100}", "bell: {'00': 50, '11': 50}"],
}


def test_every_example_has_an_expectation() -> None:
    assert sorted(p.name for p in (EXAMPLES / "jobs").iterdir()) == sorted(JOB_FILES)
    scripts = {p.name for p in EXAMPLES.glob("*.py")} - {"demo.py"}
    assert sorted(scripts) == sorted(SCRIPTS)


@pytest.mark.parametrize("name", sorted(JOB_FILES))
def test_job_file_is_submitted_and_gives_its_outcomes(emulator: RunningEmulator, name: str) -> None:
    run = console(emulator, "submit", "--wait", str(EXAMPLES / "jobs" / name))

    assert run.returncode == 0, run.stderr
    job_id, *lines = run.stdout.splitlines()
    # A multi-circuit job prints a "# circuit ID" block per circuit, blank-line apart.
    blocks = "\n".join(lines).split("\n\n")
    circuits = [
        {line.split()[0] for line in block.splitlines() if not line.startswith("# circuit")}
        for block in blocks
    ]
    assert circuits == JOB_FILES[name]
    with IonQClient(emulator.key, emulator.url) as client:
        assert client.retrieve_job(job_id).status == "completed"


def test_openqasm_3_is_sent_as_written_and_openqasm_2_as_a_circuit(
    emulator: RunningEmulator,
) -> None:
    """IonQ takes OpenQASM 3 itself; OpenQASM 2 it does not, so Qiskit's parser reads
    it into a circuit first."""
    expected = {"ghz-qasm3.qasm": "ionq.qasm3.v1", "bell-qasm2.qasm": "ionq.circuit.v1"}
    with IonQClient(emulator.key, emulator.url) as client:
        for name, job_type in expected.items():
            run = console(emulator, "submit", str(EXAMPLES / "jobs" / name))
            assert run.returncode == 0, run.stderr
            job = client.retrieve_job(run.stdout.strip())
            assert job.to_dict()["type"] == job_type, name


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_script_runs(emulator: RunningEmulator, name: str) -> None:
    env = clean_env(IONQ_API_URL=emulator.url, IONQ_API_KEY=emulator.key)
    run = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    for expected in SCRIPTS[name]:
        assert expected in lines, run.stdout


def test_demo_runs_on_its_own_emulator_whatever_the_environment() -> None:
    # A user's cloud settings in the environment: a server that is not at a loopback
    # name (127.0.0.2 is loopback on Linux, but not by the name the old demo trusted),
    # with a valid key. The demo must leave it alone (no job there) and say so.
    config = EmulatorConfig(keys=("cloud-key-not-for-the-demo",), **INSTANT)
    with run_emulator(config, host="127.0.0.2", allow_remote=True) as cloud:
        env = clean_env(IONQ_API_URL=cloud.url, IONQ_API_KEY=cloud.key)
        run = subprocess.run(
            [sys.executable, str(EXAMPLES / "demo.py")],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        with IonQClient(cloud.key, cloud.url) as client:
            assert client.list_jobs() == []
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == (
        "note: IONQ_API_KEY and IONQ_API_URL ignored: the demo runs on the local emulator only"
    )
    assert lines[1].startswith("running on the local emulator at http://127.0.0.1:")
    assert cloud.key not in run.stdout + run.stderr
    assert "GHZ, 5 qubits: counts over 1,000 shots (qubit 0 is the rightmost bit)" in lines
