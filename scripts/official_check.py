"""schemathesis from IonQ's official OpenAPI document against our emulator.

    python scripts/official_check.py [--version 0.2.0|latest] [--results artifacts|urls]
                                     [--max-examples N] [--no-overlay] [--report-only]

IonQ's ``openapi.json`` (its overlay applied, see ``official_diff.apply_overlay``)
drives positive-mode generation against a running emulator (artifact-style results by
default), with five checks: ``not_a_server_error``, ``status_code_conformance``,
``content_type_conformance``, ``response_schema_conformance`` and
``positive_data_acceptance`` (the last narrowed, as in the contract harness, only to
let through a 400 whose every refused key is a noise model outside IonQ's list, which
IonQ's document gives in prose). No other narrowing: schemathesis runs on its defaults
(:func:`plain_config`), so every place the emulator is stricter than IonQ's document is
a finding. IonQ's document declares no links, so there is no stateful run.

Random ids would only ever meet 404s, so path parameters are pointed at real
resources: a pool of jobs (circuit, debiased QPU, multi-circuit, QASM 3 with a classical
register, dry run, quantum function, Q-CTRL QAOA) and a
session created up front with hand-made cases (themselves checked), and a fresh job or
session for every case of an operation that deletes, cancels, moves or ends one.

Every failure becomes a stable key, ``<METHOD> <IonQ's path> <check>: <what>`` (``what``
is a JSON path and the violated keyword, a status code, a content type, the refused
keys: never a random value), compared with ``openapi/deviations.yaml``. The check fails
on a finding that file does not list and on an entry that no longer occurs.
Deterministic (``derandomize``, emulator seed fixed) and bounded (``--max-examples``).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

if __package__ in (None, ""):  # run as a script: make ``scripts`` and ``tests`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import official
from scripts.official_diff import _resolve as resolve
from scripts.official_diff import load_ionq

DEVIATIONS = official.ROOT / "openapi" / "deviations.yaml"
KEY = "official-check-key"
MAX_EXAMPLES = 8
CHECK_NAMES = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "positive_data_acceptance",
)
REASONS = (
    "a real client needs it",
    "IonQ's document contradicts itself or IonQ's own data/overlay",
    "live behaviour per IonQ's overlay",
    "not yet implemented in the emulator",
)

# ------------------------------------------------------------------ the gate


@dataclass(frozen=True)
class Deviation:
    """One known finding. ``varies: true`` marks a finding that needs a particular
    generated request (a value, a job's state at that moment), so whether a run meets
    it depends on hypothesis' draws and the run's order: such an entry is never
    reported stale. Schema findings on the emulator's answers must not vary."""

    key: str
    reason: str
    evidence: str
    varies: bool = False


def load_deviations(path: Path = DEVIATIONS) -> list[Deviation]:
    """The checked-in list, one :class:`Deviation` per key; a malformed entry (no key,
    unknown reason, no evidence) raises. An entry names one ``key`` or a list of
    ``keys`` sharing its reason, evidence and ``varies`` (one cause seen in several
    places: each key must still occur on its own)."""
    with path.open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    entries = []
    for entry in raw.get("deviations") or []:
        fields = dict(entry)
        keys = fields.pop("keys", None)
        if keys is None:
            entries.append(Deviation(**fields))
        elif "key" in fields or not isinstance(keys, list) or not keys:
            raise ValueError(f"{path.name}: an entry needs one `key` or a list of `keys`")
        else:
            entries.extend(Deviation(key=str(key), **fields) for key in keys)
    for entry in entries:
        if entry.reason not in REASONS:
            raise ValueError(f"{path.name}: {entry.key!r}: reason must be one of {REASONS}")
        if not entry.evidence.strip():
            raise ValueError(f"{path.name}: {entry.key!r}: evidence is empty")
    keys = Counter(entry.key for entry in entries)
    doubled = sorted(k for k, n in keys.items() if n > 1)
    if doubled:
        raise ValueError(f"{path.name}: listed twice: {doubled}")
    return entries


@dataclass(frozen=True)
class Verdict:
    new: list[str]  # findings the file does not list
    stale: list[str]  # entries that no longer occur
    known: list[str]  # findings the file lists
    unmet: list[str] = field(default_factory=list)  # entries that vary, not met this run

    @property
    def ok(self) -> bool:
        return not self.new and not self.stale


def compare(findings: Iterable[str], deviations: Iterable[Deviation]) -> Verdict:
    """Findings against the file: every finding must be listed, and every listed entry
    must occur (unless it ``varies``)."""
    entries = list(deviations)
    found, listed = set(findings), {d.key for d in entries}
    required = {d.key for d in entries if not d.varies}
    return Verdict(
        sorted(found - listed),
        sorted(required - found),
        sorted(found & listed),
        sorted(listed - required - found),
    )


# ------------------------------------------------------------------ stable keys

_INDEX = re.compile(r"^\d+$")


def json_path(parts: Iterable[Any]) -> str:
    """``["jobs", 3, "output"]`` as ``.jobs[].output``: indices (and numeric map keys,
    e.g. states of a probability map) collapse, so the key names a place, not a value."""
    text = ""
    for part in parts:
        text += "[]" if isinstance(part, int) or _INDEX.match(str(part)) else f".{part}"
    text = text.replace(".{*}", "{*}")
    return text or "."


def _keyword(schema_path: Iterable[Any]) -> str:
    """The JSON Schema keyword that failed: the last non-numeric step of the path."""
    words = [str(p) for p in schema_path if not isinstance(p, int) and not _INDEX.match(str(p))]
    return words[-1] if words else "schema"


def request_paths(document: Mapping[str, Any], operation: Mapping[str, Any]) -> frozenset[str]:
    """Every place an operation's request declares: parameter names and the body's schema
    paths (``input.circuit[].targets[]``, ``metadata{*}``), as the diff flattens them."""
    from scripts.official_diff import _json_schema, flatten, shape

    paths = {p.get("name", "") for p in operation.get("parameters", []) if isinstance(p, dict)}
    for raw in operation.get("parameters", []):
        paths.add(resolve(document, raw, frozenset())[0].get("name", ""))
    _, schema = _json_schema(document, operation.get("requestBody"))
    if schema is not None:
        paths.update(path.lstrip(".") for path, _, _ in flatten(shape(document, schema)))
    return frozenset(paths)


def refused_keys(response: Any, declared: frozenset[str]) -> list[str]:
    """The request keys an error body names (``validation.keys``), each as a stable path:
    indices become ``[]``, and from the first step the request schema does not declare
    (a generated property name) the rest becomes ``{*}``."""
    try:
        keys = response.json()["validation"]["keys"]
    except (ValueError, KeyError, TypeError):
        return []
    stable = set()
    for key in keys:
        path = ""
        for part in str(key).split("."):
            step = path + ("[]" if _INDEX.match(part) else f".{part}")
            if _INDEX.match(part) or step.lstrip(".") in declared:
                path = step
            elif f"{path}{{*}}".lstrip(".") in declared:
                path += "{*}"
            else:
                path += "{*}"
                break
        stable.add(path.lstrip("."))
    return sorted(stable)


def _nullable(node: Any) -> Any:
    """OpenAPI 3.0's ``nullable: true`` as JSON Schema (recursively)."""
    if isinstance(node, list):
        return [_nullable(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _nullable(v) for k, v in node.items()}
    if node.pop("nullable", False):
        if isinstance(node.get("type"), str):
            node["type"] = [node["type"], "null"]
            if "enum" in node:
                node["enum"] = [*node["enum"], None]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


def _branch(error: Any, instance: Any) -> list[Any]:
    """The errors of the ``anyOf``/``oneOf`` branch meant for this instance: the first whose
    ``type`` property admits the instance's ``type``, else the one with the fewest errors."""
    branches = [list(b) for b in error.kind.context]
    wanted = instance.get("type") if isinstance(instance, dict) else None
    for errors in branches:
        own = [list(e.instance_path)[len(error.instance_path) :] for e in errors]
        if wanted is not None and ["type"] not in own and [] not in own:
            return errors
    return min(branches, key=len) if branches else []


_VALIDATORS: dict[tuple[int, str], Any] = {}


def _validator(document: Mapping[str, Any], schema: Any) -> Any:
    """A (cached) validator for one of the document's schemas (``nullable`` understood)."""
    import json

    import jsonschema_rs

    key = (id(document), json.dumps(schema, sort_keys=True))
    if key not in _VALIDATORS:
        components = _VALIDATORS.get((id(document), ""))
        if components is None:
            components = _VALIDATORS[(id(document), "")] = _nullable(document["components"])
        root = {"allOf": [_nullable(schema)], "components": components}
        _VALIDATORS[key] = jsonschema_rs.Draft7Validator(root, validate_formats=True)
    return _VALIDATORS[key]


def schema_violations(document: Mapping[str, Any], schema: Any, instance: Any) -> list[str]:
    """Every place ``instance`` breaks ``schema`` (refs into ``document``), as
    ``<json path>: <keyword>`` (``missing``/``not in the schema`` for required and
    additional properties); a union is explained by the branch meant for the value."""
    found: set[str] = set()
    pending = list(_validator(document, schema).iter_errors(instance))
    while pending:
        error = pending.pop()
        where = list(error.instance_path)
        kind = type(error.kind).__name__
        if getattr(error.kind, "context", None):
            target: Any = instance
            for step in where:
                target = target[step]
            pending.extend(_branch(error, target))
        elif kind == "Required":
            found.add(f"{json_path([*where, error.kind.property])}: missing")
        elif kind == "AdditionalProperties":
            found.update(
                f"{json_path([*where, n])}: not in the schema" for n in error.kind.unexpected
            )
        else:
            found.add(f"{json_path(where)}: {_keyword(error.schema_path)}")
    return sorted(found)


def describe(
    check: str,
    failure: Any,
    response: Any,
    explain: Callable[[Any], list[str]] | None = None,
    declared: frozenset[str] = frozenset(),
) -> list[str]:
    """Short descriptions of one failure that do not depend on generated values (a
    refused request gives one per key it names: the set of keys varies with the data)."""
    if check == "positive_data_acceptance":
        return [
            f"{response.status_code} refuses {key}" for key in refused_keys(response, declared)
        ] or [f"{response.status_code} refuses the request"]
    if check == "response_schema_conformance" and explain is not None:
        found = explain(response)  # every violation, unions explained, not only the first
        if found:
            return [f"{response.status_code} {violation}" for violation in found]
    return [_describe(check, failure, response)]


def _describe(check: str, failure: Any, response: Any) -> str:
    status = response.status_code
    if check == "response_schema_conformance" and hasattr(failure, "instance_path"):
        return f"{status} {json_path(failure.instance_path)}: {_keyword(failure.schema_path)}"
    if check == "status_code_conformance":
        return f"undocumented status {status}"
    if check == "content_type_conformance":
        media = response.headers.get("content-type", ["-"])
        media = media[0] if isinstance(media, list) else media
        return f"{status} content type {str(media).split(';')[0]}"
    if check == "not_a_server_error":
        return f"status {status}"
    return f"{status} {getattr(failure, 'title', type(failure).__name__)}"


# ------------------------------------------------------------------ the run


def plain_config() -> Any:
    """schemathesis' defaults and nothing else. Explicit, because ``from_dict`` would
    otherwise read whatever ``schemathesis.toml`` lies in the working folder or its
    parents (a per-operation allowance there once hid 29 refusals from this gate): every
    place the emulator is stricter than IonQ's document must be a finding, listed in
    deviations.yaml with its evidence, not a status let through."""
    from schemathesis.config import SchemathesisConfig

    return SchemathesisConfig.from_dict({})


@dataclass
class Run:
    """What one run exercised and found."""

    version: str
    results_style: str
    cases: Counter[str] = field(default_factory=Counter)
    findings: dict[str, str] = field(default_factory=dict)  # key -> one example message
    errors: list[str] = field(default_factory=list)  # transport errors etc.
    seconds: float = 0.0

    def summary(self, verdict: Verdict | None = None) -> str:
        """``official (ionq-core 0.2.0): N cases over M operations, K findings, ...``: K
        counts every distinct finding (listed or not), nothing let through uncounted."""
        line = (
            f"official (ionq-core {self.version}): {sum(self.cases.values())} cases over "
            f"{len(self.cases)} operations, {len(self.findings)} findings"
        )
        if verdict is not None:
            line += (
                ", all in deviations.yaml"
                if verdict.ok
                else f", {len(verdict.new)} not in deviations.yaml, "
                f"{len(verdict.stale)} stale entries"
            )
            if verdict.unmet:
                count = len(verdict.unmet)
                line += (
                    f" ({count} listed {'entry' if count == 1 else 'entries'} that varies not met)"
                )
        return line


class Fixtures:
    """Real resources on the emulator for path parameters to name."""

    BELL: ClassVar[list[dict[str, Any]]] = [
        {"gate": "h", "targets": [0]},
        {"gate": "cnot", "controls": [0], "targets": [1]},
    ]
    JOBS: tuple[dict[str, Any], ...] = (
        {"type": "ionq.circuit.v1", "backend": "simulator", "shots": 100,
         "name": "bell", "metadata": {"purpose": "official"},
         "input": {"gateset": "qis", "qubits": 2, "circuit": BELL}},
        {"type": "ionq.circuit.v1", "backend": "qpu.forte-1", "shots": 500,
         "settings": {"error_mitigation": {"debiasing": True}},
         "input": {"gateset": "qis", "qubits": 2, "circuit": BELL}},
        {"type": "ionq.multi-circuit.v1", "backend": "simulator", "shots": 100,
         "input": {"gateset": "qis", "qubits": 2,
                   "circuits": [{"name": "a", "circuit": BELL}, {"name": "b", "circuit": BELL}]}},
        {"type": "ionq.qasm3.v1", "backend": "simulator", "shots": 100,
         "input": {"data": "OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\n"
                           "c = measure q;\n"}},
        {"type": "ionq.circuit.v1", "backend": "qpu.forte-1", "shots": 100, "dry_run": True,
         "input": {"gateset": "qis", "qubits": 2, "circuit": BELL}},
        {"type": "quantum-function", "backend": "simulator", "shots": 100,
         "input": {"data": {"type": "hamiltonian-energy", "data": {
             "hamiltonian": [{"pauli_string": "ZZ", "coefficient": 0.5}],
             "ansatz": {"data": "OPENQASM 3.0;\ninput float theta;\nqubit[2] q;\n"
                                "ry(theta) q[0];\ncx q[0], q[1];\n"}}},
                   "params": [0.3]}},
        {"type": "qctrl.qaoa.v1", "backend": "simulator",
         "input": {"problem_type": "maxcut", "problem": {"directed": False, "multigraph": False,
                   "graph": [], "nodes": [{"id": 0}, {"id": 1}],
                   "adjacency": [[{"id": 1}], [{"id": 0}]]}},
         "external_settings": {"api_credentials": "not-a-real-qctrl-key"}},
    )  # fmt: skip
    DESTRUCTIVE = frozenset(
        {"DeleteJob", "CancelJob", "MoveJob", "DeleteJobs", "CancelJobs", "EndSession"}
    )

    def __init__(self, schema: Any, runner: Runner) -> None:
        self.schema, self.runner = schema, runner
        self.http = runner.http
        self.jobs: list[dict[str, Any]] = []
        self.sessions: list[str] = []
        create = schema.find_operation_by_id("CreateJob")
        for body in self.JOBS:
            response = runner.hand_made(create, body=body)
            if response is not None and response.status_code == 201:
                self.jobs.append(self.http.get(f"/jobs/{response.json()['id']}").json())
        created = runner.hand_made(
            schema.find_operation_by_id("CreateSession"), body={"backend": "simulator"}
        )
        if created is not None and created.status_code == 201:
            session = created.json()
            self.sessions.append(session["id"])
            self.organization = session.get("organization_id")
            runner.hand_made(create, body={**self.JOBS[0], "session_id": session["id"]})
        self.backends = tuple(b["backend"] for b in self.http.get("/backends").json())
        self.characterizations: dict[str, list[str]] = {}
        for backend in self.backends:
            found = self.http.get(f"/backends/{backend}/characterizations").json()
            self.characterizations[backend] = [
                c["id"] for c in found.get("characterizations") or []
            ]

    @staticmethod
    def _pick(seed: Any, choices: list[Any]) -> Any:
        digest = hashlib.sha256(repr(seed).encode("utf-8", "surrogatepass")).digest()
        return choices[digest[0] % len(choices)]

    def fresh_job(self) -> str:
        answer = self.http.post("/jobs", json=self.JOBS[0])
        return str(answer.json()["id"])

    def fresh_session(self) -> str:
        return str(self.http.post("/sessions", json={"backend": "simulator"}).json()["id"])

    def steer(self, case: Any) -> None:
        """Point path parameters (and bulk ``ids``) at resources that exist."""
        op_id = case.operation.definition.raw.get("operationId")
        destructive = op_id in self.DESTRUCTIVE
        params = case.path_parameters if isinstance(case.path_parameters, dict) else {}
        if "UUID" in params and "/characterizations/" in case.path:
            ids = self.characterizations.get(params.get("backend"), [])
            if ids:
                params["UUID"] = self._pick(params["UUID"], ids)
        elif "UUID" in params and self.jobs:
            job = self._pick(params["UUID"], self.jobs)
            params["UUID"] = self.fresh_job() if destructive else job["id"]
            if "artifactId" in params:
                results = (job.get("results") or {}).values()  # a function's are numbers
                artifacts = [r["id"] for r in results if isinstance(r, dict) and "id" in r]
                if artifacts:
                    params["artifactId"] = self._pick(params["artifactId"], artifacts)
        if "session_id" in params and self.sessions:
            params["session_id"] = (
                self.fresh_session()
                if destructive
                else self._pick(params["session_id"], self.sessions)
            )
        if "organization_id" in params and getattr(self, "organization", None):
            params["organization_id"] = self.organization
        body = case.body if isinstance(case.body, dict) else {}
        if destructive and isinstance(body.get("ids"), list):
            body["ids"] = [self.fresh_job() for _ in body["ids"][:3]] or [self.fresh_job()]


class Runner:
    """One emulator, IonQ's document as a schemathesis schema, and the findings."""

    def __init__(self, document: Mapping[str, Any], url: str, run: Run) -> None:
        import httpx
        import schemathesis
        import schemathesis.checks

        from tests.spec.contract import harness

        self.run = run
        self.harness = harness
        self.document = document
        self.declared: dict[str, frozenset[str]] = {}
        self.schema = schemathesis.openapi.from_dict(dict(document), config=plain_config())
        self.schema.config.update(
            headers={"Authorization": f"apiKey {KEY}"}, base_url=url, request_timeout=30.0
        )
        self.schema.config.generation.update(
            modes=[schemathesis.GenerationMode.POSITIVE], deterministic=True, database="none"
        )
        self.auth = {"Authorization": f"apiKey {KEY}"}  # hand-made cases lack the config's
        self.http = httpx.Client(base_url=url, headers=self.auth)
        self.backends: tuple[str, ...] = tuple(
            b["backend"] for b in self.http.get("/backends").json()
        )
        self.checks: dict[str, Callable[..., Any]] = {
            name: getattr(schemathesis.checks, name) for name in CHECK_NAMES
        }
        self.checks["positive_data_acceptance"] = harness.acceptance_check(self.backends)

    def close(self) -> None:
        self.http.close()

    def validate(self, case: Any, response: Any) -> None:
        """Each check on its own, so each failure is attributed to the check that saw it."""
        from schemathesis.core.failures import Failure, FailureGroup

        label = f"{case.operation.method.upper()} {case.operation.path}"
        explain = self._explainer(case)
        for name, check in self.checks.items():
            try:
                case.validate_response(response, checks=[check])
            except FailureGroup as group:
                failures: list[Any] = list(group.exceptions)
            except Failure as failure:
                failures = [failure]
            else:
                continue
            for failure in failures:
                for what in describe(name, failure, response, explain, self._declared(case)):
                    key = f"{label} {name}: {what}"
                    self.run.findings.setdefault(key, str(getattr(failure, "title", failure)))

    def _declared(self, case: Any) -> frozenset[str]:
        label = f"{case.operation.method.upper()} {case.operation.path}"
        if label not in self.declared:
            raw = dict(case.operation.definition.raw)
            item = self.document["paths"].get(case.operation.path, {})
            raw["parameters"] = [*item.get("parameters", []), *raw.get("parameters", [])]
            self.declared[label] = request_paths(self.document, raw)
        return self.declared[label]

    def _explainer(self, case: Any) -> Callable[[Any], list[str]]:
        responses = case.operation.definition.raw.get("responses", {})

        def explain(response: Any) -> list[str]:
            status = str(response.status_code)
            declared = responses.get(status) or responses.get(f"{status[0]}XX") or {}
            declared, _ = resolve(self.document, declared, frozenset())
            content = declared.get("content") or {}
            media = next((m for m in content if "json" in m), None)
            if media is None or "schema" not in content[media]:
                return []
            try:
                body = response.json()
            except ValueError:
                return []
            return schema_violations(self.document, content[media]["schema"], body)

        return explain

    def send(self, case: Any) -> Any:
        label = f"{case.operation.method.upper()} {case.operation.path}"
        self.run.cases[label] += 1
        try:
            response = case.call()
        except Exception as exc:  # a dropped connection is a finding too, keyed by its type
            self.run.findings.setdefault(
                f"{label} not_a_server_error: transport {type(exc).__name__}", str(exc)
            )
            return None
        self.validate(case, response)
        return response

    def hand_made(self, operation: Any, *, body: Any) -> Any:
        case = operation.Case(body=body, media_type="application/json", headers=self.auth)
        return self.send(case)

    def fuzz(self, operation: Any, fixtures: Fixtures, max_examples: int) -> None:
        import hypothesis
        from schemathesis import GenerationMode

        strategy = operation.as_strategy(generation_mode=GenerationMode.POSITIVE)

        @hypothesis.settings(
            max_examples=max_examples,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(hypothesis.HealthCheck),
            phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        )
        @hypothesis.given(strategy)
        def one(case: Any) -> None:
            self.harness.steer(case, self.backends)
            fixtures.steer(case)
            self.send(case)

        one()


def check(
    version: str = official.PINNED,
    *,
    results_style: str = "artifacts",
    max_examples: int = MAX_EXAMPLES,
    overlay: bool = True,
) -> Run:
    """Run IonQ's document against a fresh emulator; every finding, keyed."""
    from ionq_emulator import EmulatorConfig, run_emulator

    started = time.monotonic()
    document, _ = load_ionq(version, overlay=overlay)
    run = Run(official.fetch(version).name, results_style)
    config = EmulatorConfig(
        keys=(KEY,),
        seed=7,
        ready_after=0,
        start_after=0,
        run_time=0,
        results_style=results_style,  # type: ignore[arg-type]
    )
    with run_emulator(config) as emulator:
        runner = Runner(document, emulator.url, run)
        try:
            fixtures = Fixtures(runner.schema, runner)
            for result in runner.schema.get_all_operations():
                runner.fuzz(result.ok(), fixtures, max_examples)
        finally:
            runner.close()
        run.errors.extend(emulator.internal_errors)
    run.seconds = time.monotonic() - started
    return run


def operations_only_one_side(version: str = official.PINNED) -> tuple[list[str], list[str]]:
    """(IonQ's operations we lack, ours IonQ lacks), path parameter names ignored."""
    from scripts.official_diff import load_ours, operations

    ours, theirs = operations(load_ours()), operations(load_ionq(version)[0])
    return sorted(set(theirs) - set(ours)), sorted(set(ours) - set(theirs))


def report(run: Run, verdict: Verdict, deviations: list[Deviation]) -> Iterator[str]:
    reasons = {d.key: d.reason for d in deviations}
    for key in sorted(run.findings):
        mark = "new  " if key in verdict.new else "known"
        yield f"  {mark} {key}" + (f"  [{reasons[key]}]" if key in reasons else "")
    for key in verdict.stale:
        yield f"  stale {key}  (listed in deviations.yaml, no longer occurs)"
    for key in verdict.unmet:
        yield f"  unmet {key}  (varies: not met by this run's draws)"
    for error in run.errors:
        yield f"  emulator internal error: {error}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=official.PINNED, help="ionq-core version or latest")
    parser.add_argument("--results", choices=("artifacts", "urls"), default="artifacts")
    parser.add_argument("--max-examples", type=int, default=MAX_EXAMPLES)
    parser.add_argument("--no-overlay", action="store_true")
    parser.add_argument(
        "--report-only", action="store_true", help="print, but exit 0 whatever was found"
    )
    args = parser.parse_args(argv)
    run = check(
        args.version,
        results_style=args.results,
        max_examples=args.max_examples,
        overlay=not args.no_overlay,
    )
    deviations = load_deviations()
    verdict = compare(run.findings, deviations)
    theirs_only, ours_only = operations_only_one_side(args.version)
    print(f"IonQ's operations the emulator lacks: {', '.join(theirs_only) or 'none'}")
    print(f"our operations IonQ's document lacks: {', '.join(ours_only) or 'none'}")
    print("IonQ's document declares no links: no stateful run")
    for line in report(run, verdict, deviations):
        print(line)
    print(
        f"{args.results} results, {args.max_examples} examples per operation, {run.seconds:.1f} s"
    )
    print(run.summary(verdict))
    if not verdict.ok and not args.report_only:
        print(
            "official: a finding not in openapi/deviations.yaml, or an entry there that no "
            "longer occurs: fix the emulator, or add/remove the entry with a reason",
            file=sys.stderr,
        )
    return 0 if verdict.ok or args.report_only else 1


if __name__ == "__main__":
    sys.exit(main())
