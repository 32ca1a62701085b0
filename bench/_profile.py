"""Profiles attached to a figure whose target is missed: what dominates, by share."""

from __future__ import annotations

import cProfile
import io
import pstats
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _common import cached_bytecode_env

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def _where(filename: str, line: int, name: str) -> str:
    path = Path(filename)
    try:
        shown = str(path.resolve().relative_to(ROOT))
    except ValueError:
        parts = path.parts
        shown = "/".join(parts[-2:]) if len(parts) > 1 else filename
        if "site-packages" in parts:
            shown = "/".join(parts[parts.index("site-packages") + 1 :])
    if filename == "~":
        return name  # a builtin: "<built-in method json.loads>"
    return f"{shown}:{line}:{name}"


def cprofile_top(
    fn: Callable[[], object], calls: int = 1, limit: int = 8, clock: str = "cpu"
) -> str:
    """The functions with the most own time (tottime) and the most cumulative time,
    each as a share of the profiled total; cProfile inflates call-heavy code.
    ``clock="cpu"`` profiles this process's CPU time (waiting on sockets costs nothing),
    ``"wall"`` the wall clock."""
    timer = time.process_time if clock == "cpu" else time.perf_counter
    profiler = cProfile.Profile(timer)
    profiler.enable()
    for _ in range(calls):
        fn()
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    entries = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, tt, _, _) in entries.values()) or 1e-12
    own = sorted(entries.items(), key=lambda kv: kv[1][2], reverse=True)[:limit]
    cum = sorted(entries.items(), key=lambda kv: kv[1][3], reverse=True)
    lines = [f"cProfile ({clock} time), {calls} call(s), total {total * 1e3:.1f} ms; own time:"]
    for (filename, line, name), (_, ncalls, tt, _, _) in own:
        lines.append(f"  {tt / total:5.1%}  {_where(filename, line, name)}  ({ncalls} calls)")
    lines.append("cumulative (outermost frames of the bench itself left out):")
    shown = 0
    for (filename, line, name), (_, _, _, ct, _) in cum:
        if filename.startswith(str(BENCH)) or name in ("<lambda>", "<module>") or filename == "~":
            continue
        lines.append(f"  {ct / total:5.1%}  {_where(filename, line, name)}")
        shown += 1
        if shown == limit:
            break
    return "\n".join(lines)


IMPORT_LINE = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")


def importtime_top(python: str, statement: str, limit: int = 10) -> str:
    """``-X importtime``: the modules with the largest cumulative and own import time."""
    out = subprocess.run(
        [python, "-X", "importtime", "-c", statement],
        env=cached_bytecode_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    rows = []
    for line in out.splitlines():
        m = IMPORT_LINE.match(line)
        if m:
            rows.append((int(m.group(1)), int(m.group(2)), len(m.group(3)), m.group(4)))
    total = sum(own for own, _, _, _ in rows) or 1
    top = [r for r in rows if r[2] == 1]  # top-level imports of the statement
    lines = [f"-X importtime `{statement}`: {total / 1e3:.1f} ms of imports; first level:"]
    for _own, cum, _, name in sorted(top, key=lambda r: r[1], reverse=True)[:limit]:
        lines.append(f"  {cum / 1e3:7.1f} ms {cum / total:5.1%}  {name}")
    lines.append("largest cumulative (any depth):")
    for _own, cum, depth, name in sorted(rows, key=lambda r: r[1], reverse=True)[:limit]:
        lines.append(f"  {cum / 1e3:7.1f} ms {cum / total:5.1%}  {'.' * (depth - 1)}{name}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(importtime_top(sys.executable, sys.argv[1]))
