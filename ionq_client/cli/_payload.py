"""Reading a job for ``submit``: a create-job JSON file or an OpenQASM 3 program."""

from __future__ import annotations

import json
import sys
from typing import Any

from ._common import CLIError

QASM_SUFFIXES = (".qasm", ".qasm3")


def load_payload(
    source: str,
    *,
    backend: str | None = None,
    shots: int | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """The create-job payload in ``source`` (a path, or ``-`` for stdin), validated.

    A JSON payload is sent as written, with only the given options replacing its
    fields; OpenQASM 3 is wrapped into an ``ionq.qasm3.v1`` payload.
    """
    from ionq_client.job import IonQJob, validate_payload

    text = _read_source(source)
    if _looks_like_qasm(source, text):
        return IonQJob(
            qasm=text,
            backend=backend or "simulator",
            shots=shots if shots is not None else 100,
            name=name,
        ).to_payload()
    try:
        payload = json.loads(text)
    except ValueError as exc:
        where = "stdin" if source == "-" else source
        raise CLIError(f"{where} is neither a JSON job payload nor OpenQASM 3 ({exc})") from None
    if isinstance(payload, dict):
        overrides = {"backend": backend, "shots": shots, "name": name}
        payload.update({k: v for k, v in overrides.items() if v is not None})
    validate_payload(payload)
    return dict(payload)


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
