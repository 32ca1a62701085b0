"""One suite for both clients: ``client`` is an IonQClient or an AsyncIonQClient
behind the same blocking interface, so every HTTP-layer test runs against both."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import respx

from tests.support.drivers import Driver

BASE = "https://api.ionq.co/v0.4"
KEY = "sk-test-0123456789abcdef"


@pytest.fixture
def make_client(kind: str) -> Iterator[Callable[..., Driver]]:
    loop = asyncio.new_event_loop()
    drivers: list[Driver] = []

    def make(**options: Any) -> Driver:
        options.setdefault("token", KEY)
        options.setdefault("url", BASE)
        driver = Driver(kind, loop, **options)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.close()
    loop.close()


@pytest.fixture
def client(make_client: Callable[..., Driver]) -> Driver:
    return make_client()


@pytest.fixture
def mock_api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router
