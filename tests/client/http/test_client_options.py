"""Construction: URL and key resolution, timeouts, waiting, and sync/async parity."""

from __future__ import annotations

import inspect
import warnings

import httpx
import pytest
import respx

import ionq_client
from ionq_client import (
    DEFAULT_TIMEOUT,
    AsyncIonQClient,
    IonQClient,
    IonQJobCanceledError,
    IonQJobFailedError,
    IonQJobTimeoutError,
)
from tests.client.http.conftest import Driver
from tests.support.files import load_fixture


def test_url_and_key_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("IONQ_API_URL", "IONQ_API_KEY", "QISKIT_IONQ_API_TOKEN", "IONQ_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    client = IonQClient()
    assert client.url == "https://api.ionq.co/v0.4" and "Authorization" not in client.api_headers
    monkeypatch.setenv("IONQ_API_TOKEN", "third")
    monkeypatch.setenv("QISKIT_IONQ_API_TOKEN", "second")
    assert IonQClient().api_headers["Authorization"] == "apiKey second"
    monkeypatch.setenv("IONQ_API_KEY", "first")
    monkeypatch.setenv("IONQ_API_URL", "https://example.test/v0.4/")
    client = IonQClient()
    assert client.api_headers["Authorization"] == "apiKey first"
    assert client.url == "https://example.test/v0.4"
    assert IonQClient("arg", "https://x.test/v0.4").api_headers["Authorization"] == "apiKey arg"


def test_plain_http_warns_unless_loopback() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        IonQClient("k", "http://127.0.0.1:8000/v0.4")
        IonQClient("k", "http://localhost:8000/v0.4")
        IonQClient("k", "http://[::1]:8000/v0.4")
    with pytest.warns(UserWarning, match="plain http"):
        IonQClient("k", "http://ionq.example.com/v0.4")
    with pytest.raises(ValueError, match="absolute"):
        IonQClient("k", "api.ionq.co/v0.4")


def test_timeouts_default_and_per_call(client: Driver, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/whoami").respond(200, json=load_fixture("whoami"))
    client.whoami()
    assert route.calls.last.request.extensions["timeout"] == DEFAULT_TIMEOUT.as_dict()
    fast = client.client.with_options(timeout=2.5, max_retries=0)
    result = fast.whoami()
    if inspect.isawaitable(result):
        client.loop.run_until_complete(result)
    assert route.calls.last.request.extensions["timeout"]["read"] == 2.5
    assert fast._http is client.client._http and fast.max_retries == 0
    assert client.client.max_retries == 4  # the original is unchanged


def test_every_request_has_a_finite_timeout() -> None:
    for value in DEFAULT_TIMEOUT.as_dict().values():
        assert value is not None and 0 < value <= 60


def job_with(status: str, **extra: object) -> dict[str, object]:
    return {**load_fixture("job_single_urls"), "status": status, **extra}


def test_wait_for_job_polls_with_growing_intervals(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    statuses = ["submitted", "ready", "started", "started", "completed"]
    mock_api.get("/jobs/j").mock(
        side_effect=[httpx.Response(200, json=job_with(s)) for s in statuses]
    )
    seen: list[str] = []
    job = client.wait_for_job("j", on_progress=lambda j: seen.append(str(j.status)))
    assert str(job.status) == "completed" and seen == statuses
    assert client.sleeps == pytest.approx([0.1, 0.15, 0.225, 0.3375])


def test_wait_for_job_raises_the_failure(client: Driver, mock_api: respx.MockRouter) -> None:
    mock_api.get("/jobs/j").respond(200, json=load_fixture("job_failed"))
    with pytest.raises(IonQJobFailedError) as raised:
        client.wait_for_job("j")
    assert raised.value.code == "NotEnoughQubits"
    assert "25" in str(raised.value)  # IonQ's message is kept


def test_wait_for_job_raises_on_cancel_and_deadline(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    mock_api.get("/jobs/c").respond(200, json=job_with("canceled"))
    with pytest.raises(IonQJobCanceledError):
        client.wait_for_job("c")
    mock_api.get("/jobs/s").respond(200, json=job_with("started"))
    with pytest.raises(IonQJobTimeoutError) as raised:
        client.wait_for_job("s", timeout=0)
    assert isinstance(raised.value, TimeoutError) and raised.value.job_id == "s"


def test_run_submits_waits_and_fetches(client: Driver, mock_api: respx.MockRouter) -> None:
    job_id = load_fixture("job_single_urls")["id"]
    post = mock_api.post("/jobs").respond(
        201, json={"id": job_id, "status": "submitted", "session_id": None}
    )
    mock_api.get(f"/jobs/{job_id}").mock(
        side_effect=[
            httpx.Response(200, json=job_with("started")),
            httpx.Response(200, json=job_with("completed")),
        ]
    )
    mock_api.get(f"/jobs/{job_id}/results/probabilities").respond(200, json={"0": 0.5, "3": 0.5})
    bell = ionq_client.Circuit(2).h(0).cx(0, 1)
    result = client.run(ionq_client.IonQJob(circuit=bell, shots=1000))
    assert post.call_count == 1 and result.bitstring_counts() == {"00": 500, "11": 500}


def public_methods(cls: type) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(member)
        for name, member in inspect.getmembers(cls, callable)
        if not name.startswith("_")
    }


def test_async_client_mirrors_the_sync_one() -> None:
    sync, asynchronous = public_methods(IonQClient), public_methods(AsyncIonQClient)
    assert sync.keys() == asynchronous.keys()
    for name, signature in sync.items():
        assert list(signature.parameters) == list(asynchronous[name].parameters), name
        if name not in ("with_options", "make_path"):
            member = getattr(AsyncIonQClient, name)
            assert inspect.iscoroutinefunction(member) or inspect.isasyncgenfunction(member), name


def test_reference_signatures() -> None:
    expected = {
        "submit_job": ["self", "job"],
        "retrieve_job": ["self", "job_id"],
        "get_results": ["self", "job_id", "sharpen", "extra_query_params"],
        "cancel_job": ["self", "job_id"],
        "cancel_jobs": ["self", "job_ids"],
        "delete_job": ["self", "job_id"],
        "get_calibration_data": ["self", "backend_name"],
        "make_path": ["self", "parts"],
    }
    for name, params in expected.items():
        assert list(inspect.signature(getattr(IonQClient, name)).parameters) == params
    init = list(inspect.signature(IonQClient.__init__).parameters)
    assert init[:4] == ["self", "token", "url", "custom_headers"]
    assert isinstance(IonQClient.api_headers, property)


def test_public_names_are_complete_and_sorted() -> None:
    exported = set(ionq_client.__all__)
    assert len(exported) == len(ionq_client.__all__)
    for name in ionq_client.__all__:
        assert getattr(ionq_client, name) is not None
    from ionq_client import _exceptions

    exceptions = {
        name
        for name, value in vars(_exceptions).items()
        if isinstance(value, type) and issubclass(value, _exceptions.IonQError)
    }
    assert exceptions and exceptions <= exported  # every exception class is public
    screaming = [n for n in ionq_client.__all__ if n.isupper()]
    rest = [n for n in ionq_client.__all__ if not n.isupper()]
    assert ionq_client.__all__ == sorted(screaming) + sorted(
        rest, key=lambda n: (n[0].islower(), n)
    )


def test_import_is_light() -> None:
    import subprocess
    import sys

    heavy = "('httpx', 'numpy', 'starlette', 'ionq_api')"
    code = f"import sys, ionq_client; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    code = (
        "import sys, ionq_client; ionq_client.IonQClient; "
        "print('numpy' in sys.modules, 'starlette' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"
