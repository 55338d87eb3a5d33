"""Every edit of a resource people change requires If-Match (lost updates impossible, issue 8 item 6).

Read from every service's OpenAPI document: each PUT and PATCH declares the
If-Match header and its 412 and 428 answers. The threaded proof that a stale
ETag loses is tests/e2e/test_security_e2e.py.
"""

import pytest
from fastapi import FastAPI
from security_testkit import SERVICE_NAMES

# Edits without If-Match, each with the reason no concurrent change can be lost.
WITHOUT_IF_MATCH: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_every_put_and_patch_requires_if_match(service_apps: dict[str, FastAPI], service: str) -> None:
    missing = []
    for path, item in service_apps[service].openapi()["paths"].items():
        for method, operation in item.items():
            name = f"{method.upper()} {path}"
            if method not in ("put", "patch") or (service, name) in WITHOUT_IF_MATCH:
                continue
            headers = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
            if "If-Match" not in headers or not {"412", "428"} <= set(operation["responses"]):
                missing.append(name)
    assert missing == [], f"{service}: declare If-Match with 412/428 (inburgering_shared.etag) on {missing}"
