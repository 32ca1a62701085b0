"""The bad-input table: malformed calls across the whole public surface.

Every row is one malformed call. For each, on both ``IonQClient`` and
``AsyncIonQClient``, the call must:

1. raise ``IonQValidationError`` (``IonQCredentialsError`` for a bad API key);
2. name the offending field as the user knows it (``exc.field``), with a problem
   (``exc.problem``) in a message of sane length (a 1 MB id is not echoed back);
3. send nothing: the clients run over an ``httpx.MockTransport`` that records every
   request, and the record must be empty after the call;
4. never show the API key in ``str(exc)`` or ``repr(exc)``.

Client rows take a client; constructor rows take the client class and the recording
httpx client. Builder mistakes (a bad gate, a bad ``IonQJob`` field) are driven through
``submit_job``, so they may be caught when built or when submitted: either way, before
anything is sent.
"""

from __future__ import annotations

import asyncio
import datetime
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from ionq_client import (
    AsyncIonQClient,
    Circuit,
    ErrorMitigation,
    IonQClient,
    IonQCredentialsError,
    IonQJob,
    IonQValidationError,
    NativeCircuit,
    Noise,
)

KEY = "sk-bad-input-7f3a9c"
KEY_FRAGMENTS = ("sk-bad-input", "7f3a9c")
BASE = "https://api.ionq.co/v0.4"
NAN = float("nan")
INF = float("inf")
ONE_MB = "x" * 1_000_000
FIVE_MB = "v" * 5_000_000
#: An error message longer than this echoes the input instead of naming the problem.
MAX_MESSAGE = 1000
DATES = {"start_date": datetime.date(2024, 1, 1), "end_date": datetime.date(2024, 2, 1)}


@dataclass(frozen=True)
class Row:
    id: str
    call: Callable[..., Any]
    field: str | None  # None: a credentials error, which names no field
    error: type[Exception] = IonQValidationError


def bell() -> Circuit:
    return Circuit(2).h(0).cx(0, 1)


def job(**fields: Any) -> IonQJob:
    """A valid job on the Bell circuit, with ``fields`` changed."""
    fields.setdefault("circuit", bell())
    return IonQJob(**fields)


def submit(**fields: Any) -> Callable[[Any], Any]:
    return lambda c: c.submit_job(job(**fields))


def submit_circuit(build: Callable[[], Any]) -> Callable[[Any], Any]:
    return lambda c: c.submit_job(IonQJob(circuit=build()))


def raw_payload(**changes: Any) -> dict[str, Any]:
    """A valid raw create-job body, with top-level ``changes`` (None deletes a key)."""
    payload: dict[str, Any] = {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "shots": 100,
        "input": {
            "qubits": 2,
            "gateset": "qis",
            "circuit": [
                {"gate": "h", "targets": [0]},
                {"gate": "cnot", "controls": [0], "targets": [1]},
            ],
        },
    }
    for key, value in changes.items():
        if value is None:
            payload.pop(key, None)
        else:
            payload[key] = value
    return payload


def raw_input(**changes: Any) -> dict[str, Any]:
    """The raw body with ``input`` keys changed."""
    payload = raw_payload()
    payload["input"] = {**payload["input"], **changes}
    return payload


# ------------------------------------------------------------------ ids in paths
BAD_IDS: list[tuple[str, Any]] = [
    ("empty", ""),
    ("none", None),
    ("int", 42),
    ("slash", "a/b"),
    ("question-mark", "a?b"),
    ("hash", "a#b"),
    ("dotdot", ".."),
    ("blank", "   "),
    ("nul", "a\x00b"),
    ("newline", "a\nb"),
    ("percent-encoded-slash", "a%2Fb"),
    ("1mb", ONE_MB),
]

