"""The CLI runs against respx-mocked IonQ (no network), with a key in the environment."""

from __future__ import annotations

import logging
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


@pytest.fixture(autouse=True)
def client_logger() -> Iterator[None]:
    """``main`` run in-process installs its handlers and level on the ``ionq_client``
    logger, as a command should; put the logger back so other tests see it untouched."""
    logger = logging.getLogger("ionq_client")
    handlers, level = list(logger.handlers), logger.level
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    # assert_all_mocked (the default): any request without a route fails the test.
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router
