"""The public knobs of one emulator instance: :class:`EmulatorConfig`.

It is what users construct (``from ionq_emulator import EmulatorConfig``) and what
every other module reads, so it lives on its own and depends on nothing but the
fault settings it embeds; a bad value is refused here, at construction, rather than
as a strange answer later.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ionq_emulator._faults import FaultConfig

__all__ = ["EmulatorConfig", "ResultsStyle"]

ResultsStyle = Literal["urls", "artifacts"]


@dataclass(frozen=True)
class EmulatorConfig:
    """How an emulator instance behaves; every field has a test-friendly default.

    ``keys`` empty means one random key is generated. ``seed`` makes job ids, sampled
    results and random faults reproducible. A job is ``ready`` ``ready_after`` seconds
    after submission, ``started`` ``start_after`` seconds later and finished
    ``run_time`` seconds after that, all measured on ``clock``; ``wall_clock`` only
    anchors the ISO timestamps. ``check_responses`` makes the app validate each of
    its own answers against the spec (tests turn it on).

    ``results_style`` is the shape of a completed job's ``results``: ``"artifacts"``
    (the default: IonQ's current document, a map of format id to artifact descriptor,
    which ionq-core and qiskit-ionq's main branch read) or ``"urls"`` (the older
    ``{"probabilities": {"url": ...}}`` that qiskit-ionq 1.1.1 and pennylane-ionq
    follow; IonQ's document no longer describes it).

    Simulation never holds the store's lock. A job whose estimated work (amplitude
    updates, see ``_execution.work_of``) is at most ``inline_work`` is simulated in
    the request's own thread before the creation answer is sent, so small jobs in
    an instant config are complete on submission; a bigger one is accepted at once
    and simulated by one of ``workers`` threads, staying ``ready`` until a worker
    takes it. At most ``max_queued_jobs`` such jobs wait or run at a time; one more
    is answered 429 with ``Retry-After`` (IonQ's answer to "too much at once").
    Results are bounded: a job whose result would keep more than
    ``max_result_states`` outcomes fails with ``SimulationError``, and one that
    would take the results kept by all live jobs past ``max_retained_states``
    fails with ``QuotaExhaustedError`` (deleting jobs frees room).
    """

    keys: tuple[str, ...] = ()
    seed: int = 0
    ready_after: float = 0.05
    start_after: float = 0.05
    run_time: float = 0.1
    results_style: ResultsStyle = "artifacts"
    faults: FaultConfig = field(default_factory=FaultConfig)
    clock: Callable[[], float] = time.monotonic
    wall_clock: Callable[[], float] = time.time
    check_responses: bool = False
    workers: int = 1
    inline_work: int = 2**22
    max_queued_jobs: int = 64
    # A dense 20-qubit result (2^20 probabilities plus its histogram) is served; a wider
    # dense one fails rather than hold hundreds of MB. Across jobs: one such result.
    max_result_states: int = 2**21
    max_retained_states: int = 2**21

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(self.keys))
        if any(not k or not k.isprintable() or " " in k for k in self.keys):
            raise ValueError("API keys must be non-empty printable strings without spaces")
        if len(set(self.keys)) != len(self.keys):
            raise ValueError("API keys must be distinct")
        if min(self.ready_after, self.start_after, self.run_time) < 0:
            raise ValueError("lifecycle durations must be >= 0")
        limits = (self.workers, self.max_queued_jobs, self.max_result_states)
        if min(limits) < 1 or min(self.inline_work, self.max_retained_states) < 0:
            raise ValueError("workers and the queue and result limits must be >= 1")
        if self.results_style not in ("urls", "artifacts"):
            raise ValueError(f"results_style must be 'urls' or 'artifacts': {self.results_style}")
