"""Our own client sends straight to its transport (``_async/_wire``) and lets httpx
read a body sent as is; these check what that path must keep from httpx's client:
cookies a server sets, encoded bodies, proxies named by the environment, and the
request behind every answer."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable

import httpx
import pytest
import respx

from ionq_client import IonQResponseError
from tests.support.drivers import Driver
from tests.support.files import load_fixture

from .conftest import KEY


def test_a_cookie_the_server_sets_is_sent_back(client: Driver, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/whoami")
    route.side_effect = [
        httpx.Response(
            200, json=load_fixture("whoami"), headers={"Set-Cookie": "lb=node-7; Path=/"}
        ),
        httpx.Response(200, json=load_fixture("whoami")),
    ]
    client.whoami()
    client.whoami()
    assert "cookie" not in route.calls[0].request.headers
    assert route.calls[1].request.headers["cookie"] == "lb=node-7"
    assert route.calls[1].request.headers["authorization"] == f"apiKey {KEY}"


def test_a_gzip_body_is_decoded_and_a_plain_one_read_as_sent(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    body = json.dumps(load_fixture("whoami")).encode()
    route = mock_api.get("/whoami")
    route.side_effect = [
        httpx.Response(200, content=gzip.compress(body), headers={"Content-Encoding": "gzip"}),
        httpx.Response(200, content=body, headers={"Content-Type": "application/json"}),
    ]
    zipped, plain = client.whoami(), client.whoami()
    assert zipped.to_dict() == plain.to_dict() == load_fixture("whoami")
    assert route.call_count == 2


def test_every_request_carries_our_headers_and_the_timeout(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    route = mock_api.get("/jobs/j1").respond(200, json=["not", "a", "job"])
    with pytest.raises(IonQResponseError, match=r"GET /v0\.4/jobs/j1 answered 200"):
        client.retrieve_job("j1")  # the error quotes the request the answer came with
    sent = route.calls.last.request
    assert sent.headers["authorization"] == f"apiKey {KEY}"
    assert sent.headers["user-agent"].startswith("ionq-client/")
    assert sent.extensions["timeout"] == client.client.timeout.as_dict()


def test_a_proxy_in_the_environment_leaves_routing_to_httpx(
    monkeypatch: pytest.MonkeyPatch,
    make_client: Callable[..., Driver],
    mock_api: respx.MockRouter,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    proxied = make_client()
    assert not proxied.client._direct()  # httpx's client picks the proxy per request
    route = mock_api.get("/whoami").respond(200, json=load_fixture("whoami"))
    proxied.whoami()
    assert route.call_count == 1


def test_no_proxy_alone_keeps_the_direct_path(
    monkeypatch: pytest.MonkeyPatch, make_client: Callable[..., Driver]
) -> None:
    """Seen in review: ``NO_PROXY`` (common in CI) names no proxy, only exemptions,
    but ``getproxies()`` lists it, and it turned the direct path off."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    assert make_client().client._direct()


def test_a_callers_http_client_keeps_its_own_headers_and_hooks(
    kind: str, make_client: Callable[..., Driver], mock_api: respx.MockRouter
) -> None:
    seen: list[str] = []

    def hook(request: httpx.Request) -> None:
        seen.append(request.url.path)

    async def async_hook(request: httpx.Request) -> None:
        hook(request)

    if kind == "async":
        http: httpx.Client | httpx.AsyncClient = httpx.AsyncClient(
            headers={"X-Team": "qa"}, event_hooks={"request": [async_hook]}
        )
    else:
        http = httpx.Client(headers={"X-Team": "qa"}, event_hooks={"request": [hook]})
    theirs = make_client(http_client=http)
    route = mock_api.get("/whoami").respond(200, json=load_fixture("whoami"))
    theirs.whoami()
    assert seen == ["/v0.4/whoami"]
    assert route.calls.last.request.headers["x-team"] == "qa"
    assert route.calls.last.request.headers["authorization"] == f"apiKey {KEY}"
