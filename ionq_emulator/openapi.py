"""The project's OpenAPI description of IonQ v0.4, loaded and turned into JSON Schema validators.

The emulator validates every request and answer with these schemas, and so do the
contract and payload tests: nothing in this package restates a field list. The
document is package data (``ionq_emulator/ionq-v0.4.yaml``, a link to
``openapi/ionq-v0.4.yaml`` in a checkout, a copy in the wheel), found with
``importlib.resources`` wherever the package is installed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, cast

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_NAME = "ionq-v0.4.yaml"
_SPEC_URI = "urn:ionq-client:openapi"
_METHODS = ("get", "put", "post", "delete", "patch")


def spec_text() -> str:
    """The OpenAPI document as shipped with this package (YAML text)."""
    return resources.files(__package__).joinpath(SPEC_NAME).read_text(encoding="utf-8")


@functools.cache
def load_spec() -> dict[str, Any]:
    """The OpenAPI document, parsed (cached: treat it as read-only)."""
    return cast(dict[str, Any], yaml.safe_load(spec_text()))


@functools.cache
def _registry() -> Registry[Any]:
    resource: Resource[Any] = Resource.from_contents(load_spec(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
    return registry


@functools.cache
def validator(pointer: str) -> Draft202012Validator:
    """A validator for the schema at ``pointer`` (``#/components/schemas/Job``)."""
    return Draft202012Validator(
        {"$ref": _SPEC_URI + pointer},
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def schema_validator(name: str) -> Draft202012Validator:
    return validator(f"#/components/schemas/{name}")


def errors(pointer_or_validator: str | Draft202012Validator, instance: object) -> list[str]:
    """Every violation as ``"path: message"``; an empty list means valid."""
    v = (
        validator(pointer_or_validator)
        if isinstance(pointer_or_validator, str)
        else pointer_or_validator
    )
    return [
        f"{error.json_path}: {error.message}"
        for error in sorted(v.iter_errors(instance), key=lambda e: list(e.path))
    ]


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    operation_id: str
    tags: tuple[str, ...]
    definition: Mapping[str, Any]
    path_parameters: tuple[Mapping[str, Any], ...]

    @property
    def public(self) -> bool:
        """True when the operation needs no API key."""
        return self.definition.get("security") == []


def resolve(spec: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def escape(token: str) -> str:
    """A JSON-pointer token (RFC 6901): paths like ``/jobs/{job_id}`` hold slashes."""
    return token.replace("~", "~0").replace("/", "~1")


def _at(pointer: str) -> Any:
    node: Any = load_spec()
    for part in pointer.removeprefix("#/").split("/"):
        token = part.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def follow(pointer: str) -> tuple[str, Mapping[str, Any]]:
    """Follow ``$ref`` from ``pointer``: the final pointer and the node it names."""
    node: Mapping[str, Any] = _at(pointer)
    while "$ref" in node:
        pointer = node["$ref"]
        node = _at(pointer)
    return pointer, node


def response_pointer(op: Operation, status: int) -> str | None:
    """The pointer to the JSON schema of ``op``'s answer with ``status``; None if undeclared."""
    if str(status) not in op.definition["responses"]:
        return None
    response, _ = follow(f"#/paths/{escape(op.path)}/{op.method.lower()}/responses/{status}")
    return f"{response}/content/application~1json/schema"


def operations() -> Iterator[Operation]:
    spec = load_spec()
    for path, item in spec["paths"].items():
        for method in _METHODS:
            if method in item:
                op = item[method]
                yield Operation(
                    method=method.upper(),
                    path=path,
                    operation_id=op["operationId"],
                    tags=tuple(op.get("tags", ())),
                    definition=op,
                    path_parameters=tuple(item.get("parameters", ())),
                )
