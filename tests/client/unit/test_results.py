"""Result / MultiResult: lazy, little-endian, and counts that add up."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from ionq_client._exceptions import IonQResponseError, IonQValidationError
from ionq_client.results import MultiResult, Result, decode_probabilities


class CountingMapping(Mapping[str, Any]):
    """A mapping that records every per-item access, to prove construction is O(1)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        self.touches = 0

    def __getitem__(self, key: str) -> Any:
        self.touches += 1
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        self.touches += 1
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def items(self) -> Any:
        self.touches += 1
        return self._data.items()

    def values(self) -> Any:
        self.touches += 1
        return self._data.values()


def test_bell_probabilities() -> None:
    result = Result({"0": 0.5, "3": 0.5}, qubits=2, shots=1000, job_id="j")
    assert result.probabilities == {0: 0.5, 3: 0.5}
    assert result.bitstrings() == {"00": 0.5, "11": 0.5}
    assert result.counts() == {0: 500, 3: 500}
    assert result.bitstring_counts() == {"00": 500, "11": 500}
    assert result[3] == 0.5
    assert result[1] == 0.0
    assert len(result) == 2
    assert sorted(result) == [0, 3]
    assert 3 in result
    assert 1 not in result
    assert result.raw == {"0": 0.5, "3": 0.5}
    assert result.to_dict() == {"0": 0.5, "3": 0.5}
    assert result.to_dict() is not result.raw
    assert result.job_id == "j"


def test_little_endian_bitstrings() -> None:
    result = Result({"1": 1.0}, qubits=3)
    assert result.bitstrings() == {"001": 1.0}
    assert result.bitstrings("q0_right") == {"001": 1.0}
    assert result.bitstrings("q0_left") == {"100": 1.0}
    assert Result({"6": 1.0}, qubits=4).bitstrings("q0_left") == {"0110": 1.0}
    assert Result({"6": 1.0}, qubits=4).bitstrings() == {"0110": 1.0}
    assert Result({"4": 1.0}, qubits=4).bitstrings("q0_left") == {"0010": 1.0}


def test_width_inferred_when_qubits_unknown() -> None:
    assert Result({"5": 0.5, "1": 0.5}).bitstrings() == {"101": 0.5, "001": 0.5}
    assert Result({"0": 1.0}).bitstrings() == {"0": 1.0}
    assert Result({"0": 1.0}).qubits == 1


def test_state_wider_than_qubits_is_a_response_error() -> None:
    with pytest.raises(IonQResponseError, match="8"):
        Result({"8": 1.0}, qubits=3).bitstrings()


def test_bad_order() -> None:
    with pytest.raises(IonQValidationError) as exc:
        Result({"0": 1.0}).bitstrings("big")  # type: ignore[arg-type]
    assert exc.value.field == "order"


def test_counts_largest_remainder() -> None:
    third = 1 / 3
    result = Result({"0": third, "1": third, "2": third})
    counts = result.counts(100)
    assert sum(counts.values()) == 100
    assert counts == {0: 34, 1: 33, 2: 33}  # tie broken towards the lower state
    # Remainders differ: 0.6 * 7 = 4.2, 0.4 * 7 = 2.8 -> the 0.8 remainder wins the spare shot.
    assert Result({"0": 0.6, "1": 0.4}).counts(7) == {0: 4, 1: 3}
    lopsided = Result({"0": 0.996, "1": 0.002, "2": 0.002}).counts(10)
    assert lopsided == {0: 10}  # zero counts omitted
    many = Result({str(i): 1 / 7 for i in range(7)}).counts(1000)
    assert sum(many.values()) == 1000


def test_counts_needs_shots() -> None:
    with pytest.raises(IonQValidationError) as exc:
        Result({"0": 1.0}).counts()
    assert exc.value.field == "shots"
    assert Result({"0": 1.0}, shots=5).counts() == {0: 5}
    assert Result({"0": 1.0}, shots=5).counts(9) == {0: 9}
    with pytest.raises(IonQValidationError):
        Result({"0": 1.0}).counts(0)
    assert Result({"3": 1.0}, qubits=2).bitstring_counts(4, "q0_left") == {"11": 4}


