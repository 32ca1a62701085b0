"""cirq-ionq against the emulator: Bell, multi-circuit (``run_batch``), noisy.

``cirq_ionq.Service(remote_host=, api_key=, api_version=)`` keeps only the scheme and
host of ``remote_host`` and appends ``/<api_version>``. Results are read as the ideal
simulator's probabilities (``SimulatorResult.probabilities()``), keyed by big-endian
integers over the measured qubits.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import cirq
import cirq_ionq
from _peer import (
    KEY,
    NOISE_MODEL,
    SHOTS,
    URL,
    bits,
    expect,
    expect_batch,
    expect_bell,
    expect_noisy,
    run_checks,
)

q0, q1 = cirq.LineQubit.range(2)
BELL = cirq.Circuit(cirq.H(q0), cirq.CNOT(q0, q1), cirq.measure(q0, q1, key="m"))
BOTH_X = cirq.Circuit(cirq.X(q0), cirq.X(q1), cirq.measure(q0, q1, key="m"))


def probabilities(result: object) -> dict[str, float]:
    expect(isinstance(result, cirq_ionq.SimulatorResult), f"not a simulator result: {result!r}")
    return {bits(state): p for state, p in result.probabilities().items()}


def main() -> None:
    api_version = urlsplit(URL).path.strip("/")  # "v0.4"
    service = cirq_ionq.Service(
        remote_host=URL, api_key=KEY, api_version=api_version, default_target="simulator"
    )

    def run_bell() -> str:
        job = service.create_job(BELL, repetitions=SHOTS, name="peers-bell")
        result = job.results(polling_seconds=0.1)
        counts = service.run(BELL, repetitions=SHOTS).histogram(key="m")  # sampled counts
        expect(sum(counts.values()) == SHOTS, f"counts do not add up to {SHOTS}: {counts}")
        return f"job {job.job_id()}: probabilities {expect_bell(probabilities(result))}"

    def run_batch() -> str:
        job = service.create_batch_job([BELL, BOTH_X], repetitions=SHOTS, name="peers-batch")
        results = job.results(polling_seconds=0.1)
        expect(isinstance(results, list), f"a batch job gave one result: {results!r}")
        return expect_batch(probabilities(r) for r in results)

    def run_noisy() -> str:
        job = service.create_job(BELL, repetitions=SHOTS, noise={"model": NOISE_MODEL})
        return expect_noisy(probabilities(job.results(polling_seconds=0.1)))

    run_checks(run_bell, run_batch, run_noisy)


if __name__ == "__main__":
    main()
