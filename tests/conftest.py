"""Shared fixtures: realistic IonQ payloads recorded as JSON files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "ionq"


def load_fixture(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text())


@pytest.fixture
def ionq_payload() -> Any:
    return load_fixture
