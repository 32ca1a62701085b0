"""Small protections: constant-time key checks, bounded error bodies, and a client
that hangs up mid-request not being taken for an emulator bug."""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import MutableMapping
from typing import Any

import httpx
import pytest

from ionq_emulator import EmulatorConfig, RunningEmulator, create_app
from ionq_emulator._errors import error_body

from .conftest import KEYS, assert_error, bell, http_to

# ------------------------------------------------------------------ API keys


def test_a_key_is_compared_with_every_configured_key_in_constant_time(
    emulator: RunningEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each presented key meets ``hmac.compare_digest`` once per configured key, whether
    it matches the first key, the last or none: no dict lookup, no early exit."""
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    for presented, expected_status in ((KEYS[0], 200), (KEYS[-1], 200), ("wrong-key", 401)):
        compared.clear()
        with http_to(emulator, presented) as http:
            assert http.get("/whoami").status_code == expected_status
        assert sorted(a for a, _ in compared) == sorted(k.encode() for k in KEYS)
        assert {b for _, b in compared} == {presented.encode()}


# ------------------------------------------------------------- error bodies

#: What an error message may grow to: the message cap of ``_errors``.
MESSAGE_CAP = 1000


def assert_quotes_at_most_a_cap(body: dict[str, Any], long_value: str) -> None:
    message = body["message"]
    assert len(message) <= MESSAGE_CAP, len(message)
    assert long_value not in message
    assert long_value[:150] in message and "..." in message  # quoted, cut, marked


def test_a_long_job_id_is_quoted_only_in_part(http: httpx.Client) -> None:
    long_id = "a" * 5000
    assert_quotes_at_most_a_cap(assert_error(http.get(f"/jobs/{long_id}"), 404), long_id)


def test_a_long_session_id_is_quoted_only_in_part(http: httpx.Client) -> None:
    long_id = "s" * 5000
    body = assert_error(http.post("/jobs", json=bell(session_id=long_id)), 404)
    assert_quotes_at_most_a_cap(body, long_id)


def test_many_long_missing_ids_make_a_bounded_message(http: httpx.Client) -> None:
    ids = [f"{i}{'x' * 3000}" for i in range(20)]
    body = assert_error(http.request("DELETE", "/jobs", json={"ids": ids}), 404)
    assert len(body["message"]) <= MESSAGE_CAP, len(body["message"])


def test_a_long_unknown_field_is_named_only_in_part(http: httpx.Client) -> None:
    field = "f" * 5000
    body = assert_error(http.post("/jobs", json=bell(**{field: 1})), 400)
    assert len(body["message"]) <= MESSAGE_CAP
    (key,) = body["validation"]["keys"]
    assert len(key) <= 200 and key.endswith("...") and key.startswith("f" * 150)


def test_error_body_caps_every_message_it_is_given() -> None:
    body = error_body(400, "Value " + "v" * 100_000 + " and " + "w " * 5000, {"keys": ["k"] * 999})
    assert len(body["message"]) <= MESSAGE_CAP
    assert "v" * 198 not in body["message"] and "v" * 150 + "..." in body["message"]
    assert len(body["validation"]["keys"]) <= 50


# ------------------------------------------------------- client hang-ups


def test_a_client_hanging_up_mid_body_is_not_an_emulator_bug() -> None:
    """The ASGI server reports ``http.disconnect`` before the body is complete (what
    uvicorn does when the client closes its socket); the emulator must not log it as
    one of its own errors. Driven in-process so that the disconnect is certain."""
    app = create_app(EmulatorConfig(keys=KEYS, check_responses=True))
    body = json.dumps(bell()).encode()
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v0.4/jobs",
        "raw_path": b"/v0.4/jobs",
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"authorization", f"apiKey {KEYS[0]}".encode()),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
    }
    incoming: list[MutableMapping[str, Any]] = [
        {"type": "http.request", "body": body[:10], "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> MutableMapping[str, Any]:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    assert sent, "the app answered nothing at all"
    assert app.state.emulator.internal_errors == []
    assert app.state.store.list_jobs(app.state.store.account(KEYS[0]))["jobs"] == []
