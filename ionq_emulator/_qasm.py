"""The OpenQASM 3 subset the emulator compiles, into IonQ's QIS gates.

A regex-per-statement reader, not a grammar: it covers what SDKs emit for simple
programs and rejects the rest, since a real compiler is out of scope for a test double.
Besides gates it reads what results need: classical registers and which qubit each of
their bits measures (for IonQ's register-nested v2 results; measurement is taken as
terminal, as the simulator has no mid-circuit collapse), and ``input float``
parameters (a quantum function's ansatz), bound in order to the values given.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from ionq_emulator._simulator import SimulationError

__all__ = ["Program", "parse_program", "parse_qasm"]

_QASM_GATES: Final[Mapping[str, tuple[str, int, int]]] = {
    # OpenQASM name -> (IonQ gate, number of controls, number of angles)
    **{g: (g, 0, 0) for g in ("x", "y", "z", "h", "s", "t", "swap")},
    **{g: (g, 0, 1) for g in ("rx", "ry", "rz")},
    "sdg": ("si", 0, 0),
    "tdg": ("ti", 0, 0),
    "sx": ("v", 0, 0),
    "sxdg": ("vi", 0, 0),
    "cx": ("x", 1, 0),
    "CX": ("x", 1, 0),
    "cnot": ("x", 1, 0),
    "cy": ("y", 1, 0),
    "cz": ("z", 1, 0),
    "ch": ("h", 1, 0),
    "ccx": ("x", 2, 0),
    "crx": ("rx", 1, 1),
    "cry": ("ry", 1, 1),
    "crz": ("rz", 1, 1),
    "rxx": ("xx", 0, 1),
    "ryy": ("yy", 0, 1),
    "rzz": ("zz", 0, 1),
}
_QASM_IGNORED: Final = re.compile(r"(OPENQASM\b.*|include\b.*|barrier\b.*)", re.DOTALL)
_QASM_BITS: Final = re.compile(
    r"(?:bit\s*(?:\[\s*(\d+)\s*\])?\s+(\w+)|creg\s+(\w+)\s*\[\s*(\d+)\s*\])"
    r"(?:\s*=\s*measure\s+(.+))?"
)
_QASM_MEASURE: Final = re.compile(
    r"(?:(?P<bits>\w+(?:\s*\[\s*\d+\s*\])?)\s*=\s*measure\s+(?P<qubits>.+))"
    r"|(?:measure\s+(?P<qubits2>.+?)\s*->\s*(?P<bits2>.+))"
)
_QASM_INPUT: Final = re.compile(r"input\s+(?:float|angle)\s*(?:\[\s*\d+\s*\])?\s+(\w+)")
_QASM_QUBITS: Final = re.compile(
    r"qubit\s*(?:\[\s*(\d+)\s*\])?\s+(\w+)|qreg\s+(\w+)\s*\[\s*(\d+)\s*\]"
)
_QASM_GATE: Final = re.compile(r"(\w+)\s*(?:\(([^()]*(?:\([^()]*\)[^()]*)*)\))?\s+(.+)", re.DOTALL)
_QASM_OPERAND: Final = re.compile(r"(\w+)\s*(?:\[\s*(\d+)\s*\])?")
_ARITHMETIC: Final[Mapping[type, Callable[..., float]]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}
_CONSTANTS: Final = {"pi": math.pi, "π": math.pi, "tau": 2 * math.pi, "τ": 2 * math.pi}


def _angle(text: str, names: Mapping[str, float] | None = None) -> float:
    """Evaluate an angle such as ``-pi/4``, ``0.5*pi`` or ``2*theta`` without ``eval``."""
    known = {**_CONSTANTS, **(names or {})}

    def value(node: ast.AST) -> float:
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in known:
            return known[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
            return _ARITHMETIC[type(node.op)](value(node.left), value(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _ARITHMETIC:
            return _ARITHMETIC[type(node.op)](value(node.operand))
        raise ValueError(f"unsupported angle expression {text!r}")

    try:
        result = value(ast.parse(text.strip(), mode="eval").body)
    except (SyntaxError, ZeroDivisionError, OverflowError, RecursionError) as exc:
        raise ValueError(f"bad angle {text!r}") from exc
    if not math.isfinite(result):
        raise ValueError(f"angle {text!r} is not finite")
    return result


@dataclass(frozen=True)
class Program:
    """A compiled program: QIS gates, its width, and its classical registers.

    ``registers`` maps each classical register to the qubit each of its bits measures
    (bit ``i`` is element ``i``; ``None`` for a bit nothing is measured into).
    """

    gates: tuple[Mapping[str, Any], ...]
    qubits: int
    registers: Mapping[str, tuple[int | None, ...]]
    parameters: tuple[str, ...] = ()


def parse_qasm(source: str) -> tuple[tuple[Mapping[str, Any], ...], int]:
    """An OpenQASM 3 program (enough for Bell and GHZ) as QIS gates and its qubit count."""
    program = parse_program(source)
    return program.gates, program.qubits


def parse_program(source: str, params: Sequence[float] | None = None) -> Program:
    """An OpenQASM 3 program as a :class:`Program`, its ``input`` parameters bound to
    ``params`` in the order they are declared.

    Anything outside the subset raises ``SimulationError("CompilationError", ...)``:
    IonQ accepts a QASM job it cannot compile and fails it, so the emulator does the
    same. Parameters that do not match the declared inputs raise ``InvalidInput``.
    """

    def fail(message: str) -> SimulationError:
        return SimulationError("CompilationError", f"OpenQASM: {message}")

    text = re.sub(r"//[^\n]*|/\*.*?\*/", " ", source, flags=re.DOTALL)
    registers: dict[str, tuple[int, int]] = {}  # name -> (offset, size)
    bits: dict[str, list[int | None]] = {}  # classical register -> measured qubit per bit
    inputs: list[str] = []
    values: dict[str, float] = {}
    gates: list[Mapping[str, Any]] = []
    total = 0

    def qubits_of(operand: str) -> list[int]:
        match = _QASM_OPERAND.fullmatch(operand.strip())
        if not match or match.group(1) not in registers:
            raise fail(f"unknown operand {operand.strip()!r}")
        offset, size = registers[match.group(1)]
        if match.group(2) is None:
            return list(range(offset, offset + size))
        index = int(match.group(2))
        if index >= size:
            raise fail(f"{operand.strip()!r} is out of range")
        return [offset + index]

    def bits_of(operand: str) -> list[tuple[str, int]]:
        match = _QASM_OPERAND.fullmatch(operand.strip())
        if not match or match.group(1) not in bits:
            raise fail(f"unknown classical operand {operand.strip()!r}")
        name, size = match.group(1), len(bits[match.group(1)])
        if match.group(2) is None:
            return [(name, i) for i in range(size)]
        if int(match.group(2)) >= size:
            raise fail(f"{operand.strip()!r} is out of range")
        return [(name, int(match.group(2)))]

    def bind() -> None:
        if params is None or values:
            return
        if len(params) != len(inputs):
            raise SimulationError(
                "InvalidInput",
                f"the ansatz declares {len(inputs)} input parameter(s) but {len(params)}"
                " value(s) were given",
            )
        values.update(zip(inputs, (float(p) for p in params), strict=True))

    for raw in text.split(";"):
        statement = " ".join(raw.split())
        if not statement or _QASM_IGNORED.fullmatch(statement):
            continue
        declared = _QASM_QUBITS.fullmatch(statement)
        if declared:
            name = declared.group(2) or declared.group(3)
            size = int(declared.group(1) or declared.group(4) or 1)
            registers[name] = (total, size)
            total += size
            continue
        classical = _QASM_BITS.fullmatch(statement)
        if classical:
            name = classical.group(2) or classical.group(3)
            bits[name] = [None] * int(classical.group(1) or classical.group(4) or 1)
            if classical.group(5):  # bit[2] c = measure q;
                statement = f"{name} = measure {classical.group(5)}"
            else:
                continue
        parameter = _QASM_INPUT.fullmatch(statement)
        if parameter:
            inputs.append(parameter.group(1))
            continue
        measured = _QASM_MEASURE.fullmatch(statement)
        if measured:
            targets = bits_of(measured.group("bits") or measured.group("bits2"))
            sources = qubits_of(measured.group("qubits") or measured.group("qubits2"))
            if len(targets) != len(sources):
                raise fail(
                    f"{statement!r} measures {len(sources)} qubit(s) into {len(targets)} bit(s)"
                )
            for (name, index), qubit in zip(targets, sources, strict=True):
                bits[name][index] = qubit
            continue
        match = _QASM_GATE.fullmatch(statement)
        if not match or match.group(1) not in _QASM_GATES:
            raise fail(f"unsupported statement {statement!r}")
        bind()
        gate, n_controls, n_angles = _QASM_GATES[match.group(1)]
        angles = [a for a in (match.group(2) or "").split(",") if a.strip()]
        if len(angles) != n_angles:
            raise fail(f"{match.group(1)} takes {n_angles} angle(s)")
        operands = [qubits_of(o) for o in match.group(3).split(",")]
        extra: dict[str, Any] = {}
        if angles:
            try:
                extra["rotation"] = _angle(angles[0], values)
            except ValueError as exc:
                raise fail(str(exc)) from exc
        width = 2 if gate in ("swap", "xx", "yy", "zz") else 1
        if len(operands) != n_controls + width:
            raise fail(f"{match.group(1)} takes {n_controls + width} operand(s)")
        if n_controls == 0 and width == 1:
            gates.extend({"gate": gate, "targets": [q], **extra} for q in operands[0])
            continue
        if any(len(o) != 1 for o in operands):
            raise fail(f"{match.group(1)} needs single qubits, not registers")
        qubits = [o[0] for o in operands]
        entry = {"gate": gate, "targets": qubits[n_controls:], **extra}
        if n_controls:
            entry["controls"] = qubits[:n_controls]
        gates.append(entry)
    if total == 0:
        raise fail("the program declares no qubits")
    bind()
    return Program(
        tuple(gates),
        total,
        {name: tuple(measured) for name, measured in bits.items()},
        tuple(inputs),
    )
