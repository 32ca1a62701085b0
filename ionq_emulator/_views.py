"""What the API answers about the store's records, as JSON-ready dicts.

Rendering is kept apart from the store so that it can only *read*: each function
takes records (plus the :class:`Timeline` for "now" and timestamps) and returns the
body IonQ would send, without touching state or taking the store's lock. The store
calls them while holding its lock; the HTTP layer never does.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Final

import numpy as np

from ionq_emulator._accounts import Account
from ionq_emulator._catalog import Backend, calibration, calibration_days, calibration_id
from ionq_emulator._circuits import FUNCTION_TYPES
from ionq_emulator._config import ResultsStyle
from ionq_emulator._pricing import compute_time_us, price
from ionq_emulator._records import JSON, Job, Session, Timeline
from ionq_emulator._simulator import NOISE_MODELS
from ionq_emulator.openapi import load_spec

__all__ = [
    "backend_view",
    "characterizations_page",
    "cost_view",
    "estimate_view",
    "histogram_v2",
    "job_view",
    "probabilities_v2",
    "results_view",
    "session_view",
    "shots_in_order",
    "shots_v2",
    "usage_view",
    "whoami_view",
]

_IDEAL: Final = {"model": "ideal"}  # what IonQ echoes when no noise was asked
_SINGLE_ARTIFACTS: Final = ("probabilities", "histogram", "shots")
_TOP_GROUPS: Final = 5  # a usage row lists its five costliest groups
_USAGE_UNIT: Final = "USD"  # usage reports spell the currency as IonQ's examples do


def whoami_view(account: Account) -> JSON:
    return {
        "key_id": account.key_id,
        "key_name": account.name,
        "project_id": account.project_id,
    }


# ---------------------------------------------------------------- backends


def backend_view(backend: Backend, timeline: Timeline) -> JSON:
    """IonQ's ``Backend``: ``characterization_id`` and ``location`` are strings when
    present, so the simulator (never calibrated, nowhere in particular) leaves them out."""
    schemas = load_spec()["components"]["schemas"]
    models = ["ideal", *NOISE_MODELS] if not backend.is_qpu else [backend.noise_model]
    view: JSON = {
        "backend": backend.name,
        "status": backend.status,
        "qubits": backend.qubits,
        "average_queue_time": backend.average_queue_time,
        "last_updated": timeline.iso(timeline.epoch),
    }
    if backend.is_qpu:
        view["characterization_id"] = calibration_id(backend.name, timeline.today())
    view["degraded"] = False
    if backend.location is not None:
        view["location"] = backend.location
    view |= {
        "supported_gates": list(schemas["QisGateName"]["enum"]),
        "supported_native_gates": list(schemas["NativeGateName"]["enum"]),
        "supported_error_mitigations": ["debiasing"] if backend.is_qpu else [],
        "noise_models": models,
    }
    return view


def characterizations_page(
    backend: Backend, today: date, start: date | None, end: date | None, limit: int, page: int
) -> JSON:
    """Page ``page`` (from 1) of ``limit`` calibrations in [start, end], newest first."""
    days = [
        d
        for d in calibration_days(backend, today)
        if (start is None or d >= start) and (end is None or d <= end)
    ]
    chosen = days[(page - 1) * limit : page * limit]
    total_pages = math.ceil(len(days) / limit)
    return {
        "characterizations": [calibration(backend, d) for d in chosen],
        "pages": max(0, total_pages - page),
    }


# -------------------------------------------------------------------- jobs


def job_view(job: Job, now: float, timeline: Timeline, *, listed: bool = False) -> JSON:
    """IonQ's job object: ``GET /jobs/{id}``, or an item of a list when ``listed``.

    As IonQ answers: ``output``, ``settings`` and ``stats`` are always objects,
    durations and compute times are integers, ``noise`` is present only on the
    simulator (without ``seed`` unless one was given), ``execution_duration_ms`` and
    ``billed_quantum_compute_time_us`` only once it ran (never for a dry run), and
    ``child_job_ids`` only on a job's own GET (the list items of ``GET /jobs`` do not
    carry it): the parent's children there, else null.
    """
    status = timeline.status(job, now)
    ready, started, done = timeline.milestones(job)
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
    ran = completed and not job.dry_run
    payload = job.payload
    c = timeline.config
    iso = timeline.iso
    view: JSON = {
        "id": job.id,
        "status": status,
        "type": job.type,
        "backend": job.backend.name,
        "dry_run": job.dry_run,
        "submitter_id": job.account.user_id,
        "project_id": job.account.project_id,
        "parent_job_id": job.parent_id,
    }
    if not listed:
        view["child_job_ids"] = list(job.child_ids) if job.child_ids else None
    view |= {
        "session_id": job.session_id,
        "metadata": payload.get("metadata"),
        "name": job.name,
        "submitted_at": iso(job.submitted),
        "started_at": (iso(started) if stop >= started and not compile_failure else None),
        "completed_at": None if completed_at is None else iso(completed_at),
        "predicted_wait_time_ms": round((c.ready_after + c.start_after) * 1000),
        "predicted_execution_duration_ms": round(c.run_time * 1000),
        "execution_duration_ms": round(c.run_time * 1000) if ran else None,
        "shots": job.shots,
    }
    if not job.backend.is_qpu:
        view["noise"] = _noise(payload.get("noise"))
    stats: JSON = {
        "qubits": job.outcome.qubits,
        "circuits": children or 1,
        "gate_counts": {"1q": gates[0], "2q": gates[1]},
        "kwh": round(qct / 3.6e9 * 5.0, 9),  # a 5 kW machine
        "predicted_quantum_compute_time_us": qct,
    }
    if ran:  # billed once it ran; a dry run never runs
        stats["billed_quantum_compute_time_us"] = qct
    view |= {
        "failure": (
            {"code": failure.code, "message": failure.message}
            if status == "failed" and failure
            else None
        ),
        "cost_model": job.backend.cost_model,
        # A circuit that ran was not debiased (IonQ's live answer: ``false``, not an object);
        # a function's output is its own (IonQ leaves it open) and holds nothing here.
        "output": (
            {"error_mitigation": {"debiasing": False}}
            if ran and not children and job.type not in FUNCTION_TYPES
            else {}
        ),
        "settings": dict(payload.get("settings") or {}),
        "stats": stats,
        "results": results_view(job, c.results_style) if ran else None,
    }
    return view


def _noise(asked: Mapping[str, Any] | None) -> JSON:
    """The simulator's noise as IonQ echoes it: the model, and the seed only if given."""
    if asked is None:
        return dict(_IDEAL)
    noise: JSON = {"model": asked["model"]}
    if asked.get("seed") is not None:
        noise["seed"] = asked["seed"]
    return noise


