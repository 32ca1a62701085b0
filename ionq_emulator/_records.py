"""What the store remembers, and how it ages: jobs, sessions and the timeline.

A record holds only what was decided when it was made (the payload, the simulated
outcome, the clock time of submission) plus the few facts that change later (a
cancellation, a session's end). Everything that merely *passes* — a job going
``submitted`` → ``ready`` → ``started`` → ``completed``, a session expiring — is
computed from the clock on demand by :class:`Timeline`, so a test steps a job along
by moving a fake clock. The one exception is simulation, which a worker may still be
doing: such a job is ``pending`` (no results yet) and cannot start before the worker
``began`` nor finish before it ``finished``; until then it shows ``ready`` (waiting
for a worker) or ``started`` (simulating).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Final

from ionq_emulator._accounts import Account
from ionq_emulator._catalog import Backend
from ionq_emulator._config import EmulatorConfig
from ionq_emulator._execution import Outcome

__all__ = ["DEFAULT_SHOTS", "JSON", "UNFINISHED", "Job", "Session", "Timeline"]

JSON = dict[str, Any]
DEFAULT_SHOTS: Final = 100
UNFINISHED: Final = frozenset({"submitted", "ready", "started"})


@dataclass
class Job:
    """One job (a multi-circuit job's parent or child) as submitted and simulated."""

    id: str
    seq: int  # submission order, for newest-first listing and cursors
    account: Account
    type: str
    backend: Backend
    payload: JSON  # as submitted, for clone and move
    submitted: float  # clock time
    outcome: Outcome
    seed: int
    name: str | None = None
    parent_id: str | None = None
    child_ids: list[str] = field(default_factory=list)
    canceled_at: float | None = None
    pending: bool = False  # a worker has yet to attach the simulated outcome
    began: float | None = None  # clock time the simulation began
    finished: float | None = None  # clock time the simulated outcome was attached
    retained: int = 0  # result outcomes this record keeps (the store's budget)
    abandon: threading.Event | None = None  # set to stop its simulation
    # classical register -> qubit per bit, when the circuit has registers (v2 results)
    registers: Mapping[str, tuple[int | None, ...]] | None = None

    @property
    def shots(self) -> int:
        return int(self.payload.get("shots", DEFAULT_SHOTS))

    @property
    def dry_run(self) -> bool:
        return bool(self.payload.get("dry_run", False))

    @property
    def session_id(self) -> str | None:
        return self.payload.get("session_id")


@dataclass
class Session:
    """A session: a backend reserved for a run of jobs, within optional limits."""

    id: str
    account: Account
    backend: str
    created: float
    limits: JSON
    started: float | None = None
    ended: float | None = None
    job_count: int = 0

    def expires(self) -> float | None:
        minutes = self.limits.get("duration_limit_min")
        if minutes is None:
            return None
        # The spec sets no maximum; past ~10^12 minutes (the end of any calendar) a
        # session simply never expires, and a float must not overflow on the way.
        return self.created + 60.0 * float(min(minutes, 10**12))

    def ended_by(self, now: float) -> float | None:
        expires = self.expires()
        if self.ended is not None:
            return self.ended
        return expires if expires is not None and now >= expires else None

    def status(self, now: float) -> str:
        if self.ended_by(now) is not None:
            return "ended"
        return "started" if self.started else "created"


@dataclass(frozen=True)
class Timeline:
    """The config's clocks, anchored when the store was made, and the job lifecycle.

    Records keep moments of the monotonic ``config.clock``; the timeline turns them
    into wall-clock ISO timestamps and decides a job's status at any moment.
    """

    config: EmulatorConfig
    epoch: float
    epoch_wall: float

    @classmethod
    def starting_now(cls, config: EmulatorConfig) -> Timeline:
        return cls(config, config.clock(), config.wall_clock())

    def now(self) -> float:
        return self.config.clock()

    def iso(self, moment: float) -> str:
        try:
            wall = datetime.fromtimestamp(self.epoch_wall + (moment - self.epoch), UTC)
        except (OverflowError, OSError, ValueError):  # past year 9999: the last instant
            wall = datetime.max.replace(tzinfo=UTC)
        return wall.strftime("%Y-%m-%dT%H:%M:%S.") + f"{wall.microsecond // 1000:03d}Z"

    def today(self) -> date:
        return datetime.fromtimestamp(self.epoch_wall, UTC).date()

    def milestones(self, job: Job) -> tuple[float, float, float]:
        """When ``job`` is (or would be) ready, started and done.

        A simulation still in a worker's hands has no known end (``inf``), nor a
        start until the worker begins; it cannot start before the worker began nor
        finish before the worker finished.
        """
        c = self.config
        ready = job.submitted + c.ready_after
        started = ready + c.start_after
        if job.began is not None:
            started = max(started, job.began)
        elif job.pending:
            return ready, math.inf, math.inf
        done = started + c.run_time
        if job.pending:
            return ready, started, math.inf
        if job.finished is not None:
            done = max(done, job.finished)
        return ready, started, done

    def status(self, job: Job, now: float) -> str:
        if job.canceled_at is not None:
            return "canceled"
        ready, started, done = self.milestones(job)
        failure = job.outcome.failure
        if failure is not None and not failure.while_running and now >= ready:
            return "failed"
        if now < ready:
            return "submitted"
        if now < started:
            return "ready"
        if now < done:
            return "started"
        return "failed" if failure is not None else "completed"
