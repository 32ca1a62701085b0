"""Jobs display themselves in Jupyter: IPython's HTML formatter knows the generated
job models by name once ``ionq_client`` is imported in IPython."""

from __future__ import annotations

import subprocess
import sys

import pytest
from ionq_api.models import MultiCircuitJob, SingleCircuitJob

from ionq_client._notebook import job_html, register

JOB = {
    "id": "0f1e2d3c-0000-4000-8000-000000000001",
    "name": "<b>bell</b>",
    "type": "ionq.circuit.v1",
    "status": "failed",
    "backend": "simulator",
    "shots": 100,
    "submitted_at": "2026-12-02T10:00:00Z",
    "stats": {"qubits": 2},
    "failure": {"code": "SimulationError", "message": "too wide"},
}


def test_job_html_shows_fields_escaped() -> None:
    job = SingleCircuitJob.from_dict(JOB)
    page = job_html(job)
    assert "<caption>SingleCircuitJob</caption>" in page
    assert "&lt;b&gt;bell&lt;/b&gt;" in page and "<b>bell</b>" not in page
    for text in ("failed", "simulator", "100", "SimulationError: too wide", ">qubits<"):
        assert text in page, text


def test_a_parent_job_shows_how_many_children_not_each() -> None:
    children = [f"0f1e2d3c-0000-4000-8000-{i:012d}" for i in range(20)]
    data = {**JOB, "type": "ionq.multi-circuit.v1", "child_job_ids": children}
    data.pop("failure")
    page = job_html(MultiCircuitJob.from_dict(data))
    assert "20 items" in page and children[5] not in page


def test_register_outside_ipython_does_nothing() -> None:
    assert register(object()) is False


def test_in_ipython_importing_the_client_gives_jobs_an_html_view() -> None:
    pytest.importorskip("IPython")  # in dev; the test needs a real IPython shell
    code = (
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        "import ionq_client\n"
        "from ionq_api.models import SingleCircuitJob\n"
        f"job = SingleCircuitJob.from_dict({JOB!r})\n"
        "data, _ = shell.display_formatter.format(job)\n"
        "print(data.get('text/html', 'NO HTML'))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert "<caption>SingleCircuitJob</caption>" in run.stdout
    assert "SimulationError: too wide" in run.stdout


def test_outside_ipython_importing_the_client_loads_no_ipython() -> None:
    code = "import sys, ionq_client; print('IPython' in sys.modules)"
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert run.stdout.strip() == "False"