ID_METHODS: list[tuple[str, str, Callable[[Any, Any], Any]]] = [
    ("retrieve_job", "job_id", lambda c, v: c.retrieve_job(v)),
    ("cancel_job", "job_id", lambda c, v: c.cancel_job(v)),
    ("delete_job", "job_id", lambda c, v: c.delete_job(v)),
    ("get_results", "job_id", lambda c, v: c.get_results(v)),
    ("get_job_cost", "job_id", lambda c, v: c.get_job_cost(v)),
    ("clone_job", "job_id", lambda c, v: c.clone_job(v)),
    ("move_job", "job_id", lambda c, v: c.move_job(v)),
    ("get_histogram", "job_id", lambda c, v: c.get_histogram(v)),
    ("get_shots", "job_id", lambda c, v: c.get_shots(v)),
    ("wait_for_job", "job_id", lambda c, v: c.wait_for_job(v)),
    ("get_artifact.job_id", "job_id", lambda c, v: c.get_artifact(v, "artifact-1")),
    ("get_artifact.artifact_id", "artifact_id", lambda c, v: c.get_artifact("job-1", v)),
    ("get_session", "session_id", lambda c, v: c.get_session(v)),
    ("end_session", "session_id", lambda c, v: c.end_session(v)),
    ("iter_session_jobs", "session_id", lambda c, v: c.iter_session_jobs(v)),
    ("get_backend", "backend", lambda c, v: c.get_backend(v)),
    ("get_calibration_data", "backend", lambda c, v: c.get_calibration_data(v)),
    (
        "get_characterization",
        "characterization_id",
        lambda c, v: c.get_characterization("simulator", v),
    ),
    (
        "get_organization_usage",
        "organization_id",
        lambda c, v: c.get_organization_usage(v, **DATES),
    ),
]


def _id_row(method: str, field: str, call: Callable[[Any, Any], Any], name: str, value: Any) -> Row:
    return Row(f"{method}-{name}", lambda c: call(c, value), field)


ID_ROWS = [
    _id_row(method, field, call, name, value)
    for method, field, call in ID_METHODS
    for name, value in BAD_IDS
]

# ------------------------------------------------------------------ bulk ids
MANY = [f"job-{i}" for i in range(1200)]

BULK_ROWS = [
    Row(f"{method}-{name}", lambda c, m=method, v=value: getattr(c, m)(v), field)
    for method in ("cancel_jobs", "delete_jobs")
    for name, value, field in [
        ("slash-at-2", ["job-1", "job-2", "a/b"], "job_ids[2]"),
        ("none-at-1", ["job-1", None], "job_ids[1]"),
        ("empty-at-0", ["", "job-2"], "job_ids[0]"),
        ("1mb-at-1", ["job-1", ONE_MB], "job_ids[1]"),
        ("bad-in-second-chunk", [*MANY, "a?b"], "job_ids[1200]"),
        ("a-string-not-a-list", "job-1", "job_ids"),
        ("none", None, "job_ids"),
    ]
]

