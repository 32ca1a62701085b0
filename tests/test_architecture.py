"""The house rules that keep the layout honest: the client and the emulator never import
each other, and the blocking client is exactly what the async one generates."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.files import ROOT


def imported_modules(package: str) -> dict[str, set[str]]:
    """Every module each file of ``package`` imports, statically (strings passed to
    ``importlib.import_module`` included)."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.split(".")[0] in ("ionq_client", "ionq_emulator")
            ):
                names.add(node.value)
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"), [("ionq_client", "ionq_emulator"), ("ionq_emulator", "ionq_client")]
)
def test_the_client_and_the_emulator_never_import_each_other(package: str, forbidden: str) -> None:
    offenders = {
        file: sorted(n for n in names if n.split(".")[0] == forbidden)
        for file, names in imported_modules(package).items()
    }
    assert {f: n for f, n in offenders.items() if n} == {}


def test_the_scan_finds_an_import_where_there_is_one() -> None:
    """Guard the guard: the scanner does see the imports a file really has."""
    support = imported_modules("tests/support")
    assert "ionq_emulator" in support["tests/support/spec_check.py"]
    assert "ionq_client" in support["tests/support/drivers.py"]


RUNTIME = """
import sys
{code}
loaded = sorted(m for m in sys.modules if m.split('.')[0] == {forbidden!r})
print(','.join(loaded))
"""


@pytest.mark.parametrize(
    ("code", "forbidden"),
    [
        (
            "from ionq_client import IonQClient, AsyncIonQClient, Circuit, IonQJob\n"
            "from ionq_client.cli import main\n"
            "IonQClient('k', 'http://127.0.0.1:9').close()",
            "ionq_emulator",
        ),
        (
            "from ionq_emulator import EmulatorConfig, create_app, run_emulator\n"
            "import ionq_emulator.pytest_plugin, ionq_emulator.__main__\n"
            "create_app(EmulatorConfig())",
            "ionq_client",
        ),
    ],
)
def test_at_run_time_neither_loads_the_other(code: str, forbidden: str) -> None:
    script = RUNTIME.format(code=code, forbidden=forbidden)
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == ""


def test_the_sync_client_is_generated_from_the_async_one(tmp_path: Path) -> None:
    """``make check-sync`` passes on the tree, and fails once the sync twin is edited."""
    script = ROOT / "scripts" / "make_sync.py"
    ok = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    for part in ("scripts", "ionq_client/_async", "ionq_client/_sync"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    twin = tmp_path / "ionq_client" / "_sync" / "client.py"
    twin.write_text(twin.read_text().replace("def whoami(", "def who_am_i("))
    drift = subprocess.run(
        [sys.executable, str(tmp_path / "scripts" / "make_sync.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert drift.returncode == 1
    assert "-    def who_am_i(" in drift.stderr and "+    def whoami(" in drift.stderr