def results_view(job: Job, style: ResultsStyle) -> JSON | None:
    """Where a completed job's results are: URLs, or artifact descriptors.

    A circuit with classical registers (an OpenQASM 3 program's, a multi-circuit
    entry's ``registers``) also lists the register-nested v2 artifacts, as IonQ does;
    every circuit job serves them (artifact ids ``<kind>.v2``) whether listed or not,
    with IonQ's ``output_all`` register. A quantum function's results are its value and
    variance; a QAOA job never completes here.
    """
    if job.type in FUNCTION_TYPES:
        outcome = job.outcome
        if outcome.value is None or outcome.variance is None:
            return None
        return {"value": outcome.value, "variance": outcome.variance}
    base = f"/v0.4/jobs/{job.id}/results"
    artifacts = style == "artifacts"
    if job.child_ids:
        if artifacts:
            return _descriptors(["probabilities-aggregate"], 1)
        return {"probabilities": {"url": f"{base}/probabilities/aggregated"}}
    if artifacts:
        listed = _descriptors(_SINGLE_ARTIFACTS, 1)
        if job.registers:
            listed |= _descriptors(_SINGLE_ARTIFACTS, 2)
        return listed
    return {kind: {"url": f"{base}/{kind}"} for kind in _SINGLE_ARTIFACTS}


