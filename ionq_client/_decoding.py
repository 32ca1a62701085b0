"""How a successful answer becomes a typed value. Pure: the response is already read.

Most operations decode with the generated ``_parse_response`` of their endpoint
module; the rest (histograms, shots, artifacts, probabilities) are plain JSON the
spec describes as maps or lists. Any answer the spec does not allow becomes
:class:`IonQResponseError`, with the API key scrubbed from what it quotes.
"""

from __future__ import annotations

import functools
import importlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

import httpx

from ._exceptions import IonQResponseError, redact, redact_error

if TYPE_CHECKING:
    from .results import MultiResult, RegisterShots, Result

#: How an :class:`~._requests.ApiRequest` reads a 2xx answer.
Decoder = Callable[[httpx.Response], Any]


def response_error(
    response: httpx.Response, why: str, secret: str | None = None
) -> IonQResponseError:
    """The error for an answer the spec does not allow; quotes at most 200 characters."""
    snippet = response.text[:200] if response.content else "(empty body)"
    return IonQResponseError(
        redact(
            f"{response.request.method} {response.request.url.path} answered "
            f"{response.status_code} with a body IonQ's spec does not allow ({why}): {snippet}",
            secret,
        ),
        status_code=response.status_code,
        body=redact(response.text, secret),
    )


def decode_success(decode: Decoder, response: httpx.Response, secret: str | None) -> Any:
    """``decode(response)``; an off-spec body raises IonQResponseError, key redacted."""
    try:
        return decode(response)
    except IonQResponseError as error:
        raise redact_error(error, secret) from None


# ------------------------------------------------------------- generated parsers
@functools.cache
def endpoint_module(dotted: str) -> ModuleType:
    """``ionq_api.api.<dotted>``, imported once."""
    return importlib.import_module(f"ionq_api.api.{dotted}")


@functools.cache
def _parser_client() -> Any:
    """The generated ``Client`` its parsers insist on (they only read a flag from it)."""
    from ionq_api import Client

    return Client(base_url="", raise_on_unexpected_status=False)


@functools.cache
def generated(dotted: str) -> Decoder:
    """Decode with the generated parser of ``dotted``, turning its crashes into
    IonQResponseError (a generated model raises KeyError/TypeError on a bad body)."""
    module = endpoint_module(dotted)

    def decode(response: httpx.Response) -> Any:
        try:
            parsed = module._parse_response(client=_parser_client(), response=response)
        except json.JSONDecodeError as exc:
            raise response_error(response, f"invalid JSON: {exc}") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise response_error(response, f"{type(exc).__name__}: {exc}") from None
        if parsed is None:
            raise response_error(response, "undocumented status")
        return parsed

    return decode


