"""Fixtures every room shares. Each fixture name means one thing across the suite:

* ``kind``: ``"sync"`` or ``"async"``, the client a parametrized test drives;
* ``emulator``: a running emulator (``ionq_emulator.RunningEmulator``) on loopback;
* ``mock_api``: a respx router standing in for IonQ (client HTTP-layer tests);
* ``http``: a plain ``httpx.Client`` pointed at ``emulator`` (emulator tests).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ionq_emulator import EmulatorConfig, RunningEmulator, run_emulator
from tests.support.emulators import INSTANT, KEYS


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def emulator() -> Iterator[RunningEmulator]:
    """One instant emulator per test module, checking its own answers against the spec;
    it must end with no internal errors (no 500s) recorded."""
    config = EmulatorConfig(keys=KEYS, seed=11, check_responses=True, **INSTANT)
    with run_emulator(config) as running:
        yield running
        assert running.internal_errors == []
