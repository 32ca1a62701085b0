"""Build IonQ circuits as the plain gate dicts the v0.4 API takes.

Every gate is checked the moment it is added, so a mistake is reported at the
user's own line rather than as an opaque 400 from the server later; the same
checks run again on serialization because the gate list is only a list of
dicts and :func:`validate_gate` is also what the job module uses on raw JSON.

Angles differ per gateset, as on IonQ's wire: QIS rotations are in radians,
native phases and angles are in turns (1.0 == 2π).
"""

from __future__ import annotations

import copy
import math
import numbers
import operator
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, Self

from ionq_client import _limits
from ionq_client._exceptions import IonQValidationError

__all__ = [
    "GATESETS",
    "NATIVE_GATES",
    "QIS_GATES",
    "Circuit",
    "Gateset",
    "NativeCircuit",
    "circuit_from_dicts",
    "validate_gate",
    "validate_gates",
    "validate_qubit_count",
    "validate_registers",
]

Gateset = Literal["qis", "native"]
GATESETS: tuple[Gateset, ...] = ("qis", "native")

_Controls = Literal["never", "optional", "required"]
# Field kinds: "real" finite number; "ms_angle" real in [0, 0.25]; "pair" two reals;
# "terms" Pauli strings; "reals" list of reals. Checked by _check_field.
_Kind = Literal["real", "ms_angle", "pair", "terms", "reals"]


@dataclass(frozen=True)
class _Shape:
    """One row per gate shape, so validation is written once, not once per method."""

    n_targets: int  # exact count; 0 means "one or more"
    target_key: Literal["targets", "target"] = "targets"
    controls: _Controls = "never"
    required: tuple[tuple[str, _Kind], ...] = ()
    optional: tuple[tuple[str, _Kind], ...] = ()


_ONE_QUBIT = _Shape(1, controls="optional")
_CONTROLLED_NOT = _Shape(1, controls="required")
_ROTATION = _Shape(1, controls="optional", required=(("rotation", "real"),))
_TWO_QUBIT = _Shape(2, controls="optional")
_TWO_QUBIT_ROTATION = _Shape(2, required=(("rotation", "real"),))
_PAULIEXP = _Shape(0, required=(("terms", "terms"), ("coefficients", "reals"), ("time", "real")))
_NATIVE_ONE_QUBIT = _Shape(1, target_key="target", required=(("phase", "real"),))
_MS = _Shape(2, required=(("phases", "pair"),), optional=(("angle", "ms_angle"),))
_NATIVE_ZZ = _Shape(2, required=(("angle", "real"),))
_NOP = _Shape(1, target_key="target")

_QIS_TABLE: dict[str, _Shape] = {
    **dict.fromkeys(("x", "y", "z", "h", "s", "si", "v", "vi", "t", "ti", "not"), _ONE_QUBIT),
    "cnot": _CONTROLLED_NOT,
    **dict.fromkeys(("rx", "ry", "rz"), _ROTATION),
    "swap": _TWO_QUBIT,
    **dict.fromkeys(("xx", "yy", "zz"), _TWO_QUBIT_ROTATION),
    "pauliexp": _PAULIEXP,
}
_NATIVE_TABLE: dict[str, _Shape] = {
    "gpi": _NATIVE_ONE_QUBIT,
    "gpi2": _NATIVE_ONE_QUBIT,
    "ms": _MS,
    "zz": _NATIVE_ZZ,
    "nop": _NOP,
}
_TABLES: dict[str, dict[str, _Shape]] = {"qis": _QIS_TABLE, "native": _NATIVE_TABLE}

QIS_GATES: frozenset[str] = frozenset(_QIS_TABLE)
NATIVE_GATES: frozenset[str] = frozenset(_NATIVE_TABLE)

_PAULI_CHARS = frozenset("IXYZ")


# --------------------------------------------------------------------------- checks


