"""The emulator answers "valid or not" with a fast validator (the spec's schemas with
their ``$ref``s inlined) before the reference validator builds a 400's errors; the
two must agree on every body, or the fast path would let through (or refuse) what
the spec does not.

Bodies: every example in the spec, IonQ-shaped fixtures and example job files, and
seeded random mutations of them (keys dropped, values swapped for atoms of every
JSON type, unknown keys added), checked against every schema a request body or job
view can be validated with."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ionq_emulator import openapi
from ionq_emulator._validation import _quick

ROOT = Path(__file__).resolve().parents[2]
ATOMS: list[Any] = [
    None, True, False, 0, -1, 1, 2, 1.5, 1e300, "", "x", "simulator", "qis", "native",
    "h", "cnot", "gpi", "ionq.circuit.v1", "ionq.qasm3.v1", "quantum-function",
    "2024-01-01", "2024-01-01T00:00:00Z", "0b0e6a1e-6d6c-4a5b-9a4e-2f7c2b7e4a11",
    [], {}, [0, 1], {"a": "b"},
]  # fmt: skip


def _examples(node: Any) -> Iterator[Any]:
    if isinstance(node, dict):
        if isinstance(node.get("example"), dict | list):
            yield node["example"]
        for value in node.values():
            yield from _examples(value)
    elif isinstance(node, list):
        for value in node:
            yield from _examples(value)


def _seeds() -> list[Any]:
    files = [*(ROOT / "tests" / "fixtures" / "ionq").glob("*.json")]
    files += [p for p in (ROOT / "examples" / "jobs").glob("*.json")]
    return [json.loads(p.read_text()) for p in sorted(files)] + list(_examples(openapi.load_spec()))


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in items:
        yield from _paths(child, (*path, key))


def _mutated(value: Any, rnd: random.Random) -> Any:
    value = copy.deepcopy(value)
    for _ in range(rnd.randint(1, 3)):
        path = rnd.choice(list(_paths(value)))
        if not path:
            if isinstance(value, dict):
                value[rnd.choice(["name", "zzz", "shots", "type", "noise"])] = rnd.choice(ATOMS)
            continue
        parent = value
        for key in path[:-1]:
            parent = parent[key]
        roll = rnd.random()
        if roll < 0.3:
            parent.pop(path[-1])
        elif roll < 0.8:
            parent[path[-1]] = copy.deepcopy(rnd.choice(ATOMS))
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]]["extra"] = copy.deepcopy(rnd.choice(ATOMS))
    return value


POINTERS = sorted(
    f"#/components/schemas/{name}" for name in openapi.load_spec()["components"]["schemas"]
)


@pytest.mark.parametrize("seed", range(4))
def test_the_fast_validator_agrees_with_the_reference(seed: int) -> None:
    rnd = random.Random(seed)
    seeds = _seeds()
    checked = valid = 0
    for _ in range(300):
        body = rnd.choice(seeds)
        body = _mutated(body, rnd) if rnd.random() < 0.85 else body
        for pointer in rnd.sample(POINTERS, 8):
            reference = not any(True for _ in openapi.validator(pointer).iter_errors(body))
            assert _quick(pointer).is_valid(body) is reference, (pointer, body)
            checked += 1
            valid += reference
    # Both answers occur, so agreement is not trivially "always invalid".
    assert checked == 2400 and 0 < valid < checked
