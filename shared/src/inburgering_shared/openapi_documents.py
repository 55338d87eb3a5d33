"""The committed OpenAPI documents: one per service and the combined one for front-end teams.

Each service's document is committed as `services/<name>/openapi.json`; the
combined document (every service's paths under the version and then the
service's name, `/v1/intake/...`, as the reverse proxy routes them besides
`/intake/v1/...`) as `deploy/proxy/openapi.json`, served by the proxy at
`/openapi.json` and `/v1/openapi.json`. `make openapi` regenerates them all; a test fails
when the code and a committed document differ (the open-zaak practice).

    python -m inburgering_shared.openapi_documents write|check [--root DIR]
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .openapi import CONTACT, SERVERS, openapi_json_path, rename_schema_refs
from .system import SERVICES, ServiceSpec

ROOT = Path(__file__).resolve().parents[3]
COMBINED = Path("deploy/proxy/openapi.json")
TITLE = "Inburgering API (alle services)"
DESCRIPTION = (
    "Alle services achter één origin: na de versie begint elk pad met de naam van de service "
    "(`/v1/intake/...`, `/v1/pip/...`). Gegenereerd met `make openapi`."
)


def proxy_prefix(spec: ServiceSpec) -> str:
    """Where the reverse proxy (deploy/proxy/nginx.conf) mounts a service."""
    return f"/{spec.name}"


def committed_path(spec: ServiceSpec) -> Path:
    return Path("services") / spec.name / "openapi.json"


@contextmanager
def _documentation_environment() -> Iterator[None]:
    """Building an app needs an auth setting; the document does not depend on its value."""
    present = "AUTH_JWT_SECRET" in os.environ or "AUTH_JWKS_URL" in os.environ
    if not present:
        os.environ["AUTH_JWT_SECRET"] = "only-to-build-the-openapi-document"
    try:
        yield
    finally:
        if not present:
            del os.environ["AUTH_JWT_SECRET"]


def service_document(spec: ServiceSpec) -> dict[str, Any]:
    """The document the service serves at /openapi.json, built from its code."""
    config = importlib.import_module(f"{spec.package}.config")
    main = importlib.import_module(f"{spec.package}.main")
    with _documentation_environment():
        app = main.create_app(config.Settings(database_url="sqlite://"))
        document: dict[str, Any] = app.openapi()
    return document


def combined_document(documents: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One document with every service's paths under its proxy prefix.

    A schema every service defines alike (Problem, InvalidParam) is kept once;
    one that differs between services is renamed `<Service><Name>` in the
    services that define it differently from the first.
    """
    combined: dict[str, Any] = {
        "openapi": next(iter(documents.values()))["openapi"],
        "info": {"title": TITLE, "description": DESCRIPTION, "version": "1.0.0", "contact": CONTACT},
        "servers": SERVERS,
        "paths": {"/openapi.json": openapi_json_path()},
        "components": {"schemas": {}, "headers": {}, "securitySchemes": {}},
        "tags": [{"name": "openapi", "description": "Het OpenAPI-document"}],
    }
    components = combined["components"]
    for spec in SERVICES:
        document = documents[spec.name]
        schemas = document.get("components", {}).get("schemas", {})
        renames = {
            name: spec.name.capitalize() + name
            for name, schema in schemas.items()
            if name in components["schemas"] and components["schemas"][name] != schema
        }
        document = rename_schema_refs(document, renames)
        for name, schema in document.get("components", {}).get("schemas", {}).items():
            components["schemas"][renames.get(name, name)] = schema
        components["headers"].update(document.get("components", {}).get("headers", {}))
        components["securitySchemes"].update(document.get("components", {}).get("securitySchemes", {}))
        combined["tags"].append({"name": spec.name, "description": document["info"]["title"]})
        for path, item in document["paths"].items():
            for operation in item.values():
                operation["tags"] = [spec.name]
                operation["operationId"] = f"{spec.name}_{operation['operationId']}"
            combined["paths"][proxy_prefix(spec) + path] = item
    return combined


def rendered(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def expected_files() -> dict[Path, str]:
    """Every committed document and the text the code makes of it now."""
    documents = {spec.name: service_document(spec) for spec in SERVICES}
    files = {committed_path(spec): rendered(documents[spec.name]) for spec in SERVICES}
    files[COMBINED] = rendered(combined_document(documents))
    return files


def stale_files(root: Path = ROOT) -> list[Path]:
    return [
        path
        for path, text in expected_files().items()
        if not (root / path).exists() or (root / path).read_text() != text
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("action", choices=["write", "check"])
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    if args.action == "write":
        for path, text in expected_files().items():
            (args.root / path).write_text(text)
            print(f"wrote {path}")
        return 0
    stale = stale_files(args.root)
    for path in stale:
        print(f"{path} differs from the code; run `make openapi`", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