def json_int(value: object, path: str, what: str = "value") -> int:
    """An integer as JSON Schema sees one: ``3`` or ``3.0``, never ``True`` or ``3.5``."""
    # bool is an int subclass; True as "qubit 1" is almost always a bug upstream.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, bool):
        try:
            return operator.index(value)  # type: ignore[arg-type]  # numpy ints too
        except TypeError:
            pass
    raise IonQValidationError(path, f"{what} must be an integer, got {type(value).__name__}")


def _qubit(value: object, path: str, qubits: int) -> int:
    index = json_int(value, path, "qubit index")
    if not 0 <= index < qubits:
        raise IonQValidationError(path, f"qubit {index} out of range for a {qubits}-qubit circuit")
    return index


def _real(value: object, path: str) -> float:
    # Coerce numpy scalars etc. to float so the payload is always json.dumps-able.
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise IonQValidationError(path, f"must be a real number, got {type(value).__name__}")
    result = float(value)
    if not math.isfinite(result):
        raise IonQValidationError(path, f"must be a finite number, got {result!r}")
    return result


def _sequence(value: object, path: str, what: str) -> Sequence[Any]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise IonQValidationError(path, f"must be a list of {what}, got {type(value).__name__}")
    return value


def _qubit_list(value: object, path: str, qubits: int, singular: str | None = None) -> list[int]:
    """``singular`` is the path to blame when the user wrote a legacy bare int."""
    items = _sequence(value, path, "qubit indices")
    result: list[int] = []
    for i, item in enumerate(items):
        where = singular or f"{path}[{i}]"
        index = _qubit(item, where, qubits)
        if index in result:
            raise IonQValidationError(where, f"duplicate qubit {index}")
        result.append(index)
    return result


def _check_field(kind: _Kind, value: object, path: str) -> Any:
    if kind == "real":
        return _real(value, path)
    if kind == "ms_angle":
        angle = _real(value, path)
        if not _limits.MS_ANGLE_MIN <= angle <= _limits.MS_ANGLE_MAX:
            raise IonQValidationError(
                path,
                f"ms angle {angle!r} outside "
                f"[{_limits.MS_ANGLE_MIN}, {_limits.MS_ANGLE_MAX}] turns",
            )
        return angle
    if kind == "pair":
        items = _sequence(value, path, "two phases")
        if len(items) != 2:
            raise IonQValidationError(path, f"expected 2 phases, got {len(items)}")
        return [_real(item, f"{path}[{i}]") for i, item in enumerate(items)]
    if kind == "reals":
        items = _sequence(value, path, "numbers")
        return [_real(item, f"{path}[{i}]") for i, item in enumerate(items)]
    items = _sequence(value, path, "Pauli strings")  # "terms"
    for i, term in enumerate(items):
        if not isinstance(term, str):
            raise IonQValidationError(
                f"{path}[{i}]", f"must be a Pauli string, got {type(term).__name__}"
            )
    return list(items)


def _check_pauliexp(gate: dict[str, Any], path: str) -> None:
    terms: list[str] = gate["terms"]
    coefficients: list[float] = gate["coefficients"]
    width = len(gate["targets"])
    if not terms:
        raise IonQValidationError(f"{path}.terms", "at least one term is required")
    if len(terms) != len(coefficients):
        raise IonQValidationError(
            f"{path}.coefficients",
            f"{len(coefficients)} coefficients for {len(terms)} terms; they must pair up",
        )
    for i, term in enumerate(terms):
        if len(term) != width:
            raise IonQValidationError(
                f"{path}.terms[{i}]",
                f"term {term!r} has length {len(term)} but there are {width} targets",
            )
        bad = set(term) - _PAULI_CHARS
        if bad:
            raise IonQValidationError(
                f"{path}.terms[{i}]", f"only I, X, Y, Z allowed, found {''.join(sorted(bad))!r}"
            )


