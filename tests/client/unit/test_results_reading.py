"""One-pass reading (NumberTable), v2 register results and shots, and the decoders."""

from __future__ import annotations

import json
import math
import random
from typing import Any

import httpx
import pytest

from ionq_client import _decoding
from ionq_client._exceptions import IonQResponseError
from ionq_client.results import (
    NumberTable,
    RegisterShots,
    Result,
    _largest_remainder,
    _largest_remainder_slow,
    decode_probabilities,
    decode_shots_v2,
    read_probabilities,
)


def response(body: Any, media: str = "application/json") -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = httpx.Request("GET", "https://api.ionq.co/v0.4/jobs/j/results/x")
    return httpx.Response(200, content=content, request=request, headers={"content-type": media})


# ------------------------------------------------------------------ one-pass tables
def test_read_probabilities_builds_a_table_and_agrees_with_the_dict_path() -> None:
    rng = random.Random(7)
    weights = {str(rng.getrandbits(12)): rng.random() for _ in range(3000)}
    total = sum(weights.values())
    body = json.dumps({k: w / total for k, w in weights.items()}).encode()
    fast = read_probabilities(body, qubits=12, shots=1000)
    slow = decode_probabilities(json.loads(body), qubits=12, shots=1000)
    assert isinstance(fast, Result) and isinstance(slow, Result)
    assert isinstance(fast.raw, NumberTable)
    assert not isinstance(slow.raw, NumberTable)
    assert fast.probabilities == slow.probabilities
    assert fast.bitstring_counts() == slow.bitstring_counts()
    assert sum(fast.counts().values()) == 1000
    assert dict(fast.raw) == json.loads(body)
    assert fast.to_dict() == json.loads(body)


def test_table_keeps_sums_within_float_error_and_rescales_real_drift() -> None:
    exact = read_probabilities(b'{"0": 0.1, "1": 0.2, "2": 0.7}')
    assert isinstance(exact, Result)
    assert exact.probabilities == {0: 0.1, 1: 0.2, 2: 0.7}  # sum is 1 +- 1 ulp: kept
    drift = read_probabilities(b'{"0": 0.4995, "1": 0.4995}')
    assert isinstance(drift, Result)
    assert drift.probabilities == {0: 0.5, 1: 0.5}


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b'{"0": 0.5, "x1": 0.5}', "'x1'"),
        (b'{"0": 0.5, " 1": 0.5}', "' 1'"),
        (b'{"0": 0.5, "-1": 0.5}', "'-1'"),
        (b'{"0": 0.5, "7": "0.5"}', "'7'"),
        (b'{"0": 0.5, "7": null}', "'7'"),
        (b'{"0": 0.5, "7": true}', "'7'"),
        (b'{"0": 1.5, "7": -0.5}', "'7'"),
        (b'{"0": 0.5, "7": NaN}', "'7'"),
        (b'{"0": 0.5, "7": Infinity}', "'7'"),
    ],
)
def test_bad_entries_still_name_the_key(body: bytes, needle: str) -> None:
    result = read_probabilities(body)
    assert isinstance(result, Result)
    with pytest.raises(IonQResponseError) as exc:
        _ = result.probabilities
    assert needle in str(exc.value)


def test_a_state_given_twice_is_summed() -> None:
    result = read_probabilities(b'{"3": 0.25, "03": 0.25, "1": 0.5}')
    assert isinstance(result, Result)
    assert result.probabilities == {3: 0.5, 1: 0.5}


def test_aggregate_children_become_tables() -> None:
    multi = read_probabilities(b'{"child-a": {"0": 0.5, "1": 0.5}, "child-b": {"3": 1}}', shots=4)
    assert not isinstance(multi, Result)
    assert isinstance(multi.raw["child-a"], NumberTable)
    assert multi["child-a"].counts() == {0: 2, 1: 2}
    assert multi["child-b"].bitstrings() == {"11": 1.0}


def test_fast_largest_remainder_matches_the_sorting_one() -> None:
    rng = random.Random(11)
    for _ in range(200):
        n = rng.choice([1, 3, 7, 60, 20_000, 40_000])
        weights = [rng.choice([rng.random(), 0.5, 1 / 3]) for _ in range(n)]
        total = sum(weights)
        probabilities = {
            s: w / total for s, w in zip(rng.sample(range(8 * n), n), weights, strict=True)
        }
        shots = rng.choice([1, 7, 1000, 100_000])
        exact = [p * shots for p in probabilities.values()]
        floors = [math.floor(e) for e in exact]
        expected = _largest_remainder_slow(list(probabilities), exact, floors, shots - sum(floors))
        assert _largest_remainder(probabilities, shots) == expected


