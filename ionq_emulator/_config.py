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
