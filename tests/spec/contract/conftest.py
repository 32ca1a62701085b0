"""Print the contract runs' counts in pytest's summary (the harness is in ``harness.py``)."""

from __future__ import annotations

import pytest

from tests.spec.contract.harness import TALLIES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Counts go to the summary, which ``pytest -q`` shows even when output is captured."""
    for name, tally in TALLIES.items():
        if tally.cases or tally.steps:
            terminalreporter.write_line(tally.line(name))
