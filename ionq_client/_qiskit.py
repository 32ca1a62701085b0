"""Qiskit circuits and OpenQASM 2/3 in, Qiskit circuits out (the ``qiskit``/``qasm`` extras).

Why here and not in :mod:`ionq_client.circuit`: Qiskit is large and optional, so
it is imported only when one of these functions runs (``import ionq_client`` never
imports it), and the builder keeps a single dependency-free set of gate rules that
every converted gate still goes through.

What converts, and why exactly these:

* gates whose IonQ ``qis`` counterpart has the *same matrix* (``h``, ``sx``->``v``,
  ``rx``...), also under any number of closed controls (``cx``, ``ccx``, ``mcx``,
  ``cz``, ``crx``, ``cswap``, ``HGate().control(2)``...), since a controlled gate
  is only the same gate if the base matrices agree exactly, phase included;
* uncontrolled ``p``/``u1``/``u``/``u2``/``u3``, which equal ``rz``/``ry`` products
  up to a global phase; results are probabilities, so that phase is unobservable;
* ``rxx``/``ryy``/``rzz`` -> ``xx``/``yy``/``zz`` and a ``PauliEvolutionGate`` over
  real coefficients -> ``pauliexp``;
* ``id``, ``delay``, ``barrier`` and ``global_phase`` are dropped (no effect on
  the probabilities IonQ returns).

Everything else is refused with an :class:`IonQValidationError` whose field is the
instruction's place in ``QuantumCircuit.data`` (``data[5]``): mid-circuit
measurement, reset, classical control flow, gates without a counterpart, open
controls, and parameters left unbound. Nothing is approximated behind the user's
back; ``qiskit.transpile(qc, basis_gates=SUPPORTED_BASIS)`` is the suggested way in.

Measurement: IonQ measures every qubit once, after the last gate, and returns one
distribution over all of them (qubit 0 is the least-significant bit, as in
Qiskit). So measurements are accepted only at the end. When they simply read every
qubit into one classical register in order (``measure_all()``, or ``measure(q, c)``
on a full register), nothing needs saying and the circuit carries no registers. Any
other mapping (some qubits, or several or permuted registers) becomes IonQ
*registers*, ``{creg name: [qubit measured into bit 0, bit 1, ...]}``, which IonQ
accepts only in multi-circuit jobs: ``IonQJob(circuits=[qc])`` runs it, while
``IonQJob(circuit=qc)`` says to use ``circuits=``. A classical register measured
only in part is refused: which value its other bits would read has no IonQ meaning.
"""

from __future__ import annotations

import importlib
import math
import sys
from collections.abc import Sequence
from typing import Any

from ionq_client._exceptions import IonQValidationError
from ionq_client._qasm_text import header_version
from ionq_client.circuit import Circuit

__all__ = [
    "SUPPORTED_BASIS",
    "circuit_from_qasm",
    "circuit_from_qiskit",
    "circuit_to_qiskit",
    "is_qiskit_circuit",
    "job_circuits",
]

# Qiskit base class name -> IonQ gate with the same matrix (so it may take controls).
_EXACT_ONE_QUBIT = {
    "XGate": "x",
    "YGate": "y",
    "ZGate": "z",
    "HGate": "h",
    "SGate": "s",
    "SdgGate": "si",
    "TGate": "t",
    "TdgGate": "ti",
    "SXGate": "v",
    "SXdgGate": "vi",
}
_ROTATIONS = {"RXGate": "rx", "RYGate": "ry", "RZGate": "rz"}
_TWO_QUBIT_ROTATIONS = {"RXXGate": "xx", "RYYGate": "yy", "RZZGate": "zz"}
_PHASED = frozenset({"PhaseGate", "U1Gate", "UGate", "U2Gate", "U3Gate"})
_CONVERTED = frozenset(
    {*_EXACT_ONE_QUBIT, *_ROTATIONS, *_TWO_QUBIT_ROTATIONS, *_PHASED}
    | {"SwapGate", "PauliEvolutionGate"}
)
_DROPPED = frozenset({"IGate", "Barrier", "Delay", "GlobalPhaseGate"})