def test_uniform_ties_go_to_the_lowest_states_even_in_a_large_table() -> None:
    n = 2**15
    states = list(range(n))
    random.Random(2).shuffle(states)  # the table's order is not the state order
    counts = _largest_remainder(dict.fromkeys(states, 1 / n), 1000)
    assert sorted(counts) == list(range(1000))
    assert set(counts.values()) == {1}


# ------------------------------------------------------------------------ decoders
def test_shots_decoder_fast_and_checked() -> None:
    assert _decoding.shots(response(["2", "1", "3", "0"])) == [2, 1, 3, 0]
    assert _decoding.shots(response([2, "1"])) == [2, 1]
    for bad, where in (
        (["1", " 2"], "shots[1]"),
        (["1", "-2"], "shots[1]"),
        (["1", ""], "shots[1]"),
        (["1", True], "shots[1]"),
        (["1", 2.5], "shots[1]"),
        (["1", "٣"], "shots[1]"),
    ):
        with pytest.raises(IonQResponseError, match=rf"{where.replace('[', '.')}"):
            _decoding.shots(response(bad))
    with pytest.raises(IonQResponseError, match="list"):
        _decoding.shots(response({"0": "1"}))


def test_state_counts_v1_and_errors() -> None:
    assert _decoding.state_counts(response({"0": 500, "3": 500.0})) == {0: 500, 3: 500}
    assert _decoding.state_counts(response({})) == {}
    with pytest.raises(IonQResponseError, match="'x'"):
        _decoding.state_counts(response({"x": 1}))
    with pytest.raises(IonQResponseError, match="'1'"):
        _decoding.state_counts(response({"1": 0.5}))
    with pytest.raises(IonQResponseError, match="v2"):
        _decoding.state_counts(response({"histogram": {"registers": {"c": {"01": 1}}}}))


# ------------------------------------------------------------------------- v2
V2_PROBS = {
    "probabilities": {
        "registers": {
            "output_all": {"000": 0.5, "011": 0.25, "110": 0.25},
            "c": {"00": 0.5, "11": 0.5},
        }
    }
}


def test_v2_probabilities_by_register() -> None:
    result = decode_probabilities(V2_PROBS, shots=100, job_id="j")
    assert isinstance(result, Result)
    assert list(result.registers) == ["output_all", "c"]
    # The top level is output_all: IonQ's bitstrings come back unchanged.
    assert result.bitstrings() == {"000": 0.5, "011": 0.25, "110": 0.25}
    assert result.qubits == 3
    assert result.probabilities == {0: 0.5, 3: 0.25, 6: 0.25}
    c = result.register("c")
    assert c.bitstrings() == {"00": 0.5, "11": 0.5}
    assert c.qubits == 2
    assert c.counts() == {0: 50, 3: 50}
    assert c.bitstring_counts() == {"00": 50, "11": 50}
    assert result.register("output_all").bitstrings("q0_left") == {
        "000": 0.5,
        "110": 0.25,
        "011": 0.25,
    }
    with pytest.raises(KeyError, match="output_all, c"):
        result.register("d")
    assert "registers=['output_all', 'c']" in repr(result)


def test_v2_read_in_one_pass_gives_the_same() -> None:
    fast = _decoding.probabilities(response(V2_PROBS), shots=100)
    slow = decode_probabilities(V2_PROBS, shots=100)
    assert isinstance(fast, Result) and isinstance(slow, Result)
    assert isinstance(fast.register("c").raw, NumberTable)
    assert fast.register("c").probabilities == slow.register("c").probabilities
    assert fast.bitstrings() == slow.bitstrings()


def test_v2_histogram_counts_come_back_exactly() -> None:
    body = {"histogram": {"registers": {"output_all": {"11": 333, "00": 667}, "m": {"1": 1000}}}}
    result = read_probabilities(json.dumps(body))
    assert isinstance(result, Result)
    assert result.shots == 1000
    assert result.bitstring_counts() == {"11": 333, "00": 667}
    assert result.register("m").counts() == {1: 1000}
    with pytest.raises(IonQResponseError, match="'m'"):
        decode_probabilities({"histogram": {"registers": {"m": {"1": 0.5}}}})


