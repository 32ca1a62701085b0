"""Real failures from the emulator's fault injector: retries, and exactly one job."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from ionq_client import Circuit, IonQClient, IonQJob, IonQRateLimitError
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


def test_200_concurrent_submissions_each_answered_502_after_creation_make_200_jobs(
    faulty: RunningEmulator,
) -> None:
    """Seen on main: 354 jobs for 200 submissions. Every job is created, then its answer
    lost; each submission must find its own job among the 199 others created meanwhile
    (the old lookup read only the 100 newest jobs)."""
    import asyncio

    from ionq_client import AsyncIonQClient

    faulty.faults.inject("POST", "/jobs", status=502, after=True, times=200)

    async def submit_all() -> list[str]:
        async with AsyncIonQClient(faulty.key, faulty.url, max_retries=2) as client:
            client._sleep = _no_wait  # type: ignore[method-assign]
            jobs = [IonQJob(circuit=Circuit(1).h(0), shots=1 + i) for i in range(200)]
            created = await asyncio.gather(*(client.submit_job(job) for job in jobs))
            return [c.id for c in created]

    ids = asyncio.run(submit_all())
    assert faulty.faults.injected == 200
    with IonQClient(faulty.key, faulty.url) as client:
        on_server = client.list_jobs()
        by_id = {job.id: job.shots for job in on_server}
    assert len(on_server) == 200 and len(set(ids)) == 200
    assert [by_id[job_id] for job_id in ids] == list(range(1, 201))  # each got its own


async def _no_wait(seconds: float) -> None:
    return None
