"""``_batch``: what is final, what is polled next, what a progress callback sees."""

from __future__ import annotations

from typing import Any

import pytest
from ionq_api.models import SingleCircuitJob

from ionq_client import IonQBatchError, IonQNotFoundError, IonQValidationError
from ionq_client._batch import POLL_CHUNK, Tracker, all_or_batch_error
from tests.support.files import load_fixture


def job(job_id: str, status: str) -> Any:
    return SingleCircuitJob.from_dict(
        {**load_fixture("job_single_urls"), "id": job_id, "status": status}
    )


def test_deleted_is_final_and_an_unknown_status_keeps_polling() -> None:
    tracker = Tracker(["a", "b", "c"])
    newly = tracker.record([job("a", "deleted"), job("b", "quantum-annealing"), job("c", "ready")])
    assert [j.id for j in newly] == ["a"]
    assert tracker.unfinished == ["b", "c"]
    assert tracker.counts() == {"deleted": 1, "quantum-annealing": 1, "ready": 1}
    assert tracker.pending_chunks() == [["b", "c"]]
    assert tracker.record([job("b", "completed"), job("c", "failed")])
    assert tracker.done and [j.status for j in tracker.in_order()] == [
        "deleted",
        "completed",
        "failed",
    ]


def test_a_job_becomes_final_once() -> None:
    tracker = Tracker(["a"])
    assert len(tracker.record([job("a", "completed")])) == 1
    assert tracker.record([job("a", "completed")]) == []


def test_ids_are_polled_in_chunks_in_order() -> None:
    ids = [f"j{i}" for i in range(2 * POLL_CHUNK + 1)]
    chunks = Tracker(ids).pending_chunks()
    assert [len(c) for c in chunks] == [POLL_CHUNK, POLL_CHUNK, 1]
    assert [i for c in chunks for i in c] == ids


def test_ids_missing_from_the_first_poll_do_not_exist() -> None:
    tracker = Tracker(["a", "b"])
    with pytest.raises(IonQNotFoundError, match="1 of the jobs"):
        tracker.record([job("a", "ready")])


def test_a_batch_error_keeps_every_result_in_place() -> None:
    failure = IonQValidationError("shots", "bad")
    assert all_or_batch_error([1, 2], "jobs") == [1, 2]
    with pytest.raises(IonQBatchError) as raised:
        all_or_batch_error([1, failure, 3], "jobs")
    assert raised.value.results == [1, failure, 3] and raised.value.errors == {1: failure}


def test_a_round_stops_at_a_running_job_only_after_the_first_poll() -> None:
    tracker = Tracker(["a", "b", "c"])
    running, done = [job("a", "started")], [job("a", "completed")]
    assert not tracker.round_can_stop(running)  # the first round checks every id exists
    tracker.record([job("a", "started"), job("b", "ready"), job("c", "completed")])
    assert tracker.round_can_stop(running)
    assert not tracker.round_can_stop(done)  # all final here: read the next chunk
    assert not tracker.round_can_stop([job("zz", "ready")])  # not ours: says nothing
