"""The emulator in its own process, so a client's CPU time is the client's alone.

``Emulator(...)`` starts ``python bench/_emulator.py '<json config>'``; that process
serves ``ionq_emulator.run_emulator`` on a loopback port and answers one JSON
command per stdin line (server-side set-up and counting, never client work):

- ``create``: make ``n`` jobs from ``payload`` straight in the store (no HTTP), ids back;
- ``spread``: move the given jobs' submission moments so that they finish one after
  another over the next ``seconds`` (the timeline of P8);
- ``count``: how many requests with ``method`` whose path starts with ``prefix``;
- ``clear``: forget the traffic log; ``canceled``: how many of ``ids`` are canceled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

KEY = "bench-key"
BELL = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "shots": 100,
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuit": [
            {"gate": "h", "targets": [0]},
            {"gate": "cnot", "controls": [0], "targets": [1]},
        ],
    },
}


class Emulator:
    """A running emulator process; use as a context manager."""

    def __init__(self, **config: Any) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__)), json.dumps(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        hello = self._read()
        self.url: str = hello["url"]
        self.key: str = hello["key"]

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the emulator process ended")
        return json.loads(line)

    def call(self, op: str, **args: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"op": op, **args}) + "\n")
        self.proc.stdin.flush()
        answer = self._read()
        if "error" in answer:
            raise RuntimeError(f"emulator {op}: {answer['error']}")
        return answer

    def create(self, n: int, payload: dict[str, Any] | None = None) -> list[str]:
        return self.call("create", n=n, payload=payload or BELL)["ids"]

    def count(self, method: str, prefix: str = "/v0.4/") -> int:
        return self.call("count", method=method, prefix=prefix)["n"]

    def cpu(self) -> float:
        """CPU seconds the emulator process has used so far (user + system)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def clear(self) -> None:
        self.call("clear")

    def __enter__(self) -> Emulator:
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.close()
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _serve(config_json: str) -> None:
    from ionq_emulator import EmulatorConfig, FaultConfig, run_emulator

    options = json.loads(config_json)
    latency = options.pop("latency", 0.0)
    config = EmulatorConfig(keys=(KEY,), faults=FaultConfig(latency=latency), **options)
    with run_emulator(config) as emulator:
        store = emulator.store
        account = store.account(KEY)
        print(json.dumps({"url": emulator.url, "key": emulator.key}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            op = request.pop("op")
            try:
                if op == "create":
                    ids = [
                        store.create_job(account, dict(request["payload"]))["id"]
                        for _ in range(request["n"])
                    ]
                    answer: dict[str, Any] = {"ids": ids}
                elif op == "spread":
                    ids, seconds = request["ids"], request["seconds"]
                    lead = config.ready_after + config.start_after + config.run_time
                    with store._lock:
                        now = store._now()
                        for k, job_id in enumerate(ids):
                            job = store._jobs[job_id]
                            job.submitted = now + seconds * (k + 1) / len(ids) - lead
                    answer = {"last": seconds}
                elif op == "count":
                    seen = emulator.traffic.requests(request["method"])
                    answer = {"n": sum(s.path.startswith(request["prefix"]) for s in seen)}
                elif op == "clear":
                    emulator.traffic.clear()
                    answer = {}
                elif op == "canceled":
                    with store._lock:
                        jobs = [store._jobs[i] for i in request["ids"]]
                        answer = {"n": sum(j.canceled_at is not None for j in jobs)}
                else:
                    answer = {"error": f"unknown op {op}"}
            except Exception as exc:  # reported to the parent, which raises
                answer = {"error": f"{type(exc).__name__}: {exc}"}
            print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    _serve(sys.argv[1])
