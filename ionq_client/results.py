"""Read IonQ's probability maps without paying for what is not used.

IonQ returns ``{"<decimal state>": probability}`` with zero states omitted; a
20-qubit result can hold a million entries. Wrapping one is therefore O(1) and
every conversion (parsing keys, renormalising, formatting bitstrings) happens
lazily on first use, so a caller who only wants ``.raw`` pays nothing.

Bit order: state integers follow IonQ, where qubit 0 is the least-significant bit.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any, Literal

from ionq_client._exceptions import IonQResponseError, IonQValidationError

__all__ = ["BitOrder", "MultiResult", "Result", "decode_probabilities"]

BitOrder = Literal["q0_right", "q0_left"]
_ORDERS = ("q0_right", "q0_left")


def _optional_positive_int(value: object, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise IonQValidationError(field, f"must be a positive integer, got {value!r}")
    return value


def _parse_state(key: object) -> int:
    # JSON keys are strings; int keys are tolerated for hand-built maps. Only ASCII
    # digits: int() would also accept " 3", "3_0" and non-ASCII digits.
    if isinstance(key, int) and not isinstance(key, bool) and key >= 0:
        return key
    if isinstance(key, str) and key.isascii() and key.isdigit():
        return int(key)
    raise IonQResponseError(f"result state {key!r} is not a non-negative decimal integer")


def _parse_probability(key: object, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise IonQResponseError(
            f"probability for state {key!r} is not a number: {type(value).__name__}"
        )
    result = float(value)
    if not math.isfinite(result) or result < 0:
        raise IonQResponseError(f"probability for state {key!r} is invalid: {value!r}")
    return result


class Result:
    """One circuit's outcome distribution, as IonQ's ``{"<state>": prob}`` map.

    Construction stores the mapping and nothing else; malformed entries are
    reported (as :class:`IonQResponseError`) when a method first needs them.
    """

    def __init__(
        self,
        probabilities: Mapping[str, float],
        *,
        qubits: int | None = None,
        shots: int | None = None,
        job_id: str | None = None,
    ) -> None:
        self._raw = probabilities
        self._qubits = _optional_positive_int(qubits, "qubits")
        self._shots = _optional_positive_int(shots, "shots")
        self.job_id = job_id

    # -- raw access ---------------------------------------------------------------

    @property
    def raw(self) -> Mapping[str, float]:
        """The mapping exactly as given (usually the decoded JSON)."""
        return self._raw

    def to_dict(self) -> dict[str, float]:
        """A plain copy of the raw map, safe to mutate or serialize."""
        return dict(self._raw)

    @property
    def shots(self) -> int | None:
        return self._shots

    # -- parsed views ---------------------------------------------------------------

    @cached_property
    def probabilities(self) -> dict[int, float]:
        """``{state: probability}`` rescaled to sum to 1 (IonQ's sums drift by float error)."""
        parsed: dict[int, float] = {}
        for key, value in self._raw.items():
            state = _parse_state(key)
            parsed[state] = parsed.get(state, 0.0) + _parse_probability(key, value)
        total = math.fsum(parsed.values())
        if not parsed:
            return parsed
        if total <= 0.0:
            raise IonQResponseError("result probabilities sum to zero")
        if total != 1.0:
            parsed = {state: p / total for state, p in parsed.items()}
        return parsed

    @cached_property
    def qubits(self) -> int:
        """The width given at construction, else the fewest bits that hold every state."""
        if self._qubits is not None:
            return self._qubits
        return max(max(self.probabilities, default=0).bit_length(), 1)

    def _width(self) -> int:
        width = self.qubits
        if self.probabilities and max(self.probabilities).bit_length() > width:
            raise IonQResponseError(
                f"state {max(self.probabilities)} does not fit in {width} qubits"
            )
        return width

    def _formatter(self, order: str) -> Any:
        if order not in _ORDERS:
            raise IonQValidationError("order", f"must be 'q0_right' or 'q0_left', got {order!r}")
        spec = f"0{self._width()}b"
        if order == "q0_right":
            return lambda state: format(state, spec)
        return lambda state: format(state, spec)[::-1]

    def bitstrings(self, order: BitOrder = "q0_right") -> dict[str, float]:
        """Probabilities keyed by bitstrings ``qubits`` characters wide.

        ``order="q0_right"`` puts qubit 0 as the *rightmost* character: the plain
        binary reading of the state integer, as qiskit prints counts (state 1 on
        3 qubits is ``"001"``). ``order="q0_left"`` puts qubit 0 *leftmost*, as
        cirq does (the same state is ``"100"``).
        """
        fmt = self._formatter(order)
        return {fmt(state): p for state, p in self.probabilities.items()}

    def counts(self, shots: int | None = None) -> dict[int, int]:
        """Expected counts that sum exactly to ``shots`` (largest-remainder rounding).

        Plain rounding can gain or lose shots (three states at 1/3 give 33+33+33);
        handing the leftover shots to the largest fractional parts cannot. Ties go
        to the lower state so the answer is deterministic. Zero counts are omitted.
        """
        total = self._shots if shots is None else _optional_positive_int(shots, "shots")
        if total is None:
            raise IonQValidationError("shots", "this result has no shot count; pass shots=")
        floors: dict[int, int] = {}
        remainders: list[tuple[float, int]] = []
        assigned = 0
        for state, p in self.probabilities.items():
            exact = p * total
            base = math.floor(exact)
            floors[state] = base
            assigned += base
            remainders.append((exact - base, state))
        left = total - assigned
        if left and remainders:
            # left > 0 is the normal case; left < 0 only from float error in p * total.
            remainders.sort(key=lambda r: (-r[0], r[1]) if left > 0 else (r[0], -r[1]))
            step = 1 if left > 0 else -1
            i = 0
            while left:
                state = remainders[i % len(remainders)][1]
                if step > 0 or floors[state] > 0:
                    floors[state] += step
                    left -= step
                i += 1
        return {state: n for state, n in floors.items() if n}

    def bitstring_counts(
        self, shots: int | None = None, order: BitOrder = "q0_right"
    ) -> dict[str, int]:
        """:meth:`counts` keyed like :meth:`bitstrings` (see there for ``order``)."""
        fmt = self._formatter(order)
        return {fmt(state): n for state, n in self.counts(shots).items()}

    def most_likely(self) -> int:
        """The most probable state; ties go to the lowest state for determinism."""
        probabilities = self.probabilities
        if not probabilities:
            raise IonQResponseError("result has no states")
        return max(probabilities, key=lambda state: (probabilities[state], -state))

    # -- container protocol -----------------------------------------------------------

    def __getitem__(self, state: int) -> float:
        return self.probabilities.get(state, 0.0)

    def __contains__(self, state: object) -> bool:
        return state in self.probabilities

    def __iter__(self) -> Iterator[int]:
        # Defined so iteration never falls back to __getitem__(0), (1), ... forever.
        return iter(self.probabilities)

    def __len__(self) -> int:
        return len(self._raw)

    def __repr__(self) -> str:
        return (
            f"Result(states={len(self._raw)}, qubits={self._qubits}, "
            f"shots={self._shots}, job_id={self.job_id!r})"
        )


class MultiResult(Mapping[str, Result]):
    """A multi-circuit job's results: ``{child_job_id: Result}``, built on first access.

    ``qubits`` and ``shots`` apply to every child; leave ``qubits`` as None when
    the circuits differ in width so each child infers its own.
    """

    def __init__(
        self,
        results: Mapping[str, Mapping[str, float]],
        *,
        qubits: int | None = None,
        shots: int | None = None,
        job_id: str | None = None,
    ) -> None:
        self._raw = results
        self._qubits = _optional_positive_int(qubits, "qubits")
        self._shots = _optional_positive_int(shots, "shots")
        self.job_id = job_id
        self._cache: dict[str, Result] = {}

    @property
    def raw(self) -> Mapping[str, Mapping[str, float]]:
        return self._raw

    def __getitem__(self, child_id: str) -> Result:
        cached = self._cache.get(child_id)
        if cached is None:
            value = self._raw[child_id]
            if not isinstance(value, Mapping):
                raise IonQResponseError(
                    f"result for child job {child_id!r} is not an object: {type(value).__name__}"
                )
            cached = Result(value, qubits=self._qubits, shots=self._shots, job_id=child_id)
            self._cache[child_id] = cached
        return cached

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __repr__(self) -> str:
        return f"MultiResult(circuits={len(self._raw)}, job_id={self.job_id!r})"


def decode_probabilities(
    data: object,
    *,
    qubits: int | None = None,
    shots: int | None = None,
    job_id: str | None = None,
) -> Result | MultiResult:
    """Wrap a decoded probabilities response, telling single from multi-circuit.

    Only the first value is inspected (a map of maps is multi-circuit) so that
    large results stay O(1) to wrap; an empty map is an empty single Result.
    """
    if not isinstance(data, Mapping):
        raise IonQResponseError(
            f"expected a JSON object of probabilities, got {type(data).__name__}"
        )
    if data:
        first = next(iter(data.values()))
        if isinstance(first, Mapping):
            return MultiResult(data, qubits=qubits, shots=shots, job_id=job_id)
    return Result(data, qubits=qubits, shots=shots, job_id=job_id)