# ------------------------------------------------------------------ circuits
CIRCUIT_ROWS = [
    Row("circuit-rx-nan", submit_circuit(lambda: Circuit(2).rx(0, NAN)), "circuit[0].rotation"),
    Row("circuit-rx-inf", submit_circuit(lambda: Circuit(2).rx(0, INF)), "circuit[0].rotation"),
    Row(
        "circuit-rx-string",
        submit_circuit(lambda: Circuit(2).rx(0, "0.5")),
        "circuit[0].rotation",
    ),
    Row(
        "native-gpi-phase-nan",
        submit_circuit(lambda: NativeCircuit(1).gpi(0, NAN)),
        "circuit[0].phase",
    ),
    Row(
        "circuit-qubit-negative",
        submit_circuit(lambda: Circuit(2).h(-1)),
        "circuit[0].targets[0]",
    ),
    Row(
        "circuit-qubit-out-of-range",
        submit_circuit(lambda: Circuit(2).h(2)),
        "circuit[0].targets[0]",
    ),
    Row("circuit-qubit-bool", submit_circuit(lambda: Circuit(2).h(True)), "circuit[0].targets[0]"),
    Row(
        "circuit-qubit-float",
        submit_circuit(lambda: Circuit(2).h(0.5)),
        "circuit[0].targets[0]",
    ),
    Row(
        "circuit-control-is-target",
        submit_circuit(lambda: Circuit(2).cx(0, 0)),
        "circuit[0].controls[0]",
    ),
    Row(
        "circuit-second-gate-control-is-target",
        submit_circuit(lambda: Circuit(2).h(0).cx(1, 1)),
        "circuit[1].controls[0]",
    ),
    Row(
        "circuit-unknown-gate",
        submit_circuit(lambda: Circuit(1).add("foo", targets=[0])),
        "circuit[0].gate",
    ),
    Row(
        "circuit-native-gate-in-qis",
        submit_circuit(lambda: Circuit(1).add("gpi", target=0, phase=0.1)),
        "circuit[0].gate",
    ),
    Row(
        "native-circuit-qis-gate",
        submit_circuit(lambda: NativeCircuit(1).add("h", targets=[0])),
        "circuit[0].gate",
    ),
    Row(
        "native-ms-angle-over-quarter",
        submit_circuit(lambda: NativeCircuit(2).ms(0, 1, angle=0.3)),
        "circuit[0].angle",
    ),
    Row(
        "native-ms-angle-negative",
        submit_circuit(lambda: NativeCircuit(2).ms(0, 1, angle=-0.1)),
        "circuit[0].angle",
    ),
    Row(
        "native-ms-same-qubit-twice",
        submit_circuit(lambda: NativeCircuit(2).ms(0, 0)),
        "circuit[0].targets[1]",
    ),
    Row(
        "circuit-pauliexp-coefficients-mismatch",
        submit_circuit(lambda: Circuit(2).pauliexp([0, 1], ["XX", "ZZ"], [0.5], 1.0)),
        "circuit[0].coefficients",
    ),
    Row("circuit-width-zero", submit_circuit(lambda: Circuit(0)), "qubits"),
    Row("circuit-width-negative", submit_circuit(lambda: Circuit(-3)), "qubits"),
    Row("circuit-width-bool", submit_circuit(lambda: Circuit(True)), "qubits"),
    Row("circuit-width-string", submit_circuit(lambda: Circuit("2")), "qubits"),
    Row("circuit-name-empty", submit_circuit(lambda: Circuit(1, name="")), "name"),
    Row(
        "register-empty-name",
        submit_circuit(lambda: Circuit(2).h(0).add_register("", [0])),
        "registers",
    ),
    Row(
        "register-qubit-out-of-range",
        submit_circuit(lambda: Circuit(2).h(0).add_register("r", [0, 5])),
        "registers.r[1]",
    ),
    Row(
        "register-without-qubits",
        submit_circuit(lambda: Circuit(2).h(0).add_register("r", [])),
        "registers.r",
    ),
    Row(
        "register-in-single-circuit-job",
        submit_circuit(lambda: Circuit(2).h(0).add_register("r", [0])),
        "registers",
    ),
]

