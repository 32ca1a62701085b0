"""Generate the blocking client from the async one, as httpcore does.

``python scripts/make_sync.py`` rewrites ``ionq_client/_sync/`` from ``ionq_client/_async/``
(``make unasync``); ``--check`` regenerates into a scratch folder and fails, showing
the difference, when the committed files have drifted (``make test`` runs it).
The token rules are unasync's own (``async``/``await`` dropped, ``__aenter__`` ->
``__enter__``, ``AsyncIterator`` -> ``Iterator``...) plus the names below.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import unasync

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("ionq_client/_async")
TARGET = Path("ionq_client/_sync")
REPLACEMENTS = {
    "AsyncIonQClient": "IonQClient",
    "AsyncClient": "Client",
    "aclose": "close",
    "aiter_bytes": "iter_bytes",
    "aread": "read",
    "asyncio": "time",
    "AsyncHTTPTransport": "HTTPTransport",
    "handle_async_request": "handle_request",
}
HEADER = (
    "# Generated from ionq_client/_async/{name} by scripts/make_sync.py: edit that file,\n"
    "# then run `make unasync`. `make test` fails when this file drifts from it.\n"
)


def generate(root: Path) -> list[Path]:
    """Write ``root/TARGET`` from ``root/SOURCE``; return the files written."""
    rule = unasync.Rule(f"/{SOURCE}/", f"/{TARGET}/", additional_replacements=REPLACEMENTS)
    # _concurrency.py differs by kind (tasks vs threads): hand-written.
    sources = [root / SOURCE / "client.py", root / SOURCE / "_wire.py"]
    unasync.unasync_files([str(p) for p in sources], [rule])
    written = [root / TARGET / p.name for p in sources]
    for path in written:
        path.write_text(
            HEADER.format(name=path.name) + path.read_text(encoding="utf-8"), encoding="utf-8"
        )
    ruff = [sys.executable, "-m", "ruff"]
    files = [str(p) for p in written]
    subprocess.run([*ruff, "check", "--quiet", "--fix", "--select", "I", *files], check=True)
    subprocess.run([*ruff, "format", "--quiet", *files], check=True)
    return written


def check() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        shutil.copytree(ROOT / SOURCE, tmp / SOURCE)
        shutil.copy(ROOT / "pyproject.toml", tmp / "pyproject.toml")  # ruff's settings
        drift = False
        for fresh in generate(tmp):
            committed = ROOT / TARGET / fresh.name
            want = fresh.read_text(encoding="utf-8").splitlines(keepends=True)
            have = (
                committed.read_text(encoding="utf-8").splitlines(keepends=True)
                if committed.exists()
                else []
            )
            diff = list(difflib.unified_diff(have, want, str(committed), "generated"))
            if diff:
                drift = True
                sys.stderr.writelines(diff)
    if drift:
        print(f"{TARGET} differs from what {SOURCE} produces: run 'make unasync'", file=sys.stderr)
        return 1
    print(f"{TARGET} is up to date with {SOURCE}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(check())
    for path in generate(ROOT):
        print(f"wrote {path.relative_to(ROOT)}")
