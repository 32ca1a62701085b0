"""IonQ's v2 (register-nested) result artifacts, end to end: a QASM 3 job with a
classical register on the emulator lists v2 descriptors in ``results``; the client
fetches each by its descriptor's id and reads it by register name, on both clients."""

from __future__ import annotations

from collections.abc import Callable

from ionq_client import IonQJob, RegisterShots, Result
from ionq_emulator import RunningEmulator
from tests.support.drivers import Driver

Connect = Callable[..., Driver]

# q[0] is flipped, q[1] is in superposition, q[2] stays 0; the register `c` reads
# q[1] and q[0] (in that order), so its bit 0 is q[1].
PROGRAM = """OPENQASM 3.0;
include "stdgates.inc";
qubit[3] q;
bit[2] c;
x q[0];
h q[1];
c[0] = measure q[1];
c[1] = measure q[0];
"""


def _descriptors(client: Driver, job_id: str) -> dict[str, str]:
    results = client.retrieve_job(job_id).to_dict()["results"]
    return {fmt: entry["id"] for fmt, entry in results.items()}


def test_v2_artifacts_are_read_by_register(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    job_id = client.submit_job(IonQJob(qasm=PROGRAM, shots=200)).id
    client.wait_for_job(job_id)
    ids = _descriptors(client, job_id)

    probabilities = client.get_result_artifact(job_id, ids["ionq.result.probabilities.json.v2"])
    assert isinstance(probabilities, Result)
    assert sorted(probabilities.registers) == ["c", "output_all"]
    # All three qubits: q0 = 1 always, q1 either, q2 = 0: states 1 and 3.
    assert probabilities.register("output_all").bitstrings() == {"001": 0.5, "011": 0.5}
    # c = (c[1], c[0]) = (q0, q1) written c[1] leftmost: "10" or "11".
    assert probabilities.register("c").bitstrings() == {"10": 0.5, "11": 0.5}

    histogram = client.get_result_artifact(job_id, ids["ionq.result.histogram.json.v2"])
    assert isinstance(histogram, Result)
    assert sum(histogram.register("c").bitstring_counts().values()) == 200
    assert set(histogram.register("c").bitstring_counts()) <= {"10", "11"}

    shots = client.get_result_artifact(job_id, ids["ionq.result.shots.json.v2"])
    assert isinstance(shots, RegisterShots)
    assert len(shots) == 200 and shots.leaked == 0
    assert set(shots.register("c")) <= {"10", "11"}
    assert shots.counts("c") == histogram.register("c").bitstring_counts()


def test_v1_artifacts_keep_their_shapes(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    job_id = client.submit_job(IonQJob(qasm=PROGRAM, shots=50)).id
    client.wait_for_job(job_id)
    ids = _descriptors(client, job_id)

    v1 = client.get_result_artifact(job_id, ids["ionq.result.probabilities.json.v1"])
    assert isinstance(v1, Result) and not v1.registers
    assert set(v1.probabilities) == {1, 3}
    states = client.get_result_artifact(job_id, ids["ionq.result.shots.json.v1"])
    assert isinstance(states, list) and len(states) == 50 and set(states) <= {1, 3}
