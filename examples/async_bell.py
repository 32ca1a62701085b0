"""Three circuits with the async client: submitted and awaited concurrently.

`AsyncIonQClient` has the same methods as `IonQClient`, as coroutines, for programs
that already run an event loop (a web service, a notebook). Environment as in bell.py.
"""

from __future__ import annotations

import asyncio
import sys

from ionq_client import AsyncIonQClient, Circuit, IonQJob, Result

CIRCUITS = {
    "bell": Circuit(2, name="bell").h(0).cx(0, 1),
    "flip": Circuit(1, name="flip").x(0),
    "superposition": Circuit(1, name="superposition").h(0),
}


async def main() -> int:
    async with AsyncIonQClient() as client:
        runs = [client.run(IonQJob(circuit=c, shots=100, name=n)) for n, c in CIRCUITS.items()]
        results = await asyncio.gather(*runs)
    for name, result in zip(CIRCUITS, results, strict=True):
        assert isinstance(result, Result)
        print(f"{name}: {dict(sorted(result.bitstring_counts(100).items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
