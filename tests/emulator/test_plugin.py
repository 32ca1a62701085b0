"""The pytest plugin users get with the package: an ``ionq_emulator`` fixture."""

from __future__ import annotations

from ionq_client import Circuit, IonQClient, IonQJob
from ionq_emulator import RunningEmulator


def test_ionq_emulator_fixture_serves_a_working_api(ionq_emulator: RunningEmulator) -> None:
    assert ionq_emulator.url.startswith("http://127.0.0.1:") and ionq_emulator.url.endswith("/v0.4")
    with IonQClient(ionq_emulator.key, ionq_emulator.url) as client:
        result = client.run(IonQJob(circuit=Circuit(1).x(0), shots=10), timeout=30)
    assert result.counts() == {1: 10}
