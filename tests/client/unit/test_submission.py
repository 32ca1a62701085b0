"""``_submission``: tagging a submission and recognising the job it created. Pure."""

from __future__ import annotations

from typing import Any

import pytest

from ionq_client import Circuit, IonQJob, IonQValidationError
from ionq_client._submission import (
    SUBMISSION_TAG_KEY,
    find_submission,
    submission_payload,
    tag_submission,
)

PAYLOAD: dict[str, Any] = IonQJob(circuit=Circuit(1).h(0)).to_payload()


def test_a_submission_gets_a_fresh_tag_without_touching_the_callers_payload() -> None:
    original = {**PAYLOAD, "metadata": {"team": "a"}}
    tagged, tag = tag_submission(original)
    _, other = tag_submission(original)
    assert tag and other and tag != other
    assert tagged["metadata"] == {"team": "a", SUBMISSION_TAG_KEY: tag}
    assert original["metadata"] == {"team": "a"}


def test_a_callers_own_tag_is_kept_so_a_resubmission_is_recognised() -> None:
    tagged, tag = tag_submission({**PAYLOAD, "metadata": {SUBMISSION_TAG_KEY: "mine"}})
    assert tag == "mine" and tagged["metadata"] == {SUBMISSION_TAG_KEY: "mine"}


def test_no_room_for_a_tag_means_no_tag() -> None:
    full = {f"k{i}": "v" for i in range(10)}
    tagged, tag = tag_submission({**PAYLOAD, "metadata": full})
    assert tag is None and tagged["metadata"] == full


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
