"""Injected faults: scripted one-shots for exact tests, seeded rates for soak tests."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from ionq_emulator import FaultConfig, RunningEmulator
from ionq_emulator.__main__ import build_parser, config_from_args

from .conftest import INSTANT, Serve, assert_error, bell, http_to

TRANSPORT_ERRORS = (httpx.RemoteProtocolError, httpx.ReadError)


def job_count(emulator: RunningEmulator) -> int:
    with http_to(emulator) as http:
        return len(http.get("/jobs", params={"limit": 1000}).json()["jobs"])


@pytest.fixture
def emu(serve: Serve) -> RunningEmulator:
    return serve(**INSTANT)


def test_a_502_after_handling_creates_the_job_once(emu: RunningEmulator) -> None:
    emu.faults.inject("POST", "/jobs", status=502, after=True)
    with http_to(emu) as http:
        assert_error(http.post("/jobs", json=bell()), 502)
        assert job_count(emu) == 1
        assert http.post("/jobs", json=bell()).status_code == 201  # one shot only
    assert job_count(emu) == 2
    assert emu.faults.injected == 1
    (record,) = emu.faults.history
    assert (record.method, record.status, record.after, record.scripted) == (
        "POST",
        502,
        True,
        True,
    )


def test_a_502_before_handling_creates_nothing(emu: RunningEmulator) -> None:
    emu.faults.inject("POST", "/jobs", status=502)
    with http_to(emu) as http:
        assert_error(http.post("/jobs", json=bell()), 502)
    assert job_count(emu) == 0


def test_a_dropped_connection_is_a_transport_error(emu: RunningEmulator) -> None:
    emu.faults.inject("GET", "/whoami", drop=True)
    with http_to(emu) as http:
        with pytest.raises(TRANSPORT_ERRORS):
            http.get("/whoami")
        assert http.get("/whoami").status_code == 200  # the server carries on


def test_a_drop_after_handling_still_creates_the_job(emu: RunningEmulator) -> None:
    emu.faults.inject("POST", "/jobs", drop=True, after=True)
    with http_to(emu) as http, pytest.raises(TRANSPORT_ERRORS):
        http.post("/jobs", json=bell())
    assert job_count(emu) == 1


def test_a_slow_answer_times_the_client_out_after_the_job_exists(emu: RunningEmulator) -> None:
    emu.faults.inject("POST", "/jobs", delay=0.5, after=True)
    with http_to(emu) as http:
        http.timeout = httpx.Timeout(5, read=0.1)
        with pytest.raises(httpx.ReadTimeout):
            http.post("/jobs", json=bell())
    assert job_count(emu) == 1


def test_a_delay_before_handling_is_latency(emu: RunningEmulator) -> None:
    emu.faults.inject("GET", "/backends", delay=0.2)
    start = time.monotonic()
    assert httpx.get(f"{emu.url}/backends").status_code == 200
    assert time.monotonic() - start >= 0.2


def test_retry_after_on_429_and_503(emu: RunningEmulator) -> None:
    emu.faults.inject("GET", "/whoami", status=429)
    emu.faults.inject("GET", "/whoami", status=503, retry_after="7")
    emu.faults.inject("GET", "/whoami", status=500)
    with http_to(emu) as http:
        first, second, third = (http.get("/whoami") for _ in range(3))
    assert_error(first, 429).get("message")
    assert first.headers["retry-after"] == "1"
    assert_error(second, 503)
    assert second.headers["retry-after"] == "7"
    assert_error(third, 500)
    assert "retry-after" not in third.headers


def test_templates_times_and_clear(emu: RunningEmulator) -> None:
    with http_to(emu) as http:
        job_id = http.post("/jobs", json=bell()).json()["id"]
        emu.faults.inject("GET", "/jobs/{job_id}", status=500, times=2)
        emu.faults.inject("PUT", "/v0.4/jobs/status/cancel", status=409)
        assert [http.get(f"/jobs/{job_id}").status_code for _ in range(3)] == [500, 500, 200]
        assert http.get("/jobs").status_code == 200  # the template does not match /jobs
        emu.faults.clear()
        assert emu.faults.injected == 0
        assert http.put("/jobs/status/cancel", json={"ids": [job_id]}).status_code == 200


def statuses(emulator: RunningEmulator, n: int = 40) -> list[int]:
    with httpx.Client() as http:
        return [http.get(f"{emulator.url}/backends").status_code for _ in range(n)]


def test_seeded_rates_are_reproducible(serve: Serve) -> None:
    faults = FaultConfig(rate_429=0.2, rate_503=0.3)
    first = statuses(serve(seed=11, faults=faults))
    second = statuses(serve(seed=11, faults=faults))
    other = statuses(serve(seed=12, faults=faults))
    assert first == second != other
    assert set(first) == {200, 429, 503}


def test_rates_fire_and_are_counted(serve: Serve) -> None:
    emulator = serve(faults=FaultConfig(rate_502=1.0))
    assert set(statuses(emulator, 5)) == {502}
    assert emulator.faults.injected == 5
    dropping = serve(faults=FaultConfig(rate_drop=1.0))
    with pytest.raises(TRANSPORT_ERRORS):
        httpx.get(f"{dropping.url}/backends")


def test_latency_slows_every_request(serve: Serve) -> None:
    emulator = serve(faults=FaultConfig(latency=0.1))
    start = time.monotonic()
    assert statuses(emulator, 3) == [200, 200, 200]
    assert time.monotonic() - start >= 0.3
    assert emulator.faults.injected == 0  # latency alone is not a fault


@pytest.mark.parametrize(
    "kwargs",
    [
        {"rate_429": 1.5},
        {"rate_500": 0.6, "rate_502": 0.6},
        {"rate_504": 0.6, "rate_delay": 0.6},
        {"latency": -1},
        {"retry_after": -1},
        {"delay": -1},
        {"after_rate": 1.5},
    ],
)
def test_fault_config_refuses_nonsense(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        FaultConfig(**kwargs)  # type: ignore[arg-type]


def test_inject_refuses_nonsense(emu: RunningEmulator) -> None:
    for kwargs in ({"status": 200}, {"status": 502, "drop": True}, {"times": 0}, {"delay": -1}):
        with pytest.raises(ValueError):
            emu.faults.inject("GET", "/jobs", **kwargs)  # type: ignore[arg-type]


# ------------------------------------------------- random faults after handling


def stored_jobs(emulator: RunningEmulator) -> int:
    """Jobs in the store, read around the HTTP layer (whose answers may be faults)."""
    store = emulator.store
    account = store.account(emulator.key)
    assert account is not None
    return len(store.list_jobs(account, limit=10_000)["jobs"])


def test_cli_fault_flags_cover_every_kind_and_the_after_mode() -> None:
    args = build_parser().parse_args(
        [
            *("--fault-rate-504", "0.1", "--fault-rate-delay", "0.05"),
            *("--fault-rate-drop", "0.05", "--fault-delay", "2.5"),
            *("--fault-after-rate", "0.5", "--fault-rate-429", "0.1"),
        ]
    )
    faults = config_from_args(args).faults
    assert (faults.rate_504, faults.rate_delay, faults.rate_drop) == (0.1, 0.05, 0.05)
    assert (faults.delay, faults.after_rate, faults.rate_429) == (2.5, 0.5, 0.1)
    default = config_from_args(build_parser().parse_args([])).faults
    assert default.after_rate == 0.0 and default == FaultConfig()


def test_a_random_429_never_fires_after_handling(serve: Serve) -> None:
    """A 429 means "not processed": clients resend it blindly, so it must be true."""
    emulator = serve(faults=FaultConfig(rate_429=1.0, after_rate=1.0), **INSTANT)
    with http_to(emulator) as http:
        response = http.post("/jobs", json=bell())
    assert_error(response, 429)
    assert "retry-after" in response.headers
    assert stored_jobs(emulator) == 0
    (record,) = emulator.faults.history
    assert (record.status, record.after) == (429, False)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_random_status_after_handling_creates_the_job(serve: Serve, status: int) -> None:
    rate: dict[str, Any] = {f"rate_{status}": 1.0}
    emulator = serve(faults=FaultConfig(**rate, after_rate=1.0), **INSTANT)
    with http_to(emulator) as http:
        response = http.post("/jobs", json=bell())
    assert_error(response, status)
    assert ("retry-after" in response.headers) == (status in (429, 503))
    assert stored_jobs(emulator) == 1
    (record,) = emulator.faults.history
    assert (record.status, record.after, record.scripted) == (status, True, False)


def test_a_random_drop_after_handling_creates_the_job(serve: Serve) -> None:
    emulator = serve(faults=FaultConfig(rate_drop=1.0, after_rate=1.0), **INSTANT)
    with http_to(emulator) as http, pytest.raises(TRANSPORT_ERRORS):
        http.post("/jobs", json=bell())
    assert stored_jobs(emulator) == 1
    (record,) = emulator.faults.history
    assert record.drop and record.after


def test_a_random_delay_outlasts_the_read_timeout_after_the_job_exists(serve: Serve) -> None:
    faults = FaultConfig(rate_delay=1.0, delay=0.5, after_rate=1.0)
    emulator = serve(faults=faults, **INSTANT)
    with http_to(emulator) as http:
        http.timeout = httpx.Timeout(5, read=0.1)
        with pytest.raises(httpx.ReadTimeout):
            http.post("/jobs", json=bell())
    # The client gave up first; on a loaded machine the server may still be handling it.
    for _ in range(200):  # bounded: 10 s at most
        if stored_jobs(emulator) == 1:
            break
        time.sleep(0.05)
    assert stored_jobs(emulator) == 1
    (record,) = emulator.faults.history
    assert (record.status, record.drop, record.delay, record.after) == (None, False, 0.5, True)


def test_a_random_status_before_handling_creates_nothing(serve: Serve) -> None:
    emulator = serve(faults=FaultConfig(rate_504=1.0), **INSTANT)
    with http_to(emulator) as http:
        assert_error(http.post("/jobs", json=bell()), 504)
    assert stored_jobs(emulator) == 0
    (record,) = emulator.faults.history
    assert (record.status, record.after) == (504, False)


def test_the_history_reconciles_a_ledger_of_mixed_faults(serve: Serve) -> None:
    """Half the requests fault, half of those after handling: the jobs that exist are
    exactly the 201s plus the faults the history says fired after handling."""
    faults = FaultConfig(rate_502=0.25, rate_504=0.25, after_rate=0.5)
    emulator = serve(seed=5, faults=faults, **INSTANT)
    with http_to(emulator) as http:
        answers = [http.post("/jobs", json=bell()).status_code for _ in range(40)]
    history = emulator.faults.history
    after = sum(r.after for r in history)
    assert 0 < after < len(history) == answers.count(502) + answers.count(504)
    assert stored_jobs(emulator) == answers.count(201) + after


def test_a_random_delay_before_handling_is_a_gateway_504_and_creates_nothing(
    serve: Serve,
) -> None:
    """A held request that still reached the app later would be the one duplicate no
    client can rule out; a delay before handling therefore ends as a gateway's 504."""
    emulator = serve(faults=FaultConfig(rate_delay=1.0, delay=0.2), **INSTANT)
    with http_to(emulator) as http:
        assert_error(http.post("/jobs", json=bell()), 504)
    assert stored_jobs(emulator) == 0
    (record,) = emulator.faults.history
    assert (record.status, record.delay, record.after) == (504, 0.2, False)
