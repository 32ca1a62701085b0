"""`make peers`: four real IonQ clients, unchanged, against the emulator.

Run with the project's interpreter (``.venv/bin/python peers/run.py``): it starts the
emulator in-process on 127.0.0.1, then runs ``peers/clients/<client>.py`` for each
client with the peers venv's interpreter (``.venv-peers/bin/python``, or
``$PEERS_PYTHON``), which has qiskit-ionq, cirq-ionq, ionq-core and pennylane-ionq
installed from ``peers/requirements.txt``. The emulator's URL and key reach a script
through ``PEERS_EMULATOR_URL``/``PEERS_EMULATOR_KEY``; each script prints
``ok``/``FAIL <check>: <detail>`` lines and exits non-zero on a failure.

Prints one table row per check, the requests the emulator refused (status >= 400),
each failing client's traceback, and ``peers: N/4 clients ok``; exits 1 unless 4/4.
``python peers/run.py cirq-ionq ...`` runs only the named clients.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ionq_emulator import EmulatorConfig, RunningEmulator, run_emulator

ROOT = Path(__file__).resolve().parent.parent
CLIENTS_DIR = Path(__file__).resolve().parent / "clients"
PEERS_PYTHON = Path(os.environ.get("PEERS_PYTHON", ROOT / ".venv-peers" / "bin" / "python"))
CLIENT_TIMEOUT = 300.0  # seconds for one client's script (imports of qiskit/pennylane are slow)

# Which emulator each client talks to. IonQ serves results in two shapes (see
# /work/shared/reference/ionq-api-facts.md, 2.3); each client reads one of them:
CLIENTS: dict[str, str] = {
    # Reads `results.<kind>.url` from the job (and nothing else) to find its results.
    "qiskit-ionq": "urls",
    # Builds /jobs/<id>/results/probabilities[/aggregated] itself; either shape works.
    "cirq-ionq": "urls",
    # IonQ's generated client, typed by IonQ's own document (October 2026): a job's
    # `results` is a map of artifact descriptors {id, format, media_type}, read through
    # /jobs/<id>/artifacts/<id>; a `{url}` entry is not a descriptor it can parse.
    "ionq-core": "artifacts",
    # Follows `results.probabilities.url` with urljoin; artifacts leave it no results.
    "pennylane-ionq": "urls",
}

# Environment variables through which a client could find a real account or a real
# server: none of them reaches a script, whatever the caller's shell has.
_SCRUBBED_PREFIXES = ("IONQ_", "QISKIT_IONQ_", "CIRQ_IONQ_", "PENNYLANE_IONQ_")
# Anything a client tries to reach beyond the loopback goes to a dead proxy and fails
# at once (instead of waiting on a network this check must not use).
_DEAD_PROXY = "http://127.0.0.1:9"


class Requests(logging.Handler):
    """The emulator's access log, per client: every request, and the refused ones."""

    def __init__(self) -> None:
        super().__init__()
        self.client = ""
        self.seen: dict[str, int] = {}
        self.refused: dict[str, list[str]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        # uvicorn: '%s - "%s %s HTTP/%s" %d' % (client, method, path, version, status)
        _, method, path, _, status = record.args  # type: ignore[misc]
        self.seen[self.client] = self.seen.get(self.client, 0) + 1
        if int(status) >= 400:
            self.refused.setdefault(self.client, []).append(f"{status} {method} {path}")


@dataclass
class Outcome:
    client: str
    style: str
    checks: list[tuple[str, bool, str]]
    returncode: int
    seconds: float
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and bool(self.checks) and all(ok for _, ok, _ in self.checks)


def child_env(emulator: RunningEmulator) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_SCRUBBED_PREFIXES)}
    env.update(
        PEERS_EMULATOR_URL=emulator.url,
        PEERS_EMULATOR_KEY=emulator.key,
        HTTP_PROXY=_DEAD_PROXY,
        HTTPS_PROXY=_DEAD_PROXY,
        ALL_PROXY=_DEAD_PROXY,
        NO_PROXY="127.0.0.1,localhost",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONUNBUFFERED="1",
        MPLBACKEND="Agg",
    )
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        env[name] = env[name.upper()]
    return env