# ------------------------------------------------------------------ jobs (IonQJob)
JOB_ROWS = [
    Row("job-shots-zero", submit(shots=0), "shots"),
    Row("job-shots-negative", submit(shots=-1), "shots"),
    Row("job-shots-over-max", submit(shots=1_000_001), "shots"),
    Row("job-shots-float", submit(shots=2.5), "shots"),
    Row("job-shots-bool", submit(shots=True), "shots"),
    Row("job-shots-string", submit(shots="100"), "shots"),
    Row("job-backend-empty", submit(backend=""), "backend"),
    Row("job-backend-none", submit(backend=None), "backend"),
    Row("job-backend-not-a-string", submit(backend=5), "backend"),
    Row("job-backend-over-100-chars", submit(backend="b" * 101), "backend"),
    Row("job-name-not-a-string", submit(name=5), "name"),
    Row("job-name-over-500-chars", submit(name="n" * 501), "name"),
    Row("job-name-1mb", submit(name=ONE_MB), "name"),
    Row("job-metadata-list", submit(metadata=["a"]), "metadata"),
    Row("job-metadata-11-keys", submit(metadata={f"k{i}": "v" for i in range(11)}), "metadata"),
    Row("job-metadata-41-char-key", submit(metadata={"k" * 41: "v"}), f"metadata.{'k' * 41}"),
    Row("job-metadata-non-string-key", submit(metadata={1: "v"}), "metadata"),
    Row("job-metadata-non-string-value", submit(metadata={"k": 1}), "metadata.k"),
    Row("job-metadata-5mb-value", submit(metadata={"k": FIVE_MB}), "metadata.k"),
    Row("job-session-id-empty", submit(session_id=""), "session_id"),
    Row("job-session-id-not-a-string", submit(session_id=5), "session_id"),
    Row("job-dry-run-string", submit(dry_run="yes"), "dry_run"),
    Row("job-dry-run-int", submit(dry_run=1), "dry_run"),
    Row("job-noise-dict", submit(noise={"model": "ideal"}), "noise"),
    Row("job-noise-empty-model", submit(noise=Noise(model="")), "noise.model"),
    Row("job-noise-negative-seed", submit(noise=Noise(seed=-1)), "noise.seed"),
    Row("job-noise-float-seed", submit(noise=Noise(seed=1.5)), "noise.seed"),
    Row(
        "job-error-mitigation-dict",
        submit(error_mitigation={"debiasing": True}),
        "error_mitigation",
    ),
    Row(
        "job-error-mitigation-non-bool",
        submit(error_mitigation=ErrorMitigation(debiasing="yes")),
        "error_mitigation.debiasing",
    ),
    Row(
        "raw-settings-compilation-removed",
        lambda c: c.submit_job(raw_payload(settings={"compilation": {"opt": 1}})),
        "settings.compilation",
    ),
    Row(
        "raw-settings-compilation-empty",
        lambda c: c.submit_job(raw_payload(settings={"compilation": {}})),
        "settings.compilation",
    ),
    Row("job-circuit-and-circuits", submit(circuits=[bell()]), "circuit"),
    Row("job-no-circuit", submit(circuit=None), "circuit"),
    Row("job-circuit-not-a-circuit", submit(circuit={"gate": "h"}), "circuit"),
    Row("job-circuits-empty", submit(circuit=None, circuits=[]), "circuits"),
    Row("job-too-many-circuits", submit(circuit=None, circuits=[bell()] * 5001), "circuits"),
    Row(
        "job-circuits-mixed-gatesets",
        submit(circuit=None, circuits=[bell(), NativeCircuit(1).gpi(0, 0.1)]),
        "circuits[1]",
    ),
    Row("job-qasm-without-header", submit(circuit=None, qasm="h q[0];"), "qasm"),
    Row("submit-not-a-job", lambda c: c.submit_job(42), "job"),
    Row("submit-a-list", lambda c: c.submit_job(["a"]), "job"),
]

