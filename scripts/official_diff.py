"""Our OpenAPI description next to IonQ's official one, as readable lines.

    python scripts/official_diff.py [--version 0.2.0|latest] [--no-overlay]

Operations are matched by method and path, with path parameter names ignored
(``/jobs/{job_id}`` is ``/jobs/{UUID}``). For each operation both have, the path and
query parameters, the JSON request body and every 2xx response are flattened into
schema paths (``.output``, ``.jobs[].id``, ``.results{*}.format``: ``[]`` is an array
item, ``{*}`` a map value) with what each side says there: required or optional,
nullable, type, format, enum. ``$ref``s are resolved, ``allOf`` merged, a ``oneOf``/
``anyOf`` with ``null`` read as nullable and any other union merged (a property is
"required" only if every variant that has it requires it). Each difference is one
line, ``ours | IonQ's``; a property only one side has is printed once, not its
children. It is a report, not a gate: it always exits 0.

IonQ's overlay (``openapi-overlay.yaml``, where the live service differs from the
document) is applied first unless ``--no-overlay``; :func:`apply_overlay` implements
the Overlay 1.0 actions it uses (dotted ``$.a.b`` targets, ``update``, ``remove``).
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):  # run as a script: make ``scripts`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import official

OURS = official.ROOT / "openapi" / "ionq-v0.4.yaml"
_WIDTHS = frozenset({"int32", "int64", "float", "double"})
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")

# ------------------------------------------------------------------ the overlay

_SEGMENT = re.compile(r"\.([A-Za-z0-9_\-]+)|\[['\"]([^'\"]+)['\"]\]")


def _target(path: str) -> list[str]:
    """``$.components.schemas.X`` (or ``$['a']['b']``) as keys; other JSONPath is refused."""
    if not path.startswith("$"):
        raise ValueError(f"unsupported overlay target: {path}")
    keys, position = [], 1
    while position < len(path):
        found = _SEGMENT.match(path, position)
        if found is None:
            raise ValueError(f"unsupported overlay target (only dotted paths): {path}")
        keys.append(found.group(1) or found.group(2))
        position = found.end()
    return keys


def _merge(target: Any, update: Any) -> Any:
    """Overlay 1.0 ``update``: objects merged recursively, arrays appended, scalars replaced."""
    if isinstance(target, dict) and isinstance(update, dict):
        for key, value in update.items():
            target[key] = _merge(target[key], value) if key in target else copy.deepcopy(value)
        return target
    if isinstance(target, list):
        return target + copy.deepcopy(update if isinstance(update, list) else [update])
    return copy.deepcopy(update)


def apply_overlay(
    document: Mapping[str, Any], overlay: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """The document with the overlay's actions applied, in order, and the targets that
    matched nothing (the Overlay spec does not make those errors; we report them)."""
    result = copy.deepcopy(dict(document))
    unmatched: list[str] = []
    for action in overlay.get("actions", []):
        *parents, last = _target(action["target"]) or [""]
        node: Any = result
        for key in parents:
            node = node.get(key) if isinstance(node, dict) else None
        if not isinstance(node, dict) or (last not in node and action.get("remove")):
            unmatched.append(action["target"])
            continue
        if action.get("remove"):
            del node[last]
        elif "update" in action:
            node[last] = _merge(node.get(last, {}), action["update"])
    return result, unmatched


def load_ionq(version: str, *, overlay: bool = True) -> tuple[dict[str, Any], str]:
    """IonQ's document (overlay applied unless told not to) and a line saying what it is."""
    document = official.load_document(version)
    folder = official.fetch(version)
    described = f"ionq-core {folder.name}"
    last_updated = re.search(r"Last updated: ([^*\n]+)", document["info"].get("description", ""))
    if last_updated:
        described += f" ({last_updated.group(1).strip()})"
    if overlay:
        actions = official.load_overlay(version)
        document, unmatched = apply_overlay(document, actions)
        described += f", overlay applied ({len(actions.get('actions', []))} actions"
        described += f", unmatched: {', '.join(unmatched)})" if unmatched else ")"
    else:
        described += ", without its overlay"
    return document, described


