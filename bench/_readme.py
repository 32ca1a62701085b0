"""The README quotes the summary table of ``bench/RESULTS.md``; a full ``make bench``
rewrites that quote, and a test (``tests/docs/test_readme_bench.py``) fails when the
two differ, so the README never shows figures the last run did not measure."""

from __future__ import annotations

from pathlib import Path

START = "<!-- bench summary: written by make bench from bench/RESULTS.md -->"
END = "<!-- end of bench summary -->"


def summary(results: str) -> str:
    """The ``## Summary`` table of a RESULTS.md text, and the line saying when."""
    lines = results.splitlines()
    written = next(line for line in lines if line.startswith("Written by"))
    start = lines.index("## Summary") + 1
    table: list[str] = []
    for line in lines[start:]:
        if line.startswith("|"):
            table.append(line)
        elif table:
            break
    return "\n".join([written, "", *table])


def quoted(readme: str) -> str:
    """What the README holds between the markers."""
    return readme.split(START, 1)[1].split(END, 1)[0].strip()


def requote(readme_path: Path, results: str) -> None:
    """Replace the README's quote with ``results``' summary."""
    readme = readme_path.read_text(encoding="utf-8")
    head, rest = readme.split(START, 1)
    tail = rest.split(END, 1)[1]
    readme_path.write_text(f"{head}{START}\n{summary(results)}\n{END}{tail}", encoding="utf-8")