#: Qiskit gate names this module converts; a ready ``basis_gates`` for ``transpile``.
SUPPORTED_BASIS: tuple[str, ...] = (
    "x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg", "rx", "ry", "rz",
    "cx", "cy", "cz", "ch", "crx", "cry", "crz", "ccx", "swap", "cswap",
    "rxx", "ryy", "rzz", "p", "u", "u1", "u2", "u3",
)  # fmt: skip

# IonQ gate -> Qiskit standard-library class name, for the way out.
_TO_QISKIT = {
    **{ionq: cls for cls, ionq in _EXACT_ONE_QUBIT.items()},
    "not": "XGate",
    "cnot": "XGate",
    **{ionq: cls for cls, ionq in _ROTATIONS.items()},
    "swap": "SwapGate",
    **{ionq: cls for cls, ionq in _TWO_QUBIT_ROTATIONS.items()},
}


_INSTALL_HINT = 'pip install "ionq-client[qiskit]"'
_QASM_HINT = 'pip install "ionq-client[qasm]"'


def _import(module: str, hint: str) -> Any:
    """Import an optional dependency, or say which extra brings it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(f"{module} is needed for this; {hint}") from error


def is_qiskit_circuit(value: object) -> bool:
    """True for a ``qiskit.QuantumCircuit``, without importing Qiskit: an object can
    only be one if the user's program has imported Qiskit already."""
    qiskit = sys.modules.get("qiskit")
    circuit_class = getattr(qiskit, "QuantumCircuit", None)
    return circuit_class is not None and isinstance(value, circuit_class)


def job_circuits(circuit: object, circuits: object) -> dict[str, object]:
    """For IonQJob: its ``circuit``/``circuits`` fields that hold Qiskit circuits,
    converted (the others are left for the job's own checks), errors blamed on the
    job's field (``circuits[1].data[3]``)."""
    out: dict[str, object] = {}
    if "qiskit" not in sys.modules:  # the usual case costs one lookup, not one per circuit
        return out
    if is_qiskit_circuit(circuit):
        out["circuit"] = _converted(circuit, "circuit")
    if isinstance(circuits, Sequence) and any(is_qiskit_circuit(c) for c in circuits):
        out["circuits"] = [
            _converted(c, f"circuits[{i}]") if is_qiskit_circuit(c) else c
            for i, c in enumerate(circuits)
        ]
    return out


def _converted(qc: object, field: str) -> Circuit:
    try:
        return circuit_from_qiskit(qc)
    except IonQValidationError as error:
        raise IonQValidationError(f"{field}.{error.field}", error.problem) from None


# --------------------------------------------------------------------------- in


def _class_name(operation: Any) -> str:
    """The Qiskit standard-library class behind an operation, or "" for anything else
    (a user-defined gate that happens to be called ``h`` is not Qiskit's ``h``)."""
    base = getattr(operation, "base_class", type(operation))
    return str(base.__name__) if base.__module__.startswith("qiskit.") else ""


def _describe(operation: Any, qubits: Sequence[int]) -> str:
    on = ", ".join(map(str, qubits))
    return f"{operation.name!r} on qubit{'s' if len(qubits) != 1 else ''} {on}"


def _angle(value: Any, field: str, name: str) -> float:
    free = getattr(value, "parameters", None)
    if free:
        names = ", ".join(sorted(str(p) for p in free))
        raise IonQValidationError(
            field,
            f"{name!r} has unbound parameter(s) {names}; bind them first "
            "(qc.assign_parameters({...}))",
        )
    try:
        angle = float(value)
    except (TypeError, ValueError):
        raise IonQValidationError(field, f"{name!r} has a non-real parameter {value!r}") from None
    if not math.isfinite(angle):
        raise IonQValidationError(field, f"{name!r} has a non-finite parameter {angle!r}")
    return angle


def _unsupported(field: str, what: str) -> IonQValidationError:
    return IonQValidationError(
        field,
        f"{what} has no IonQ 'qis' counterpart; transpile first, e.g. "
        "qiskit.transpile(qc, basis_gates=['rx', 'ry', 'rz', 'cx'])",
    )


