"""pennylane-ionq against the emulator: Bell, multi-circuit (one batch), noisy.

pennylane-ionq has no URL option: every request goes to
``pennylane_ionq.api_client.APIClient.BASE_URL``, a class attribute. It is set here,
from the outside, before any device exists; the library's files are left alone.
"""

from __future__ import annotations

import pennylane as qml
from _peer import (
    KEY,
    NOISE_MODEL,
    SHOTS,
    URL,
    expect,
    expect_batch,
    expect_bell,
    expect_noisy,
    run_checks,
)
from pennylane_ionq import api_client

api_client.APIClient.BASE_URL = URL

STATES = ("00", "01", "10", "11")  # qml.probs order: wire 0 is the left bit


def bell_ops() -> list[qml.operation.Operator]:
    return [qml.Hadamard(0), qml.CNOT([0, 1])]


def as_dist(probs: object) -> dict[str, float]:
    values = [float(p) for p in probs]
    expect(len(values) == 4, f"expected 4 probabilities over 2 wires, got {values}")
    return dict(zip(STATES, values, strict=True))


def main() -> None:
    def run_bell() -> str:
        dev = qml.device("ionq.simulator", wires=2, api_key=KEY)

        @qml.set_shots(SHOTS)  # the device refuses analytic (shots=None) runs
        @qml.qnode(dev)
        def circuit():
            bell_ops()  # created inside the QNode: queued once, in order
            return qml.probs(wires=[0, 1])

        return f"probabilities {expect_bell(as_dist(circuit()))}"

    def run_batch() -> str:
        dev = qml.device("ionq.simulator", wires=2, api_key=KEY)
        tapes = [
            qml.tape.QuantumScript(bell_ops(), [qml.probs(wires=[0, 1])], shots=SHOTS),
            qml.tape.QuantumScript(
                [qml.PauliX(0), qml.PauliX(1)], [qml.probs(wires=[0, 1])], shots=SHOTS
            ),
        ]
        results = qml.execute(tapes, dev, diff_method=None)
        target = getattr(dev, "target_device", dev)  # the legacy device behind the facade
        job_type = target.job.get("type")  # the last job it posted
        expect(job_type == "ionq.multi-circuit.v1", f"the batch went as {job_type}, not one job")
        return expect_batch(as_dist(r) for r in results)

    def run_noisy() -> str:
        dev = qml.device("ionq.simulator", wires=2, api_key=KEY, noise_model=NOISE_MODEL)

        @qml.set_shots(SHOTS)  # the device refuses analytic (shots=None) runs
        @qml.qnode(dev)
        def circuit():
            bell_ops()  # created inside the QNode: queued once, in order
            return qml.probs(wires=[0, 1])

        return expect_noisy(as_dist(circuit()))

    run_checks(run_bell, run_batch, run_noisy)


if __name__ == "__main__":
    main()
