"""The facade against a real emulator on loopback (the shared ``emulator`` fixture),
every response checked against the spec in the transport (``tests.support.spec_check``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from ionq_emulator import RunningEmulator
from tests.support.drivers import Driver
from tests.support.spec_check import AsyncCheckingTransport, CheckingTransport, SpecCheck


@pytest.fixture
def spec_check() -> Iterator[SpecCheck]:
    check = SpecCheck()
    yield check
    assert check.violations == [], "responses that break the spec:\n" + "\n".join(check.violations)


@pytest.fixture
def connect(kind: str, spec_check: SpecCheck) -> Iterator[Callable[..., Driver]]:
    """``connect(emulator, key=None, **options)``: a client whose responses are spec-checked."""
    loop = asyncio.new_event_loop()
    drivers: list[Driver] = []

    def make(emulator: RunningEmulator, key: str | None = None, **options: Any) -> Driver:
        http: Any
        if kind == "async":
            http = httpx.AsyncClient(transport=AsyncCheckingTransport(spec_check))
        else:
            http = httpx.Client(transport=CheckingTransport(spec_check))
        options.setdefault("http_client", http)
        driver = Driver(kind, loop, token=key or emulator.key, url=emulator.url, **options)
        driver.http = http
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        if kind == "async":
            loop.run_until_complete(driver.http.aclose())
        else:
            driver.http.close()
    loop.close()