# ------------------------------------------------------------------ raw payloads
RAW_ROWS = [
    Row("raw-unknown-top-level-key", lambda c: c.submit_job(raw_payload(bogus=1)), "bogus"),
    Row("raw-unknown-input-key", lambda c: c.submit_job(raw_input(extra=1)), "input.extra"),
    Row("raw-input-qubits-string", lambda c: c.submit_job(raw_input(qubits="2")), "input.qubits"),
    Row(
        "raw-input-circuit-not-a-list",
        lambda c: c.submit_job(raw_input(circuit="h 0")),
        "input.circuit",
    ),
    Row(
        "raw-gate-rotation-nan",
        lambda c: c.submit_job(
            raw_input(circuit=[{"gate": "rx", "targets": [0], "rotation": NAN}])
        ),
        "input.circuit[0].rotation",
    ),
    Row("raw-unknown-type", lambda c: c.submit_job(raw_payload(type="ionq.bogus.v1")), "type"),
    Row("raw-missing-backend", lambda c: c.submit_job(raw_payload(backend=None)), "backend"),
    Row("raw-shots-list", lambda c: c.submit_job(raw_payload(shots=[100])), "shots"),
    Row("raw-shots-leading-zero", lambda c: c.submit_job(raw_payload(shots="0100")), "shots"),
    Row("raw-name-over-500-chars", lambda c: c.submit_job(raw_payload(name="n" * 501)), "name"),
    Row(
        "raw-settings-unknown-key",
        lambda c: c.submit_job(raw_payload(settings={"bogus": True})),
        "settings.bogus",
    ),
    Row(
        "raw-error-mitigation-non-bool",
        lambda c: c.submit_job(raw_payload(settings={"error_mitigation": {"debiasing": "yes"}})),
        "settings.error_mitigation.debiasing",
    ),
]

# ------------------------------------------------------------------ cost estimate
ESTIMATE_ROWS = [
    Row(f"estimate_job-{name}", lambda c, q=query: c.estimate_job("simulator", **q), field)
    for name, query, field in [
        ("qubits-negative", {"qubits": -5}, "qubits"),
        ("qubits-bool", {"qubits": True}, "qubits"),
        ("shots-zero", {"shots": 0}, "shots"),
        ("shots-over-max", {"shots": 1_000_001}, "shots"),
        ("one_qubit_gates-negative", {"one_qubit_gates": -1}, "one_qubit_gates"),
        ("two_qubit_gates-float", {"two_qubit_gates": 1.5}, "two_qubit_gates"),
        ("error_mitigation-string", {"error_mitigation": "yes"}, "error_mitigation"),
        ("unknown-type", {"type": "bogus"}, "type"),
        ("unknown-parameter", {"bogus": 1}, "bogus"),
    ]
] + [Row("estimate_job-backend-empty", lambda c: c.estimate_job(""), "backend")]

# ------------------------------------------------------------------ listing
LIST_ROWS = [
    Row(f"{method}-{name}", lambda c, m=method, f=filters: getattr(c, m)(**f), field)
    for method in ("iter_jobs", "list_jobs")
    for name, filters, field in [
        ("status-int", {"status": 123}, "status"),
        ("status-empty", {"status": ""}, "status"),
        ("limit-zero", {"limit": 0}, "limit"),
        ("limit-negative", {"limit": -1}, "limit"),
        ("limit-huge", {"limit": 10**9}, "limit"),
        ("limit-float", {"limit": 2.5}, "limit"),
        ("limit-string", {"limit": "10"}, "limit"),
        ("unknown-filter", {"bogus": 1}, "bogus"),
        ("ids-a-string", {"ids": "job-1"}, "ids"),
        ("ids-non-string-item", {"ids": ["job-1", 7]}, "ids[1]"),
        ("ids-item-with-comma", {"ids": ["a,b"]}, "ids[0]"),
        ("target-empty", {"target": ""}, "target"),
        ("session_id-empty", {"session_id": ""}, "session_id"),
    ]
] + [
    Row("list_jobs-max_jobs-negative", lambda c: c.list_jobs(max_jobs=-1), "max_jobs"),
    Row(
        "iter_session_jobs-limit-zero",
        lambda c: c.iter_session_jobs("session-1", limit=0),
        "limit",
    ),
    Row(
        "iter_characterizations-limit-zero",
        lambda c: c.iter_characterizations("simulator", limit=0),
        "limit",
    ),
    Row(
        "iter_characterizations-limit-over-10",
        lambda c: c.iter_characterizations("simulator", limit=11),
        "limit",
    ),
]

