"""The OpenAPI document each service publishes, shaped to the NL API Design Rules.

FastAPI generates the document; this module versions the base path (`servers:
https://{host}/v1`, /core/uri-version; TLS ends at the reverse proxy), declares the
API-Version header on 2xx/3xx answers (/core/version-header), replaces FastAPI's 422
with problem+json 400 and declares problem+json for every error
(/core/error-handling/problem-details). It lists the document itself at `/openapi.json`
(/core/publish-openapi), declares every tag, gives every operation a description (stating
the roles that may call it, `openapi_roles`) and names generated schemas in PascalCase
(`Page[X]` becomes `PageX`), so that the official ruleset (Spectral,
tests/ops/test_ops_spectral.py) finds nothing. It is served without authentication at
/openapi.json and /v1/openapi.json with `Access-Control-Allow-Origin: *`, and as Swagger UI
at /v1/docs from files bundled in the package (no internet needed).
"""

from __future__ import annotations

import re
from typing import Any

import swagger_ui_bundle
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .openapi_roles import state_roles
from .problems import PROBLEM_JSON, InvalidParam, Problem

API_PREFIX = "/v1"
SERVERS = [
    {
        "url": "https://{host}" + API_PREFIX,
        "description": "Achter de reverse proxy, die TLS afhandelt",
        "variables": {"host": {"default": "localhost", "description": "Host (en pad-prefix) van de service"}},
    }
]
CONTACT = {"name": "Functioneel beheer inburgering", "url": "https://inburgering.example/contact"}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
API_VERSION_HEADER = {
    "description": "De versie van de API (semver)",
    "required": True,
    "schema": {"type": "string", "pattern": r"^\d+\.\d+\.\d+$"},
}
# Operation extension naming another party's contract (e.g. "duo") that the operation follows exactly.
FOREIGN_CONTRACT = "x-contract"
ONE_OF = "x-een-van"
PUT_MAY_CREATE = "x-put-maakt-aan"
CREATES_OR_REPLACES = {PUT_MAY_CREATE: True}
"""`openapi_extra` of a PUT that creates without If-Match and replaces with it: If-Match optional."""
STANDARD_ERRORS = {
    "400": "Ongeldige invoer",
    "401": "Niet geauthenticeerd",
    "403": "Geen toegang",
}


def build_openapi(app: FastAPI) -> dict[str, Any]:
    doc = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    doc["servers"] = SERVERS
    doc["info"]["contact"] = CONTACT
    doc["paths"] = {
        path.removeprefix(API_PREFIX): item
        for path, item in doc.get("paths", {}).items()
        if path.startswith(API_PREFIX + "/")
    }
    doc["paths"]["/openapi.json"] = openapi_json_path()
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["InvalidParam"] = InvalidParam.model_json_schema()
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    problem.pop("$defs", None)
    schemas["Problem"] = problem
    components["headers"] = {"API-Version": API_VERSION_HEADER}
    state_roles(app, doc, API_PREFIX)
    for item in doc["paths"].values():
        for operation in item.values():
            operation.setdefault("description", operation.get("summary", ""))
            _one_of_parameters(operation)
            if not operation.pop(PUT_MAY_CREATE, False):  # a PUT creating needs none (check_if_match_for_put)
                _require_if_match(operation)
            if operation.get(FOREIGN_CONTRACT) is None:  # another party's contract keeps its own answers
                _shape_responses(operation)
            else:  # ... but every answer of ours carries API-Version (headers.py), theirs too
                _declare_version_header(operation["responses"])
    doc["tags"] = [{"name": tag} for tag in sorted(_tags(doc))]
    return pascal_case_schema_names(doc)


def one_of(group: str) -> dict[str, Any]:
    """`Query(json_schema_extra=one_of("gebied"))`: exactly one of the query parameters marked with
    the same group is given (checked by the operation itself)."""
    return {ONE_OF: group}


def _one_of_parameters(operation: dict[str, Any]) -> None:
    """Query parameters of which exactly one must be given become one required object parameter,
    exploded in form style (`?gemeentecode=GM0171` or `?regio=flevoland`), whose schema is oneOf
    the single-property objects: what a JSON schema cannot say of separate parameters."""
    groups: dict[str, list[dict[str, Any]]] = {}
    kept = []
    for parameter in operation.get("parameters", []):
        if group := parameter["schema"].pop(ONE_OF, None):
            groups.setdefault(group, []).append(parameter)
        else:
            kept.append(parameter)
    for group, members in groups.items():
        names = [member["name"] for member in members]
        alternatives = [
            {
                "type": "object",
                "properties": {member["name"]: not_null(member["schema"])},
                "required": [member["name"]],
                "additionalProperties": False,
            }
            for member in members
        ]
        kept.append(
            {
                "name": group,
                "in": "query",
                "required": True,
                "style": "form",
                "explode": True,
                "description": "Precies een van: " + ", ".join(names),
                "schema": {"oneOf": alternatives},
            }
        )
    if groups:
        operation["parameters"] = kept


