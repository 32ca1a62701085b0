"""Answers that are broken rather than big: bad gzip, truncated JSON, HTML with a 200,
an invalid status line, headers that stop halfway. Each becomes one of the client's
own exceptions (never an ``httpx`` one), raised once (``max_retries=0``)."""

from __future__ import annotations

import httpx
import pytest

from ionq_client import IonQConnectionError, IonQResponseError, IonQTimeoutError
from tests.client.hostile.rawserver import Conn, RawServer, Scenario, raised, retrieve

HTML = b"""<!DOCTYPE html>
<html><head><title>Welcome</title></head>
<body><h1>It works!</h1><p>This is the default page of a web server.</p></body></html>
"""


def answer(status: str, body: bytes, content_type: str, *extra: tuple[str, str]) -> Scenario:
    """A well-framed answer with this status, body and Content-Type (and ``extra``)."""

    def scenario(conn: Conn) -> None:
        conn.respond(status, body, content_type, extra)

    return scenario


@pytest.mark.parametrize(
    ("scenario", "what"),
    [
        (
            answer(
                "200 OK",
                b"\x1f\x8b\x08 this is not gzip",
                "application/json",
                ("Content-Encoding", "gzip"),
            ),
            "6. bad gzip",
        ),
        (answer("200 OK", b'{"id": "x", "stat', "application/json"), "7. truncated JSON"),
        (answer("200 OK", HTML, "text/html; charset=utf-8"), "8. an HTML page"),
    ],
    ids=["bad-gzip", "truncated-json", "html-200"],
)
def test_broken_success_is_a_response_error(kind: str, scenario: Scenario, what: str) -> None:
    """6-8. A 200 whose body cannot be read as the spec says -> IonQResponseError
    (bad gzip: not ``httpx.DecodingError``)."""
    with RawServer(scenario) as server:
        outcome = retrieve(kind, server)
    error = raised(outcome, IonQResponseError)
    assert not isinstance(error, httpx.HTTPError), what
    assert error.status_code == 200, what
    assert len(server.requests) == 1, what


def bad_status_line(conn: Conn) -> None:
    conn.send(b"HTTP/1.1 abc\r\nContent-Length: 0\r\n\r\n")


def test_invalid_status_line_is_a_connection_error(kind: str) -> None:
    """10. ``HTTP/1.1 abc`` -> IonQConnectionError (no HTTP answer was received)."""
    with RawServer(bad_status_line) as server:
        outcome = retrieve(kind, server)
    raised(outcome, IonQConnectionError)
    assert len(server.requests) == 1


def half_headers(then_close: bool) -> Scenario:
    """The status line and half a header name; then silence, or a closed socket."""

    def scenario(conn: Conn) -> None:
        if conn.send(b"HTTP/1.1 200 OK\r\nContent-Ty") and not then_close:
            conn.hold()

    return scenario


def test_headers_stopping_midway_then_silence_time_out(kind: str) -> None:
    """12a. Headers stop mid-name and the socket stays open, silent -> IonQTimeoutError."""
    with RawServer(half_headers(then_close=False)) as server:
        outcome = retrieve(kind, server)
    raised(outcome, IonQTimeoutError)
    [conn] = server.connections
    assert conn.hung_up, "the server's cap ended the silence, not the client"


def test_headers_stopping_midway_then_close_are_a_connection_error(kind: str) -> None:
    """12b. Headers stop mid-name and the socket is closed -> IonQConnectionError (not a
    timeout: nothing was waited for)."""
    with RawServer(half_headers(then_close=True)) as server:
        outcome = retrieve(kind, server)
    error = raised(outcome, IonQConnectionError)
    assert not isinstance(error, IonQTimeoutError)
    assert len(server.requests) == 1
