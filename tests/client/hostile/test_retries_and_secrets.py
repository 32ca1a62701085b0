"""A hostile server and the client's promises about requests and the API key: how many
times a request is sent (proxy errors, dropped connections, a job poll that trickles),
and that the key never reaches another host nor any exception the client raises."""

from __future__ import annotations

import json
import pickle

from ionq_client import (
    Circuit,
    IonQBadRequestError,
    IonQConnectionError,
    IonQJob,
    IonQJobTimeoutError,
    IonQResponseError,
    IonQServerError,
    IonQTimeoutError,
)
from tests.client.hostile.rawserver import KEY, Conn, RawServer, call, raised, retrieve

TIMEOUT = 1

PROXY_502 = b"""<html>
<head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body>
</html>
"""


def bad_gateway(conn: Conn) -> None:
    conn.respond("502 Bad Gateway", PROXY_502, "text/html")


def test_proxy_502_page_is_retried_then_raised(kind: str) -> None:
    """9. An HTML 502 from a proxy -> IonQServerError(502), after exactly
    1 + max_retries GETs."""
    with RawServer(bad_gateway) as server:
        outcome = retrieve(kind, server, max_retries=2)
    error = raised(outcome, IonQServerError)
    assert error.status_code == 502
    assert server.count("GET") == 3
    assert len(server.requests) == 3


def test_redirect_to_another_host_does_not_carry_the_key(kind: str) -> None:
    """11. ``302 Location: http://127.0.0.2:<port>/...`` -> IonQResponseError; the
    second host never hears from the client (not even a connection), and the key the
    302 page echoes is in no part of the error."""
    with RawServer(lambda conn: None, host="127.0.0.2") as elsewhere:

        def redirect(conn: Conn) -> None:
            echo = f"Moved. You sent Authorization: {conn.req.headers.get('authorization')}"
            conn.respond(
                "302 Found",
                echo.encode(),
                "text/plain",
                [("Location", f"{elsewhere.url}/jobs/x")],
            )

        with RawServer(redirect) as server:
            outcome = retrieve(kind, server)
    error = raised(outcome, IonQResponseError)
    assert elsewhere.connections == []
    # The key was sent where it belongs, and echoed back: the checks below mean something.
    assert server.requests[0].headers["authorization"] == f"apiKey {KEY}"
    assert KEY not in repr(error)
    assert KEY not in error.body
    assert len(server.requests) == 1


def drop(conn: Conn) -> None:
    """Read the request, then close the connection without a word."""


def test_dropped_submission_is_not_sent_again(kind: str) -> None:
    """13. ``POST /jobs`` is read, then the connection dropped: the job may exist. The
    client looks for it (``GET /jobs?...``, dropped too) and, unable to tell, raises
    with a note instead of sending the POST again."""
    job = IonQJob(circuit=Circuit(2).h(0).cx(0, 1))
    with RawServer(drop) as server:
        outcome = call(kind, server.url, "submit_job", job, timeout=TIMEOUT, max_retries=1)
    error = raised(outcome, IonQConnectionError)
    assert server.count("POST") == 1
    lookups = [r for r in server.requests if r.method == "GET"]
    assert lookups and all(r.path == "/v0.4/jobs" for r in lookups)
    notes = getattr(error, "__notes__", [])
    assert any("may have taken effect" in note for note in notes), notes
    assert not [note for note in notes if KEY in note]


def trickled_job(conn: Conn) -> None:
    """``GET /jobs/{id}``: a chunked answer, one byte every 0.2 s, forever."""
    head = [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")]
    if conn.head("200 OK", head):
        while conn.send(b"1\r\n \r\n") and conn.pause(0.2):
            pass


def test_wait_for_job_on_a_trickling_poll_ends_at_its_deadline(kind: str) -> None:
    """14. ``wait_for_job(id, timeout=3)`` while every poll trickles forever ->
    IonQJobTimeoutError, whose cause is the poll's IonQTimeoutError.

    With ``timeout=2`` (a 4 s attempt budget, past the 3 s wait) the first poll ends
    after its budget, after the wait's deadline: its error becomes IonQJobTimeoutError,
    and no retry starts past the deadline (``max_retries`` is left at 4).
    """
    with RawServer(trickled_job) as server:
        outcome = call(kind, server.url, "wait_for_job", "x", 3.0, timeout=2)
    error = raised(outcome, IonQJobTimeoutError)
    assert isinstance(error.__cause__, IonQTimeoutError)
    assert error.job_id == "x"
    assert 1 <= server.count("GET") <= 3
    assert len(server.requests) == server.count("GET")


def echo_key(conn: Conn) -> None:
    """A 400 that echoes the Authorization header in ``x-request-id`` and in its body."""
    sent = conn.req.headers.get("authorization", "")
    body = {"error": {"type": "invalid_request", "message": f"bad key? you sent {sent}"}}
    conn.respond("400 Bad Request", json.dumps(body).encode(), headers=[("x-request-id", sent)])


def test_echoed_key_is_in_no_part_of_the_error(kind: str) -> None:
    """15. The key echoed in a response header and in a 400's body appears nowhere in
    the exception: str, repr, headers, request_id, body, nor its pickle."""
    with RawServer(echo_key) as server:
        outcome = retrieve(kind, server)
    error = raised(outcome, IonQBadRequestError)
    assert server.requests[0].headers["authorization"] == f"apiKey {KEY}"
    assert error.request_id is not None  # the echoed header was kept, redacted
    assert KEY not in error.request_id
    assert KEY not in repr(error)
    assert KEY not in json.dumps(error.headers)
    assert KEY not in error.body
    assert KEY.encode() not in pickle.dumps(error)
