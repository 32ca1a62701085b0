"""Every ```python block of README.md and of the guides in docs/ runs, as written,
against a local emulator: documentation that no longer works fails the suite.

Each block runs in a fresh namespace (blocks do not lean on each other: each has its
own imports), in a scratch directory, with ``IONQ_API_URL``/``IONQ_API_KEY`` naming
the test emulator and IonQ's other key variables removed, so ``IonQClient()`` with no
arguments reaches the emulator, never IonQ's cloud.

Two conventions the guides follow, both checked here:

* ``print(expr)  # <python literal>`` states what the line prints; the test compares
  ``expr`` with the literal, so a claimed output is a tested output.
* A block that cannot run here (it needs a package outside the ``dev`` extra, such as
  another vendor's client) is preceded by ``<!-- docs-test: compile-only: <why> -->``:
  it is still compiled, and the reason is required. Such blocks are kept rare.
"""

from __future__ import annotations

import ast
import contextlib
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ionq_emulator import RunningEmulator
from tests.support.files import ROOT

#: The pages whose Python blocks must run: the README and every guide.
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
PYTHON = frozenset({"python", "py", "python3"})
COMPILE_ONLY = re.compile(r"^\s*<!--\s*docs-test:\s*compile-only:\s*(?P<why>.*?)\s*-->\s*$")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*?)\s*$")
#: ``print(expr)  # literal``: the comment is the value ``expr`` must have.
CLAIMED_PRINT = re.compile(r"^(?P<indent>\s*)print\((?P<expr>.+)\)\s*#\s*(?P<claim>.+?)\s*$")
#: IonQ's key and URL variables (qiskit-ionq's names too): none may leak in from the shell.
CREDENTIAL_VARIABLES = (
    "IONQ_API_URL",
    "IONQ_API_KEY",
    "IONQ_API_TOKEN",
    "QISKIT_IONQ_API_TOKEN",
    "QISKIT_IONQ_API_URL",
)


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # 1-based line of the first line of code
    language: str
    code: str
    compile_only: str | None  # the stated reason, when the block is not run

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def fenced_blocks(text: str, page: Path) -> Iterator[Block]:
    """The fenced code blocks of a Markdown text, indented ones (inside admonitions
    or lists) included, dedented by their fence's indent."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        language = opening["info"].split()[0].lower() if opening["info"] else ""
        marker = COMPILE_ONLY.match(lines[i - 1]) if i > 0 else None
        body: list[str] = []
        j = i + 1
        while j < len(lines):
            closing = FENCE.match(lines[j])
            # A closing fence: the same character, at least as long, no info string.
            if closing and not closing["info"] and closing["fence"].startswith(fence):
                break
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j])
            j += 1
        yield Block(page, i + 2, language, "\n".join(body) + "\n", marker and marker["why"])
        i = j + 1


def python_blocks() -> list[Block]:
    return [
        block
        for page in PAGES
        for block in fenced_blocks(page.read_text(encoding="utf-8"), page)
        if block.language in PYTHON
    ]


BLOCKS = python_blocks()
RUNNABLE = [b for b in BLOCKS if b.compile_only is None]
COMPILE_ONLY_BLOCKS = [b for b in BLOCKS if b.compile_only is not None]


def with_claims_checked(code: str) -> str:
    """``code`` with each ``print(expr)  # literal`` line turned into a call that
    prints ``expr`` and records it beside the claimed literal."""
    out = []
    for line in code.splitlines():
        match = CLAIMED_PRINT.match(line)
        if match is not None:
            try:
                ast.literal_eval(match["claim"])
                rewritten = (
                    f"{match['indent']}__docs_print__(({match['expr']}), {match['claim']}, "
                    f"{line.strip()!r})"
                )
                ast.parse(rewritten.strip())
            except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                pass  # an ordinary comment, not a claimed value
            else:
                line = rewritten
        out.append(line)
    return "\n".join(out) + "\n"


@contextlib.contextmanager
def isolated_process_state() -> Iterator[None]:
    """Undo what a block may change in the process: environment, logging setup."""
    environ = dict(os.environ)
    root = logging.getLogger()
    ours = logging.getLogger("ionq_client")
    saved = (list(root.handlers), root.level, list(ours.handlers), ours.level)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(environ)
        root.handlers[:], root.level, ours.handlers[:], ours.level = (
            saved[0],
            saved[1],
            saved[2],
            saved[3],
        )


def run_block(block: Block) -> list[tuple[str, Any, Any]]:
    """Run one block in a fresh namespace; return its (line, printed, claimed) checks."""
    claims: list[tuple[str, Any, Any]] = []

    def docs_print(value: Any, claimed: Any, line: str) -> None:
        print(value)
        claims.append((line, value, claimed))

    namespace: dict[str, Any] = {"__name__": "__main__", "__docs_print__": docs_print}
    source = with_claims_checked(block.code)
    exec(compile(source, block.name, "exec"), namespace)
    return claims


@pytest.fixture
def emulator_environment(
    emulator: RunningEmulator, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[RunningEmulator]:
    for name in CREDENTIAL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IONQ_API_URL", emulator.url)
    monkeypatch.setenv("IONQ_API_KEY", emulator.key)
    monkeypatch.chdir(tmp_path)
    with isolated_process_state():
        yield emulator


@pytest.mark.parametrize("block", RUNNABLE, ids=[b.name for b in RUNNABLE])
def test_block_runs_against_the_emulator(
    block: Block, emulator_environment: RunningEmulator
) -> None:
    claims = run_block(block)
    wrong = [(line, printed, claimed) for line, printed, claimed in claims if printed != claimed]
    assert wrong == [], f"{block.name}: printed values differ from what the page claims"


@pytest.mark.parametrize("block", COMPILE_ONLY_BLOCKS, ids=[b.name for b in COMPILE_ONLY_BLOCKS])
def test_a_block_not_run_says_why_and_compiles(block: Block) -> None:
    assert block.compile_only and len(block.compile_only) >= 10, f"{block.name}: say why"
    compile(block.code, block.name, "exec")


#: The only page whose blocks may be compile-only: other vendors' clients, which
#: `make peers` runs in its own venv.
COMPILE_ONLY_PAGES = frozenset({"docs/other-clients.md"})


def test_compile_only_blocks_stay_rare() -> None:
    pages = {str(b.page.relative_to(ROOT)) for b in COMPILE_ONLY_BLOCKS}
    assert pages <= COMPILE_ONLY_PAGES, [b.name for b in COMPILE_ONLY_BLOCKS]


# ---- the extractor itself ---------------------------------------------------------


def test_the_extractor_finds_indented_blocks_and_ignores_other_languages() -> None:
    text = "\n".join(
        [
            "```python",
            "a = 1",
            "```",
            "```text",
            "not python",
            "```",
            "!!! note",
            "    ```python",
            "    if True:",
            "        b = 2",
            "    ```",
            "<!-- docs-test: compile-only: needs a package we do not install -->",
            "```py",
            "import elsewhere",
            "```",
        ]
    )
    blocks = [b for b in fenced_blocks(text, ROOT / "x.md") if b.language in PYTHON]
    assert [(b.line, b.code, b.compile_only) for b in blocks] == [
        (2, "a = 1\n", None),
        (9, "if True:\n    b = 2\n", None),
        (14, "import elsewhere\n", "needs a package we do not install"),
    ]


def test_a_claimed_print_is_compared_and_an_ordinary_comment_is_not() -> None:
    code = "print(1 + 1)  # 2\nprint('x')  # just a comment\n"
    block = Block(ROOT / "x.md", 1, "python", code, None)
    assert run_block(block) == [("print(1 + 1)  # 2", 2, 2)]
    wrong = Block(ROOT / "x.md", 1, "python", "print(1 + 1)  # 3\n", None)
    assert run_block(wrong) == [("print(1 + 1)  # 3", 2, 3)]


def test_every_page_is_read_and_the_guides_have_python_to_run() -> None:
    assert ROOT / "README.md" in PAGES
    pages_with_code = {b.page.name for b in RUNNABLE}
    assert {"README.md", "quickstart.md", "many-jobs.md", "emulator.md"} <= pages_with_code
