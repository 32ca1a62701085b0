"""``_submission``: tagging a submission and recognising the job it created. Pure."""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ionq_client import Circuit, IonQJob, IonQValidationError
from ionq_client._decoding import CandidatePage
from ionq_client._submission import (
    FIND_MAX_PAGES,
    SUBMISSION_TAG_KEY,
    SearchTooLong,
    Submission,
    SubmissionSearch,
    find_submission,
    submission_payload,
    tag_submission,
)

PAYLOAD: dict[str, Any] = IonQJob(circuit=Circuit(1).h(0)).to_payload()


def test_a_submission_gets_a_fresh_tag_without_touching_the_callers_payload() -> None:
    original = {**PAYLOAD, "metadata": {"team": "a"}}
    tagged, submission = tag_submission(original)
    _, other = tag_submission(original)
    assert submission and other and submission.tag != other.tag
    assert tagged["metadata"] == {"team": "a", SUBMISSION_TAG_KEY: submission.tag}
    assert submission.filters == {"target": "simulator"}
    assert original["metadata"] == {"team": "a"}


def test_a_callers_own_tag_is_kept_so_a_resubmission_is_recognised() -> None:
    payload = {**PAYLOAD, "metadata": {SUBMISSION_TAG_KEY: "mine"}, "session_id": "s1"}
    tagged, submission = tag_submission(payload)
    assert submission is not None and submission.tag == "mine"
    assert tagged["metadata"] == {SUBMISSION_TAG_KEY: "mine"}
    assert submission.filters == {"target": "simulator", "session_id": "s1"}


def test_no_room_for_a_tag_means_no_tag() -> None:
    full = {f"k{i}": "v" for i in range(10)}
    tagged, submission = tag_submission({**PAYLOAD, "metadata": full})
    assert submission is None and tagged["metadata"] == full


def test_find_submission_matches_the_tag_only() -> None:
    jobs = [
        {"id": "a", "status": "ready", "metadata": {SUBMISSION_TAG_KEY: "other"}},
        {"id": "b", "metadata": None},
        {"id": "c", "status": "submitted", "metadata": {SUBMISSION_TAG_KEY: "t"}},
    ]
    found = find_submission(jobs, "t")
    assert found is not None and found.id == "c"
    assert find_submission(jobs, "absent") is None


def test_an_unknown_job_form_is_refused_naming_the_field() -> None:
    with pytest.raises(IonQValidationError) as exc:
        submission_payload(42)  # type: ignore[arg-type]
    assert exc.value.field == "job"


# ------------------------------------------------------------ the time-bounded search
SERVER_NOW = datetime(2026, 12, 2, 12, 0, 0, tzinfo=UTC)


def page(ages: list[float], *, more: bool = True, tag_at: int | None = None) -> CandidatePage:
    """A list page whose jobs were submitted ``ages`` seconds before SERVER_NOW."""
    jobs = []
    for i, age in enumerate(ages):
        metadata = {SUBMISSION_TAG_KEY: "t" if i == tag_at else "other"}
        when = (SERVER_NOW - timedelta(seconds=age)).isoformat().replace("+00:00", "Z")
        jobs.append({"id": f"job-{age}", "submitted_at": when, "metadata": metadata})
    date = email.utils.format_datetime(SERVER_NOW, usegmt=True)
    return CandidatePage(jobs, "cursor" if more else None, date)


def search(elapsed: float = 10.0, sent_at: float = 0.0) -> SubmissionSearch:
    return SubmissionSearch(Submission("t", {"target": "simulator"}), elapsed, sent_at)


def test_the_search_pages_back_until_jobs_predate_the_first_attempt() -> None:
    finder = search(elapsed=10.0)  # first attempt: 10 s before the server's Date
    assert finder.read(page([1, 2, 3])) == (None, "cursor")  # all newer: keep going
    assert finder.read(page([20, 30])) == (None, "cursor")  # within the 30 s margin
    assert finder.read(page([39, 41])) == (None, None)  # 41 s > 10 s + margin: done
    assert finder.pages == 3


def test_the_search_returns_the_tagged_job_wherever_it_is() -> None:
    finder = search()
    finder.read(page([1, 2]))
    found, cursor = finder.read(page([3, 4, 5], tag_at=2))
    assert found is not None and found.id == "job-5" and cursor is None


def test_the_search_judges_age_on_the_servers_clock_not_ours() -> None:
    """A client clock a day off changes nothing: only elapsed time is local."""
    for sent_at in (0.0, SERVER_NOW.timestamp() + 86_400, SERVER_NOW.timestamp() - 86_400):
        finder = search(elapsed=100.0, sent_at=sent_at)
        assert finder.read(page([50, 120])) == (None, "cursor")  # 120 < 100 + 30


def test_without_a_date_header_the_local_clock_is_trusted_with_a_wide_margin() -> None:
    finder = search(sent_at=SERVER_NOW.timestamp())
    undated = CandidatePage(page([500]).jobs, "cursor", None)
    assert finder.read(undated) == (None, "cursor")  # 500 s < the 10 min skew allowance
    assert finder.read(CandidatePage(page([700]).jobs, "cursor", None)) == (None, None)


def test_a_search_that_would_read_too_much_fails_safe() -> None:
    finder = search()
    for _ in range(FIND_MAX_PAGES - 1):
        assert finder.read(page([1, 2])) == (None, "cursor")
    with pytest.raises(SearchTooLong):
        finder.read(page([1, 2]))


def test_the_search_ends_with_the_list() -> None:
    assert search().read(page([1], more=False)) == (None, None)


def test_a_submitted_body_equals_to_payload_and_to_payload_hands_out_copies() -> None:
    """The submit path shares the circuit's stored gates (no copy before encoding);
    ``to_payload`` still hands out copies, so changing them cannot change the circuit."""
    circuit = Circuit(2).h(0).cx(0, 1).rx(1, 0.5)
    job = IonQJob(circuit=circuit, circuits=None)
    assert submission_payload(job) == job.to_payload()
    handed_out = job.to_payload()
    handed_out["input"]["circuit"][0]["targets"].append(1)
    handed_out["input"]["circuit"][1]["gate"] = "x"
    assert (
        submission_payload(job) == IonQJob(circuit=Circuit(2).h(0).cx(0, 1).rx(1, 0.5)).to_payload()
    )
    multi = IonQJob(circuits=[circuit, Circuit(1).x(0)])
    assert submission_payload(multi) == multi.to_payload()
