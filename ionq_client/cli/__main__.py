"""``python -m ionq_client.cli``: the same as the ``ionq-client`` command."""

import sys

from ._app import main

sys.exit(main())
