"""A NumPy state-vector simulator for IonQ JSON circuits, used by the local emulator.

The emulator must answer like IonQ's cloud simulator, so this module speaks IonQ's
conventions rather than a textbook's: qubit 0 is the *least* significant bit of a
basis-state index, QIS angles are radians, native angles are turns, and results are
keyed by decimal strings. Failures raise :class:`SimulationError` carrying the IonQ
failure ``code`` the emulator reports on the job.

The state is a flat ``2**n`` vector; a gate views it as a small tensor in which qubit
``q`` is bit ``q`` of the index, fixes its controls to 1 by basic indexing and updates
the rest in place, a cache-sized piece at a time, so a 20-qubit circuit never builds a
``2**n`` square matrix and each gate costs about one pass over the state; runs of
one-qubit gates on a qubit are multiplied together first.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt

__all__ = [
    "MAX_SIMULATED_QUBITS",
    "NOISE_MODELS",
    "ZERO_CUTOFF",
    "NoiseParameters",
    "SimulationError",
    "SimulationInterrupted",
    "apply_noise",
    "count_gates",
    "ideal_probabilities",
    "probabilities_map",
    "sample_counts",
    "sample_shots",
    "simulate_statevector",
]

ComplexArray = npt.NDArray[np.complex128]
FloatArray = npt.NDArray[np.float64]

MAX_SIMULATED_QUBITS: Final = 25
"""2**25 complex amplitudes is 512 MiB: the most a laptop-hosted emulator should try."""
PAULIEXP_MAX_TARGETS: Final = 10
"""``pauliexp`` is exponentiated as a dense matrix over its targets; cap its size."""
ZERO_CUTOFF: Final = 1e-12


class SimulationError(ValueError):
    """A circuit the simulator refuses; ``code`` is the IonQ failure code to report."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class SimulationInterrupted(Exception):
    """Raised between gates when the caller's ``interrupted()`` says to stop."""


def _m(rows: Sequence[Sequence[complex]]) -> ComplexArray:
    return np.array(rows, dtype=np.complex128)


_R2 = 1 / math.sqrt(2)
_X = _m([[0, 1], [1, 0]])
_V = 0.5 * _m([[1 + 1j, 1 - 1j], [1 - 1j, 1 + 1j]])
_FIXED_1Q: Final[Mapping[str, ComplexArray]] = {
    "x": _X,
    "not": _X,
    "cnot": _X,
    "y": _m([[0, -1j], [1j, 0]]),
    "z": _m([[1, 0], [0, -1]]),
    "h": _m([[_R2, _R2], [_R2, -_R2]]),
    "s": _m([[1, 0], [0, 1j]]),
    "si": _m([[1, 0], [0, -1j]]),
    "t": _m([[1, 0], [0, complex(np.exp(1j * math.pi / 4))]]),
    "ti": _m([[1, 0], [0, complex(np.exp(-1j * math.pi / 4))]]),
    "v": _V,
    "vi": _V.conj().T,
}
_PAULI: Final[Mapping[str, ComplexArray]] = {
    "I": _m([[1, 0], [0, 1]]),
    "X": _X,
    "Y": _FIXED_1Q["y"],
    "Z": _FIXED_1Q["z"],
}
_QIS_1Q: Final = frozenset(_FIXED_1Q) | {"rx", "ry", "rz"}
_QIS_2Q: Final = frozenset({"swap", "xx", "yy", "zz"})
_QIS: Final = _QIS_1Q | _QIS_2Q | {"pauliexp"}
_NATIVE: Final = frozenset({"gpi", "gpi2", "ms", "zz", "nop"})
_SWAP = _m([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]])

# One gate application: (matrix, targets, controls). targets[0] is the most
# significant bit of the matrix's row/column index.
_Op = tuple[ComplexArray, tuple[int, ...], tuple[int, ...]]


