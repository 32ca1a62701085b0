"""Request validation derived from the OpenAPI description, plus what it cannot say.

Each route's path parameters, query parameters and JSON body are checked against the
schemas of its operation in ``openapi/ionq-v0.4.yaml``; nothing here restates a field
list. Query strings arrive as text, so a value is first coerced to the type its
parameter declares (as IonQ's own validator does), then validated. Failures become
:class:`RequestInvalid` carrying IonQ's ``validation.keys`` (dotted paths) and
``source``. The circuit checks at the end are the semantic rules a JSON Schema cannot
express (an ``rx`` without a rotation, a control that is also a target, ...).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from jsonschema import Draft202012Validator, ValidationError

from ionq_emulator import openapi
from ionq_emulator._errors import quoted, shorten

__all__ = [
    "OperationRules",
    "Parameter",
    "RequestInvalid",
    "circuit_problems",
    "format_schema",
    "parse_body",
    "parse_path",
    "parse_query",
    "rules",
]

_INTEGER = re.compile(r"[+-]?\d+")
_JSON_MEDIA = re.compile(r"application/(?:[\w.+-]+\+)?json", re.IGNORECASE)


class RequestInvalid(Exception):
    """A client mistake: answered 400 with ``validation {keys, source}``."""

    def __init__(self, message: str, keys: Sequence[str], source: str) -> None:
        super().__init__(message)
        self.message = message
        self.keys = list(keys)
        self.source = source


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    pointer: str  # JSON pointer of the parameter's schema, for openapi.validator
    schema: Mapping[str, Any]  # the schema with top-level $refs resolved


@dataclass(frozen=True)
class OperationRules:
    """What one operation accepts, precomputed from the spec."""

    operation: openapi.Operation
    parameters: tuple[Parameter, ...]
    body_pointer: str | None
    body_required: bool

    def located(self, location: str) -> Iterator[Parameter]:
        return (p for p in self.parameters if p.location == location)

    def declares(self, status: int) -> bool:
        return str(status) in self.operation.definition.get("responses", {})


@functools.cache
def rules() -> dict[tuple[str, str], OperationRules]:
    """Every operation keyed by (METHOD, path template)."""
    out: dict[tuple[str, str], OperationRules] = {}
    for op in openapi.operations():
        base = f"#/paths/{openapi.escape(op.path)}"
        raw = [f"{base}/parameters/{i}" for i in range(len(op.path_parameters))]
        raw += [
            f"{base}/{op.method.lower()}/parameters/{i}"
            for i in range(len(op.definition.get("parameters", ())))
        ]
        params = []
        for pointer in raw:
            pointer, node = openapi.follow(pointer)
            schema_pointer, schema = openapi.follow(f"{pointer}/schema")
            params.append(
                Parameter(
                    node["name"],
                    node["in"],
                    bool(node.get("required")),
                    schema_pointer,
                    schema,
                )
            )
        body = op.definition.get("requestBody")
        body_pointer = None
        if body is not None:
            body_pointer = (
                f"{base}/{op.method.lower()}/requestBody/content/application~1json/schema"
            )
        out[(op.method, op.path)] = OperationRules(
            op, tuple(params), body_pointer, bool(body and body.get("required"))
        )
    return out


# ----------------------------------------------------------------- parameters


def _type_of(schema: Mapping[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    return kind if isinstance(kind, str) else None


def _coerce(text: str, schema: Mapping[str, Any]) -> object:
    """Text to the schema's type when it reads as one; else the text, to be refused."""
    kind = _type_of(schema)
    if kind == "integer" and _INTEGER.fullmatch(text):
        try:
            return int(text)
        except ValueError:  # more digits than Python will convert
            return text
    if kind == "number":
        try:
            number = float(text)
        except ValueError:
            return text
        return number if math.isfinite(number) else text
    if kind == "boolean" and text.lower() in ("true", "false"):
        return text.lower() == "true"  # Joi's convert mode ignores case, as does IonQ
    return text


def _message(key: str, error: ValidationError) -> str:
    if error.validator == "required":
        return f'"{key}" is required'
    if error.validator == "additionalProperties":
        return f'"{key}" is not allowed'
    text = shorten(error.message)  # quotes the instance, which may be megabytes long
    return f'"{key}": {text}'


