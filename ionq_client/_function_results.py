"""What a quantum-function or Q-CTRL QAOA job computed, read from the job itself.

These jobs have no probabilities: IonQ puts their outcome in the job object's
``results`` (``{value, variance}``, or ``{qaoa_results: {...}}``), so
``get_results`` reads it from there instead of asking a results endpoint. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._exceptions import IonQResponseError, IonQValidationError

if TYPE_CHECKING:
    from ionq_api.models import QaoaJob, QuantumFunctionJob

__all__ = [
    "FunctionResult",
    "QaoaResult",
    "embedded_result",
    "function_result",
    "qaoa_result",
    "refuse_circuit_options",
]

#: Job types whose outcome is in the job object (no probabilities to fetch).
EMBEDDED_TYPES = frozenset({"quantum-function", "qctrl.qaoa.v1"})


@dataclass(frozen=True, slots=True)
class FunctionResult:
    """A quantum function's value (for ``hamiltonian-energy``, the energy
    <psi(params)|H|psi(params)>) and the estimated variance of that value."""

    value: float
    variance: float
    job_id: str


@dataclass(frozen=True, slots=True)
class QaoaResult:
    """The best cut Q-CTRL's QAOA optimizer found, and where its loop stopped
    (``processing_status``: ``complete``, ``max_iteration``, or a newer stage)."""

    optimal_cost: float
    optimal_bitstring: str
    processing_status: str
    job_id: str


def _missing(job_id: str, what: str) -> IonQResponseError:
    return IonQResponseError(f"job {job_id} completed without {what} in its results")


def function_result(job: QuantumFunctionJob) -> FunctionResult:
    """The outcome of a completed quantum-function job (IonQResponseError if absent)."""
    from ionq_api.models import QuantumFunctionJobResults
    from ionq_api.types import Unset

    results = job.results
    if not isinstance(results, QuantumFunctionJobResults):
        raise _missing(job.id, "a value")
    if isinstance(results.value, Unset):
        raise _missing(job.id, "a value")
    variance = results.variance
    if isinstance(variance, Unset):
        raise _missing(job.id, "a variance")
    return FunctionResult(value=float(results.value), variance=float(variance), job_id=job.id)


def qaoa_result(job: QaoaJob) -> QaoaResult:
    """The outcome of a completed QAOA job (IonQResponseError if absent)."""
    from ionq_api.models import QaoaJobResults, QaoaResults

    results = job.results
    found = results.qaoa_results if isinstance(results, QaoaJobResults) else None
    if not isinstance(found, QaoaResults):
        raise _missing(job.id, "qaoa_results")
    status = found.processing_status
    return QaoaResult(
        optimal_cost=float(found.optimal_cost),
        optimal_bitstring=found.optimal_bitstring,
        processing_status=str(getattr(status, "value", status)),
        job_id=job.id,
    )


def embedded_result(job: object) -> FunctionResult | QaoaResult | None:
    """The outcome kept in a completed job object, or None for a circuit job (whose
    probabilities are fetched from the results endpoints)."""
    from ionq_api.models import QaoaJob, QuantumFunctionJob

    if isinstance(job, QuantumFunctionJob):
        return function_result(job)
    if isinstance(job, QaoaJob):
        return qaoa_result(job)
    return None


def refuse_circuit_options(job_type: object, **options: object) -> None:
    """Options of the probabilities endpoints (``sharpen``...) given for a job that
    has none: refused by name, before the job is submitted when the caller knows
    its type then (``run``), so a mistake is not a billed job."""
    if str(job_type) in EMBEDDED_TYPES:
        for name, given in options.items():
            if given is not None:
                raise IonQValidationError(name, f"applies to circuit jobs only, not {job_type}")
