"""What the CLI tests share: the fake IonQ's constants, running a command, job bodies."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from ionq_client.cli import main
from ionq_emulator import RunningEmulator
from tests.support.files import load_fixture

BASE = "https://api.ionq.co/v0.4"
KEY = "sk-CLI-TEST-SECRET-7f3a9c"
JOB_ID = "8a9f2b1c-4d3e-4f5a-9b6c-7d8e9f0a1b2c"
MULTI_ID = "aa11bb22-cc33-4d44-8e55-ff6600771188"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def single_job(**changes: Any) -> dict[str, Any]:
    return {**load_fixture("job_single_urls"), **changes}


def created(job_id: str = "job-new") -> httpx.Response:
    return httpx.Response(201, json={"id": job_id, "status": "submitted", "session_id": None})


# ------------------------------------------------ the real console script, in a process
#: ``ionq-client`` as installed beside this interpreter (what a user runs).
CONSOLE = str(Path(sys.executable).parent / "ionq-client")
#: The variables the client reads: each test process gets only the ones it sets.
CLIENT_ENV = ("IONQ_API_KEY", "IONQ_API_URL", "QISKIT_IONQ_API_TOKEN", "IONQ_API_TOKEN")


def clean_env(**values: str) -> dict[str, str]:
    """This process's environment without the client's variables, plus ``values``."""
    env = {k: v for k, v in os.environ.items() if k not in CLIENT_ENV}
    return {**env, "COLUMNS": "100", **values}


def console(emulator: RunningEmulator, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``ionq-client ARGV`` against ``emulator`` and wait for it."""
    variables = clean_env(IONQ_API_URL=emulator.url, IONQ_API_KEY=emulator.key, **env)
    return subprocess.run(
        [CONSOLE, *argv], env=variables, capture_output=True, text=True, timeout=120
    )
