"""What the sync and async clients share: configuration, headers, turning an
:class:`~._requests.ApiRequest` into an ``httpx.Request``, and logging. The drivers
(``_async.client``, and ``_sync.client`` generated from it) add only the I/O."""

from __future__ import annotations

import functools
import logging
import random
import time
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar
from urllib.request import getproxies

import httpx

from . import _config
from ._exceptions import IonQClientClosedError, IonQCredentialsError, IonQValidationError
from ._requests import checked_int

if TYPE_CHECKING:
    from ._failures import Step
    from ._requests import ApiRequest

H = TypeVar("H", httpx.Client, httpx.AsyncClient)
log = logging.getLogger("ionq_client")


@functools.lru_cache(maxsize=1024)
def _parsed_url(url: str) -> httpx.URL:
    """``httpx.URL(url)``, parsed once per URL: parsing is a third of building a
    request, and a client asks for the same few URLs again and again (a job polled
    until it finishes). ``httpx.URL`` is immutable, so requests can share one."""
    return httpx.URL(url)


class BaseClient(Generic[H]):
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
        max_response_bytes: int = _config.DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        """
        Args:
            token: the API key; else ``IONQ_API_KEY``, ``QISKIT_IONQ_API_TOKEN`` or
                ``IONQ_API_TOKEN``. Only needed by calls that need one.
            url: the API root; else ``IONQ_API_URL``, else ``https://api.ionq.co/v0.4``.
            custom_headers: extra headers sent with every request.
            timeout: seconds, or an ``httpx.Timeout``; applies to every request. One
                attempt also ends after connect + read timeouts in all, however slowly
                the server trickles its answer.
            max_retries: retries after a transient failure (0 turns them off).
            http_client: an httpx client to use instead of a new one (you close it);
                for custom transports, proxies or event hooks.
            max_response_bytes: the largest answer read, before and after
                decompression; a larger one raises ``IonQResponseError``.

        A configuration mistake (an empty or unsendable key, a malformed URL, a
        timeout that is not positive) raises here, not at the first call.
        """
        self._token = _config.resolve_token(token)
        self.url = _config.resolve_url(url)
        self._custom_headers = dict(custom_headers or {})
        self.timeout = _config.resolve_timeout(timeout)
        self.max_retries = checked_int("max_retries", max_retries, 0)
        self.max_response_bytes = checked_int("max_response_bytes", max_response_bytes, 1)
        self._owns_http = http_client is None
        self._foreign_http = http_client is not None
        if http_client is None:
            # Our own transport, which the drivers reach directly (see ``_async/_wire``),
            # unless the environment names a proxy: then httpx routes every request.
            # (``NO_PROXY`` alone names no proxy: it only exempts hosts.)
            proxied = any(scheme != "no" for scheme in getproxies())
            self._transport = None if proxied else self._new_transport()
            self._http = self._make_http(
                base_url=self.url,
                headers=self.api_headers,
                timeout=self.timeout,
                follow_redirects=False,
                transport=self._transport,
            )
            self._extra_headers: dict[str, str] | None = None
        else:
            # A caller's client knows neither our URL nor our headers: send both each time.
            self._http = http_client
            self._transport = None
            self._extra_headers = self.api_headers

    # Seams for tests: the wall clock (Retry-After dates), the clock of deadlines and
    # timings, and the jitter source. (The drivers add ``_sleep``.)
    _now = staticmethod(time.time)
    _clock = staticmethod(time.perf_counter)
    _jitter = staticmethod(random.random)

    def _make_http(self, **kwargs: Any) -> H:
        raise NotImplementedError

    def _new_transport(self) -> Any:
        raise NotImplementedError

    def _direct(self) -> bool:
        """Whether a request goes straight to our transport: our own client, no proxy,
        and no cookie a server set (httpx's client sends those back)."""
        return self._transport is not None and not self._http.cookies

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

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the configuration, so a worker process rebuilds the client (with its
        own connections). The pickle carries the key: the worker must authenticate.
        A client around your own ``http_client`` cannot be pickled (that client cannot)."""
        if self._foreign_http:
            raise TypeError(
                f"a {type(self).__name__} built with http_client= cannot be pickled; "
                "pickle one that makes its own connections"
            )
        rebuild = functools.partial(
            type(self),
            timeout=self.timeout,
            max_retries=self.max_retries,
            max_response_bytes=self.max_response_bytes,
        )
        return (rebuild, (self._token, self.url, self._custom_headers))

    def make_path(self, *parts: str) -> str:
        """The absolute URL of ``parts`` joined by ``/`` under the API root."""
        return "/".join([self.url, *parts])

    def with_options(
        self, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None
    ) -> Self:
        """A client with other settings that shares this one's connections (for one call)."""
        clone = type(self).__new__(type(self))  # not copy.copy: __reduce__ rebuilds anew
        clone.__dict__.update(self.__dict__)
        clone._owns_http = False
        if timeout is not None:
            clone.timeout = _config.resolve_timeout(timeout)
        if max_retries is not None:
            clone.max_retries = checked_int("max_retries", max_retries, 0)
        return clone

    def _ensure_open(self) -> None:
        """Refuse to send once closed: our own transport would quietly open a new
        connection (a retry after ``close()``), which nothing would ever close."""
        if self._http.is_closed:
            raise IonQClientClosedError(f"{type(self).__name__} is closed; make a new one")

    def _http_request(self, request: ApiRequest[Any]) -> httpx.Request:
        self._ensure_open()
        if request.needs_key and not self._token:
            raise IonQCredentialsError(
                f"{request.operation} needs an API key: pass token=... or set IONQ_API_KEY"
            )
        path = request.path
        if not path.startswith(("http://", "https://")):
            path = self.url + path
        try:
            if not self._direct():
                # A caller's client may add its own headers, params or base URL, and
                # cookies a server set are sent back: httpx merges them all.
                return self._http.build_request(
                    request.method,
                    path,
                    params=request.params,
                    json=request.json,
                    headers=self._extra_headers,
                    timeout=self.timeout,
                )
            # Our own client: the URL is absolute, the headers are ours, and there are
            # no params or cookies to merge, so the request is built directly (httpx's
            # merges and URL parsing cost more than the rest of building it).
            return httpx.Request(
                request.method,
                _parsed_url(path),
                params=request.params,
                json=request.json,
                headers=self._http.headers,
                extensions={"timeout": self.timeout.as_dict()},
            )
        except httpx.InvalidURL as exc:  # a path or query httpx cannot encode
            raise IonQValidationError(request.operation, f"cannot form a URL: {exc}") from None

    @staticmethod
    def _log_response(
        request: ApiRequest[Any], response: httpx.Response, attempt: int, started: float
    ) -> None:
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "%s %s -> %d in %.1f ms (attempt %d)",
                request.method,
                response.request.url,
                response.status_code,
                (time.perf_counter() - started) * 1000,
                attempt + 1,
            )

    def _log_retry(self, request: ApiRequest[Any], step: Step, attempt: int) -> None:
        """INFO: one line per retry; ``record.ionq_retry`` carries the figures (the CLI
        prints them as ``retrying (n/N) in s``)."""
        log.info(
            "%s %s failed (%s); %s in %.2f s (retry %d of %d)",
            request.method,
            request.path,
            step.error,
            "looking for the submission" if step.action == "find" else "retrying",
            step.delay,
            attempt + 1,
            self.max_retries,
            extra={
                "ionq_retry": {
                    "retry": attempt + 1,
                    "of": self.max_retries,
                    "delay": step.delay,
                    "error": str(step.error),
                }
            },
        )
