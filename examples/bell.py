"""A Bell pair: build, submit, wait, read the counts.

Runs wherever the client points: IonQ's cloud with IONQ_API_KEY set, or the local
emulator (`python -m ionq_emulator` prints the IONQ_API_URL and IONQ_API_KEY to use).
On IonQ's cloud the `simulator` backend is free.
"""

from __future__ import annotations

import sys

from ionq_client import Circuit, IonQClient, IonQJob, Result


def main() -> int:
    bell = Circuit(2, name="bell").h(0).cx(0, 1)
    with IonQClient() as client:  # the key and URL come from the environment
        result = client.run(IonQJob(circuit=bell, shots=1000, name="bell"), timeout=300)
    assert isinstance(result, Result)  # one circuit, one result
    # Qubit 0 is the rightmost bit, as in Qiskit.
    for bits, count in sorted(result.bitstring_counts(1000).items()):
        print(f"{bits}  {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