# ------------------------------------------------------------------ plain JSON
def json_body(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError as exc:
        raise response_error(response, f"invalid JSON: {exc}") from None


def state_counts(response: httpx.Response) -> dict[int, int]:
    """A v1 histogram: ``{"<decimal state>": count}`` → ``{state: count}``.

    Read through the same one-pass table as probabilities; a v2 (register-nested)
    histogram is refused here with a pointer to :func:`result_document`.
    """
    from .results import NumberTable

    data = _tables(response)
    if isinstance(data, NumberTable):
        keys, values = data.keys_, data.values_
        if set(map(type, values)) <= {int} or all(map(float.is_integer, map(float, values))):
            counts = dict(zip(map(int, keys), map(int, values), strict=True))
            if len(counts) == len(keys):
                return counts
    if isinstance(data, dict) and "histogram" in data:
        raise response_error(response, "a v2 histogram: read it with result_document")
    if isinstance(data, Mapping):
        for key, value in data.items():
            if not (isinstance(key, str) and key.isascii() and key.isdigit()):
                raise response_error(response, f"histogram state {key!r} is not a decimal state")
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise response_error(response, f"histogram count for {key!r} is invalid")
            if not float(value).is_integer():
                raise response_error(response, f"histogram count for {key!r} is not whole")
        if not data:
            return {}
        raise response_error(response, "a state appears twice")
    raise response_error(response, "expected a map of decimal states to counts")


def shots(response: httpx.Response) -> list[int]:
    """The v1 shots list: one decimal state per shot, in order."""
    return _shot_states(json_body(response), response)


def _shot_states(data: Any, response: httpx.Response) -> list[int]:
    """The strings are checked in bulk (one join: ASCII digits only, none empty) and
    converted with one ``map(int, ...)``: no per-shot Python frame."""
    if not isinstance(data, list):
        raise response_error(response, "shots must be a list of decimal states")
    try:
        joined = "".join(data)
    except TypeError:
        joined = None  # ints (or worse) among the strings: checked one by one below
    if joined is not None and joined.isascii() and joined.isdigit():
        try:
            return list(map(int, data))
        except ValueError:
            pass  # an empty string: named below
    for index, shot in enumerate(data):
        ok_int = isinstance(shot, int) and not isinstance(shot, bool) and shot >= 0
        ok_str = isinstance(shot, str) and shot.isascii() and shot.isdigit()
        if not (ok_int or ok_str):
            raise response_error(response, f"shots[{index}] = {shot!r:.40} is not a decimal state")
    return [int(shot) for shot in data]


def _tables(response: httpx.Response) -> Any:
    """The body parsed with the one-pass probability tables (see ``results``)."""
    from .results import parse_tables

    try:
        return parse_tables(response.content)
    except ValueError as exc:  # not JSON, or not UTF-8
        raise response_error(response, f"invalid JSON: {exc}") from None


def probabilities(
    response: httpx.Response,
    *,
    qubits: int | None = None,
    shots: int | None = None,
    job_id: str | None = None,
) -> Result | MultiResult:
    """A probabilities document (v1, aggregate, v2 probabilities or histogram) as a
    Result or MultiResult, parsed in one pass."""
    from .results import decode_probabilities

    data = _tables(response)
    return decode_probabilities(data, qubits=qubits, shots=shots, job_id=job_id)


def result_document(response: httpx.Response) -> Result | MultiResult | RegisterShots | list[int]:
    """An IonQ result artifact as a value to use: probabilities/histogram (v1 or v2) →
    Result or MultiResult, v2 shots → RegisterShots (leaked shots dropped and
    counted), v1 shots → list of states. Anything else is not a result."""
    from .results import decode_probabilities, decode_shots_v2

    if "json" not in response.headers.get("content-type", ""):
        media = response.headers.get("content-type") or "no media type"
        raise response_error(response, f"a result artifact is JSON, not {media}")
    data = _tables(response)
    if isinstance(data, list):
        return _shot_states(data, response)
    if isinstance(data, dict) and "shots" in data:
        return decode_shots_v2(data)
    return decode_probabilities(data)


def artifact(response: httpx.Response) -> Any:
    """An artifact by its media type: parsed JSON, text (OpenQASM) or bytes."""
    media = response.headers.get("content-type", "")
    if "json" in media:
        return json_body(response)
    if media.startswith("text/"):
        return response.text
    return response.content


@dataclass(frozen=True, slots=True)
class CandidatePage:
    """A job-list page as plain JSON, and the server's clock when it answered."""

    jobs: list[dict[str, Any]]
    next: str | None
    server_date: str | None


def submission_candidates(response: httpx.Response) -> CandidatePage:
    """A list page read tolerantly (any job shape): used only to find a tagged
    submission, which must not fail on a field a model dislikes."""
    data = json_body(response)
    jobs = data.get("jobs") if isinstance(data, dict) else None
    if not isinstance(jobs, list):
        raise response_error(response, "no 'jobs' list")
    cursor = data.get("next")
    return CandidatePage(
        jobs=[j for j in jobs if isinstance(j, dict)],
        next=cursor if isinstance(cursor, str) and cursor else None,
        server_date=response.headers.get("date"),
    )
