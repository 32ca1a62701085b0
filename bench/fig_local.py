# ruff: noqa: RUF001
"""The figures without a network in the measured part: P3 decoding large results,
P4 serializing a large circuit, P7 the emulator's simulator."""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from _common import Figure, Row, Table, na_reason, peak_memory, wall
from _emulator import Emulator
from _profile import cprofile_top

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://api.ionq.co/v0.4"


def _response(content: bytes, path: str, media: str = "application/json") -> httpx.Response:
    request = httpx.Request("GET", f"{BASE}{path}")
    return httpx.Response(200, content=content, request=request, headers={"content-type": media})


def _measure(
    table_t: Table,
    table_m: Table,
    contenders: list[tuple[str, Callable[[], Callable[[], Any]] | None, bool]],
    rounds: int,
) -> dict[str, Callable[[], Any]]:
    """Time (wall, median of ``rounds``, interleaved) and peak memory (one run each)."""
    live: dict[str, Callable[[], Any]] = {}
    for name, make, mine in contenders:
        rt, rm = Row(name, ours=mine), Row(name, ours=mine)
        table_t.rows.append(rt)
        table_m.rows.append(rm)
        try:
            if make is None:
                raise RuntimeError("no such model")
            fn = make()
            fn()
        except Exception as exc:
            rt.na = rm.na = na_reason(exc)
            continue
        live[name] = fn
    for _ in range(rounds):
        for name, fn in live.items():
            table_t.row(name).samples.append(wall(fn))
    for name, fn in live.items():
        table_m.row(name).samples.append(peak_memory(fn) / 1e6)
    return live


