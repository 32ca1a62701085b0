"""The hand-written spec is valid OpenAPI and complete enough to generate from."""

from __future__ import annotations

import importlib
import re

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

from ionq_emulator import openapi
from tests.support.files import SPEC_FILE

OPERATIONS = list(openapi.operations())
COMMON_ERRORS = {"429", "500", "502", "503"}


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_spec_is_valid_openapi() -> None:
    document, _ = read_from_filename(str(SPEC_FILE))
    validate(document)


def test_emulator_ships_the_source_spec() -> None:
    """The emulator's packaged document is the one in openapi/, byte for byte."""
    assert openapi.spec_text() == SPEC_FILE.read_text(encoding="utf-8")


def test_operation_ids_are_unique() -> None:
    ids = [op.operation_id for op in OPERATIONS]
    assert len(ids) == len(set(ids))


def test_every_documented_v04_operation_is_described() -> None:
    described = {(op.method, op.path) for op in OPERATIONS}
    expected = {
        ("GET", "/whoami"),
        ("GET", "/backends"),
        ("GET", "/backends/{backend}"),
        ("GET", "/backends/{backend}/characterizations"),
        ("GET", "/backends/{backend}/characterizations/{characterization_id}"),
        ("POST", "/jobs"),
        ("GET", "/jobs"),
        ("DELETE", "/jobs"),
        ("PUT", "/jobs/status/cancel"),
        ("GET", "/jobs/estimate"),
        ("GET", "/jobs/{job_id}"),
        ("DELETE", "/jobs/{job_id}"),
        ("PUT", "/jobs/{job_id}/status/cancel"),
        ("GET", "/jobs/{job_id}/cost"),
        ("POST", "/jobs/{job_id}/clone"),
        ("POST", "/jobs/{job_id}/move"),
        ("GET", "/jobs/{job_id}/results/probabilities"),
        ("GET", "/jobs/{job_id}/results/probabilities/aggregated"),
        ("GET", "/jobs/{job_id}/results/histogram"),
        ("GET", "/jobs/{job_id}/results/shots"),
        ("GET", "/jobs/{job_id}/artifacts/{artifact_id}"),
        ("GET", "/schemas/formats/{format}"),
        ("POST", "/sessions"),
        ("GET", "/sessions"),
        ("GET", "/sessions/{session_id}"),
        ("POST", "/sessions/{session_id}/end"),
        ("GET", "/sessions/{session_id}/jobs"),
        ("GET", "/organizations/{organization_id}/usage"),
    }
    assert described == expected


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.operation_id)
def test_operation_is_documented(op: openapi.Operation) -> None:
    assert op.operation_id and op.tags, "every operation needs an operationId and a tag"
    assert op.definition.get("summary"), "every operation needs a summary"
    responses = set(op.definition["responses"])
    assert responses >= COMMON_ERRORS, f"missing {COMMON_ERRORS - responses}"
    if not op.public:
        assert "401" in responses, "an authenticated operation documents 401"
    if op.path_parameters or "{" in op.path:
        assert "404" in responses, "an operation on a resource documents 404"
    if "requestBody" in op.definition:
        assert "400" in responses, "an operation with a body documents 400"
    success = [code for code in responses if code.startswith("2")]
    assert len(success) == 1
    for code, response in op.definition["responses"].items():
        response = openapi.resolve(openapi.load_spec(), response)
        schema = response["content"]["application/json"]["schema"]
        if not code.startswith("2"):
            assert schema == {"$ref": "#/components/schemas/Error"}


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.operation_id)
def test_operation_has_a_generated_module(op: openapi.Operation) -> None:
    module = importlib.import_module(f"ionq_api.api.{op.tags[0]}.{snake(op.operation_id)}")
    for name in ("sync_detailed", "asyncio_detailed", "_get_kwargs", "_parse_response"):
        assert callable(getattr(module, name))
    assert module._get_kwargs.__module__ == module.__name__


def test_public_operations_are_exactly_the_keyless_ones() -> None:
    public = {op.operation_id for op in OPERATIONS if op.public}
    assert public == {"listBackends", "getBackend", "listCharacterizations"}
    assert openapi.load_spec()["security"] == [{"apiKey": []}]
    scheme = openapi.load_spec()["components"]["securitySchemes"]["apiKey"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "Authorization")


def test_every_schema_property_is_described() -> None:
    """Each schema and property carries a description in our own words."""
    missing: list[str] = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                for key, prop in props.items():
                    if "$ref" not in prop and not prop.get("description"):
                        missing.append(f"{where}.{key}")
            for key, child in node.items():
                walk(child, f"{where}.{key}")
        elif isinstance(node, list):
            for i, child in enumerate(node):
                walk(child, f"{where}[{i}]")

    schemas = openapi.load_spec()["components"]["schemas"]
    for name, schema in schemas.items():
        if "$ref" not in schema and not schema.get("description"):
            missing.append(name)
        walk(schema, name)
    assert missing == []


def test_generation_is_deterministic_and_warning_free(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Two runs of the pinned generator give byte-identical trees."""
    import filecmp
    import os
    import subprocess
    import sys
    from pathlib import Path

    bindir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run / "ionq_api"
        subprocess.run(
            [
                str(bindir / "openapi-python-client"),
                "generate",
                "--path",
                str(SPEC_FILE),
                "--config",
                str(Path("openapi/generator-config.yaml").resolve()),
                "--meta",
                "none",
                "--output-path",
                str(out),
                "--fail-on-warning",
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        outputs.append(out)
    cmp = filecmp.dircmp(*outputs, ignore=[".ruff_cache", "__pycache__"])

    def differences(c: filecmp.dircmp[str]) -> list[str]:
        found = c.left_only + c.right_only + c.diff_files
        for sub in c.subdirs.values():
            found += differences(sub)
        return found

    assert differences(cmp) == []