def test_renormalisation() -> None:
    result = Result({"0": 0.4995, "1": 0.4995})  # sums to 0.999
    assert result.probabilities == {0: 0.5, 1: 0.5}
    assert sum(result.probabilities.values()) == pytest.approx(1.0, abs=1e-15)
    assert result[1] == 0.5


def test_most_likely() -> None:
    assert Result({"0": 0.2, "5": 0.7, "2": 0.1}).most_likely() == 5
    assert Result({"3": 0.5, "1": 0.5}).most_likely() == 1
    with pytest.raises(IonQResponseError):
        Result({}).most_likely()


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({"0": 0.5, "x1": 0.5}, "'x1'"),
        ({"0": 0.5, "-1": 0.5}, "'-1'"),
        ({"0": 0.5, " 1": 0.5}, "' 1'"),
        ({"0": 0.5, "7": "0.5"}, "'7'"),
        ({"0": 0.5, "7": None}, "'7'"),
        ({"0": 0.5, "7": True}, "'7'"),
        ({"0": 0.5, "7": float("nan")}, "'7'"),
        ({"0": 1.5, "7": -0.5}, "'7'"),
    ],
)
def test_lazy_validation_names_the_key(data: dict[str, Any], needle: str) -> None:
    result = Result(data)  # no error yet: construction is O(1)
    with pytest.raises(IonQResponseError) as exc:
        _ = result.probabilities
    assert needle in str(exc.value)


def test_construction_does_no_per_item_work() -> None:
    data = CountingMapping({str(i): 1 / 2**20 for i in range(2**20)})
    result = Result(data, qubits=20, shots=100)
    assert data.touches == 0
    assert len(result) == 2**20
    assert data.touches == 0
    assert repr(result) == "Result(states=1048576, qubits=20, shots=100, job_id=None)"
    assert data.touches == 0
    assert result.raw is data
    decoded = decode_probabilities(data, qubits=20)
    assert isinstance(decoded, Result)
    assert data.touches <= 1  # detection looks at the first value only
    assert result[5] == pytest.approx(1 / 2**20)  # now it parses, and caches
    touched = data.touches
    _ = result[6], result.probabilities
    assert data.touches == touched


def test_multi_result_detection_and_laziness() -> None:
    data = {"child-a": {"0": 0.5, "1": 0.5}, "child-b": {"3": 1.0}}
    multi = decode_probabilities(data, shots=10, job_id="parent")
    assert isinstance(multi, MultiResult)
    assert multi.raw is data
    assert len(multi) == 2
    assert list(multi) == ["child-a", "child-b"]
    assert multi["child-b"].bitstrings() == {"11": 1.0}
    assert multi["child-a"].counts() == {0: 5, 1: 5}
    assert multi["child-a"].job_id == "child-a"
    assert multi["child-a"] is multi["child-a"]  # cached
    assert multi.job_id == "parent"
    with pytest.raises(KeyError):
        multi["nope"]


def test_multi_result_bad_child_reported_on_access() -> None:
    multi = MultiResult({"a": {"0": 1.0}, "b": [1, 2]})  # type: ignore[dict-item]
    assert multi["a"][0] == 1.0
    with pytest.raises(IonQResponseError, match="'b'"):
        multi["b"]


def test_decode_single_empty_and_bad() -> None:
    single = decode_probabilities({"0": 1.0}, qubits=1)
    assert isinstance(single, Result)
    empty = decode_probabilities({})
    assert isinstance(empty, Result)
    assert len(empty) == 0
    assert empty.probabilities == {}
    for bad in ([0.5, 0.5], "0:1", None, 3):
        with pytest.raises(IonQResponseError):
            decode_probabilities(bad)


def test_bad_constructor_arguments() -> None:
    with pytest.raises(IonQValidationError) as exc:
        Result({}, qubits=0)
    assert exc.value.field == "qubits"
    with pytest.raises(IonQValidationError) as exc:
        Result({}, shots=True)
    assert exc.value.field == "shots"
