"""On a terminal: rich's progress and tables when it is installed, plain lines without."""

from __future__ import annotations

import sys

import httpx
import pytest
import respx

from tests.cli.helpers import JOB_ID, run, single_job
from tests.support.files import load_fixture


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
