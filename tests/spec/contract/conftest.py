"""Print the contract runs' counts in pytest's summary (the harness is in ``harness.py``),
and keep the live run's API key out of every report pytest prints."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.spec.contract.harness import TALLIES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Counts go to the summary, which ``pytest -q`` shows even when output is captured."""
    for name, tally in TALLIES.items():
        if tally.cases or tally.steps:
            terminalreporter.write_line(tally.line(name))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """A failure's traceback may show request headers (schemathesis' reproduction
    code, a transport error's locals): print it with the key replaced."""
    outcome = yield
    key = os.environ.get("IONQ_CONTRACT_KEY", "")
    report = outcome.get_result()  # type: ignore[attr-defined]
    if len(key) < 4:
        return
    if report.longrepr is not None and key in str(report.longrepr):
        report.longrepr = str(report.longrepr).replace(key, "<redacted>")
    report.sections = [(title, text.replace(key, "<redacted>")) for title, text in report.sections]
