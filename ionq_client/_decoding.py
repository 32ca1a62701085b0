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
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, cast

import httpx

from ._exceptions import IonQResponseError, redact, redact_error

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
    """A histogram: ``{"<decimal state>": count}`` → ``{state: count}``."""
    data = json_body(response)
    try:
        return {int(k): int(v) for k, v in cast(dict[str, Any], data).items()}
    except (AttributeError, TypeError, ValueError):
        raise response_error(response, "expected a map of decimal states to counts") from None


def shots(response: httpx.Response) -> list[int]:
    """The shots list: one decimal state per shot, in order."""
    data = json_body(response)
    try:
        return [int(s) for s in data]
    except (TypeError, ValueError):
        raise response_error(response, "shots must be a list of decimal states") from None


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
