"""Read IonQ's probability maps without paying for what is not used.

IonQ returns ``{"<decimal state>": probability}`` with zero states omitted; a
20-qubit result can hold a million entries. Two costs are kept down:

* Reading the bytes: :func:`read_probabilities` parses with one ``json.loads``
  whose ``object_pairs_hook`` turns each all-numbers object straight into a
  :class:`NumberTable` (keys and values as two lists, validated in bulk at C
  speed), so no str-keyed dict is built only to be thrown away.
* Using them: wrapping a mapping in :class:`Result` is O(1); parsing keys,
  rescaling and formatting happen on first use and are cached.

v2 results (``ionq.result.*.json.v2``) nest distributions by register name and key
them by bitstring; :func:`decode_probabilities` reads both forms into a
:class:`Result` whose :attr:`Result.registers` holds one Result per register.

Bit order: state integers follow IonQ, where qubit 0 is the least-significant bit.
"""

from __future__ import annotations

import heapq
import json
import math
import operator
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from itertools import compress, repeat
from typing import Any, Literal

from ionq_client._exceptions import IonQResponseError, IonQValidationError

__all__ = [
    "BitOrder",
    "MultiResult",
    "NumberTable",
    "RegisterShots",
    "Result",
    "decode_probabilities",
    "decode_shots_v2",
    "read_probabilities",
]

BitOrder = Literal["q0_right", "q0_left"]
_ORDERS = ("q0_right", "q0_left")
#: The register IonQ adds to every v2 result: all qubits, the whole-circuit outcome.
OUTPUT_ALL = "output_all"
_NUMBER_TYPES = frozenset((float, int))


