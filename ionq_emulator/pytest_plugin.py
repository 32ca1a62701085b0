"""pytest plugin (auto-loaded when ionq-client is installed): an ``ionq_emulator`` fixture.

The fixture starts one emulator per test session on a free loopback port, so
users' own test suites can exercise code that talks to IonQ without a network.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ionq_emulator import RunningEmulator


@pytest.fixture(scope="session")
def ionq_emulator() -> Iterator[RunningEmulator]:
    """A running emulator: ``.url`` (ends with /v0.4) and ``.key``."""
    from ionq_emulator import run_emulator

    with run_emulator() as emulator:
        yield emulator
