"""What the CLI tests share: the fake IonQ's constants, running a command, job bodies."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ionq_client.cli import main
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
