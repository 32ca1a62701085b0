"""Who is calling: API keys, the :class:`Account` each stands for, and its ids.

IonQ reports a key id, a project, an organization and a user for every key. The
emulator has no database of them, so they are derived from the key (UUIDv5 in a
fixed namespace): stable across runs and restarts, distinct between keys, and
nothing to store. A presented key is matched by :func:`find_account` in constant
time: every configured key is compared with ``hmac.compare_digest`` and the loop
never stops early, so the answer's timing says neither whether nor which key matched.
"""

from __future__ import annotations

import hmac
import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

__all__ = ["Account", "accounts_for", "find_account"]

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


def find_account(accounts: Mapping[str, Account], presented: str) -> Account | None:
    """The account whose key is ``presented``, compared in constant time.

    Every configured key is compared (no early exit, no dict lookup on the secret), so
    how long this takes does not depend on which key, if any, matched.
    """
    given = presented.encode("utf-8", "surrogatepass")
    found: Account | None = None
    for key, account in accounts.items():
        if hmac.compare_digest(key.encode("utf-8", "surrogatepass"), given):
            found = account
    return found
