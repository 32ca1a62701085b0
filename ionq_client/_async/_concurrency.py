"""Bounded concurrency for the async client: ``concurrency`` tasks at a time.

Hand-written beside its blocking twin (``_sync/_concurrency.py``, threads): the two
differ in kind, not in detail, so the client code that calls them is written once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from .._exceptions import IonQError

T = TypeVar("T")
R = TypeVar("R")


async def bounded_map(
    work: Callable[[T], Awaitable[R]], items: Sequence[T], concurrency: int
) -> list[R | IonQError]:
    """``work`` on every item, at most ``concurrency`` at once; results in input order.

    An ``IonQError`` is kept in its item's place (the others carry on); anything else
    (a bug, a cancellation) propagates.
    """
    gate = asyncio.Semaphore(concurrency)

    async def one(item: T) -> R | IonQError:
        async with gate:
            try:
                return await work(item)
            except IonQError as error:
                return error

    return list(await asyncio.gather(*(one(item) for item in items)))
