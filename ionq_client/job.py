"""Describe an IonQ job in typed Python and turn it into the create-job JSON body.

IonQ's schema forbids extra properties and answers most mistakes with a terse
400, so everything is checked locally first, and exactly once:

* a hand-written dict or a generated payload model goes through
  :func:`validate_payload`, the wire rules in full (circuit, multi-circuit and
  OpenQASM 3 jobs, quantum functions and Q-CTRL QAOA jobs);
* an :class:`IonQJob` is built from circuits whose gates were checked, by the same
  gate rules, as they were added; :meth:`IonQJob.to_payload` checks only what the
  circuits cannot know (the job's own fields, counts and totals), with the same
  functions ``validate_payload`` uses.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ionq_client import _limits
from ionq_client._exceptions import IonQValidationError
from ionq_client._qasm_text import header_version, without_comments
from ionq_client._qiskit import job_circuits
from ionq_client.circuit import (
    GATESETS,
    Circuit,
    NativeCircuit,
    json_int,
    validate_gates,
    validate_qubit_count,
    validate_registers,
)

__all__ = [
    "JOB_TYPES",
    "ErrorMitigation",
    "IonQJob",
    "Noise",
    "validate_payload",
]

CIRCUIT_TYPE = "ionq.circuit.v1"
MULTI_CIRCUIT_TYPE = "ionq.multi-circuit.v1"
QASM3_TYPE = "ionq.qasm3.v1"
FUNCTION_TYPE = "quantum-function"
QAOA_TYPE = "qctrl.qaoa.v1"
JOB_TYPES: frozenset[str] = frozenset(
    {CIRCUIT_TYPE, MULTI_CIRCUIT_TYPE, QASM3_TYPE, FUNCTION_TYPE, QAOA_TYPE}
)

_COMMON_KEYS = frozenset(
    {"type", "backend", "input", "name", "shots", "metadata", "session_id", "settings"}
    | {"dry_run"}
)
_CIRCUIT_KEYS = _COMMON_KEYS | {"noise", "lang"}
#: The top-level keys each job type takes: quantum functions and QAOA jobs have no
#: noise model nor ``lang``; a QAOA job carries Q-CTRL's credentials.
_TYPE_KEYS: dict[str, frozenset[str]] = {
    CIRCUIT_TYPE: _CIRCUIT_KEYS,
    MULTI_CIRCUIT_TYPE: _CIRCUIT_KEYS,
    QASM3_TYPE: _CIRCUIT_KEYS,
    FUNCTION_TYPE: _COMMON_KEYS,
    QAOA_TYPE: _COMMON_KEYS | {"external_settings"},
}
_ANY_KEY = frozenset().union(*_TYPE_KEYS.values())
_CIRCUIT_INPUT_KEYS = frozenset({"qubits", "gateset", "circuit"})
_MULTI_INPUT_KEYS = frozenset({"qubits", "gateset", "circuits"})
_ENTRY_KEYS = frozenset({"name", "qubits", "circuit", "registers", "gateset"})
# Without a declared width, IonQ sizes the circuit from its gates: only indices >= 0 matter.
_UNBOUNDED_QUBITS = 2**31
_ERROR_MITIGATION_KEYS = frozenset({"debiasing", "symmetry_verification"})
_COMPILATION_REMOVED = (
    "IonQ removed settings.compilation from job-creation payloads on Oct 1, 2026 "
    "(a job's settings still report how it was compiled); drop it"
)


#: Payload paths -> the IonQJob fields they come from, for error messages.
_FIELD_NAMES = (
    ("settings.error_mitigation", "error_mitigation"),
    ("input.data", "qasm"),
)


@dataclass(frozen=True, kw_only=True)
class ErrorMitigation:
    """IonQ's error-mitigation switches; ``None`` leaves the server default in place."""

    debiasing: bool | None = None
    symmetry_verification: bool | None = None

    def to_dict(self) -> dict[str, bool]:
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if getattr(self, f.name) is not None
        }


@dataclass(frozen=True, kw_only=True)
class Noise:
    """Simulator noise model; only meaningful on the ``simulator`` backend."""

    model: str = "ideal"
    seed: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"model": self.model}
        if self.seed is not None:
            out["seed"] = self.seed
        return out


