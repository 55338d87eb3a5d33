"""The OpenAPI document each service publishes, shaped to the NL API Design Rules.

FastAPI generates the document; this module versions the base path (`servers:
/v1`, /core/uri-version), declares the API-Version header on 2xx/3xx answers
(/core/version-header), replaces FastAPI's 422 with problem+json 400 and
declares problem+json for every error (/core/error-handling/problem-details).
It is served without authentication at /openapi.json and /v1/openapi.json with
`Access-Control-Allow-Origin: *` (/core/publish-openapi), and as Swagger UI at
/v1/docs from files bundled in the package (no internet needed).
"""

from __future__ import annotations

from typing import Any

import swagger_ui_bundle
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .problems import PROBLEM_JSON, InvalidParam, Problem

API_PREFIX = "/v1"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
API_VERSION_HEADER = {
    "description": "De versie van de API (semver)",
    "required": True,
    "schema": {"type": "string", "pattern": r"^\d+\.\d+\.\d+$"},
}
# Operation extension naming another party's contract (e.g. "duo") that the operation follows exactly.
FOREIGN_CONTRACT = "x-contract"
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
    doc["servers"] = [{"url": API_PREFIX}]
    doc["paths"] = {
        path.removeprefix(API_PREFIX): item
        for path, item in doc.get("paths", {}).items()
        if path.startswith(API_PREFIX + "/")
    }
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["InvalidParam"] = InvalidParam.model_json_schema()
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    problem.pop("$defs", None)
    schemas["Problem"] = problem
    components["headers"] = {"API-Version": API_VERSION_HEADER}
    for item in doc["paths"].values():
        for operation in item.values():
            if operation.get(FOREIGN_CONTRACT) is None:  # another party's contract keeps its own answers
                _shape_responses(operation["responses"])
    return doc


def _shape_responses(responses: dict[str, Any]) -> None:
    responses.pop("422", None)
    for status, text in STANDARD_ERRORS.items():
        responses.setdefault(status, {"description": text})
    responses.setdefault("default", {"description": "Fout"})
    for status, response in responses.items():
        if status.startswith(("2", "3")):
            response.setdefault("headers", {})["API-Version"] = {"$ref": "#/components/headers/API-Version"}
        else:
            response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_REF}}
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
