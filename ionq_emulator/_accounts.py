"""Who is calling: API keys, the :class:`Account` each stands for, and its ids.

IonQ reports a key id, a project, an organization and a user for every key. The
emulator has no database of them, so they are derived from the key (UUIDv5 in a
fixed namespace): stable across runs and restarts, distinct between keys, and
nothing to store.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

__all__ = ["Account", "accounts_for"]

_NAMESPACE: Final = uuid.UUID("6f0c7f52-2d4e-4c1a-9d0b-5e1f3a8c9b70")


def _derived_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}"))


@dataclass(frozen=True)
class Account:
    """What an API key stands for; ids are derived from the key, so stable across runs."""

    key: str
    name: str

    @property
    def key_id(self) -> str:
        return _derived_id("key", self.key)

    @property
    def project_id(self) -> str:
        return _derived_id("project", self.key)

    @property
    def organization_id(self) -> str:
        return _derived_id("organization", self.key)

    @property
    def user_id(self) -> str:
        return _derived_id("user", self.key)


def accounts_for(keys: Sequence[str]) -> dict[str, Account]:
    """Key -> account, in the keys' order; no keys means one random key."""
    keys = tuple(keys) or (secrets.token_urlsafe(24),)
    return {key: Account(key, f"emulator-key-{i + 1}") for i, key in enumerate(keys)}
