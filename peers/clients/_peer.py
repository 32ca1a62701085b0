"""What every peer script shares: where the emulator is, and how a check reports.

Each script under ``peers/clients/`` runs in the peers venv (``.venv-peers``), one real
IonQ client, unchanged, against the emulator that ``peers/run.py`` started. It prints
one line per check, ``ok <check>: <detail>`` or ``FAIL <check>: <detail>``, and exits
1 if any check failed. A failure's detail is the client's own exception, on one line,
so the runner's table says exactly what the client could not read.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterable, Mapping

URL = os.environ["PEERS_EMULATOR_URL"]  # e.g. http://127.0.0.1:40123/v0.4
KEY = os.environ["PEERS_EMULATOR_KEY"]
SHOTS = 1000
NOISE_MODEL = "aria-1"

_failed: list[str] = []


def check(name: str, fn: Callable[[], str]) -> bool:
    """Run one check: ``fn`` returns a detail for ``ok`` or raises (``FAIL``)."""
    try:
        detail = fn()
    except Exception as exc:  # the client's own error, whatever its type, is the report
        _failed.append(name)
        print(f"FAIL {name}: {one_line(exc)}", flush=True)
        traceback.print_exc(file=sys.stderr)  # the runner shows it under the table
        return False
    print(f"ok {name}: {detail}", flush=True)
    return True


def one_line(exc: BaseException, limit: int = 600) -> str:
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def finish() -> None:
    sys.exit(1 if _failed else 0)


def run_checks(bell: Callable[[], str], batch: Callable[[], str], noisy: Callable[[], str]) -> None:
    """The three checks every peer runs, in order, then the exit status."""
    check("bell", bell)
    check("multi-circuit", batch)
    check(f"noisy ({NOISE_MODEL})", noisy)
    finish()


class CheckFailed(AssertionError):
    """A client answered, but not what an IonQ server's answer should give."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def shares(dist: Mapping[str, float]) -> dict[str, float]:
    """Counts or probabilities keyed by 2-bit strings, as shares that sum to 1."""
    total = float(sum(dist.values()))
    expect(total > 0, f"empty result: {dict(dist)}")
    return {k: v / total for k, v in dist.items() if v}


def show(dist: Mapping[str, float]) -> str:
    return "{" + ", ".join(f"{k}: {v:.3f}" for k, v in sorted(dist.items())) + "}"


def expect_bell(dist: Mapping[str, float]) -> str:
    """An ideal Bell pair: only 00 and 11, each roughly half."""
    p = shares(dist)
    expect(set(p) <= {"00", "11"}, f"states outside 00/11 from an ideal Bell circuit: {show(p)}")
    for state in ("00", "11"):
        expect(0.4 <= p.get(state, 0.0) <= 0.6, f"{state} is not about half: {show(p)}")
    return show(p)


def expect_ones(dist: Mapping[str, float]) -> str:
    """X on both qubits: only 11 (bit order does not matter for this one)."""
    p = shares(dist)
    expect(set(p) == {"11"}, f"expected only 11 from X on both qubits: {show(p)}")
    return show(p)


def expect_noisy(dist: Mapping[str, float]) -> str:
    """A noisy Bell pair: mostly 00/11, but some probability outside them."""
    p = shares(dist)
    outside = sum(v for k, v in p.items() if k not in ("00", "11"))
    expect(outside > 0, f"no probability outside 00/11 under noise {NOISE_MODEL}: {show(p)}")
    expect(outside < 0.5, f"noise swamped the Bell pair: {show(p)}")
    return f"{show(p)} ({outside:.3f} outside 00/11)"


def expect_batch(dists: Iterable[Mapping[str, float]]) -> str:
    """The multi-circuit run: [Bell, X on both], one result per circuit, in order."""
    got = list(dists)
    expect(len(got) == 2, f"expected 2 results for 2 circuits, got {len(got)}")
    return f"2 results: bell {expect_bell(got[0])}, x-x {expect_ones(got[1])}"


def bits(state: int | str, width: int = 2) -> str:
    """A little-endian decimal state (IonQ's keys) as a bitstring, qubit 0 on the right."""
    return format(int(state), f"0{width}b")
