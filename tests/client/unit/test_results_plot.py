"""Result.plot (matplotlib, optional), the text histogram and the notebook HTML."""

from __future__ import annotations

import builtins
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ionq_client.results import MultiResult, Result, decode_probabilities

BELL3 = {"0": 0.25, "3": 0.25, "5": 0.125, "6": 0.375}


def _bar_runs(row: Any, color: tuple[float, float, float]) -> int:
    """Separate runs of pixels of ``color`` along one image row."""
    runs, inside = 0, False
    for pixel in row:
        hit = all(abs(float(pixel[i]) - color[i]) < 0.02 for i in range(3))
        if hit and not inside:
            runs += 1
        inside = hit
    return runs


def test_plot_writes_a_png_with_one_bar_per_outcome(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")  # the plot extra; installed with dev
    import matplotlib.image
    from matplotlib.colors import to_rgb

    result = Result(BELL3, qubits=3, shots=800, job_id="job-1")
    ax = result.plot()
    figure = ax.figure
    figure.set_size_inches(5, 3)
    out = tmp_path / "hist.png"
    figure.savefig(out, dpi=100)
    image = matplotlib.image.imread(out)
    assert image.shape[:2] == (300, 500)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["000", "011", "101", "110"]
    assert [p.get_height() for p in ax.patches] == [200, 200, 100, 300]
    # Read the picture back: a row just above the x axis crosses each bar once.
    color = to_rgb(ax.patches[0].get_facecolor())
    _, y = ax.transData.transform((0, 50))
    row = image[300 - round(y)]
    assert _bar_runs(row, color) == 4


def test_plot_on_a_given_axes_and_q0_left(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    got = Result({"1": 0.5, "4": 0.5}, qubits=3).plot(ax, order="q0_left")
    assert got is ax
    assert [t.get_text() for t in ax.get_xticklabels()] == ["100", "001"]
    assert [p.get_height() for p in ax.patches] == [0.5, 0.5]
    assert ax.get_ylabel() == "probability"


def test_plot_without_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_matplotlib(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError("No module named 'matplotlib'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    result = Result(BELL3, qubits=3, shots=8)
    with pytest.raises(ImportError, match=r"ionq-client\[plot\]"):
        result.plot()
    # The notebook view still works: the table without the picture.
    page = result._repr_html_()
    assert "<img" not in page
    assert "<td><code>110</code></td><td>3</td>" in page


def test_repr_html_has_rows_and_an_image() -> None:
    pytest.importorskip("matplotlib")
    page = Result(BELL3, qubits=3, shots=800, job_id="j")._repr_html_()
    assert page.count("<tr>") == 1 + 4
    assert "<td><code>000</code></td><td>200</td>" in page
    assert "<td><code>110</code></td><td>300</td>" in page
    assert '<img src="data:image/png;base64,' in page
    assert "Result(states=4" in page


def test_multi_result_html_has_each_child() -> None:
    pytest.importorskip("matplotlib")
    multi = MultiResult({"child-a": {"0": 1.0}, "child-b": {"1": 1.0}}, qubits=1, shots=2)
    page = multi._repr_html_()
    assert "child-a" in page and "child-b" in page
    assert page.count("<img") == 2
    assert "<td><code>1</code></td><td>2</td>" in page


def test_v2_html_names_the_registers() -> None:
    v2 = decode_probabilities({"probabilities": {"registers": {"output_all": {"1": 1.0}}}})
    assert isinstance(v2, Result)
    assert "registers: output_all" in v2._repr_html_()


def test_text_histogram() -> None:
    text = Result(BELL3, qubits=3, shots=800).text_histogram(width=12)
    assert text.splitlines() == [
        "000 ████████     200",
        "011 ████████     200",
        "101 ████         100",
        "110 ████████████ 300",
    ]
    probabilities = Result({"0": 0.5, "1": 0.5}).text_histogram(width=4)
    assert probabilities.splitlines() == ["0 ████ 0.5000", "1 ████ 0.5000"]
    many = Result({str(i): (i + 1) / 55 for i in range(10)}).text_histogram(limit=3)
    lines = many.splitlines()
    assert [line.split()[0] for line in lines[:3]] == ["0111", "1000", "1001"]
    assert lines[3] == "... 7 less likely outcomes not shown"
    assert Result({}).text_histogram() == "(no outcomes)"
    with pytest.raises(ValueError, match="width"):
        Result(BELL3).text_histogram(width=0)


def test_import_does_not_load_matplotlib_or_numpy() -> None:
    code = (
        "import sys, ionq_client\n"
        "from ionq_client import Result\n"
        "Result({'0': 1.0}).text_histogram()\n"
        "print(sorted(m for m in ('matplotlib', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_notebook_picture_shows_only_the_rows_of_the_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Seen in review: the table kept 32 rows but the picture drew every outcome (a
    dense 20-qubit result would be a million bars)."""
    pytest.importorskip("matplotlib")
    from ionq_client import _plot

    drawn: list[int] = []
    real = _plot.plot_result

    def counting(result: Result, ax: Any = None, order: Any = "q0_right", pairs: Any = None) -> Any:
        drawn.append(len(pairs) if pairs is not None else len(result))
        return real(result, ax, order, pairs)

    monkeypatch.setattr(_plot, "plot_result", counting)
    wide = Result({str(i): 1 / 100 for i in range(100)}, qubits=7)
    page = wide._repr_html_()
    assert "68 more outcomes" in page and page.count("<tr>") == 1 + 32
    assert drawn == [32]
