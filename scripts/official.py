"""IonQ's official OpenAPI document, fetched at check time and never committed.

IonQ ships ``openapi.json`` (and ``openapi-overlay.yaml``, where the live service
differs from the document) inside the ``ionq-core`` source distribution on PyPI. This
module downloads that sdist with pip, extracts the two files into a cache folder
(``.cache/official/<version>/``, git-ignored) and loads them.

``PINNED`` is the version the checks in ``make test`` hold us to; ``latest`` asks
PyPI for the newest (``make official OFFICIAL=latest``).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "official"
PINNED = "0.2.0"
FILES = ("openapi.json", "openapi-overlay.yaml")


def fetch(version: str = PINNED) -> Path:
    """The folder holding IonQ's two files for ``version`` (downloaded once)."""
    if version != "latest":
        folder = CACHE / version
        if all((folder / name).is_file() for name in FILES):
            return folder
    requirement = "ionq-core" if version == "latest" else f"ionq-core=={version}"
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                requirement,
                "-d",
                scratch,
            ],
            check=True,
        )
        (sdist,) = Path(scratch).glob("ionq_core-*.tar.gz")
        found = re.fullmatch(r"ionq_core-(.+)\.tar\.gz", sdist.name)
        assert found is not None
        folder = CACHE / found.group(1)
        folder.mkdir(parents=True, exist_ok=True)
        with tarfile.open(sdist) as archive:
            for member in archive.getmembers():
                name = Path(member.name).name
                if name in FILES and member.name.count("/") == 1:
                    source = archive.extractfile(member)
                    assert source is not None
                    with source, (folder / name).open("wb") as target:
                        shutil.copyfileobj(source, target)
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(f"ionq-core {version} ships no {', '.join(missing)}")
    return folder


def load_document(version: str = PINNED) -> dict[str, Any]:
    """IonQ's ``openapi.json``, parsed."""
    with (fetch(version) / "openapi.json").open(encoding="utf-8") as fh:
        document: dict[str, Any] = json.load(fh)
    return document


def load_overlay(version: str = PINNED) -> dict[str, Any]:
    """IonQ's ``openapi-overlay.yaml``: where the live service differs from the document."""
    with (fetch(version) / "openapi-overlay.yaml").open(encoding="utf-8") as fh:
        overlay: dict[str, Any] = yaml.safe_load(fh)
    return overlay


if __name__ == "__main__":
    print(fetch(sys.argv[1] if len(sys.argv) > 1 else PINNED))
