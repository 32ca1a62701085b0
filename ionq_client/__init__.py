"""ionq-client: a typed client for IonQ's quantum computing API (v0.4).

Public names are imported on first use (PEP 562), so ``import ionq_client``
stays cheap: httpx and the generated models load only when a client is built.
"""

from __future__ import annotations

import sys as _sys

from ._version import __version__

# Not `from typing import TYPE_CHECKING`: `ionq-client --help` should not pay for
# importing typing (type checkers treat this name the same way).
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from ._async.client import AsyncIonQClient
    from ._config import (
        DEFAULT_MAX_RESPONSE_BYTES,
        DEFAULT_MAX_RETRIES,
        DEFAULT_TIMEOUT,
        DEFAULT_URL,
    )
    from ._exceptions import (
        IonQAPIError,
        IonQAuthenticationError,
        IonQBadRequestError,
        IonQBatchError,
        IonQBatchTimeoutError,
        IonQClientClosedError,
        IonQConflictError,
        IonQConnectionError,
        IonQCredentialsError,
        IonQError,
        IonQJobCanceledError,
        IonQJobError,
        IonQJobFailedError,
        IonQJobTimeoutError,
        IonQNotFoundError,
        IonQPayloadTooLargeError,
        IonQPermissionDeniedError,
        IonQRateLimitError,
        IonQResponseError,
        IonQRetriableError,
        IonQServerError,
        IonQTimeoutError,
        IonQUnprocessableEntityError,
        IonQValidationError,
    )
    from ._function_results import FunctionResult, QaoaResult
    from ._sync.client import IonQClient
    from .circuit import Circuit, NativeCircuit
    from .functions import HamiltonianEnergy
    from .job import ErrorMitigation, IonQJob, Noise
    from .results import MultiResult, RegisterShots, Result

__all__ = [
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "DEFAULT_URL",
    "AsyncIonQClient",
    "Circuit",
    "ErrorMitigation",
    "FunctionResult",
    "HamiltonianEnergy",
    "IonQAPIError",
    "IonQAuthenticationError",
    "IonQBadRequestError",
    "IonQBatchError",
    "IonQBatchTimeoutError",
    "IonQClient",
    "IonQClientClosedError",
    "IonQConflictError",
    "IonQConnectionError",
    "IonQCredentialsError",
    "IonQError",
    "IonQJob",
    "IonQJobCanceledError",
    "IonQJobError",
    "IonQJobFailedError",
    "IonQJobTimeoutError",
    "IonQNotFoundError",
    "IonQPayloadTooLargeError",
    "IonQPermissionDeniedError",
    "IonQRateLimitError",
    "IonQResponseError",
    "IonQRetriableError",
    "IonQServerError",
    "IonQTimeoutError",
    "IonQUnprocessableEntityError",
    "IonQValidationError",
    "MultiResult",
    "NativeCircuit",
    "Noise",
    "QaoaResult",
    "RegisterShots",
    "Result",
    "__version__",
]

# Where each lazily imported public name lives.
_LAZY: dict[str, str] = {
    **{name: "._exceptions" for name in __all__ if name.startswith("IonQ") and "Error" in name},
    "DEFAULT_MAX_RESPONSE_BYTES": "._config",
    "DEFAULT_MAX_RETRIES": "._config",
    "DEFAULT_TIMEOUT": "._config",
    "DEFAULT_URL": "._config",
    "AsyncIonQClient": "._async.client",
    "IonQClient": "._sync.client",
    "Circuit": ".circuit",
    "NativeCircuit": ".circuit",
    "ErrorMitigation": ".job",
    "IonQJob": ".job",
    "Noise": ".job",
    "HamiltonianEnergy": ".functions",
    "FunctionResult": "._function_results",
    "QaoaResult": "._function_results",
    "MultiResult": ".results",
    "RegisterShots": ".results",
    "Result": ".results",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ionq_client' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


# In a notebook, jobs get an HTML view (IPython is only looked for, never imported).
if "IPython" in _sys.modules:
    from ._notebook import register as _register_notebook_views

    _register_notebook_views()
