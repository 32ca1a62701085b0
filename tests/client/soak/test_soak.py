"""The soak: many clients on one key, a fifth of all requests failing, and a ledger.

Threads (``IonQClient``), asyncio tasks (``AsyncIonQClient``, 200 in flight) and
worker processes (a pickled ``IonQClient`` each) submit, read, list, cancel and delete
jobs and open and end sessions against one emulator whose fault injector fails 20 %
of requests, half of them *after* the request took effect (502, a dropped connection,
an answer held past the client's read timeout), plus 429 with ``Retry-After``, 500,
503 and 504. Every submission is written in a ledger under a unique job name with
what the client said happened; at the end the ledger is compared with the jobs the
emulator holds:

* duplicates: jobs beyond the one a submission may have made;
* lost: a submission that returned an id the server never had, or a job the client
  said was refused for certain (no "may have taken effect" note);
* late: calls that outlived their deadline (``max_retries + 1`` attempts, each at most
  its budget, plus the pauses and lookups between them, with slack).

``make test`` runs a short version; ``make soak`` (``IONQ_SOAK=1``) runs at least
2,000 operations and prints the ledger's figures.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import logging
import multiprocessing
import os
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from ionq_client import (
    AsyncIonQClient,
    Circuit,
    IonQClient,
    IonQError,
    IonQJob,
)
from ionq_client._failures import AMBIGUOUS_NOTE
from ionq_emulator import EmulatorConfig, FaultConfig, RunningEmulator, run_emulator

FULL = os.environ.get("IONQ_SOAK") == "1"
#: (threads x steps, async tasks in flight x steps, processes x steps)
SIZES = {
    "threads": (16, 60) if FULL else (6, 15),
    "tasks": (200, 5) if FULL else (200, 1),
    "processes": (3, 80) if FULL else (2, 12),
}
# Room for a loaded 2-core machine; the injected delay (6 s) still outlasts the read.
TIMEOUT = httpx.Timeout(5.0, connect=2.0)
MAX_RETRIES = 4
# Generous: (retries + 1) attempts of 7 s, pauses up to 8 s, a lookup as long again.
CALL_DEADLINE = 2 * (MAX_RETRIES + 1) * (7.0 + 8.0) + 30.0
FAULTS = FaultConfig(
    rate_429=0.03,
    rate_500=0.02,
    rate_502=0.04,
    rate_503=0.03,
    rate_504=0.03,
    rate_drop=0.03,
    rate_delay=0.02,
    delay=6.0,
    retry_after=1,
    after_rate=0.5,
)


# ------------------------------------------------------------------ the ledger
@dataclass
class Ledger:
    """What each client meant to do and what it was told; merged across workers."""

    submitted: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    operations: collections.Counter[str] = field(default_factory=collections.Counter)
    errors: collections.Counter[str] = field(default_factory=collections.Counter)
    retries: int = 0
    slowest: float = 0.0
    late: int = 0

    def merge(self, other: Ledger) -> None:
        self.submitted.update(other.submitted)
        self.deleted |= other.deleted
        self.operations.update(other.operations)
        self.errors.update(other.errors)
        self.retries += other.retries
        self.slowest = max(self.slowest, other.slowest)
        self.late += other.late

    def timed(self, name: str, started: float) -> None:
        took = time.monotonic() - started
        self.operations[name] += 1
        self.slowest = max(self.slowest, took)
        self.late += took > CALL_DEADLINE


class RetryCounter(logging.Handler):
    """Counts the client's retry log records (one per retry, see ``_base_client``)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0
        self._lock = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        if hasattr(record, "ionq_retry"):
            with self._lock:
                self.count += 1


@dataclass(frozen=True)
class Step:
    """One operation a worker draws; all workers share the mix."""

    kind: str
    job: IonQJob | None = None


MIX = (
    ("submit", 35),
    ("retrieve", 20),
    ("results", 10),
    ("list", 10),
    ("cancel", 8),
    ("delete", 7),
    ("session", 10),
)


def steps(worker: str, count: int, seed: int) -> Iterator[Step]:
    rng = random.Random(seed)
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    for i in range(count):
        kind = rng.choices(kinds, weights)[0]
        if kind == "submit":
            circuit = Circuit(2).h(0).cx(0, 1)
            yield Step(kind, IonQJob(circuit=circuit, shots=10, name=f"soak-{worker}-{i}"))
        else:
            yield Step(kind)


def outcome(error: IonQError) -> str:
    """``ambiguous`` when the job may exist, ``refused`` when it certainly does not."""
    return "ambiguous" if AMBIGUOUS_NOTE in getattr(error, "__notes__", ()) else "refused"


