# ruff: noqa: RUF001
"""Start-up figures, in fresh interpreters: P5 import time (in a venv holding only
the core dependencies) and P9 the ``ionq-client`` command."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from _common import Figure, Row, Table, cached_bytecode_env
from _emulator import Emulator
from _profile import importtime_top

ROOT = Path(__file__).resolve().parent.parent
#: The core-only venv lives inside the bench venv, so removing one removes both.
CORE_VENV = Path(sys.prefix) / "core"
CORE_STAMP = CORE_VENV / ".installed"

TIMED = "import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"


def core_python() -> Path:
    """A venv with ionq-client (``--no-deps``), httpx and attrs: what ``pip install
    ionq-client`` brings, nothing else; plus ionq-core and its own dependencies."""
    python = CORE_VENV / "bin" / "python"
    pyproject = (ROOT / "pyproject.toml").stat().st_mtime
    if CORE_STAMP.exists() and CORE_STAMP.stat().st_mtime >= pyproject:
        return python
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(CORE_VENV)], check=True)
    pip = [str(python), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
    subprocess.run(
        [*pip, "httpx>=0.27,<0.29", "attrs>=23.1", "sniffio>=1.3,<2", "ionq-core==0.2.0"],
        check=True,
    )
    CORE_STAMP.touch()
    return python


def import_seconds(python: Path, statement: str) -> float:
    out = subprocess.run(
        [str(python), "-c", TIMED.format(statement=statement)],
        env=cached_bytecode_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout)


def p5(quick: bool) -> Figure:
    fig = Figure(
        "P5",
        "`from ionq_client import IonQClient` in a fresh interpreter, core dependencies only",
        "≤ 0.5× `import ionq_core`",
    )
    runs = 5 if quick else 15
    python = core_python()
    statements = [
        ("`from ionq_client import IonQClient`", "from ionq_client import IonQClient", True),
        ("`import ionq_core`", "import ionq_core", False),
        ("`import httpx`", "import httpx", False),
    ]
    table = Table("import time", "ms", references=["`import ionq_core`", "`import httpx`"])
    for label, _, mine in statements:
        table.rows.append(Row(label, ours=mine))
    for _, statement, _ in statements:  # compile the .pyc files first
        import_seconds(python, statement)
    for _ in range(runs):
        for label, statement, _ in statements:
            table.row(label).samples.append(import_seconds(python, statement) * 1e3)
    fig.tables.append(table)
    freeze = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    fig.notes.append(
        f"A venv made for this (`{CORE_VENV.relative_to(ROOT)}`): ionq-client installed "
        "`--no-deps` plus httpx and attrs, and ionq-core with its dependencies for the "
        f"reference; it holds: {', '.join(freeze)}. Each sample is one fresh interpreter "
        "timing the statement with `time.perf_counter` (interpreter start-up excluded), "
        f"after one run to write the .pyc files; {runs} runs, interleaved."
    )
    ratio = table.ratio(statements[0][0], "`import ionq_core`")
    fig.judge(ratio is not None and ratio <= 0.5, f"{ratio:.2f}× ionq-core (target ≤ 0.5×)")
    fig.profile = importtime_top(str(python), statements[0][1])
    return fig


def _run_seconds(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def p9(quick: bool) -> Figure:
    fig = Figure(
        "P9",
        "`ionq-client --help` and `ionq-client backends --json` start-up",
        "`--help` ≤ 60 ms (`gh`-class CLIs: tens of ms)",
    )
    runs = 5 if quick else 15
    cli = str(Path(sys.executable).parent / "ionq-client")
    py = sys.executable
    with Emulator() as emu:
        env = cached_bytecode_env(IONQ_API_URL=emu.url, IONQ_API_KEY=emu.key)
        commands = [
            ("`ionq-client --help`", [cli, "--help"], True),
            (
                "`ionq-client backends --json` (one GET to the emulator)",
                [cli, "backends", "--json"],
                True,
            ),
            ("`python -c pass` (the interpreter's floor)", [py, "-c", "pass"], False),
            ("`python -c 'import httpx'`", [py, "-c", "import httpx"], False),
        ]
        table = Table("wall time of the process", "ms", references=[commands[2][0]])
        for label, argv, mine in commands:
            table.rows.append(Row(label, ours=mine))
            _run_seconds(argv, env)  # .pyc files
        for _ in range(runs):
            for label, argv, _ in commands:
                table.row(label).samples.append(_run_seconds(argv, env) * 1e3)
    fig.tables.append(table)
    try:
        import rich  # noqa: F401

        has_rich = "installed (the optional `cli` extra's table and progress library)"
    except ImportError:
        has_rich = "not installed (plain-text output)"
    fig.notes.append(
        f"The console script of the bench venv, {runs} runs each, interleaved, wall time of "
        f"the whole process (`subprocess.run`); rich: {has_rich}. There is no `gh` here to "
        "run: the target is its tens of ms; `python -c pass` is the floor any Python "
        "command pays."
    )
    helps = table.row(commands[0][0]).median
    fig.judge(helps <= 60, f"`--help` {helps:.0f} ms (target ≤ 60 ms)")
    if fig.verdict == "missed":
        fig.profile = importtime_top(py, "from ionq_client.cli import main")
    return fig


FIGURES = {"P5": p5, "P9": p9}