# ------------------------------------------------------------------ sessions, usage, schemas
SESSION_ROWS = [
    Row("create_session-backend-empty", lambda c: c.create_session(""), "backend"),
    Row("create_session-backend-none", lambda c: c.create_session(None), "backend"),
    Row("create_session-backend-over-100", lambda c: c.create_session("b" * 101), "backend"),
    Row(
        "create_session-job_count_limit-zero",
        lambda c: c.create_session("simulator", job_count_limit=0),
        "job_count_limit",
    ),
    Row(
        "create_session-job_count_limit-string",
        lambda c: c.create_session("simulator", job_count_limit="10"),
        "job_count_limit",
    ),
    Row(
        "create_session-duration_limit_min-negative",
        lambda c: c.create_session("simulator", duration_limit_min=-5),
        "duration_limit_min",
    ),
    Row(
        "create_session-unknown-limit",
        lambda c: c.create_session("simulator", bogus=1),
        "bogus",
    ),
    Row("list_sessions-active-string", lambda c: c.list_sessions(active="yes"), "active"),
]

USAGE_ROWS = [
    Row(
        f"get_organization_usage-{name}",
        lambda c, q=query: c.get_organization_usage("org-1", **q),
        field,
    )
    for name, query, field in [
        ("group_by-unknown", {**DATES, "group_by": "x"}, "group_by"),
        ("modality-unknown", {**DATES, "modality": "hourly"}, "modality"),
        ("start_date-not-a-date", {**DATES, "start_date": "yesterday"}, "start_date"),
        ("end_date-missing", {"start_date": DATES["start_date"]}, "end_date"),
        ("unknown-parameter", {**DATES, "bogus": 1}, "bogus"),
    ]
]

SCHEMA_ROWS = [
    Row("get_format_schema-unknown", lambda c: c.get_format_schema("nope"), "format_id"),
    Row("get_format_schema-none", lambda c: c.get_format_schema(None), "format_id"),
]

# ------------------------------------------------------------------ waiting, results, options
WAIT_ROWS = [
    Row("wait_for_job-timeout-negative", lambda c: c.wait_for_job("job-1", timeout=-1), "timeout"),
    Row("wait_for_job-timeout-nan", lambda c: c.wait_for_job("job-1", timeout=NAN), "timeout"),
    Row("wait_for_job-timeout-string", lambda c: c.wait_for_job("job-1", timeout="5"), "timeout"),
    Row(
        "wait_for_job-on_progress-not-callable",
        lambda c: c.wait_for_job("job-1", on_progress=42),
        "on_progress",
    ),
    Row("run-timeout-negative", lambda c: c.run(job(), timeout=-1), "timeout"),
    Row("get_results-sharpen-string", lambda c: c.get_results("job-1", sharpen="yes"), "sharpen"),
    Row("with_options-timeout-negative", lambda c: c.with_options(timeout=-1), "timeout"),
    Row("with_options-timeout-nan", lambda c: c.with_options(timeout=NAN), "timeout"),
    Row(
        "with_options-max_retries-negative", lambda c: c.with_options(max_retries=-1), "max_retries"
    ),
]

CHANGE_ROWS = [
    Row("clone_job-shots-zero", lambda c: c.clone_job("job-1", shots=0), "shots"),
    Row("clone_job-unknown-change", lambda c: c.clone_job("job-1", bogus=1), "bogus"),
    Row("clone_job-metadata-list", lambda c: c.clone_job("job-1", metadata=["a"]), "metadata"),
    Row("clone_job-name-1mb", lambda c: c.clone_job("job-1", name=ONE_MB), "name"),
    Row("move_job-backend-empty", lambda c: c.move_job("job-1", backend=""), "backend"),
]

CLIENT_ROWS = [
    *ID_ROWS,
    *BULK_ROWS,
    *CIRCUIT_ROWS,
    *JOB_ROWS,
    *RAW_ROWS,
    *ESTIMATE_ROWS,
    *LIST_ROWS,
    *SESSION_ROWS,
    *USAGE_ROWS,
    *SCHEMA_ROWS,
    *WAIT_ROWS,
    *CHANGE_ROWS,
]