@dataclass(frozen=True, kw_only=True)
class IonQJob:
    """Everything needed to create one job; give exactly one of circuit, circuits or qasm."""

    circuit: Circuit | NativeCircuit | None = None
    circuits: Sequence[Circuit | NativeCircuit] | None = None
    qasm: str | None = None
    backend: str = "simulator"
    shots: int = 100
    name: str | None = None
    metadata: Mapping[str, str] | None = None
    error_mitigation: ErrorMitigation | None = None
    noise: Noise | None = None
    session_id: str | None = None
    dry_run: bool = False

    def __post_init__(self) -> None:
        # A qiskit.QuantumCircuit given as circuit (or in circuits) becomes a Circuit
        # here, once; Qiskit is never imported unless the caller already has.
        for field, value in job_circuits(self.circuit, self.circuits).items():
            object.__setattr__(self, field, value)

    def with_metadata(self, **extra: str) -> IonQJob:
        """A copy with extra tags merged in (later keys win), e.g. for client-side tracing."""
        return dataclasses.replace(self, metadata={**(self.metadata or {}), **extra})

    def to_payload(self) -> dict[str, Any]:
        """The JSON body for ``POST /jobs``, validated; raises IonQValidationError
        naming the field as this class calls it (``error_mitigation``, ``qasm``)."""
        return self._checked_payload(shared=False)

    def _checked_payload(self, *, shared: bool) -> dict[str, Any]:
        """``to_payload``; with ``shared`` the gate dicts are the circuits' own (see
        ``_raw_gates``): only for a body the client encodes and never hands out."""
        try:
            return self._payload(shared)
        except IonQValidationError as error:
            raise renamed(error, _FIELD_NAMES) from None

    def _payload(self, shared: bool) -> dict[str, Any]:
        if isinstance(self.shots, bool) or not isinstance(self.shots, int):
            raise IonQValidationError("shots", f"must be a whole number, got {self.shots!r:.80}")
        given = [k for k in ("circuit", "circuits", "qasm") if getattr(self, k) is not None]
        if len(given) != 1:
            problem = "nothing given" if not given else f"got {', '.join(given)}"
            raise IonQValidationError(
                "circuit", f"give exactly one of circuit, circuits or qasm ({problem})"
            )
        payload: dict[str, Any] = {}
        if self.circuit is not None:
            payload["type"] = CIRCUIT_TYPE
            payload["input"] = self._single_input(self.circuit, shared)
        elif self.circuits is not None:
            payload["type"] = MULTI_CIRCUIT_TYPE
            payload["input"] = self._multi_input(self.circuits, shared)
        else:
            payload["type"] = QASM3_TYPE
            payload["input"] = {"data": self.qasm}
        payload["backend"] = self.backend
        payload["shots"] = self.shots
        if self.name is not None:
            payload["name"] = self.name
        if self.metadata:
            payload["metadata"] = dict(_mapping(self.metadata, "metadata"))
        if self.session_id is not None:
            payload["session_id"] = self.session_id
        settings = self._settings()
        if settings:
            payload["settings"] = settings
        if self.noise is not None:
            if not isinstance(self.noise, Noise):
                raise IonQValidationError("noise", "must be a Noise instance")
            payload["noise"] = self.noise.to_dict()
        if self.dry_run is not False:
            payload["dry_run"] = self.dry_run  # a non-bool reaches _check_job_fields' error
        _check_job_fields(payload)
        if self.qasm is not None:
            _check_qasm_input(payload["input"])
        return payload

    @staticmethod
    def _single_input(circuit: object, shared: bool) -> dict[str, Any]:
        if not isinstance(circuit, (Circuit, NativeCircuit)):
            raise IonQValidationError(
                "circuit", f"must be a Circuit or NativeCircuit, got {type(circuit).__name__}"
            )
        return circuit._as_input(circuit._raw_gates(shared=shared))

    @staticmethod
    def _multi_input(circuits: object, shared: bool) -> dict[str, Any]:
        # Limits are checked before any gate is copied so huge batches fail fast.
        if isinstance(circuits, (str, bytes)) or not isinstance(circuits, Sequence):
            raise IonQValidationError("circuits", "must be a list of circuits")
        if not circuits:
            raise IonQValidationError("circuits", "at least one circuit is required")
        _check_circuit_count(len(circuits), "circuits")
        gateset: str | None = None
        total = 0
        for i, circuit in enumerate(circuits):
            if not isinstance(circuit, (Circuit, NativeCircuit)):
                raise IonQValidationError(
                    f"circuits[{i}]",
                    f"must be a Circuit or NativeCircuit, got {type(circuit).__name__}",
                )
            if gateset is None:
                gateset = circuit.gateset
            elif circuit.gateset != gateset:
                raise IonQValidationError(
                    f"circuits[{i}]",
                    f"is a {circuit.gateset!r} circuit but circuits[0] is {gateset!r}; "
                    "one job takes one gateset",
                )
            total += len(circuit)
        _check_total_gates(total, "circuits")
        return {
            "gateset": gateset,
            "qubits": max(c.qubits for c in circuits),
            "circuits": [
                c._as_entry(f"circuit-{i}", c._raw_gates(shared=shared))
                for i, c in enumerate(circuits)
            ],
        }

    def _settings(self) -> dict[str, Any]:
        settings: dict[str, Any] = {}
        if self.error_mitigation is not None:
            if not isinstance(self.error_mitigation, ErrorMitigation):
                raise IonQValidationError("error_mitigation", "must be an ErrorMitigation instance")
            mitigation = self.error_mitigation.to_dict()
            if mitigation:
                settings["error_mitigation"] = mitigation
        return settings


