"""``_failures``: a failed attempt -> the exception it means and the next step. Pure,
so tested directly: no server, no clock, no sleeping."""

from __future__ import annotations

import email.utils

import httpx
import pytest

from ionq_client import (
    IonQBadRequestError,
    IonQConnectionError,
    IonQRateLimitError,
    IonQResponseError,
    IonQServerError,
    IonQTimeoutError,
)
from ionq_client._failures import (
    AMBIGUOUS_NOTE,
    Step,
    Verdict,
    after_failure,
    backoff_delay,
    classify,
    retry_after,
)
from ionq_client._requests import ApiRequest

KEY = "sk-unit-0123456789"
POST = ApiRequest("createJob", "POST", "/jobs", decode=lambda r: r)
GET = ApiRequest("getJob", "GET", "/jobs/x", decode=lambda r: r)


def answer(status: int, body: str = "", **headers: str) -> httpx.Response:
    request = httpx.Request("GET", "https://api.ionq.co/v0.4/jobs/x")
    return httpx.Response(status, text=body, headers=headers, request=request)


@pytest.mark.parametrize(
    ("method", "failure", "verdict"),
    [
        ("GET", 502, Verdict.RETRY),
        ("PUT", 503, Verdict.RETRY),
        ("DELETE", 504, Verdict.RETRY),
        ("GET", 409, Verdict.RETRY),  # Cloudflare under load
        ("POST", 409, Verdict.STOP),
        ("GET", 400, Verdict.STOP),
        ("GET", 404, Verdict.STOP),
        ("POST", 429, Verdict.RETRY),  # refused before the application saw it
        ("POST", 502, Verdict.FIND),  # the job may exist
        ("POST", 500, Verdict.FIND),
        ("POST", 522, Verdict.FIND),
        ("POST", httpx.ConnectError("refused"), Verdict.RETRY),
        ("POST", httpx.ConnectTimeout("slow"), Verdict.RETRY),
        ("POST", httpx.ReadTimeout("slow"), Verdict.FIND),
        ("POST", httpx.RemoteProtocolError("dropped"), Verdict.FIND),
        ("GET", httpx.ReadTimeout("slow"), Verdict.RETRY),
        ("GET", ValueError("not a transport error"), Verdict.STOP),
    ],
)
def test_classify(method: str, failure: int | Exception, verdict: Verdict) -> None:
    assert classify(method, failure) is verdict


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = 1_700_000_000.0
    assert retry_after({"retry-after": " 7 "}, now) == 7.0
    assert retry_after({"retry-after": "-3"}, now) == 0.0
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert retry_after({"retry-after": date}, now) == pytest.approx(30.0)
    assert retry_after({"retry-after": "soon"}, now) is None
    assert retry_after({"retry-after": "nan"}, now) is None
    assert retry_after({}, now) is None


def test_backoff_grows_caps_and_obeys_the_server_up_to_a_limit() -> None:
    assert [backoff_delay(n, None, 0.0) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert backoff_delay(0, None, 1.0) == pytest.approx(0.375)  # jitter takes up to 25 %
    assert backoff_delay(0, 3.0, 0.9) == 3.0  # Retry-After is obeyed exactly
    assert backoff_delay(0, 3600.0, 0.0) == 60.0  # but not beyond MAX_RETRY_AFTER


def step_for(
    request: ApiRequest[object],
    failure: httpx.Response | httpx.TransportError,
    *,
    attempt: int = 0,
    findable: bool = False,
) -> Step:
    return after_failure(
        request,
        failure,
        attempt=attempt,
        max_retries=4,
        secret=KEY,
        now=0.0,
        jitter=0.0,
        findable=findable,
    )


def test_a_transient_get_is_retried_with_backoff() -> None:
    step = step_for(GET, answer(503))
    assert (step.action, step.delay) == ("retry", 0.5)
    assert isinstance(step.error, IonQServerError)


def test_the_last_attempt_raises() -> None:
    step = step_for(GET, answer(503), attempt=4)
    assert step.action == "raise" and isinstance(step.error, IonQServerError)


def test_an_ambiguous_post_is_looked_for_only_when_it_can_be() -> None:
    found = step_for(POST, answer(502), findable=True)
    assert found.action == "find" and found.delay == 0.5
    blind = step_for(POST, answer(502), findable=False)
    assert blind.action == "raise"
    assert AMBIGUOUS_NOTE in getattr(blind.error, "__notes__", [])


def test_client_errors_are_final_and_rate_limits_carry_the_hint() -> None:
    assert step_for(POST, answer(400, '{"error": "x", "message": "bad"}')).action == "raise"
    assert isinstance(step_for(POST, answer(400)).error, IonQBadRequestError)
    limited = step_for(POST, answer(429, **{"retry-after": "2"}))
    assert limited.action == "retry" and limited.delay == 2.0
    assert isinstance(limited.error, IonQRateLimitError) and limited.error.retry_after == 2.0


def test_transport_errors_map_to_the_tree_without_the_key() -> None:
    timeout = step_for(GET, httpx.ReadTimeout("read timed out"))
    assert isinstance(timeout.error, IonQTimeoutError)
    echoed = step_for(GET, httpx.ConnectError(f"bad header apiKey {KEY}"))
    assert isinstance(echoed.error, IonQConnectionError)
    assert KEY not in str(echoed.error) and "<redacted>" in str(echoed.error)


def test_a_redirect_is_an_off_spec_answer() -> None:
    step = step_for(GET, answer(302, f"moved; your key was {KEY}"))
    assert step.action == "raise" and isinstance(step.error, IonQResponseError)
    assert KEY not in str(step.error) and KEY not in step.error.body


def test_an_ambiguous_post_on_its_last_attempt_says_it_may_have_taken_effect() -> None:
    """With retries spent (or off), the error is as ambiguous as ever: the note says so."""
    step = step_for(POST, httpx.RemoteProtocolError("dropped"), attempt=4, findable=True)
    assert step.action == "raise" and AMBIGUOUS_NOTE in getattr(step.error, "__notes__", [])
    refused = step_for(POST, answer(400), attempt=4, findable=True)
    assert AMBIGUOUS_NOTE not in getattr(refused.error, "__notes__", [])


def test_a_timed_out_post_is_looked_for_only_after_the_server_had_time_to_finish() -> None:
    """A server stalled past the read timeout may still create the job: the lookup waits
    at least the read timeout again (the soak's held answers made duplicates without)."""
    timed_out = after_failure(
        POST,
        httpx.ReadTimeout("slow"),
        attempt=0,
        max_retries=4,
        secret=KEY,
        now=0.0,
        jitter=0.0,
        findable=True,
        grace=5.0,
    )
    assert (timed_out.action, timed_out.delay) == ("find", 5.0)
    answered = after_failure(
        POST,
        answer(502),
        attempt=0,
        max_retries=4,
        secret=KEY,
        now=0.0,
        jitter=0.0,
        findable=True,
        grace=5.0,
    )
    assert (answered.action, answered.delay) == ("find", 0.5)  # the server has answered
