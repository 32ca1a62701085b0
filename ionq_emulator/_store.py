"""The emulated service's state: keys, jobs and sessions, and how jobs age.

Pure Python behind one re-entrant lock, because uvicorn runs handlers on several
threads. Time comes from an injectable monotonic clock and statuses are computed from
it lazily (no background worker), so a test steps a job through ``submitted`` →
``ready`` → ``started`` → ``completed`` by moving a fake clock, and there is nothing
to start or stop. Circuits are simulated once, at submission (``_execution``), and
their results are revealed only when the job's clock says it has completed, as IonQ does.

Everything a response contains is produced here as plain JSON-ready dicts; the HTTP
layer (``_app``) only routes, authenticates and validates.
"""

from __future__ import annotations

import math
import random
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final, Literal

import numpy as np

from ionq_emulator._catalog import (
    BACKENDS,
    Backend,
    calibration,
    calibration_days,
    calibration_id,
    noise_model_for,
)
from ionq_emulator._circuits import circuits_of
from ionq_emulator._execution import Failure, Outcome, execute
from ionq_emulator._faults import FaultConfig
from ionq_emulator._pricing import compute_time_us, price
from ionq_emulator._simulator import NOISE_MODELS, SimulationError
from ionq_emulator._validation import RequestInvalid, check_circuits
from ionq_emulator.openapi import load_spec

__all__ = [
    "Account",
    "Conflict",
    "EmulatorConfig",
    "NotFound",
    "Store",
]

JSON = dict[str, Any]
ResultsStyle = Literal["urls", "artifacts"]
DEFAULT_SHOTS: Final = 100
_NAMESPACE: Final = uuid.UUID("6f0c7f52-2d4e-4c1a-9d0b-5e1f3a8c9b70")
_UNFINISHED: Final = frozenset({"submitted", "ready", "started"})
_IDEAL: Final = {"model": "ideal", "seed": None}  # what IonQ echoes when no noise was asked
_SINGLE_ARTIFACTS: Final = ("probabilities", "histogram", "shots")


# ---------------------------------------------------------------- configuration


@dataclass(frozen=True)
class EmulatorConfig:
    """How an emulator instance behaves; every field has a test-friendly default.

    ``keys`` empty means one random key is generated. ``seed`` makes job ids, sampled
    results and random faults reproducible. A job is ``ready`` ``ready_after`` seconds
    after submission, ``started`` ``start_after`` seconds later and finished
    ``run_time`` seconds after that, all measured on ``clock``; ``wall_clock`` only
    anchors the ISO timestamps. ``check_responses`` makes the app validate each of
    its own answers against the spec (tests turn it on).
    """

    keys: tuple[str, ...] = ()
    seed: int = 0
    ready_after: float = 0.05
    start_after: float = 0.05
    run_time: float = 0.1
    results_style: ResultsStyle = "urls"
    faults: FaultConfig = field(default_factory=FaultConfig)
    clock: Callable[[], float] = time.monotonic
    wall_clock: Callable[[], float] = time.time
    check_responses: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(self.keys))
        if any(not k or not k.isprintable() or " " in k for k in self.keys):
            raise ValueError("API keys must be non-empty printable strings without spaces")
        if len(set(self.keys)) != len(self.keys):
            raise ValueError("API keys must be distinct")
        if min(self.ready_after, self.start_after, self.run_time) < 0:
            raise ValueError("lifecycle durations must be >= 0")
        if self.results_style not in ("urls", "artifacts"):
            raise ValueError(f"results_style must be 'urls' or 'artifacts': {self.results_style}")


class NotFound(Exception):
    """No such resource for this key (answered 404)."""


class Conflict(Exception):
    """The resource's state forbids the action (answered 409)."""


# ------------------------------------------------------------------- accounts


def _derived_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}"))


