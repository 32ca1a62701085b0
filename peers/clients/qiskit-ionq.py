"""qiskit-ionq against the emulator: backend sizing, Bell, multi-circuit, noisy.

qiskit-ionq sizes its backends with an unauthenticated ``GET <url>/backends/<name>``
whose URL comes only from ``QISKIT_IONQ_API_URL``/``IONQ_API_URL`` (or a ``.env`` file),
never from the provider's ``url=``; so the variable is set before anything is built.
"""

from __future__ import annotations

import os
import warnings

from _peer import (
    KEY,
    NOISE_MODEL,
    SHOTS,
    URL,
    check,
    expect,
    expect_batch,
    expect_bell,
    expect_noisy,
    finish,
    run_checks,
)

os.environ["QISKIT_IONQ_API_URL"] = URL

from qiskit import QuantumCircuit
from qiskit_ionq import IonQProvider
from qiskit_ionq.helpers import resolve_credentials

WAIT = 0.1  # seconds between qiskit-ionq's status polls (its default is 5)


def bell() -> QuantumCircuit:
    qc = QuantumCircuit(2, 2, name="bell")
    qc.h(0)
    qc.cx(0, 1)
    qc.measure([0, 1], [0, 1])
    return qc


def both_x() -> QuantumCircuit:
    qc = QuantumCircuit(2, 2, name="x-x")
    qc.x([0, 1])
    qc.measure([0, 1], [0, 1])
    return qc


def probabilities(result, index: int) -> dict[str, float]:
    return dict(result.get_probabilities(index))


def main() -> None:
    # A .env file (found upward from qiskit_ionq's own folder) beats the environment:
    # refuse to run if it would send anything anywhere but the emulator.
    url = resolve_credentials()["url"]
    if url != URL:
        print(f"FAIL setup: qiskit-ionq would use {url} (a .env file?), not {URL}")
        finish()
    provider = IonQProvider(token=KEY, url=URL)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        backend = provider.get_backend("ionq_simulator")  # sizes it: GET /backends/simulator

    def sizing() -> str:
        fell_back = [str(w.message) for w in caught if "Failed to get qubits" in str(w.message)]
        expect(not fell_back, "; ".join(fell_back))
        return f"ionq_simulator has {backend.num_qubits} qubits (GET {URL}/backends/simulator)"

    def run_bell() -> str:
        job = backend.run(bell(), shots=SHOTS)
        result = job.result(wait=WAIT)
        counts = result.get_counts()
        expect(sum(counts.values()) == SHOTS, f"counts do not add up to {SHOTS}: {counts}")
        return f"job {job.job_id()}: probabilities {expect_bell(probabilities(result, 0))}"

    def run_batch() -> str:
        job = backend.run([bell(), both_x()], shots=SHOTS)
        result = job.result(wait=WAIT)
        return expect_batch(probabilities(result, i) for i in range(len(result.results)))

    def run_noisy() -> str:
        job = backend.run(bell(), shots=SHOTS, noise_model=NOISE_MODEL)
        return expect_noisy(probabilities(job.result(wait=WAIT), 0))

    check("sizing", sizing)
    run_checks(run_bell, run_batch, run_noisy)


if __name__ == "__main__":
    main()
