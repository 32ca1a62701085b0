"""Pagination follows ``next`` to the end and never reads a page twice."""

from __future__ import annotations

import httpx
import pytest
import respx

from ionq_client import IonQResponseError
from tests.client.http.conftest import Driver
from tests.support.files import load_fixture


def job(i: int) -> dict[str, object]:
    return {**load_fixture("job_single_urls"), "id": f"job-{i}"}


def test_three_pages(client: Driver, mock_api: respx.MockRouter) -> None:
    pages = {
        None: {"jobs": [job(0), job(1)], "next": "c1"},
        "c1": {"jobs": [job(2), job(3)], "next": "c2"},
        "c2": {"jobs": [job(4)], "next": None},
    }

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages[request.url.params.get("next")])

    route = mock_api.get("/jobs").mock(side_effect=answer)
    jobs = client.list_jobs(status="completed", limit=2)
    assert [j.id for j in jobs] == [f"job-{i}" for i in range(5)]
    assert route.call_count == 3
    params = [dict(c.request.url.params) for c in route.calls]
    assert params == [
        {"status": "completed", "limit": "2"},
        {"status": "completed", "limit": "2", "next": "c1"},
        {"status": "completed", "limit": "2", "next": "c2"},
    ]


def test_max_jobs_stops_early(client: Driver, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/jobs").respond(200, json={"jobs": [job(0), job(1)], "next": "more"})
    assert len(client.list_jobs(max_jobs=1)) == 1
    assert route.call_count == 1


def test_empty_list_ends(client: Driver, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/jobs").respond(200, json={"jobs": [], "next": None})
    assert client.list_jobs() == [] and route.call_count == 1


def test_a_repeated_cursor_is_refused(client: Driver, mock_api: respx.MockRouter) -> None:
    mock_api.get("/jobs").respond(200, json={"jobs": [job(0)], "next": "same"})
    with pytest.raises(IonQResponseError, match="twice"):
        client.list_jobs()


def test_session_jobs(client: Driver, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/sessions/s-1/jobs").respond(200, json={"jobs": [job(9)], "next": None})
    assert [j.id for j in client.iter_session_jobs("s-1")] == ["job-9"]
    assert route.called


def test_characterizations_follow_pages(client: Driver, mock_api: respx.MockRouter) -> None:
    snapshot = load_fixture("characterization")

    def answer(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        return httpx.Response(200, json={"characterizations": [snapshot], "pages": 2 - page})

    route = mock_api.get("/backends/qpu.forte-1/characterizations").mock(side_effect=answer)
    assert len(client.iter_characterizations("qpu.forte-1")) == 2
    assert [c.request.url.params["page"] for c in route.calls] == ["1", "2"]


def test_max_jobs_on_a_page_boundary_reads_no_further(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    route = mock_api.get("/jobs").respond(200, json={"jobs": [job(0), job(1)], "next": "more"})
    assert len(client.list_jobs(max_jobs=2)) == 2
    assert route.call_count == 1
