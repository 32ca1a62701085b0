"""The repository's files that tests read directly: IonQ payload fixtures and the spec."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ionq"
#: The hand-written OpenAPI document, the source of truth.
SPEC_FILE = ROOT / "openapi" / "ionq-v0.4.yaml"


def load_fixture(name: str) -> Any:
    """A realistic IonQ answer recorded as ``tests/fixtures/ionq/<name>.json``."""
    return json.loads((FIXTURES / f"{name}.json").read_text())
