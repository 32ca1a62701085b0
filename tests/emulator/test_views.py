"""The pure parts of the emulator, without a server: records, their timeline, views.

``_views`` renders records as IonQ's JSON and ``_records.Timeline`` decides how a job
ages; both are plain functions of records and a clock, so they are checked here
directly, each rendered body also against the spec's schema for it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from ionq_emulator import EmulatorConfig, openapi
from ionq_emulator._accounts import Account, accounts_for
from ionq_emulator._catalog import BACKENDS
from ionq_emulator._execution import Failure, Outcome
from ionq_emulator._records import Job, Session, Timeline
from ionq_emulator._views import (
    backend_view,
    characterizations_page,
    cost_view,
    estimate_view,
    job_view,
    results_view,
    session_view,
    shots_in_order,
    usage_view,
    whoami_view,
)

from .conftest import FakeClock, bell

WALL = datetime(2026, 3, 15, 12, 0, tzinfo=UTC).timestamp()
ACCOUNT = Account("view-key", "emulator-key-1")


def schema(name: str) -> str:
    return f"#/components/schemas/{name}"


def assert_valid(name: str, body: Any) -> None:
    problems = openapi.errors(schema(name), body)
    assert not problems, f"{name}: {problems}"


def timeline(clock: FakeClock, **config: Any) -> Timeline:
    return Timeline.starting_now(EmulatorConfig(clock=clock, wall_clock=lambda: WALL, **config))


def a_job(
    clock: FakeClock,
    *,
    backend: str = "simulator",
    failure: Failure | None = None,
    **payload: Any,
) -> Job:
    outcome = Outcome(2, (1, 1), failure, {"0": 0.5, "3": 0.5}, {"0": 50, "3": 50})
    body = bell(shots=100, backend=backend, **payload)
    name = body.get("name")
    return Job(
        "job-1", 1, ACCOUNT, body["type"], BACKENDS[backend], body, clock(), outcome, 7, name
    )


# ------------------------------------------------------------------ accounts


def test_account_ids_are_derived_from_the_key_and_differ_by_kind() -> None:
    again = Account("view-key", "another name")
    assert ACCOUNT.key_id == again.key_id and ACCOUNT.user_id == again.user_id
    ids = {ACCOUNT.key_id, ACCOUNT.project_id, ACCOUNT.organization_id, ACCOUNT.user_id}
    assert len(ids) == 4
    assert Account("other-key", "emulator-key-1").key_id != ACCOUNT.key_id


def test_accounts_are_named_in_key_order_and_a_key_is_made_when_none_is_given() -> None:
    accounts = accounts_for(("a", "b"))
    assert [(a.key, a.name) for a in accounts.values()] == [
        ("a", "emulator-key-1"),
        ("b", "emulator-key-2"),
    ]
    (generated,) = accounts_for(())
    assert len(generated) >= 20


# ------------------------------------------------------------------ timeline


def test_a_job_ages_with_the_clock_and_stays_canceled() -> None:
    clock = FakeClock()
    times = timeline(clock, ready_after=1, start_after=1, run_time=1)
    job = a_job(clock)
    assert times.milestones(job) == (clock() + 1, clock() + 2, clock() + 3)
    seen = [times.status(job, clock() + dt) for dt in (0, 1, 2, 3)]
    assert seen == ["submitted", "ready", "started", "completed"]
    job.canceled_at = clock() + 1.5
    assert times.status(job, clock() + 3) == "canceled"


def test_a_failure_shows_at_ready_if_compiled_and_at_the_end_if_it_ran() -> None:
    clock = FakeClock()
    times = timeline(clock, ready_after=1, start_after=1, run_time=1)
    refused = a_job(clock, failure=Failure("NotEnoughQubits", "too wide", False))
    crashed = a_job(clock, failure=Failure("SimulationError", "too big", True))
    assert [times.status(refused, clock() + dt) for dt in (0, 1)] == ["submitted", "failed"]
    assert [times.status(crashed, clock() + dt) for dt in (1, 2, 3)] == [
        "ready",
        "started",
        "failed",
    ]


def test_timestamps_are_wall_clock_iso_with_milliseconds() -> None:
    clock = FakeClock()
    times = timeline(clock)
    assert times.iso(clock() + 1.2345) == "2026-03-15T12:00:01.234Z"
    assert times.today() == date(2026, 3, 15)
    assert times.iso(1e300) == "9999-12-31T23:59:59.999Z"


def test_a_session_ends_when_told_or_when_its_duration_runs_out() -> None:
    session = Session("s", ACCOUNT, "simulator", 100.0, {"duration_limit_min": 1})
    assert session.status(110.0) == "created" and session.ended_by(110.0) is None
    session.started = 105.0
    assert session.status(110.0) == "started"
    assert session.ended_by(160.0) == 160.0 and session.status(160.0) == "ended"
    session.ended = 120.0
    assert session.ended_by(130.0) == 120.0


# --------------------------------------------------------------------- views


def test_job_view_before_and_after_completion() -> None:
    clock = FakeClock()
    times = timeline(clock, ready_after=1, start_after=1, run_time=1, results_style="urls")
    job = a_job(clock, name="bell")
    pending = job_view(job, clock(), times)
    assert_valid("Job", pending)
    assert pending["status"] == "submitted" and pending["results"] is None
    assert pending["started_at"] is None and pending["completed_at"] is None
    assert pending["noise"] == {"model": "ideal"}  # IonQ's seed is an integer or absent
    assert pending["predicted_wait_time_ms"] == 2000 and pending["name"] == "bell"
    done = job_view(job, clock() + 3, times)
    assert_valid("Job", done)
    assert done["status"] == "completed" and done["execution_duration_ms"] == 1000
    assert done["submitted_at"] == "2026-03-15T12:00:00.000Z"
    assert done["started_at"] == "2026-03-15T12:00:02.000Z"
    assert done["completed_at"] == "2026-03-15T12:00:03.000Z"
    assert done["results"]["histogram"] == {"url": "/v0.4/jobs/job-1/results/histogram"}
    assert done["stats"]["gate_counts"] == {"1q": 1, "2q": 1}


def test_a_failed_job_view_carries_the_failure() -> None:
    clock = FakeClock()
    times = timeline(clock, ready_after=1, start_after=1, run_time=1)
    job = a_job(clock, failure=Failure("NotEnoughQubits", "too wide", False))
    view = job_view(job, clock() + 5, times)
    assert_valid("Job", view)
    assert view["failure"] == {"code": "NotEnoughQubits", "message": "too wide"}
    assert view["started_at"] is None and view["completed_at"] == "2026-03-15T12:00:01.000Z"


def test_results_are_urls_or_artifact_descriptors() -> None:
    job = a_job(FakeClock())
    urls = results_view(job, "urls")
    assert set(urls) == {"probabilities", "histogram", "shots"}
    artifacts = results_view(job, "artifacts")
    assert artifacts["ionq.result.shots.json.v1"] == {
        "id": "shots",
        "format": "ionq.result.shots.json.v1",
        "media_type": "application/json",
    }
    job.child_ids = ["child"]
    assert results_view(job, "urls") == {
        "probabilities": {"url": "/v0.4/jobs/job-1/results/probabilities/aggregated"}
    }
    assert list(results_view(job, "artifacts")) == ["ionq.result.probabilities-aggregate.json.v1"]


def test_shots_follow_the_histogram_in_a_seeded_order() -> None:
    histogram = {"00": 3, "11": 2}
    shots = shots_in_order(histogram, 7)
    assert sorted(shots) == ["00", "00", "00", "11", "11"]
    assert shots == shots_in_order(histogram, 7)


def test_cost_is_final_only_once_completed() -> None:
    job = a_job(FakeClock(), backend="qpu.aria-1")
    pending = cost_view(job, "started")
    assert_valid("JobCost", pending)
    assert "cost" not in pending and pending["estimated_cost"]["value"] > 0
    done = cost_view(job, "completed")
    assert_valid("JobCost", done)
    assert done["cost"] == done["estimated_cost"]


def test_estimate_echoes_its_context_and_prices_gates() -> None:
    query = {"backend": "qpu.aria-1", "shots": 100, "1q_gates": 10, "2q_gates": 5}
    view = estimate_view(ACCOUNT, BACKENDS["qpu.aria-1"], query, "2026-03-15T12:00:00.000Z")
    assert_valid("CostEstimate", view)
    assert view["estimate_context"]["organization"] == ACCOUNT.organization_id
    assert view["estimated_at"] == "2026-03-15T12:00:00.000Z"
    assert view["estimated_total_cost"] >= BACKENDS["qpu.aria-1"].minimum


def test_usage_counts_completed_top_level_jobs_of_the_account() -> None:
    clock = FakeClock()
    times = timeline(clock, ready_after=0, start_after=0, run_time=0)
    job = a_job(clock, backend="qpu.aria-1")
    dry = a_job(clock, backend="qpu.aria-1", dry_run=True)
    stranger = a_job(clock, backend="qpu.aria-1")
    stranger.account = Account("other", "emulator-key-2")
    view = usage_view(
        ACCOUNT,
        [job, dry, stranger],
        clock(),
        times,
        date(2026, 3, 1),
        date(2026, 4, 1),
        "project",
        "monthly",
    )
    assert_valid("UsageReport", view)
    assert view["job_count"] == 1 and view["organization"] == ACCOUNT.organization_id
    # IonQ's rows: {from (RFC 3339), job_count, group_usages}, not {period, project, jobs}.
    assert view["usage_data"][0]["from"] == "2026-03-01T00:00:00Z"
    assert view["usage_data"][0]["group_usages"][0]["group_id"] == ACCOUNT.project_id


def test_session_view_shows_limits_and_expiry() -> None:
    clock = FakeClock()
    times = timeline(clock)
    limits = {"duration_limit_min": 10, "job_count_limit": 3}
    session = Session("sess-1", ACCOUNT, "simulator", clock(), limits)
    view = session_view(session, clock(), times)
    assert_valid("Session", view)
    assert view["status"] == "created" and view["active"] is True
    assert view["settings"]["expires_at"] == "2026-03-15T12:10:00.000Z"
    assert view["settings"]["job_count_limit"] == 3 and view["ender_id"] is None
    session.ended = clock() + 1
    ended = session_view(session, clock() + 2, times)
    assert_valid("Session", ended)
    assert ended["status"] == "ended" and ended["active"] is False
    assert ended["ender_id"] == ACCOUNT.user_id


@pytest.mark.parametrize("name", ["simulator", "qpu.aria-1"])
def test_backend_view_is_spec_valid(name: str) -> None:
    clock = FakeClock()
    view = backend_view(BACKENDS[name], timeline(clock))
    assert_valid("BackendInfo", view)
    assert view["last_updated"] == "2026-03-15T12:00:00.000Z"
    assert ("characterization_id" in view) is (name != "simulator")


def test_characterizations_page_from_the_newest() -> None:
    backend = BACKENDS["qpu.aria-1"]
    first = characterizations_page(backend, date(2026, 3, 15), None, None, 2, 1)
    second = characterizations_page(backend, date(2026, 3, 15), None, None, 2, 2)
    assert_valid("CharacterizationList", first)
    assert len(first["characterizations"]) == 2 and first["pages"] == second["pages"] + 1
    ids = [c["id"] for c in first["characterizations"] + second["characterizations"]]
    assert len(set(ids)) == 4


def test_whoami_names_the_key() -> None:
    view = whoami_view(ACCOUNT)
    assert_valid("WhoAmI", view)
    assert view == {
        "key_id": ACCOUNT.key_id,
        "key_name": "emulator-key-1",
        "project_id": ACCOUNT.project_id,
    }
