"""The spec as a user's plain ``schemathesis run --checks all`` sees it.

The project keeps no ``schemathesis.toml``: the spec alone must say what the server
does. So this runs the schemathesis CLI itself,
as documented in the README, against a live emulator on a loopback port, from an
empty folder and with an empty ``--config-file``: no ``schemathesis.toml`` applies,
every default phase runs (examples, coverage, fuzzing, stateful with inferred
links), every check is on. It must report no failure.

Budget (2 cores): ``--max-examples`` 6 and a fixed seed (not one the spec was tuned
on) keep it near 30 s; the seeds run by hand at the default budget are in the
branch's report.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ionq_emulator import EmulatorConfig, RunningEmulator, run_emulator
from tests.spec.contract.harness import TALLIES, Tally

SPEC = Path(__file__).resolve().parents[3] / "openapi" / "ionq-v0.4.yaml"
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
KEY = "plain-run-key"
SEED = 2718
MAX_EXAMPLES = 6
TALLY = TALLIES.setdefault("plain CLI, --checks all", Tally("CLI defaults"))


@pytest.fixture(scope="module")
def emulator() -> Iterator[RunningEmulator]:
    config = EmulatorConfig(keys=(KEY,), seed=7, ready_after=0, start_after=0, run_time=0)
    with run_emulator(config) as running:
        yield running


def _summary(output: str) -> tuple[int, dict[str, int]]:
    """Cases generated, and failures by code ("ST202": 1), from the CLI's summary."""
    cases = re.search(r"(\d+) generated", output)
    failures = {code: int(n) for code, n in re.findall(r"❌ (ST\d+)[^:\n]*: (\d+)", output)}
    return (int(cases.group(1)) if cases else 0), failures


def test_plain_schemathesis_run_finds_nothing(emulator: RunningEmulator, tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    command = [
        str(SCHEMATHESIS),
        "--config-file",
        str(empty),
        "--no-color",
        "run",
        str(SPEC),
        "--url",
        emulator.url,
        "-H",
        f"Authorization: apiKey {KEY}",
        "--checks",
        "all",
        "--seed",
        str(SEED),
        "--max-examples",
        str(MAX_EXAMPLES),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHEMATHESIS_")}
    done = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    output = done.stdout + done.stderr
    cases, failures = _summary(output)
    TALLY.cases["(all operations)"] += cases
    TALLY.failures.update(("plain run", code) for code in failures)
    assert cases > 0, output[-3000:] or f"rc={done.returncode}"
    assert done.returncode == 0 and not failures, output[-6000:]
