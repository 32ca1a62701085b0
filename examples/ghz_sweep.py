"""A sweep: GHZ states of 2 to 8 qubits, submitted together and waited on as one batch.

`submit_many` sends the jobs concurrently (each one created exactly once, even when a
request is retried); `wait_all` polls the job list filtered by their ids, one request
per hundred jobs, instead of one request per job. Environment as in bell.py.
"""

from __future__ import annotations

import sys

from ionq_client import Circuit, IonQClient, IonQJob, Result


def ghz(qubits: int) -> Circuit:
    circuit = Circuit(qubits, name=f"ghz-{qubits}").h(0)
    for target in range(1, qubits):
        circuit.cx(target - 1, target)
    return circuit


def progress(counts: dict[str, int]) -> None:
    print("  " + ", ".join(f"{status}: {n}" for status, n in sorted(counts.items())))


def main() -> int:
    sizes = range(2, 9)
    jobs = [IonQJob(circuit=ghz(n), shots=500, name=f"ghz-{n}") for n in sizes]
    with IonQClient() as client:
        created = client.submit_many(jobs)
        print(f"submitted {len(created)} jobs")
        finished = client.wait_all([c.id for c in created], timeout=600, on_progress=progress)
        for n, job in zip(sizes, finished, strict=True):
            result = client.get_results(job)
            assert isinstance(result, Result)
            probabilities = result.bitstrings()
            # An ideal GHZ state is all zeros or all ones, half the time each.
            print(
                f"ghz-{n}: P({'0' * n}) = {probabilities.get('0' * n, 0):.3f}, "
                f"P({'1' * n}) = {probabilities.get('1' * n, 0):.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