def _is_int(value: object) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def _qubit_list(gate: Mapping[str, Any], one: str, many: str) -> list[int]:
    """The qubits under ``one`` (an int) or ``many`` (a list); empty if neither."""
    if one in gate and many in gate:
        raise SimulationError("InvalidInput", f"gate gives both {one!r} and {many!r}")
    if one in gate:
        raw: object = [gate[one]]
    else:
        raw = gate.get(many, [])
    if not isinstance(raw, list | tuple) or not all(_is_int(q) for q in raw):
        raise SimulationError("InvalidInput", f"{many!r} must be a list of integers")
    qubits = [int(q) for q in raw]
    if any(q < 0 for q in qubits):
        raise SimulationError("InvalidInput", f"negative qubit index in {qubits}")
    return qubits


def _number(gate: Mapping[str, Any], key: str, default: float | None = None) -> float:
    value = gate.get(key, default)
    if value is None:
        raise SimulationError("InvalidInput", f"gate {gate.get('gate')!r} needs {key!r}")
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        raise SimulationError("InvalidInput", f"{key!r} must be a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise SimulationError("InvalidInput", f"{key!r} must be finite, got {value!r}")
    return number


def _pauli_string(paulis: str) -> ComplexArray:
    """The matrix of a Pauli string; its first character is the most significant."""
    p = _m([[1]])
    for char in paulis:
        p = np.kron(p, _PAULI[char]).astype(np.complex128)
    return p


def _pauli_rotation(paulis: str, angle: float) -> ComplexArray:
    """exp(-i angle/2 P): closed form, since a Pauli string squares to the identity."""
    p = _pauli_string(paulis)
    eye = np.eye(p.shape[0], dtype=np.complex128)
    return math.cos(angle / 2) * eye - 1j * math.sin(angle / 2) * p


def _pauliexp(gate: Mapping[str, Any], width: int) -> ComplexArray:
    """exp(-i t sum_k c_k P_k), by eigendecomposition of the Hermitian generator."""
    terms, coefficients = gate.get("terms"), gate.get("coefficients")
    if not isinstance(terms, list | tuple) or not isinstance(coefficients, list | tuple):
        raise SimulationError("InvalidInput", "pauliexp needs 'terms' and 'coefficients'")
    if len(terms) != len(coefficients) or not terms:
        raise SimulationError("InvalidInput", "pauliexp terms/coefficients mismatch")
    if width > PAULIEXP_MAX_TARGETS:
        raise SimulationError("InvalidInput", f"pauliexp over > {PAULIEXP_MAX_TARGETS} qubits")
    time = _number(gate, "time")
    generator = np.zeros((2**width, 2**width), dtype=np.complex128)
    for term, coefficient in zip(terms, coefficients, strict=True):
        if not isinstance(term, str) or len(term) != width or set(term) - set(_PAULI):
            raise SimulationError("InvalidInput", f"bad pauliexp term {term!r}")
        c = _number({"coefficient": coefficient}, "coefficient")
        generator += c * _pauli_string(term)
    values, vectors = np.linalg.eigh(generator)
    unitary: ComplexArray = (vectors * np.exp(-1j * time * values)) @ vectors.conj().T
    return unitary


def _native_matrix(name: str, gate: Mapping[str, Any]) -> ComplexArray:
    tau = 2 * math.pi
    if name in ("gpi", "gpi2"):
        e = complex(np.exp(1j * tau * _number(gate, "phase")))
        if name == "gpi":
            return _m([[0, e.conjugate()], [e, 0]])
        return _R2 * _m([[1, -1j * e.conjugate()], [-1j * e, 1]])
    if name == "zz":
        w = complex(np.exp(1j * math.pi * _number(gate, "angle")))
        return np.diag(np.array([w.conjugate(), w, w, w.conjugate()], dtype=np.complex128))
    phases = gate.get("phases")
    if not isinstance(phases, list | tuple) or len(phases) != 2:
        raise SimulationError("InvalidInput", "ms needs 'phases': [phi0, phi1]")
    p0, p1 = (_number({"phase": p}, "phase") for p in phases)
    theta = _number(gate, "angle", 0.25)
    c, s = math.cos(math.pi * theta), math.sin(math.pi * theta)
    plus, minus = complex(np.exp(1j * tau * (p0 + p1))), complex(np.exp(1j * tau * (p0 - p1)))
    return _m(
        [
            [c, 0, 0, -1j * plus.conjugate() * s],
            [0, c, -1j * minus.conjugate() * s, 0],
            [0, -1j * minus * s, c, 0],
            [-1j * plus * s, 0, 0, c],
        ]
    )


def _gate_name(gate: Mapping[str, Any], gateset: str) -> str:
    if gateset not in ("qis", "native"):
        raise SimulationError("InvalidInput", f"unknown gateset {gateset!r}")
    name = gate.get("gate")
    if not isinstance(name, str):
        raise SimulationError("InvalidInput", f"gate without a name: {dict(gate)!r}")
    if name not in (_QIS if gateset == "qis" else _NATIVE):
        raise SimulationError("UnsupportedGate", f"gate {name!r} is not in the {gateset} gateset")
    return name


def _compile(gate: Mapping[str, Any], qubits: int, gateset: str) -> list[_Op]:
    """Validate one gate and turn it into matrix applications."""
    name = _gate_name(gate, gateset)
    targets = _qubit_list(gate, "target", "targets")
    controls = _qubit_list(gate, "control", "controls")
    involved = targets + controls
    if not targets:
        raise SimulationError("InvalidInput", f"gate {name!r} has no target")
    if len(set(involved)) != len(involved):
        raise SimulationError("InvalidInput", f"gate {name!r} repeats a qubit: {involved}")
    if max(involved) >= qubits:
        raise SimulationError("NotEnoughQubits", f"gate {name!r} uses qubit {max(involved)}")
    if name == "cnot" and not controls:
        raise SimulationError("InvalidInput", "cnot needs a control")
    if gateset == "native" and controls:
        raise SimulationError("InvalidInput", f"native gate {name!r} cannot be controlled")
    if gateset == "native" and name == "nop":
        return []  # the identity: the qubit idles, the state is unchanged
    ctrl = tuple(controls)
    if gateset == "qis" and name in _QIS_1Q:
        if name in _FIXED_1Q:
            matrix = _FIXED_1Q[name]
        else:
            matrix = _pauli_rotation(name[1].upper(), _number(gate, "rotation"))
        return [(matrix, (t,), ctrl) for t in targets]
    width = 1 if name in ("gpi", "gpi2") else 2
    if name == "pauliexp":
        width = len(targets)
        matrix = _pauliexp(gate, width)
    elif gateset == "native":
        matrix = _native_matrix(name, gate)
    elif name == "swap":
        matrix = _SWAP
    else:
        matrix = _pauli_rotation(name[0].upper() * 2, _number(gate, "rotation"))
    if len(targets) != width:
        raise SimulationError("InvalidInput", f"gate {name!r} needs {width} target(s)")
    return [(matrix, tuple(targets), ctrl)]


_CHUNK: Final = 1 << 14
"""Amplitudes a gate updates at a time (256 KiB): small enough that its temporaries stay
in cache, so a gate costs about one pass over the state in memory, not one per step."""

_Kind = Literal["diagonal", "permutation", "one", "dense"]


@dataclass(frozen=True, slots=True)
class _Plan:
    """How one operation is applied, worked out once, then applied piece by piece."""

    kind: _Kind
    matrix: ComplexArray
    shape: tuple[int, ...]  # the flat state as a tensor, a length-2 axis per gate qubit
    index: tuple[int | slice, ...]  # each control fixed to 1, every other axis whole
    chunk_axis: int  # the axis of that view cut into cache-sized pieces (-1: none)
    chunk: int  # the length of one piece along it
    axes: tuple[int, ...]  # each target's axis in that view
    factors: ComplexArray | None  # "diagonal" only: the diagonal, shaped to broadcast


def _plan(n: int, op: _Op) -> _Plan:
    """Reshape (a view, as the state is contiguous) so that each gate qubit has its own
    length-2 axis and every run of untouched qubits collapses into one axis: NumPy then
    loops over at most ~5 axes instead of n, which is several times faster."""
    matrix, targets, controls = op
    shape: list[int] = []
    axis_of: dict[int, int] = {}
    previous = -1  # big-endian bit position: qubit q is position n - 1 - q
    for position in sorted(n - 1 - q for q in targets + controls):
        if position - previous > 1:
            shape.append(2 ** (position - previous - 1))
        axis_of[position] = len(shape)
        shape.append(2)
        previous = position
    if n - 1 - previous > 0:
        shape.append(2 ** (n - 1 - previous))
    index: list[int | slice] = [slice(None)] * len(shape)
    for c in controls:
        index[axis_of[n - 1 - c]] = 1
    fixed = [axis_of[n - 1 - c] for c in controls]
    view = [size for axis, size in enumerate(shape) if axis not in fixed]
    axes = [axis_of[n - 1 - t] - sum(f < axis_of[n - 1 - t] for f in fixed) for t in targets]
    free = [axis for axis in range(len(view)) if axis not in axes]
    # Cut the outermost untouched axis that is long enough into cache-sized pieces.
    pieces = max(1, math.prod(view) // _CHUNK)
    longest = max(free, key=lambda axis: view[axis], default=-1)
    chunk_axis = next((axis for axis in free if view[axis] >= pieces), longest)
    chunk = max(1, view[chunk_axis] // pieces) if chunk_axis >= 0 else 0
    m = len(targets)
    nonzero = matrix != 0
    factors = None
    if not np.any(nonzero & ~np.eye(2**m, dtype=bool)):
        # Diagonal (rz, zz, s, t, controlled phases): one broadcast multiply.
        kind: _Kind = "diagonal"
        order = sorted(range(m), key=lambda i: axes[i])
        broadcast = [1] * len(view)
        for i in order:
            broadcast[axes[i]] = 2
        diagonal = np.diagonal(matrix).reshape((2,) * m)
        factors = np.ascontiguousarray(np.transpose(diagonal, order).reshape(broadcast))
    elif np.all(nonzero.sum(axis=0) == 1) and np.all(nonzero.sum(axis=1) == 1):
        kind = "permutation"  # X, Y, swap, gpi, cnot's X: blocks move, nothing mixes
    else:
        kind = "one" if m == 1 else "dense"
    return _Plan(kind, matrix, tuple(shape), tuple(index), chunk_axis, chunk, tuple(axes), factors)


def _apply(state: ComplexArray, n: int, op: _Op) -> None:
    """Apply one gate in place on the flat ``2**n`` state vector, a cache-sized piece
    at a time (pieces along an axis the gate does not touch are independent)."""
    plan = _plan(n, op)
    view = state.reshape(plan.shape)[(*plan.index, ...)]  # a view: writes land in state
    length = view.shape[plan.chunk_axis] if plan.chunk_axis >= 0 else 0
    cut: list[slice] = [slice(None)] * view.ndim
    for start in range(0, max(length, 1), max(plan.chunk, 1)):
        if length:
            cut[plan.chunk_axis] = slice(start, start + plan.chunk)
        _apply_piece(view[tuple(cut)], plan)


def _apply_piece(view: ComplexArray, plan: _Plan) -> None:
    matrix, axes, m = plan.matrix, plan.axes, len(plan.axes)

    def part(bits: int) -> ComplexArray:
        sel: list[int | slice] = [slice(None)] * view.ndim
        for i, axis in enumerate(axes):
            sel[axis] = (bits >> (m - 1 - i)) & 1
        return view[(*sel, ...)]  # the Ellipsis keeps a 0-d result a view

    if plan.factors is not None:
        view *= plan.factors
    elif plan.kind == "permutation":
        # Move and scale whole blocks, with no matrix arithmetic at all.
        sources = [int(c) for c in (matrix != 0).argmax(axis=1)]
        moved = {c: part(c).copy() for r, c in enumerate(sources) if r != c}
        for r, c in enumerate(sources):
            block = part(r)
            if r != c:
                block[...] = moved[c]
            if matrix[r, c] != 1:
                block *= matrix[r, c]
    elif plan.kind == "one":
        (u00, u01), (u10, u11) = matrix
        a, b = part(0), part(1)
        # Explicit buffers (fewer passes; out= also keeps 0-d arrays arrays).
        scratch = np.multiply(b, u01, out=np.empty_like(b))
        new_a = np.multiply(a, u00, out=np.empty_like(a))
        new_a += scratch
        b *= u11
        b += np.multiply(a, u10, out=scratch)
        a[...] = new_a
    else:
        tensor = matrix.reshape((2,) * (2 * m))
        result = np.tensordot(tensor, view, axes=(list(range(m, 2 * m)), list(axes)))
        view[...] = np.moveaxis(result, list(range(m)), list(axes))


def _fused(ops: Iterable[_Op]) -> Iterator[_Op]:
    """The same operations with each run of uncontrolled one-qubit gates on a qubit
    multiplied into one 2x2 matrix (they commute with everything not on that qubit),
    so a run of h, rx, rz ... costs one pass over the state instead of one each."""
    pending: dict[int, ComplexArray] = {}
    for op in ops:
        matrix, targets, controls = op
        if len(targets) == 1 and not controls:
            earlier = pending.get(targets[0])
            pending[targets[0]] = matrix if earlier is None else matrix @ earlier
            continue
        for q in (*targets, *controls):
            if q in pending:
                yield (pending.pop(q), (q,), ())
        yield op
    for q, matrix in pending.items():
        yield (matrix, (q,), ())


def simulate_statevector(
    circuit: Sequence[Mapping[str, Any]],
    qubits: int,
    gateset: str = "qis",
    interrupted: Callable[[], bool] | None = None,
) -> ComplexArray:
    """The final state from |0...0>; index bit k is qubit k (IonQ's little-endian).

    ``interrupted`` is asked before every step (a gate, or a run of one-qubit gates on
    a qubit); when it answers True the simulation stops with
    :class:`SimulationInterrupted` (a canceled or deleted job).
    """
    if not _is_int(qubits) or qubits < 1:
        raise SimulationError("InvalidInput", f"qubits must be a positive integer: {qubits!r}")
    if qubits > MAX_SIMULATED_QUBITS:
        raise SimulationError(
            "NotEnoughQubits", f"{qubits} qubits exceeds the {MAX_SIMULATED_QUBITS} simulated"
        )
    ops = [op for gate in circuit for op in _compile(gate, qubits, gateset)]  # fail fast
    state = np.zeros(2**qubits, dtype=np.complex128)
    state[0] = 1
    for op in _fused(ops):
        if interrupted is not None and interrupted():
            raise SimulationInterrupted("the simulation was abandoned")
        _apply(state, qubits, op)
    return state


def ideal_probabilities(
    circuit: Sequence[Mapping[str, Any]],
    qubits: int,
    gateset: str = "qis",
    interrupted: Callable[[], bool] | None = None,
) -> FloatArray:
    """Noise-free |amplitude|^2 per basis state, little-endian indexed.

    Computed with one temporary, and the state vector is dropped before returning.
    """
    amplitudes = simulate_statevector(circuit, qubits, gateset, interrupted)
    probs: FloatArray = np.square(amplitudes.real)
    probs += np.square(amplitudes.imag)
    del amplitudes
    return probs


def count_gates(circuit: Sequence[Mapping[str, Any]], gateset: str) -> tuple[int, int]:
    """(one-qubit, multi-qubit) gate counts, as the noise model charges them.

    A single-qubit gate listing several targets counts once per target; any controlled
    gate is a multi-qubit gate; ``nop`` is free.
    """
    one = multi = 0
    for gate in circuit:
        name = _gate_name(gate, gateset)
        if gateset == "native" and name == "nop":
            continue
        targets = _qubit_list(gate, "target", "targets")
        controlled = bool(_qubit_list(gate, "control", "controls"))
        if name in ("gpi", "gpi2") or (gateset == "qis" and name in _QIS_1Q):
            if controlled:
                multi += len(targets)
            else:
                one += len(targets)
        elif name == "pauliexp" and len(targets) == 1 and not controlled:
            one += 1
        else:
            multi += 1
    return one, multi


@dataclass(frozen=True)
class NoiseParameters:
    """Per-gate fidelities and a per-qubit readout flip probability."""

    one_qubit_fidelity: float
    two_qubit_fidelity: float
    readout_error: float

    def __post_init__(self) -> None:
        for value in (self.one_qubit_fidelity, self.two_qubit_fidelity, self.readout_error):
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"noise parameters must lie in [0, 1]: {self}")


NOISE_MODELS: Final[Mapping[str, NoiseParameters]] = MappingProxyType(
    {
        "harmony": NoiseParameters(0.997, 0.96, 0.01),
        "aria-1": NoiseParameters(0.9995, 0.986, 0.005),
        "aria-2": NoiseParameters(0.9995, 0.986, 0.005),
        "forte-1": NoiseParameters(0.9998, 0.993, 0.004),
        "forte-enterprise-1": NoiseParameters(0.9998, 0.993, 0.004),
    }
)


def apply_noise(
    probs: FloatArray,
    *,
    one_qubit_gates: int,
    two_qubit_gates: int,
    qubits: int,
    model: NoiseParameters,
) -> FloatArray:
    """A cheap, plausible imitation of hardware noise on a probability vector.

    Global depolarizing: with F = f1**n1 * f2**n2 the circuit "succeeds" with
    probability F, else yields uniform noise: p' = F p + (1 - F) / 2**n. Then each
    qubit's readout flips independently with probability ``readout_error``, applied
    exactly by mixing every index with its partner that has that bit flipped. It is not
    a physical model (no coherent or correlated errors); it only makes results look
    like a noisy QPU's. The result still sums to 1.
    """
    p = np.asarray(probs, dtype=np.float64)
    if p.shape != (2**qubits,):
        raise ValueError(f"expected {2**qubits} probabilities, got shape {p.shape}")
    fidelity = model.one_qubit_fidelity**one_qubit_gates * model.two_qubit_fidelity**two_qubit_gates
    p = fidelity * p + (1.0 - fidelity) / p.size
    e = model.readout_error
    if e:
        for q in range(qubits):
            blocks = p.reshape(-1, 2, 2**q)  # axis 1 is bit q of the index
            p = ((1.0 - e) * blocks + e * blocks[:, ::-1, :]).reshape(-1)
    return p


def probabilities_map(probs: FloatArray) -> dict[str, float]:
    """IonQ's result shape: decimal index -> probability, dropping rounding-noise zeros."""
    return {str(int(i)): float(probs[i]) for i in np.flatnonzero(probs >= ZERO_CUTOFF)}


def _normalised(probs: FloatArray) -> FloatArray:
    p = np.clip(np.asarray(probs, dtype=np.float64), 0.0, None)
    total = float(p.sum())
    if not total > 0:
        raise ValueError("probabilities must have a positive sum")
    normalised: FloatArray = p / total
    return normalised


def sample_counts(probs: FloatArray, shots: int, seed: int | None) -> dict[str, int]:
    """A shot histogram keyed like :func:`probabilities_map`; reproducible per seed."""
    if shots < 0:
        raise ValueError(f"shots must be >= 0, got {shots}")
    counts = np.random.default_rng(seed).multinomial(shots, _normalised(probs))
    return {str(int(i)): int(counts[i]) for i in np.flatnonzero(counts)}


def sample_shots(probs: FloatArray, shots: int, seed: int | None) -> list[str]:
    """One decimal basis-state string per shot, in shot order; reproducible per seed."""
    if shots < 0:
        raise ValueError(f"shots must be >= 0, got {shots}")
    p = _normalised(probs)
    picks = np.random.default_rng(seed).choice(p.size, size=shots, p=p)
    return [str(int(i)) for i in picks]
