"""Jobs display themselves in Jupyter.

:class:`~ionq_client.Result` has its own ``_repr_html_``; the job models are
generated from the spec and never edited, so they cannot. Instead, when
``ionq_client`` is imported inside IPython, IPython's HTML formatter is told about
the job classes *by name* (``for_type_by_name``): nothing is imported for it, and
outside IPython nothing happens at all. The table shows what the job object
already holds; displaying a job never makes a request.
"""

from __future__ import annotations

import html
import sys
from typing import Any

#: The generated job models (module, class) that get a notebook view.
JOB_MODELS = (
    ("ionq_api.models.single_circuit_job", "SingleCircuitJob"),
    ("ionq_api.models.multi_circuit_job", "MultiCircuitJob"),
    ("ionq_api.models.quantum_function_job", "QuantumFunctionJob"),
    ("ionq_api.models.qaoa_job", "QaoaJob"),
)

#: Fields shown, in order, when the job has them (the JSON names).
FIELDS = (
    "id",
    "name",
    "type",
    "status",
    "backend",
    "shots",
    "submitted_at",
    "completed_at",
    "child_job_ids",
    "session_id",
)


def job_html(job: Any) -> str:
    """A small table of a job's main fields, its qubit count and its failure."""
    data = job.to_dict()
    rows = [(name, _shown(data[name])) for name in FIELDS if data.get(name) not in (None, "", [])]
    stats = data.get("stats")
    if isinstance(stats, dict) and stats.get("qubits") is not None:
        rows.append(("qubits", stats["qubits"]))
    failure = data.get("failure")
    if isinstance(failure, dict):
        rows.append(("failure", f"{failure.get('code')}: {failure.get('message')}"))
    body = "".join(
        f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
        f"<td><code>{html.escape(str(v))}</code></td></tr>"
        for k, v in rows
    )
    return f"<table><caption>{html.escape(type(job).__name__)}</caption>{body}</table>"


def _shown(value: Any) -> Any:
    """A long list (a parent job's children) as its length."""
    return f"{len(value)} items" if isinstance(value, list) and len(value) > 8 else value


def register(shell: Any = None) -> bool:
    """Give the job models an HTML view in ``shell`` (the running IPython, if any);
    True when registered."""
    if shell is None:
        ipython = sys.modules.get("IPython")
        get = getattr(ipython, "get_ipython", None)
        shell = get() if callable(get) else None
    formatters = getattr(getattr(shell, "display_formatter", None), "formatters", None)
    if not formatters or "text/html" not in formatters:
        return False
    for module, name in JOB_MODELS:
        formatters["text/html"].for_type_by_name(module, name, job_html)
    return True