def _check_parameter(param: Parameter, value: object) -> tuple[str, str] | None:
    error = next(iter(openapi.validator(param.pointer).iter_errors(value)), None)
    if error is None:
        return None
    key = ".".join([param.name, *(str(p) for p in error.absolute_path)])
    return key, _message(key, error)


def _parse_parameters(
    rules: OperationRules, location: str, values: Mapping[str, list[str]], source: str
) -> dict[str, Any]:
    parsed: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for param in rules.located(location):
        texts = values.get(param.name)
        if not texts:
            if param.required:
                problems.append((param.name, f'"{param.name}" is required'))
            continue
        value: object
        if _type_of(param.schema) == "array":
            items = openapi.resolve(openapi.load_spec(), param.schema.get("items", {}))
            value = [_coerce(piece, items) for text in texts for piece in text.split(",")]
        else:
            value = _coerce(texts[-1], param.schema)
        problem = _check_parameter(param, value)
        if problem:
            problems.append(problem)
        elif param.schema.get("format") == "date" and isinstance(value, str):
            parsed[param.name] = date.fromisoformat(value)
        else:
            parsed[param.name] = value
    if problems:
        raise RequestInvalid(problems[0][1], [key for key, _ in problems], source)
    return parsed


def parse_query(rules: OperationRules, items: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Declared query parameters, typed; unknown ones are ignored (clients add extras)."""
    values: dict[str, list[str]] = {}
    for name, value in items:
        values.setdefault(name, []).append(value)
    return _parse_parameters(rules, "query", values, "query")


def parse_path(rules: OperationRules, params: Mapping[str, str]) -> dict[str, Any]:
    return _parse_parameters(rules, "path", {k: [v] for k, v in params.items()}, "params")


# ----------------------------------------------------------------------- body


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def _non_finite(value: object, path: tuple[str, ...] = ()) -> Iterator[str]:
    """Paths of numbers too large for a double (``1e999`` parses as infinity)."""
    if isinstance(value, float) and not math.isfinite(value):
        yield ".".join(path) or "body"
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _non_finite(v, (*path, str(k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _non_finite(v, (*path, str(i)))


def _branch(pointer: str, instance: object) -> str:
    """The ``oneOf`` branch a body selects by its ``const`` discriminator, if any.

    Validating against the chosen branch names the real culprit (``shots``) instead of
    the discriminator every other branch rejects (``type``).
    """
    _, schema = openapi.follow(pointer)
    if not isinstance(instance, dict) or "oneOf" not in schema:
        return pointer
    for option in schema["oneOf"]:
        if "$ref" not in option:
            continue
        branch_pointer, branch = openapi.follow(option["$ref"])
        consts = {
            name: prop["const"]
            for name, prop in branch.get("properties", {}).items()
            if "const" in prop and name in instance
        }
        # Every const the body gives must agree: ``lang: json`` is shared by all
        # branches and must not pick the first one over the ``type`` that names another.
        if consts and all(instance[name] == value for name, value in consts.items()):
            return branch_pointer
    return pointer


def _leaves(error: ValidationError) -> list[ValidationError]:
    """Descend into oneOf/anyOf, following the branch the instance most plausibly meant.

    A branch whose ``const`` (a discriminator such as ``gateset``) fails is the wrong
    branch; among the rest the one with the fewest complaints wins.
    """
    if not error.context:
        return [error]
    branches: dict[object, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)

    def score(errors: list[ValidationError]) -> tuple[bool, int]:
        return any(e.validator == "const" for e in errors), len(errors)

    best = min(branches.values(), key=score)
    return [leaf for sub in best for leaf in _leaves(sub)]


def _keyed(error: ValidationError) -> Iterator[tuple[str, str]]:
    path = [str(p) for p in error.absolute_path]
    names: list[str | None] = []
    # Names from the instance and schema, not the message: a name may hold a quote.
    instance, schema = error.instance, error.schema
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        declared = schema.get("properties", {}) if isinstance(schema, dict) else {}
        patterns = schema.get("patternProperties", {}) if isinstance(schema, dict) else {}
        names = [
            str(name)
            for name in instance
            if name not in declared and not any(re.search(p, name) for p in patterns)
        ]
    elif error.validator == "required" and isinstance(instance, dict):
        names = [str(name) for name in error.validator_value if name not in instance]
    for name in names or [None]:
        key = ".".join(path if name is None else [*path, name]) or "body"
        yield key, _message(key, error)


_VALUES: Final = frozenset({"const", "enum", "default", "example", "examples"})
"""Keywords whose values are data, not schemas: a ``$ref`` in them is left alone."""

_SCHEMA_MAPS: Final = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})
"""Keywords whose values map names to schemas: a property may be called ``default``."""


def _inlined(pointer: str) -> dict[str, Any]:
    """The schema at ``pointer`` with every local ``$ref`` replaced by its target.

    Each target is built once and shared, so a recursive schema becomes a cyclic
    structure (validation follows the instance, which is finite). A ``$ref`` beside
    other keywords joins their ``allOf`` (or starts one), which means the same in
    2020-12.
    """
    built: dict[str, dict[str, Any]] = {}

    def target(ref: str) -> dict[str, Any]:
        if ref not in built:
            built[ref] = {}  # registered before it is filled: a cycle finds it
            _, node = openapi.follow(ref)
            built[ref].update(schema(node))
        return built[ref]

    def schema(node: Any) -> Any:
        if isinstance(node, list):
            return [schema(item) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            if len(node) == 1:
                return target(ref)
            rest = {k: v for k, v in node.items() if k != "$ref"}
            inlined = schema(rest)
            inlined["allOf"] = [*inlined.get("allOf", []), target(ref)]
            return inlined
        return {
            k: (
                {name: schema(sub) for name, sub in v.items()}  # names, not keywords
                if k in _SCHEMA_MAPS and isinstance(v, dict)
                else v
                if k in _VALUES
                else schema(v)
            )
            for k, v in node.items()
        }

    return target(pointer)


@functools.cache
def _quick(pointer: str) -> Draft202012Validator:
    """A validator that only answers "valid or not", fast, for the schema at ``pointer``.

    ``openapi.validator`` resolves every ``$ref`` through the registry each time it
    meets one (a URL join, a pointer walk and a new validator per reference): over
    half the CPU of validating a small job. Most bodies are valid, so they are
    checked against the same schema with its references inlined; only a body it
    refuses goes through the reference validator, whose errors (paths, messages, the
    schemas some messages quote) are what the 400 says.
    """
    return Draft202012Validator(
        _inlined(pointer), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def validate_instance(pointer: str, instance: object, source: str) -> None:
    """Refuse ``instance`` unless it matches the schema at ``pointer``."""
    pointer = _branch(pointer, instance)
    try:
        if _quick(pointer).is_valid(instance):
            return
    except RecursionError:
        pass  # the reference validator decides, and says so
    problems: list[tuple[str, str]] = []
    for error in openapi.validator(pointer).iter_errors(instance):
        for leaf in _leaves(error):
            problems.extend(p for p in _keyed(leaf) if p not in problems)
    if problems:
        raise RequestInvalid(problems[0][1], [key for key, _ in problems], source)


def _coerce_numeric_strings(pointer: str, body: dict[str, Any]) -> None:
    """Top-level integer fields sent as digit strings become integers.

    IonQ validates with Joi in convert mode: cirq-ionq sends ``"shots": "100"`` and
    IonQ accepts it, so the emulator must too. Only whole-number strings convert.
    """
    _, schema = openapi.follow(_branch(pointer, body))
    for name, prop in schema.get("properties", {}).items():
        value = body.get(name)
        if isinstance(value, str) and _INTEGER.fullmatch(value) and len(value) < 20:
            _, resolved = openapi.follow(prop["$ref"]) if "$ref" in prop else ("", prop)
            if _type_of(resolved) == "integer":
                body[name] = int(value)


def _drop_retired_compilation(body: dict[str, Any]) -> None:
    """Accept and ignore ``settings.compilation`` on job creation.

    IonQ removed it from creation payloads in its document of October 1, 2026, but
    qiskit-ionq 1.1.1 still sends ``settings.compilation.service_version`` with every
    OpenQASM 3 job and IonQ's live service evidently accepts it; refusing it would
    fail a real client (``openapi/deviations.yaml``). It changes nothing here.
    """
    settings = body.get("settings")
    if isinstance(settings, dict) and isinstance(settings.get("compilation"), dict):
        del settings["compilation"]


def parse_body(rules: OperationRules, raw: bytes, content_type: str | None) -> Any:
    """The JSON body, validated; None for operations that take no body (GET bodies)."""
    if rules.body_pointer is None:
        return None
    media = (content_type or "").split(";")[0].strip()
    if media and not _JSON_MEDIA.fullmatch(media):
        raise RequestInvalid(
            f"Content-Type must be application/json, not {quoted(media)}",
            ["content-type"],
            "headers",
        )
    if not raw.strip():
        if rules.body_required:
            raise RequestInvalid('"body" is required: send a JSON object', ["body"], "body")
        return None
    try:
        body = json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RequestInvalid(f"The body is not valid JSON: {reason}", ["body"], "body") from exc
    huge = list(_non_finite(body))
    if huge:
        raise RequestInvalid(f'"{huge[0]}" is too large a number', huge, "body")
    if isinstance(body, dict):
        _coerce_numeric_strings(rules.body_pointer, body)
        if rules.operation.operation_id == "createJob":
            _drop_retired_compilation(body)
    try:
        validate_instance(rules.body_pointer, body, "body")
    except RecursionError as exc:
        raise RequestInvalid("The body is nested too deeply", ["body"], "body") from exc
    return body


# ----------------------------------------------------------- circuit semantics

_ROTATIONS: Final = frozenset({"rx", "ry", "rz", "xx", "yy", "zz"})
_TWO_TARGETS: Final = {"qis": frozenset({"swap", "xx", "yy", "zz"}), "native": {"ms", "zz"}}


@functools.cache
def _gate_names(gateset: str) -> frozenset[str]:
    name = {"qis": "QisGateName", "native": "NativeGateName"}[gateset]
    return frozenset(openapi.load_spec()["components"]["schemas"][name]["enum"])


def _qubits_of(gate: Mapping[str, Any], one: str, many: str) -> list[tuple[str, int]]:
    if one in gate:
        return [(one, gate[one])]
    return [(f"{many}.{i}", q) for i, q in enumerate(gate.get(many, []))]


def _gate_problems(
    gate: Mapping[str, Any], gateset: str, qubits: int | None, at: str
) -> Iterator[tuple[str, str]]:
    name = gate["gate"]
    if name not in _gate_names(gateset):
        return  # a gate of the other gate set: IonQ accepts the job and fails it
    for one, many in (("target", "targets"), ("control", "controls")):
        if one in gate and many in gate:
            yield f"{at}.{many}", f'gate "{name}" gives both "{one}" and "{many}"'
    targets = _qubits_of(gate, "target", "targets")
    controls = _qubits_of(gate, "control", "controls")
    if not targets:
        yield f"{at}.target", f'gate "{name}" needs a "target" or "targets"'
    if controls and gateset == "native":
        yield f"{at}.controls", f'native gate "{name}" cannot be controlled'
    seen: set[int] = set()
    for key, q in [*targets, *controls]:
        if qubits is not None and q >= qubits:
            yield f"{at}.{key}", f"qubit {q} is out of range for a {qubits}-qubit circuit"
        if q in seen:
            yield f"{at}.{key}", f'gate "{name}" uses qubit {q} more than once'
        seen.add(q)
    if name in _TWO_TARGETS[gateset] and len(targets) != 2:
        yield f"{at}.targets", f'gate "{name}" needs exactly two targets'
    if gateset == "qis":
        if name in _ROTATIONS and "rotation" not in gate:
            yield f"{at}.rotation", f'gate "{name}" needs a "rotation" (radians)'
        if name == "cnot" and not controls:
            yield f"{at}.control", 'gate "cnot" needs a "control" or "controls"'
        if name == "pauliexp":
            yield from _pauliexp_problems(gate, len(targets), at)
    elif name in ("gpi", "gpi2"):
        if "phase" not in gate:
            yield f"{at}.phase", f'gate "{name}" needs a "phase" (turns)'
        if len(targets) != 1:
            yield f"{at}.targets", f'gate "{name}" needs exactly one target'
    elif name == "nop":
        if len(targets) != 1:
            yield f"{at}.targets", 'gate "nop" needs exactly one target'
        for field in ("phase", "phases", "angle"):
            if field in gate:
                yield f"{at}.{field}", f'gate "nop" takes no "{field}"'
    elif name == "ms" and "phases" not in gate:
        yield f"{at}.phases", 'gate "ms" needs "phases": [phase0, phase1]'
    elif name == "zz" and "angle" not in gate and "phase" not in gate:
        yield f"{at}.angle", 'gate "zz" needs an "angle" (turns)'


def _pauliexp_problems(gate: Mapping[str, Any], width: int, at: str) -> Iterator[tuple[str, str]]:
    for field in ("terms", "coefficients", "time"):
        if field not in gate:
            yield f"{at}.{field}", f'gate "pauliexp" needs "{field}"'
    terms, coefficients = gate.get("terms", []), gate.get("coefficients", [])
    if "coefficients" in gate and len(terms) != len(coefficients):
        yield f"{at}.coefficients", "pauliexp needs one coefficient per term"
    for i, term in enumerate(terms):
        if len(term) != width:
            yield f"{at}.terms.{i}", f"pauliexp term {quoted(term)} needs one letter per target"


def circuit_problems(payload: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Where a circuit breaks IonQ's gate rules that no schema can state, as (key, why).

    A qubit beyond ``input.qubits``, a rotation gate without ``rotation``, a qubit
    used twice by one gate...: the request is schema-valid, so the job is accepted and
    fails with ``InvalidInput`` (as IonQ's preflight fails a job, after its 201,
    rather than refusing the request), not refused with 400.
    """
    problems: list[tuple[str, str]] = []
    data = payload.get("input", {})
    if payload.get("type") == "ionq.circuit.v1":
        circuits = [("input.circuit", data["circuit"], data["gateset"], data["qubits"])]
    elif payload.get("type") == "ionq.multi-circuit.v1":
        circuits = []
        for i, entry in enumerate(data["circuits"]):
            qubits = entry.get("qubits", data.get("qubits"))
            gateset = entry.get("gateset", data["gateset"])
            circuits.append((f"input.circuits.{i}.circuit", entry["circuit"], gateset, qubits))
            for register, indices in entry.get("registers", {}).items():
                if qubits is not None and any(q >= qubits for q in indices):
                    key = f"input.circuits.{i}.registers.{register}"
                    out = f"register {quoted(register)} names a qubit out of range"
                    problems.append((key, out))
    else:
        return []
    for prefix, gates, gateset, qubits in circuits:
        for i, gate in enumerate(gates):
            problems.extend(_gate_problems(gate, gateset, qubits, f"{prefix}.{i}"))
    return problems


# -------------------------------------------------------------- format schemas

_FORMAT_SCHEMAS: Final = {
    "ionq.circuit.v1": "CircuitJobPayload",
    "ionq.multi-circuit.v1": "MultiCircuitJobPayload",
    "ionq.qasm3.v1": "Qasm3JobPayload",
    "ionq.native.v1": "NativeCircuitInput",
    "ionq.result.probabilities.json.v1": "Probabilities",
    "ionq.result.histogram.json.v1": "Histogram",
    "ionq.result.shots.json.v1": "Shots",
    "ionq.result.probabilities-aggregate.json.v1": "AggregatedProbabilities",
    "ionq.result.probabilities.json.v2": "ProbabilitiesV2",
    "ionq.result.histogram.json.v2": "HistogramV2",
    "ionq.result.shots.json.v2": "ShotsV2",
}


def _referenced(name: str, found: dict[str, Any]) -> None:
    if name in found:
        return
    found[name] = openapi.load_spec()["components"]["schemas"][name]
    text = json.dumps(found[name])
    for ref in re.findall(r'"#/components/schemas/([^"]+)"', text):
        _referenced(ref, found)


def _json_type(schema: Mapping[str, Any]) -> str:
    declared = schema.get("type")
    if isinstance(declared, str):
        return declared
    return "array" if "items" in schema else "object"


def format_schema(format_id: str) -> dict[str, Any]:
    """A standalone JSON Schema document for one of IonQ's payload formats.

    Each embeds the spec's schema with every referenced component under ``$defs``.
    """
    doc: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://api.ionq.co/v0.4/schemas/formats/{format_id}",
        "title": format_id,
    }
    name = _FORMAT_SCHEMAS[format_id]  # the path parameter's enum lists only these
    found: dict[str, Any] = {}
    _referenced(name, found)
    defs = json.loads(json.dumps(found).replace('"#/components/schemas/', '"#/$defs/'))
    doc["description"] = defs[name].get("description", format_id)
    doc["type"] = _json_type(defs[name])  # IonQ's FormatSchema requires a top-level type
    doc["$ref"] = f"#/$defs/{name}"
    doc["$defs"] = defs
    return doc
