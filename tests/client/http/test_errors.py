"""Every IonQ error-body shape, and every off-spec answer, maps to a typed exception."""

from __future__ import annotations

import pickle

import httpx
import pytest
import respx

from ionq_client import (
    IonQAPIError,
    IonQAuthenticationError,
    IonQBadRequestError,
    IonQCredentialsError,
    IonQError,
    IonQNotFoundError,
    IonQPayloadTooLargeError,
    IonQPermissionDeniedError,
    IonQResponseError,
    IonQRetriableError,
    IonQServerError,
    IonQUnprocessableEntityError,
)
from tests.client.http.conftest import Driver
from tests.support.files import load_fixture

JOB_ID = "job-1"


@pytest.fixture
def client(make_client) -> Driver:  # type: ignore[no-untyped-def]
    return make_client(max_retries=0)


@pytest.mark.parametrize(
    ("status", "body", "cls", "error_type", "message"),
    [
        (
            400,
            load_fixture("error_validation"),
            IonQBadRequestError,
            "Bad Request",
            '"shots" must be less than or equal to 1000000 (fields: shots)',
        ),
        (
            401,
            {"error": "Unauthorized Error", "message": "bad key", "statusCode": 401},
            IonQAuthenticationError,
            "Unauthorized Error",
            "bad key",
        ),
        (
            403,
            {"error": {"type": "forbidden", "message": "no access"}},
            IonQPermissionDeniedError,
            "forbidden",
            "no access",
        ),
        (
            404,
            {"code": 404, "message": "no such job"},
            IonQNotFoundError,
            "internal_error",
            "no such job",
        ),
        (
            413,
            {"error": "Payload Too Large", "message": "10MB", "statusCode": 413},
            IonQPayloadTooLargeError,
            "Payload Too Large",
            "10MB",
        ),
        (422, {}, IonQUnprocessableEntityError, "internal_error", "No error details provided."),
        (
            418,
            {"error": "Teapot", "message": "short and stout", "statusCode": 418},
            IonQAPIError,
            "Teapot",
            "short and stout",
        ),
    ],
)
def test_error_body_shapes(
    client: Driver, mock_api: respx.MockRouter, status, body, cls, error_type, message
) -> None:  # type: ignore[no-untyped-def]
    mock_api.get(f"/jobs/{JOB_ID}").respond(status, json=body, headers={"x-request-id": "req-42"})
    with pytest.raises(cls) as raised:
        client.retrieve_job(JOB_ID)
    error = raised.value
    assert type(error) is cls
    assert (error.status_code, error.error_type, error.message) == (status, error_type, message)
    assert error.request_id == "req-42"
    assert error.headers["x-request-id"] == "req-42"
    assert str(status) in str(error) and "req-42" in str(error)


def test_validation_keys_are_kept(client: Driver, mock_api: respx.MockRouter) -> None:
    mock_api.post("/jobs").respond(400, json=load_fixture("error_validation"))
    with pytest.raises(IonQBadRequestError) as raised:
        client.submit_job(
            {"type": "ionq.qasm3.v1", "backend": "simulator", "input": {"data": "OPENQASM 3;"}}
        )
    assert raised.value.validation == {"keys": ["shots"], "source": "body"}


def test_html_502_from_a_proxy(client: Driver, mock_api: respx.MockRouter) -> None:
    html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    mock_api.get(f"/jobs/{JOB_ID}").respond(502, text=html, headers={"content-type": "text/html"})
    with pytest.raises(IonQServerError) as raised:
        client.retrieve_job(JOB_ID)
    error = raised.value
    assert isinstance(error, IonQRetriableError)
    assert error.status_code == 502 and error.body == html
    assert "502 Bad Gateway" in error.message


@pytest.mark.parametrize("status", [520, 521, 599])
def test_non_standard_5xx(client: Driver, mock_api: respx.MockRouter, status: int) -> None:
    mock_api.get(f"/jobs/{JOB_ID}").respond(status, text="")
    with pytest.raises(IonQServerError) as raised:
        client.retrieve_job(JOB_ID)
    assert raised.value.status_code == status


@pytest.mark.parametrize(
    ("status", "content", "why"),
    [
        (200, b"<html>maintenance</html>", "invalid JSON"),
        (200, b'{"id": "job-1", "status": "comp', "invalid JSON"),
        (
            200,
            b'{"status": "completed", "type": "ionq.circuit.v1", "backend": "simulator"}',
            "KeyError",
        ),
        (200, b"[]", ""),
        (204, b"", ""),
        (302, b"", "unexpected status"),
    ],
    ids=["html", "truncated", "missing-field", "wrong-type", "no-content", "redirect"],
)
def test_off_spec_success_bodies(
    client: Driver, mock_api: respx.MockRouter, status: int, content: bytes, why: str
) -> None:
    mock_api.get(f"/jobs/{JOB_ID}").respond(
        status, content=content, headers={"content-type": "application/json"}
    )
    with pytest.raises(IonQResponseError) as raised:
        client.retrieve_job(JOB_ID)
    assert why in str(raised.value)
    assert raised.value.status_code == status


def test_bad_results_bodies(client: Driver, mock_api: respx.MockRouter) -> None:
    mock_api.get(f"/jobs/{JOB_ID}/results/histogram").respond(200, json={"0": "many"})
    mock_api.get(f"/jobs/{JOB_ID}/results/shots").respond(200, json={"not": "a list"})
    with pytest.raises(IonQResponseError):
        client.get_histogram(JOB_ID)
    with pytest.raises(IonQResponseError):
        client.get_shots(JOB_ID)


def test_exceptions_pickle(client: Driver, mock_api: respx.MockRouter) -> None:
    mock_api.get(f"/jobs/{JOB_ID}").respond(
        404, json={"error": "Not Found Error", "message": "gone", "statusCode": 404}
    )
    with pytest.raises(IonQNotFoundError) as raised:
        client.retrieve_job(JOB_ID)
    copy = pickle.loads(pickle.dumps(raised.value))
    assert type(copy) is IonQNotFoundError and copy.status_code == 404 and copy.message == "gone"


def test_missing_key_fails_at_the_first_call_that_needs_one(
    make_client, mock_api: respx.MockRouter, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    for name in ("IONQ_API_KEY", "QISKIT_IONQ_API_TOKEN", "IONQ_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    client = make_client(token=None, max_retries=0)
    mock_api.get("/backends").respond(200, json=[load_fixture("backend")])
    assert [b.backend for b in client.get_backends()] == ["qpu.forte-1"]
    assert "authorization" not in mock_api.calls.last.request.headers
    with pytest.raises(IonQCredentialsError, match="IONQ_API_KEY"):
        client.retrieve_job(JOB_ID)
    assert mock_api.calls.call_count == 1


def test_every_exception_is_an_ionq_error() -> None:
    import ionq_client

    for name in ionq_client.__all__:
        obj = getattr(ionq_client, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, IonQError), name


def test_generated_parsers_never_leak_raw_exceptions(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    """Unknown enum values are fine; a wrong const is a response error, not a ValueError."""
    job = load_fixture("job_multi_urls")
    job["type"] = "ionq.something-new.v9"
    mock_api.get(f"/jobs/{JOB_ID}").respond(200, json=job)
    with pytest.raises(IonQResponseError):
        client.retrieve_job(JOB_ID)
    mock_api.get("/jobs/x").mock(
        side_effect=httpx.Response(200, json=load_fixture("job_unknown_status"))
    )
    assert client.retrieve_job("x").status == "awaiting_calibration"
