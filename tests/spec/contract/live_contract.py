"""The contract suite against any IonQ-compatible server: where does it differ from the spec?

Opt-in (``make contract URL=https://api.ionq.co/v0.4 KEY=...``), configured by
environment variables:

- ``IONQ_CONTRACT_URL``: the API root, ending with the version (``.../v0.4``).
- ``IONQ_CONTRACT_KEY``: an API key, sent as ``Authorization: apiKey <key>``.
- ``IONQ_CONTRACT_MODE``: ``read`` (default) sends only GET requests with schema-valid
  data, which costs nothing on IonQ's API; ``all`` adds every other operation,
  negative generation and the stateful run (it submits and deletes jobs).
- ``IONQ_CONTRACT_EXAMPLES``: examples per operation and phase (default 10).

Every schemathesis failure here is a difference between the server and the spec,
so against a real server this suite is allowed, and expected, to fail.
"""

from __future__ import annotations

import os
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, settings
from schemathesis.generation import GenerationMode

from tests.spec.contract.harness import TALLIES, Tally, load_schema, run_case, state_machine

# Not named test_*.py on purpose: only `make contract` collects this module.
URL = os.environ.get("IONQ_CONTRACT_URL", "").rstrip("/")
if not URL:
    raise pytest.UsageError(
        "set IONQ_CONTRACT_URL and IONQ_CONTRACT_KEY: make contract URL=... KEY=..."
    )
KEY = os.environ.get("IONQ_CONTRACT_KEY", "")
MODE = os.environ.get("IONQ_CONTRACT_MODE", "read")
if MODE not in ("read", "all"):
    raise ValueError(f"IONQ_CONTRACT_MODE must be 'read' or 'all', not {MODE!r}")
EXAMPLES = int(os.environ.get("IONQ_CONTRACT_EXAMPLES", "10"))
READ_ONLY = MODE == "read"


def _backends() -> tuple[str, ...]:
    """The server's own backend names, to steer schema-valid jobs onto machines that exist."""
    try:
        answer = httpx.get(f"{URL}/backends", timeout=30)
        return tuple(b["backend"] for b in answer.json() if isinstance(b.get("backend"), str))
    except (httpx.HTTPError, ValueError, TypeError, AttributeError):
        return ()  # the suite itself will report what is wrong with /backends


BACKENDS = _backends()
TALLY = TALLIES.setdefault(
    f"live {URL}, mode {MODE}",
    Tally("positive, GET only" if READ_ONLY else "positive+negative"),
)

schema = load_schema(
    key=KEY,
    base_url=URL,
    modes=[GenerationMode.POSITIVE] if READ_ONLY else list(GenerationMode),
    max_examples=EXAMPLES,
)
if READ_ONLY:
    schema = schema.include(method="GET")


@schema.parametrize()
def test_operation(case: Any) -> None:
    run_case(case, TALLY, BACKENDS)


if not READ_ONLY:
    # A real queue does not finish jobs instantly, so results links may honestly 404:
    # the run reports differences but does not demand that every link reach a 2xx.
    TestLinks = state_machine(
        schema,
        TALLY,
        BACKENDS,
        settings(
            max_examples=EXAMPLES,
            stateful_step_count=6,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
