"""The emulator's HTTP face: IonQ's v0.4 routes on Starlette, mounted at ``/v0.4``.

Routes come from the spec: every operation in ``openapi/ionq-v0.4.yaml`` must have a
handler here (``create_app`` refuses to start otherwise), and each request passes the
same gauntlet in IonQ's order (size, key, path, query, body) before its handler
runs. Every answer, including 404/405 from the router and faults, is IonQ's error
body, because clients parse it; a client mistake must never surface as a 500.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Final

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from ionq_emulator import openapi
from ionq_emulator._accounts import Account
from ionq_emulator._config import EmulatorConfig
from ionq_emulator._errors import ApiError, Busy, Conflict, NotFound
from ionq_emulator._faults import DroppedConnection, FaultMiddleware, Faults
from ionq_emulator._store import Store
from ionq_emulator._traffic import Traffic, TrafficMiddleware
from ionq_emulator._validation import (
    OperationRules,
    RequestInvalid,
    format_schema,
    parse_body,
    parse_path,
    parse_query,
    rules,
)

__all__ = ["MAX_BODY_BYTES", "create_app"]

MAX_BODY_BYTES: Final = 10 * 1024 * 1024
"""IonQ refuses bodies over 10 MB with 413."""
_REQUEST_THREADS: Final = 40
"""Handlers running at once (anyio's default limit, which the emulator used before)."""
_log = logging.getLogger(__name__)


class _Json(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        # ASCII escapes: a lone surrogate echoed from a request must not break encoding.
        return json.dumps(content, ensure_ascii=True, allow_nan=False).encode("ascii")


def _error(error: ApiError) -> Response:
    return _Json(error.body(), status_code=error.status, headers=error.headers)


@dataclass(frozen=True)
class ValidatedRequest:
    """One incoming request after the gauntlet, as handlers see it."""

    account: Account | None
    path: Mapping[str, Any]
    query: Mapping[str, Any]
    body: Any

    @property
    def who(self) -> Account:
        assert self.account is not None, "an authenticated operation always has an account"
        return self.account


Handler = Callable[[Store, ValidatedRequest], Any]


def _job_filters(q: Mapping[str, Any]) -> dict[str, Any]:
    names = ("ids", "parent_job_id", "status", "target", "session_id", "submitter_id")
    return {"limit": q.get("limit", 25), "after": q.get("next")} | {
        n: q[n] for n in names if n in q
    }


def _created(body: Any) -> tuple[int, Any]:
    return 201, body


_HANDLERS: Final[Mapping[str, Handler]] = {
    "getWhoami": lambda s, r: s.whoami(r.who),
    "listBackends": lambda s, r: s.backends(),
    "getBackend": lambda s, r: s.backend(r.path["backend"]),
    "listCharacterizations": lambda s, r: s.characterizations(
        r.path["backend"],
        r.query.get("start"),
        r.query.get("end"),
        r.query.get("limit", 10),
        r.query.get("page", 1),
    ),
    "getCharacterization": lambda s, r: s.characterization(
        r.path["backend"], r.path["characterization_id"]
    ),
    "createJob": lambda s, r: _created(s.create_job(r.who, r.body)),
    "listJobs": lambda s, r: s.list_jobs(r.who, **_job_filters(r.query)),
    "deleteJobs": lambda s, r: s.delete_jobs(r.who, r.body["ids"]),
    "cancelJobs": lambda s, r: s.cancel_jobs(r.who, r.body["ids"]),
    "estimateJob": lambda s, r: s.estimate(r.who, r.query),
    "getJob": lambda s, r: s.job(r.who, r.path["job_id"]),
    "deleteJob": lambda s, r: s.delete_job(r.who, r.path["job_id"]),
    "cancelJob": lambda s, r: s.cancel_job(r.who, r.path["job_id"]),
    "getJobCost": lambda s, r: s.cost(r.who, r.path["job_id"]),
    "cloneJob": lambda s, r: _created(s.clone_job(r.who, r.path["job_id"], r.body)),
    "moveJob": lambda s, r: _created(s.move_job(r.who, r.path["job_id"], r.body)),
    # ``sharpen`` only changes how debiased variants aggregate; nothing is debiased here.
    "getJobProbabilities": lambda s, r: s.probabilities(r.who, r.path["job_id"]),
    "getJobAggregatedProbabilities": lambda s, r: s.aggregated(r.who, r.path["job_id"]),
    "getJobHistogram": lambda s, r: s.histogram(r.who, r.path["job_id"]),
    "getJobShots": lambda s, r: s.shots(r.who, r.path["job_id"]),
    "getJobArtifact": lambda s, r: s.artifact(r.who, r.path["job_id"], r.path["artifact_id"]),
    "getFormatSchema": lambda s, r: format_schema(r.path["format"]),
    "createSession": lambda s, r: _created(s.create_session(r.who, r.body)),
    "listSessions": lambda s, r: s.sessions(r.who, r.query.get("active")),
    "getSession": lambda s, r: s.session(r.who, r.path["session_id"]),
    "endSession": lambda s, r: s.end_session(r.who, r.path["session_id"]),
    "listSessionJobs": lambda s, r: s.session_jobs(
        r.who, r.path["session_id"], **_job_filters(r.query)
    ),
    "getOrganizationUsage": lambda s, r: s.usage(
        r.who,
        r.path["organization_id"],
        r.query["start_date"],
        r.query["end_date"],
        r.query.get("group_by", "job"),
        r.query.get("modality", "daily"),
    ),
}


def _authenticate(store: Store, op: OperationRules, request: Request) -> Account | None:
    if op.operation.public:
        return None
    header = request.headers.get("authorization")
    if header is None:
        raise ApiError(401, "Missing Authorization header: send 'Authorization: apiKey <key>'.")
    scheme, _, key = header.strip().partition(" ")
    if scheme.lower() != "apikey" or not key.strip():
        raise ApiError(401, "Malformed Authorization header: expected 'apiKey <key>'.")
    account = store.account(key.strip())
    if account is None:
        raise ApiError(401, "Invalid API key.")
    return account


def _check_declared_length(request: Request) -> None:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise ApiError(413, f"The request body is larger than {MAX_BODY_BYTES} bytes.")


async def _read_body(request: Request) -> bytes:
    """The body, refused as soon as more than the limit has actually arrived."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise ApiError(413, f"The request body is larger than {MAX_BODY_BYTES} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def _invalid(exc: RequestInvalid) -> ApiError:
    validation = {"keys": exc.keys, "source": exc.source}
    return ApiError(400, exc.message, validation=validation)


def _response_pointer(op: OperationRules, status: int) -> str | None:
    """Where the spec keeps the schema of ``op``'s answer with ``status``.

    Errors the operation does not list (405, say) still use IonQ's one error body.
    """
    pointer = openapi.response_pointer(op.operation, status)
    if pointer is None and status >= 400:
        return "#/components/schemas/Error"
    return pointer


class _Emulator:
    """Per-app state: the store, the faults and a log of the app's own bugs."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        self.store = Store(config)
        self.faults = Faults(config.faults, config.seed)
        self.internal_errors: list[str] = []
        # Handlers run here, off the event loop: threads start on demand. A plain
        # executor, not Starlette's run_in_threadpool: anyio's hop (a capacity limiter,
        # a checkpoint, a fresh wake-up per call) cost ~2-4x the CPU of this one with
        # 16 requests in flight, and a hop is paid by every request.
        self._threads = ThreadPoolExecutor(_REQUEST_THREADS, thread_name_prefix="ionq-emulator")

    def close(self) -> None:
        """Let the request threads go (the server has stopped sending requests)."""
        self._threads.shutdown(wait=False)

    def bug(self, what: str) -> ApiError:
        self.internal_errors.append(what)
        return ApiError(500, "The emulator failed; this is a bug in the emulator.")

    def endpoint(self, operations: Mapping[str, OperationRules]) -> Callable[..., Any]:
        async def endpoint(request: Request) -> Response:
            method = "GET" if request.method == "HEAD" else request.method
            op = operations[method]
            headers: dict[str, str] = {}
            try:
                status, body = await self._handle(op, request)
            except ApiError as exc:
                status, body, headers = exc.status, exc.body(), exc.headers
            if self.config.check_responses:
                try:
                    self._check(op, status, body)
                except ApiError as bug:
                    return _error(bug)
            return _Json(body, status_code=status, headers=headers)

        return endpoint

    def _check(self, op: OperationRules, status: int, body: Any) -> None:
        pointer = _response_pointer(op, status)
        problems = ["undeclared status"] if pointer is None else openapi.errors(pointer, body)
        if problems:
            raise self.bug(f"{op.operation.operation_id} {status}: {problems[:3]}")

    async def _handle(self, op: OperationRules, request: Request) -> tuple[int, Any]:
        try:
            _check_declared_length(request)
            account = _authenticate(self.store, op, request)
            try:
                path = parse_path(op, request.path_params)
            except RequestInvalid as exc:
                if not op.declares(400):  # a malformed id names nothing: not found
                    raise ApiError(404, exc.message) from exc
                raise
            query = parse_query(op, request.query_params.multi_items())
            raw, media = None, None
            if op.body_pointer is not None:
                raw = await _read_body(request)
                media = request.headers.get("content-type")
            # One trip off the event loop for the body and the handler together:
            # validating a 150,000-gate body takes seconds, and every other connection
            # (even keyless GET /backends) would wait; a second trip would cost each
            # POST another thread wake-up.
            loop = asyncio.get_running_loop()
            result = await loop.run_in_executor(
                self._threads,
                self._run,
                op,
                ValidatedRequest(account, path, query, None),
                raw,
                media,
            )
        except RequestInvalid as exc:
            raise _invalid(exc) from exc
        except NotFound as exc:
            raise ApiError(404, str(exc)) from exc
        except Conflict as exc:
            raise ApiError(409, str(exc)) from exc
        except Busy as exc:
            raise ApiError(429, str(exc), headers={"Retry-After": str(exc.retry_after)}) from exc
        except ApiError:
            raise
        except ClientDisconnect as exc:  # the client hung up mid-body: its loss, not a bug
            raise ApiError(400, "The client disconnected before sending the whole body.") from exc
        except Exception as exc:
            _log.exception("emulator bug in %s", op.operation.operation_id)
            raise self.bug(f"{op.operation.operation_id}: {exc!r}") from exc
        if isinstance(result, tuple):
            return result[0], result[1]
        return 200, result

    def _run(
        self, op: OperationRules, request: ValidatedRequest, raw: bytes | None, media: str | None
    ) -> Any:
        """In a request thread: the body parsed and validated, then the handler."""
        if raw is not None:
            request = ValidatedRequest(
                request.account, request.path, request.query, parse_body(op, raw, media)
            )
        return _HANDLERS[op.operation.operation_id](self.store, request)


def _routes(emulator: _Emulator) -> list[Route]:
    by_path: dict[str, dict[str, OperationRules]] = defaultdict(dict)
    for (method, path), op in rules().items():
        by_path[path][method] = op
    missing = {op.operation.operation_id for ops in by_path.values() for op in ops.values()}
    missing -= set(_HANDLERS)
    if missing:
        raise RuntimeError(f"spec operations without an emulator handler: {sorted(missing)}")
    # Literal paths first, so that /jobs/estimate is not taken for a job id.
    paths = sorted(by_path, key=lambda p: p.count("{"))
    return [
        Route(path, emulator.endpoint(by_path[path]), methods=list(by_path[path])) for path in paths
    ]


def create_app(config: EmulatorConfig | None = None) -> Starlette:
    """The emulator as an ASGI app; ``app.state`` holds ``store``, ``faults``,
    ``traffic`` (the request log) and ``emulator``."""
    emulator = _Emulator(config or EmulatorConfig())

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = {404: "No such route.", 405: f"{request.method} is not allowed here."}.get(
            exc.status_code, str(exc.detail)
        )
        return _error(ApiError(exc.status_code, message, headers=exc.headers))

    async def server_error(request: Request, exc: Exception) -> Response:
        # Dropped on purpose, or the client hung up: neither is a bug of the emulator.
        if not isinstance(exc, DroppedConnection | ClientDisconnect):
            emulator.bug(f"unhandled {exc!r}")
        return _error(ApiError(500, "The emulator failed; this is a bug in the emulator."))

    traffic = Traffic()
    app = Starlette(
        routes=[Mount("/v0.4", routes=_routes(emulator))],
        middleware=[
            Middleware(TrafficMiddleware, traffic=traffic),
            Middleware(FaultMiddleware, faults=emulator.faults),
        ],
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )
    app.state.emulator = emulator
    app.state.store = emulator.store
    app.state.faults = emulator.faults
    app.state.traffic = traffic
    return app
