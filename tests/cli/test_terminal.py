"""``ionq-client submit --wait`` in a real terminal: tmux runs it in a pane against
the emulator, and the test reads the screen (``capture-pane``) and types
(``send-keys``), as a person would.

The live display is one line per job, redrawn in place (never a line per poll),
that follows the job to ``completed``; Ctrl-C at a terminal asks before canceling.
Each test runs its own tmux server (``-L``), so no user session is touched.
"""

from __future__ import annotations

import contextlib
import json
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ionq_client import IonQClient
from ionq_emulator import EmulatorConfig, RunningEmulator, run_emulator
from tests.cli.helpers import CONSOLE

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed: the terminal test needs it (apt install tmux)"
)

BELL = {
    "qubits": 2,
    "circuit": [{"gate": "h", "target": 0}, {"gate": "cx", "control": 0, "target": 1}],
}
#: How long a screen may take to show what a test waits for (a bound, not a timing claim).
PATIENCE = 60.0


class Pane:
    """One tmux pane running one shell command."""

    def __init__(self, command: str, env: dict[str, str]) -> None:
        assert TMUX is not None
        self.base = [TMUX, "-L", f"ionq-test-{uuid.uuid4().hex[:12]}"]
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # The pane stays after the command, so its last screen can be read; the shell
        # traps Ctrl-C (a handler, not "ignore", which the command would inherit)
        # so that only the command reacts to it, as in an interactive shell.
        script = f"trap : INT; export {exports}; {command}; echo EXIT=$?; sleep {PATIENCE:g}"
        self.tmux("new-session", "-d", "-x", "100", "-y", "30", "sh", "-c", script)

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            [*self.base, *args], capture_output=True, text=True, check=True, timeout=30
        ).stdout

    def screen(self) -> list[str]:
        return self.tmux("capture-pane", "-p").rstrip("\n").splitlines()

    def until(self, seen: Callable[[list[str]], bool]) -> list[list[str]]:
        """Every distinct screen up to the first for which ``seen`` holds."""
        screens: list[list[str]] = []
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            screen = self.screen()
            if not screens or screens[-1] != screen:
                screens.append(screen)
            if seen(screen):
                return screens
            time.sleep(0.05)
        raise AssertionError("the screen never showed it; last screen:\n" + "\n".join(screens[-1]))

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True, timeout=30)


@contextlib.contextmanager
def _pane(emulator: RunningEmulator, job_file: Path) -> Iterator[Pane]:
    env = {"IONQ_API_URL": emulator.url, "IONQ_API_KEY": emulator.key}
    pane = Pane(f"{CONSOLE} submit --wait {shlex.quote(str(job_file))}", env)
    try:
        yield pane
    finally:
        pane.close()


def _job_file(tmp_path: Path) -> Path:
    path = tmp_path / "bell.json"
    path.write_text(json.dumps(BELL))
    return path


def test_the_progress_line_is_redrawn_in_place_until_completed(tmp_path: Path) -> None:
    # Slow enough to be watched: each stage lasts a second or two.
    config = EmulatorConfig(keys=("tty-key",), ready_after=1.0, start_after=1.0, run_time=2.0)
    with run_emulator(config) as emulator, _pane(emulator, _job_file(tmp_path)) as pane:
        screens = pane.until(lambda s: any(line.startswith("EXIT=") for line in s))
    final = screens[-1]
    job_id = final[0].strip()
    assert len(job_id) == 36, final  # the id comes first, on stdout

    progress = [[line for line in screen if f"job {job_id}" in line] for screen in screens]
    # Never more than one progress line on screen: it is redrawn, not appended.
    assert all(len(lines) <= 1 for lines in progress), screens
    shown = [lines[0].split(job_id, 1)[1].split()[0] for lines in progress if lines]
    assert shown[-1] == "completed"
    assert "started" in shown  # the line followed the job while it ran
    assert len(set(shown)) >= 3  # e.g. submitted/ready, started, completed
    assert sorted(line.split()[0] for line in final if line[:2] in ("00", "11")) == ["00", "11"]
    assert "EXIT=0" in final


def test_ctrl_c_at_a_terminal_asks_and_cancels(tmp_path: Path) -> None:
    config = EmulatorConfig(keys=("tty-key",), ready_after=PATIENCE)  # stays queued
    with run_emulator(config) as emulator:
        with _pane(emulator, _job_file(tmp_path)) as pane:
            screens = pane.until(lambda s: any("job " in line for line in s))
            job_id = screens[-1][0].strip()
            pane.tmux("send-keys", "C-c")
            pane.until(lambda s: any("Cancel it" in line and "[y/N]" in line for line in s))
            pane.tmux("send-keys", "y", "Enter")
            final = pane.until(lambda s: any(line.startswith("EXIT=") for line in s))[-1]
        with IonQClient(emulator.key, emulator.url) as client:
            status = client.retrieve_job(job_id).status
    assert "EXIT=130" in final
    assert any("cancel requested" in line for line in final), final
    assert status == "canceled"
