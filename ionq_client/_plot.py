"""Pictures of a Result: a matplotlib bar chart, a text histogram, notebook HTML.

matplotlib is optional (the ``plot`` extra) and imported only inside
:func:`plot_result` and the notebook image, never at ``import ionq_client``; the
figure is built with ``matplotlib.figure.Figure`` rather than pyplot, so no GUI
backend is chosen and nothing global changes. Outcomes are always shown in
ascending state order, labelled by bitstring (``order`` as in
:meth:`Result.bitstrings`), heights in counts when the result knows its shots.
"""

from __future__ import annotations

import base64
import html
import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .results import BitOrder, MultiResult, Result

__all__ = ["multi_result_html", "plot_result", "result_html", "text_histogram"]

#: Outcomes shown in the notebook table before "... more".
HTML_ROWS = 32
EXTRA = "plot"


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise ImportError(
            f"Result.plot needs matplotlib, which is optional: pip install 'ionq-client[{EXTRA}]'"
        ) from None
    return matplotlib


def outcomes(result: Result, order: BitOrder = "q0_right") -> list[tuple[str, float]]:
    """``[(bitstring, height)]`` in ascending state order: counts when shots are
    known (so bars read as shots), else probabilities."""
    fmt = result._formatter(order)
    if result.shots is not None:
        values: dict[int, float] = dict(result.counts())
    else:
        values = result.probabilities
    return [(fmt(state), values[state]) for state in sorted(values)]


def most_likely(
    pairs: list[tuple[str, float]], limit: int | None
) -> tuple[list[tuple[str, float]], int]:
    """The ``limit`` highest pairs, still in state order, and how many were left out."""
    if limit is None or len(pairs) <= limit:
        return pairs, 0
    kept = set(sorted(range(len(pairs)), key=lambda i: -pairs[i][1])[:limit])
    return [pair for i, pair in enumerate(pairs) if i in kept], len(pairs) - limit


def plot_result(
    result: Result,
    ax: Any = None,
    order: BitOrder = "q0_right",
    pairs: list[tuple[str, float]] | None = None,
) -> Any:
    """Draw one bar per outcome (or per given pair) on ``ax`` (a new Figure's Axes if
    None); return the Axes."""
    _matplotlib()
    if ax is None:
        from matplotlib.figure import Figure

        ax = Figure(figsize=(6.4, 4.0), layout="constrained").subplots()
    if pairs is None:
        pairs = outcomes(result, order)
    labels = [label for label, _ in pairs]
    ax.bar(range(len(pairs)), [height for _, height in pairs], tick_label=labels)
    ax.set_ylabel("counts" if result.shots is not None else "probability")
    ax.set_xlabel(f"outcome ({'qubit 0 rightmost' if order == 'q0_right' else 'qubit 0 leftmost'})")
    if len(labels) > 8:
        ax.tick_params(axis="x", labelrotation=90)
    if result.job_id:
        ax.set_title(result.job_id)
    return ax


def _value(result: Result, value: float) -> str:
    return str(int(value)) if result.shots is not None else f"{value:.4f}"


def text_histogram(
    result: Result, width: int = 40, order: BitOrder = "q0_right", limit: int | None = 32
) -> str:
    """One line per outcome: label, a bar of up to ``width`` blocks, the value."""
    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        from ._exceptions import IonQValidationError

        raise IonQValidationError("width", f"must be a positive integer, got {width!r}")
    pairs, hidden = most_likely(outcomes(result, order), limit)
    if not pairs:
        return "(no outcomes)"
    top = max(height for _, height in pairs) or 1.0
    label_width = max(len(label) for label, _ in pairs)
    lines = [
        f"{label:>{label_width}} {'█' * round(width * height / top):<{width}} "
        f"{_value(result, height)}"
        for label, height in pairs
    ]
    if hidden:
        lines.append(f"... {hidden} less likely outcomes not shown")
    return "\n".join(lines)


def png_base64(result: Result, pairs: list[tuple[str, float]] | None = None) -> str | None:
    """The plot (of ``pairs``, else every outcome) as base64 PNG, or None when
    matplotlib is not installed."""
    try:
        _matplotlib()
    except ImportError:
        return None
    ax = plot_result(result, pairs=pairs)
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", dpi=80)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def result_html(result: Result, image: bool = True) -> str:
    """A small table of the most likely :data:`HTML_ROWS` outcomes, and their plot."""
    shown, hidden = most_likely(outcomes(result), HTML_ROWS)
    head = "count" if result.shots is not None else "probability"
    rows = "".join(
        f"<tr><td><code>{html.escape(label)}</code></td><td>{_value(result, v)}</td></tr>"
        for label, v in shown
    )
    more = f"<p>{hidden} more outcomes</p>" if hidden else ""
    title = html.escape(repr(result))
    registers = ""
    if result.registers:
        names = ", ".join(html.escape(name) for name in result.registers)
        registers = f"<p>registers: {names}</p>"
    picture = ""
    if image:
        # The picture shows what the table shows: a million bars would draw nothing.
        encoded = png_base64(result, shown) if shown else None
        if encoded is not None:
            picture = f'<img src="data:image/png;base64,{encoded}" alt="histogram"/>'
    return (
        f"<div><p><b>{title}</b></p>{registers}"
        f"<table><tr><th>outcome</th><th>{head}</th></tr>{rows}</table>{more}{picture}</div>"
    )


def multi_result_html(multi: MultiResult) -> str:
    """Each child's table (and plot, for the first few children)."""
    parts = [f"<p><b>{html.escape(repr(multi))}</b></p>"]
    for index, child in enumerate(multi):
        parts.append(result_html(multi[child], image=index < 4))
    return "<div>" + "".join(parts) + "</div>"
