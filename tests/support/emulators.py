"""Emulator settings the test rooms share."""

from __future__ import annotations

from typing import Any

#: Two accounts: the second checks that one key never sees another's jobs.
KEYS = ("test-key-one", "test-key-two")
#: Jobs finish the moment they are submitted.
INSTANT: dict[str, Any] = {"ready_after": 0.0, "start_after": 0.0, "run_time": 0.0}
