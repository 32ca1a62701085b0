"""The emulated service's state and every change to it, behind one lock.

The lock is needed because uvicorn runs handlers on several threads, and re-entrant
because ``session_jobs`` calls ``list_jobs`` while holding it. The :class:`Store`
owns the dicts of jobs and sessions and is the only thing that changes them:
intake (validation beyond the schema, simulation via ``_execution``), cancel,
delete, clone, move and sessions. Records and how they age are in ``_records``;
every answer is rendered by ``_views`` from the records while the lock is held.
The HTTP layer (``_app``) only routes, authenticates and validates, and reaches
state only through the store.

Simulating never holds the lock, so one big job cannot stall other requests. A job
is decoded and assessed (gate counts, failures known up front) before the lock is
taken, registered under it, and simulated after it: in the request's thread when
its work is at most ``config.inline_work`` (so small jobs are complete when the
creation answer is sent), else by a fixed pool of ``config.workers`` threads, with
at most ``config.max_queued_jobs`` waiting or running (one more is answered 429).
Until its outcome is attached the job is ``pending``: ``ready``, or ``started``
once a worker has begun. Cancel and delete stop a running simulation between gates.
What results keep is bounded per job (``max_result_states``) and across live jobs
(``max_retained_states``, freed by deleting jobs); past either, the job fails with
IonQ's ``SimulationError`` or ``QuotaExhaustedError`` instead of growing the heap.
"""

from __future__ import annotations

import logging
import math
import random
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar

from ionq_emulator import _views as views
from ionq_emulator._accounts import Account, accounts_for, find_account
from ionq_emulator._catalog import (
    BACKENDS,
    Backend,
    calibration,
    calibration_days,
    calibration_id,
    noise_model_for,
)
from ionq_emulator._circuits import Circuit, circuits_of
from ionq_emulator._config import EmulatorConfig
from ionq_emulator._errors import Busy, Conflict, NotFound, quoted
from ionq_emulator._execution import Failure, Outcome, assess, simulate, work_of
from ionq_emulator._functions import without_secrets
from ionq_emulator._records import JSON, UNFINISHED, Job, Session, Timeline
from ionq_emulator._simulator import SimulationError, SimulationInterrupted
from ionq_emulator._validation import RequestInvalid, circuit_problems

__all__ = ["Store"]

_log = logging.getLogger(__name__)


_Record = TypeVar("_Record", Job, Session)


@dataclass
class _Work:
    """One submission's simulation: its top-level job and the circuits to run."""

    job: Job
    children: list[Job]
    runs: list[tuple[Job, Circuit]]
    model: str | None
    inline: bool
    abandon: threading.Event


def _parent_outcome(children: Sequence[Job]) -> Outcome:
    """A multi-circuit parent: its children's totals and first failure."""
    failure = next((c.outcome.failure for c in children if c.outcome.failure), None)
    gates = (
        sum(c.outcome.gates[0] for c in children),
        sum(c.outcome.gates[1] for c in children),
    )
    qubits = max(c.outcome.qubits for c in children)
    return Outcome(qubits, gates, failure)


def _owned(records: Mapping[str, _Record], account: Account, an_id: str, kind: str) -> _Record:
    """The account's record ``an_id``; another key's record is as absent as a missing one."""
    record = records.get(an_id)
    if record is None or record.account != account:
        raise NotFound(f"{kind} {quoted(an_id)} does not exist.")
    return record


