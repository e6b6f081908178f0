"""The OpenAPI document, made honest: what each operation really answers.

FastAPI documents a 422 for every operation and an empty schema for every
JSONResponse. Here, per operation, the document declares:
- its success answers with the real shapes (each route names them in
  `responses=`, from its dialect's `shapes.py`);
- every error status its surface can answer, in that dialect's own error
  envelope, instead of FastAPI's 422 (a route adds what only it answers,
  a 409 or a 502, with `error_responses`);
- how it authenticates (the surface's security scheme).
A test runs schemathesis against this document (tests/test_openapi_conformance.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from carepost.http.surfaces import Surfaces

# Every surface may answer these: bad input, credentials, a missing object, the rate limit,
# a fault, the database away. A body adds its size limit and its read timeout.
COMMON_ERRORS = (400, 401, 403, 404, 429, 500, 503)
BODY_ERRORS = (408, 413)
_BODY_METHODS = {"post", "put", "patch"}


# The platform's own APIs (webhooks, sandbox) take any API key, so they share these schemes.
ANY_API_KEY = {
    "ApiKeyBearer": {"type": "http", "scheme": "bearer", "description": "Any of the account's API keys; its mode is the mode served."},
    "ApiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-Api-Key", "description": "Any of the account's API keys, as a header."},
}


@dataclass(frozen=True)
class Documentation:
    """How a surface's operations are documented."""

    error: type[BaseModel]  # the error envelope
    security: dict[str, dict[str, Any]] = field(default_factory=dict)  # scheme name -> OpenAPI security scheme
    errors: tuple[int, ...] = COMMON_ERRORS
    # Whether a request takes every scheme at once (the pharmacy's key and token), or any one of them.
    all_schemes: bool = False
    # The contract's own words for a status, where it says what it means (else the HTTP phrase).
    described: dict[int, str] = field(default_factory=dict)


# Bodies a route reads itself (to refuse each field in its contract's own words), documented by
# a model of what it reads (`documented_body`): put into the components with the rest.
_DOCUMENTED_BODIES: dict[str, type[BaseModel]] = {}


def documented_body(model: type[BaseModel], example: Any) -> dict[str, Any]:
    """A route's `openapi_extra`: its body is `model`, shown with `example` (Try it out sends it)."""
    _DOCUMENTED_BODIES[model.__name__] = model
    schema = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema, "example": example}}}}


def body_example(example: Any) -> dict[str, Any]:
    """A route's `openapi_extra`: the example its body is shown (and "Try it out" sends) with."""
    return {"requestBody": {"content": {"application/json": {"example": example}}}}


def install(app: FastAPI, surfaces: Surfaces) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
            _declare(document, surfaces)
            _name_operations(document)
            _name_components(document)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _declare(document: dict[str, Any], surfaces: Surfaces) -> None:
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    for model in _DOCUMENTED_BODIES.values():
        _component(schemas, model)
    security_schemes = components.setdefault("securitySchemes", {})
    for path, operations in document.get("paths", {}).items():
        docs = surfaces.for_path(path).documentation
        if docs is None:
            continue
        error_ref = _component(schemas, docs.error)
        security_schemes.update(docs.security)
        for method, operation in operations.items():
            for content in operation.get("requestBody", {}).get("content", {}).values():
                if "$ref" in content.get("schema", {}):  # a documented body: its model alone, not FastAPI's "Body" beside it
                    content["schema"] = {"$ref": content["schema"]["$ref"]}
            responses = operation.setdefault("responses", {})
            if "HTTPValidationError" in str(responses.get("422")):  # FastAPI's, never answered: 400 is
                del responses["422"]
            statuses = (*docs.errors, *(BODY_ERRORS if method in _BODY_METHODS else ()))
            for status in statuses:
                responses.setdefault(str(status), _error_response(status, error_ref, docs.described.get(status)))
            if docs.security and "security" not in operation:
                names = list(docs.security)
                operation["security"] = [dict.fromkeys(names, [])] if docs.all_schemes else [{name: []} for name in names]


def _name_operations(document: dict[str, Any]) -> None:
    """Short, stable operation ids a client generator turns into function names: the route's
    first tag and its function's name (`masks_create_order`, `pharmacy_list_orders`), in
    place of FastAPI's path-and-method ones (`create_order_api_v3_order_post`, from which the
    function's name is read back). Two alike would be a bug: refused here."""
    seen: set[str] = set()
    for path, operations in document.get("paths", {}).items():
        for method, operation in operations.items():
            generated = operation.get("operationId", "")
            suffix = re.sub(r"\W", "_", path) + f"_{method}"
            if not generated.endswith(suffix):
                continue
            tag = re.sub(r"\W+", "_", str(operation.get("tags", ["carepost"])[0]).lower())
            name = f"{tag}_{generated.removesuffix(suffix)}"
            if name in seen:
                raise ValueError(f"Two operations would be named {name}: rename one route's function.")
            seen.add(name)
            operation["operationId"] = name


def _name_components(document: dict[str, Any]) -> None:
    """FastAPI names two models of one name after their modules
    (`carepost__dialects__masks__schemas__CreateOrderIn`); a generator makes one class of both.
    Each gets its dialect's prefix instead (`MasksCreateOrderIn`), as key and title."""
    schemas = document.get("components", {}).get("schemas", {})
    renamed = {old: _short_name(old) for old in schemas if "__" in old}
    for old, new in renamed.items():
        schema = schemas.pop(old)
        schema["title"] = new
        schemas[new] = schema
    if renamed:
        refs = {f"#/components/schemas/{old}": f"#/components/schemas/{new}" for old, new in renamed.items()}
        _rewrite_refs(document, refs)


def _short_name(qualified: str) -> str:
    parts = qualified.split("__")
    owner = parts[2] if len(parts) > 3 and parts[1] == "dialects" else parts[1]
    return "".join(word.title() for word in owner.split("_")) + parts[-1]


def _rewrite_refs(node: Any, refs: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value in refs:
                node[key] = refs[value]
            else:
                _rewrite_refs(value, refs)
    elif isinstance(node, list):
        for item in node:
            _rewrite_refs(item, refs)


def _component(schemas: dict[str, Any], model: type[BaseModel]) -> dict[str, str]:
    """Put `model` (and what it nests) into the components; a $ref to it."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, nested in (*schema.pop("$defs", {}).items(), (model.__name__, schema)):
        # Two models of one name would become one class in a generated client. (FastAPI's own
        # rendering of a model may differ in detail from pydantic's: the fields tell them apart.)
        if set(schemas.get(name, nested).get("properties", {})) != set(nested.get("properties", {})):
            raise ValueError(f"Two models are named {name} in the OpenAPI document: rename one.")
        schemas[name] = nested
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _error_response(status: int, schema: dict[str, str], description: str | None = None) -> dict[str, Any]:
    return {"description": description or HTTPStatus(status).phrase, "content": {"application/json": {"schema": schema}}}


def error_responses(model: type[BaseModel], *statuses: int, described: dict[int, str] | None = None) -> dict[int | str, dict[str, Any]]:
    """For a route's `responses=`: statuses beyond its surface's (a 409, a 422, a 502), and those
    its contract describes for this operation (`described`: the contract's words), in `model`."""
    words = described or {}
    return {status: {"model": model, "description": words.get(status) or HTTPStatus(status).phrase} for status in (*statuses, *words)}
