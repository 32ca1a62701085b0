"""Side-by-side measurements, printed as ratios from one run (never asserted in tests).

    make bench          # or: .venv/bin/python bench/run.py [--quick]

1. Warm ``retrieve_job``: client CPU time per call vs a raw ``httpx.Client`` GET plus
   ``json.loads`` of the same bytes, and vs IonQ's own ``ionq_core`` (if installed).
   The server runs in a separate process so only the client's CPU is counted.
2. ``import ionq_client`` vs ``import ionq_core`` (fresh interpreters, best of N).
3. Decoding a 2**20-state probability result vs ``json.loads`` of the same bytes.
4. The emulator's simulator: a 20-qubit, 500-gate random circuit (wall time).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JOB = json.loads((ROOT / "tests" / "fixtures" / "ionq" / "job_single_artifacts.json").read_text())
JOB_ID = JOB["id"]

SERVER = r"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
body = sys.stdin.buffer.read()
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass
s = ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
"""


def cpu_per_call(fn: Callable[[], object], n: int) -> float:
    start = time.process_time()
    for _ in range(n):
        fn()
    return (time.process_time() - start) / n


def bench_retrieve(n: int, rounds: int) -> None:
    import httpx

    from ionq_client import IonQClient

    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert proc.stdin and proc.stdout
    proc.stdin.write(json.dumps(JOB).encode())
    proc.stdin.close()
    port = int(proc.stdout.readline())
    base = f"http://127.0.0.1:{port}/v0.4"
    try:
        ours = IonQClient("bench", base)
        raw = httpx.Client(headers=ours.api_headers)  # the same request on the wire
        url = f"{base}/jobs"
        contenders: dict[str, Callable[[], object]] = {
            "raw httpx GET + json.loads": lambda: json.loads(raw.get(f"{url}/{JOB_ID}").content),
            "ionq_client retrieve_job": lambda: ours.retrieve_job(JOB_ID),
        }
        try:
            from ionq_core import IonQClient as CoreClient
            from ionq_core.api.default import get_job

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # it warns about plain http on loopback
                core = CoreClient(api_key="bench", base_url=base, max_retries=0)
            contenders["ionq_core get_job.sync"] = lambda: get_job.sync(JOB_ID, client=core)
        except ImportError:
            print("  (ionq_core not installed: `make bench` installs it)")
        for fn in contenders.values():  # warm pools and caches
            cpu_per_call(fn, 50)
        samples: dict[str, list[float]] = {k: [] for k in contenders}
        for _ in range(rounds):  # interleave to share the machine's noise
            for name, fn in contenders.items():
                samples[name].append(cpu_per_call(fn, n))
        baseline = statistics.median(samples["raw httpx GET + json.loads"])
        print(f"1. warm GET /jobs/{{id}}: client CPU per call (median of {rounds} x {n})")
        for name, values in samples.items():
            med = statistics.median(values)
            print(f"   {name:30s} {med * 1e6:8.1f} us   ratio {med / baseline:5.2f}x")
    finally:
        proc.kill()


TIMED = "import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"


def import_time(statement: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", TIMED.format(statement=statement)],
            capture_output=True,
            text=True,
            check=True,
        )
        best = min(best, float(out.stdout))
    return best


def bench_import(repeat: int) -> None:
    print(f"2. import time (best of {repeat} fresh interpreters)")
    rows = [
        ("import ionq_client", "import ionq_client"),
        ("from ionq_client import IonQClient", "from ionq_client import IonQClient"),
        ("import httpx (for scale)", "import httpx"),
    ]
    try:
        import ionq_core  # noqa: F401

        rows.append(("import ionq_core", "import ionq_core"))
    except ImportError:
        pass
    times = {label: import_time(stmt, repeat) for label, stmt in rows}
    core = times.get("import ionq_core")
    for label, value in times.items():
        ratio = f"   ratio to ionq_core {value / core:5.2f}x" if core else ""
        print(f"   {label:36s} {value * 1e3:8.1f} ms{ratio}")


def bench_decode(rounds: int) -> None:
    import httpx
    from ionq_api.models import SingleCircuitJob

    from ionq_client._requests import get_probabilities

    rng = random.Random(1)
    states = 2**20
    weights = [rng.random() for _ in range(states)]
    total = sum(weights)
    content = json.dumps({str(i): w / total for i, w in enumerate(weights)}).encode()
    job = SingleCircuitJob.from_dict({**JOB, "stats": {"qubits": 20}})
    call = get_probabilities(job, "https://api.ionq.co/v0.4")
    request = httpx.Request("GET", "https://api.ionq.co/v0.4/jobs/x/results/probabilities")
    loads: list[float] = []
    ours: list[float] = []
    for _ in range(rounds):
        t = time.process_time()
        json.loads(content)
        loads.append(time.process_time() - t)
        response = httpx.Response(200, content=content, request=request)
        t = time.process_time()
        result = call.decode(response)
        ours.append(time.process_time() - t)
        assert len(result) == states
    base, mine = statistics.median(loads), statistics.median(ours)
    size = len(content) / 1e6
    print(f"3. decode a 2^20-state probability result ({size:.1f} MB, median of {rounds})")
    print(f"   json.loads                     {base * 1e3:8.1f} ms")
    print(f"   ionq_client results decode     {mine * 1e3:8.1f} ms   ratio {mine / base:5.2f}x")


def bench_simulator() -> None:
    try:
        from ionq_emulator._simulator import ideal_probabilities
    except ImportError:
        print("4. simulator: the emulator extra is not installed")
        return
    rng = random.Random(7)
    qubits, circuit = 20, []
    for _ in range(500):
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
    t = time.perf_counter()
    probs = ideal_probabilities(circuit, qubits, "qis")
    elapsed = time.perf_counter() - t
    print("4. emulator simulator, 20 qubits x 500 gates (h, rx, cnot, zz)")
    print(f"   wall time {elapsed:6.2f} s   (sum of probabilities {probs.sum():.12f})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer iterations")
    args = parser.parse_args()
    n, rounds, repeat = (200, 5, 5) if args.quick else (1000, 9, 15)
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores\n")
    bench_retrieve(n, rounds)
    bench_import(repeat)
    bench_decode(3 if args.quick else 7)
    bench_simulator()


if __name__ == "__main__":
    main()