def test_v2_without_output_all() -> None:
    one = decode_probabilities({"probabilities": {"registers": {"c": {"10": 1.0}}}})
    assert isinstance(one, Result)
    assert one.bitstrings() == {"10": 1.0}
    two = decode_probabilities({"probabilities": {"registers": {"a": {"1": 1}, "b": {"0": 1}}}})
    assert isinstance(two, Result)
    assert len(two) == 0
    assert two.register("b").bitstrings() == {"0": 1.0}


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({"probabilities": {"registers": {"c": {"02": 1.0}}}}, "'02'"),
        ({"probabilities": {"registers": {"c": [1]}}}, "'c'"),
        ({"probabilities": {"regs": {}}}, "registers"),
        ({"probabilities": {"registers": {"c": {"01": 0.5, "1": 0.5}}}}, "lengths"),
    ],
)
def test_v2_bad_shapes(data: Any, needle: str) -> None:
    with pytest.raises(IonQResponseError, match=needle):
        result = decode_probabilities(data)
        assert isinstance(result, Result)
        _ = result.register("c").qubits, result.register("c").probabilities


V2_SHOTS = {
    "shots": [
        {"registers": {"c": [1, 0], "output_all": [1, 0, 0]}},
        {"registers": {"c": [1, 1], "output_all": [1, 1, 0]}, "leakage_bits": [0, 1]},
        {"registers": {"c": [0, 0], "output_all": [0, 0, 0]}, "leakage_bits": [0, 0]},
        {"registers": {"c": [1, 0], "output_all": [1, 0, 1]}, "leakage_bits": None},
    ]
}


def test_v2_shots_drop_leaked_by_default_and_say_so() -> None:
    shots = decode_shots_v2(V2_SHOTS)
    assert shots.leaked == 1
    assert shots.leaked_indices == [1]
    assert len(shots) == 3
    assert shots.total == 4
    assert shots.register("c") == ["01", "00", "01"]  # bit 0 rightmost
    assert shots.register("output_all") == ["001", "000", "101"]
    assert shots.counts("c") == {"01": 2, "00": 1}
    kept = decode_shots_v2(V2_SHOTS, keep_leaked=True)
    assert len(kept) == 4
    assert kept.register("c") == ["01", "11", "00", "01"]
    assert "leaked=1" in repr(shots)


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({"shots": [{"registers": {"c": [2]}}]}, r"shots\[0\]"),
        ({"shots": [{"registers": {"c": [1]}}, {"registers": {}}]}, "'c'"),
        ({"shots": [{"nope": 1}]}, r"shots\[0\]"),
        ({"shots": [{"registers": {"c": [1]}, "leakage_bits": "x"}]}, "leakage_bits"),
        ([1, 2], "v2 shots"),
    ],
)
def test_v2_shots_bad_shapes(data: Any, needle: str) -> None:
    with pytest.raises(IonQResponseError, match=needle):
        decode_shots_v2(data)


def test_result_document_reads_every_result_format() -> None:
    assert isinstance(_decoding.result_document(response(V2_PROBS)), Result)
    assert isinstance(_decoding.result_document(response(V2_SHOTS)), RegisterShots)
    assert _decoding.result_document(response(["3", "1"])) == [3, 1]
    v1 = _decoding.result_document(response({"0": 0.5, "1": 0.5}))
    assert isinstance(v1, Result) and v1.probabilities == {0: 0.5, 1: 0.5}
    # A compiled circuit is an artifact, not a result: get_artifact reads it as sent.
    with pytest.raises(IonQResponseError, match="a result artifact is JSON, not text/plain"):
        _decoding.result_document(response(b"OPENQASM 3;", "text/plain"))
    with pytest.raises(IonQResponseError, match="invalid JSON"):
        _decoding.result_document(response(b"{", "application/json"))


def test_a_body_that_is_not_utf8_is_a_response_error() -> None:
    """Seen after the one-pass parser landed: a raw UnicodeDecodeError escaped."""
    with pytest.raises(IonQResponseError, match="invalid JSON"):
        _decoding.probabilities(response(b'{"0": 1.0, "\xff": 0.0}'))


def test_wrapping_a_table_builds_no_string_keyed_dict() -> None:
    """decode_probabilities looked at the first value through Mapping.values(),
    which built the whole str-keyed dict the table exists to avoid."""
    from ionq_client.results import NumberTable, parse_tables

    table = parse_tables(b'{"0": 0.25, "3": 0.75}')
    assert isinstance(table, NumberTable)
    result = decode_probabilities(table)
    assert isinstance(result, Result) and result.probabilities == {0: 0.25, 3: 0.75}
    assert table._by_key is None
