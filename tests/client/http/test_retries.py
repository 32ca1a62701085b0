"""The retry table, the backoff delays, and submission that never duplicates a job."""

from __future__ import annotations

import email.utils
import json
from typing import Any

import httpx
import pytest
import respx

from ionq_client import (
    IonQBadRequestError,
    IonQConflictError,
    IonQConnectionError,
    IonQNotFoundError,
    IonQRateLimitError,
    IonQServerError,
    IonQTimeoutError,
)
from tests.client.http.conftest import Driver
from tests.support.files import load_fixture

JOB = load_fixture("job_single_urls")
JOB_ID = JOB["id"]
CREATED = {"id": JOB_ID, "status": "submitted", "session_id": None}
BELL = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "input": {"gateset": "qis", "qubits": 1, "circuit": [{"gate": "h", "targets": [0]}]},
}


def error(status: int, **headers: str) -> httpx.Response:
    body = {"error": "Oops", "message": "transient", "statusCode": status}
    return httpx.Response(status, json=body, headers=headers)


# (operation, status, calls made with max_retries=2)
RETRY_TABLE = [
    ("get", 408, 3),
    ("get", 409, 3),
    ("get", 429, 3),
    ("get", 500, 3),
    ("get", 502, 3),
    ("get", 503, 3),
    ("get", 504, 3),
    ("get", 520, 3),
    ("get", 529, 3),
    ("get", 400, 1),
    ("get", 401, 1),
    ("get", 403, 1),
    ("get", 404, 1),
    ("get", 413, 1),
    ("put", 409, 1),  # 409 is transient only for reads
    ("put", 503, 3),
    ("delete", 502, 3),
    ("post", 429, 3),  # the server did nothing: safe to resend
    ("post", 400, 1),
]


def call(client: Driver, mock_api: respx.MockRouter, method: str, status: int) -> respx.Route:
    route: respx.Route
    if method == "get":
        route = mock_api.get(f"/jobs/{JOB_ID}").mock(return_value=error(status))
        action: Any = lambda: client.retrieve_job(JOB_ID)  # noqa: E731
    elif method == "put":
        route = mock_api.put(f"/jobs/{JOB_ID}/status/cancel").mock(return_value=error(status))
        action = lambda: client.cancel_job(JOB_ID)  # noqa: E731
    elif method == "delete":
        route = mock_api.delete(f"/jobs/{JOB_ID}").mock(return_value=error(status))
        action = lambda: client.delete_job(JOB_ID)  # noqa: E731
    else:
        route = mock_api.post("/jobs").mock(return_value=error(status))
        action = lambda: client.submit_job(BELL)  # noqa: E731
    with pytest.raises(Exception) as raised:
        action()
    assert getattr(raised.value, "status_code", None) == status
    return route


@pytest.mark.parametrize(("method", "status", "calls"), RETRY_TABLE)
def test_retry_table(
    make_client, mock_api: respx.MockRouter, method: str, status: int, calls: int
) -> None:  # type: ignore[no-untyped-def]
    client = make_client(max_retries=2)
    route = call(client, mock_api, method, status)
    assert route.call_count == calls
    assert len(client.sleeps) == calls - 1


def test_backoff_grows_exponentially(make_client, mock_api: respx.MockRouter) -> None:  # type: ignore[no-untyped-def]
    client = make_client(max_retries=5)
    mock_api.get(f"/jobs/{JOB_ID}").mock(return_value=error(503))
    with pytest.raises(IonQServerError):
        client.retrieve_job(JOB_ID)
    assert client.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0]


def test_jitter_shortens_the_delay_by_at_most_a_quarter(
    make_client, mock_api: respx.MockRouter
) -> None:  # type: ignore[no-untyped-def]
    client = make_client(max_retries=1)
    client.client._jitter = lambda: 0.999
    mock_api.get(f"/jobs/{JOB_ID}").mock(return_value=error(503))
    with pytest.raises(IonQServerError):
        client.retrieve_job(JOB_ID)
    assert 0.375 < client.sleeps[0] < 0.5