def _take_singular(fields: dict[str, Any], singular: str, plural: str, path: str) -> str:
    """Fold IonQ's legacy ``target``/``control`` (a bare int) into the list form.

    IonQ's own docs still show ``{"gate": "h", "target": 0}``; accepting it makes
    migrating hand-written JSON painless. Returns the key name used, for errors.
    """
    if singular not in fields:
        return plural
    if plural in fields:
        raise IonQValidationError(f"{path}.{singular}", f"give {singular} or {plural}, not both")
    value = fields.pop(singular)
    fields[plural] = [value]
    return singular


def validate_gate(
    gate: object, *, qubits: int, gateset: str = "qis", path: str = "circuit[0]"
) -> dict[str, Any]:
    """Check one gate dict and return a normalised copy (plain ints/floats, lists).

    Shared by the builders and by :func:`ionq_client.job.validate_payload` so raw
    JSON and built circuits obey exactly the same rules.
    """
    if not isinstance(gate, Mapping):
        raise IonQValidationError(path, f"a gate must be an object, got {type(gate).__name__}")
    name = gate.get("gate")
    if not isinstance(name, str):
        raise IonQValidationError(f"{path}.gate", "missing or not a string")
    table = _TABLES.get(gateset)
    if table is None:
        raise IonQValidationError("gateset", f"unknown gateset {gateset!r}")
    shape = table.get(name)
    if shape is None:
        other = "native" if gateset == "qis" else "qis"
        hint = f" ({name!r} is a {other} gate)" if name in _TABLES[other] else ""
        raise IonQValidationError(f"{path}.gate", f"unknown {gateset} gate {name!r}{hint}")

    fields = dict(gate)
    del fields["gate"]
    target_key: str = shape.target_key
    control_key = "controls"
    if shape.target_key == "targets":
        target_key = _take_singular(fields, "target", "targets", path)
        if shape.controls != "never":
            control_key = _take_singular(fields, "control", "controls", path)
    allowed = {shape.target_key, *(k for k, _ in shape.required), *(k for k, _ in shape.optional)}
    if shape.controls != "never":
        allowed.add("controls")
    for key in fields:
        if key not in allowed:
            raise IonQValidationError(f"{path}.{key}", f"unknown field for gate {name!r}")

    out: dict[str, Any] = {"gate": name}
    if shape.target_key == "target":
        if "target" not in fields:
            raise IonQValidationError(f"{path}.target", "required")
        targets = [_qubit(fields["target"], f"{path}.target", qubits)]
    else:
        if "targets" not in fields:
            raise IonQValidationError(f"{path}.targets", "required")
        singular = f"{path}.target" if target_key == "target" else None
        targets = _qubit_list(fields["targets"], f"{path}.targets", qubits, singular)
        want = shape.n_targets
        if (want and len(targets) != want) or not targets:
            expected = f"{want}" if want else "at least 1"
            raise IonQValidationError(
                f"{path}.{target_key}",
                f"gate {name!r} takes {expected} target qubit(s), got {len(targets)}",
            )

    controls = fields.get("controls")
    if controls is not None or shape.controls == "required":
        if controls is None:
            raise IonQValidationError(f"{path}.controls", f"gate {name!r} needs a control qubit")
        singular = f"{path}.control" if control_key == "control" else None
        checked = _qubit_list(controls, f"{path}.controls", qubits, singular)
        for i, index in enumerate(checked):
            if index in targets:
                field = singular or f"{path}.controls[{i}]"
                raise IonQValidationError(field, f"qubit {index} is both a control and a target")
        if not checked and shape.controls == "required":
            raise IonQValidationError(f"{path}.controls", f"gate {name!r} needs a control qubit")
        if checked:
            out["controls"] = checked

    if shape.target_key == "target":
        out["target"] = targets[0]
    else:
        out["targets"] = targets
    for key, kind in shape.required:
        if key not in fields:
            raise IonQValidationError(f"{path}.{key}", f"required for gate {name!r}")
        out[key] = _check_field(kind, fields[key], f"{path}.{key}")
    for key, kind in shape.optional:
        if key in fields:
            out[key] = _check_field(kind, fields[key], f"{path}.{key}")
    if shape is _PAULIEXP:
        _check_pauliexp(out, path)
    return out


