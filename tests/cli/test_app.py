"""What every command shares: ``--json`` placement, errors and exit codes, ``--url``,
and a cheap start that never touches the emulator."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import httpx
import pytest
import respx

from ionq_client import IonQClient
from tests.cli.helpers import JOB_ID, KEY, run, single_job
from tests.support.files import load_fixture


# ------------------------------------------------------------------------ --json
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
    assert code == 2 and "url: must be an absolute http(s) URL" in err


def test_url_option_reaches_another_server(capsys: pytest.CaptureFixture[str]) -> None:
    with respx.mock(base_url="http://127.0.0.1:8765/v0.4") as local:
        local.get("/backends").respond(200, json=[load_fixture("backend")])
        code, out, _ = run(capsys, "--url", "http://127.0.0.1:8765/v0.4", "backends")
    assert code == 0 and "qpu.forte-1" in out


# ------------------------------------------------------ import cost, no emulator
def test_the_cli_module_imports_cheaply() -> None:
    # `ionq-client --help` loads no HTTP stack, models, rich or emulator, and of the
    # client only the version: whatever the client's own modules are called.
    code = (
        "import contextlib, io, sys, ionq_client.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert ionq_client.cli.main(['--help']) == 0\n"
        "heavy = {'httpx', 'rich', 'ionq_api', 'ionq_emulator'}\n"
        "client = {m for m in sys.modules if m.startswith('ionq_client.')}\n"
        "client -= {m for m in client if m.startswith('ionq_client.cli')}\n"
        "print(sorted((heavy & set(sys.modules)) | (client - {'ionq_client._version'})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_the_cli_never_imports_the_emulator(
    api: respx.MockRouter, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # tests/conftest.py has loaded ionq_emulator: forget it for this test (restored after).
    for name in [m for m in sys.modules if m.split(".")[0] == "ionq_emulator"]:
        monkeypatch.delitem(sys.modules, name)
    api.get("/backends").respond(200, json=[load_fixture("backend")])
    api.get(f"/jobs/{JOB_ID}").respond(200, json=single_job())
    api.get(f"/jobs/{JOB_ID}/results/probabilities").respond(200, json={"0": 0.5, "3": 0.5})
    api.put("/jobs/a/status/cancel").respond(200, json={"id": "a", "status": "canceled"})
    api.get("/jobs/a").respond(200, json=single_job(id="a", status="canceled"))

    for argv in (
        ["--help"],
        ["--version"],
        ["backends"],
        ["status", JOB_ID],
        ["wait", JOB_ID],
        ["results", JOB_ID],
        ["cancel", "a"],
        ["--url", "ftp://example.com", "whoami"],
        ["submit", "no-such-file.json"],
    ):
        run(capsys, *argv)

    assert [m for m in sys.modules if m.split(".")[0] == "ionq_emulator"] == []


def test_retries_are_announced_on_stderr(
    capsys: pytest.CaptureFixture[str], api: respx.MockRouter
) -> None:
    """A slow command is never silent: each retry says what failed and how long it waits."""
    route = api.get("/whoami").mock(
        side_effect=[
            httpx.Response(503, json={"message": "busy"}),
            httpx.Response(200, json=load_fixture("whoami")),
        ]
    )
    code, _, err = run(capsys, "whoami")
    assert code == 0 and route.call_count == 2
    assert err.count("retrying (1/4) in ") == 1 and "busy" in err
