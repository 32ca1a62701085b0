"""``AsyncIonQClient``: the driver, written once. ``ionq_client/_sync/client.py`` is
generated from this file by ``scripts/make_sync.py`` (``make unasync``; ``make test``
fails when the two drift), so every method exists once and both clients keep the
same names and signatures.

A request flows one way: a ``_requests`` function describes it, ``_base_client``
turns it into an ``httpx.Request``, this module sends it and sleeps; a success is
read by the request's decoder (``_decoding``), a failure becomes the next step in
``_failures``. Nothing here decides anything.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast, overload

import httpx

from .. import _batch, _config, _failures, _function_results, _lifecycle, _requests, _submission
from .._base_client import BaseClient
from .._decoding import decode_success
from .._exceptions import (
    IonQBatchTimeoutError,
    IonQConnectionError,
    IonQError,
    IonQJobTimeoutError,
)
from .._function_results import FunctionResult, QaoaResult
from .._reading import BodyReader, undecodable
from .._submission import JobLike, Submission
from ..results import MultiResult, RegisterShots, Result
from . import _wire
from ._concurrency import bounded_map

if TYPE_CHECKING:
    from ionq_api.models import (
        BackendInfo,
        Characterization,
        JobCanceled,
        JobCost,
        JobCreated,
        JobDeleted,
        JobsCanceled,
        JobsDeleted,
        MultiCircuitJob,
        QaoaJob,
        QuantumFunctionJob,
        Session,
        SessionList,
        SingleCircuitJob,
        UsageReport,
        WhoAmI,
    )

    from .._requests import ApiRequest, CostEstimate, Job
    from ..functions import HamiltonianEnergy
    from ..job import IonQJob

T = TypeVar("T")
#: What ``get_results`` returns: probabilities for a circuit job, the value a quantum
#: function or a QAOA job computed for the others.
AnyResult = Result | MultiResult | FunctionResult | QaoaResult


class AsyncIonQClient(BaseClient[httpx.AsyncClient]):
    """A client for IonQ's API holding one pool of HTTP connections.

    Use it as a context manager, or close it. Every method returns typed values (the
    generated ``ionq_api.models`` classes, or :class:`Result`); call ``.to_dict()`` on
    any of them for the plain JSON. ``AsyncIonQClient`` and ``IonQClient`` have the
    same methods: awaitable on the first, blocking on the second.
    """

    _http: httpx.AsyncClient
    _transport: _wire.Transport | None

    def _make_http(self, **kwargs: Any) -> httpx.AsyncClient:
        return httpx.AsyncClient(**kwargs)

    _new_transport = staticmethod(_wire.new_transport)

    async def close(self) -> None:
        """Close the pooled connections (a no-op on a client built by ``with_options``)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    _sleep = staticmethod(asyncio.sleep)

    # ------------------------------------------------------------ the loop
    async def _send(
        self,
        request: ApiRequest[T],
        submission: Submission | None = None,
        deadline: float | None = None,
    ) -> T:
        """Send until success or a final failure, as ``_failures`` decides.

        ``submission`` marks a job submission: after an ambiguous failure the job it
        may have created is looked for, and returned if found, instead of sending again.
        ``deadline`` (on ``self._clock``): no retry starts, nor waits, past it.
        """
        http_request = self._http_request(request)
        first_sent, first_sent_at = self._clock(), self._now()
        budget = _config.attempt_budget(self.timeout)
        attempt = 0
        while True:
            started = self._clock()
            try:
                response = await self._receive(http_request, started + budget)
            except httpx.TransportError as exc:
                failure: httpx.Response | httpx.TransportError = exc
            else:
                self._log_response(request, response, attempt, started)
                if response.is_success:
                    return cast("T", decode_success(request.decode, response, self._token))
                failure = response
            step = _failures.after_failure(
                request,
                failure,
                attempt=attempt,
                max_retries=self.max_retries,
                secret=self._token,
                now=self._now(),
                jitter=self._jitter(),
                findable=submission is not None,
                grace=float(self.timeout.read or 0.0),
            )
            _submission.scrub(step.error, _submission.payload_secrets(request.json))
            out_of_time = deadline is not None and self._clock() + step.delay >= deadline
            if step.action == "raise" or out_of_time:
                raise step.error from (failure if isinstance(failure, Exception) else None)
            self._log_retry(request, step, attempt)
            await self._sleep(step.delay)
            if step.action == "find" and submission is not None:
                search = _submission.SubmissionSearch(
                    submission, elapsed=self._clock() - first_sent, sent_at=first_sent_at
                )
                found = await self._find_submission(search, step.error)
                if found is not None:
                    return cast("T", found)  # only createJob requests carry a submission
            attempt += 1

    async def _receive(self, http_request: httpx.Request, deadline: float) -> httpx.Response:
        """One attempt: send, then read the answer within ``deadline`` and the size cap."""
        self._ensure_open()  # a retry may follow close()
        transport = self._transport
        if transport is not None and self._direct():
            response = await _wire.send(transport, http_request)
            if "set-cookie" in response.headers:  # kept; httpx's client sends it from now on
                self._http.cookies.extract_cookies(response)
        else:
            response = await self._http.send(http_request, stream=True)
        try:
            reader = BodyReader(
                response, deadline=deadline, max_bytes=self.max_response_bytes, clock=self._clock
            )
            if reader.as_sent:
                await _wire.read(response)  # through the reader's bounds
                return response
            async for chunk in response.aiter_bytes():
                reader.add(chunk)
        except httpx.DecodingError as exc:
            raise undecodable(response, exc) from None
        finally:
            await response.aclose()
        return reader.response()

    async def _find_submission(
        self, search: _submission.SubmissionSearch, error: IonQError
    ) -> JobCreated | None:
        """The job the submission created, if the server lists it (see ``_submission``)."""
        cursor: str | None = None
        filters = search.submission.filters
        try:
            while True:
                request = _requests.submission_candidates(
                    filters, _submission.FIND_PAGE_SIZE, cursor
                )
                found, cursor = search.read(await self._send(request))
                if found is not None or cursor is None:
                    return found
        except IonQError as lookup_error:
            # We cannot tell whether the first attempt took effect: say so, never resubmit.
            raise _failures.not_resent(error) from lookup_error

    # ---------------------------------------------------- reference methods
    async def submit_job(self, job: JobLike) -> JobCreated:
        """Submit a job; it is never created twice, whatever fails on the way.

        ``job`` is an :class:`IonQJob`, a :class:`HamiltonianEnergy`, a generated
        payload model or a plain dict; it is validated, once, before anything is sent.
        """
        return await self._submit_payload(_submission.submission_payload(job))

    async def _submit_payload(self, payload: dict[str, Any]) -> JobCreated:
        payload, submission = _submission.tag_submission(payload)
        try:
            return await self._send(_requests.create_job(payload), submission)
        except IonQError as error:  # a QAOA job's Q-CTRL key, echoed by the server
            _submission.scrub(error, _submission.payload_secrets(payload))
            raise

    async def retrieve_job(self, job_id: str) -> Job:
        """The job's current state: a ``SingleCircuitJob``, ``MultiCircuitJob``,
        ``QuantumFunctionJob`` or ``QaoaJob``."""
        return await self._send(_requests.get_job(job_id))

    @overload
    async def get_results(
        self,
        job_id: SingleCircuitJob | MultiCircuitJob,
        sharpen: bool | None = None,
        extra_query_params: dict[str, Any] | None = None,
    ) -> Result | MultiResult: ...
    @overload
    async def get_results(self, job_id: QuantumFunctionJob) -> FunctionResult: ...
    @overload
    async def get_results(self, job_id: QaoaJob) -> QaoaResult: ...
    @overload
    async def get_results(
        self,
        job_id: str | Job,
        sharpen: bool | None = None,
        extra_query_params: dict[str, Any] | None = None,
    ) -> AnyResult: ...
    async def get_results(
        self,
        job_id: str | Job,
        sharpen: bool | None = None,
        extra_query_params: dict[str, Any] | None = None,
    ) -> AnyResult:
        """What a completed job computed; raises the job's failure otherwise.

        Probabilities for a circuit job: a :class:`Result`, or a :class:`MultiResult`
        keyed by child job id for a multi-circuit job. A quantum function's
        :class:`FunctionResult` (value, variance) and a QAOA job's :class:`QaoaResult`
        are read from the job itself (they have no probabilities, so ``sharpen`` and
        ``extra_query_params`` do not apply to them)."""
        if sharpen is not None:
            _requests.checked_bool("sharpen", sharpen)
        if isinstance(job_id, str):
            job = await self.retrieve_job(job_id)
        else:
            job = _requests.checked_job(job_id)
        _lifecycle.ensure_completed(job, self._token)
        embedded = _function_results.embedded_result(job)
        if embedded is not None:
            _function_results.refuse_circuit_options(
                job.type_, sharpen=sharpen, extra_query_params=extra_query_params
            )
            return embedded
        request = _requests.get_probabilities(
            job, self.url, sharpen=sharpen, extra_query_params=extra_query_params
        )
        return await self._send(request)

    async def cancel_job(self, job_id: str) -> JobCanceled:
        """Cancel a job that has not finished (a finished one is left as it is)."""
        return await self._send(_requests.cancel_job(job_id))

    async def cancel_jobs(self, job_ids: Iterable[str]) -> list[JobsCanceled]:
        """Cancel many jobs with IonQ's bulk endpoint, one request per 1,000 ids."""
        return [
            await self._send(_requests.cancel_jobs(chunk))
            for chunk in _requests.chunked_ids(job_ids)
        ]

    async def delete_job(self, job_id: str) -> JobDeleted:
        """Delete a job and its data."""
        return await self._send(_requests.delete_job(job_id))

    async def delete_jobs(self, job_ids: Iterable[str]) -> list[JobsDeleted]:
        """Delete many jobs with IonQ's bulk endpoint, one request per 1,000 ids."""
        return [
            await self._send(_requests.delete_jobs(chunk))
            for chunk in _requests.chunked_ids(job_ids)
        ]

    async def get_calibration_data(self, backend_name: str) -> Characterization | None:
        """The newest calibration snapshot of a backend, or None if it has none."""
        page = await self._send(_requests.list_characterizations(backend_name, limit=1))
        return page.characterizations[0] if page.characterizations else None

    # ------------------------------------------------------------ waiting
    async def wait_for_job(
        self,
        job_id: str,
        timeout: float = 600.0,
        on_progress: Callable[[Job], None] | None = None,
    ) -> Job:
        """Poll until the job finishes: return it if completed, raise if it failed or
        was canceled, raise ``IonQJobTimeoutError`` after ``timeout`` seconds (no poll is
        retried past it, so the call outlives it by one request's timeout at most).

        Polls start at 0.1 s apart and grow to 5 s; ``on_progress`` sees every poll.
        """
        deadline = self._clock() + _config.check_wait(timeout)
        _config.check_callback(on_progress, "on_progress")
        request = _requests.get_job(job_id)
        interval = _lifecycle.POLL_INITIAL
        while True:
            try:
                job = await self._send(request, deadline=deadline)
            except IonQConnectionError as exc:
                if self._clock() < deadline:
                    raise
                raise IonQJobTimeoutError(
                    f"job {job_id}: no answer before the {timeout:g} s deadline", job_id=job_id
                ) from exc
            if on_progress is not None:
                on_progress(job)
            if _lifecycle.is_finished(job):
                _lifecycle.ensure_completed(job, self._token)
                return job
            remaining = deadline - self._clock()
            if remaining <= 0:
                raise IonQJobTimeoutError(
                    f"job {job_id} still {_lifecycle.job_status(job)} after {timeout:g} s",
                    job_id=job_id,
                )
            await self._sleep(min(interval, remaining))
            interval = _lifecycle.next_poll_interval(interval)

    @overload
    async def run(
        self,
        job: IonQJob,
        *,
        timeout: float = 600.0,
        sharpen: bool | None = None,
        on_progress: Callable[[Job], None] | None = None,
    ) -> Result | MultiResult: ...
    @overload
    async def run(
        self,
        job: HamiltonianEnergy,
        *,
        timeout: float = 600.0,
        on_progress: Callable[[Job], None] | None = None,
    ) -> FunctionResult: ...
    @overload
    async def run(
        self,
        job: JobLike,
        *,
        timeout: float = 600.0,
        sharpen: bool | None = None,
        on_progress: Callable[[Job], None] | None = None,
    ) -> AnyResult: ...
    async def run(
        self,
        job: JobLike,
        *,
        timeout: float = 600.0,
        sharpen: bool | None = None,
        on_progress: Callable[[Job], None] | None = None,
    ) -> AnyResult:
        """Submit, wait and fetch the results: the common case in one call (see
        :meth:`get_results` for what each kind of job returns)."""
        _config.check_wait(timeout)  # before the job exists, not after
        _config.check_callback(on_progress, "on_progress")
        if sharpen is not None:
            _requests.checked_bool("sharpen", sharpen)
        payload = _submission.submission_payload(job)
        _function_results.refuse_circuit_options(payload.get("type"), sharpen=sharpen)
        created = await self._submit_payload(payload)
        finished = await self.wait_for_job(created.id, timeout=timeout, on_progress=on_progress)
        return await self.get_results(finished, sharpen=sharpen)

    # ------------------------------------------------------------ many jobs
    async def submit_many(
        self, jobs: Iterable[JobLike], *, concurrency: int = 16
    ) -> list[JobCreated]:
        """Submit every job, ``concurrency`` at a time; one ``JobCreated`` per job, in
        order, each with :meth:`submit_job`'s guarantee (never created twice).

        Every job is validated before the first is sent (a bad one raises
        ``IonQValidationError`` naming ``jobs[i].<field>``, and nothing is sent). If
        some submissions fail, the others still happen and ``IonQBatchError`` is
        raised, its ``results`` holding each ``JobCreated`` or error in order.
        """
        _requests.checked_int("concurrency", concurrency, 1)
        return await self._submit_all(_submission.batch_payloads(jobs), concurrency)

    async def _submit_all(
        self, payloads: list[dict[str, Any]], concurrency: int
    ) -> list[JobCreated]:
        results = await bounded_map(self._submit_payload, payloads, concurrency)
        return _batch.all_or_batch_error(results, "submissions")

    async def as_completed(
        self, job_ids: Iterable[str], *, timeout: float = 600.0
    ) -> AsyncIterator[Job]:
        """Yield each job as it reaches a final status (completed, failed, canceled,
        deleted), polling the job list filtered by ``ids`` (100 ids per request) at
        :meth:`wait_for_job`'s growing interval; ``IonQBatchTimeoutError`` at the
        deadline. Jobs that do not exist raise ``IonQNotFoundError`` at once."""
        async for job in self._poll_many(job_ids, timeout, None, False):
            yield job

    async def wait_all(
        self,
        job_ids: Iterable[str],
        *,
        timeout: float = 600.0,
        on_progress: Callable[[dict[str, int]], None] | None = None,
        cancel_on_timeout: bool = False,
    ) -> list[Job]:
        """Wait until every job is final and return them in order (check each status).

        ``on_progress`` receives the counts by status after every poll round (a round
        stops at the first chunk of ids with a job still running, so jobs in the chunks
        after it count with their last known status until a later round). At the
        deadline, ``IonQBatchTimeoutError`` lists the unfinished ids, after canceling
        them in bulk if ``cancel_on_timeout``.
        """
        ids = _requests.checked_ids(job_ids)
        tracker = _batch.Tracker(ids)
        async for _ in self._poll_many(ids, timeout, on_progress, cancel_on_timeout, tracker):
            pass
        return tracker.in_order()

    async def run_many(
        self,
        jobs: Iterable[JobLike],
        *,
        concurrency: int = 16,
        timeout: float = 600.0,
        on_progress: Callable[[dict[str, int]], None] | None = None,
        sharpen: bool | None = None,
    ) -> list[AnyResult]:
        """Submit every job, wait for all, fetch their results, in order.

        A job that fails or is canceled does not stop the others: ``IonQBatchError``
        then holds each result or error in order.
        """
        _requests.checked_int("concurrency", concurrency, 1)
        if sharpen is not None:
            _requests.checked_bool("sharpen", sharpen)
        payloads = _submission.batch_payloads(jobs)
        for payload in payloads:  # before any job exists
            _function_results.refuse_circuit_options(payload.get("type"), sharpen=sharpen)
        created = await self._submit_all(payloads, concurrency)
        finished = await self.wait_all(
            [c.id for c in created], timeout=timeout, on_progress=on_progress
        )

        async def results_of(job: Job) -> AnyResult:
            return await self.get_results(job, sharpen=sharpen)

        results = await bounded_map(results_of, finished, concurrency)
        return _batch.all_or_batch_error(results, "jobs")

    async def _poll_many(
        self,
        job_ids: Iterable[str],
        timeout: float,
        on_progress: Callable[[dict[str, int]], None] | None,
        cancel_on_timeout: bool,
        tracker: _batch.Tracker | None = None,
    ) -> AsyncIterator[Job]:
        deadline = self._clock() + _config.check_wait(timeout)
        _config.check_callback(on_progress, "on_progress")
        # Only wait_all (which passes its tracker) may end a round early: iter_finished
        # hands out each job as soon as it is seen final, so it reads every chunk.
        stop_early = tracker is not None
        tracker = tracker or _batch.Tracker(_requests.checked_ids(job_ids))
        interval = _lifecycle.POLL_INITIAL
        while not tracker.done:
            seen: list[Job] = []
            for chunk in tracker.pending_chunks():
                page = [job async for job in self._pages(None, len(chunk), {"ids": chunk})]
                seen += page
                if stop_early and tracker.round_can_stop(page):
                    break
            for job in tracker.record(seen):
                yield job
            if on_progress is not None:
                on_progress(tracker.counts())
            remaining = deadline - self._clock()
            if tracker.done:
                return
            if remaining <= 0:
                if cancel_on_timeout:
                    await self.cancel_jobs(tracker.unfinished)
                raise IonQBatchTimeoutError(
                    f"{len(tracker.unfinished)} of {len(tracker.order)} jobs unfinished "
                    f"after {timeout:g} s",
                    unfinished=tracker.unfinished,
                )
            await self._sleep(min(interval, remaining))
            interval = _lifecycle.next_poll_interval(interval)

    # ----------------------------------------------------------- listing
    async def iter_jobs(self, *, limit: int | None = None, **filters: Any) -> AsyncIterator[Job]:
        """Every job matching ``filters`` (``status``, ``target``, ``session_id``,
        ``parent_job_id``, ``submitter_id``, ``ids``), newest first, following the
        ``next`` cursor to the end; ``limit`` is the page size."""
        async for job in self._pages(None, limit, filters):
            yield job

    async def list_jobs(self, *, max_jobs: int | None = None, **filters: Any) -> list[Job]:
        """Like :meth:`iter_jobs`, collected into a list (stopping after ``max_jobs``)."""
        jobs: list[Job] = []
        if max_jobs is not None and _requests.checked_int("max_jobs", max_jobs, 0) == 0:
            return jobs
        async for job in self.iter_jobs(**filters):
            jobs.append(job)
            if len(jobs) == max_jobs:  # stop before the iterator asks for another page
                break
        return jobs

    async def iter_session_jobs(
        self, session_id: str, *, limit: int | None = None, **filters: Any
    ) -> AsyncIterator[Job]:
        """Every job of a session, following the ``next`` cursor to the end."""
        session_id = _requests.checked_id("session_id", session_id)
        async for job in self._pages(session_id, limit, filters):
            yield job

    async def _pages(
        self, session_id: str | None, limit: int | None, filters: Mapping[str, Any]
    ) -> AsyncIterator[Job]:
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            request = _requests.list_jobs({**filters, "limit": limit}, cursor, session_id)
            page = await self._send(request)
            for job in page.jobs:
                yield job
            cursor = _requests.next_cursor(page, seen)
            if cursor is None:
                return

    async def iter_characterizations(
        self, backend: str, *, start: Any = None, end: Any = None, limit: int | None = None
    ) -> AsyncIterator[Characterization]:
        """A backend's calibration snapshots, newest first, across every page."""
        page_number = 1
        while True:
            request = _requests.list_characterizations(
                backend, start=start, end=end, limit=limit, page=page_number
            )
            page = await self._send(request)
            for characterization in page.characterizations or []:
                yield characterization
            if not page.characterizations or not isinstance(page.pages, int) or page.pages <= 0:
                return
            page_number += 1

    # --------------------------------------------------------- the rest
    async def whoami(self) -> WhoAmI:
        """The identity of the API key (the cheapest way to check it works)."""
        return await self._send(_requests.whoami())

    async def get_backends(self) -> list[BackendInfo]:
        """Every backend and its status (no key needed)."""
        return await self._send(_requests.get_backends())

    async def get_backend(self, backend: str) -> BackendInfo:
        return await self._send(_requests.get_backend(backend))

    async def get_characterization(
        self, backend: str, characterization_id: str
    ) -> Characterization:
        return await self._send(_requests.get_characterization(backend, characterization_id))

    async def get_job_cost(self, job_id: str) -> JobCost:
        return await self._send(_requests.get_job_cost(job_id))

    async def estimate_job(self, backend: str, **query: Any) -> CostEstimate:
        """Price a job by size: ``qubits``, ``shots``, ``one_qubit_gates``,
        ``two_qubit_gates``, ``error_mitigation``, ``type``."""
        return await self._send(_requests.estimate_job(backend, **query))

    async def clone_job(self, job_id: str, **changes: Any) -> JobCreated:
        """Submit a copy of a job, with ``changes`` (shots, backend, name, ...)."""
        return await self._send(_requests.clone_job(job_id, changes))

    async def move_job(self, job_id: str, **changes: Any) -> JobCreated:
        """Resubmit a job that has not started, with ``changes``, in its place."""
        return await self._send(_requests.move_job(job_id, changes))

    async def get_histogram(self, job_id: str) -> dict[int, int]:
        """Shot counts keyed by state (qubit 0 is the least significant bit)."""
        return await self._send(_requests.get_histogram(job_id))

    async def get_shots(self, job_id: str) -> list[int]:
        """The state measured by each shot, in order."""
        return await self._send(_requests.get_shots(job_id))

    async def get_artifact(self, job_id: str, artifact_id: str) -> Any:
        """An artifact as sent: parsed JSON, text (OpenQASM) or bytes, by its media type."""
        return await self._send(_requests.get_artifact(job_id, artifact_id))

    async def get_result_artifact(
        self, job_id: str, artifact_id: str
    ) -> Result | MultiResult | RegisterShots | list[int]:
        """A result artifact, by the ``id`` of its descriptor in ``job.results``, read
        for use: probabilities or histogram (v1, or v2 with registers by name) →
        :class:`Result` / :class:`MultiResult`; v2 shots → :class:`RegisterShots`
        (shots with leakage bits dropped and counted); v1 shots → list of states."""
        return await self._send(_requests.get_result_artifact(job_id, artifact_id))

    async def get_format_schema(self, format_id: str) -> Any:
        return await self._send(_requests.get_format_schema(format_id))

    async def create_session(self, backend: str, **limits: Any) -> Session:
        """Open a session; limits: ``job_count_limit``, ``duration_limit_min``, ``cost_limit``."""
        return await self._send(_requests.create_session(backend, limits))

    async def list_sessions(self, active: bool | None = None) -> SessionList:
        return await self._send(_requests.list_sessions(active))

    async def get_session(self, session_id: str) -> Session:
        return await self._send(_requests.get_session(session_id))

    async def end_session(self, session_id: str) -> Session:
        return await self._send(_requests.end_session(session_id))

    async def get_organization_usage(self, organization_id: str, **query: Any) -> UsageReport:
        """Usage from ``start_date`` to ``end_date``, by ``group_by`` and ``modality``."""
        return await self._send(_requests.get_organization_usage(organization_id, **query))