def validate_gates(
    gates: object, *, qubits: int, gateset: str = "qis", path: str = "circuit"
) -> list[dict[str, Any]]:
    """Check a whole gate list, including the per-circuit size limit (checked first: cheap)."""
    items = _sequence(gates, path, "gates")
    check_gate_count(len(items), path)
    return [
        validate_gate(gate, qubits=qubits, gateset=gateset, path=f"{path}[{i}]")
        for i, gate in enumerate(items)
    ]


def check_gate_count(count: int, path: str = "circuit") -> None:
    """IonQ's per-circuit size limit (a count, so it is checked before any gate)."""
    if count > _limits.MAX_GATES_PER_CIRCUIT:
        raise IonQValidationError(
            path, f"{count} gates exceed the limit of {_limits.MAX_GATES_PER_CIRCUIT} per circuit"
        )


def validate_qubit_count(value: object, path: str = "qubits") -> int:
    """A circuit's width: a real int (not bool) of at least one."""
    value = json_int(value, path, "qubit count")
    if value < _limits.MIN_QUBITS:
        raise IonQValidationError(path, f"must be at least {_limits.MIN_QUBITS}, got {value}")
    return value


def validate_registers(
    registers: object, *, qubits: int, path: str = "registers"
) -> dict[str, list[int]]:
    """Check a ``{name: [qubit, ...]}`` map; names label result bits, so they must be usable."""
    if not isinstance(registers, Mapping):
        raise IonQValidationError(path, f"must be an object, got {type(registers).__name__}")
    out: dict[str, list[int]] = {}
    for name, indices in registers.items():
        if not isinstance(name, str) or not name:
            raise IonQValidationError(path, f"register name must be a non-empty string: {name!r}")
        checked = _qubit_list(indices, f"{path}.{name}", qubits)
        if not checked:
            raise IonQValidationError(f"{path}.{name}", "a register needs at least one qubit")
        out[name] = checked
    return out


# --------------------------------------------------------------------------- builders


def _copy_gate(gate: Mapping[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, list) else v for k, v in gate.items()}