def load_ours() -> dict[str, Any]:
    with OURS.open(encoding="utf-8") as fh:
        spec: dict[str, Any] = yaml.safe_load(fh)
    return spec


# ------------------------------------------------------------------ flattening


@dataclass
class Facts:
    """What one side says at one schema path."""

    types: frozenset[str] = frozenset()
    nullable: bool = False
    required: str = ""  # "required", "optional", "required in some variants", "" (top level)
    fmt: str = ""
    enum: frozenset[str] | None = None

    def describe(self) -> str:
        words = [self.required] if self.required else []
        if self.nullable:
            words.append("nullable")
        words.append("|".join(sorted(self.types)) or "any")
        fmt = "|".join(f for f in self.fmt.split("|") if f not in _WIDTHS)
        if fmt:  # int32/double say nothing a Python client sees
            words.append(f"({fmt})")
        return " ".join(words)


def _resolve(
    spec: Mapping[str, Any], node: Any, seen: frozenset[str]
) -> tuple[Any, frozenset[str]]:
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if ref in seen:
            return {"x-recursive": ref}, seen
        seen = seen | {ref}
        target: Any = spec
        for part in ref.removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        siblings = {k: v for k, v in node.items() if k != "$ref"}  # 3.1 allows them
        node = {"allOf": [target, siblings]} if siblings else target
    return node, seen


def _is_null(node: Any) -> bool:
    return isinstance(node, dict) and (node.get("type") == "null" or node.get("enum") == [None])


@dataclass
class _Shape:
    """A schema reduced to what the diff compares."""

    facts: Facts
    properties: dict[str, tuple[_Shape, str]]  # name -> (shape, required word)
    items: _Shape | None = None
    values: _Shape | None = None  # additionalProperties / patternProperties


def _types_of(node: Mapping[str, Any]) -> tuple[set[str], bool]:
    raw = node.get("type")
    types = set(raw) if isinstance(raw, list) else {raw} if raw else set()
    nullable = "null" in types or bool(node.get("nullable"))
    types.discard("null")
    if not types:
        if "properties" in node or "additionalProperties" in node:
            types.add("object")
        elif "items" in node:
            types.add("array")
    return types, nullable


def shape(spec: Mapping[str, Any], node: Any, seen: frozenset[str] = frozenset()) -> _Shape:
    node, seen = _resolve(spec, node, seen)
    if not isinstance(node, dict):
        return _Shape(Facts(), {})
    if "x-recursive" in node:
        return _Shape(Facts(types=frozenset({f"(recursive {node['x-recursive']})"})), {})
    types, nullable = _types_of(node)
    enum: set[str] | None = None
    if "enum" in node or "const" in node:
        values = node.get("enum", [node.get("const")])
        nullable = nullable or None in values
        enum = {str(v) for v in values if v is not None}
        if not types:  # a bare const/enum: its values say the type
            names = {bool: "boolean", int: "integer", float: "number", str: "string"}
            types = {names.get(type(v), "any") for v in values if v is not None}
    own = _Shape(Facts(frozenset(types), nullable, "", node.get("format", ""), None), {})
    if enum is not None:
        own.facts.enum = frozenset(enum)
    required = set(node.get("required", []))
    for name, sub in (node.get("properties") or {}).items():
        own.properties[name] = (
            shape(spec, sub, seen),
            "required" if name in required else "optional",
        )
    if isinstance(node.get("items"), dict):
        own.items = shape(spec, node["items"], seen)
    extra = node.get("additionalProperties")
    patterns = list((node.get("patternProperties") or {}).values())
    if isinstance(extra, dict) or patterns:
        own.values = shape(spec, extra if isinstance(extra, dict) else patterns[0], seen)
    for part in node.get("allOf", []):
        own = _intersect(own, shape(spec, part, seen))
    for keyword in ("oneOf", "anyOf"):
        variants = node.get(keyword)
        if not variants:
            continue
        real = [v for v in variants if not _is_null(_resolve(spec, v, seen)[0])]
        united = _unite([shape(spec, v, seen) for v in real])
        if len(real) < len(variants):
            united.facts.nullable = True
        own = _intersect(own, united)
    return own


