# ruff: noqa: RUF001, RUF002
"""Side-by-side measurements of ionq-client and its peers, as ratios, in one run.

    make bench                        # .venv-bench/bin/python bench/run.py
    .venv-bench/bin/python bench/run.py --quick          # a fast smoke run
    .venv-bench/bin/python bench/run.py --only P1,P3     # some figures

Each figure (P1 … P9, see ``FIGURES``) runs in a fresh interpreter
(``bench/_figure.py``); the emulator runs in a process of its own
(``bench/_emulator.py``). A full run rewrites ``bench/RESULTS.md``: the machine, the
versions, and for every figure the median of its rounds with min–max and the
ratio to each reference. A contender that cannot run is shown as n/a with its error.
Nothing here is asserted: the targets are judged and reported, met or missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import _readme
from _common import Figure, Table

HERE = Path(__file__).resolve().parent
FIGURES = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"]
PACKAGES = [
    "ionq-client",
    "httpx",
    "ionq-core",
    "qiskit-ionq",
    "qiskit",
    "qiskit-aer",
    "cirq-ionq",
    "cirq-core",
    "pennylane-ionq",
    "pennylane",
    "requests",
    "numpy",
    "starlette",
    "uvicorn",
]
UNITS = {"us": "µs", "ms": "ms", "s": "s", "MB": "MB", "requests": ""}


def run_figure(key: str, quick: bool) -> Figure:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{key}.json"
        argv = [sys.executable, str(HERE / "_figure.py"), key, str(out)]
        proc = subprocess.run(argv + (["--quick"] if quick else []), check=False)
        if not out.exists():
            return Figure(key, key, "", verdict="error", verdict_detail=f"exit {proc.returncode}")
        return Figure.from_json(json.loads(out.read_text()))


# ------------------------------------------------------------------ the report
def fmt(value: float, unit: str) -> str:
    if unit == "requests":
        return f"{value:,.0f}"
    if unit == "s":
        return f"{value:.3g}" if value < 10 else f"{value:.1f}"
    return f"{value:,.1f}" if value < 1000 else f"{value:,.0f}"


def short(name: str) -> str:
    """A reference's name for a column header: up to its first backquoted part."""
    head = name.split(" `")[0].split(" (")[0]
    return head if len(head) <= 30 else head[:29] + "…"


def table_md(table: Table) -> list[str]:
    unit = UNITS[table.unit]
    refs = table.references
    head = ["contender", f"median {unit}".strip(), "min–max"] + [f"vs {short(r)}" for r in refs]
    lines = [f"*{table.title}*", "", "| " + " | ".join(head) + " |"]
    lines.append("|" + "---|" * len(head))
    for row in table.rows:
        name = f"**{row.name}**" if row.ours else row.name
        if row.na:
            cells = [name, f"n/a ({row.na})", ""] + [""] * len(refs)
        elif not row.samples:
            cells = [name, "not run", ""] + [""] * len(refs)
        else:
            spread = f"{fmt(min(row.samples), table.unit)}–{fmt(max(row.samples), table.unit)}"
            ratios = []
            for ref in refs:
                r = table.ratio(row.name, ref)
                ratios.append("—" if r is None else f"{r:.3g}×")
            cells = [name, fmt(row.median, table.unit), spread, *ratios]
            if row.note:
                cells[0] += f" ({row.note})"
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def machine() -> list[tuple[str, str]]:
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return [
        ("machine", f"{os.cpu_count()} cores, {model}; {platform.platform()}"),
        ("load when the run started", " ".join(f"{x:.2f}" for x in os.getloadavg())),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("packages", ", ".join(versions)),
    ]


def render(figures: list[Figure], quick: bool, seconds: float, facts: list[tuple[str, str]]) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    mode = "`--quick` (smoke run: fewer jobs and rounds)" if quick else "full"
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`bench/run.py`, {mode}) on {now}; the run took "
        f"{seconds / 60:.1f} min. Regenerate with `make bench`; do not edit by hand.",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in facts],
        "",
        "Every figure is the **median of its rounds** with the rounds' min–max; a ratio is "
        "the contender's median over the reference's median (below 1× is less time, memory "
        "or requests than the reference). The machine is shared, 2 cores: absolute numbers "
        "only frame the ratios. **Bold** rows are ionq-client. A contender that could not "
        "run shows `n/a` and its error.",
        "",
        "## Summary",
        "",
        "| # | figure | target | result | met? |",
        "|---|---|---|---|---|",
    ]
    for f in figures:
        mark = {"met": "yes", "missed": "**no**"}.get(f.verdict, f.verdict)
        lines.append(f"| {f.key} | {f.title} | {f.target} | {f.verdict_detail} | {mark} |")
    for f in figures:
        lines += ["", f"## {f.key}: {f.title}", ""]
        lines.append(f"Target: {f.target}. **{f.verdict}**: {f.verdict_detail}.")
        for table in f.tables:
            lines += ["", *table_md(table)]
        for note in f.notes:
            lines += ["", note]
        if f.profile:
            kind = "What dominates" if f.verdict == "missed" else "Where the time goes"
            lines += ["", f"{kind}:", "", "```", f.profile, "```"]
        lines += ["", f"<sub>{f.key} took {f.seconds:.0f} s.</sub>"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer jobs and rounds")
    parser.add_argument("--only", help="comma-separated figures, e.g. P1,P3")
    parser.add_argument("--out", help="where to write the report (default: bench/RESULTS.md)")
    args = parser.parse_args()
    keys = args.only.upper().split(",") if args.only else FIGURES
    out = Path(args.out) if args.out else HERE / "RESULTS.md"
    if (args.quick or args.only) and not args.out:
        out = Path(tempfile.gettempdir()) / "ionq-client-bench-RESULTS.md"
    facts = machine()
    start = time.perf_counter()
    figures = []
    for key in keys:
        print(f"== {key}", flush=True)
        figure = run_figure(key, args.quick)
        print(f"   {figure.verdict}: {figure.verdict_detail} ({figure.seconds:.0f} s)", flush=True)
        figures.append(figure)
    seconds = time.perf_counter() - start
    report = render(figures, args.quick, seconds, facts)
    out.write_text(report)
    print(f"wrote {out} ({seconds / 60:.1f} min)")
    if out == HERE / "RESULTS.md":
        _readme.requote(HERE.parent / "README.md", report)
        print("quoted its summary in README.md")


if __name__ == "__main__":
    main()
