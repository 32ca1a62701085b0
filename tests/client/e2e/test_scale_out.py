"""Submissions from worker processes: the client travels as its configuration."""

from __future__ import annotations

import concurrent.futures
import multiprocessing

from ionq_client import Circuit, IonQClient, IonQJob
from ionq_emulator import RunningEmulator


def submit_in_worker(client: IonQClient, shots: int) -> str:
    with client:
        return client.submit_job(IonQJob(circuit=Circuit(1).h(0), shots=shots)).id


def test_a_process_pool_submits_with_a_pickled_client(emulator: RunningEmulator) -> None:
    client = IonQClient(emulator.key, emulator.url)
    context = multiprocessing.get_context("spawn")  # a fresh interpreter, as on macOS
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        ids = list(pool.map(submit_in_worker, [client] * 6, range(10, 16)))
    assert len(set(ids)) == 6
    with client:
        shots = sorted(client.retrieve_job(job_id).shots for job_id in ids)
    assert shots == list(range(10, 16))
