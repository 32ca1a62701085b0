"""Every response the facade receives, checked against the spec's schema for that
operation and status, in the HTTP transport.

A drift between the emulator and the spec, or a facade that tolerates an off-spec
answer, then fails the test that saw it.
"""

from __future__ import annotations

import json
import re

import httpx

from ionq_emulator import openapi


def _operation_table() -> list[tuple[str, re.Pattern[str], openapi.Operation]]:
    table = []
    for op in openapi.operations():
        pattern = re.sub(r"\{[^}]+\}", "[^/]+", op.path)
        table.append((op.method, re.compile(f"^{pattern}$"), op))
    # Literal segments beat parameters: /jobs/estimate is not /jobs/{job_id}.
    table.sort(key=lambda row: row[2].path.count("{"))
    return table


OPERATIONS = _operation_table()


def spec_violations(request: httpx.Request, response: httpx.Response) -> list[str]:
    """Why this answer breaks the spec (empty when it conforms)."""
    path = request.url.path.removeprefix("/v0.4")
    op = next((o for m, p, o in OPERATIONS if m == request.method and p.match(path)), None)
    where = f"{request.method} {request.url.path} -> {response.status_code}"
    if op is None:
        return [f"{where}: no such operation in the spec"]
    pointer = openapi.response_pointer(op, response.status_code)
    if pointer is None:
        return [f"{where}: status not documented for {op.operation_id}"]
    try:
        body = json.loads(response.content)
    except ValueError:
        return [f"{where}: body is not JSON"]
    return [f"{where}: {e}" for e in openapi.errors(pointer, body)]


class SpecCheck:
    """Collects spec violations seen by the transports below.

    ``injected`` lists statuses a test forces through the fault injector on purpose
    (a 504 is no part of IonQ's contract); every other answer must conform.
    """

    def __init__(self, injected: frozenset[int] = frozenset()) -> None:
        self.violations: list[str] = []
        self.responses = 0
        self.injected = injected

    def record(self, request: httpx.Request, response: httpx.Response) -> None:
        self.responses += 1
        if response.status_code not in self.injected:
            self.violations += spec_violations(request, response)


class CheckingTransport(httpx.BaseTransport):
    def __init__(self, check: SpecCheck) -> None:
        self.inner = httpx.HTTPTransport()
        self.check = check

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        self.check.record(request, response)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncCheckingTransport(httpx.AsyncBaseTransport):
    def __init__(self, check: SpecCheck) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.check = check

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        await response.aread()
        self.check.record(request, response)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