def _gates_for(operation: Any, qubits: list[int], field: str) -> list[dict[str, Any]]:
    """IonQ gate dicts for one unitary Qiskit operation (several for ``u``)."""
    name = _class_name(operation)
    what = _describe(operation, qubits)
    controls: list[int] = []
    base, count, state = _controlled(operation)
    if count:
        if state != 2**count - 1:
            raise IonQValidationError(
                field,
                f"{what} has open controls (ctrl_state={state}); IonQ controls trigger on |1> only",
            )
        name = _class_name(base)
        controls, qubits = qubits[:count], qubits[count:]
        if len(qubits) != base.num_qubits:  # e.g. multi-control X with ancillas
            raise _unsupported(field, what)
    if name not in _CONVERTED:
        if not controls and _is_user_gate(operation):
            return _inline(operation, qubits, field)
        raise _unsupported(field, what)
    params = [_angle(p, field, operation.name) for p in base.params]
    if name in _EXACT_ONE_QUBIT:
        gate = "cnot" if name == "XGate" and controls else _EXACT_ONE_QUBIT[name]
        out: dict[str, Any] = {"gate": gate, "targets": qubits}
    elif name in _ROTATIONS:
        out = {"gate": _ROTATIONS[name], "targets": qubits, "rotation": params[0]}
    elif name == "SwapGate":
        out = {"gate": "swap", "targets": qubits}
    elif controls:
        raise _unsupported(field, what)
    elif name in _TWO_QUBIT_ROTATIONS:
        return [{"gate": _TWO_QUBIT_ROTATIONS[name], "targets": qubits, "rotation": params[0]}]
    elif name in ("PhaseGate", "U1Gate"):
        return [{"gate": "rz", "targets": qubits, "rotation": params[0]}]
    elif name in ("UGate", "U3Gate", "U2Gate"):
        # U(θ, φ, λ) = e^{i(φ+λ)/2} Rz(φ) Ry(θ) Rz(λ); U2(φ, λ) = U(π/2, φ, λ).
        theta, phi, lam = ([math.pi / 2] if name == "U2Gate" else []) + params
        return [
            {"gate": "rz", "targets": qubits, "rotation": lam},
            {"gate": "ry", "targets": qubits, "rotation": theta},
            {"gate": "rz", "targets": qubits, "rotation": phi},
        ]
    else:
        return [_pauliexp(operation, qubits, field, what)]
    if controls:
        out["controls"] = controls
    return [out]


def _controlled(operation: Any) -> tuple[Any, int, int]:
    """(base gate, control count, control state) of a controlled gate, in either of
    Qiskit's forms: a ``ControlledGate``, or an ``AnnotatedOperation`` with one
    ``ControlModifier`` (what ``gate.control()`` returns by default from Qiskit 3)."""
    count: int = getattr(operation, "num_ctrl_qubits", 0)
    if count and hasattr(operation, "base_gate"):
        return operation.base_gate, count, operation.ctrl_state
    modifiers = getattr(operation, "modifiers", None)
    if modifiers and len(modifiers) == 1 and hasattr(modifiers[0], "ctrl_state"):
        modifier = modifiers[0]
        return operation.base_op, modifier.num_ctrl_qubits, modifier.ctrl_state
    return operation, 0, 0


def _is_user_gate(operation: Any) -> bool:
    """A unitary gate defined outside Qiskit's library: an OpenQASM ``gate`` block,
    ``qc.to_gate()``. Library gates we do not convert are refused instead, so the user
    chooses their decomposition (``transpile``) and sees its cost."""
    gate_class = sys.modules["qiskit"].circuit.Gate
    base = getattr(operation, "base_class", type(operation))
    return (
        isinstance(operation, gate_class)
        and not base.__module__.startswith("qiskit.circuit.library")
        and operation.definition is not None
    )


def _inline(gate: Any, qubits: list[int], field: str) -> list[dict[str, Any]]:
    """A user-defined gate is exactly what its definition says, gate by gate (its
    global phase aside, which no probability shows)."""
    definition = gate.definition
    out: list[dict[str, Any]] = []
    for inner in definition.data:
        operation = inner.operation
        if _class_name(operation) in _DROPPED:
            continue
        mapped = [qubits[definition.find_bit(q).index] for q in inner.qubits]
        try:
            out.extend(_gates_for(operation, mapped, field))
        except IonQValidationError as error:
            raise IonQValidationError(field, f"inside {gate.name!r}: {error.problem}") from None
    return out