# ------------------------------------------------------------------ construction
def construct(**options: Any) -> Callable[[type[Any], Any], Any]:
    def call(cls: type[Any], http: Any) -> Any:
        options.setdefault("token", KEY)
        options.setdefault("url", BASE)
        return cls(http_client=http, **options)

    return call


CONSTRUCTOR_ROWS = [
    Row("client-timeout-negative", construct(timeout=-1), "timeout"),
    Row("client-timeout-zero", construct(timeout=0), "timeout"),
    Row("client-timeout-nan", construct(timeout=NAN), "timeout"),
    Row("client-timeout-string", construct(timeout="5"), "timeout"),
    Row(
        "client-timeout-httpx-negative",
        construct(timeout=httpx.Timeout(-1.0)),
        "timeout.connect",  # the phase at fault (httpx.Timeout(-1) sets all four)
    ),
    Row("client-max_retries-negative", construct(max_retries=-1), "max_retries"),
    Row("client-max_retries-float", construct(max_retries=1.5), "max_retries"),
    Row("client-max_retries-string", construct(max_retries="3"), "max_retries"),
    Row("client-url-leading-space", construct(url=" " + BASE), "url"),
    Row("client-url-without-scheme", construct(url="api.ionq.co/v0.4"), "url"),
    Row("client-url-ftp", construct(url="ftp://api.ionq.co/v0.4"), "url"),
    Row("client-url-without-host", construct(url="https://"), "url"),
    Row("client-url-with-query", construct(url=BASE + "?x=1"), "url"),
    Row("client-url-not-a-string", construct(url=42), "url"),
    Row(
        "client-key-inner-newline",
        construct(token="sk-bad-input\n7f3a9c"),
        None,
        IonQCredentialsError,
    ),
    Row("client-key-nul", construct(token="sk-bad-input\x007f3a9c"), None, IonQCredentialsError),
    Row(
        "client-key-non-ascii",
        construct(token="sk-bad-input-7f3a9c-\u00e9\u2603"),
        None,
        IonQCredentialsError,
    ),
    Row("client-key-not-a-string", construct(token=7_123_456), None, IonQCredentialsError),
]


# ------------------------------------------------------------------ running a row
ERROR_BODY = {"error": {"type": "invalid_request_error", "message": "it reached the server"}}


def recorder() -> tuple[list[httpx.Request], httpx.MockTransport]:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(400, json=ERROR_BODY)

    return sent, httpx.MockTransport(handler)


def _finish_sync(result: Any) -> None:
    if inspect.isgenerator(result):
        for _ in result:
            pass


async def _finish_async(result: Any) -> None:
    if inspect.isawaitable(result):
        await result
    elif inspect.isasyncgen(result):
        async for _ in result:
            pass


def attempt(kind: str, row: Row, *, construct_only: bool) -> tuple[BaseException | None, list]:
    """Run ``row`` on a ``kind`` client over a recording transport: (what it raised, sent)."""
    sent, transport = recorder()
    if kind == "sync":
        with httpx.Client(transport=transport) as http:
            try:
                if construct_only:
                    row.call(IonQClient, http)
                else:
                    client = IonQClient(token=KEY, url=BASE, max_retries=0, http_client=http)
                    _finish_sync(row.call(client))
            except Exception as exc:
                return exc, sent
        return None, sent

    async def go() -> BaseException | None:
        async with httpx.AsyncClient(transport=transport) as http:
            try:
                if construct_only:
                    row.call(AsyncIonQClient, http)
                else:
                    client = AsyncIonQClient(token=KEY, url=BASE, max_retries=0, http_client=http)
                    await _finish_async(row.call(client))
            except Exception as exc:
                return exc
        return None

    return asyncio.run(go()), sent


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} chars)"


