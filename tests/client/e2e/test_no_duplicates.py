"""Real failures from the emulator's fault injector: retries, and exactly one job."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from ionq_client import Circuit, IonQJob, IonQRateLimitError
from ionq_emulator import EmulatorConfig, RunningEmulator, run_emulator
from tests.support.drivers import Driver
from tests.support.emulators import INSTANT
from tests.support.spec_check import SpecCheck

Connect = Callable[..., Driver]
BELL = IonQJob(circuit=Circuit(2).h(0).cx(0, 1), shots=100)


@pytest.fixture
def spec_check() -> Iterator[SpecCheck]:
    check = SpecCheck(injected=frozenset({504}))
    yield check
    assert check.violations == []


@pytest.fixture
def faulty() -> Iterator[RunningEmulator]:
    with run_emulator(EmulatorConfig(seed=9, **INSTANT)) as running:
        yield running


def jobs_on_server(client: Driver) -> int:
    return len(client.list_jobs())


@pytest.mark.parametrize(
    "fault",
    [{"status": 502}, {"status": 504}, {"drop": True}, {"delay": 1.5}],
    ids=[
        "502-after-create",
        "504-after-create",
        "dropped-after-create",
        "read-timeout-after-create",
    ],
)
def test_ambiguous_submission_failure_creates_one_job(
    faulty: RunningEmulator, connect: Connect, fault: dict[str, object]
) -> None:
    client = connect(faulty, timeout=0.5)
    faulty.faults.inject("POST", "/jobs", after=True, **fault)  # type: ignore[arg-type]
    created = client.submit_job(BELL)
    assert faulty.faults.injected == 1
    assert jobs_on_server(client) == 1
    assert client.wait_for_job(created.id).status == "completed"


def test_failure_before_creation_is_resent_once(faulty: RunningEmulator, connect: Connect) -> None:
    client = connect(faulty)
    faulty.faults.inject("POST", "/jobs", status=503)  # the server did nothing
    client.submit_job(BELL)
    assert jobs_on_server(client) == 1


def test_rate_limit_with_retry_after(faulty: RunningEmulator, connect: Connect) -> None:
    client = connect(faulty)
    faulty.faults.inject("GET", "/whoami", status=429, retry_after="2", times=2)
    assert client.whoami().key_id
    assert client.sleeps == [2.0, 2.0]
    limited = connect(faulty, max_retries=0)
    faulty.faults.inject("GET", "/whoami", status=429, retry_after="7")
    with pytest.raises(IonQRateLimitError) as raised:
        limited.whoami()
    assert raised.value.retry_after == 7.0


def test_dropped_read_is_retried(faulty: RunningEmulator, connect: Connect) -> None:
    client = connect(faulty)
    faulty.faults.inject("GET", "/backends", drop=True)
    assert client.get_backends()
    assert faulty.faults.injected == 1 and len(client.sleeps) == 1
