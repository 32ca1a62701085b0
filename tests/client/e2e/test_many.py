"""Many jobs at once, both clients against the emulator: submit_many, wait_all,
as_completed and run_many. Counts come from the emulator's request log."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from ionq_client import (
    Circuit,
    IonQBatchError,
    IonQBatchTimeoutError,
    IonQJob,
    IonQNotFoundError,
    IonQValidationError,
)
from ionq_emulator import EmulatorConfig, FaultConfig, RunningEmulator, run_emulator
from tests.support.drivers import Driver
from tests.support.emulators import INSTANT, KEYS

Connect = Callable[..., Driver]


def jobs(count: int) -> list[IonQJob]:
    return [IonQJob(circuit=Circuit(1).h(0), shots=10 + i) for i in range(count)]


@pytest.fixture
def slow() -> Iterator[RunningEmulator]:
    """Jobs finish ~0.3 s after submission; every request takes 20 ms more."""
    config = EmulatorConfig(
        keys=KEYS,
        seed=21,
        ready_after=0.1,
        start_after=0.1,
        run_time=0.1,
        faults=FaultConfig(latency=0.02),
    )
    with run_emulator(config) as running:
        yield running


def test_submit_many_keeps_order_and_its_concurrency_bound(
    slow: RunningEmulator, connect: Connect
) -> None:
    client = connect(slow)
    slow.traffic.clear()
    created = client.submit_many(jobs(40), concurrency=5)
    posts = slow.traffic.requests("POST", "/v0.4/jobs")
    assert len(posts) == 40 and len({c.id for c in created}) == 40
    assert [client.retrieve_job(c.id).shots for c in created] == list(range(10, 50))
    assert 2 <= slow.traffic.most_in_flight <= 5  # concurrent, and never more than asked


def test_submit_many_validates_every_job_before_sending_any(
    emulator: RunningEmulator, connect: Connect
) -> None:
    client = connect(emulator)
    bad = [*jobs(3), IonQJob(circuit=Circuit(1).h(0), shots=0)]
    emulator.traffic.clear()
    with pytest.raises(IonQValidationError) as raised:
        client.submit_many(bad)
    assert raised.value.field == "jobs[3].shots"
    assert emulator.traffic.requests("POST") == []


def test_submit_many_never_duplicates_under_after_handling_faults(connect: Connect) -> None:
    faults = FaultConfig(rate_502=0.15, rate_drop=0.1, after_rate=1.0)
    with run_emulator(EmulatorConfig(keys=KEYS, seed=8, faults=faults, **INSTANT)) as faulty:
        client = connect(faulty)
        client.client._sleep = (lambda s: None) if client.kind == "sync" else _no_wait
        created = client.submit_many(jobs(60), concurrency=8)
        assert sum(1 for r in faulty.faults.history if r.after) > 0
        faulty.faults.config = FaultConfig()
        names = [job.id for job in client.list_jobs()]
    assert len(names) == 60 and sorted(names) == sorted(c.id for c in created)


def test_one_failure_loses_none_of_the_other_ids(
    emulator: RunningEmulator, connect: Connect
) -> None:
    client = connect(emulator, max_retries=0)
    emulator.faults.inject("POST", "/jobs", status=400)  # refused: certainly not created
    with pytest.raises(IonQBatchError) as raised:
        client.submit_many(jobs(5), concurrency=1)
    results = raised.value.results
    assert list(raised.value.errors) == [0]
    assert [r.id for r in results[1:]] and len({r.id for r in results[1:]}) == 4


def test_wait_all_polls_the_list_not_each_job(connect: Connect) -> None:
    """300 jobs that finish over a few seconds: each poll is at most 3 list requests
    (100 ids each), never one GET per job."""
    config = EmulatorConfig(keys=KEYS, seed=5, ready_after=0.5, start_after=0.5, run_time=1.0)
    with run_emulator(config) as timed:
        client = connect(timed, max_retries=0)
        ids = [c.id for c in client.submit_many(jobs(300), concurrency=16)]
        timed.traffic.clear()
        progress: list[dict[str, int]] = []
        finished = client.wait_all(ids, on_progress=progress.append)
        lists = timed.traffic.requests("GET", "/v0.4/jobs")
        everything = timed.traffic.requests()
    assert [job.id for job in finished] == ids
    assert {job.status for job in finished} == {"completed"}
    assert everything == lists  # no GET /jobs/{id} at all
    polls = len(progress)
    assert polls >= 2  # the jobs were still running when waiting began
    assert len(lists) <= 3 * polls
    assert all(1 <= len([k for k, _ in s.query if k == "ids"]) <= 100 for s in lists)
    assert progress[-1] == {"completed": 300}
    assert len(lists) * 50 <= 300 * polls  # vs one GET per job per poll


def test_as_completed_yields_each_job_once_as_it_finishes(
    slow: RunningEmulator, connect: Connect
) -> None:
    client = connect(slow)
    ids = [c.id for c in client.submit_many(jobs(12))]
    seen = client.as_completed(ids)
    assert sorted(job.id for job in seen) == sorted(ids)


def test_the_deadline_names_the_unfinished_and_can_cancel_them(connect: Connect) -> None:
    config = EmulatorConfig(keys=KEYS, seed=3, ready_after=60, start_after=60, run_time=60)
    with run_emulator(config) as stuck:
        client = connect(stuck)
        ids = [c.id for c in client.submit_many(jobs(3))]
        with pytest.raises(IonQBatchTimeoutError) as raised:
            client.wait_all(ids, timeout=0, cancel_on_timeout=True)
        assert raised.value.unfinished == ids
        assert {client.retrieve_job(i).status for i in ids} == {"canceled"}


def test_unknown_ids_are_refused_at_the_first_poll(
    emulator: RunningEmulator, connect: Connect
) -> None:
    client = connect(emulator)
    known = client.submit_job(jobs(1)[0]).id
    with pytest.raises(IonQNotFoundError, match="1 of the jobs"):
        client.wait_all([known, "00000000-0000-4000-8000-000000000000"])


def test_run_many_returns_results_in_order(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    circuits = [Circuit(2).h(0).cx(0, 1), Circuit(2).x(0), Circuit(2).x(1)]
    results = client.run_many([IonQJob(circuit=c, shots=100) for c in circuits])
    assert [r.bitstrings() for r in results][1:] == [{"01": 1.0}, {"10": 1.0}]
    assert results[0].bitstrings() == {"00": 0.5, "11": 0.5}


async def _no_wait(seconds: float) -> None:
    return None