# ------------------------------------------------------------------------ P3
def p3(quick: bool) -> Figure:
    from ionq_api.models import SingleCircuitJob

    from ionq_client import _requests

    fig = Figure(
        "P3",
        "decode a 2^20-state probability result, and a 10^6-shot shots artifact",
        "≤ 1.2× `json.loads` time and ≤ 1.5× its peak memory",
    )
    rounds = 2 if quick else 3
    rng = random.Random(1)
    states = 2**20
    weights = [rng.random() for _ in range(states)]
    total = sum(weights)
    probs = json.dumps({str(i): w / total for i, w in enumerate(weights)}).encode()
    del weights
    fixture = json.loads((ROOT / "tests/fixtures/ionq/job_single_artifacts.json").read_text())
    job = SingleCircuitJob.from_dict({**fixture, "stats": {"qubits": 20}, "shots": 1000})
    call = _requests.get_probabilities(job, BASE)
    path = f"/jobs/{job.id}/results/probabilities"

    def make_core_probs() -> Callable[[], Any]:
        from ionq_core import Client
        from ionq_core.api.default import get_job_probabilities

        core = Client(base_url=BASE)
        return lambda: (
            get_job_probabilities._parse_response(
                client=core, response=_response(probs, path)
            ).additional_properties
        )

    names = [
        "`json.loads`",
        "ionq-client `Result.probabilities`",
        "ionq-client `Result.bitstring_counts()`",
        "ionq-core `GetResultsResponse` model",
    ]
    contenders: list[tuple[str, Callable[[], Callable[[], Any]] | None, bool]] = [
        (names[0], lambda: lambda: json.loads(probs), False),
        (names[1], lambda: lambda: call.decode(_response(probs, path)).probabilities, True),
        (names[2], lambda: lambda: call.decode(_response(probs, path)).bitstring_counts(), True),
        (names[3], make_core_probs, False),
    ]
    size = len(probs) / 1e6
    pt = Table(f"2^20 probabilities ({size:.1f} MB): time", "s", references=[names[0], names[3]])
    pm = Table("2^20 probabilities: peak memory", "MB", references=[names[0], names[3]])
    _measure(pt, pm, contenders, rounds)

    shots_list = [str(rng.getrandbits(20)) for _ in range(10**6)]
    shots = json.dumps(shots_list).encode()
    del shots_list
    shots_call = _requests.get_shots(job.id)
    artifact_call = _requests.get_artifact(job.id, "shots")
    spath = f"/jobs/{job.id}/results/shots"

    def make_core_shots() -> Callable[[], Any]:
        from ionq_core import Client
        from ionq_core.api.default import get_job_artifact

        core = Client(base_url=BASE)
        got = get_job_artifact._parse_response(client=core, response=_response(shots, spath))
        if got is None:
            raise ValueError(
                "ionq-core 0.2.0 has no shots model: get_job_artifact parses a 200 as None"
            )
        return lambda: got

    snames = [
        "`json.loads`",
        "ionq-client `get_shots` decoder (list of int)",
        "ionq-client `get_artifact` decoder (as sent)",
        "ionq-core",
    ]
    scontenders: list[tuple[str, Callable[[], Callable[[], Any]] | None, bool]] = [
        (snames[0], lambda: lambda: json.loads(shots), False),
        (snames[1], lambda: lambda: shots_call.decode(_response(shots, spath)), True),
        (snames[2], lambda: lambda: artifact_call.decode(_response(shots, spath)), True),
        (snames[3], make_core_shots, False),
    ]
    st = Table(f"10^6-shot artifact ({len(shots) / 1e6:.1f} MB): time", "s", [], [snames[0]])
    sm = Table("10^6-shot artifact: peak memory", "MB", [], [snames[0]])
    _measure(st, sm, scontenders, rounds)
    fig.tables += [pt, pm, st, sm]
    fig.notes.append(
        "Bytes made once (2^20 random probabilities keyed by decimal state, as IonQ sends "
        "them; 10^6 decimal-state strings, as the emulator's shots artifact), every "
        "contender decodes the same bytes from an `httpx.Response`. Time: wall, median of "
        f"{rounds} rounds interleaved, `gc.collect()` before each; memory: tracemalloc "
        "peak above the bytes already held, one run each, the decoded value kept alive. "
        "`Result.probabilities` is json.loads + int keys + renormalised floats; "
        "`bitstring_counts()` adds largest-remainder counts for 1,000 shots and formatting."
    )
    verdicts = []
    ok = True
    for t_time, t_mem, ours_names in ((pt, pm, names[1:3]), (st, sm, snames[1:3])):
        for name in ours_names:
            rt, rm = t_time.ratio(name, t_time.rows[0].name), t_mem.ratio(name, t_mem.rows[0].name)
            if rt is None or rm is None:
                ok = False
                continue
            ok = ok and rt <= 1.2 and rm <= 1.5
            verdicts.append(f"{name.split(' ', 1)[1]}: {rt:.2f}× time, {rm:.2f}× memory")
    fig.judge(ok, "; ".join(verdicts) + " (targets ≤ 1.2× time, ≤ 1.5× memory)")
    if fig.verdict == "missed":
        # The same code on 2^16 states and 10^5 shots: the shares, at a 16th of the cost.
        small = json.dumps({str(i): 1 / 2**16 for i in range(2**16)}).encode()
        few = json.dumps([str(rng.getrandbits(20)) for _ in range(10**5)]).encode()
        fig.profile = "\n\n".join(
            [
                "`Result.probabilities` (2^16 states):\n"
                + cprofile_top(lambda: call.decode(_response(small, path)).probabilities),
                "`Result.bitstring_counts()` (2^16 states):\n"
                + cprofile_top(lambda: call.decode(_response(small, path)).bitstring_counts()),
                "`get_shots` decoder (10^5 shots):\n"
                + cprofile_top(lambda: shots_call.decode(_response(few, spath))),
            ]
        )
    return fig