def _pauliexp(operation: Any, qubits: list[int], field: str, what: str) -> dict[str, Any]:
    """exp(-i t H) for one SparsePauliOp H with real coefficients; IonQ's term character
    j acts on ``targets[j]``, Qiskit's label is little-endian, hence the reversal."""
    operator = operation.operator
    if not hasattr(operator, "paulis"):  # a list of operators: Qiskit's own product
        raise _unsupported(field, what)
    coefficients = []
    for c in operator.coeffs:
        if abs(complex(c).imag) > 1e-12:
            raise IonQValidationError(field, f"{what} has a complex coefficient {c!r}")
        coefficients.append(float(complex(c).real))
    return {
        "gate": "pauliexp",
        "targets": qubits,
        "terms": [label[::-1] for label in operator.paulis.to_labels()],
        "coefficients": coefficients,
        "time": _angle(operation.params[0], field, operation.name),
    }


def circuit_from_qiskit(qc: Any, *, name: str | None = None) -> Circuit:
    """A :class:`Circuit` running the same unitary as ``qc`` (see the module docstring
    for what converts); ``IonQValidationError`` names the first refused instruction."""
    qiskit = _import("qiskit", _INSTALL_HINT)
    if not isinstance(qc, qiskit.QuantumCircuit):
        raise IonQValidationError("qc", f"must be a qiskit.QuantumCircuit, got {type(qc).__name__}")
    control_flow = qiskit.circuit.ControlFlowOp
    circuit = Circuit(qc.num_qubits, name)
    measured: dict[int, tuple[int, Any]] = {}  # qubit -> (instruction index, clbit)
    clbit_writer: dict[Any, int] = {}  # clbit -> instruction index
    for i, instruction in enumerate(qc.data):
        operation = instruction.operation
        field = f"data[{i}]"
        qubits = [qc.find_bit(q).index for q in instruction.qubits]
        kind = _class_name(operation)
        if kind in _DROPPED:
            continue
        if isinstance(operation, control_flow):
            raise IonQValidationError(
                field,
                f"{operation.name!r} is classical control flow; IonQ runs circuits "
                "without branches or loops",
            )
        # c_if (Qiskit 1.x only); the private name, as the public one warns when read.
        if getattr(operation, "_condition", None) is not None:
            raise IonQValidationError(
                field,
                f"{_describe(operation, qubits)} is classically conditioned (c_if); "
                "IonQ has no classical control",
            )
        for q in qubits:
            if q in measured:
                first = measured[q][0]
                raise IonQValidationError(
                    field,
                    f"{_describe(operation, qubits)} comes after qubit {q} was "
                    f"measured (data[{first}]); IonQ measures each qubit once, at the end",
                )
        if kind == "Reset":
            raise IonQValidationError(
                field,
                f"{_describe(operation, qubits)}: IonQ has no reset",
            )
        if kind == "Measure":
            clbit = instruction.clbits[0]
            if clbit in clbit_writer:
                raise IonQValidationError(
                    field,
                    f"measure of qubit {qubits[0]} overwrites the classical bit "
                    f"written by data[{clbit_writer[clbit]}]",
                )
            measured[qubits[0]] = (i, clbit)
            clbit_writer[clbit] = i
            continue
        if instruction.clbits:
            raise IonQValidationError(
                field, f"{operation.name!r} uses classical bits; IonQ has no classical control"
            )
        for gate in _gates_for(operation, qubits, field):
            circuit._append(gate)
    for register, qubits in _registers(qc, measured).items():
        circuit.add_register(register, qubits)
    return circuit


