"""A client closed while a call waits to retry: the retry is refused, and no new
connection is opened. (Seen on the direct-transport path: a closed transport quietly
opened a fresh pooled connection that nothing would ever close.)"""

from __future__ import annotations

import asyncio

import pytest

from ionq_client import AsyncIonQClient, IonQClient, IonQClientClosedError
from ionq_emulator import RunningEmulator


def test_sync_retry_after_close_is_refused(emulator: RunningEmulator) -> None:
    client = IonQClient(emulator.key, emulator.url)
    client._sleep = lambda seconds: client.close()  # type: ignore[method-assign]
    emulator.traffic.clear()
    emulator.faults.inject("GET", "/whoami", status=503)

    with pytest.raises(IonQClientClosedError):
        client.whoami()

    assert len(emulator.traffic.requests("GET", "/v0.4/whoami")) == 1


def test_async_retry_after_close_is_refused(emulator: RunningEmulator) -> None:
    async def scenario() -> None:
        client = AsyncIonQClient(emulator.key, emulator.url)

        async def close_instead(seconds: float) -> None:
            await client.close()

        client._sleep = close_instead  # type: ignore[method-assign]
        with pytest.raises(IonQClientClosedError):
            await client.whoami()

    emulator.traffic.clear()
    emulator.faults.inject("GET", "/whoami", status=503)
    asyncio.run(scenario())
    assert len(emulator.traffic.requests("GET", "/v0.4/whoami")) == 1
