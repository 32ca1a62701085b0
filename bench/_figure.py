"""Run one figure in this fresh interpreter: ``python bench/_figure.py P1 OUT.json [--quick]``."""

from __future__ import annotations

import json
import sys
import time
import traceback

import fig_local
import fig_network
import fig_startup
from _common import Figure

FIGURES = {**fig_network.FIGURES, **fig_local.FIGURES, **fig_startup.FIGURES}


def main() -> None:
    key, out, quick = sys.argv[1], sys.argv[2], "--quick" in sys.argv[3:]
    start = time.perf_counter()
    try:
        figure = FIGURES[key](quick)
    except Exception as exc:
        traceback.print_exc()
        figure = Figure(
            key, key, "", verdict="error", verdict_detail=f"{type(exc).__name__}: {exc}"
        )
    figure.seconds = time.perf_counter() - start
    with open(out, "w") as f:
        json.dump(figure.to_json(), f)


if __name__ == "__main__":
    main()