def renamed(error: IonQValidationError, names: Sequence[tuple[str, str]]) -> IonQValidationError:
    """``error`` naming the field as a builder calls it (``names``: wire path -> the
    builder's name, the longest wire path first), or ``error`` itself."""
    for wire, mine in names:
        rest = error.field[len(wire) :]
        if error.field.startswith(wire) and rest[:1] in ("", ".", "["):
            return IonQValidationError(mine + rest, error.problem)
    return error


# --------------------------------------------------------------------------- validation


def _fail_unknown_keys(obj: Mapping[str, Any], allowed: frozenset[str], path: str) -> None:
    for key in obj:
        if key not in allowed:
            where = f"{path}.{key}" if path else str(key)
            raise IonQValidationError(where, "unknown property (IonQ rejects extra properties)")


def _mapping(value: object, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise IonQValidationError(path, f"must be an object, got {type(value).__name__}")
    return value


def _string(value: object, path: str) -> str:
    if not isinstance(value, str) or not value:
        raise IonQValidationError(path, "must be a non-empty string")
    return value


def _bool(value: object, path: str) -> None:
    if not isinstance(value, bool):
        raise IonQValidationError(path, f"must be true or false, got {type(value).__name__}")


def _strict_int(value: object, path: str) -> int:
    return json_int(value, path)


def _check_circuit_count(count: int, path: str) -> None:
    if count > _limits.MAX_CIRCUITS_PER_JOB:
        raise IonQValidationError(
            path, f"{count} circuits exceed the limit of {_limits.MAX_CIRCUITS_PER_JOB} per job"
        )


def _check_total_gates(total: int, path: str) -> None:
    if total > _limits.MAX_GATES_PER_JOB:
        raise IonQValidationError(
            path, f"{total} gates in total exceed the limit of {_limits.MAX_GATES_PER_JOB} per job"
        )


def _check_shots(value: object) -> None:
    # IonQ also takes a decimal string (cirq-ionq sends one).
    if isinstance(value, str) and value.isascii() and value.isdigit() and value[0] != "0":
        value = int(value)
    shots = _strict_int(value, "shots")
    if not _limits.MIN_SHOTS <= shots <= _limits.MAX_SHOTS:
        raise IonQValidationError(
            "shots", f"{shots} outside {_limits.MIN_SHOTS}..{_limits.MAX_SHOTS}"
        )


def _check_metadata(value: object) -> None:
    metadata = _mapping(value, "metadata")
    if len(metadata) > _limits.MAX_METADATA_KEYS:
        raise IonQValidationError(
            "metadata", f"{len(metadata)} keys exceed the limit of {_limits.MAX_METADATA_KEYS}"
        )
    for key, item in metadata.items():
        if not isinstance(key, str):
            raise IonQValidationError("metadata", f"keys must be strings, got {key!r}")
        if not _limits.MIN_METADATA_KEY_LENGTH <= len(key) <= _limits.MAX_METADATA_KEY_LENGTH:
            raise IonQValidationError(
                f"metadata.{key}",
                f"key length {len(key)} outside "
                f"{_limits.MIN_METADATA_KEY_LENGTH}..{_limits.MAX_METADATA_KEY_LENGTH}",
            )
        if not isinstance(item, str):
            raise IonQValidationError(
                f"metadata.{key}", f"values must be strings, got {type(item).__name__}"
            )
        if len(item) > _limits.MAX_METADATA_VALUE_LENGTH:
            raise IonQValidationError(
                f"metadata.{key}",
                f"{len(item):,} characters exceed the limit of "
                f"{_limits.MAX_METADATA_VALUE_LENGTH:,} per value",
            )


def _check_backend(value: object) -> None:
    backend = _string(value, "backend")
    if len(backend) > _limits.MAX_BACKEND_LENGTH:
        raise IonQValidationError(
            "backend", f"{len(backend)} characters exceed the limit of {_limits.MAX_BACKEND_LENGTH}"
        )


def _check_name(value: object) -> None:
    if not isinstance(value, str):
        raise IonQValidationError("name", f"must be a string, got {type(value).__name__}")
    if len(value) > _limits.MAX_JOB_NAME_LENGTH:
        raise IonQValidationError(
            "name", f"{len(value):,} characters exceed the limit of {_limits.MAX_JOB_NAME_LENGTH}"
        )


def _check_settings(value: object) -> None:
    settings = _mapping(value, "settings")
    if "compilation" in settings:
        raise IonQValidationError("settings.compilation", _COMPILATION_REMOVED)
    _fail_unknown_keys(settings, frozenset({"error_mitigation"}), "settings")
    if "error_mitigation" in settings:
        mitigation = _mapping(settings["error_mitigation"], "settings.error_mitigation")
        _fail_unknown_keys(mitigation, _ERROR_MITIGATION_KEYS, "settings.error_mitigation")
        for key, item in mitigation.items():
            _bool(item, f"settings.error_mitigation.{key}")


def _check_noise(value: object) -> None:
    noise = _mapping(value, "noise")
    _fail_unknown_keys(noise, frozenset({"model", "seed"}), "noise")
    if "model" not in noise:
        raise IonQValidationError("noise.model", "required")
    # Open set: IonQ adds noise models; the server judges names we have not heard of.
    _string(noise["model"], "noise.model")
    seed = noise.get("seed")  # qiskit-ionq sends "seed": null
    if seed is not None and _strict_int(seed, "noise.seed") < 0:
        raise IonQValidationError("noise.seed", "must be at least 0")


def _gateset(obj: Mapping[str, Any], path: str) -> str:
    if "gateset" not in obj:
        raise IonQValidationError(f"{path}.gateset", "required ('qis' or 'native')")
    gateset = obj["gateset"]
    if gateset not in GATESETS:
        raise IonQValidationError(f"{path}.gateset", f"must be 'qis' or 'native', got {gateset!r}")
    return str(gateset)


def _gate_list(obj: Mapping[str, Any], path: str) -> Sequence[Any]:
    if "circuit" not in obj:
        raise IonQValidationError(f"{path}.circuit", "required")
    gates = obj["circuit"]
    if isinstance(gates, (str, bytes)) or not isinstance(gates, Sequence):
        raise IonQValidationError(f"{path}.circuit", "must be a list of gates")
    return gates


def _required_qubits(obj: Mapping[str, Any], path: str) -> int:
    if "qubits" not in obj:
        raise IonQValidationError(f"{path}.qubits", "required")
    return validate_qubit_count(obj["qubits"], f"{path}.qubits")


def _check_circuit_input(value: object) -> None:
    data = _mapping(value, "input")
    _fail_unknown_keys(data, _CIRCUIT_INPUT_KEYS, "input")
    gateset = _gateset(data, "input")
    qubits = _required_qubits(data, "input")
    gates = _gate_list(data, "input")
    _check_total_gates(len(gates), "input.circuit")
    validate_gates(gates, qubits=qubits, gateset=gateset, path="input.circuit")


def _check_multi_input(value: object) -> None:
    data = _mapping(value, "input")
    _fail_unknown_keys(data, _MULTI_INPUT_KEYS, "input")
    gateset = _gateset(data, "input")
    if "circuits" not in data:
        raise IonQValidationError("input.circuits", "required")
    entries = data["circuits"]
    if isinstance(entries, (str, bytes)) or not isinstance(entries, Sequence):
        raise IonQValidationError("input.circuits", "must be a list of circuits")
    if not entries:
        raise IonQValidationError("input.circuits", "at least one circuit is required")
    _check_circuit_count(len(entries), "input.circuits")
    # Shape and size first (cheap), gates second: a 5,000 x 31 batch fails without
    # validating 155,000 gates.
    top = validate_qubit_count(data["qubits"], "input.qubits") if "qubits" in data else None
    checked: list[tuple[str, int | None, str, Mapping[str, Any], Sequence[Any]]] = []
    total = 0
    for i, raw in enumerate(entries):
        path = f"input.circuits[{i}]"
        entry = _mapping(raw, path)
        _fail_unknown_keys(entry, _ENTRY_KEYS, path)
        if "name" in entry:
            _string(entry["name"], f"{path}.name")
        gates = _gate_list(entry, path)
        total += len(gates)
        # Both widths are optional on the wire; a circuit inherits the job's.
        qubits = (
            validate_qubit_count(entry["qubits"], f"{path}.qubits") if "qubits" in entry else top
        )
        own_gateset = _gateset(entry, path) if "gateset" in entry else gateset
        checked.append((path, qubits, own_gateset, entry, gates))
    _check_total_gates(total, "input.circuits")
    widest = max((q for _, q, _, _, _ in checked if q is not None), default=None)
    if top is not None and widest is not None and top < widest:
        raise IonQValidationError(
            "input.qubits", f"{top} is less than the widest circuit ({widest} qubits)"
        )
    for path, qubits, own_gateset, entry, gates in checked:
        bound = _UNBOUNDED_QUBITS if qubits is None else qubits
        validate_gates(gates, qubits=bound, gateset=own_gateset, path=f"{path}.circuit")
        if "registers" in entry:
            validate_registers(entry["registers"], qubits=bound, path=f"{path}.registers")


def _check_qasm_input(value: object) -> None:
    data = _mapping(value, "input")
    _fail_unknown_keys(data, frozenset({"data"}), "input")
    if "data" not in data:
        raise IonQValidationError("input.data", "required")
    source = data["data"]
    if not isinstance(source, str) or not source.strip():
        raise IonQValidationError("input.data", "must be a non-empty OpenQASM 3 string")
    if not header_version(source) == "3":
        raise IonQValidationError(
            "input.data", "no 'OPENQASM 3;' header line (ionq.qasm3.v1 takes OpenQASM 3 only)"
        )


# ------------------------------------------------------ quantum functions and QAOA
# The spec closes the payload and HamiltonianEnergyInput; the objects inside them are
# open (IonQ's document leaves them so), so only their known keys are checked.

_FUNCTION_INPUT_KEYS = frozenset({"data", "params"})
HAMILTONIAN_ENERGY = "hamiltonian-energy"
_DENSE_PAULI = re.compile(r"[IXYZ]+")
_SPARSE_PAULI = re.compile(r"[IXYZ]\d+")
# ``input float[64] theta`` (or ``angle``), one statement: one ansatz parameter each.
_INPUT_PARAMETER = re.compile(r"input\s+(?:float|angle)\s*(?:\[\s*\d+\s*\])?\s+\w+")


def _number(value: object, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise IonQValidationError(path, f"must be a number, got {type(value).__name__}")
    if not math.isfinite(value):
        raise IonQValidationError(path, "must be finite")
    return float(value)


def _optional_number(value: object, path: str) -> None:
    if value is not None:
        _number(value, path)


def _sequence(value: object, path: str) -> Sequence[Any]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise IonQValidationError(path, f"must be a list, got {type(value).__name__}")
    return value


def _numbers(value: object, path: str) -> list[float]:
    return [_number(item, f"{path}[{i}]") for i, item in enumerate(_sequence(value, path))]


def _required(obj: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in obj:
        raise IonQValidationError(f"{path}.{key}", "required")
    return obj[key]


def _check_pauli_string(value: object, path: str) -> None:
    """Dense (``ZIX``, the last letter on qubit 0) or sparse (``Z0 X2``), as IonQ's
    examples write them; anything else the server would fail after billing."""
    text = _string(value, path).strip()
    if _DENSE_PAULI.fullmatch(text):
        return
    tokens = text.split()
    if not tokens or not all(_SPARSE_PAULI.fullmatch(token) for token in tokens):
        raise IonQValidationError(
            path, "takes only the letters I, X, Y, Z: dense ('ZIX') or sparse ('Z0 X2')"
        )
    qubits = [int(token[1:]) for token in tokens]
    if len(set(qubits)) != len(qubits):
        raise IonQValidationError(path, "names a qubit twice (duplicate index)")


def _check_hamiltonian(value: object, path: str) -> None:
    terms = _sequence(value, path)
    if not terms:
        raise IonQValidationError(path, "needs at least one Pauli term")
    for i, raw in enumerate(terms):
        where = f"{path}[{i}]"
        term = _mapping(raw, where)
        _check_pauli_string(_required(term, "pauli_string", where), f"{where}.pauli_string")
        _number(_required(term, "coefficient", where), f"{where}.coefficient")


def _ansatz_parameters(source: str) -> int:
    """How many ``input float`` parameters an OpenQASM 3 ansatz declares."""
    statements = (" ".join(part.split()) for part in without_comments(source).split(";"))
    return sum(1 for statement in statements if _INPUT_PARAMETER.fullmatch(statement))


def _check_constraints(energy: Mapping[str, Any], path: str) -> None:
    for i, raw in enumerate(
        _sequence(energy.get("linear_constraints", []), path + ".linear_constraints")
    ):
        where = f"{path}.linear_constraints[{i}]"
        row = _mapping(raw, where)
        _numbers(_required(row, "coeffs", where), f"{where}.coeffs")
        _number(_required(row, "rhs", where), f"{where}.rhs")
    quadratic = _sequence(energy.get("quadratic_constraints", []), path + ".quadratic_constraints")
    for i, raw in enumerate(quadratic):
        where = f"{path}.quadratic_constraints[{i}]"
        row = _mapping(raw, where)
        matrix = _sequence(_required(row, "quadratic_coeff", where), f"{where}.quadratic_coeff")
        for j, line in enumerate(matrix):
            _numbers(line, f"{where}.quadratic_coeff[{j}]")
        _numbers(_required(row, "linear_coeff", where), f"{where}.linear_coeff")
        _number(_required(row, "rhs", where), f"{where}.rhs")
    for key in ("penalty", "cvar_alpha"):
        _optional_number(energy.get(key), f"{path}.{key}")


def _check_energy_data(value: object, path: str, params: list[float] | None) -> None:
    """HamiltonianEnergyData: the Pauli terms, the ansatz, and optional constraints."""
    energy = _mapping(value, path)
    if "hamiltonian" not in energy:
        raise IonQValidationError(f"{path}.hamiltonian", "required: hamiltonian-energy needs one")
    _check_hamiltonian(energy["hamiltonian"], f"{path}.hamiltonian")
    if "ansatz" not in energy:
        raise IonQValidationError(f"{path}.ansatz", "required: hamiltonian-energy needs one")
    ansatz = _mapping(energy["ansatz"], f"{path}.ansatz")
    source = _required(ansatz, "data", f"{path}.ansatz")
    if not isinstance(source, str) or not source.strip():
        raise IonQValidationError(f"{path}.ansatz.data", "must be a non-empty OpenQASM 3 string")
    if not header_version(source) == "3":
        raise IonQValidationError(f"{path}.ansatz.data", "no 'OPENQASM 3;' header line")
    _check_constraints(energy, path)
    declared, given = _ansatz_parameters(source), len(params or [])
    if declared != given:
        raise IonQValidationError(
            "input.params",
            f"{given} value(s) given; the ansatz declares {declared} 'input float' "
            "parameter(s) and needs one value for each, in order",
        )


def _check_function_input(value: object) -> None:
    """A quantum function: IonQ's Hamiltonian-energy form ``{data: {type, data},
    params}``, or another function named at the top, ``{type, data, params}``."""
    data = _mapping(value, "input")
    params = _numbers(data["params"], "input.params") if "params" in data else None
    if "type" in data:  # GenericQuantumFunctionInput (open)
        kind = _string(data["type"], "input.type")
        body = _mapping(_required(data, "data", "input"), "input.data")
        if kind == HAMILTONIAN_ENERGY:
            _check_energy_data(body, "input.data", params)
        return
    _fail_unknown_keys(data, _FUNCTION_INPUT_KEYS, "input")
    function = _mapping(_required(data, "data", "input"), "input.data")
    kind = _required(function, "type", "input.data")
    if kind != HAMILTONIAN_ENERGY:
        raise IonQValidationError(
            "input.data.type",
            f"must be {HAMILTONIAN_ENERGY!r} here; name any other function in input.type, "
            "with its data in input.data",
        )
    _check_energy_data(_required(function, "data", "input.data"), "input.data.data", params)


def _check_qaoa_input(value: object) -> None:
    data = _mapping(value, "input")
    kind = _required(data, "problem_type", "input")
    if kind != "maxcut":
        raise IonQValidationError(
            "input.problem_type", "must be 'maxcut' (the only problem IonQ documents)"
        )
    _mapping(_required(data, "problem", "input"), "input.problem")


def _check_external_settings(value: object) -> None:
    """Q-CTRL's credentials. Never quoted in an error: the key is a secret."""
    if value is None:
        raise IonQValidationError(
            "external_settings", "required: a qctrl.qaoa.v1 job needs Q-CTRL's api_credentials"
        )
    settings = _mapping(value, "external_settings")
    if "api_credentials" not in settings:
        raise IonQValidationError(
            "external_settings.api_credentials", "required: the Q-CTRL API key"
        )
    _string(settings["api_credentials"], "external_settings.api_credentials")
    if "external_organization" in settings:
        _string(settings["external_organization"], "external_settings.external_organization")


_INPUT_CHECKS = {
    CIRCUIT_TYPE: _check_circuit_input,
    MULTI_CIRCUIT_TYPE: _check_multi_input,
    QASM3_TYPE: _check_qasm_input,
    FUNCTION_TYPE: _check_function_input,
    QAOA_TYPE: _check_qaoa_input,
}


def validate_payload(payload: Mapping[str, Any]) -> None:
    """Check a create-job body against IonQ's v0.4 rules; raises IonQValidationError.

    For callers who build the JSON themselves (``submit_job`` runs it on dicts and
    payload models); :meth:`IonQJob.to_payload` applies the same rules by parts.
    """
    if not isinstance(payload, Mapping):
        raise IonQValidationError("payload", f"must be an object, got {type(payload).__name__}")
    _check_job_fields(payload)
    _INPUT_CHECKS[payload["type"]](payload["input"])


def _check_job_fields(payload: Mapping[str, Any]) -> None:
    """Everything but the circuit input: type, backend, shots, metadata, settings..."""
    _fail_unknown_keys(payload, _ANY_KEY, "")
    for key in ("type", "backend", "input"):
        if key not in payload:
            raise IonQValidationError(key, "required")
    job_type = payload["type"]
    if not isinstance(job_type, str) or job_type not in JOB_TYPES:
        known = ", ".join(sorted(JOB_TYPES))
        raise IonQValidationError("type", f"unknown job type {job_type!r:.80} (known: {known})")
    for key in payload:
        if key not in _TYPE_KEYS[job_type]:
            raise IonQValidationError(key, f"a {job_type} job takes no {key!r}")
    if job_type == QAOA_TYPE:
        _check_external_settings(payload.get("external_settings"))
    if "lang" in payload and payload["lang"] != "json":
        raise IonQValidationError("lang", f"only 'json' is accepted, got {payload['lang']!r}")
    _check_fields(payload)


def validate_copy_changes(changes: Mapping[str, Any]) -> None:
    """Check the changes of a clone or a move (``JobCopyPayload``) by the same rules."""
    _fail_unknown_keys(changes, _COPY_KEYS, "")
    if "parent" in changes:
        _string(changes["parent"], "parent")
    _check_fields(changes)


def _check_fields(fields: Mapping[str, Any]) -> None:
    for key, check in _FIELD_CHECKS.items():
        if key in fields:
            check(fields[key])


_FIELD_CHECKS: dict[str, Callable[[object], object]] = {
    "backend": lambda value: _check_backend(value),
    "shots": _check_shots,
    "name": _check_name,
    "metadata": _check_metadata,
    "session_id": lambda value: _string(value, "session_id"),
    "settings": _check_settings,
    "dry_run": lambda value: _bool(value, "dry_run"),
    "noise": _check_noise,
}
_COPY_KEYS = frozenset({"parent", *_FIELD_CHECKS})