def _intersect(a: _Shape, b: _Shape) -> _Shape:
    """``allOf``: both hold."""
    types = a.facts.types & b.facts.types if a.facts.types and b.facts.types else a.facts.types
    types = types or b.facts.types
    enum = a.facts.enum if b.facts.enum is None else b.facts.enum
    if a.facts.enum is not None and b.facts.enum is not None:
        enum = a.facts.enum & b.facts.enum
    facts = Facts(
        types,
        a.facts.nullable and b.facts.nullable
        if a.facts.types and b.facts.types
        else a.facts.nullable or b.facts.nullable,
        "",
        a.facts.fmt or b.facts.fmt,
        enum,
    )
    properties = dict(a.properties)
    for name, (sub, word) in b.properties.items():
        if name in properties:
            old, old_word = properties[name]
            word = "required" if "required" in (word, old_word) else "optional"
            properties[name] = (_intersect(old, sub), word)
        else:
            properties[name] = (sub, word)
    items = _pick(a.items, b.items, _intersect)
    values = _pick(a.values, b.values, _intersect)
    return _Shape(facts, properties, items, values)


def _pick(a: _Shape | None, b: _Shape | None, combine: Any) -> _Shape | None:
    if a is None or b is None:
        return a or b
    result: _Shape = combine(a, b)
    return result


def _unite(shapes: list[_Shape]) -> _Shape:
    """``oneOf``/``anyOf``: any holds; properties merged over the variants."""
    if not shapes:
        return _Shape(Facts(), {})
    if len(shapes) == 1:
        return shapes[0]
    enums = [s.facts.enum for s in shapes]
    facts = Facts(
        frozenset().union(*(s.facts.types for s in shapes)),
        any(s.facts.nullable for s in shapes),
        "",
        "|".join(sorted({s.facts.fmt for s in shapes if s.facts.fmt})),
        None if any(e is None for e in enums) else frozenset().union(*enums),  # type: ignore[arg-type]
    )
    properties: dict[str, tuple[_Shape, str]] = {}
    names = {name for s in shapes for name in s.properties}
    for name in sorted(names):
        having = [s.properties[name] for s in shapes if name in s.properties]
        words = {word for _, word in having}
        word = words.pop() if len(words) == 1 else "required in some variants"
        if word == "required" and len(having) < len(shapes):
            word = "required in some variants"
        properties[name] = (_unite([sub for sub, _ in having]), word)
    items = [s.items for s in shapes if s.items is not None]
    values = [s.values for s in shapes if s.values is not None]
    return _Shape(
        facts, properties, _unite(items) if items else None, _unite(values) if values else None
    )


def flatten(root: _Shape, prefix: str = "") -> Iterator[tuple[str, Facts, bool]]:
    """(path, facts, has children) for the root and everything under it."""
    stack: list[tuple[str, _Shape]] = [(prefix, root)]
    while stack:
        path, node = stack.pop()
        yield path, node.facts, bool(node.properties or node.items or node.values)
        children: list[tuple[str, _Shape]] = []
        for name, (sub, word) in node.properties.items():
            sub = _Shape(
                Facts(sub.facts.types, sub.facts.nullable, word, sub.facts.fmt, sub.facts.enum),
                sub.properties,
                sub.items,
                sub.values,
            )
            children.append((f"{path}.{name}", sub))
        if node.items is not None:
            children.append((f"{path}[]", node.items))
        if node.values is not None:
            children.append((f"{path}{{*}}", node.values))
        stack.extend(reversed(children))


# ------------------------------------------------------------------ comparing


