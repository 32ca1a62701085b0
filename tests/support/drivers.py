"""Drive an IonQClient or an AsyncIonQClient through one blocking interface, so a
single test body checks both (the async one runs on a private event loop)."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

from ionq_client import AsyncIonQClient, IonQClient


class Driver:
    """Runs either client's methods to completion and records the pauses it takes."""

    def __init__(self, kind: str, loop: asyncio.AbstractEventLoop, **options: Any) -> None:
        self.kind = kind
        self.loop = loop
        self.sleeps: list[float] = []
        cls = AsyncIonQClient if kind == "async" else IonQClient
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