# ------------------------------------------------------------- blocking workers
def run_blocking(client: IonQClient, worker: str, count: int, seed: int) -> Ledger:
    ledger = Ledger()
    mine: list[str] = []
    rng = random.Random(seed + 1)
    for step in steps(worker, count, seed):
        started = time.monotonic()
        try:
            blocking_step(client, step, mine, rng, ledger)
        except IonQError as error:
            ledger.errors[f"{step.kind}:{type(error).__name__}"] += 1
            if step.job is not None:
                ledger.submitted[str(step.job.name)] = (outcome(error), None)
        ledger.timed(step.kind, started)
    return ledger


def blocking_step(
    client: IonQClient, step: Step, mine: list[str], rng: random.Random, ledger: Ledger
) -> None:
    if step.job is not None:
        created = client.submit_job(step.job)
        ledger.submitted[str(step.job.name)] = ("created", created.id)
        mine.append(created.id)
    elif step.kind == "list":
        client.list_jobs(max_jobs=20)
    elif step.kind == "session":
        session = client.create_session("simulator", job_count_limit=5)
        client.end_session(session.id)
    elif mine:
        job_id = rng.choice(mine)
        if step.kind == "retrieve":
            client.retrieve_job(job_id)
        elif step.kind == "results":
            client.get_results(job_id)
        elif step.kind == "cancel":
            client.cancel_job(job_id)
        elif step.kind == "delete":
            mine.remove(job_id)
            ledger.deleted.add(job_id)  # intended: it may or may not be gone
            client.delete_job(job_id)


def process_worker(client: IonQClient, worker: str, count: int, seed: int) -> Ledger:
    counter = RetryCounter()
    logging.getLogger("ionq_client").addHandler(counter)
    logging.getLogger("ionq_client").setLevel(logging.INFO)
    with client:
        ledger = run_blocking(client, worker, count, seed)
    ledger.retries = counter.count
    return ledger


# ---------------------------------------------------------------- async workers
async def run_tasks(emulator: RunningEmulator, tasks: int, count: int) -> Ledger:
    ledger = Ledger()
    async with AsyncIonQClient(
        emulator.key, emulator.url, timeout=TIMEOUT, max_retries=MAX_RETRIES
    ) as client:

        async def task(n: int) -> None:
            mine: list[str] = []
            rng = random.Random(n)
            for step in steps(f"task{n}", count, 1000 + n):
                started = time.monotonic()
                try:
                    await async_step(client, step, mine, rng, ledger)
                except IonQError as error:
                    ledger.errors[f"{step.kind}:{type(error).__name__}"] += 1
                    if step.job is not None:
                        ledger.submitted[str(step.job.name)] = (outcome(error), None)
                ledger.timed(step.kind, started)

        await asyncio.gather(*(task(n) for n in range(tasks)))
    return ledger


async def async_step(
    client: AsyncIonQClient, step: Step, mine: list[str], rng: random.Random, ledger: Ledger
) -> None:
    if step.job is not None:
        created = await client.submit_job(step.job)
        ledger.submitted[str(step.job.name)] = ("created", created.id)
        mine.append(created.id)
    elif step.kind == "list":
        await client.list_jobs(max_jobs=20)
    elif step.kind == "session":
        session = await client.create_session("simulator", job_count_limit=5)
        await client.end_session(session.id)
    elif mine:
        job_id = rng.choice(mine)
        if step.kind == "retrieve":
            await client.retrieve_job(job_id)
        elif step.kind == "results":
            await client.get_results(job_id)
        elif step.kind == "cancel":
            await client.cancel_job(job_id)
        elif step.kind == "delete":
            mine.remove(job_id)
            ledger.deleted.add(job_id)
            await client.delete_job(job_id)


# ----------------------------------------------------------------- the verdict
@dataclass
class Verdict:
    duplicates: int
    lost: int
    jobs_on_server: int
    doubled: list[str] = field(default_factory=list)  # the names with a duplicate


def compare(ledger: Ledger, on_server: list[tuple[str, str | None]]) -> Verdict:
    """The ledger against the server's jobs (id, name)."""
    by_name: dict[str, list[str]] = collections.defaultdict(list)
    for job_id, name in on_server:
        if name is not None and name.startswith("soak-"):
            by_name[name].append(job_id)
    duplicates = lost = 0
    doubled: list[str] = []
    for name, (said, job_id) in ledger.submitted.items():
        held = by_name.get(name, [])
        if said == "created":
            others = [j for j in held if j != job_id]
            duplicates += len(others)
            doubled += [name] if others else []
            lost += job_id not in held and job_id not in ledger.deleted
        elif said == "ambiguous":
            duplicates += max(0, len(held) - 1)
            doubled += [name] if len(held) > 1 else []
        else:  # refused for certain: nothing may exist
            lost += len(held)
    unknown = set(by_name) - set(ledger.submitted)
    lost += len(unknown)  # a job no submission accounts for
    return Verdict(duplicates, lost, len(on_server), doubled)