def _normalise(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def operations(spec: Mapping[str, Any]) -> dict[str, tuple[str, str, dict[str, Any], dict]]:
    """``"GET /jobs/{}"`` -> (method, path, operation, path item)."""
    found = {}
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if isinstance(item.get(method), dict):
                key = f"{method.upper()} {_normalise(path)}"
                found[key] = (method, path, item[method], item)
    return found


def _parameters(spec: Mapping[str, Any], operation: Mapping[str, Any], item: Mapping) -> dict:
    params: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in [*item.get("parameters", []), *operation.get("parameters", [])]:
        param, _ = _resolve(spec, raw, frozenset())
        params[(param["in"], param["name"])] = param
    return params


def _json_schema(spec: Mapping[str, Any], holder: Any) -> tuple[list[str], Any]:
    """The media types of a request body or response, and the JSON (or first) schema."""
    holder, _ = _resolve(spec, holder, frozenset())
    content = (holder or {}).get("content") or {}
    types = sorted(content)
    media = next((t for t in types if "json" in t), types[0] if types else None)
    return types, (content[media].get("schema") if media else None)


def compare_shapes(label: str, ours: _Shape | None, theirs: _Shape | None) -> Iterator[str]:
    """One line per difference between two flattened shapes, under ``label``."""
    mine = {p: (f, c) for p, f, c in flatten(ours)} if ours else {}
    their = {p: (f, c) for p, f, c in flatten(theirs)} if theirs else {}
    skip: list[str] = []
    order = list(mine) + [p for p in their if p not in mine]
    for path in sorted(order, key=lambda p: p.replace("[]", "\0").replace("{*}", "\1")):
        if any(path.startswith(s) and path[len(s)] in ".[{" for s in skip):
            continue
        a, b = mine.get(path), their.get(path)
        where = f"{label} {path}" if path else label
        if a is None or b is None:
            present = (a or b)[0].describe()  # type: ignore[index]
            yield f"{where}: " + (f"{present} | absent" if b is None else f"absent | {present}")
            skip.append(path)
            continue
        fa, fb = a[0], b[0]
        if fa.describe() != fb.describe():
            yield f"{where}: {fa.describe()} | {fb.describe()}"
        if fa.enum != fb.enum:
            if fa.enum is None or fb.enum is None:
                shown = [
                    "any value" if e is None else f"enum of {len(e)}" for e in (fa.enum, fb.enum)
                ]
                extra = sorted((fa.enum or fb.enum) or ())
                yield f"{where} enum: {shown[0]} | {shown[1]} ({', '.join(extra)})"
            else:
                only_a, only_b = sorted(fa.enum - fb.enum), sorted(fb.enum - fa.enum)
                yield (f"{where} enum: +{', '.join(only_a) or '-'} | +{', '.join(only_b) or '-'}")


def _param_shape(spec: Mapping[str, Any], param: Mapping[str, Any]) -> _Shape:
    root = shape(spec, param.get("schema", {}))
    root.facts.required = "required" if param.get("required") else "optional"
    return root


def _words(items: Iterable[str]) -> str:
    return ", ".join(items) or "-"


def compare_operation(
    ours: Mapping[str, Any], theirs: Mapping[str, Any], key: str
) -> Iterator[str]:
    """Lines for one operation both documents have."""
    (_, our_path, our_op, our_item) = operations(ours)[key]
    (_, their_path, their_op, their_item) = operations(theirs)[key]
    if our_path != their_path:
        yield f"path: {our_path} | {their_path}"
    our_params, their_params = (
        _parameters(ours, our_op, our_item),
        _parameters(theirs, their_op, their_item),
    )
    # path parameters by position, query (and header) parameters by name
    our_path_names = re.findall(r"\{([^}]+)\}", our_path)
    their_path_names = re.findall(r"\{([^}]+)\}", their_path)
    for mine, their in zip(our_path_names, their_path_names, strict=True):
        a, b = our_params.get(("path", mine)), their_params.get(("path", their))
        yield from compare_shapes(
            f"path {{{mine}}}",
            _param_shape(ours, a) if a else None,
            _param_shape(theirs, b) if b else None,
        )
    names = sorted(
        {(i, n) for i, n in [*our_params, *their_params] if i in ("query", "header")}
        - {("header", "Authorization")}
    )
    for where, name in names:
        a, b = our_params.get((where, name)), their_params.get((where, name))
        yield from compare_shapes(
            f"{where} {name}",
            _param_shape(ours, a) if a else None,
            _param_shape(theirs, b) if b else None,
        )
    our_body, their_body = our_op.get("requestBody"), their_op.get("requestBody")
    if our_body or their_body:
        our_types, our_schema = _json_schema(ours, our_body)
        their_types, their_schema = _json_schema(theirs, their_body)
        if our_types != their_types:
            yield f"request content: {_words(our_types)} | {_words(their_types)}"
        words = [
            "optional"
            if not body
            else "required"
            if _resolve(spec, body, frozenset())[0].get("required")
            else "optional"
            for body, spec in ((our_body, ours), (their_body, theirs))
        ]
        if our_body and their_body and words[0] != words[1]:
            yield f"request body: {words[0]} | {words[1]}"
        yield from compare_shapes(
            "request",
            shape(ours, our_schema) if our_schema is not None else None,
            shape(theirs, their_schema) if their_schema is not None else None,
        )
    our_ok = {c for c in our_op.get("responses", {}) if str(c).startswith("2")}
    their_ok = {c for c in their_op.get("responses", {}) if str(c).startswith("2")}
    if our_ok != their_ok:
        yield f"2xx statuses: {_words(sorted(our_ok))} | {_words(sorted(their_ok))}"
    for code in sorted(our_ok & their_ok):
        our_types, our_schema = _json_schema(ours, our_op["responses"][code])
        their_types, their_schema = _json_schema(theirs, their_op["responses"][code])
        if our_types != their_types:
            yield f"{code} content: {', '.join(our_types) or '-'} | {', '.join(their_types) or '-'}"
        yield from compare_shapes(
            code,
            shape(ours, our_schema) if our_schema is not None else None,
            shape(theirs, their_schema) if their_schema is not None else None,
        )


def diff(ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> Iterator[str]:
    """The whole report, line by line (operations first, then each shared one)."""
    our_ops, their_ops = operations(ours), operations(theirs)
    both = [k for k in our_ops if k in their_ops]
    only_ours = [
        f"{k}  ({our_ops[k][2].get('operationId')})" for k in our_ops if k not in their_ops
    ]
    only_theirs = [
        f"{k}  ({their_ops[k][2].get('operationId')})" for k in their_ops if k not in our_ops
    ]
    yield (
        f"== operations: {len(both)} in both, {len(only_ours)} only ours, "
        f"{len(only_theirs)} only IonQ's (path parameter names ignored)"
    )
    yield from (f"only ours | absent: {k}" for k in only_ours)
    yield from (f"absent | only IonQ's: {k}" for k in only_theirs)
    for key in both:
        lines = list(compare_operation(ours, theirs, key))
        our_id = our_ops[key][2].get("operationId")
        their_id = their_ops[key][2].get("operationId")
        yield ""
        yield f"== {our_ops[key][0].upper()} {our_ops[key][1]}  ({our_id} | {their_id}): " + (
            f"{len(lines)} differences" if lines else "same"
        )
        method = our_ops[key][0].upper()
        yield from (f"{method} {our_ops[key][1]} {line}" for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=official.PINNED, help="ionq-core version or latest")
    parser.add_argument("--no-overlay", action="store_true", help="IonQ's document as shipped")
    args = parser.parse_args(argv)
    theirs, described = load_ionq(args.version, overlay=not args.no_overlay)
    print(f"ours: {OURS.relative_to(official.ROOT)} | IonQ's: {described}")
    print("each line: <operation> <where> <schema path>: ours | IonQ's")
    count = 0
    for line in diff(load_ours(), theirs):
        count += bool(line) and not line.startswith("==")
        print(line)
    print(f"\n{count} differences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