def _optional_positive_int(value: object, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise IonQValidationError(field, f"must be a positive integer, got {value!r}")
    return value


def _parse_state(key: object, binary: bool = False) -> int:
    # JSON keys are strings; int keys are tolerated for hand-built maps. Only ASCII
    # digits: int() would also accept " 3", "3_0" and non-ASCII digits.
    if not binary and isinstance(key, int) and not isinstance(key, bool) and key >= 0:
        return key
    if isinstance(key, str) and key.isascii() and key.isdigit():
        if not binary:
            return int(key)
        if not key.strip("01"):
            return int(key, 2)
    kind = "bitstring" if binary else "non-negative decimal integer"
    raise IonQResponseError(f"result state {key!r} is not a {kind}")


def _parse_probability(key: object, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise IonQResponseError(
            f"probability for state {key!r} is not a number: {type(value).__name__}"
        )
    result = float(value)
    if not math.isfinite(result) or result < 0:
        raise IonQResponseError(f"probability for state {key!r} is invalid: {value!r}")
    return result


def _needs_rescale(total: float, entries: int) -> bool:
    """Rescale only a sum that is off by more than float error could make it.

    Each of ``entries`` probabilities carries up to half an ulp of rounding, so a
    sum within ``entries`` ulps of 1 is noise, and dividing by it would only add
    noise of its own (and a second million-entry dict); anything further is real.
    """
    return abs(total - 1.0) > entries * 2.0**-52


# ------------------------------------------------------------------ one-pass reading
class NumberTable(Mapping[str, float]):
    """A JSON object whose values are all numbers, as parsed by :func:`read_probabilities`.

    Keys and values stay two parallel lists (what the JSON scanner produced), so
    building a Result's ``{state: p}`` dict is one ``dict(zip(...))`` and no
    str-keyed dict is ever built unless someone looks a key up by name. Keys are
    known to be ASCII digit strings and values finite non-negative numbers with a
    finite ``total``; anything else is left as a plain dict for the per-key checks
    to report by name.
    """

    __slots__ = ("_by_key", "keys_", "total", "values_")

    def __init__(self, keys: list[str], values: list[float], total: float) -> None:
        self.keys_ = keys
        self.values_ = values
        self.total = total
        self._by_key: dict[str, float] | None = None

    def __getitem__(self, key: str) -> float:
        if self._by_key is None:
            self._by_key = dict(zip(self.keys_, self.values_, strict=True))
        return self._by_key[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_)

    def __len__(self) -> int:
        return len(self.keys_)

    def __repr__(self) -> str:
        return f"NumberTable(entries={len(self.keys_)})"


def _table_hook(pairs: list[tuple[str, Any]]) -> Any:
    """``object_pairs_hook``: an all-numbers, digit-keyed object becomes a NumberTable.

    The checks run over whole lists in C (one join, one set of types, one fsum,
    one min); the first failure hands the object back as a dict, whose per-key
    checks later name the offending entry.
    """
    if not pairs:
        return {}
    keys = list(map(operator.itemgetter(0), pairs))
    values = list(map(operator.itemgetter(1), pairs))
    joined = "".join(keys)
    if joined.isascii() and joined.isdigit() and set(map(type, values)) <= _NUMBER_TYPES:
        try:
            total = math.fsum(values)
        except (OverflowError, ValueError):
            total = math.inf
        if math.isfinite(total) and min(values) >= 0:
            pairs.clear()  # frees a million 2-tuples before the caller builds more
            return NumberTable(keys, values, total)
    return dict(pairs)


def read_probabilities(
    content: bytes | str,
    *,
    qubits: int | None = None,
    shots: int | None = None,
    job_id: str | None = None,
) -> Result | MultiResult:
    """Parse a probabilities (or histogram) document in one pass and wrap it.

    Same answers as ``decode_probabilities(json.loads(content))``, but faster and
    smaller for large results; raises ``ValueError`` (``json.JSONDecodeError``) on
    bytes that are not JSON.
    """
    return decode_probabilities(parse_tables(content), qubits=qubits, shots=shots, job_id=job_id)


def parse_tables(content: bytes | str) -> Any:
    """``json.loads`` with every all-numbers, digit-keyed object read as a
    :class:`NumberTable`: the one parse of result documents (raises ``ValueError``)."""
    return json.loads(content, object_pairs_hook=_table_hook)


# ------------------------------------------------------------------------- Result
class Result:
    """One circuit's outcome distribution, as IonQ's ``{"<state>": prob}`` map.

    Construction stores the mapping and nothing else; malformed entries are
    reported (as :class:`IonQResponseError`) when a method first needs them.
    ``binary=True`` reads keys as bitstrings (v2 results), rightmost character the
    least-significant bit, and takes the width from the keys.
    """

    def __init__(
        self,
        probabilities: Mapping[str, float],
        *,
        qubits: int | None = None,
        shots: int | None = None,
        job_id: str | None = None,
        binary: bool = False,
        registers: Mapping[str, Result] | None = None,
    ) -> None:
        self._raw = probabilities
        self._qubits = _optional_positive_int(qubits, "qubits")
        self._shots = _optional_positive_int(shots, "shots")
        self.job_id = job_id
        self._binary = binary
        self._registers: Mapping[str, Result] = registers or {}

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

    # -- v2 registers ---------------------------------------------------------------

    @property
    def registers(self) -> Mapping[str, Result]:
        """v2 results: ``{register name: Result}``, in IonQ's order (``output_all``,
        the system-added register of every qubit, included). Empty for v1 results."""
        return self._registers

    def register(self, name: str) -> Result:
        """One register's distribution; KeyError names the registers there are."""
        try:
            return self._registers[name]
        except KeyError:
            known = ", ".join(self._registers) or "none: this is not a v2 result"
            raise KeyError(f"no register {name!r} (registers: {known})") from None

    # -- parsed views ---------------------------------------------------------------

    @cached_property
    def probabilities(self) -> dict[int, float]:
        """``{state: probability}`` rescaled to sum to 1 when IonQ's sum is off by more
        than float error (see :func:`_needs_rescale`)."""
        raw = self._raw
        if isinstance(raw, NumberTable):
            fast = self._from_table(raw)
            if fast is not None:
                return fast
        parsed: dict[int, float] = {}
        for key, value in raw.items():
            state = _parse_state(key, self._binary)
            parsed[state] = parsed.get(state, 0.0) + _parse_probability(key, value)
        if not parsed:
            return parsed
        total = math.fsum(parsed.values())
        if total <= 0.0:
            raise IonQResponseError("result probabilities sum to zero")
        if _needs_rescale(total, len(parsed)):
            parsed = {state: p / total for state, p in parsed.items()}
        return parsed

    def _from_table(self, table: NumberTable) -> dict[int, float] | None:
        """The dict in C-speed passes, or None to let the per-key path explain."""
        keys, values, total = table.keys_, table.values_, table.total
        if not keys:
            return {}
        if total <= 0.0:
            raise IonQResponseError("result probabilities sum to zero")
        scaled: Any = values
        if _needs_rescale(total, len(values)):
            scaled = map(operator.truediv, values, repeat(total))
        try:
            if self._binary:
                parsed = dict(zip(map(int, keys, repeat(2)), scaled, strict=True))
            else:
                parsed = dict(zip(map(int, keys), scaled, strict=True))
        except ValueError:
            return None
        # A shorter dict means two keys named one state ("3" and "03"): the per-key
        # path sums them.
        return parsed if len(parsed) == len(keys) else None

    @cached_property
    def qubits(self) -> int:
        """The width given at construction, else (v2) the bitstrings' length, else the
        fewest bits that hold every state."""
        if self._qubits is not None:
            return self._qubits
        if self._binary:
            widths = set(map(len, self._raw))
            if len(widths) > 1:
                raise IonQResponseError(f"bitstrings of different lengths: {sorted(widths)}")
            if widths:
                return max(widths.pop(), 1)
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
        cirq does (the same state is ``"100"``). For a v2 register the default
        gives back IonQ's own bitstrings unchanged.
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
        return _largest_remainder(self.probabilities, total)

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

    # -- pictures (matplotlib only when asked) ------------------------------------

    def plot(self, ax: Any = None, *, order: BitOrder = "q0_right") -> Any:
        """Draw the histogram (counts when shots are known, else probabilities), one
        bar per outcome labelled by bitstring in ascending state order; returns the
        matplotlib Axes. Needs the ``plot`` extra: ``pip install 'ionq-client[plot]'``."""
        from ._plot import plot_result

        return plot_result(self, ax, order)

    def text_histogram(
        self, width: int = 40, *, order: BitOrder = "q0_right", limit: int | None = 32
    ) -> str:
        """A histogram for terminals: one line per outcome, bars ``width`` characters at
        most, counts when shots are known; ``limit`` keeps the most likely outcomes."""
        from ._plot import text_histogram

        return text_histogram(self, width, order, limit)

    def _repr_html_(self) -> str:
        from ._plot import result_html

        return result_html(self)

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
        registers = f", registers={list(self._registers)}" if self._registers else ""
        return (
            f"Result(states={len(self._raw)}, qubits={self._qubits}, "
            f"shots={self._shots}, job_id={self.job_id!r}{registers})"
        )


def _largest_remainder(probabilities: dict[int, float], shots: int) -> dict[int, int]:
    """Counts summing to ``shots``: floors, then one more for the largest remainders.

    Written as whole-list passes (``map``, ``compress``, ``heapq.nlargest``) because
    a million states with a thousand shots is the common large case: only the top
    ``left`` remainders matter, not a full sort.
    """
    states = list(probabilities)
    n = len(states)
    exact = list(map(float(shots).__mul__, probabilities.values()))
    floors = list(map(math.floor, exact))
    left = shots - sum(floors)
    if left < 0 or left > n:
        return _largest_remainder_slow(states, exact, floors, left)
    if left:
        whole = list(compress(range(n), floors))
        if len(whole) * 4 < n:
            remainders = exact  # reused in place: only the few whole parts change
            for i in whole:
                remainders[i] -= floors[i]
        else:
            remainders = list(map(operator.sub, exact, floors))
        picked = heapq.nlargest(left, _candidates(remainders, left), key=remainders.__getitem__)
        cut = remainders[picked[-1]]
        above = [i for i in picked if remainders[i] > cut]
        if remainders.count(cut) != len(picked) - len(above):
            # A tie straddles the cut: among the tied, the lowest states win.
            tied = compress(range(n), map(cut.__eq__, remainders))
            picked = above + sorted(tied, key=states.__getitem__)[: left - len(above)]
        for i in picked:
            floors[i] += 1
    return {states[i]: floors[i] for i in compress(range(n), floors)}


def _candidates(remainders: list[float], wanted: int) -> Sequence[int] | range:
    """Indices that surely hold the ``wanted`` largest remainders, found in C passes.

    A sorted sample of about 4,096 remainders gives a cut with some margin; one
    ``compress`` keeps what reaches it. If the cut was too high (fewer than
    ``wanted`` reach it) every index is a candidate: slower, never wrong.
    """
    n = len(remainders)
    step = n // 4096
    if step < 4:
        return range(n)
    sample = sorted(remainders[::step], reverse=True)
    rank = min(len(sample) - 1, 2 * (wanted * len(sample)) // n + 8)
    cut = sample[rank]
    kept = list(compress(range(n), map(cut.__le__, remainders)))
    return kept if len(kept) >= wanted else range(n)


def _largest_remainder_slow(
    states: list[int], exact: list[float], floors: list[int], left: int
) -> dict[int, int]:
    """The general case (float error made ``left`` negative or larger than the states)."""
    counts = dict(zip(states, floors, strict=True))
    remainders = [(e - f, s) for s, e, f in zip(states, exact, floors, strict=True)]
    if left and remainders:
        remainders.sort(key=lambda r: (-r[0], r[1]) if left > 0 else (r[0], -r[1]))
        step = 1 if left > 0 else -1
        i = 0
        while left:
            state = remainders[i % len(remainders)][1]
            if step > 0 or counts[state] > 0:
                counts[state] += step
                left -= step
            i += 1
    return {state: n for state, n in counts.items() if n}


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

    def _repr_html_(self) -> str:
        from ._plot import multi_result_html

        return multi_result_html(self)

    def __repr__(self) -> str:
        return f"MultiResult(circuits={len(self._raw)}, job_id={self.job_id!r})"


# --------------------------------------------------------------------- v2 results
def _v2_registers(data: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]] | None:
    """``("probabilities" | "histogram", registers)`` for a v2 document, else None."""
    if len(data) != 1:
        return None
    kind, body = next(iter(data.items()))
    if kind not in ("probabilities", "histogram") or not isinstance(body, Mapping):
        return None
    registers = body.get("registers")
    if not isinstance(registers, Mapping) or set(body) != {"registers"}:
        raise IonQResponseError(f"v2 {kind} result: expected {{'registers': {{name: {{...}}}}}}")
    return kind, registers


def _from_registers(
    kind: str,
    registers: Mapping[str, Any],
    *,
    shots: int | None,
    job_id: str | None,
) -> Result:
    """A v2 document as one Result: the whole-circuit outcome (``output_all``, or the
    only register) at the top, every register under :attr:`Result.registers`.

    A histogram's counts become probabilities and its total becomes ``shots``, so
    ``counts()`` gives back IonQ's numbers.
    """
    parts: dict[str, Result] = {}
    for name, dist in registers.items():
        if not isinstance(dist, Mapping):
            raise IonQResponseError(
                f"v2 {kind} register {name!r} is not an object: {type(dist).__name__}"
            )
        given = shots
        if kind == "histogram":
            given = _histogram_total(name, dist) or None
        parts[name] = Result(dist, shots=given, job_id=job_id, binary=True)
    main = parts.get(OUTPUT_ALL)
    if main is None and len(parts) == 1:
        main = next(iter(parts.values()))
    if main is None:
        # No joint distribution was sent: the top level is empty and says so in repr.
        return Result({}, shots=shots, job_id=job_id, binary=True, registers=parts)
    return Result(main.raw, shots=main.shots, job_id=job_id, binary=True, registers=parts)


def _histogram_total(name: str, counts: Mapping[str, Any]) -> int:
    total = 0
    for key, value in counts.items():
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise IonQResponseError(
                f"v2 histogram register {name!r}: count for {key!r} is not a whole number"
            )
        total += value
    return total


def decode_probabilities(
    data: object,
    *,
    qubits: int | None = None,
    shots: int | None = None,
    job_id: str | None = None,
) -> Result | MultiResult:
    """Wrap a decoded probabilities response, telling single, multi-circuit and v2 apart.

    v2 documents (``{"probabilities"|"histogram": {"registers": ...}}``) become one
    :class:`Result` with :attr:`Result.registers`. Otherwise only the first value
    is inspected (a map of maps is multi-circuit) so that large results stay O(1)
    to wrap; an empty map is an empty single Result.
    """
    if not isinstance(data, Mapping):
        raise IonQResponseError(
            f"expected a JSON object of probabilities, got {type(data).__name__}"
        )
    if isinstance(data, NumberTable):  # numbers only: one circuit, read as two lists
        return Result(data, qubits=qubits, shots=shots, job_id=job_id)
    v2 = _v2_registers(data)
    if v2 is not None:
        return _from_registers(v2[0], v2[1], shots=shots, job_id=job_id)
    if data:
        first = next(iter(data.values()))
        if isinstance(first, Mapping):
            return MultiResult(data, qubits=qubits, shots=shots, job_id=job_id)
    return Result(data, qubits=qubits, shots=shots, job_id=job_id)


# ------------------------------------------------------------------- v2 shots
class RegisterShots:
    """``ionq.result.shots.json.v2``: every shot's bits per register, as bitstrings.

    A register's bit array ``[b0, b1, ...]`` lists bit 0 first (as OpenQASM's
    ``c[0], c[1]``); the bitstring puts bit 0 rightmost, the same reading as
    :meth:`Result.bitstrings` and IonQ's v2 probability keys.

    Shots whose ``leakage_bits`` are set (an ion left the qubit space) are not
    outcomes of the circuit. Like qiskit-ionq, they are dropped by default and
    counted in :attr:`leaked`, so the loss is visible; ``keep_leaked=True`` keeps
    them, with :attr:`leaked_indices` saying which.
    """

    def __init__(
        self,
        shots: dict[str, list[str]],
        total: int,
        leaked_indices: list[int],
        kept_leaked: bool,
    ) -> None:
        self._shots = shots
        self.total = total
        self.leaked_indices = leaked_indices
        self.kept_leaked = kept_leaked

    @property
    def leaked(self) -> int:
        """How many shots had nonzero ``leakage_bits``."""
        return len(self.leaked_indices)

    @property
    def names(self) -> list[str]:
        return list(self._shots)

    def register(self, name: str) -> list[str]:
        """One register's bitstrings, one per kept shot, in shot order."""
        try:
            return self._shots[name]
        except KeyError:
            raise KeyError(f"no register {name!r} (registers: {', '.join(self._shots)})") from None

    def counts(self, name: str = OUTPUT_ALL) -> dict[str, int]:
        """``{bitstring: shots}`` for one register, in first-seen order."""
        counts: dict[str, int] = {}
        for bits in self.register(name):
            counts[bits] = counts.get(bits, 0) + 1
        return counts

    def __len__(self) -> int:
        """Kept shots."""
        return self.total - (0 if self.kept_leaked else self.leaked)

    def __repr__(self) -> str:
        return (
            f"RegisterShots(shots={len(self)}, registers={self.names}, leaked={self.leaked}, "
            f"kept_leaked={self.kept_leaked})"
        )


def _leaks(value: object, index: int) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and math.isfinite(value):
        return value != 0
    if isinstance(value, Sequence) and not isinstance(value, str):
        return any(_leaks(v, index) for v in value)
    if isinstance(value, Mapping):
        return any(_leaks(v, index) for v in value.values())
    raise IonQResponseError(f"shots[{index}].leakage_bits is not bits: {value!r:.80}")


def _bitstring(bits: object, where: str) -> str:
    if not isinstance(bits, list) or any(b not in (0, 1) or isinstance(b, bool) for b in bits):
        raise IonQResponseError(f"{where} is not a list of 0/1 bits: {bits!r:.80}")
    return "".join("1" if b else "0" for b in reversed(bits))


def decode_shots_v2(data: object, *, keep_leaked: bool = False) -> RegisterShots:
    """Read a v2 shots document (see :class:`RegisterShots` for leakage)."""
    shots = data.get("shots") if isinstance(data, Mapping) else None
    if not isinstance(shots, list):
        raise IonQResponseError("v2 shots: expected {'shots': [{'registers': {...}}, ...]}")
    out: dict[str, list[str]] = {}
    leaked: list[int] = []
    for i, shot in enumerate(shots):
        registers = shot.get("registers") if isinstance(shot, Mapping) else None
        if not isinstance(registers, Mapping):
            raise IonQResponseError(f"shots[{i}].registers is missing or not an object")
        if _leaks(shot.get("leakage_bits"), i):
            leaked.append(i)
            if not keep_leaked:
                continue
        for name, bits in registers.items():
            out.setdefault(name, []).append(_bitstring(bits, f"shots[{i}].registers[{name!r}]"))
    kept = len(shots) - (0 if keep_leaked else len(leaked))
    for name, column in out.items():
        if len(column) != kept:
            raise IonQResponseError(f"v2 shots: register {name!r} is missing from some shots")
    return RegisterShots(out, len(shots), leaked, keep_leaked)