@dataclass(frozen=True)
class Account:
    """What an API key stands for; ids are derived from the key, so stable across runs."""

    key: str
    name: str

    @property
    def key_id(self) -> str:
        return _derived_id("key", self.key)

    @property
    def project_id(self) -> str:
        return _derived_id("project", self.key)

    @property
    def organization_id(self) -> str:
        return _derived_id("organization", self.key)

    @property
    def user_id(self) -> str:
        return _derived_id("user", self.key)


# ------------------------------------------------------------------------ jobs


@dataclass
class Job:
    id: str
    seq: int
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


# ----------------------------------------------------------------------- store


class Store:
    """All state of one emulator instance; every public method is thread-safe."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        keys = config.keys or (secrets.token_urlsafe(24),)
        self.accounts = {key: Account(key, f"emulator-key-{i + 1}") for i, key in enumerate(keys)}
        self._lock = threading.RLock()
        self._ids = random.Random(config.seed)
        self._epoch = config.clock()
        self._epoch_wall = config.wall_clock()
        self._jobs: dict[str, Job] = {}
        self._cursors: dict[str, tuple[str, int]] = {}  # job id -> (key, seq); survives delete
        self._sessions: dict[str, Session] = {}
        self._seq = 0

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.accounts)

    def account(self, key: str) -> Account | None:
        return self.accounts.get(key)

    # ------------------------------------------------------------- time helpers

    def _now(self) -> float:
        return self.config.clock()

    def _iso(self, moment: float) -> str:
        try:
            wall = datetime.fromtimestamp(self._epoch_wall + (moment - self._epoch), UTC)
        except (OverflowError, OSError, ValueError):  # past year 9999: the last instant
            wall = datetime.max.replace(tzinfo=UTC)
        return wall.strftime("%Y-%m-%dT%H:%M:%S.") + f"{wall.microsecond // 1000:03d}Z"

    def _today(self) -> date:
        return datetime.fromtimestamp(self._epoch_wall, UTC).date()

    def _new_id(self) -> str:
        return str(uuid.UUID(int=self._ids.getrandbits(128), version=4))

    # ---------------------------------------------------------------- backends

    def _backend(self, name: str) -> Backend:
        if name not in BACKENDS:
            raise NotFound(f"Backend {name!r} does not exist.")
        return BACKENDS[name]

    def backends(self) -> list[JSON]:
        return [self._backend_view(b) for b in BACKENDS.values()]

    def backend(self, name: str) -> JSON:
        return self._backend_view(self._backend(name))

    def _backend_view(self, backend: Backend) -> JSON:
        schemas = load_spec()["components"]["schemas"]
        models = ["ideal", *NOISE_MODELS] if not backend.is_qpu else [backend.noise_model]
        return {
            "backend": backend.name,
            "status": backend.status,
            "qubits": backend.qubits,
            "average_queue_time": backend.average_queue_time,
            "last_updated": self._iso(self._epoch),
            "characterization_id": (
                calibration_id(backend.name, self._today()) if backend.is_qpu else None
            ),
            "degraded": False,
            "location": backend.location,
            "supported_gates": list(schemas["QisGateName"]["enum"]),
            "supported_native_gates": list(schemas["NativeGateName"]["enum"]),
            "supported_error_mitigations": ["debiasing"] if backend.is_qpu else [],
            "noise_models": models,
        }

    def characterizations(
        self, name: str, start: date | None, end: date | None, limit: int, page: int
    ) -> JSON:
        backend = self._backend(name)
        days = [
            d
            for d in calibration_days(backend, self._today())
            if (start is None or d >= start) and (end is None or d <= end)
        ]
        chosen = days[(page - 1) * limit : page * limit]
        total_pages = math.ceil(len(days) / limit)
        return {
            "characterizations": [calibration(backend, d) for d in chosen],
            "pages": max(0, total_pages - page),
        }

    def characterization(self, name: str, characterization_id: str) -> JSON:
        backend = self._backend(name)
        for day in calibration_days(backend, self._today()):
            if calibration_id(backend.name, day) == characterization_id:
                return calibration(backend, day)
        raise NotFound(f"Characterization {characterization_id!r} of {name} does not exist.")

    # -------------------------------------------------------------- job intake

    def create_job(self, account: Account, payload: JSON) -> JSON:
        """Accept a validated creation payload: 400s here, later failures on the job."""
        check_circuits(payload)
        if payload["backend"] not in BACKENDS:
            known = ", ".join(BACKENDS)
            raise RequestInvalid(f'"backend" must be one of {known}', ["backend"], "body")
        backend = BACKENDS[payload["backend"]]
        model = noise_model_for(backend, payload.get("noise"))
        with self._lock:
            session = self._join_session(account, payload)
            job = self._submit(account, payload, backend, model)
            if session is not None:
                session.job_count += 1
                if session.started is None:
                    session.started = job.submitted
            return {"id": job.id, "status": "submitted", "session_id": job.session_id}

    def _join_session(self, account: Account, payload: Mapping[str, Any]) -> Session | None:
        session_id = payload.get("session_id")
        if session_id is None:
            return None
        session = self._sessions.get(session_id)
        now = self._now()
        problem = None
        if session is None or session.account != account:
            problem = f"Session {session_id!r} does not exist."
        elif session.ended_by(now) is not None:
            problem = f"Session {session_id!r} has ended."
        elif session.backend != payload["backend"]:
            problem = f"Session {session_id!r} is on {session.backend}, not {payload['backend']}."
        elif session.job_count >= session.limits.get("job_count_limit", math.inf):
            problem = f"Session {session_id!r} has reached its job_count_limit."
        if problem:
            raise RequestInvalid(problem, ["session_id"], "body")
        return session

    def _register(self, job: Job) -> None:
        self._jobs[job.id] = job
        self._cursors[job.id] = (job.account.key, job.seq)

    def _submit(self, account: Account, payload: JSON, backend: Backend, model: str | None) -> Job:
        job_id = self._new_id()
        now = self._now()
        self._seq += 1
        seq = self._seq
        dry_run = bool(payload.get("dry_run", False))
        shots = int(payload.get("shots", DEFAULT_SHOTS))
        noise = payload.get("noise") or {}

        def seed_for(an_id: str) -> int:
            seed = noise.get("seed")
            return int(seed) if seed is not None else uuid.UUID(an_id).int % 2**63

        try:
            circuits = circuits_of(payload)
        except SimulationError as exc:
            failed = Outcome(0, (0, 0), Failure(exc.code, exc.message, False))
            job = Job(job_id, seq, account, payload["type"], backend, payload, now, failed, 0)
            job.name = payload.get("name")
            self._register(job)
            return job
        if payload["type"] != "ionq.multi-circuit.v1":
            seed = seed_for(job_id)
            outcome = execute(circuits[0], backend, model, shots, seed, dry_run)
            job = Job(job_id, seq, account, payload["type"], backend, payload, now, outcome, seed)
            job.name = payload.get("name")
            self._register(job)
            return job
        children = []
        for circuit in circuits:
            child_id = self._new_id()
            self._seq += 1
            seed = seed_for(child_id)
            outcome = execute(circuit, backend, model, shots, seed, dry_run)
            child_payload = {k: v for k, v in payload.items() if k not in ("input", "name")}
            child = Job(
                child_id,
                self._seq,
                account,
                "ionq.circuit.v1",
                backend,
                child_payload,
                now,
                outcome,
                seed,
            )
            child.name, child.parent_id = circuit.name, job_id
            children.append(child)
        failure = next((c.outcome.failure for c in children if c.outcome.failure), None)
        gates = (
            sum(c.outcome.gates[0] for c in children),
            sum(c.outcome.gates[1] for c in children),
        )
        qubits = max(c.outcome.qubits for c in children)
        summary = Outcome(qubits, gates, failure)
        parent = Job(job_id, seq, account, payload["type"], backend, payload, now, summary, 0)
        parent.name = payload.get("name")
        parent.child_ids = [c.id for c in children]
        self._register(parent)
        for child in children:
            self._register(child)
        return parent

    # --------------------------------------------------------------- lifecycle

    def _milestones(self, job: Job) -> tuple[float, float, float]:
        c = self.config
        ready = job.submitted + c.ready_after
        started = ready + c.start_after
        return ready, started, started + c.run_time

    def _status(self, job: Job, now: float) -> str:
        if job.canceled_at is not None:
            return "canceled"
        ready, started, done = self._milestones(job)
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

    def _owned(self, account: Account, job_id: str) -> Job:
        job = self._jobs.get(job_id)
        if job is None or job.account != account:
            raise NotFound(f"Job {job_id!r} does not exist.")
        return job

    def _job_view(self, job: Job, now: float) -> JSON:
        status = self._status(job, now)
        ready, started, done = self._milestones(job)
        failure = job.outcome.failure
        compile_failure = failure is not None and not failure.while_running
        stop = job.canceled_at if job.canceled_at is not None else now
        completed_at: float | None = None
        if status in ("completed", "failed"):
            completed_at = ready if compile_failure else done
        elif status == "canceled":
            completed_at = job.canceled_at
        qct = compute_time_us(job.backend, job.outcome.gates, job.shots)
        children = len(job.child_ids)
        gates = job.outcome.gates
        completed = status == "completed"
        payload = job.payload
        c = self.config
        return {
            "id": job.id,
            "status": status,
            "type": job.type,
            "backend": job.backend.name,
            "dry_run": job.dry_run,
            "submitter_id": job.account.user_id,
            "project_id": job.account.project_id,
            "parent_job_id": job.parent_id,
            "child_job_ids": list(job.child_ids),
            "session_id": job.session_id,
            "metadata": payload.get("metadata"),
            "name": job.name,
            "submitted_at": self._iso(job.submitted),
            "started_at": (self._iso(started) if stop >= started and not compile_failure else None),
            "completed_at": None if completed_at is None else self._iso(completed_at),
            "predicted_wait_time_ms": round((c.ready_after + c.start_after) * 1000, 3),
            "predicted_execution_duration_ms": round(c.run_time * 1000, 3),
            "execution_duration_ms": round(c.run_time * 1000, 3) if completed else None,
            "shots": job.shots,
            "noise": None if job.backend.is_qpu else payload.get("noise", _IDEAL),
            "failure": (
                {"code": failure.code, "message": failure.message}
                if status == "failed" and failure
                else None
            ),
            "cost_model": job.backend.cost_model,
            "output": None,
            "settings": payload.get("settings"),
            "stats": {
                "qubits": job.outcome.qubits,
                "circuits": children or 1,
                "gate_counts": {"1q": gates[0], "2q": gates[1]},
                "kwh": round(qct / 3.6e9 * 5.0, 9),  # a 5 kW machine
                "predicted_quantum_compute_time_us": qct,
                "billed_quantum_compute_time_us": qct if completed else None,
            },
            "results": self._results_view(job) if completed and not job.dry_run else None,
        }

    def _results_view(self, job: Job) -> JSON:
        base = f"/v0.4/jobs/{job.id}/results"
        artifacts = self.config.results_style == "artifacts"
        if job.child_ids:
            if artifacts:
                return _descriptors(["probabilities-aggregate"])
            return {"probabilities": {"url": f"{base}/probabilities/aggregated"}}
        if artifacts:
            return _descriptors(_SINGLE_ARTIFACTS)
        return {kind: {"url": f"{base}/{kind}"} for kind in ("probabilities", "histogram", "shots")}

    # ----------------------------------------------------------------- reading

    def job(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            return self._job_view(self._owned(account, job_id), self._now())

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
                if known is None or known[0] != account.key:
                    raise RequestInvalid(f'"next" cursor {after!r} is unknown', ["next"], "query")
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
                if status is not None and self._status(job, now) != status:
                    continue
                jobs.append(job)
                if len(jobs) > limit:
                    break
            page = jobs[:limit]
            more = len(jobs) > limit
            return {
                "jobs": [self._job_view(j, now) for j in page],
                "next": page[-1].id if more else None,
            }

    def _completed(self, account: Account, job_id: str) -> Job:
        job = self._owned(account, job_id)
        if job.dry_run:
            raise NotFound(f"Job {job_id!r} has no results (it was a dry run).")
        if self._status(job, self._now()) != "completed":
            raise NotFound(f"Job {job_id!r} has no results (it has not completed).")
        return job

    def probabilities(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            job = self._completed(account, job_id)
            if job.child_ids:
                raise NotFound("A multi-circuit job's results are at .../probabilities/aggregated.")
            assert job.outcome.probabilities is not None
            return dict(job.outcome.probabilities)

    def aggregated(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            job = self._completed(account, job_id)
            if not job.child_ids:
                raise NotFound(f"Job {job_id!r} is not a multi-circuit job.")
            out: JSON = {}
            for child_id in job.child_ids:
                child = self._jobs[child_id]
                out[child_id] = dict(child.outcome.probabilities or {})
            return out

    def histogram(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            job = self._completed(account, job_id)
            if job.outcome.histogram is None:
                raise NotFound("A multi-circuit job's histograms are on its children.")
            return dict(job.outcome.histogram)

    def shots(self, account: Account, job_id: str) -> list[str]:
        """Per-shot states: the histogram's shots in a seeded random order."""
        with self._lock:
            job = self._completed(account, job_id)
            histogram = job.outcome.histogram
            if histogram is None:
                raise NotFound("A multi-circuit job's shots are on its children.")
            states = list(histogram)
        order = np.repeat(np.arange(len(states)), list(histogram.values()))
        np.random.default_rng([job.seed, 1]).shuffle(order)
        return [states[i] for i in order]

    def artifact(self, account: Account, job_id: str, artifact_id: str) -> JSON | list[str]:
        readers: dict[str, Callable[[Account, str], JSON | list[str]]] = {
            "probabilities": self.probabilities,
            "histogram": self.histogram,
            "shots": self.shots,
            "probabilities-aggregate": self.aggregated,
        }
        if artifact_id not in readers:
            with self._lock:
                self._owned(account, job_id)
            raise NotFound(f"Job {job_id!r} has no artifact {artifact_id!r}.")
        return readers[artifact_id](account, job_id)

    def cost(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            job = self._owned(account, job_id)
            value = price(job.backend, job.outcome.gates, job.shots)
            out: JSON = {"dry_run": job.dry_run, "estimated_cost": {"value": value, "unit": "usd"}}
            if self._status(job, self._now()) == "completed" and not job.dry_run:
                out["cost"] = {"value": value, "unit": "usd"}
            return out

    def estimate(self, account: Account, query: Mapping[str, Any]) -> JSON:
        name = query["backend"]
        if name not in BACKENDS:
            raise RequestInvalid(f'"backend" {name!r} does not exist', ["backend"], "query")
        backend = BACKENDS[name]
        context = {
            "backend": name,
            "type": query.get("type", "ionq.circuit.v1"),
            "qubits": query.get("qubits", 25),
            "shots": query.get("shots", 1000),
            "1q_gates": query.get("1q_gates", 0),
            "2q_gates": query.get("2q_gates", 0),
            "error_mitigation": query.get("error_mitigation", False),
            "organization": account.organization_id,
            "project": account.project_id,
        }
        gates = (context["1q_gates"], context["2q_gates"])
        qct = compute_time_us(backend, gates, context["shots"])
        rate = {
            "sku": f"{name}-gates",
            "unit": "gates",
            "unit_cost": backend.cost_2q,
            "cost_1q_gate": backend.cost_1q,
            "cost_2q_gate": backend.cost_2q,
            "job_cost_minimum": backend.minimum,
        }
        return {
            "estimate_context": context,
            "estimated_at": self._iso(self._now()),
            "estimated_unit": "usd",
            "rate_card": {"id": f"emulator-{name}", "rates": [rate]},
            "estimated_total_cost": price(backend, gates, context["shots"]),
            "estimated_execution_time": round(qct / 1000, 3),
            "estimated_quantum_compute_time_us": qct,
            "current_predicted_queue_time": backend.average_queue_time,
        }

    # ----------------------------------------------------------------- changes

    def _cancel(self, job: Job, now: float) -> None:
        if job.canceled_at is None and self._status(job, now) in _UNFINISHED:
            job.canceled_at = now
        for child_id in job.child_ids:
            self._cancel(self._jobs[child_id], now)

    def cancel_job(self, account: Account, job_id: str) -> JSON:
        """Cancel an unfinished job; a finished one is left as it was (still 200)."""
        with self._lock:
            self._cancel(self._owned(account, job_id), self._now())
            return {"id": job_id, "status": "canceled"}

    def _all_owned(self, account: Account, ids: Iterable[str]) -> list[Job]:
        missing = [i for i in ids if i not in self._jobs or self._jobs[i].account != account]
        if missing:
            raise NotFound(f"Jobs do not exist: {', '.join(missing[:10])}")
        return [self._jobs[i] for i in ids]

    def cancel_jobs(self, account: Account, ids: Sequence[str]) -> JSON:
        with self._lock:
            now = self._now()
            for job in self._all_owned(account, ids):
                self._cancel(job, now)
            return {"ids": list(ids), "status": "canceled"}

    def _delete(self, job: Job) -> None:
        for child_id in job.child_ids:
            self._jobs.pop(child_id, None)
        self._jobs.pop(job.id, None)
        parent = self._jobs.get(job.parent_id) if job.parent_id else None
        if parent is not None and job.id in parent.child_ids:
            parent.child_ids.remove(job.id)

    def delete_job(self, account: Account, job_id: str) -> JSON:
        with self._lock:
            self._delete(self._owned(account, job_id))
            return {"id": job_id, "status": "deleted"}

    def delete_jobs(self, account: Account, ids: Sequence[str]) -> JSON:
        with self._lock:
            for job in self._all_owned(account, ids):
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
            payload = self._copy_payload(self._owned(account, job_id), overrides)
            return self.create_job(account, payload)

    def move_job(self, account: Account, job_id: str, overrides: Mapping[str, Any]) -> JSON:
        """Resubmit a job that has not started and cancel the original; else 409."""
        with self._lock:
            job = self._owned(account, job_id)
            status = self._status(job, self._now())
            if status not in ("submitted", "ready"):
                raise Conflict(f"Job {job_id!r} is {status}; only a job not yet started moves.")
            created = self.create_job(account, self._copy_payload(job, overrides))
            self._cancel(job, self._now())
            return created

    # ---------------------------------------------------------------- sessions

    def create_session(self, account: Account, payload: Mapping[str, Any]) -> JSON:
        if payload["backend"] not in BACKENDS:
            raise RequestInvalid(
                f'"backend" {payload["backend"]!r} does not exist', ["backend"], "body"
            )
        with self._lock:
            session = Session(
                self._new_id(),
                account,
                payload["backend"],
                self._now(),
                dict(payload.get("settings") or {}),
            )
            self._sessions[session.id] = session
            return self._session_view(session, self._now())

    def _session_view(self, session: Session, now: float) -> JSON:
        ended = session.ended_by(now)
        expires = session.expires()
        account = session.account
        return {
            "id": session.id,
            "created_at": self._iso(session.created),
            "organization_id": account.organization_id,
            "backend": session.backend,
            "project_id": account.project_id,
            "creator_id": account.user_id,
            "ended_at": None if ended is None else self._iso(ended),
            "ender_id": account.user_id if session.ended is not None else None,
            "settings": {
                "job_count_limit": session.limits.get("job_count_limit"),
                "duration_limit_min": session.limits.get("duration_limit_min"),
                "cost_limit": session.limits.get("cost_limit"),
                "expires_at": None if expires is None else self._iso(expires),
            },
            "active": ended is None,
            "status": (
                "ended" if ended is not None else "started" if session.started else "created"
            ),
            "started_at": None if session.started is None else self._iso(session.started),
        }

    def _session(self, account: Account, session_id: str) -> Session:
        session = self._sessions.get(session_id)
        if session is None or session.account != account:
            raise NotFound(f"Session {session_id!r} does not exist.")
        return session

    def session(self, account: Account, session_id: str) -> JSON:
        with self._lock:
            return self._session_view(self._session(account, session_id), self._now())

    def sessions(self, account: Account, active: bool | None) -> JSON:
        with self._lock:
            now = self._now()
            views = [
                self._session_view(s, now)
                for s in reversed(self._sessions.values())
                if s.account == account
            ]
            if active is not None:
                views = [v for v in views if v["active"] is active]
            return {"organization_id": account.organization_id, "sessions": views}

    def end_session(self, account: Account, session_id: str) -> JSON:
        """End a session and cancel its unfinished jobs; ending twice is a no-op."""
        with self._lock:
            now = self._now()
            session = self._session(account, session_id)
            if session.ended_by(now) is None:
                session.ended = now
            for job in list(self._jobs.values()):
                if job.session_id == session_id and job.account == account:
                    self._cancel(job, now)
            return self._session_view(session, now)

    def session_jobs(self, account: Account, session_id: str, **filters: Any) -> JSON:
        with self._lock:
            self._session(account, session_id)
            return self.list_jobs(account, session_id=session_id, **filters)

    # ------------------------------------------------------------------ others

    def whoami(self, account: Account) -> JSON:
        return {
            "key_id": account.key_id,
            "key_name": account.name,
            "project_id": account.project_id,
        }

    def usage(
        self,
        account: Account,
        organization_id: str,
        start: date,
        end: date,
        group_by: str = "job",
        modality: str = "daily",
    ) -> JSON:
        """Completed jobs in [start, end), one row per group and period."""
        if organization_id != account.organization_id:
            raise NotFound(f"Organization {organization_id!r} does not exist.")
        if end <= start:
            raise RequestInvalid('"end_date" must be after "start_date"', ["end_date"], "query")
        rows: dict[tuple[str, str], JSON] = {}
        with self._lock:
            now = self._now()
            for job in self._jobs.values():
                day = datetime.fromisoformat(self._iso(job.submitted)).date()
                if job.account != account or job.parent_id is not None or not start <= day < end:
                    continue
                if self._status(job, now) != "completed" or job.dry_run:
                    continue
                period = {
                    "daily": day,
                    "weekly": day - timedelta(days=day.weekday()),
                    "monthly": day.replace(day=1),
                }[modality]
                group = {"job": job.id, "project": account.project_id, "user": account.user_id}
                key = (period.isoformat(), group[group_by])
                row = rows.setdefault(
                    key,
                    {"period": key[0], group_by: key[1], "amount": 0.0, "jobs": 0, "time_us": 0.0},
                )
                row["amount"] = round(
                    row["amount"] + price(job.backend, job.outcome.gates, job.shots), 2
                )
                row["jobs"] += 1
                row["time_us"] += compute_time_us(job.backend, job.outcome.gates, job.shots)
        data = [rows[k] for k in sorted(rows)]
        return {
            "organization": organization_id,
            "usage_from": start.isoformat(),
            "usage_to": end.isoformat(),
            "usage_unit": "usd",
            "group_type": group_by,
            "modality": modality,
            "amount_total": round(sum(r["amount"] for r in data), 2),
            "job_count": sum(r["jobs"] for r in data),
            "time_us_total": sum(r["time_us"] for r in data),
            "usage_data": data,
        }


def _descriptors(ids: Sequence[str]) -> JSON:
    out: JSON = {}
    for artifact_id in ids:
        fmt = f"ionq.result.{artifact_id}.json.v1"
        out[fmt] = {"id": artifact_id, "format": fmt, "media_type": "application/json"}
    return out
