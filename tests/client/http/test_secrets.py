"""The API key never shows up in a repr, an exception or a log line."""

from __future__ import annotations

import logging
import pickle

import httpx
import pytest
import respx

from ionq_client import IonQError
from tests.client.http.conftest import KEY, Driver


def test_key_not_in_repr(client: Driver) -> None:
    assert KEY not in repr(client.client) and KEY not in str(client.client)


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(
            401,
            json={"error": "Unauthorized", "message": f"key {KEY} is revoked", "statusCode": 401},
        ),
        httpx.Response(500, text=f"echo: Authorization: apiKey {KEY}"),
        httpx.Response(200, text=f"<html>{KEY}</html>"),
        httpx.ConnectError(f"could not send apiKey {KEY}"),
        # Seen on main: these two reached str(e), .body, .headers, .request_id, the
        # pickle and the retry log line.
        httpx.Response(302, text=f"moved; you sent apiKey {KEY}"),
        httpx.Response(500, headers={"x-request-id": f"apiKey {KEY}"}, json={"message": "x"}),
    ],
    ids=[
        "echoed-in-json",
        "echoed-in-text",
        "echoed-in-bad-success",
        "in-transport-error",
        "echoed-in-a-redirect-body",
        "echoed-in-a-response-header",
    ],
)
def test_key_not_in_any_exception(
    make_client, mock_api: respx.MockRouter, caplog: pytest.LogCaptureFixture, answer: object
) -> None:  # type: ignore[no-untyped-def]
    client = make_client(max_retries=1)
    caplog.set_level(logging.DEBUG)
    mock_api.get("/jobs/j").mock(side_effect=[answer, answer])
    with pytest.raises(IonQError) as raised:
        client.retrieve_job("j")
    error = raised.value
    texts = [str(error), repr(error), *map(str, getattr(error, "__notes__", []))]
    texts += [str(v) for v in vars(error).values()]
    assert not [t for t in texts if KEY in t]
    assert KEY.encode() not in pickle.dumps(error)
    assert KEY not in caplog.text
    assert "GET" in caplog.text  # the requests were logged, without the key


def test_key_not_logged_at_debug(
    client: Driver, mock_api: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    mock_api.get("/whoami").respond(200, json={"key_id": "k", "key_name": "n"})
    client.whoami()
    assert "/whoami" in caplog.text and KEY not in caplog.text


def test_key_not_in_a_failed_jobs_error(client: Driver, mock_api: respx.MockRouter) -> None:
    """Seen on main: IonQJobFailedError quoted failure.message verbatim."""
    from tests.support.files import load_fixture

    failed = load_fixture("job_failed")
    failed["failure"] = {"code": "BadRequest", "message": f"echo apiKey {KEY}"}
    mock_api.get(f"/jobs/{failed['id']}").respond(200, json=failed)
    with pytest.raises(IonQError) as raised:
        client.wait_for_job(failed["id"])
    assert "BadRequest" in str(raised.value) and KEY not in str(raised.value)


def test_a_closed_client_raises_a_typed_error(client: Driver) -> None:
    """Seen on main: a plain RuntimeError from httpx."""
    from ionq_client import IonQClientClosedError

    client.close()
    with pytest.raises(IonQClientClosedError):
        client.retrieve_job("j")