# ------------------------------------------------------------------------ P4
def _random_gates(n: int, qubits: int, seed: int) -> list[tuple[str, int, int, float]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        kind = rng.choice(("h", "x", "rx", "cnot"))
        a, b = rng.sample(range(qubits), 2)
        out.append((kind, a, b, rng.uniform(0, 6.28)))
    return out


def p4(quick: bool) -> Figure:
    from ionq_client import Circuit, IonQClient, IonQJob

    fig = Figure(
        "P4",
        "serialize a 100,000-gate circuit from the builder to request bytes",
        "≤ 1.5× `json.dumps` of the equivalent dicts",
    )
    rounds = 2 if quick else 5
    qubits, n = 20, 100_000
    gates = _random_gates(n, qubits, 4)
    circuit = Circuit(qubits)
    for kind, a, b, theta in gates:
        if kind == "h":
            circuit.h(a)
        elif kind == "x":
            circuit.x(a)
        elif kind == "rx":
            circuit.rx(a, theta)
        else:
            circuit.cx(a, b)
    job = IonQJob(circuit=circuit, shots=1000)
    sent: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.content)
        return httpx.Response(201, json={"id": "0" * 8, "status": "submitted", "session_id": None})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = IonQClient("bench-key", BASE, http_client=http)
    client.submit_job(job)
    body = sent[-1]
    dicts = json.loads(body)

    def dumps() -> bytes:
        # httpx's own encoding of json=: compact separators, no ASCII escaping
        return json.dumps(
            dicts, ensure_ascii=False, separators=(",", ":"), allow_nan=False
        ).encode()

    same = dumps() == body
    names = [
        "`json.dumps` of the same dicts, encoded",
        "ionq-client `submit_job(IonQJob(circuit=…))` to bytes",
        "qiskit-ionq `qiskit_to_ionq` of the same circuit, encoded",
    ]
    table = Table(
        f"{n:,} gates to request bytes ({len(body) / 1e6:.1f} MB)", "s", [], [names[0], names[2]]
    )
    table.rows = [Row(names[0]), Row(names[1], ours=True), Row(names[2])]
    live: dict[str, Callable[[], Any]] = {names[0]: dumps, names[1]: lambda: client.submit_job(job)}
    qiskit_bytes = 0
    try:
        with Emulator() as emu:
            os.environ["QISKIT_IONQ_API_URL"] = emu.url
            from qiskit import QuantumCircuit
            from qiskit_ionq import IonQProvider
            from qiskit_ionq.helpers import qiskit_to_ionq

            backend = IonQProvider(token=emu.key, url=emu.url).get_backend("ionq_simulator")
            qc = QuantumCircuit(qubits, qubits)
            for kind, a, b, theta in gates:
                if kind == "h":
                    qc.h(a)
                elif kind == "x":
                    qc.x(a)
                elif kind == "rx":
                    qc.rx(theta, a)
                else:
                    qc.cx(a, b)
            qc.measure(range(qubits), range(qubits))

            def convert() -> bytes:
                return qiskit_to_ionq(qc, backend, passed_args={"shots": 1000}).encode()

            qiskit_bytes = len(convert())
            live[names[2]] = convert
    except Exception as exc:
        table.rows[2].na = na_reason(exc)
    for _ in range(rounds):
        for name, fn in live.items():
            table.row(name).samples.append(wall(fn))
    fig.tables.append(table)
    fig.notes.append(
        f"One random {n:,}-gate, {qubits}-qubit circuit (h, x, rx, cnot) built once with "
        "`Circuit`; ionq-client is timed through the whole `submit_job` (payload, "
        "validation, submission tag, `httpx` request encoding) into a `MockTransport` "
        "that keeps the body and answers `JobCreated`, so no network is counted. The "
        "reference `json.dumps` encodes the dicts of that very body with httpx's "
        f"settings: byte-identical: {'yes' if same else 'NO'}. qiskit-ionq converts the "
        f"same gates built as a `QuantumCircuit` (its body: {qiskit_bytes / 1e6:.1f} MB, "
        f"differently shaped). Wall time, median of {rounds} rounds, interleaved."
    )
    ratio = table.ratio(names[1], names[0])
    fig.judge(ratio is not None and ratio <= 1.5, f"{ratio:.2f}× `json.dumps` (target ≤ 1.5×)")
    if fig.verdict == "missed":
        fig.profile = cprofile_top(live[names[1]])
    return fig


