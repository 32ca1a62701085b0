"""Every exception crosses a process boundary with its attributes, and without the key."""

from __future__ import annotations

import pickle

import httpx
import pytest

import ionq_client
from ionq_client import IonQError
from ionq_client._exceptions import api_error_from_response

KEY = "sk-pickle-31f0c2"


def every_exception() -> list[IonQError]:
    headers = {"x-request-id": f"req-{KEY}", "Retry-After": "3"}
    body = f'{{"error": "bad", "message": "key {KEY} refused", "statusCode": 400}}'
    made: list[IonQError] = [
        api_error_from_response(status, headers, body, secret=KEY, retry_after=3.0)
        for status in (400, 401, 403, 404, 409, 413, 422, 429, 500, 503, 520)
    ]
    made += [
        ionq_client.IonQValidationError("shots", "must be positive"),
        ionq_client.IonQCredentialsError("no key"),
        ionq_client.IonQClientClosedError("closed"),
        ionq_client.IonQConnectionError("refused"),
        ionq_client.IonQTimeoutError("slow"),
        ionq_client.IonQResponseError("bad body", status_code=200, body="<html>"),
        ionq_client.IonQJobFailedError("failed", job_id="j1", code="SimulationError"),
        ionq_client.IonQJobCanceledError("canceled", job_id="j2"),
        ionq_client.IonQJobTimeoutError("slow job", job_id="j3"),
        ionq_client.IonQBatchError("2 of 3 failed", results=["j1", "j2"]),
        ionq_client.IonQBatchTimeoutError("1 unfinished", unfinished=["j4"]),
    ]
    made[0].add_note("a note survives too")
    return made


@pytest.mark.parametrize("error", every_exception(), ids=lambda e: type(e).__name__)
def test_exceptions_pickle_with_their_attributes_and_no_key(error: IonQError) -> None:
    data = pickle.dumps(error)
    assert KEY.encode() not in data
    copy = pickle.loads(data)
    assert type(copy) is type(error)
    assert copy.__dict__ == error.__dict__ and str(copy) == str(error)


def test_every_public_exception_is_covered() -> None:
    covered = {type(e) for e in every_exception()}
    public = {
        getattr(ionq_client, name)
        for name in ionq_client.__all__
        if isinstance(getattr(ionq_client, name), type)
        and issubclass(getattr(ionq_client, name), IonQError)
    }
    abstract = {IonQError, ionq_client.IonQRetriableError, ionq_client.IonQJobError}
    assert public - abstract - {ionq_client.IonQAPIError} <= covered


def test_a_client_pickles_as_its_configuration() -> None:
    client = ionq_client.IonQClient(KEY, "https://api.ionq.co/v0.4", timeout=7, max_retries=2)
    copy = pickle.loads(pickle.dumps(client))
    assert (copy.url, copy.max_retries, copy.timeout) == (client.url, 2, httpx.Timeout(7))
    assert copy.api_headers["Authorization"] == f"apiKey {KEY}"
    assert copy._http is not client._http
    client.close()
    copy.close()
    with httpx.Client() as own:
        foreign = ionq_client.IonQClient(KEY, http_client=own)
        with pytest.raises(TypeError, match="http_client"):
            pickle.dumps(foreign)
