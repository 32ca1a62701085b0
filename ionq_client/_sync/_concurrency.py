"""Bounded concurrency for the blocking client: ``concurrency`` threads at a time.

Hand-written beside its async twin (``_async/_concurrency.py``, tasks): the two
differ in kind, not in detail, so the client code that calls them is written once.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Sequence
from typing import TypeVar

from .._exceptions import IonQError

T = TypeVar("T")
R = TypeVar("R")


def bounded_map(
    work: Callable[[T], R], items: Sequence[T], concurrency: int
) -> list[R | IonQError]:
    """``work`` on every item, at most ``concurrency`` at once; results in input order.

    An ``IonQError`` is kept in its item's place (the others carry on); anything else
    (a bug, an interrupt) propagates once the running items are done.
    """

    def one(item: T) -> R | IonQError:
        try:
            return work(item)
        except IonQError as error:
            return error

    if concurrency == 1 or len(items) <= 1:
        return [one(item) for item in items]
    with concurrent.futures.ThreadPoolExecutor(min(concurrency, len(items))) as pool:
        return list(pool.map(one, items))