def _descriptors(kinds: Sequence[str], version: int) -> JSON:
    out: JSON = {}
    for kind in kinds:
        fmt = f"ionq.result.{kind}.json.v{version}"
        artifact_id = kind if version == 1 else f"{kind}.v{version}"
        out[fmt] = {"id": artifact_id, "format": fmt, "media_type": "application/json"}
    return out


# ------------------------------------------------- register-nested (v2) results

#: The register IonQ adds to every v2 result: every qubit, measured at the end.
OUTPUT_ALL: Final = "output_all"


def _reader(
    qubits: int, registers: Mapping[str, tuple[int | None, ...]] | None
) -> Callable[[int], dict[str, list[int]]]:
    """state -> each register's bits (element i is bit i), ``output_all`` first."""
    layout = {OUTPUT_ALL: tuple(range(qubits)), **(registers or {})}

    def read(state: int) -> dict[str, list[int]]:
        return {
            name: [0 if q is None else (state >> q) & 1 for q in measured]
            for name, measured in layout.items()
        }

    return read


def _bitstring(bits: Sequence[int]) -> str:
    """A register's bits as OpenQASM prints them: bit 0 rightmost."""
    return "".join(str(b) for b in reversed(bits))


def _marginals(
    weights: Mapping[str, float], qubits: int, registers: Mapping[str, Any] | None
) -> dict[str, dict[str, float]]:
    read = _reader(qubits, registers)
    out: dict[str, dict[str, float]] = {}
    for state, weight in weights.items():
        for name, bits in read(int(state)).items():
            register = out.setdefault(name, {})
            key = _bitstring(bits)
            register[key] = register.get(key, 0) + weight
    return out


def probabilities_v2(
    probabilities: Mapping[str, float],
    qubits: int,
    registers: Mapping[str, tuple[int | None, ...]] | None,
) -> JSON:
    """``ionq.result.probabilities.json.v2``: each register's marginal distribution."""
    return {"probabilities": {"registers": _marginals(probabilities, qubits, registers)}}


def histogram_v2(
    histogram: Mapping[str, int],
    qubits: int,
    registers: Mapping[str, tuple[int | None, ...]] | None,
) -> JSON:
    """``ionq.result.histogram.json.v2``: each register's shot counts."""
    return {"histogram": {"registers": _marginals(histogram, qubits, registers)}}


def shots_v2(
    shots: Sequence[str], qubits: int, registers: Mapping[str, tuple[int | None, ...]] | None
) -> JSON:
    """``ionq.result.shots.json.v2``: each shot's bits per register, in shot order."""
    read = _reader(qubits, registers)
    return {"shots": [{"registers": read(int(state))} for state in shots]}


def shots_in_order(histogram: Mapping[str, int], seed: int) -> list[str]:
    """Per-shot states: the histogram's shots in a random order seeded by the job."""
    states = list(histogram)
    order = np.repeat(np.arange(len(states)), list(histogram.values()))
    np.random.default_rng([seed, 1]).shuffle(order)
    return [states[i] for i in order]


def cost_view(job: Job, status: str) -> JSON:
    value = price(job.backend, job.outcome.gates, job.shots)
    out: JSON = {"dry_run": job.dry_run, "estimated_cost": {"value": value, "unit": "usd"}}
    if status == "completed" and not job.dry_run:
        out["cost"] = {"value": value, "unit": "usd"}
    return out


def estimate_view(
    account: Account, backend: Backend, query: Mapping[str, Any], estimated_at: str
) -> JSON:
    name = backend.name
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
    # Every backend here is priced per gate: IonQ's "gates" rate entry (no
    # ``unit_cost``, which belongs to "compute_second" entries) and no
    # ``estimated_quantum_compute_time_us`` (only compute-second pricing reports it).
    rate = {
        "sku": f"{name}-gates",
        "unit": "gates",
        "cost_1q_gate": backend.cost_1q,
        "cost_2q_gate": backend.cost_2q,
        "job_cost_minimum": backend.minimum,
    }
    return {
        "estimate_context": context,
        "estimated_at": estimated_at,
        "estimated_unit": "usd",
        "rate_card": {"id": f"emulator-{name}", "rates": [rate]},
        "estimated_total_cost": price(backend, gates, context["shots"]),
        "estimated_execution_time": round(qct / 1000),  # milliseconds, an integer
        "current_predicted_queue_time": backend.average_queue_time,
    }


