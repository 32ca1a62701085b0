"""Reading a job file for ``submit``: four formats, told apart by their content.

The help text below is the one description of them (``submit --help`` prints it).
Each becomes what ``submit_job`` takes, which validates it before anything is sent.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._common import CLIError

if TYPE_CHECKING:
    from ionq_client import Circuit, IonQJob, NativeCircuit

FORMATS_HELP = """\
job file formats (told apart by their content; examples in examples/jobs/):
  a circuit, as our builder writes it (JSON)
      {"qubits": 2, "name": "bell", "circuit": [{"gate": "h", "target": 0},
       {"gate": "cx", "control": 0, "target": 1}]}
      the fields of Circuit.to_input() plus "name"; "gateset" is "qis" (default) or
      "native"; the builder's gate names cx, ccx, toffoli, mcx and cz are accepted
      (sent as IonQ's cnot and controlled z). A JSON list of circuits is one
      multi-circuit job. Backend, shots: --backend, --shots (default simulator, 100).
  a create-job body, as IonQ documents it (JSON)
      {"type": "ionq.circuit.v1", "backend": "simulator", "shots": 100,
       "input": {"qubits": 2, "circuit": [...]}}
      sent as written, except that "gateset" defaults to "qis" when absent (IonQ's
      own default) and the builder's gate names are accepted as above.
  OpenQASM 3 (text starting with OPENQASM 3, or a .qasm/.qasm3 file)
      sent as an ionq.qasm3.v1 job, IonQ's OpenQASM input.
  OpenQASM 2 (OPENQASM 2.0; with qelib1.inc)
      read by Qiskit's OpenQASM 2 parser (pip install "ionq-client[qasm]") into a
      circuit, then sent as an ionq.circuit.v1 job like the builder's JSON.
--backend, --shots and --name replace the file's values.
"""

QASM_SUFFIXES = (".qasm", ".qasm2", ".qasm3")

#: The builder's gate names IonQ spells otherwise (QIS gateset): name -> wire name.
BUILDER_GATES = {"cx": "cnot", "ccx": "cnot", "toffoli": "cnot", "mcx": "cnot", "cz": "z"}


def load_payload(
    source: str,
    *,
    backend: str | None = None,
    shots: int | None = None,
    name: str | None = None,
) -> IonQJob | dict[str, Any]:
    """The job in ``source`` (a path, or ``-`` for stdin), for ``submit_job``; the
    options given replace the file's values."""
    from ionq_client import IonQJob, IonQValidationError

    text = _read_source(source)
    where = "stdin" if source == "-" else source
    options = {"backend": backend, "shots": shots, "name": name}
    given: dict[str, Any] = {k: v for k, v in options.items() if v is not None}
    if _looks_like_qasm(source, text):
        return _qasm_job(text, given)
    try:
        payload = json.loads(text)
    except ValueError as exc:
        raise CLIError(
            f"{where} is neither JSON nor OpenQASM ({exc}); `ionq-client submit --help` "
            "lists the formats"
        ) from None
    if isinstance(payload, list):
        circuits = [_circuit(c, f"[{i}]") for i, c in enumerate(payload)]
        return IonQJob(circuits=circuits, **given)
    if not isinstance(payload, dict):
        raise IonQValidationError("payload", f"must be an object, got {type(payload).__name__}")
    if "type" in payload or "input" in payload:
        return {**_ionq_body(payload), **given}
    if "circuit" in payload:
        circuit = _circuit(payload, "")
        return IonQJob(circuit=circuit, **{"name": circuit.name, **given})
    raise CLIError(
        f'{where}: a JSON job has "circuit" (a circuit) or "type" and "input" '
        "(IonQ's create-job body); `ionq-client submit --help` lists the formats"
    )


def _circuit(data: object, path: str) -> Circuit | NativeCircuit:
    """A circuit object (``Circuit.to_input()`` plus ``name``), by the builder."""
    from ionq_client import IonQValidationError
    from ionq_client.circuit import circuit_from_dicts

    if not isinstance(data, Mapping):
        raise IonQValidationError(path or "payload", "a circuit must be a JSON object")
    known = {"qubits", "gateset", "circuit", "name", "registers"}
    for key in data:
        if key not in known:
            where = f"{path}.{key}" if path else key
            raise IonQValidationError(where, f"unknown field of a circuit ({', '.join(known)})")
    for key in ("qubits", "circuit"):
        if key not in data:
            raise IonQValidationError(f"{path}.{key}" if path else key, "required")
    gateset = data.get("gateset", "qis")
    gates = data["circuit"]
    if isinstance(gates, list) and gateset == "qis":
        gates = [_wire_gate(g) for g in gates]
    return circuit_from_dicts(
        gates,
        data["qubits"],
        gateset,
        name=data.get("name"),
        registers=data.get("registers"),
    )


def _ionq_body(payload: dict[str, Any]) -> dict[str, Any]:
    """IonQ's create-job body, with the gateset IonQ assumes when it is absent and the
    builder's gate names in IonQ's spelling; anything else is left for validation."""
    data = payload.get("input")
    circuit_types = (None, "ionq.circuit.v1", "ionq.multi-circuit.v1")
    if not isinstance(data, dict) or payload.get("type") not in circuit_types:
        return payload  # OpenQASM, quantum functions, QAOA: no gateset to default
    data = dict(data)
    if "data" not in data:
        data.setdefault("gateset", "qis")
    if data.get("gateset") == "qis":
        if isinstance(data.get("circuit"), list):
            data["circuit"] = [_wire_gate(g) for g in data["circuit"]]
        if isinstance(data.get("circuits"), list):
            data["circuits"] = [_wire_entry(e) for e in data["circuits"]]
    return {**payload, "input": data}


def _wire_entry(entry: object) -> object:
    if (
        isinstance(entry, dict)
        and isinstance(entry.get("circuit"), list)
        and entry.get("gateset", "qis") == "qis"
    ):
        return {**entry, "circuit": [_wire_gate(g) for g in entry["circuit"]]}
    return entry


def _wire_gate(gate: object) -> object:
    if isinstance(gate, dict) and gate.get("gate") in BUILDER_GATES:
        return {**gate, "gate": BUILDER_GATES[gate["gate"]]}
    return gate


def _qasm_job(text: str, given: dict[str, Any]) -> IonQJob:
    """OpenQASM 3 goes to IonQ as written (its ``ionq.qasm3.v1`` input); OpenQASM 2,
    which IonQ does not take, is read by Qiskit's parser into a circuit."""
    from ionq_client import Circuit, IonQJob
    from ionq_client._qiskit import qasm_version

    if qasm_version(text) == "3":
        return IonQJob(qasm=text, **given)
    return IonQJob(circuit=Circuit.from_qasm(text), **given)


def _read_source(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        with open(source, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise CLIError(f"cannot read {source}: {exc}") from None


def _looks_like_qasm(source: str, text: str) -> bool:
    if source.lower().endswith(QASM_SUFFIXES):
        return True
    head = text.lstrip()
    # JSON cannot start with a comment, OpenQASM can.
    return head.startswith(("OPENQASM", "//", "/*"))