class _CircuitBase:
    """State and serialization shared by both gatesets; subclasses only add gate methods."""

    gateset: ClassVar[Gateset]
    __slots__ = ("_gates", "_name", "_qubits", "_registers")

    def __init__(self, qubits: int, name: str | None = None) -> None:
        self._qubits = validate_qubit_count(qubits)
        if name is not None and (not isinstance(name, str) or not name):
            raise IonQValidationError("name", "must be a non-empty string")
        self._name = name
        self._gates: list[dict[str, Any]] = []
        self._registers: dict[str, list[int]] = {}

    # -- construction ---------------------------------------------------------

    @classmethod
    def from_gates(
        cls,
        gates: Iterable[Mapping[str, Any]],
        qubits: int,
        gateset: Gateset | None = None,
        *,
        name: str | None = None,
        registers: Mapping[str, Sequence[int]] | None = None,
    ) -> Self:
        """Adopt raw IonQ gate dicts (e.g. migrated JSON), validating each one.

        ``gateset`` is accepted for symmetry with the wire format but must match
        the class; use :func:`circuit_from_dicts` to pick the class from it.
        """
        if gateset is not None and gateset != cls.gateset:
            raise IonQValidationError(
                "gateset",
                f"{cls.__name__} holds {cls.gateset!r} gates, not {gateset!r}; "
                "use circuit_from_dicts to choose the class",
            )
        circuit = cls(qubits, name)
        for gate in gates:
            circuit._append(gate)
        if registers is not None:
            for reg_name, indices in validate_registers(registers, qubits=qubits).items():
                circuit.add_register(reg_name, indices)
        return circuit

    def _append(self, gate: Mapping[str, Any]) -> Self:
        path = f"circuit[{len(self._gates)}]"
        self._gates.append(
            validate_gate(gate, qubits=self._qubits, gateset=self.gateset, path=path)
        )
        return self

    def add(self, gate: str, **fields: Any) -> Self:
        """Escape hatch for any gate by its wire name, with the same validation."""
        return self._append({"gate": gate, **fields})

    def add_register(self, name: str, qubits: Sequence[int]) -> Self:
        """Name a group of qubits so results can be read per register."""
        if not isinstance(name, str) or not name:
            raise IonQValidationError(
                "registers", f"register name must be a non-empty string: {name!r}"
            )
        if name in self._registers:
            raise IonQValidationError(f"registers.{name}", "register already defined")
        self._registers.update(validate_registers({name: qubits}, qubits=self._qubits))
        return self

    # -- inspection -----------------------------------------------------------

    @property
    def qubits(self) -> int:
        return self._qubits

    @property
    def name(self) -> str | None:
        return self._name

    @property
    def registers(self) -> dict[str, list[int]]:
        return {k: list(v) for k, v in self._registers.items()}

    def __len__(self) -> int:
        return len(self._gates)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        # Copies: mutating what the iterator hands out must not corrupt the circuit.
        return (_copy_gate(g) for g in self._gates)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _CircuitBase)
        return (
            self._qubits == other._qubits
            and self._name == other._name
            and self._registers == other._registers
            and self._gates == other._gates
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        name = f", name={self._name!r}" if self._name is not None else ""
        return f"{type(self).__name__}(qubits={self._qubits}{name}, gates={len(self._gates)})"

    def copy(self) -> Self:
        """An independent circuit, so a template can be extended without aliasing."""
        new = type(self)(self._qubits, self._name)
        new._gates = copy.deepcopy(self._gates)
        new._registers = copy.deepcopy(self._registers)
        return new

    # -- serialization ----------------------------------------------------------

    def _raw_gates(self, *, shared: bool = False) -> list[dict[str, Any]]:
        """The gates, each checked once already, when it was added: copies, or with
        ``shared`` the stored dicts themselves in a new list, for a body that is encoded
        at once and never handed out (copying 100,000 gates costs twice their encoding).
        Stored gates are never changed in place, so sharing them is safe."""
        check_gate_count(len(self._gates))
        if shared:
            return list(self._gates)
        return [_copy_gate(g) for g in self._gates]

    def _as_input(self, gates: list[dict[str, Any]]) -> dict[str, Any]:
        if self._registers:
            # IonQ's single-circuit input has no registers; refusing beats dropping them.
            raise IonQValidationError(
                "registers", "IonQ takes registers only in multi-circuit jobs (use circuits=[...])"
            )
        return {"qubits": self._qubits, "gateset": self.gateset, "circuit": gates}

    def _as_entry(self, default_name: str, gates: list[dict[str, Any]]) -> dict[str, Any]:
        name = self._name if self._name is not None else default_name
        out: dict[str, Any] = {"name": name, "qubits": self._qubits, "circuit": gates}
        if self._registers:
            out["registers"] = self.registers
        return out

    def to_input(self) -> dict[str, Any]:
        """The ``input`` object of an ``ionq.circuit.v1`` job."""
        return self._as_input(self._raw_gates())

    def to_entry(self, default_name: str) -> dict[str, Any]:
        """One element of a multi-circuit ``circuits`` list; the job picks the fallback name."""
        return self._as_entry(default_name, self._raw_gates())


class Circuit(_CircuitBase):
    """A circuit in IonQ's abstract ``qis`` gateset; rotation angles are in radians.

    Methods return ``self`` so gates chain: ``Circuit(2).h(0).cx(0, 1)``.
    Qubit 0 is the least-significant bit of result states.
    """

    gateset: ClassVar[Gateset] = "qis"
    __slots__ = ()

    def _one(self, gate: str, target: int, controls: Sequence[int]) -> Self:
        return self._controlled({"gate": gate, "targets": [target]}, controls)

    def _controlled(self, fields: dict[str, Any], controls: Sequence[int]) -> Self:
        # Only an empty sequence means "no controls"; anything else (even a bare
        # int by mistake) goes to the validator so it is reported, not dropped.
        if not (isinstance(controls, Sequence) and len(controls) == 0):
            fields["controls"] = controls
        return self._append(fields)

    def x(self, target: int, *, controls: Sequence[int] = ()) -> Self:
        return self._one("x", target, controls)

    def y(self, target: int, *, controls: Sequence[int] = ()) -> Self:
        return self._one("y", target, controls)

    def z(self, target: int, *, controls: Sequence[int] = ()) -> Self:
        return self._one("z", target, controls)

    def h(self, target: int, *, controls: Sequence[int] = ()) -> Self:
        return self._one("h", target, controls)

    def s(self, target: int, *, controls: Sequence[int] = ()) -> Self:
        return self._one("s", target, controls)

    def si(self, target: int, *, controls: Sequence[int] = ()) -> Self:
        """S† (IonQ's name ``si``)."""
        return self._one("si", target, controls)

    def v(self, target: int, *, controls: Sequence[int] = ()) -> Self:
        """√X (IonQ's name ``v``)."""
        return self._one("v", target, controls)

    def vi(self, target: int, *, controls: Sequence[int] = ()) -> Self:
        """√X† (IonQ's name ``vi``)."""
        return self._one("vi", target, controls)

    def t(self, target: int, *, controls: Sequence[int] = ()) -> Self:
        return self._one("t", target, controls)

    def ti(self, target: int, *, controls: Sequence[int] = ()) -> Self:
        """T† (IonQ's name ``ti``)."""
        return self._one("ti", target, controls)

    # Names users bring from qiskit; the wire still gets IonQ's names.
    sdg = si
    tdg = ti
    sx = v
    sxdg = vi

    def rx(self, target: int, theta: float, *, controls: Sequence[int] = ()) -> Self:
        return self._rotation("rx", target, theta, controls)

    def ry(self, target: int, theta: float, *, controls: Sequence[int] = ()) -> Self:
        return self._rotation("ry", target, theta, controls)

    def rz(self, target: int, theta: float, *, controls: Sequence[int] = ()) -> Self:
        return self._rotation("rz", target, theta, controls)

    def _rotation(self, gate: str, target: int, theta: float, controls: Sequence[int]) -> Self:
        return self._controlled({"gate": gate, "targets": [target], "rotation": theta}, controls)

    def cx(self, control: int, target: int) -> Self:
        return self._append({"gate": "cnot", "controls": [control], "targets": [target]})

    cnot = cx

    def cz(self, control: int, target: int) -> Self:
        return self._append({"gate": "z", "controls": [control], "targets": [target]})

    def ccx(self, control0: int, control1: int, target: int) -> Self:
        return self._append({"gate": "cnot", "controls": [control0, control1], "targets": [target]})

    toffoli = ccx

    def mcx(self, controls: Sequence[int], target: int) -> Self:
        """X controlled on every qubit in ``controls`` (IonQ's multi-control ``cnot``)."""
        return self._append({"gate": "cnot", "controls": controls, "targets": [target]})

    def swap(self, a: int, b: int, *, controls: Sequence[int] = ()) -> Self:
        return self._controlled({"gate": "swap", "targets": [a, b]}, controls)

    def xx(self, a: int, b: int, theta: float) -> Self:
        return self._append({"gate": "xx", "targets": [a, b], "rotation": theta})

    def yy(self, a: int, b: int, theta: float) -> Self:
        return self._append({"gate": "yy", "targets": [a, b], "rotation": theta})

    def zz(self, a: int, b: int, theta: float) -> Self:
        return self._append({"gate": "zz", "targets": [a, b], "rotation": theta})

    def pauliexp(
        self,
        targets: Sequence[int],
        terms: Sequence[str],
        coefficients: Sequence[float],
        time: float,
    ) -> Self:
        """exp(-i·time·Σ cₖ·Pₖ); term character j acts on ``targets[j]``."""
        return self._append(
            {
                "gate": "pauliexp",
                "targets": targets,
                "terms": terms,
                "coefficients": coefficients,
                "time": time,
            }
        )

    # -- Qiskit and OpenQASM (optional extras; the conversion lives in _qiskit) ----

    @classmethod
    def from_qiskit(cls, qc: Any, *, name: str | None = None) -> Circuit:
        """The same circuit from a ``qiskit.QuantumCircuit`` (``pip install
        "ionq-client[qiskit]"``); final measurements become registers when they are
        not simply every qubit in order. Refused instructions are named by their
        place in ``qc.data``."""
        from ionq_client._qiskit import circuit_from_qiskit

        return circuit_from_qiskit(qc, name=name)

    @classmethod
    def from_qasm(cls, source: str, *, name: str | None = None) -> Circuit:
        """The same circuit from OpenQASM 2 or 3 text, read by Qiskit's parsers
        (``pip install "ionq-client[qasm]"``)."""
        from ionq_client._qiskit import circuit_from_qasm

        return circuit_from_qasm(source, name=name)

    def to_qiskit(self, *, measure: bool = False) -> Any:
        """This circuit as a ``qiskit.QuantumCircuit``; ``measure=True`` adds the
        measurements IonQ makes (per register, else every qubit)."""
        from ionq_client._qiskit import circuit_to_qiskit

        return circuit_to_qiskit(self, measure=measure)


class NativeCircuit(_CircuitBase):
    """A circuit in IonQ's hardware ``native`` gateset; phases and angles are in turns.

    Native circuits skip IonQ's compiler, so what is built here is what runs.
    """

    gateset: ClassVar[Gateset] = "native"
    __slots__ = ()

    def gpi(self, target: int, phase: float) -> Self:
        return self._append({"gate": "gpi", "target": target, "phase": phase})

    def gpi2(self, target: int, phase: float) -> Self:
        return self._append({"gate": "gpi2", "target": target, "phase": phase})

    def ms(
        self,
        a: int,
        b: int,
        phases: Sequence[float] = (0.0, 0.0),
        angle: float = _limits.MS_ANGLE_DEFAULT,
    ) -> Self:
        """Mølmer-Sørensen; ``angle`` 0.25 is fully entangling, smaller is partial."""
        return self._append({"gate": "ms", "targets": [a, b], "phases": phases, "angle": angle})

    def zz(self, a: int, b: int, angle: float) -> Self:
        return self._append({"gate": "zz", "targets": [a, b], "angle": angle})

    def nop(self, target: int) -> Self:
        """IonQ's native ``nop``: the identity, ``target`` idles for one gate slot."""
        return self._append({"gate": "nop", "target": target})


def circuit_from_dicts(
    gates: Iterable[Mapping[str, Any]],
    qubits: int,
    gateset: str = "qis",
    *,
    name: str | None = None,
    registers: Mapping[str, Sequence[int]] | None = None,
) -> Circuit | NativeCircuit:
    """Build the right builder class for ``gateset`` from raw IonQ gate dicts."""
    if gateset == "qis":
        return Circuit.from_gates(gates, qubits, name=name, registers=registers)
    if gateset == "native":
        return NativeCircuit.from_gates(gates, qubits, name=name, registers=registers)
    raise IonQValidationError("gateset", f"unknown gateset {gateset!r}; expected 'qis' or 'native'")
