"""What every figure shares: samples, rows, the figure record, and timing helpers.

A figure module has ``run(quick: bool) -> Figure``. ``bench/run.py`` runs each one in a
fresh interpreter (``python bench/_figure.py P1``), which writes the figure as JSON.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


def cached_bytecode_env(**extra: str) -> dict[str, str]:
    """The environment for a timed child interpreter, minus ``PYTHONDONTWRITEBYTECODE``:
    with it set, a warm-up run writes no ``.pyc``, so an editable install (ionq-client
    here) is compiled from source on every timed run while site-packages (httpx,
    ionq-core) load their install-time bytecode, an unfair comparison."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}


ROUNDS_QUICK = 2


@dataclass
class Row:
    """One contender: its samples (one per round), or why it could not run."""

    name: str
    samples: list[float] = field(default_factory=list)
    na: str | None = None  # "n/a (reason)" when the contender could not run
    ours: bool = False
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


@dataclass
class Table:
    """One measured quantity of a figure (time, memory, requests) and its contenders."""

    title: str
    unit: str  # "s", "ms", "us", "MB", "requests"
    rows: list[Row] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # row names used as ratio bases

    def row(self, name: str) -> Row:
        for row in self.rows:
            if row.name == name:
                return row
        raise KeyError(name)

    def ratio(self, name: str, reference: str) -> float | None:
        a, b = self.row(name), self.row(reference)
        if a.na or b.na or not a.samples or not b.samples or b.median == 0:
            return None
        return a.median / b.median


@dataclass
class Figure:
    key: str
    title: str
    target: str
    tables: list[Table] = field(default_factory=list)
    verdict: str = ""  # "met", "missed", "n/a"
    verdict_detail: str = ""
    notes: list[str] = field(default_factory=list)
    profile: str = ""
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figure:
        tables = [
            Table(t["title"], t["unit"], [Row(**r) for r in t["rows"]], list(t["references"]))
            for t in data.pop("tables")
        ]
        return cls(tables=tables, **data)

    def judge(self, ok: bool, detail: str) -> None:
        self.verdict = "met" if ok else "missed"
        self.verdict_detail = detail


def na_reason(exc: BaseException, limit: int = 160) -> str:
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def cpu_per_call(fn: Callable[[], object], n: int) -> float:
    """Process CPU time per call (all threads of this process), over ``n`` calls."""
    start = time.process_time()
    for _ in range(n):
        fn()
    return (time.process_time() - start) / n


def wall(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cpu(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    fn()
    return time.process_time() - start


def peak_memory(fn: Callable[[], object]) -> float:
    """Peak bytes allocated by ``fn`` (tracemalloc), above what was live before it;
    what ``fn`` returns is kept alive until the peak is read."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        kept = fn()
        peak = tracemalloc.get_traced_memory()[1] - base
        del kept
    finally:
        tracemalloc.stop()
    return float(peak)


def try_row(name: str, make: Callable[[], Callable[[], object]], **kw: Any) -> tuple[Row, Any]:
    """A row whose contender is built and called once by ``make``; n/a if either fails."""
    row = Row(name, **kw)
    try:
        fn = make()
        fn()
    except Exception as exc:
        row.na = na_reason(exc)
        return row, None
    return row, fn
