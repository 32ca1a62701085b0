"""One schemathesis suite for the emulator and for live IonQ-compatible servers.

``test_schemathesis`` (the emulator, every run) and ``live_contract`` (opt-in, any
server) build their schemas here, so both apply the same checks, the same narrow
allowance for IonQ's semantic rules, and report their counts the same way: a line
per suite in pytest's terminal summary, visible without ``-s``.
"""

from __future__ import annotations

import copy
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import hypothesis
import schemathesis
import schemathesis.checks
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup
from schemathesis.generation import GenerationMode

from ionq_emulator import openapi

__all__ = [
    "SPEC",
    "TALLIES",
    "Tally",
    "load_schema",
    "run_case",
    "state_machine",
]

# ------------------------------------------------------------------ reporting


@dataclass
class Tally:
    """What one suite exercised, for the summary line."""

    modes: str
    cases: Counter[str] = field(default_factory=Counter)
    steps: int = 0
    failures: set[tuple[str, str]] = field(default_factory=set)  # (operation, check failed)
    links: set[str] = field(default_factory=set)  # links (spec's and inferred) followed to a 2xx

    @property
    def findings(self) -> int:
        """Distinct (operation, failure) pairs: shrinking repeats the same one."""
        return len(self.failures)

    def line(self, name: str) -> str:
        stateful = "stateful: not run"
        if self.steps:
            stateful = f"stateful: {self.steps:,} steps, {len(self.links)} links followed"
        return (
            f"schemathesis ({name}): {sum(self.cases.values()):,} cases over "
            f"{len(self.cases)} operations ({self.modes}), {stateful}, {self.findings} findings"
        )


TALLIES: dict[str, Tally] = {}
"""Suites that ran in this session, by name; filled by the test modules."""


# ------------------------------------------------------------------ the schema

SPEC: dict[str, Any] = openapi.load_spec()
NOISE_MODELS = frozenset(SPEC["components"]["schemas"]["NoiseModel"]["enum"])


def load_schema(
    *,
    key: str,
    spec: Mapping[str, Any] | None = None,
    app: Any = None,
    base_url: str | None = None,
    modes: Iterable[GenerationMode] = tuple(GenerationMode),
    max_examples: int,
    timeout: float = 30.0,
) -> Any:
    """The spec as a schemathesis schema: in-process when ``app`` is given, else over HTTP.

    Deterministic and database-free, so runs repeat exactly and write no ``.hypothesis/``.
    The key goes in ``Authorization: apiKey <key>``: IonQ wants the word ``apiKey`` too.
    """
    # An explicit, default config: from_dict would otherwise discover a
    # schemathesis.toml in the working folder or its parents and narrow checks by it.
    schema = schemathesis.openapi.from_dict(
        copy.deepcopy(dict(spec or SPEC)), config=SchemathesisConfig()
    )
    if app is not None:
        schema.app = app  # requests go through ASGI, under the spec's /v0.4 base path
    schema.config.update(
        headers={"Authorization": f"apiKey {key}"},
        base_url=base_url,
        request_timeout=timeout,
    )
    schema.config.generation.update(
        modes=list(modes), max_examples=max_examples, deterministic=True, database="none"
    )
    return schema


# -------------------------------------------- IonQ's rules beyond the schema


def _body(case: Any) -> dict[str, Any]:
    return case.body if isinstance(case.body, dict) else {}


def _query(case: Any) -> dict[str, Any]:
    return case.query if isinstance(case.query, dict) else {}


def steer(case: Any, backends: tuple[str, ...]) -> None:
    """Point schema-valid cases at backends that exist.

    ``backend`` is any string to the spec (IonQ adds machines), so generated names
    almost never exist and every positive job or session would stop at "no such
    backend". Mapping them (deterministically) onto the server's own backends lets
    positive cases reach job intake and the stateful run create jobs to follow.
    Negative cases are left alone: their breakage must reach the server intact.
    """
    if case.meta is None or not case.meta.generation.mode.is_positive or not backends:
        return
    for container in (_body(case), _query(case)):
        name = container.get("backend")
        if isinstance(name, str) and name not in backends:
            digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).digest()
            container["backend"] = backends[digest[0] % len(backends)]


