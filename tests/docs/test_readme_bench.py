"""The README's benchmark table is the one the last full ``make bench`` wrote."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import _readme  # noqa: E402  (bench/ is scripts, not a package)


def test_the_readme_quotes_the_last_bench_summary() -> None:
    results = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    expected = _readme.summary(results)
    assert "| P1 |" in expected and "| P9 |" in expected
    assert _readme.quoted(readme) == expected, "run make bench, or copy its summary"
