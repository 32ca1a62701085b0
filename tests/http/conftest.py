"""One suite for both clients: ``client`` is an IonQClient or an AsyncIonQClient
behind the same blocking interface, so every HTTP-layer test runs against both."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import respx

from ionq_client import AsyncIonQClient, IonQClient

BASE = "https://api.ionq.co/v0.4"
KEY = "sk-test-0123456789abcdef"


class Driver:
    """Runs either client's methods to completion and records the pauses it takes."""

    def __init__(self, kind: str, loop: asyncio.AbstractEventLoop, **options: Any) -> None:
        self.kind = kind
        self.loop = loop
        self.sleeps: list[float] = []
        cls = AsyncIonQClient if kind == "async" else IonQClient
        options.setdefault("token", KEY)
        options.setdefault("url", BASE)
        self.client: Any = cls(**options)
        self.client._jitter = lambda: 0.0
        if kind == "async":

            async def fake_sleep(seconds: float) -> None:
                self.sleeps.append(seconds)

            self.client._sleep = fake_sleep
        else:
            self.client._sleep = self.sleeps.append

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.client, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            result = attr(*args, **kwargs)
            if inspect.isawaitable(result):
                return self.loop.run_until_complete(result)
            if inspect.isasyncgen(result):

                async def collect() -> list[Any]:
                    return [item async for item in result]

                return self.loop.run_until_complete(collect())
            if inspect.isgenerator(result):
                return list(result)
            return result

        return call

    def close(self) -> None:
        result = self.client.close()
        if inspect.isawaitable(result):
            self.loop.run_until_complete(result)


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_client(kind: str) -> Iterator[Callable[..., Driver]]:
    loop = asyncio.new_event_loop()
    drivers: list[Driver] = []

    def make(**options: Any) -> Driver:
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
def api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router
