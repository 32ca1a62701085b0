"""``jobs``, ``cancel`` and ``delete``."""

from __future__ import annotations

import json

import pytest
import respx

from tests.cli.helpers import run, single_job


def test_jobs_lists_a_page_without_reading_further(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    jobs = [single_job(id=f"job-{i}", submitted_at=f"2026-05-1{i}T00:00:00Z") for i in range(2)]
    route = api.get("/jobs").respond(200, json={"jobs": jobs, "next": "more"})

    code, out, _ = run(capsys, "jobs", "--status", "completed", "--limit", "2")

    assert code == 0
    assert route.call_count == 1
    assert dict(route.calls.last.request.url.params) == {"status": "completed", "limit": "2"}
    header, *rows = out.splitlines()
    assert header.split() == ["id", "status", "backend", "submitted_at"]
    assert [r.split() for r in rows] == [
        ["job-0", "completed", "simulator", "2026-05-10T00:00:00Z"],
        ["job-1", "completed", "simulator", "2026-05-11T00:00:00Z"],
    ]


def test_cancel_several_ids_makes_one_bulk_request_then_reads_them_back(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    bulk = api.put("/jobs/status/cancel").respond(
        200, json={"ids": ["a", "b"], "status": "canceled"}
    )
    # One list request filtered by ids, not a GET per job; "a" had already completed.
    listed = api.get("/jobs").respond(
        200,
        json={
            "jobs": [single_job(id="b", status="canceled"), single_job(id="a")],
            "next": None,
        },
    )

    code, out, err = run(capsys, "cancel", "a", "b")

    assert code == 0, err
    assert bulk.call_count == 1 and listed.call_count == 1 and len(api.calls) == 2
    assert json.loads(bulk.calls.last.request.content) == {"ids": ["a", "b"]}
    assert listed.calls.last.request.url.params.get_list("ids") in (["a,b"], ["a", "b"])
    assert out.splitlines() == ["a completed", "b canceled"]  # the real states, in order
    assert err == "note: job a was not canceled: it is completed\n"


def test_cancel_one_id_uses_the_single_endpoint_and_reports_the_real_state(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    # IonQ answers "canceled" for a job that had already completed; the job says otherwise.
    route = api.put("/jobs/a/status/cancel").respond(200, json={"id": "a", "status": "canceled"})
    api.get("/jobs/a").respond(200, json=single_job(id="a"))
    code, out, err = run(capsys, "cancel", "a")
    assert (code, out, route.call_count) == (0, "a completed\n", 1)
    assert "was not canceled: it is completed" in err


def test_delete_several_ids_makes_one_bulk_request(
    api: respx.MockRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    route = api.delete("/jobs").respond(200, json={"ids": ["a", "b"], "status": "deleted"})
    code, out, _ = run(capsys, "--json", "delete", "a", "b", "a")
    assert code == 0 and len(api.calls) == 1
    assert json.loads(route.calls.last.request.content) == {"ids": ["a", "b"]}
    assert json.loads(out) == {"ids": ["a", "b"], "status": "deleted"}
