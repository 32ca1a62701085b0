"""``ionq-client``: IonQ's API from the shell.

Importing this package is cheap (argparse, sys and json only): the client, httpx
and ``rich`` load inside the commands that need them, so ``--help`` is instant.
``rich`` is optional; without it, tables are plain columns and progress is one
line per status change on stderr. Data goes to stdout, progress and errors to
stderr, so ``JOB=$(ionq-client submit bell.json)`` works.

Exit codes: 0 success, 1 an IonQ error (API, network, job failed or timed out),
2 bad input (usage, unreadable file, a payload field IonQ would refuse), 130
interrupted.

Layout: ``_app`` builds the parser and turns outcomes into exit codes; each
command module (``_account``, ``_submit``, ``_jobs``) holds its commands, every
one's arguments beside its handler; ``_output`` prints, ``_payload`` reads job
files, ``_common`` is what they share.
"""

from __future__ import annotations

from ._app import main

__all__ = ["main"]