def test_retry_after_in_seconds_is_obeyed(client: Driver, mock_api: respx.MockRouter) -> None:
    mock_api.get(f"/jobs/{JOB_ID}").mock(
        side_effect=[error(429, **{"Retry-After": "3"}), httpx.Response(200, json=JOB)]
    )
    assert client.retrieve_job(JOB_ID).id == JOB_ID
    assert client.sleeps == [3.0]


def test_retry_after_as_an_http_date_is_obeyed(client: Driver, mock_api: respx.MockRouter) -> None:
    now = 1_900_000_000.0
    client.client._now = lambda: now
    date = email.utils.formatdate(now + 10, usegmt=True)
    mock_api.get(f"/jobs/{JOB_ID}").mock(
        side_effect=[error(503, **{"Retry-After": date}), httpx.Response(200, json=JOB)]
    )
    client.retrieve_job(JOB_ID)
    assert client.sleeps == [10.0]


def test_retry_after_is_capped(client: Driver, mock_api: respx.MockRouter) -> None:
    mock_api.get(f"/jobs/{JOB_ID}").mock(
        side_effect=[error(429, **{"Retry-After": "3600"}), httpx.Response(200, json=JOB)]
    )
    client.retrieve_job(JOB_ID)
    assert client.sleeps == [60.0]


def test_rate_limit_error_carries_retry_after(make_client, mock_api: respx.MockRouter) -> None:  # type: ignore[no-untyped-def]
    client = make_client(max_retries=0)
    mock_api.get(f"/jobs/{JOB_ID}").mock(return_value=error(429, **{"Retry-After": "7"}))
    with pytest.raises(IonQRateLimitError) as raised:
        client.retrieve_job(JOB_ID)
    assert raised.value.retry_after == 7.0


def test_connection_errors_on_reads_are_retried(client: Driver, mock_api: respx.MockRouter) -> None:
    mock_api.get(f"/jobs/{JOB_ID}").mock(
        side_effect=[
            httpx.ConnectError("refused"),
            httpx.ReadTimeout("slow"),
            httpx.Response(200, json=JOB),
        ]
    )
    assert client.retrieve_job(JOB_ID).id == JOB_ID
    assert len(client.sleeps) == 2


def test_transport_errors_map_to_typed_exceptions(make_client, mock_api: respx.MockRouter) -> None:  # type: ignore[no-untyped-def]
    client = make_client(max_retries=0)
    mock_api.get(f"/jobs/{JOB_ID}").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(IonQTimeoutError) as timeout:
        client.retrieve_job(JOB_ID)
    assert isinstance(timeout.value, TimeoutError)
    mock_api.get("/whoami").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(IonQConnectionError):
        client.whoami()


def test_409_on_a_write_is_a_conflict(make_client, mock_api: respx.MockRouter) -> None:  # type: ignore[no-untyped-def]
    client = make_client(max_retries=3)
    route = mock_api.put(f"/jobs/{JOB_ID}/status/cancel").mock(return_value=error(409))
    with pytest.raises(IonQConflictError):
        client.cancel_job(JOB_ID)
    assert route.call_count == 1


# ------------------------------------------------------------ no duplicate jobs
class FakeJobs:
    """A tiny IonQ: POST /jobs really creates a job, then fails the way we script it."""

    def __init__(self, failures: list[Any]) -> None:
        self.jobs: list[dict[str, Any]] = []
        self.failures = failures
        self.posts = 0

    def create(self, request: httpx.Request) -> httpx.Response:
        self.posts += 1
        body = json.loads(request.content)
        job = {
            "id": f"job-{len(self.jobs)}",
            "status": "submitted",
            "metadata": body.get("metadata"),
        }
        self.jobs.insert(0, job)
        failure = self.failures.pop(0) if self.failures else None
        if isinstance(failure, Exception):
            raise failure
        if isinstance(failure, int):
            return error(failure)
        return httpx.Response(
            201, json={"id": job["id"], "status": "submitted", "session_id": None}
        )

    def listing(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"jobs": self.jobs, "next": None})


