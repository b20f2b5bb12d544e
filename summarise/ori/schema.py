"""The vendored ORI OpenAPI specification as JSON Schema: validate ORI objects against its components.

OpenAPI 3.0 schemas are JSON Schema with a few extra keywords; the ones used in the ORI components that
JSON Schema does not know are `nullable` (turned into a `null` alternative here) and `example`/`readOnly`
(annotations, ignored). `$ref`s inside the components are local (`#/components/schemas/...`) and resolve
against the same document, so nothing is fetched.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_FILE = Path(__file__).with_name("schema") / "openapi.yaml"
ORI_VERSION = "2.0.0-beta.4"

OriKind = Literal["Vergadering", "Agendapunt", "Besluit", "InformatieObject"]
# the collections of an ORI bundle and the component each of its objects must satisfy
COLLECTIONS: dict[str, OriKind] = {
    "vergaderingen": "Vergadering", "agendapunten": "Agendapunt", "besluiten": "Besluit",
    "informatieobjecten": "InformatieObject",
}


@lru_cache(maxsize=1)
def openapi_document() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with SCHEMA_FILE.open(encoding="utf-8") as fh:
        document = yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
    return _nullable_to_json_schema(document)


def _nullable_to_json_schema(node: Any) -> Any:
    """`nullable: true` (OpenAPI 3.0) as JSON Schema: the value may also be null."""
    if isinstance(node, list):
        return [_nullable_to_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _nullable_to_json_schema(v) for k, v in node.items()}
    if node.pop("nullable", False) is True:
        node = {"anyOf": [{"type": "null"}, node]} if node else {}
    return node


@lru_cache(maxsize=8)
def _validator(component: str):
    document = openapi_document()
    if component not in document["components"]["schemas"]:
        raise KeyError(component)
    schema = {"$ref": f"#/components/schemas/{component}", "components": document["components"]}
    return Draft202012Validator(schema, format_checker=FormatChecker())


def validation_errors(component: str, obj: Any) -> list[str]:
    """Every way `obj` fails the ORI component (empty when valid), each as 'path: message'."""
    errors = sorted(_validator(component).iter_errors(obj), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(object)'}: {e.message}" for e in errors]


def bundle_errors(bundle: Any) -> list[str]:
    """Every validation error of an ORI bundle (`vergaderingen`, `agendapunten`, ...), with its place."""
    if not isinstance(bundle, dict):
        return ["het bestand is geen JSON-object met ORI-collecties"]
    found: list[str] = []
    for collection, component in COLLECTIONS.items():
        objects = bundle.get(collection, [])
        if not isinstance(objects, list):
            found.append(f"{collection}: geen lijst")
            continue
        for i, obj in enumerate(objects):
            found += [f"{collection}[{i}].{e}" for e in validation_errors(component, obj)]
    return found