def usage_view(
    account: Account,
    jobs: Iterable[Job],
    now: float,
    timeline: Timeline,
    start: date,
    end: date,
    group_by: str,
    modality: str,
) -> JSON:
    """The account's completed top-level jobs in [start, end) as IonQ's ``Usages``.

    One row per period (newest first), each with its totals and its five costliest
    groups (``group_usages``); instants are RFC 3339 date-times, as IonQ sends them.
    """
    periods: dict[date, dict[str, JSON]] = {}
    for job in jobs:
        day = datetime.fromisoformat(timeline.iso(job.submitted)).date()
        if job.account != account or job.parent_id is not None or not start <= day < end:
            continue
        if timeline.status(job, now) != "completed" or job.dry_run:
            continue
        period = {
            "daily": day,
            "weekly": day - timedelta(days=day.weekday()),
            "monthly": day.replace(day=1),
        }[modality]
        group_id, group_name = {
            "job": (job.id, job.name or job.id),
            "project": (account.project_id, account.project_id),
            "user": (account.user_id, account.user_id),
        }[group_by]
        group = periods.setdefault(period, {}).setdefault(
            group_id,
            {
                "group_id": group_id,
                "group_name": group_name,
                "amount": 0.0,
                "amount_unit": _USAGE_UNIT,
                "job_count": 0,
                "time_us": 0,
            },
        )
        amount = group["amount"] + price(job.backend, job.outcome.gates, job.shots)
        group["amount"] = round(amount, 2)
        group["job_count"] += 1
        group["time_us"] += compute_time_us(job.backend, job.outcome.gates, job.shots)
    data = []
    for period in sorted(periods, reverse=True):
        groups = list(periods[period].values())
        groups.sort(key=lambda g: (-g["amount"], -g["job_count"], g["group_id"]))
        data.append(
            {
                "from": _midnight(period),
                "amount": round(sum(g["amount"] for g in groups), 2),
                "amount_unit": _USAGE_UNIT,
                "job_count": sum(g["job_count"] for g in groups),
                "time_us": sum(g["time_us"] for g in groups),
                "group_usages": groups[:_TOP_GROUPS],
            }
        )
    return {
        "organization": account.organization_id,
        # IonQ's ``Usages`` requires the two dates of the request back as well.
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "usage_from": _midnight(start),
        "usage_to": _midnight(end),
        "usage_unit": _USAGE_UNIT,
        "group_type": group_by,
        "modality": modality,
        "amount_total": round(sum(r["amount"] for r in data), 2),
        "job_count": sum(r["job_count"] for r in data),
        "time_us_total": sum(r["time_us"] for r in data),
        "usage_data": data,
    }


def _midnight(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


# ---------------------------------------------------------------- sessions


def session_view(session: Session, now: float, timeline: Timeline) -> JSON:
    ended = session.ended_by(now)
    expires = session.expires()
    account = session.account
    iso = timeline.iso
    # IonQ's ``SessionSettings`` holds only the limits that were set (none is null).
    settings: JSON = {
        name: session.limits[name]
        for name in ("job_count_limit", "duration_limit_min", "cost_limit")
        if session.limits.get(name) is not None
    }
    if expires is not None:
        settings["expires_at"] = iso(expires)
    return {
        "id": session.id,
        "created_at": iso(session.created),
        "organization_id": account.organization_id,
        "backend": session.backend,
        "project_id": account.project_id,
        "creator_id": account.user_id,
        "ended_at": None if ended is None else iso(ended),
        "ender_id": account.user_id if session.ended is not None else None,
        "settings": settings,
        "active": ended is None,
        "status": session.status(now),
        "started_at": None if session.started is None else iso(session.started),
    }
