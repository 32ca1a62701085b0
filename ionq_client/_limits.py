"""IonQ's documented numeric limits, kept in one place so the builder, the job
validator and the tests can never disagree about where a boundary lies."""

from __future__ import annotations

from typing import Final

MIN_SHOTS: Final = 1
MAX_SHOTS: Final = 1_000_000

MAX_JOB_NAME_LENGTH: Final = 500
MAX_BACKEND_LENGTH: Final = 100

MAX_METADATA_KEYS: Final = 10
MIN_METADATA_KEY_LENGTH: Final = 1
MAX_METADATA_KEY_LENGTH: Final = 40
# IonQ documents no limit on a value; the whole request must stay under 10 MB (413).
# qiskit-ionq's largest value (a gzipped circuit header) is a few kB: a value beyond
# this is an accident (a file read into a tag), refused before it is sent.
MAX_METADATA_VALUE_LENGTH: Final = 100_000

# Identifiers go into URL paths; IonQ's are UUIDs (36 characters).
MAX_ID_LENGTH: Final = 256
# Jobs per page of GET /jobs.
MIN_PAGE_SIZE: Final = 1
MAX_PAGE_SIZE: Final = 1000

MAX_CIRCUITS_PER_JOB: Final = 5_000
MAX_GATES_PER_JOB: Final = 150_000
MAX_GATES_PER_CIRCUIT: Final = 150_000

MIN_QUBITS: Final = 1

# Native MS gate: the entangling angle is in turns; 0.25 is the fully entangling gate.
MS_ANGLE_MIN: Final = 0.0
MS_ANGLE_MAX: Final = 0.25
MS_ANGLE_DEFAULT: Final = 0.25