# ------------------------------------------------------------------------ P7
def _sim_circuit(qubits: int, gates: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    circuit: list[dict[str, Any]] = []
    for _ in range(gates):
        kind = rng.choice(["h", "rx", "cnot", "zz"])
        a, b = rng.sample(range(qubits), 2)
        if kind == "h":
            circuit.append({"gate": "h", "targets": [a]})
        elif kind == "rx":
            circuit.append({"gate": "rx", "targets": [a], "rotation": rng.uniform(0, 6.28)})
        elif kind == "cnot":
            circuit.append({"gate": "cnot", "controls": [a], "targets": [b]})
        else:
            circuit.append({"gate": "zz", "targets": [a, b], "rotation": rng.uniform(0, 6.28)})
    return circuit


def p7(quick: bool) -> Figure:
    import numpy as np

    from ionq_client import IonQClient
    from ionq_emulator._simulator import ideal_probabilities

    fig = Figure(
        "P7",
        "emulator: 20 qubits × 500 gates; small-request latency while it runs",
        "report the ratio to qiskit-aer; 20 qubits under 2 s",
    )
    rounds = 1 if quick else 3
    qubits = 20
    circuit = _sim_circuit(qubits, 500, 7)
    names = ["ionq-emulator simulator (`ideal_probabilities`)", "qiskit-aer statevector"]
    table = Table(
        "20 qubits × 500 gates (h, rx, cnot, zz)",
        "s",
        [Row(names[0], ours=True), Row(names[1])],
        [names[1]],
    )
    ours_probs = ideal_probabilities(circuit, qubits, "qis")
    live: dict[str, Callable[[], Any]] = {
        names[0]: lambda: ideal_probabilities(circuit, qubits, "qis")
    }
    agree = "not compared"
    try:
        from qiskit import QuantumCircuit
        from qiskit_aer import AerSimulator

        qc = QuantumCircuit(qubits)
        for g in circuit:
            if g["gate"] == "h":
                qc.h(g["targets"][0])
            elif g["gate"] == "rx":
                qc.rx(g["rotation"], g["targets"][0])
            elif g["gate"] == "cnot":
                qc.cx(g["controls"][0], g["targets"][0])
            else:
                qc.rzz(g["rotation"], *g["targets"])
        qc.save_probabilities()
        sim = AerSimulator(method="statevector")

        def aer() -> Any:
            return sim.run(qc).result().data()["probabilities"]

        aer_probs = np.asarray(aer())
        diff = float(np.max(np.abs(aer_probs - np.asarray(ours_probs))))
        agree = f"max |Δp| = {diff:.1e}"
        live[names[1]] = aer
    except Exception as exc:
        table.rows[1].na = na_reason(exc)
    for _ in range(rounds):
        for name, fn in live.items():
            table.row(name).samples.append(wall(fn))
    fig.tables.append(table)

    lat = Table("small request (`whoami`) latency", "ms", [], ["idle"])
    lat.rows = [Row("idle"), Row("while a 20-qubit job simulates", ours=True)]
    job_wall = Table("20-qubit job through the emulator, submit → completed", "s")
    job_wall.rows = [Row("`submit_job` + `wait_for_job`", ours=True)]
    payload = {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "shots": 1000,
        "input": {"gateset": "qis", "qubits": qubits, "circuit": circuit},
    }
    with (
        Emulator(
            ready_after=0,
            start_after=0,
            run_time=0,
            max_result_states=2**21,
            max_retained_states=2**22,
        ) as emu,
        IonQClient(emu.key, emu.url) as client,
    ):
        for _ in range(20):
            client.whoami()
        idle = []
        for _ in range(60):
            t = time.perf_counter()
            client.whoami()
            idle.append((time.perf_counter() - t) * 1e3)
        lat.rows[0].samples = idle
        busy: list[float] = []
        for _ in range(1 if quick else 2):
            start = time.perf_counter()
            created = client.submit_job(payload)
            while True:
                t = time.perf_counter()
                client.whoami()
                busy.append((time.perf_counter() - t) * 1e3)
                if client.retrieve_job(created.id).status in ("completed", "failed"):
                    break
            client.wait_for_job(created.id)
            job_wall.rows[0].samples.append(time.perf_counter() - start)
            client.delete_job(created.id)
        lat.rows[1].samples = busy
    fig.tables += [lat, job_wall]
    threads = os.environ.get("OMP_NUM_THREADS", "default")
    fig.notes.append(
        "The emulator's `ideal_probabilities` and qiskit-aer (`AerSimulator(method="
        "'statevector')`, `save_probabilities`, OpenMP threads: "
        f"{threads}) simulate the same gates (IonQ `zz` = qiskit `rzz`); their "
        f"probabilities agree: {agree}. Wall time, median of {rounds} round(s). Latency: "
        "`whoami` samples (each one is a sample here, not a round) with the emulator idle, "
        "and back to back while the 20-qubit job runs in the emulator's worker thread. "
        "The emulator here is configured with `max_result_states=2**21`: with its default "
        "(2^20) a dense 20-qubit job fails with `SimulationError: the result has 1048576 "
        "non-zero outcomes; the emulator keeps at most 1048576 per job`, because "
        "`_execution.simulate` counts the probabilities plus the histogram (`kept + "
        "min(kept, shots) > max_states`) although `EmulatorConfig` says a 20-qubit result "
        "is served (an emulator bug, reported, not fixed here)."
    )
    sim_s = table.row(names[0]).median
    ratio = table.ratio(names[0], names[1])
    lat_ratio = lat.ratio(lat.rows[1].name, "idle")
    fig.judge(
        sim_s < 2.0,
        f"{sim_s:.2f} s for 20 qubits (target < 2 s)"
        + (f"; {ratio:.1f}× qiskit-aer's time" if ratio else "")
        + (f"; small requests {lat_ratio:.1f}× slower while it runs" if lat_ratio else ""),
    )
    if fig.verdict == "missed":
        fig.profile = cprofile_top(live[names[0]])
    return fig


FIGURES = {"P3": p3, "P4": p4, "P7": p7}
