"""``make contract URL=... KEY=...`` never prints the key: not in make's echo of the
recipe, not in a failure's traceback when the server drops connections mid-run."""

from __future__ import annotations

import os
import subprocess
import sys

from ionq_emulator import EmulatorConfig, FaultConfig, run_emulator
from tests.support.emulators import INSTANT
from tests.support.files import ROOT

KEY = "sk-contract-9b2e44d1"


def test_make_does_not_echo_the_key() -> None:
    shown = subprocess.run(
        ["make", "-n", "contract", "URL=http://127.0.0.1:9/v0.4", f"KEY={KEY}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "tests/spec/contract/live_contract.py" in shown.stdout
    assert KEY not in shown.stdout + shown.stderr


def test_a_failing_live_run_prints_no_key() -> None:
    """Dropped connections fail cases; with ``-l`` (locals, as when debugging) pytest
    prints each frame's ``case``, whose headers hold the key: the hook scrubs them."""
    faults = FaultConfig(rate_drop=0.3, rate_500=0.2)
    config = EmulatorConfig(keys=(KEY,), seed=5, faults=faults, **INSTANT)
    with run_emulator(config) as emulator:
        env = {
            **os.environ,
            "IONQ_CONTRACT_URL": emulator.url,
            "IONQ_CONTRACT_KEY": KEY,
            "IONQ_CONTRACT_EXAMPLES": "3",
        }
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-l", "tests/spec/contract/live_contract.py"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    output = run.stdout + run.stderr
    assert run.returncode == 1 and "failed" in output  # the faults are findings
    assert "'Authorization': 'apiKey <redacted>'" in output  # headers were printed...
    assert KEY not in output  # ...without the key