def check(row: Row, exc: BaseException | None, sent: list[httpx.Request]) -> None:
    raised = "nothing" if exc is None else f"{type(exc).__name__}: {_short(str(exc))}"
    if sent:
        first = sent[0]
        pytest.fail(
            f"request sent ({len(sent)}: {first.method} {_short(str(first.url), 120)}); "
            f"then raised {raised}"
        )
    if not isinstance(exc, row.error):
        pytest.fail(f"expected {row.error.__name__}, raised {raised}")
    text, representation = str(exc), repr(exc)
    for fragment in (KEY, *KEY_FRAGMENTS):
        assert fragment not in text, f"the API key shows in str(exc): {_short(text)}"
        assert fragment not in representation, f"the API key shows in repr(exc): {_short(text)}"
    assert text.strip(), "the error has no message"
    assert len(text) <= MAX_MESSAGE, f"the message echoes the input: {_short(text)}"
    if row.field is not None:
        assert isinstance(exc, IonQValidationError)
        assert exc.field == row.field, f"field {_short(exc.field)!r}; message {_short(text)}"
        assert isinstance(exc.problem, str) and exc.problem.strip(), "no problem named"
        assert exc.problem in text


@pytest.mark.parametrize("row", CLIENT_ROWS, ids=[r.id for r in CLIENT_ROWS])
def test_malformed_call_is_refused_before_sending(kind: str, row: Row) -> None:
    exc, sent = attempt(kind, row, construct_only=False)
    check(row, exc, sent)


@pytest.mark.parametrize("row", CONSTRUCTOR_ROWS, ids=[r.id for r in CONSTRUCTOR_ROWS])
def test_malformed_client_is_refused(kind: str, row: Row) -> None:
    exc, sent = attempt(kind, row, construct_only=True)
    check(row, exc, sent)


def test_the_table_is_large_and_ids_are_unique() -> None:
    ids = [r.id for r in (*CLIENT_ROWS, *CONSTRUCTOR_ROWS)]
    assert len(ids) >= 70
    assert len(set(ids)) == len(ids)


# ------------------------------------------------------------------ a trailing newline is no error
WHOAMI = {"key_id": "00000000-0000-0000-0000-000000000000", "key_name": "bad-input"}


def _whoami_headers(kind: str, **options: Any) -> list[str]:
    """The Authorization header of every request one ``whoami`` sends."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("Authorization", ""))
        return httpx.Response(200, json=WHOAMI)

    transport = httpx.MockTransport(handler)
    if kind == "sync":
        with httpx.Client(transport=transport) as http:
            IonQClient(url=BASE, max_retries=0, http_client=http, **options).whoami()
        return seen

    async def go() -> None:
        async with httpx.AsyncClient(transport=transport) as http:
            client = AsyncIonQClient(url=BASE, max_retries=0, http_client=http, **options)
            await client.whoami()

    asyncio.run(go())
    return seen


@pytest.mark.parametrize("ending", ["\n", "\r\n", " \n"], ids=["lf", "crlf", "space-lf"])
def test_a_key_with_a_trailing_newline_is_stripped(kind: str, ending: str) -> None:
    assert _whoami_headers(kind, token=KEY + ending) == [f"apiKey {KEY}"]


def test_a_key_from_the_environment_with_a_trailing_newline_is_stripped(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IONQ_API_KEY", KEY + "\n")
    assert _whoami_headers(kind) == [f"apiKey {KEY}"]


def test_an_integral_float_qubit_is_accepted_as_json_counts_integers() -> None:
    """A decision, not a gap: ``1.0`` is the integer 1 in JSON (and in the spec's JSON
    Schema), so the builder takes it and writes the integer; ``1.5`` is refused above."""
    circuit = Circuit(2).h(1.0)  # type: ignore[arg-type]
    assert list(circuit) == [{"gate": "h", "targets": [1]}]
    assert isinstance(next(iter(circuit))["targets"][0], int)
