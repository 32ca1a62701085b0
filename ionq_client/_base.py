"""What the sync and async clients share besides ``_core``: configuration, headers,
request building and logging. Each subclass adds only its own I/O."""

from __future__ import annotations

import copy
import logging
import random
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from . import _config, _core
from ._exceptions import IonQCredentialsError, IonQError

if TYPE_CHECKING:
    from .job import IonQJob

    JobLike = IonQJob | Mapping[str, Any] | Any
else:
    JobLike = Any

H = TypeVar("H", httpx.Client, httpx.AsyncClient)
log = logging.getLogger("ionq_client")


class ClientBase(Generic[H]):
    """Configuration and request building common to both clients."""

    _http: H

    def __init__(
        self,
        token: str | None = None,
        url: str | None = None,
        custom_headers: dict[str, str] | None = None,
        *,
        timeout: float | httpx.Timeout = _config.DEFAULT_TIMEOUT,
        max_retries: int = _config.DEFAULT_MAX_RETRIES,
        http_client: H | None = None,
    ) -> None:
        """
        Args:
            token: the API key; else ``IONQ_API_KEY``, ``QISKIT_IONQ_API_TOKEN`` or
                ``IONQ_API_TOKEN``. Only needed by calls that need one.
            url: the API root; else ``IONQ_API_URL``, else ``https://api.ionq.co/v0.4``.
            custom_headers: extra headers sent with every request.
            timeout: seconds, or an ``httpx.Timeout``; applies to every request.
            max_retries: retries after a transient failure (0 turns them off).
            http_client: an httpx client to use instead of a new one (you close it);
                for custom transports, proxies or event hooks.
        """
        if max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        self._token = _config.resolve_token(token)
        self.url = _config.resolve_url(url)
        self._custom_headers = dict(custom_headers or {})
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.max_retries = max_retries
        self._owns_http = http_client is None
        if http_client is None:
            self._http = self._make_http(
                base_url=self.url,
                headers=self.api_headers,
                timeout=self.timeout,
                follow_redirects=False,
            )
            # Absolute URLs: httpx's base_url merge costs more than the rest of a request.
            self._per_request: tuple[str, dict[str, str] | None] = (self.url, None)
        else:
            # A caller's client knows neither our URL nor our headers: send both each time.
            self._http = http_client
            self._per_request = (self.url, self.api_headers)

    # Seams for tests: the wall clock (Retry-After dates) and the jitter source.
    _now = staticmethod(time.time)
    _jitter = staticmethod(random.random)

    def _make_http(self, **kwargs: Any) -> H:
        raise NotImplementedError

    def __repr__(self) -> str:
        key = "set" if self._token else "missing"
        return f"{type(self).__name__}(url={self.url!r}, key={key}, max_retries={self.max_retries})"

    @property
    def api_headers(self) -> dict[str, str]:
        """The headers every request carries (this one includes the API key)."""
        headers = dict(self._custom_headers)
        if self._token:
            headers["Authorization"] = f"apiKey {self._token}"
        headers["Content-Type"] = "application/json"
        headers["User-Agent"] = _config.user_agent()
        return headers

    def make_path(self, *parts: str) -> str:
        """The absolute URL of ``parts`` joined by ``/`` under the API root."""
        return "/".join([self.url, *parts])

    def with_options(
        self, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None
    ) -> Self:
        """A client with other settings that shares this one's connections (for one call)."""
        clone = copy.copy(self)
        clone._owns_http = False
        if timeout is not None:
            clone.timeout = (
                timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
            )
        if max_retries is not None:
            clone.max_retries = max_retries
        return clone

    def _request(self, call: _core.Call[Any]) -> httpx.Request:
        if call.needs_key and not self._token:
            raise IonQCredentialsError(
                f"{call.operation} needs an API key: pass token=... or set IONQ_API_KEY"
            )
        prefix, headers = self._per_request
        path = call.path if call.path.startswith(("http://", "https://")) else prefix + call.path
        return self._http.build_request(
            call.method,
            path,
            params=call.params,
            json=call.json,
            headers=headers,
            timeout=self.timeout,
        )

    @staticmethod
    def _log_response(
        call: _core.Call[Any], response: httpx.Response, attempt: int, started: float
    ) -> None:
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "%s %s -> %d in %.1f ms (attempt %d)",
                call.method,
                response.request.url,
                response.status_code,
                (time.perf_counter() - started) * 1000,
                attempt + 1,
            )

    @staticmethod
    def _log_retry(call: _core.Call[Any], step: _core.Step, attempt: int) -> None:
        log.info(
            "%s %s failed (%s); %s in %.2f s (retry %d)",
            call.method,
            call.path,
            step.error,
            "checking whether it took effect" if step.action == "verify" else "retrying",
            step.delay,
            attempt + 1,
        )

    @staticmethod
    def _unverified(error: IonQError) -> IonQError:
        error.add_note(_core.AMBIGUOUS_NOTE)
        return error
