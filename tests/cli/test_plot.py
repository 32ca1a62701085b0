"""``ionq-client results JOB --plot FILE``: the real console script draws the job's
histogram into a PNG, which the test reads back as an image."""

from __future__ import annotations

from pathlib import Path

import pytest

from ionq_client import Circuit, IonQClient, IonQJob
from ionq_emulator import RunningEmulator
from tests.cli.helpers import console

matplotlib_image = pytest.importorskip("matplotlib.image")  # the plot extra, in dev


def _bars(image: object) -> int:
    """Bars crossed by the image row a few pixels above the x axis: runs of the
    (non-white, non-black) bar colour along that row."""
    import numpy as np

    pixels = np.asarray(image)[..., :3]
    height = pixels.shape[0]
    # The lowest row that is not all white/black frame, scanning up from the bottom
    # margin, lies inside every bar of non-zero height.
    for y in range(height - 1, -1, -1):
        row = pixels[y]
        coloured = (row.max(axis=1) - row.min(axis=1)) > 0.2
        if coloured.any():
            runs = np.flatnonzero(np.diff(np.concatenate(([0], coloured.astype(int), [0]))))
            return len(runs) // 2
    return 0


@pytest.mark.parametrize(
    ("circuit", "outcomes"), [(Circuit(2).h(0).cx(0, 1), 2), (Circuit(3).h(0).h(1).h(2), 8)]
)
def test_results_plot_writes_one_bar_per_outcome(
    emulator: RunningEmulator, tmp_path: Path, circuit: Circuit, outcomes: int
) -> None:
    with IonQClient(emulator.key, emulator.url) as client:
        job_id = client.submit_job(IonQJob(circuit=circuit, shots=800)).id
        client.wait_for_job(job_id)
    out = tmp_path / "hist.png"

    run = console(emulator, "results", job_id, "--plot", str(out))

    assert run.returncode == 0, run.stderr
    assert f"wrote {out}" in run.stderr
    assert len(run.stdout.splitlines()) == outcomes  # the counts are printed as well
    image = matplotlib_image.imread(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert image.shape[0] > 100 and image.shape[1] > 100
    assert _bars(image) == outcomes


def test_results_plot_refuses_a_multi_circuit_job(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    with IonQClient(emulator.key, emulator.url) as client:
        job = IonQJob(circuits=[Circuit(1).x(0), Circuit(1)], shots=10)
        job_id = client.submit_job(job).id
        client.wait_for_job(job_id)
    out = tmp_path / "hist.png"

    run = console(emulator, "results", job_id, "--plot", str(out))

    assert run.returncode != 0
    assert "--plot draws one circuit's histogram" in run.stderr
    assert not out.exists()


def test_results_plot_refuses_a_function_job_in_one_line(
    emulator: RunningEmulator, tmp_path: Path
) -> None:
    from ionq_client import HamiltonianEnergy

    ansatz = 'OPENQASM 3;\ninclude "stdgates.inc";\ninput float t;\nqubit[1] q;\nry(t) q[0];\n'
    with IonQClient(emulator.key, emulator.url) as client:
        job = HamiltonianEnergy(ansatz=ansatz, hamiltonian=[(1.0, "Z")], params=[0.0])
        job_id = client.submit_job(job).id
        client.wait_for_job(job_id)

    run = console(emulator, "results", job_id, "--plot", str(tmp_path / "x.png"))

    assert run.returncode != 0
    assert "computed a value, not a histogram" in run.stderr
    assert "Traceback" not in run.stderr