class Store:
    """All state of one emulator instance; every public method is thread-safe."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        self.accounts = accounts_for(config.keys)
        self._lock = threading.RLock()
        self._ids = random.Random(config.seed)
        self._timeline = Timeline.starting_now(config)
        self._jobs: dict[str, Job] = {}
        self._cursors: dict[str, tuple[str, int]] = {}  # job id -> (key, seq); survives delete
        self._sessions: dict[str, Session] = {}
        self._seq = 0
        self._pool: ThreadPoolExecutor | None = None
        self._queued = 0  # jobs handed to the workers and not yet done
        self._retained = 0  # result outcomes kept by live jobs
        self.internal_errors: list[str] = []  # the store's own bugs (in workers)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.accounts)

    def account(self, key: str) -> Account | None:
        return find_account(self.accounts, key)

    def _now(self) -> float:
        return self._timeline.now()

    def _new_id(self) -> str:
        return str(uuid.UUID(int=self._ids.getrandbits(128), version=4))

    # ---------------------------------------------------------------- backends

    def _backend(self, name: str) -> Backend:
        if name not in BACKENDS:
            raise NotFound(f"Backend {quoted(name)} does not exist.")
        return BACKENDS[name]

    def backends(self) -> list[JSON]:
        return [views.backend_view(b, self._timeline) for b in BACKENDS.values()]

    def backend(self, name: str) -> JSON:
        return views.backend_view(self._backend(name), self._timeline)

    def characterizations(
        self, name: str, start: date | None, end: date | None, limit: int, page: int
    ) -> JSON:
        backend = self._backend(name)
        return views.characterizations_page(
            backend, self._timeline.today(), start, end, limit, page
        )

    def characterization(self, name: str, characterization_id: str) -> JSON:
        backend = self._backend(name)
        for day in calibration_days(backend, self._timeline.today()):
            if calibration_id(backend.name, day) == characterization_id:
                return calibration(backend, day)
        raise NotFound(f"Characterization {quoted(characterization_id)} of {name} does not exist.")

    # -------------------------------------------------------------- job intake

    def create_job(self, account: Account, payload: JSON, *, moving: Job | None = None) -> JSON:
        """Accept a validated creation payload: 404s and 409s here, later failures on
        the job (a circuit that breaks a gate rule the schema cannot state among them).

        Decoding and assessing run before the lock, registering under it, simulating
        after it: in this thread for a small job (it is complete when this returns
        under an instant config), else in a worker. ``moving`` is a job to cancel
        in the same breath, if it has still not started (``move_job``).
        """
        if payload["type"] == "qctrl.qaoa.v1":
            payload = without_secrets(payload)  # the Q-CTRL key is never kept
        backend = self._backend(payload["backend"])
        model = noise_model_for(backend, payload.get("noise"))
        assessed = self._assess(payload, backend)
        with self._lock:
            if moving is not None:
                self._check_movable(moving)
            session = self._join_session(account, payload)
            job, work = self._submit(account, payload, backend, model, assessed)
            if session is not None:
                session.job_count += 1
                if session.started is None:
                    session.started = job.submitted
            if moving is not None:
                self._cancel(moving, self._now())
        if work is not None:
            if work.inline:
                self._simulate(work)
            else:
                self._executor().submit(self._simulate, work)
        return {"id": job.id, "status": "submitted", "session_id": job.session_id}

    def _join_session(self, account: Account, payload: Mapping[str, Any]) -> Session | None:
        session_id = payload.get("session_id")
        if session_id is None:
            return None
        session = self._sessions.get(session_id)
        now = self._now()
        problem = None
        if session is None or session.account != account:
            raise NotFound(f"Session {quoted(session_id)} does not exist.")
        if session.ended_by(now) is not None:
            problem = f"Session {quoted(session_id)} has ended."
        elif session.backend != payload["backend"]:
            on = f"is on {session.backend}, not {payload['backend']}"
            problem = f"Session {quoted(session_id)} {on}."
        elif session.job_count >= session.limits.get("job_count_limit", math.inf):
            problem = f"Session {quoted(session_id)} has reached its job_count_limit."
        if problem:  # the session exists, but its state refuses this job
            raise Conflict(problem)
        return session

    def _register(self, job: Job) -> Job:
        self._jobs[job.id] = job
        self._cursors[job.id] = (job.account.key, job.seq)
        return job

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    @staticmethod
    def _assess(payload: JSON, backend: Backend) -> list[tuple[Circuit, Outcome]] | Outcome:
        """Each circuit with what is known before simulating; a failed decode instead.

        A circuit breaking a gate rule fails the whole job with ``InvalidInput``,
        naming the first offending key (``input.circuit.1.target: qubit 2 is out of
        range...``), the way IonQ's preflight fails a job it has already accepted.
        """
        problems = circuit_problems(payload)
        if problems:
            key, why = problems[0]
            return Outcome(0, (0, 0), Failure("InvalidInput", f"{key}: {why}", False))
        try:
            circuits = circuits_of(payload)
        except SimulationError as exc:
            return Outcome(0, (0, 0), Failure(exc.code, exc.message, False))
        return [(circuit, assess(circuit, backend)) for circuit in circuits]

    def _submit(
        self,
        account: Account,
        payload: JSON,
        backend: Backend,
        model: str | None,
        assessed: list[tuple[Circuit, Outcome]] | Outcome,
    ) -> tuple[Job, _Work | None]:
        """Record a job (and a multi-circuit job's children) and the simulation it needs."""
        job_id = self._new_id()
        now = self._now()
        seq = self._next_seq()
        dry_run = bool(payload.get("dry_run", False))
        noise = payload.get("noise") or {}

        def seed_of(an_id: str) -> int:
            seed = noise.get("seed")
            return int(seed) if seed is not None else uuid.UUID(an_id).int % 2**63

        def top_level(outcome: Outcome, seed: int) -> Job:
            job_type, name = payload["type"], payload.get("name")
            return Job(job_id, seq, account, job_type, backend, payload, now, outcome, seed, name)

        if isinstance(assessed, Outcome):  # the input did not decode: failed, nothing to run
            return self._register(top_level(assessed, 0)), None
        if payload["type"] != "ionq.multi-circuit.v1":
            ((circuit, outcome),) = assessed
            job = top_level(outcome, seed_of(job_id))
            job.registers = circuit.registers
            runs = [] if dry_run or outcome.failure else [(job, circuit)]
            return self._register(job), self._work(job, runs, model)
        child_payload = {k: v for k, v in payload.items() if k not in ("input", "name")}
        children = []
        runs = []
        for circuit, outcome in assessed:
            child_id = self._new_id()
            child_seq = self._next_seq()
            child = Job(
                child_id,
                child_seq,
                account,
                "ionq.circuit.v1",
                backend,
                dict(child_payload),
                now,
                outcome,
                seed_of(child_id),
                name=circuit.name,
                parent_id=job_id,
                registers=circuit.registers,
            )
            children.append(child)
            if not dry_run and outcome.failure is None:
                runs.append((child, circuit))
        parent = top_level(_parent_outcome(children), 0)
        parent.child_ids = [c.id for c in children]
        self._register(parent)
        for child in children:
            self._register(child)
        return parent, self._work(parent, runs, model, children)

    def _work(
        self,
        job: Job,
        runs: list[tuple[Job, Circuit]],
        model: str | None,
        children: Sequence[Job] = (),
    ) -> _Work | None:
        """Mark ``job`` (and the children to run) pending and say how to simulate them."""
        if not runs:
            return None
        inline = sum(work_of(j.outcome) for j, _ in runs) <= self.config.inline_work
        if not inline:
            if self._queued >= self.config.max_queued_jobs:
                self._unregister(job, children)
                raise Busy(
                    f"The emulator already has {self._queued} jobs waiting for a simulator;"
                    " retry later."
                )
            self._queued += 1
        work = _Work(job, list(children), runs, model, inline, threading.Event())
        for pending in (job, *(j for j, _ in runs)):
            pending.pending = True
            pending.abandon = work.abandon
        return work

    def _unregister(self, job: Job, children: Sequence[Job]) -> None:
        for record in (job, *children):
            self._jobs.pop(record.id, None)
            self._cursors.pop(record.id, None)

    # -------------------------------------------------------------- simulation

    def _executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(
                    self.config.workers, thread_name_prefix="ionq-emulator-simulator"
                )
            return self._pool

    def _simulate(self, work: _Work) -> None:
        """Run ``work``'s circuits outside the lock, then attach the outcomes under it."""
        try:
            with self._lock:
                if work.abandon.is_set():
                    return
                began = self._now()
                for job in (work.job, *(j for j, _ in work.runs)):
                    job.began = began
            outcomes = []
            for job, circuit in work.runs:
                outcomes.append(
                    simulate(
                        circuit,
                        job.outcome,
                        work.model,
                        job.shots,
                        job.seed,
                        max_states=self.config.max_result_states,
                        interrupted=work.abandon.is_set,
                    )
                )
            with self._lock:
                self._attach(work, outcomes)
        except SimulationInterrupted:
            pass
        except Exception as exc:  # a bug: fail the job rather than leave it pending forever
            _log.exception("emulator bug while simulating job %s", work.job.id)
            with self._lock:
                self.internal_errors.append(f"simulating {work.job.id}: {exc!r}")
                failure = Failure("InternalError", "The emulator failed to simulate.", True)
                broken = [replace(j.outcome, failure=failure) for j, _ in work.runs]
                self._attach(work, broken)
        finally:
            if not work.inline:
                with self._lock:
                    self._queued -= 1

    def _attach(self, work: _Work, outcomes: Sequence[Outcome]) -> None:
        """Give each still-existing job its outcome, within the retained-results budget."""
        now = self._now()
        for (job, _), outcome in zip(work.runs, outcomes, strict=True):
            if job.canceled_at is not None or job.id not in self._jobs:
                outcome = replace(outcome, probabilities=None, histogram=None)
            elif self._retained + outcome.states > self.config.max_retained_states:
                message = (
                    f"the emulator keeps at most {self.config.max_retained_states} result"
                    " outcomes across jobs; delete jobs to make room"
                )
                failure = Failure("QuotaExhaustedError", message, True)
                outcome = replace(outcome, probabilities=None, histogram=None, failure=failure)
            job.outcome = outcome
            job.retained = outcome.states
            self._retained += job.retained
            job.pending, job.finished = False, now
        if work.children:
            work.job.outcome = _parent_outcome(work.children)
        work.job.pending, work.job.finished = False, now

    def close(self) -> None:
        """Stop simulating: abandon every pending job and let the workers go."""
        with self._lock:
            for job in self._jobs.values():
                if job.abandon is not None:
                    job.abandon.set()
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    # ----------------------------------------------------------------- lookups

    def _owned_job(self, account: Account, job_id: str) -> Job:
        return _owned(self._jobs, account, job_id, "Job")

    def _owned_jobs(self, account: Account, ids: Iterable[str]) -> list[Job]:
        missing = [i for i in ids if i not in self._jobs or self._jobs[i].account != account]
        if missing:
            raise NotFound(f"Jobs do not exist: {', '.join(quoted(m) for m in missing[:10])}")
        return [self._jobs[i] for i in ids]

    def _completed_job(self, account: Account, job_id: str) -> Job:
        job = self._owned_job(account, job_id)
        if job.dry_run:
            raise NotFound(f"Job {quoted(job_id)} has no results (it was a dry run).")
        if self._timeline.status(job, self._now()) != "completed":
            raise NotFound(f"Job {quoted(job_id)} has no results (it has not completed).")
        return job

    def _owned_session(self, account: Account, session_id: str) -> Session:
        return _owned(self._sessions, account, session_id, "Session")

    # ----------------------------------------------------------------- reading

    def job(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            return views.job_view(self._owned_job(account, job_id), self._now(), self._timeline)

    def list_jobs(
        self,
        account: Account,
        *,
        limit: int = 25,
        after: str | None = None,
        ids: Sequence[str] | None = None,
        parent_job_id: str | None = None,
        status: str | None = None,
        target: str | None = None,
        session_id: str | None = None,
        submitter_id: str | None = None,
    ) -> JSON:
        """Newest first; children only when asked for by ``parent_job_id`` or ``ids``."""
        with self._lock:
            now = self._now()
            cursor = None
            if after is not None:
                known = self._cursors.get(after)
                if known is None or known[0] != account.key:  # no job of this key ever had it
                    raise NotFound(f"Cursor {quoted(after)} names no job of this key.")
                cursor = known[1]
            targets = set(target.split(",")) if target else None
            wanted = set(ids) if ids else None
            jobs = []
            for job in sorted(self._jobs.values(), key=lambda j: (j.seq, j.id), reverse=True):
                if job.account != account:
                    continue
                if cursor is not None and job.seq >= cursor:
                    continue
                if wanted is not None and job.id not in wanted:
                    continue
                if parent_job_id is not None and job.parent_id != parent_job_id:
                    continue
                if wanted is None and parent_job_id is None and job.parent_id is not None:
                    continue
                if targets is not None and job.backend.name not in targets:
                    continue
                if session_id is not None and job.session_id != session_id:
                    continue
                if submitter_id is not None and account.user_id != submitter_id:
                    continue
                if status is not None and self._timeline.status(job, now) != status:
                    continue
                jobs.append(job)
                if len(jobs) > limit:
                    break
            page = jobs[:limit]
            more = len(jobs) > limit
            return {
                "jobs": [views.job_view(j, now, self._timeline, listed=True) for j in page],
                "next": page[-1].id if more else None,
            }

    def _circuit_results(self, account: Account, job_id: str) -> Job:
        """A completed job that ran one circuit (so has probabilities and shots)."""
        job = self._completed_job(account, job_id)
        if job.child_ids:
            raise NotFound("A multi-circuit job's results are on its children (and aggregated).")
        if job.outcome.probabilities is None or job.outcome.histogram is None:
            raise NotFound(f"Job {quoted(job_id)} is a {job.type} job; its results are in the job.")
        return job

    def probabilities(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            job = self._completed_job(account, job_id)
            if job.child_ids:
                raise NotFound("A multi-circuit job's results are at .../probabilities/aggregated.")
            return dict(self._circuit_results(account, job_id).outcome.probabilities or {})

    def aggregated(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            job = self._completed_job(account, job_id)
            if not job.child_ids:
                raise NotFound(f"Job {quoted(job_id)} is not a multi-circuit job.")
            out: JSON = {}
            for child_id in job.child_ids:
                child = self._jobs[child_id]
                out[child_id] = dict(child.outcome.probabilities or {})
            return out

    def histogram(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            return dict(self._circuit_results(account, job_id).outcome.histogram or {})

    def shots(self, account: Account, job_id: str) -> list[str]:
        """Per-shot states: the histogram's shots in a seeded random order."""
        with self._lock:
            job = self._circuit_results(account, job_id)
            histogram = job.outcome.histogram or {}
        return views.shots_in_order(histogram, job.seed)

    def _v2(self, kind: str) -> Callable[[Account, str], JSON]:
        """A reader of the register-nested (v2) form of ``kind``, for any circuit job."""

        def read(account: Account, job_id: str) -> JSON:
            with self._lock:
                job = self._circuit_results(account, job_id)
                outcome, registers, seed = job.outcome, job.registers, job.seed
            assert outcome.probabilities is not None and outcome.histogram is not None
            if kind == "probabilities":
                return views.probabilities_v2(outcome.probabilities, outcome.qubits, registers)
            if kind == "histogram":
                return views.histogram_v2(outcome.histogram, outcome.qubits, registers)
            shots = views.shots_in_order(outcome.histogram, seed)
            return views.shots_v2(shots, outcome.qubits, registers)

        return read

    def artifact(self, account: Account, job_id: str, artifact_id: str) -> JSON | list[str]:
        readers: dict[str, Callable[[Account, str], JSON | list[str]]] = {
            "probabilities": self.probabilities,
            "histogram": self.histogram,
            "shots": self.shots,
            "probabilities-aggregate": self.aggregated,
            **{f"{kind}.v2": self._v2(kind) for kind in ("probabilities", "histogram", "shots")},
        }
        if artifact_id not in readers:
            with self._lock:
                self._owned_job(account, job_id)
            raise NotFound(f"Job {quoted(job_id)} has no artifact {quoted(artifact_id)}.")
        return readers[artifact_id](account, job_id)

    def cost(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            job = self._owned_job(account, job_id)
            return views.cost_view(job, self._timeline.status(job, self._now()))

    def estimate(self, account: Account, query: Mapping[str, Any]) -> JSON:
        backend = self._backend(query["backend"])
        estimated_at = self._timeline.iso(self._now())
        return views.estimate_view(account, backend, query, estimated_at)

    # ----------------------------------------------------------------- changes

    def _cancel(self, job: Job, now: float) -> None:
        if job.canceled_at is None and self._timeline.status(job, now) in UNFINISHED:
            job.canceled_at = now
            if job.abandon is not None and job.parent_id is None:
                job.abandon.set()  # a worker stops simulating it
        for child_id in job.child_ids:
            self._cancel(self._jobs[child_id], now)

    def cancel_job(self, account: Account, job_id: str) -> JSON:
        """Cancel an unfinished job; a finished one is left as it was (still 200)."""
        with self._lock:
            self._cancel(self._owned_job(account, job_id), self._now())
            return {"id": job_id, "status": "canceled"}

    def cancel_jobs(self, account: Account, ids: Sequence[str]) -> JSON:
        with self._lock:
            now = self._now()
            for job in self._owned_jobs(account, ids):
                self._cancel(job, now)
            return {"ids": list(ids), "status": "canceled"}

    def _delete(self, job: Job) -> None:
        if job.abandon is not None and job.parent_id is None:
            job.abandon.set()
        for record in (job, *(self._jobs[c] for c in job.child_ids if c in self._jobs)):
            self._retained -= record.retained
            record.retained = 0
            self._jobs.pop(record.id, None)
        parent = self._jobs.get(job.parent_id) if job.parent_id else None
        if parent is not None and job.id in parent.child_ids:
            parent.child_ids.remove(job.id)

    def delete_job(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            self._delete(self._owned_job(account, job_id))
            return {"id": job_id, "status": "deleted"}

    def delete_jobs(self, account: Account, ids: Sequence[str]) -> JSON:
        with self._lock:
            for job in self._owned_jobs(account, ids):
                if job.id in self._jobs:  # a parent earlier in the list took it along
                    self._delete(job)
            return {"ids": list(ids), "status": "deleted"}

    def _copy_payload(self, job: Job, overrides: Mapping[str, Any]) -> JSON:
        if job.parent_id is not None:
            raise RequestInvalid(
                "A child job cannot be copied; copy its parent.", ["job_id"], "params"
            )
        payload = dict(job.payload)
        payload.update({k: v for k, v in overrides.items() if k != "parent"})
        return payload

    def clone_job(self, account: Account, job_id: str, overrides: Mapping[str, Any]) -> JSON:
        with self._lock:
            payload = self._copy_payload(self._owned_job(account, job_id), overrides)
        return self.create_job(account, payload)

    def _check_movable(self, job: Job) -> None:
        status = self._timeline.status(job, self._now())
        if job.id not in self._jobs:
            raise NotFound(f"Job {quoted(job.id)} does not exist.")
        if status not in ("submitted", "ready"):
            why = f"is {status}; only a job not yet started moves"
            raise Conflict(f"Job {quoted(job.id)} {why}.")

    def move_job(self, account: Account, job_id: str, overrides: Mapping[str, Any]) -> JSON:
        """Resubmit a job that has not started and cancel the original; else 409."""
        with self._lock:
            job = self._owned_job(account, job_id)
            self._check_movable(job)
            payload = self._copy_payload(job, overrides)
        return self.create_job(account, payload, moving=job)

    # ---------------------------------------------------------------- sessions

    def create_session(self, account: Account, payload: Mapping[str, Any]) -> JSON:
        self._backend(payload["backend"])  # 404 for a backend not offered
        with self._lock:
            session = Session(
                self._new_id(),
                account,
                payload["backend"],
                self._now(),
                dict(payload.get("settings") or {}),
            )
            self._sessions[session.id] = session
            return views.session_view(session, self._now(), self._timeline)

    def session(self, account: Account, session_id: str) -> JSON:
        with self._lock:
            session = self._owned_session(account, session_id)
            return views.session_view(session, self._now(), self._timeline)

    def sessions(self, account: Account, active: bool | None) -> JSON:
        with self._lock:
            now = self._now()
            found = [
                views.session_view(s, now, self._timeline)
                for s in reversed(self._sessions.values())
                if s.account == account
            ]
            if active is not None:
                found = [v for v in found if v["active"] is active]
            return {"organization_id": account.organization_id, "sessions": found}

    def end_session(self, account: Account, session_id: str) -> JSON:
        """End a session and cancel its unfinished jobs; ending twice is a no-op."""
        with self._lock:
            now = self._now()
            session = self._owned_session(account, session_id)
            if session.ended_by(now) is None:
                session.ended = now
            for job in list(self._jobs.values()):
                if job.session_id == session_id and job.account == account:
                    self._cancel(job, now)
            return views.session_view(session, now, self._timeline)

    def session_jobs(self, account: Account, session_id: str, **filters: Any) -> JSON:
        with self._lock:
            self._owned_session(account, session_id)
            return self.list_jobs(account, session_id=session_id, **filters)

    # ------------------------------------------------------------------ others

    def whoami(self, account: Account) -> JSON:
        return views.whoami_view(account)

    def usage(
        self,
        account: Account,
        organization_id: str,
        start: date,
        end: date,
        group_by: str = "job",
        modality: str = "daily",
    ) -> JSON:
        """Completed jobs in [start, end), one row per group and period.

        ``end`` on or before ``start`` is a range with no day in it: an empty report,
        not an error (the date range is two parameters, which no schema can relate).
        """
        if organization_id != account.organization_id:
            raise NotFound(f"Organization {quoted(organization_id)} does not exist.")
        with self._lock:
            jobs = list(self._jobs.values())
            return views.usage_view(
                account, jobs, self._now(), self._timeline, start, end, group_by, modality
            )