@pytest.mark.parametrize(
    "failure",
    [502, 504, 500, httpx.ReadTimeout("no answer"), httpx.RemoteProtocolError("dropped")],
    ids=["502", "504", "500", "read-timeout", "dropped"],
)
def test_ambiguous_post_failure_creates_exactly_one_job(
    client: Driver, mock_api: respx.MockRouter, failure: Any
) -> None:
    server = FakeJobs([failure])
    mock_api.post("/jobs").mock(side_effect=server.create)
    listing = mock_api.get("/jobs").mock(side_effect=server.listing)
    created = client.submit_job(BELL)
    assert len(server.jobs) == 1 and server.posts == 1
    assert created.id == server.jobs[0]["id"]
    assert listing.calls.last.request.url.params["limit"] == "100"


def test_post_that_never_reached_the_server_is_resent(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    server = FakeJobs([])
    attempts = iter([httpx.ConnectError("refused")])

    def create(request: httpx.Request) -> httpx.Response:
        failure = next(attempts, None)
        if failure is not None:
            raise failure
        return server.create(request)

    mock_api.post("/jobs").mock(side_effect=create)
    listing = mock_api.get("/jobs").mock(side_effect=server.listing)
    client.submit_job(BELL)
    assert len(server.jobs) == 1 and not listing.called


def test_ambiguous_failure_before_creation_resubmits_once(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    """A 502 from a proxy that never forwarded the POST: the lookup finds nothing, so resend."""
    server = FakeJobs([])
    responses = iter([error(502)])

    def create(request: httpx.Request) -> httpx.Response:
        return next(responses, None) or server.create(request)

    mock_api.post("/jobs").mock(side_effect=create)
    mock_api.get("/jobs").mock(side_effect=server.listing)
    created = client.submit_job(BELL)
    assert len(server.jobs) == 1 and created.id == "job-0"


def test_unverifiable_submission_is_not_resent(client: Driver, mock_api: respx.MockRouter) -> None:
    """With IonQ's ten metadata keys used up there is no room for a tag: never guess."""
    server = FakeJobs([502])
    mock_api.post("/jobs").mock(side_effect=server.create)
    listing = mock_api.get("/jobs").mock(side_effect=server.listing)
    full = {**BELL, "metadata": {f"k{i}": "v" for i in range(10)}}
    with pytest.raises(IonQServerError) as raised:
        client.submit_job(full)
    assert server.posts == 1 and not listing.called
    assert "did not send it again" in " ".join(raised.value.__notes__)


def test_failed_lookup_does_not_resubmit(make_client, mock_api: respx.MockRouter) -> None:  # type: ignore[no-untyped-def]
    client = make_client(max_retries=2)
    server = FakeJobs([502])
    mock_api.post("/jobs").mock(side_effect=server.create)
    mock_api.get("/jobs").mock(return_value=error(503))
    with pytest.raises(IonQServerError) as raised:
        client.submit_job(BELL)
    assert server.posts == 1
    assert raised.value.status_code == 502  # the submission's own error, not the lookup's


def test_client_errors_on_submit_are_not_retried(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    route = mock_api.post("/jobs").mock(return_value=error(400))
    with pytest.raises(IonQBadRequestError):
        client.submit_job(BELL)
    assert route.call_count == 1


def test_404_is_not_retried(client: Driver, mock_api: respx.MockRouter) -> None:
    route = mock_api.get(f"/jobs/{JOB_ID}").mock(return_value=error(404))
    with pytest.raises(IonQNotFoundError):
        client.retrieve_job(JOB_ID)
    assert route.call_count == 1 and client.sleeps == []
