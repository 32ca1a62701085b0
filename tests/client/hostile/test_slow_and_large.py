"""Answers that never end: trickled, flooded, or small on the wire and huge once
inflated. Each must end the attempt with a bounded number of bytes read and kept.

Bounds are on counts, never on durations: the bytes the server managed to send before
the client hung up (the server's send buffer is ``SEND_BUFFER``; the client's receive
buffer is whatever the kernel grants) and the peak of Python memory during the call.
"""

from __future__ import annotations

import functools
import struct
import zlib

import pytest

from ionq_client import IonQResponseError, IonQTimeoutError
from tests.client.hostile.rawserver import (
    Conn,
    RawServer,
    Scenario,
    raised,
    retrieve,
    traced_peak,
)

#: The client's timeouts (``retrieve``'s default): connect and read 1 s each, so one
#: attempt may last 2 s in all (``connect + read``), however slowly the answer arrives.
TIMEOUT = 1
BUDGET = 2 * TIMEOUT
#: A trickle sends something every INTERVAL seconds: a read never times out by itself.
INTERVAL = 0.2
#: Bytes (or chunks) a trickle may get through in one attempt: BUDGET / INTERVAL, plus
#: as much again for a busy machine. A client without an attempt budget reads until
#: the server's cap (CONNECTION_CAP / INTERVAL = 60) or forever.
TRICKLE_BOUND = 2 * int(BUDGET / INTERVAL)

MAX_BYTES = 1_000_000
#: What the server may get through before the client hangs up on a flood: the answer
#: up to the limit, then whatever the sockets' buffers hold. Without a limit, the
#: server's cap (64 MiB) is reached.
FLOOD_BOUND = 4 * MAX_BYTES + 8 * 1024 * 1024
#: The client's memory on a flood: httpx reads 64 KiB at a time and the limit stops
#: the answer at 1 MB, so a few MB at most; keeping the flood would take 64 MiB+.
FLOOD_MEMORY_BOUND = 16 * MAX_BYTES

_BLOCK = bytes(64 * 1024)
_DECLARED = "2000000000"


# ------------------------------------------------------------------ scenarios
def trickle(conn: Conn) -> None:
    """Declares 2 GB, then sends one byte every INTERVAL seconds, forever."""
    head = [("Content-Type", "application/json"), ("Content-Length", _DECLARED)]
    if conn.head("200 OK", head):
        while conn.send(b" ") and conn.pause(INTERVAL):
            pass


