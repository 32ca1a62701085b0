"""IonQ's error body, built in one place for the app and the fault injector."""

from __future__ import annotations

import pytest

from ionq_emulator import openapi
from ionq_emulator._errors import ApiError, error_body, error_phrase

ERROR = "#/components/schemas/Error"


@pytest.mark.parametrize(
    ("status", "phrase"),
    [
        (400, "Bad Request"),
        (401, "Unauthorized Error"),
        (404, "Not Found Error"),
        (409, "Conflict Error"),
        (429, "Too Many Requests"),
        (418, "I'm a Teapot"),  # not one of IonQ's: the standard phrase
        (599, "Error"),  # no standard phrase at all
    ],
)
def test_error_phrase(status: int, phrase: str) -> None:
    assert error_phrase(status) == phrase


def test_error_body_has_ionqs_shape() -> None:
    body = error_body(404, "Job 'x' does not exist.")
    assert body == {
        "error": "Not Found Error",
        "message": "Job 'x' does not exist.",
        "statusCode": 404,
    }
    assert not openapi.errors(ERROR, body)


def test_a_validation_error_names_its_keys_and_source() -> None:
    error = ApiError(400, "bad shots", validation={"keys": ["shots"], "source": "body"})
    body = error.body()
    assert body["validation"] == {"keys": ["shots"], "source": "body"}
    assert body["statusCode"] == 400 and body["error"] == "Bad Request"
    assert not openapi.errors(ERROR, body)


def test_api_error_keeps_its_headers() -> None:
    error = ApiError(429, "slow down", headers={"Retry-After": "3"})
    assert error.headers == {"Retry-After": "3"} and error.status == 429
    assert "validation" not in error.body()
