"""`make demo`: a Bell pair and a 5-qubit GHZ state, end to end through IonQClient.

It always starts the local emulator on a free loopback port, runs both circuits
there and stops it: a demo must never spend from an IonQ account because a key
happens to be in the environment. IONQ_API_KEY and IONQ_API_URL are ignored (it
says so when they are set); the client is given the emulator's URL and key.
To run the same circuits on IonQ's cloud, see examples/bell.py.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator

from ionq_client import Circuit, IonQClient, IonQJob, Result


def circuits() -> dict[str, Circuit]:
    ghz = Circuit(5, name="ghz-5").h(0)
    for target in range(1, 5):
        ghz.cx(0, target)
    return {"Bell pair": Circuit(2, name="bell").h(0).cx(0, 1), "GHZ, 5 qubits": ghz}


#: The variables the client would otherwise read, which the demo leaves alone.
IGNORED = ("IONQ_API_KEY", "IONQ_API_URL", "QISKIT_IONQ_API_TOKEN", "IONQ_API_TOKEN")


@contextlib.contextmanager
def target() -> Iterator[tuple[str, str, str]]:
    """(url, key, description) of a local emulator, started for the demo."""
    from ionq_emulator import EmulatorConfig, run_emulator

    # Slow the lifecycle down a little so the progress is visible.
    config = EmulatorConfig(ready_after=0.3, start_after=0.3, run_time=0.6)
    with run_emulator(config) as emulator:
        yield emulator.url, emulator.key, f"the local emulator at {emulator.url}"
    print("emulator stopped")


def show_progress(label: str) -> object:
    started = time.monotonic()
    last: list[str] = []

    def on_progress(job: object) -> None:
        status = str(getattr(job, "status", "?"))
        if not last or last[-1] != status:
            print(f"  [{time.monotonic() - started:5.2f}s] {label}: {status}", flush=True)
            last.append(status)

    return on_progress


def main() -> int:
    ignored = [name for name in IGNORED if os.environ.get(name)]
    if ignored:
        print(f"note: {' and '.join(ignored)} ignored: the demo runs on the local emulator only")
    with target() as (url, key, where):
        print(f"running on {where}")
        with IonQClient(key, url) as client:
            for label, circuit in circuits().items():
                job = IonQJob(circuit=circuit, shots=1000, name=circuit.name)
                created = client.submit_job(job)
                print(f"{label}: submitted job {created.id}")
                finished = client.wait_for_job(
                    created.id,
                    timeout=300,
                    on_progress=show_progress(label),  # type: ignore[arg-type]
                )
                result = client.get_results(finished)
                assert isinstance(result, Result)
                counts = result.bitstring_counts(1000)
                print(f"{label}: counts over 1,000 shots (qubit 0 is the rightmost bit)")
                for bits, count in sorted(counts.items(), key=lambda kv: -kv[1]):
                    print(f"    {bits}  {count:5d}  {'#' * (count // 20)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
