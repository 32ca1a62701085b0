"""Reading a job for ``submit``: a create-job JSON file or an OpenQASM 3 program."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from ._common import CLIError

if TYPE_CHECKING:
    from ionq_client import IonQJob

QASM_SUFFIXES = (".qasm", ".qasm3")


def load_payload(
    source: str,
    *,
    backend: str | None = None,
    shots: int | None = None,
    name: str | None = None,
) -> IonQJob | dict[str, Any]:
    """The job in ``source`` (a path, or ``-`` for stdin), for ``submit_job``.

    A JSON payload is sent as written, with only the given options replacing its
    fields; OpenQASM 3 becomes an :class:`IonQJob` (IonQJob's defaults for what
    is not given). ``submit_job`` validates either before anything is sent.
    """
    from ionq_client import IonQJob, IonQValidationError

    text = _read_source(source)
    options = {"backend": backend, "shots": shots, "name": name}
    given: dict[str, Any] = {k: v for k, v in options.items() if v is not None}
    if _looks_like_qasm(source, text):
        return IonQJob(qasm=text, **given)
    try:
        payload = json.loads(text)
    except ValueError as exc:
        where = "stdin" if source == "-" else source
        raise CLIError(f"{where} is neither a JSON job payload nor OpenQASM 3 ({exc})") from None
    if not isinstance(payload, dict):
        # Only an object takes the options (submit_job would call it a wrong "job" type).
        raise IonQValidationError("payload", f"must be an object, got {type(payload).__name__}")
    return {**payload, **given}


def _read_source(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        with open(source, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise CLIError(f"cannot read {source}: {exc}") from None


def _looks_like_qasm(source: str, text: str) -> bool:
    if source.lower().endswith(QASM_SUFFIXES):
        return True
    head = text.lstrip()
    # JSON cannot start with a comment, OpenQASM can.
    return head.startswith(("OPENQASM", "//", "/*"))