_BELL = [{"gate": "h", "targets": [0]}, {"gate": "cnot", "control": 0, "target": 1}]
_RUNNABLE: dict[str, dict[str, Any]] = {
    "ionq.circuit.v1": {"gateset": "qis", "qubits": 2, "circuit": _BELL},
    "ionq.multi-circuit.v1": {"gateset": "qis", "qubits": 2, "circuits": [{"circuit": _BELL}]},
    "ionq.qasm3.v1": {"data": "OPENQASM 3.0;\nqubit[2] q;\nh q[0];\ncx q[0], q[1];\n"},
}


def runnable(case: Any) -> None:
    """Give a schema-valid job an input IonQ's rules accept, and let it really run.

    Random gates almost always break a rule the schema cannot state (a qubit out of
    range, an ``rx`` without rotation), random OpenQASM does not compile, and a dry
    run has no results: each leaves links with nothing to follow. Only the stateful
    run does this: the stateless run fuzzes inputs as generated.
    """
    body = _body(case)
    job_type = body.get("type")
    if not isinstance(body.get("input"), dict) or job_type not in _RUNNABLE:
        return
    body["input"] = copy.deepcopy(_RUNNABLE[job_type])
    body.pop("dry_run", None)


def _explained(case: Any, key: str, backends: tuple[str, ...]) -> bool:
    """Whether one refused key breaks a rule the schema cannot state, for this request."""
    body = _body(case)
    # An unknown backend, session or cursor is a 404 and a session's state a 409,
    # which schemathesis accepts for valid data; an empty usage range is an empty
    # report; a circuit breaking a gate rule fails its job. Our spec closes noise
    # models; IonQ's document (make official) lists them only in prose:
    if key == "noise.model":
        noise = body.get("noise")
        return isinstance(noise, dict) and noise.get("model") not in NOISE_MODELS
    return False


def semantic_rejection(case: Any, response: Any, backends: tuple[str, ...]) -> bool:
    """A 400 for schema-valid data that IonQ's semantic rules fully explain.

    Only a noise model outside ``NoiseModel`` is left: our spec states the list as an
    enum, IonQ's document (which ``make official`` runs) as a plain string. Each key
    the server names is re-derived here from the request itself, so a 400 for a
    genuinely valid request (a validator bug) is still a finding.
    """
    if response.status_code != 400:
        return False
    try:
        error = response.json()
        keys = set(error["validation"]["keys"])
    except (ValueError, KeyError, TypeError):
        return False
    if not keys:
        return False
    return all(_explained(case, key, backends) for key in keys)


def acceptance_check(backends: tuple[str, ...]) -> Callable[..., bool | None]:
    """schemathesis's ``positive_data_acceptance``, except for :func:`semantic_rejection`."""
    builtin = schemathesis.checks.positive_data_acceptance

    # Not registered with @schemathesis.check: that would add it to every schema's defaults.
    def positive_data_acceptance_beyond_semantics(ctx: Any, response: Any, case: Any) -> Any:
        if (
            case.meta is not None
            and case.meta.generation.mode.is_positive
            and semantic_rejection(case, response, backends)
        ):
            return None
        return builtin(ctx, response, case)

    return positive_data_acceptance_beyond_semantics


def _results_absent(case: Any, response: Any) -> bool:
    """Whether the job behind a results URL has, by the spec, no such results.

    The spec's 404 covers "its results are not ready": a job that failed, was
    canceled or was only a dry run has none, and a multi-circuit parent keeps per-state
    results on its children (the aggregate is its only one). Asked of the server
    itself, with ``getJob``, so a completed job whose results 404 is still a finding.
    """
    job_id = (case.path_parameters or {}).get("job_id")
    if not isinstance(job_id, str):
        return False
    get_job = case.operation.schema.find_operation_by_id("getJob")
    auth = response.request.headers.get("Authorization")  # as the checked request sent it
    headers = {"Authorization": auth} if auth else {}
    answer = get_job.Case(path_parameters={"job_id": job_id}).call(headers=headers)
    if answer.status_code != 200:
        return False
    job = answer.json()
    multi = job.get("type") == "ionq.multi-circuit.v1"
    aggregated = case.path.endswith("/aggregated")
    return bool(job.get("status") != "completed" or job.get("dry_run") or multi != aggregated)