def server_jobs(emulator: RunningEmulator) -> list[tuple[str, str | None]]:
    emulator.faults.clear()
    emulator.faults.config = FaultConfig()  # read the final state without faults
    with IonQClient(emulator.key, emulator.url) as client:
        return [
            (job.id, job.name if isinstance(job.name, str) else None)
            for job in client.list_jobs(limit=1000)
        ]


def fault_summary(emulator: RunningEmulator) -> dict[str, int]:
    kinds: collections.Counter[str] = collections.Counter()
    for record in emulator.faults.history:
        what = "drop" if record.drop else str(record.status or f"delay {record.delay:g}s")
        kinds[f"{what} {'after' if record.after else 'before'}"] += 1
    return dict(sorted(kinds.items()))


# ---------------------------------------------------------------------- the run
@pytest.fixture
def soak_emulator() -> Iterator[RunningEmulator]:
    config = EmulatorConfig(
        seed=2026, ready_after=0.0, start_after=0.0, run_time=0.0, faults=FAULTS
    )
    with run_emulator(config) as emulator:
        yield emulator


def test_soak_no_duplicates_no_losses_no_late_calls(
    soak_emulator: RunningEmulator, capsys: pytest.CaptureFixture[str]
) -> None:
    emulator = soak_emulator
    ledger = Ledger()
    counter = RetryCounter()
    logger = logging.getLogger("ionq_client")
    logger.addHandler(counter)
    previous = logger.level
    logger.setLevel(logging.INFO)
    try:
        threads, thread_steps = SIZES["threads"]
        processes, process_steps = SIZES["processes"]
        tasks, task_steps = SIZES["tasks"]
        client = IonQClient(emulator.key, emulator.url, timeout=TIMEOUT, max_retries=MAX_RETRIES)
        context = multiprocessing.get_context("spawn")
        with (
            concurrent.futures.ProcessPoolExecutor(processes, mp_context=context) as pool,
            concurrent.futures.ThreadPoolExecutor(threads) as threads_pool,
            client,
        ):
            in_processes = [
                pool.submit(process_worker, client, f"p{n}", process_steps, 500 + n)
                for n in range(processes)
            ]
            in_threads = [
                threads_pool.submit(run_blocking, client, f"t{n}", thread_steps, n)
                for n in range(threads)
            ]
            ledger.merge(asyncio.run(run_tasks(emulator, tasks, task_steps)))
            for future in [*in_threads, *in_processes]:
                ledger.merge(future.result(timeout=600))
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous)
    ledger.retries += counter.count
    faults = fault_summary(emulator)
    verdict = compare(ledger, server_jobs(emulator))
    figures = {
        "operations": sum(ledger.operations.values()),
        "by kind": dict(ledger.operations),
        "submissions": len(ledger.submitted),
        "faults injected": sum(faults.values()),
        "faults": faults,
        "retries": ledger.retries,
        "errors surfaced": dict(ledger.errors),
        "jobs on the server": verdict.jobs_on_server,
        "duplicates": verdict.duplicates,
        "doubled submissions": verdict.doubled,
        "lost": verdict.lost,
        "slowest call (s)": round(ledger.slowest, 2),
        "calls past their deadline": ledger.late,
        "internal errors": len(emulator.internal_errors),
    }
    if verdict.doubled:  # what a failure needs to be understood: when each copy was made
        with IonQClient(emulator.key, emulator.url) as reader:
            copies = [job for job in reader.list_jobs(limit=1000) if job.name in verdict.doubled]
        figures["doubled copies"] = sorted((str(j.name), str(j.submitted_at)) for j in copies)
    with capsys.disabled():
        print("\nsoak:", "full" if FULL else "short")
        for name, value in figures.items():
            print(f"  {name}: {value}")
    assert sum(ledger.operations.values()) >= (2000 if FULL else 200)
    assert sum(faults.values()) > 0 and any("after" in kind for kind in faults)
    assert verdict.duplicates == 0
    assert verdict.lost == 0
    assert ledger.late == 0
    assert emulator.internal_errors == []


def test_the_ledger_counts_what_it_should() -> None:
    """Guard the guard: a duplicate, a loss and a phantom are each seen."""
    ledger = Ledger(
        submitted={
            "soak-a": ("created", "1"),
            "soak-b": ("created", "2"),
            "soak-c": ("ambiguous", None),
            "soak-d": ("refused", None),
        }
    )
    server = [("1", "soak-a"), ("9", "soak-a"), ("3", "soak-c"), ("4", "soak-d")]
    verdict = compare(ledger, server)
    assert (verdict.duplicates, verdict.lost) == (1, 2)  # soak-a twice; b gone, d exists
    ledger.deleted.add("2")
    assert compare(ledger, server).lost == 1
