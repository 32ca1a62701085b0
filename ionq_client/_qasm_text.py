"""OpenQASM text, scanned without a parser: the version its header declares, and the
program with comments blanked. Both run in linear time on any input: nested regex
patterns such as ``(\\s|//...)*`` backtrack exponentially on hostile text, and a lazy
``/\\*.*?\\*/`` is quadratic on a run of unclosed ``/*``. Pure.
"""

from __future__ import annotations

import re

__all__ = ["header_version", "without_comments"]

_HEADER = re.compile(r"OPENQASM[ \t]+(\d+)(?:\.\d+)?[ \t]*;")


def header_version(source: str) -> str | None:
    """The major version of the ``OPENQASM`` statement that opens ``source`` (past
    whitespace and comments), or None when it does not open with one."""
    i, n = 0, len(source)
    while i < n:
        if source[i].isspace():
            i += 1
        elif source.startswith("//", i):
            end = source.find("\n", i)
            if end < 0:
                return None
            i = end + 1
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            if end < 0:
                return None
            i = end + 2
        else:
            break
    match = _HEADER.match(source, i)
    return match.group(1) if match else None


def without_comments(source: str) -> str:
    """``source`` with ``//`` and ``/* */`` comments blanked, in linear time (a lazy
    regex is quadratic on a hostile run of unclosed ``/*``; so is searching again
    for an opener already known to be absent)."""
    kept: list[str] = []
    i = 0
    line, block = source.find("//"), source.find("/*")  # the next of each (-1: none left)
    while True:
        if 0 <= line < i:
            line = source.find("//", i)
        if 0 <= block < i:
            block = source.find("/*", i)
        if line < 0 and block < 0:
            kept.append(source[i:])
            return " ".join(kept)
        start = min(at for at in (line, block) if at >= 0)
        kept.append(source[i:start])
        closer = "\n" if start == line else "*/"
        end = source.find(closer, start + 2)
        if end < 0:
            return " ".join(kept)
        i = end + len(closer)