def slow_chunks(conn: Conn) -> None:
    """A chunked body whose chunks (of one byte) come every INTERVAL seconds, forever."""
    head = [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")]
    if conn.head("200 OK", head):
        while conn.send(b"1\r\n \r\n") and conn.pause(INTERVAL):
            pass


def flood(declared: bool) -> Scenario:
    """Zeros as fast as the socket takes them: 2 GB declared, or until the close."""

    def scenario(conn: Conn) -> None:
        head = [("Content-Type", "application/json")]
        head += [("Content-Length", _DECLARED)] if declared else [("Connection", "close")]
        if conn.head("200 OK", head):
            while conn.send(_BLOCK):
                pass

    return scenario


def chunked_flood(conn: Conn) -> None:
    """Chunks of 64 KiB as fast as the socket takes them, never the last chunk."""
    head = [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")]
    chunk = b"%x\r\n" % len(_BLOCK) + _BLOCK + b"\r\n"
    if conn.head("200 OK", head):
        while conn.send(chunk):
            pass


@functools.cache
def gzip_bomb(mebibytes: int = 1024) -> bytes:
    """A valid gzip stream of ``mebibytes`` MiB of zeros, about 1 KB per MiB.

    Each MiB is compressed after a full flush (which resets the compressor), so every
    MiB after the first compresses to the same bytes: two are compressed, the rest
    repeated, and the trailer's CRC and size are computed for the whole.
    """
    block = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush()[:-8]  # the final empty block, without its trailer
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(block, crc)
    trailer = struct.pack("<II", crc, (mebibytes << 20) & 0xFFFFFFFF)
    return first + again * (mebibytes - 1) + end + trailer


def bomb(conn: Conn) -> None:
    conn.respond("200 OK", gzip_bomb(), headers=[("Content-Encoding", "gzip")])


# ---------------------------------------------------------------------- tests
def test_trickled_body_ends_at_the_attempt_budget(kind: str) -> None:
    """1. One byte every 0.2 s of a declared 2 GB answer: no read ever times out, so
    only the attempt's budget (connect + read) can end it -> IonQTimeoutError.

    ``max_response_bytes`` is raised to the declared size so that the client does not
    refuse the answer for its size before reading: this scenario is about time.
    """
    with RawServer(trickle) as server:
        outcome = retrieve(kind, server, max_response_bytes=int(_DECLARED))
    raised(outcome, IonQTimeoutError)
    [conn] = server.connections
    assert conn.hung_up, "the server's cap ended the trickle, not the client"
    assert 0 < conn.body_sent <= TRICKLE_BOUND


def test_slow_endless_chunks_end_at_the_attempt_budget(kind: str) -> None:
    """2. An endless chunked body, one small chunk every 0.2 s -> IonQTimeoutError."""
    with RawServer(slow_chunks) as server:
        outcome = retrieve(kind, server)
    raised(outcome, IonQTimeoutError)
    [conn] = server.connections
    assert conn.hung_up, "the server's cap ended the trickle, not the client"
    chunks = conn.body_sent // len(b"1\r\n \r\n")
    assert 0 < chunks <= TRICKLE_BOUND


@pytest.mark.parametrize(
    "scenario",
    [flood(True), flood(False), chunked_flood],
    ids=["content-length", "until-close", "endless-chunks"],
)
def test_fast_huge_body_is_refused_at_the_size_limit(kind: str, scenario: Scenario) -> None:
    """3 and 4. A 2 GB body, or endless 64 KiB chunks, sent as fast as the socket takes
    them -> IonQResponseError naming the limit. With its length declared the client
    may refuse before reading a byte; without, it counts what it reads and stops."""
    with RawServer(scenario) as server:
        outcome, peak = traced_peak(lambda: retrieve(kind, server, max_response_bytes=MAX_BYTES))
    error = raised(outcome, IonQResponseError)
    assert "max_response_bytes" in str(error)
    [conn] = server.connections
    assert conn.hung_up, "the server's byte cap ended the flood, not the client"
    assert conn.body_sent < FLOOD_BOUND
    assert peak < FLOOD_MEMORY_BOUND


#: The bomb is about 1 MB on the wire: under this limit, so only the decoded size can
#: trip it (a 1 GiB deflate stream cannot be smaller than 1 GiB / 1032).
BOMB_MAX_BYTES = 2_000_000
#: Peak Python memory allowed while the bomb is refused. httpx inflates each read
#: (up to 64 KiB of gzip) whole, and this bomb inflates ~1000-fold: one read can
#: become ~64 MiB of zeros before the reader sees it, and zlib grows its output buffer
#: by reallocation, so twice that may be alive at once (about 150 MB is measured).
#: 300 MB leaves room for that, while keeping the whole inflated body would take over
#: 1 GiB (twice that to join its chunks).
BOMB_MEMORY_BOUND = 300 * 1024 * 1024


def test_gzip_bomb_is_refused_without_inflating_it(kind: str) -> None:
    """5. ~1 MB of gzip that inflates to 1 GiB -> IonQResponseError, in bounded memory."""
    assert len(gzip_bomb()) < BOMB_MAX_BYTES  # built before the measurement starts
    with RawServer(bomb) as server:
        outcome, peak = traced_peak(
            lambda: retrieve(kind, server, max_response_bytes=BOMB_MAX_BYTES)
        )
    error = raised(outcome, IonQResponseError)
    assert "max_response_bytes" in str(error)
    assert peak < BOMB_MEMORY_BOUND, f"peak {peak:,} bytes"
    assert len(server.requests) == 1
