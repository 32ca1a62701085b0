"""The CLI runs against respx-mocked IonQ (no network), with a key in the environment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import respx

from ionq_client import IonQClient
from tests.cli.helpers import BASE, KEY


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("IONQ_API_URL", "QISKIT_IONQ_API_TOKEN", "IONQ_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IONQ_API_KEY", KEY)
    # wait_for_job's pauses between polls; the CLI must not depend on real time.
    monkeypatch.setattr(IonQClient, "_sleep", staticmethod(lambda seconds: None))


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    # assert_all_mocked (the default): any request without a route fails the test.
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router