def _registers(qc: Any, measured: dict[int, tuple[int, Any]]) -> dict[str, list[int]]:
    """IonQ registers for the final measurements, or none when they read every qubit
    into one register in order (IonQ's own default: the whole state)."""
    if not measured:
        return {}
    qubit_of = {clbit: q for q, (_, clbit) in measured.items()}
    registers: dict[str, list[int]] = {}
    for creg in qc.cregs:
        bits = list(creg)
        if not any(bit in qubit_of for bit in bits):
            continue
        missing = [j for j, bit in enumerate(bits) if bit not in qubit_of]
        if missing:
            raise IonQValidationError(
                f"cregs[{creg.name!r}]",
                f"bit {creg.name}[{missing[0]}] is never measured; IonQ returns a measured "
                "value for every bit of a register (measure it, or use a smaller register)",
            )
        registers[creg.name] = [qubit_of[bit] for bit in bits]
    in_registers = {bit for creg in qc.cregs for bit in creg}
    loose = [measured[q][0] for q, (_, bit) in measured.items() if bit not in in_registers]
    if loose:
        raise IonQValidationError(
            f"data[{min(loose)}]",
            "measures into a classical bit outside any register; "
            "IonQ names measured qubits by register",
        )
    if len(registers) == 1 and next(iter(registers.values())) == list(range(qc.num_qubits)):
        return {}
    return registers


# --------------------------------------------------------------------------- out


def circuit_to_qiskit(circuit: Circuit, *, measure: bool = False) -> Any:
    """A ``qiskit.QuantumCircuit`` with the same unitary; with ``measure=True`` also
    what IonQ measures: each register into a classical register of its name, or,
    without registers, every qubit into ``meas`` (no barrier, so it converts back)."""
    qiskit = _import("qiskit", _INSTALL_HINT)
    library = qiskit.circuit.library
    qc = qiskit.QuantumCircuit(circuit.qubits, name=circuit.name)
    for gate in circuit:
        name = gate["gate"]
        targets = gate["targets"]
        controls = gate.get("controls", [])
        if name == "pauliexp":
            operator = qiskit.quantum_info.SparsePauliOp(
                [term[::-1] for term in gate["terms"]], gate["coefficients"]
            )
            qc.append(library.PauliEvolutionGate(operator, time=gate["time"]), targets)
            continue
        cls = getattr(library, _TO_QISKIT[name])
        operation = cls(gate["rotation"]) if "rotation" in gate else cls()
        if controls:
            operation = operation.control(len(controls), annotated=False)
        qc.append(operation, [*controls, *targets])
    if measure:
        registers = circuit.registers or {"meas": list(range(circuit.qubits))}
        for register, qubits in registers.items():
            creg = qiskit.ClassicalRegister(len(qubits), register)
            qc.add_register(creg)
            qc.measure(qubits, creg)
    return qc


def circuit_from_qasm(source: str, *, name: str | None = None) -> Circuit:
    """A :class:`Circuit` from OpenQASM 2 or 3 source, read by Qiskit's own parsers
    (``qiskit.qasm2.loads``; ``qiskit.qasm3.loads``, via ``qiskit-qasm3-import``),
    chosen by the ``OPENQASM`` version line."""
    if not isinstance(source, str):
        raise IonQValidationError("qasm", f"must be a string, got {type(source).__name__}")
    version = qasm_version(source)
    if version == "2":
        qasm2 = _import("qiskit.qasm2", _QASM_HINT)
        error_class = qasm2.QASM2ParseError

        def loads(text: str) -> Any:
            # Qiskit's documented setting for files its exporter wrote (p, sx, rzz...
            # in qelib1.inc); a strict OpenQASM 2 file reads the same with it.
            return qasm2.loads(text, custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)

    else:
        _import("qiskit_qasm3_import", _QASM_HINT)
        qasm3 = _import("qiskit.qasm3", _QASM_HINT)
        loads, error_class = qasm3.loads, qasm3.QASM3ImporterError
    try:
        qc = loads(source)
    except error_class as error:
        raise IonQValidationError("qasm", f"OpenQASM {version} does not parse: {error}") from None
    return circuit_from_qiskit(qc, name=name)


def qasm_version(source: str) -> str:
    """The version, "2" or "3", of the header past comments: the two versions need
    different parsers, and the wrong one gives confusing errors."""
    version = header_version(source)
    if version not in ("2", "3"):
        raise IonQValidationError("qasm", "no 'OPENQASM 2.0;' or 'OPENQASM 3;' header line")
    return version