def _availability_beyond_results(ctx: Any, response: Any, case: Any) -> Any:
    """schemathesis's ``ensure_resource_availability``, except for absent results.

    It reads a 404 on anything under a just-created job as "the job is gone"; for
    ``/results/...`` the spec documents 404 for results that do not exist (yet).
    """
    if response.status_code == 404 and "/results/" in case.path and _results_absent(case, response):
        return None
    return schemathesis.checks.ensure_resource_availability(ctx, response, case)


def _checks(backends: tuple[str, ...]) -> dict[str, Any]:
    """``call_and_validate``/``validate_response`` arguments: all checks, two narrowed."""
    return {
        "excluded_checks": [
            schemathesis.checks.positive_data_acceptance,
            schemathesis.checks.ensure_resource_availability,
        ],
        "additional_checks": [acceptance_check(backends), _availability_beyond_results],
    }


def _validate(case: Any, run: Callable[[], Any], tally: Tally) -> Any:
    try:
        return run()
    except FailureGroup as exc:
        tally.failures.update((case.operation.label, f.title) for f in exc.exceptions)
        raise


def validated_call(case: Any, tally: Tally, backends: tuple[str, ...]) -> Any:
    """Send a hand-made case with the same checks as generated ones; its response."""
    return _validate(case, lambda: case.call_and_validate(**_checks(backends)), tally)


def run_case(case: Any, tally: Tally, backends: tuple[str, ...]) -> None:
    """Send one generated case and apply every check (the acceptance one as above)."""
    steer(case, backends)
    tally.cases[case.operation.label] += 1
    _validate(
        case,
        lambda: case.call_and_validate(**_checks(backends)),
        tally,
    )


def state_machine(
    schema: Any,
    tally: Tally,
    backends: tuple[str, ...],
    settings: hypothesis.settings,
    *,
    required_links: frozenset[str] = frozenset(),
) -> type:
    """A stateful ``TestCase`` following the spec's links, with the same checks and counts.

    It fails unless each of ``required_links`` was followed to a 2xx at least once: a
    run that never got a job created would otherwise pass empty. (Which links a random
    run reaches varies with the environment, so exhaustive link coverage is the job of
    the deterministic workflow test.)
    """
    # Only the spec's links: inferred ones (a session id tried as a job id, ...) mostly
    # lead to 404s and crowd out the documented flows in a small budget.
    schema.config.phases.stateful.inference.algorithms = []
    base = schema.as_state_machine()
    checks = _checks(backends)

    class Machine(base):  # type: ignore[misc, valid-type]
        def before_call(self, case: Any) -> None:
            steer(case, backends)
            if case.meta is not None and case.meta.generation.mode.is_positive:
                runnable(case)
            tally.steps += 1

        def step(self, input: Any) -> Any:
            output = super().step(input)
            link = input.transition
            if link is not None and input.is_applied and output.response.status_code < 300:
                # "POST /jobs -> [201] GetCreatedJob -> GET /jobs/{job_id}"
                tally.links.add(link.id.split(" -> ")[1].partition("] ")[2])
            return output

        def validate_response(
            self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any
        ) -> None:
            _validate(
                case,
                lambda: case.validate_response(
                    response,
                    excluded_checks=checks["excluded_checks"],
                    additional_checks=[*checks["additional_checks"], *(additional_checks or [])],
                    transport_kwargs=kwargs or None,
                    recorder=getattr(self, "recorder", None),
                ),
                tally,
            )

    class LinksTestCase(Machine.TestCase):  # type: ignore[misc, name-defined]
        def runTest(self) -> None:
            super().runTest()
            missing = sorted(required_links - tally.links)
            assert not missing, f"the stateful run never followed these links: {missing}"

    LinksTestCase.settings = settings
    return LinksTestCase


def spec_links(spec: Mapping[str, Any]) -> set[str]:
    """Names of every link the spec declares."""
    return {
        name
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict)
        for response in operation.get("responses", {}).values()
        for name in response.get("links", {})
    }
