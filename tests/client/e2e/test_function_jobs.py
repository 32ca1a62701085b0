"""Quantum-function and Q-CTRL QAOA jobs through both clients against a running
emulator, every response checked against the spec.

The expected energies are computed here with numpy from dense Pauli matrices and the
textbook state of the ansatz, independently of the emulator's code path, so a wrong
bit order, sign or Y phase anywhere between the builder and the result fails.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any

import pytest

from ionq_client import (
    Circuit,
    FunctionResult,
    HamiltonianEnergy,
    IonQBatchError,
    IonQJob,
    IonQJobFailedError,
    IonQValidationError,
    Result,
)
from ionq_emulator import RunningEmulator
from tests.support.drivers import Driver
from tests.support.energies import ANSATZ, ansatz_state, energy
from tests.support.payloads import MAXCUT_TRIANGLE

Connect = Callable[..., Driver]
QCTRL_KEY = "qctrl-e2e-key-8d41f0a29b7c"

# Dense strings, Qiskit's order: the first letter acts on the highest qubit.
HAMILTONIAN = [(0.5, "ZZ"), (-1.0, "ZI"), (0.75, "XY"), (-0.3, "YX"), (1.5, "II")]


def qaoa_payload() -> dict[str, Any]:
    return {
        "type": "qctrl.qaoa.v1",
        "backend": "simulator",
        "input": {"problem_type": "maxcut", "problem": MAXCUT_TRIANGLE},
        "external_settings": {"api_credentials": QCTRL_KEY},
    }


@pytest.mark.parametrize(("theta", "phi"), [(0.7, -1.3), (math.pi / 2, 0.0), (2.1, 0.4)])
def test_run_computes_the_hamiltonians_energy(
    emulator: RunningEmulator, connect: Connect, theta: float, phi: float
) -> None:
    client = connect(emulator)
    job = HamiltonianEnergy(ansatz=ANSATZ, hamiltonian=HAMILTONIAN, params=[theta, phi], shots=500)
    result = client.run(job)
    expected = energy(HAMILTONIAN, ansatz_state(theta, phi))
    assert isinstance(result, FunctionResult)
    assert result.value == pytest.approx(expected, abs=1e-9)
    assert result.variance >= 0 and result.job_id


def test_the_dict_the_model_and_the_builder_are_one_job(
    emulator: RunningEmulator, connect: Connect
) -> None:
    from ionq_api.models import QuantumFunctionJobPayload

    client = connect(emulator)
    built = HamiltonianEnergy(
        ansatz=ANSATZ, hamiltonian=[(1.0, "Z0 Z1"), (2.0, "X1")], params=[1.0, 0.5]
    )
    payload = built.to_payload()
    ids = [
        client.submit_job(payload).id,
        client.submit_job(QuantumFunctionJobPayload.from_dict(payload)).id,
        client.submit_job(built).id,
    ]
    finished = [client.wait_for_job(job_id) for job_id in ids]
    values = [client.get_results(job_id).value for job_id in ids]
    state = ansatz_state(1.0, 0.5)
    expected = energy([(1.0, "ZZ"), (2.0, "XI")], state)
    assert values == pytest.approx([expected] * 3, abs=1e-9)
    assert [job.type_ for job in finished] == ["quantum-function"] * 3
    assert client.get_results(finished[0]).value == values[0]  # a job object works too


def test_an_optimizer_loop_submits_many_and_waits_for_all(
    emulator: RunningEmulator, connect: Connect
) -> None:
    client = connect(emulator)
    base = HamiltonianEnergy(ansatz=ANSATZ, hamiltonian=HAMILTONIAN, params=[0.0, 0.0])
    grid = [(t, p) for t in (0.0, 1.0, 2.0) for p in (-0.5, 0.5)]
    jobs: list[Any] = [base.with_params(point) for point in grid]
    jobs.append(IonQJob(circuit=Circuit(2).h(0).cx(0, 1), shots=100))  # mixed with a circuit
    results = client.run_many(jobs, concurrency=3)
    assert isinstance(results[-1], Result)
    assert results[-1].probabilities == pytest.approx({0: 0.5, 3: 0.5})
    energies = [r.value for r in results[:-1]]
    assert energies == pytest.approx(
        [energy(HAMILTONIAN, ansatz_state(*point)) for point in grid], abs=1e-9
    )


def test_a_bad_function_payload_is_refused_before_anything_is_sent(
    emulator: RunningEmulator, connect: Connect
) -> None:
    client = connect(emulator)
    before = len(client.list_jobs())
    good = HamiltonianEnergy(ansatz=ANSATZ, hamiltonian=[(1.0, "ZZ")], params=[0.1, 0.2])
    bad = good.with_params([0.1])  # the ansatz declares two parameters
    with pytest.raises(IonQValidationError) as raised:
        client.submit_many([good, bad])
    assert raised.value.field == "jobs[1].params"
    assert len(client.list_jobs()) == before


def test_qaoa_fails_with_ionqs_code_and_never_shows_the_key(
    emulator: RunningEmulator, connect: Connect, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = connect(emulator)
    created = client.submit_job(qaoa_payload())
    with pytest.raises(IonQJobFailedError) as waited:
        client.wait_for_job(created.id)
    with pytest.raises(IonQJobFailedError) as fetched:
        client.get_results(created.id)
    with pytest.raises(IonQJobFailedError) as ran:
        client.run(qaoa_payload())
    for error in (waited.value, fetched.value, ran.value):
        assert error.code == "OptimizationError" and "Q-CTRL" in str(error)
        assert QCTRL_KEY not in repr(error)
    job = client.retrieve_job(created.id)
    assert job.type_ == "qctrl.qaoa.v1" and QCTRL_KEY not in str(job.to_dict())
    assert QCTRL_KEY not in caplog.text


def test_wait_all_and_run_many_treat_qaoa_like_any_job(
    emulator: RunningEmulator, connect: Connect
) -> None:
    client = connect(emulator)
    function = HamiltonianEnergy(ansatz=ANSATZ, hamiltonian=[(1.0, "IZ")], params=[0.4, 0.0])
    created = client.submit_many([function, qaoa_payload()])
    jobs = client.wait_all([c.id for c in created])
    assert [str(job.status) for job in jobs] == ["completed", "failed"]
    with pytest.raises(IonQBatchError) as raised:
        client.run_many([function, qaoa_payload()])
    first, second = raised.value.results
    assert first.value == pytest.approx(math.cos(0.4), abs=1e-9)  # <Z0> = cos(theta)
    assert isinstance(second, IonQJobFailedError) and second.code == "OptimizationError"
    assert QCTRL_KEY not in str(raised.value)


def test_sharpen_for_a_function_job_is_refused_before_anything_is_sent(
    emulator: RunningEmulator, connect: Connect
) -> None:
    """Seen in review: run(..., sharpen=True) submitted (and so billed) the job, then
    refused the option when fetching the results."""
    client = connect(emulator)
    job = HamiltonianEnergy(ansatz=ANSATZ, hamiltonian=HAMILTONIAN, params=[0.1, 0.2])
    emulator.traffic.clear()
    with pytest.raises(IonQValidationError, match="sharpen"):
        client.run(job, sharpen=True)
    with pytest.raises(IonQValidationError, match="sharpen"):
        client.run_many([IonQJob(circuit=Circuit(1).x(0)), qaoa_payload()], sharpen=False)
    assert emulator.traffic.requests("POST", "/v0.4/jobs") == []