def not_null(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional field's or parameter's schema (`anyOf` with null) as the value it takes when given."""
    alternatives = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if len(alternatives) != 1:
        return schema
    rest = {key: value for key, value in schema.items() if key != "anyOf"}
    return {**alternatives[0], **rest}


def _require_if_match(operation: dict[str, Any]) -> None:
    """An edit answering 428 without If-Match (etag.check_if_match) declares the header required."""
    if "428" not in operation.get("responses", {}):
        return
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "header" and parameter["name"] == "If-Match":
            parameter["required"] = True
            parameter["schema"] = {
                "type": "string",
                "minLength": 1,
                "title": "If-Match",
                "description": "De ETag die u las",
            }


def openapi_json_path() -> dict[str, Any]:
    """The path item of the document itself, public (`security: []`) and open to every origin."""
    return {
        "get": {
            "tags": ["openapi"],
            "summary": "Dit OpenAPI-document",
            "description": "Zonder authenticatie, voor iedere origin (ADR /core/publish-openapi).",
            "operationId": "openapi_document",
            "security": [],
            "responses": {
                "200": {
                    "description": "Het document",
                    "headers": {
                        "API-Version": {"$ref": "#/components/headers/API-Version"},
                        "access-control-allow-origin": {"schema": {"type": "string", "enum": ["*"]}},
                    },
                    "content": {"application/json": {"schema": {"type": "object"}}},
                }
            },
        }
    }


def _tags(doc: dict[str, Any]) -> set[str]:
    return {
        tag
        for item in doc["paths"].values()
        for operation in item.values()
        for tag in operation.get("tags", [])
    }


def pascal_case_schema_names(doc: dict[str, Any]) -> dict[str, Any]:
    """`Page_InburgeraarRead_` (pydantic's name of a generic) becomes `PageInburgeraarRead`."""
    schemas = doc.get("components", {}).get("schemas", {})
    renames = {name: _pascal(name) for name in schemas if _pascal(name) != name}
    if not renames:
        return doc
    renamed: dict[str, Any] = rename_schema_refs(doc, renames)
    renamed["components"]["schemas"] = {
        renames.get(k, k): v for k, v in renamed["components"]["schemas"].items()
    }
    return renamed


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", name))


def rename_schema_refs(node: Any, renames: dict[str, str]) -> Any:
    """`node` with every `$ref` to a schema in `renames` pointing at its new name."""
    if isinstance(node, dict):
        return {
            key: (_renamed_ref(value, renames) if key == "$ref" else rename_schema_refs(value, renames))
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [rename_schema_refs(item, renames) for item in node]
    return node


def _renamed_ref(ref: str, renames: dict[str, str]) -> str:
    head, _, name = ref.rpartition("/")
    if head == "#/components/schemas" and name in renames:
        return f"{head}/{renames[name]}"
    return ref


def _shape_responses(operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    responses.pop("422", None)
    for status, text in STANDARD_ERRORS.items():
        responses.setdefault(status, {"description": text})
    if "requestBody" in operation:  # route_guards: a body over the operation's limit
        responses.setdefault("413", {"description": "Body groter dan toegestaan"})
    responses.setdefault("default", {"description": "Fout"})
    for status, response in responses.items():
        if not status.startswith(("2", "3")):
            response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_REF}}
    _declare_version_header(responses)


def _declare_version_header(responses: dict[str, Any]) -> None:
    for response in responses.values():
        response.setdefault("headers", {})["API-Version"] = {"$ref": "#/components/headers/API-Version"}


def install_openapi(app: FastAPI) -> None:
    """Serve the document and the offline Swagger UI; the document is built once."""

    def document() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = document  # type: ignore[method-assign]

    def serve_openapi() -> JSONResponse:
        return JSONResponse(document(), headers={"Access-Control-Allow-Origin": "*"})

    for path in ("/openapi.json", API_PREFIX + "/openapi.json"):
        app.add_api_route(path, serve_openapi, include_in_schema=False, methods=["GET"])

    app.mount(
        API_PREFIX + "/docs/static",
        StaticFiles(directory=swagger_ui_bundle.swagger_ui_path),
        name="swagger-static",
    )

    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=API_PREFIX + "/openapi.json",
            title=app.title,
            swagger_js_url=API_PREFIX + "/docs/static/swagger-ui-bundle.js",
            swagger_css_url=API_PREFIX + "/docs/static/swagger-ui.css",
            swagger_favicon_url=API_PREFIX + "/docs/static/favicon-32x32.png",
        )

    app.add_api_route(API_PREFIX + "/docs", docs, include_in_schema=False, methods=["GET"])
