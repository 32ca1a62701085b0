"""Small protections: constant-time key checks, bounded error bodies, and a client
that hangs up mid-request not being taken for an emulator bug."""

from __future__ import annotations

import hmac
from typing import Any

import pytest

from ionq_emulator import RunningEmulator

from .conftest import KEYS, http_to

# ------------------------------------------------------------------ API keys


def test_a_key_is_compared_with_every_configured_key_in_constant_time(
    emulator: RunningEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each presented key meets ``hmac.compare_digest`` once per configured key, whether
    it matches the first key, the last or none: no dict lookup, no early exit."""
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    for presented, expected_status in ((KEYS[0], 200), (KEYS[-1], 200), ("wrong-key", 401)):
        compared.clear()
        with http_to(emulator, presented) as http:
            assert http.get("/whoami").status_code == expected_status
        assert sorted(a for a, _ in compared) == sorted(k.encode() for k in KEYS)
        assert {b for _, b in compared} == {presented.encode()}
