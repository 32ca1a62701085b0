"""The API key never shows up in a repr, an exception or a log line."""

from __future__ import annotations

import logging

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
    ],
    ids=["echoed-in-json", "echoed-in-text", "echoed-in-bad-success", "in-transport-error"],
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
    assert KEY not in caplog.text
    assert "GET" in caplog.text  # the requests were logged, without the key


def test_key_not_logged_at_debug(
    client: Driver, mock_api: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    mock_api.get("/whoami").respond(200, json={"key_id": "k", "key_name": "n"})
    client.whoami()
    assert "/whoami" in caplog.text and KEY not in caplog.text
