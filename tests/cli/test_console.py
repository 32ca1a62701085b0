"""The ``ionq-client`` console script in a subprocess against the emulator, as a new
user meets it: formats, the real state after ``cancel``, a closed pipe, ``--debug``,
errors with hints, the renamed HTTP timeout, Ctrl-C while waiting, and the
emulator's own start-up error."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from ionq_client import IonQClient
from ionq_emulator import EmulatorConfig, RunningEmulator, run_emulator
from tests.cli.helpers import CONSOLE, clean_env, console

BELL_GATES = [{"gate": "h", "target": 0}, {"gate": "cx", "control": 0, "target": 1}]


def test_ionq_json_without_gateset_and_with_cx_is_accepted(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    body = {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "input": {"qubits": 2, "circuit": BELL_GATES},
    }
    path = tmp_path / "bell.json"
    path.write_text(json.dumps(body))

    run = console(emulator, "submit", "--wait", str(path))

    assert run.returncode == 0, run.stderr
    assert {line.split()[0] for line in run.stdout.splitlines()[1:]} == {"00", "11"}
    with IonQClient(emulator.key, emulator.url) as client:
        sent = client.retrieve_job(run.stdout.split()[0]).to_dict()
    assert sent["type"] == "ionq.circuit.v1"


def test_an_unknown_json_shape_exits_2_naming_the_formats(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    path = tmp_path / "gates.json"
    path.write_text(json.dumps({"gates": BELL_GATES}))
    run = console(emulator, "submit", str(path))
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "submit --help" in run.stderr


def test_cancel_of_a_completed_job_reports_completed(emulator: RunningEmulator) -> None:
    with IonQClient(emulator.key, emulator.url) as client:
        from ionq_client import Circuit, IonQJob

        done = client.run(IonQJob(circuit=Circuit(1).x(0)))
        job_id = client.list_jobs(max_jobs=1)[0].id
    assert done is not None

    run = console(emulator, "cancel", job_id)

    assert (run.returncode, run.stdout) == (0, f"{job_id} completed\n"), run.stderr
    assert run.stderr == f"note: job {job_id} was not canceled: it is completed\n"
    status = console(emulator, "--json", "status", job_id)
    assert json.loads(status.stdout)["status"] == "completed"


def test_a_reader_that_leaves_is_not_an_error(emulator: RunningEmulator) -> None:
    # `ionq-client jobs | head`: the read end is closed before anything is written.
    env = clean_env(IONQ_API_URL=emulator.url, IONQ_API_KEY=emulator.key)
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [CONSOLE, "jobs"], env=env, stdout=subprocess.PIPE, stderr=errors
        )
        assert process.stdout is not None
        process.stdout.close()
        code = process.wait(timeout=60)
        errors.seek(0)
        assert (code, errors.read()) == (0, b"")


def test_debug_logs_requests_and_tracebacks_without_the_key(emulator: RunningEmulator) -> None:
    run = console(emulator, "--debug", "backends")
    assert run.returncode == 0, run.stderr
    assert f"GET {emulator.url}/backends -> 200" in run.stderr
    assert emulator.key not in run.stdout + run.stderr

    failed = console(emulator, "--debug", "status", "no-such-job")
    assert failed.returncode == 1
    assert "Traceback (most recent call last)" in failed.stderr
    assert failed.stderr.splitlines()[-1].startswith("error: 404")
    assert emulator.key not in failed.stdout + failed.stderr

    plain = console(emulator, "status", "no-such-job")
    assert "Traceback" not in plain.stderr and plain.stderr.count("\n") == 1


def test_a_url_without_the_version_gets_a_hint(emulator: RunningEmulator) -> None:
    root = emulator.url.removesuffix("/v0.4")
    run = console(emulator, "--url", root, "whoami")
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1
    assert f"did you mean {root}/v0.4?" in run.stderr


def test_a_server_that_is_not_there_gets_a_hint(emulator: RunningEmulator) -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{free.getsockname()[1]}/v0.4"
    run = console(emulator, "--url", url, "whoami")
    assert run.returncode == 1
    last = run.stderr.splitlines()[-1]  # after a line per retry
    assert last.startswith("error: ") and f"is the server at {url} running?" in last


def test_http_timeout_and_the_old_spelling(emulator: RunningEmulator) -> None:
    new = console(emulator, "--http-timeout", "5", "whoami")
    assert (new.returncode, new.stderr) == (0, "")
    old = console(emulator, "--timeout", "5", "whoami")
    assert old.returncode == 0
    assert old.stderr.startswith("note: --timeout before the command is now --http-timeout")
    waited = console(emulator, "wait", "--timeout", "0.5", "no-such-job")
    assert waited.returncode == 1 and "note:" not in waited.stderr


def test_ctrl_c_while_waiting_without_a_terminal_prints_how_to_cancel(tmp_path: Path) -> None:
    # Jobs stay queued for a minute: the wait is interrupted, never finished.
    config = EmulatorConfig(keys=("slow-key",), ready_after=60.0)
    path = tmp_path / "bell.json"
    path.write_text(json.dumps({"qubits": 2, "circuit": BELL_GATES}))
    with run_emulator(config) as slow:
        env = clean_env(IONQ_API_URL=slow.url, IONQ_API_KEY=slow.key)
        process = subprocess.Popen(
            [CONSOLE, "submit", "--wait", str(path)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        job_id = process.stdout.readline().strip()  # printed before the wait starts
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        with IonQClient(slow.key, slow.url) as client:
            status = client.retrieve_job(job_id).status
    assert process.returncode == 130
    assert f"ionq-client cancel {job_id}" in err
    assert "Traceback" not in err
    assert status != "canceled"  # nobody was asked, nothing was canceled


def test_the_emulator_names_a_port_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run(
            [sys.executable, "-m", "ionq_emulator", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert run.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in run.stderr
    assert "--port 0" in run.stderr