def run_client(client: str, style: str, emulator: RunningEmulator) -> Outcome:
    script = CLIENTS_DIR / f"{client}.py"
    started = time.monotonic()
    try:
        proc = subprocess.run(
            [str(PEERS_PYTHON), str(script)],
            cwd=CLIENTS_DIR,
            env=child_env(emulator),
            capture_output=True,
            text=True,
            timeout=CLIENT_TIMEOUT,
            check=False,
        )
        stdout, stderr, code = proc.stdout, proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as exc:
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        stderr = f"timed out after {CLIENT_TIMEOUT:.0f} s"
        code = -1
    checks: list[tuple[str, bool, str]] = []
    for line in stdout.splitlines():
        word, _, rest = line.partition(" ")
        if word in ("ok", "FAIL"):
            name, _, detail = rest.partition(": ")
            checks.append((name, word == "ok", detail))
    if code != 0 and all(ok for _, ok, _ in checks):  # it died outside any check
        last = stderr.strip().splitlines()[-1:] or [f"exit status {code}"]
        checks.append(("script", False, last[0]))
    return Outcome(client, style, checks, code, time.monotonic() - started, stderr)


def print_table(outcomes: list[Outcome]) -> None:
    rows = [
        (o.client, o.style, name, "ok" if ok else "FAIL", detail)
        for o in outcomes
        for name, ok, detail in o.checks
    ]
    heads = ("client", "results", "check", "", "detail")
    widths = [max(len(r[i]) for r in [heads, *rows]) for i in range(4)]
    for row in [heads, *rows]:
        cells = [c.ljust(w) for c, w in zip(row[:4], widths, strict=True)]
        print("  ".join([*cells, row[4]]).rstrip())


def main(argv: list[str]) -> int:
    chosen = argv or list(CLIENTS)
    unknown = [c for c in chosen if c not in CLIENTS]
    if unknown:
        print(f"unknown client(s): {', '.join(unknown)}; known: {', '.join(CLIENTS)}")
        return 2
    if not PEERS_PYTHON.exists():
        print(
            f"{PEERS_PYTHON} is missing: create it with `make peers` (see peers/requirements.txt)"
        )
        return 2
    requests = Requests()
    access = logging.getLogger("uvicorn.access")
    key = f"peers-{secrets.token_hex(8)}"
    outcomes: list[Outcome] = []
    internal: list[str] = []
    with contextlib.ExitStack() as stack:
        emulators: dict[str, RunningEmulator] = {}
        for style in sorted({CLIENTS[c] for c in chosen}):
            config = EmulatorConfig(
                keys=(key,), results_style=style, ready_after=0, start_after=0, run_time=0
            )
            emulators[style] = stack.enter_context(run_emulator(config))
        # After run_emulator: uvicorn's Config set this logger to WARNING.
        access.setLevel(logging.INFO)
        access.propagate = False
        access.addHandler(requests)
        for client in chosen:
            style = CLIENTS[client]
            requests.client = client
            print(f"running {client} against {emulators[style].url} ...", flush=True)
            outcomes.append(run_client(client, style, emulators[style]))
        access.removeHandler(requests)
        for emulator in emulators.values():
            internal.extend(emulator.internal_errors)
    print()
    print_table(outcomes)
    print()
    for o in outcomes:
        print(f"{o.client}: {requests.seen.get(o.client, 0)} requests in {o.seconds:.1f} s")
        for line in requests.refused.get(o.client, []):
            print(f"  refused: {line}")
    for error in internal:
        print(f"emulator internal error: {error}")
    for o in outcomes:
        if not o.ok and o.stderr.strip():
            print(f"\n--- {o.client} stderr (last 40 lines) ---")
            print("\n".join(o.stderr.strip().splitlines()[-40:]))
    passed = sum(o.ok for o in outcomes)
    print(f"\npeers: {passed}/{len(outcomes)} clients ok")
    return 0 if passed == len(outcomes) and not internal else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
