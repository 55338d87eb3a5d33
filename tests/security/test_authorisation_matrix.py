"""The authorisation matrix (docs/authorisation.md) checked against every service's OpenAPI document.

Generated from the matrix: each endpoint is called without a token, with every
role of the own gemeente, and with every allowed role of a foreign gemeente
against records of the own gemeente (docs/authorisation.md lists what each call
must answer). An endpoint without a row fails, and so does a row without an endpoint.
"""

import json
import uuid
from contextlib import ExitStack
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from inburgering_shared.auth import Role
from inburgering_shared.authorisation_matrix import ALLOWED, Entry
from inburgering_shared.openapi_roles import roles_sentence
from inburgering_shared.problems import PROBLEM_JSON
from inburgering_shared.testing import TokenFactory, rollback_client
from security_testkit import FOREIGN, OWN, SERVICE_NAMES, matrix_entries, seed_dossier

ENTRIES = matrix_entries()
CHECKED = [
    pytest.param(entry, id=f"{entry.service} {entry.operation}")
    for entry in ENTRIES
    if not entry.by_certificate
]


def operations(app: FastAPI) -> dict[str, dict[str, Any]]:
    """Every operation that needs a token: the document itself is public (`security: []`)."""
    return {
        f"{method.upper()} {path}": operation
        for path, item in app.openapi()["paths"].items()
        for method, operation in item.items()
        if operation.get("security") != []
    }


def path_value(app: FastAPI, parameter: dict[str, Any], ids: dict[str, str]) -> str:
    schema = parameter["schema"]
    if "$ref" in schema:
        schema = app.openapi()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if "enum" in schema:
        return str(schema["enum"][0])
    if schema.get("format") == "uuid":
        return ids.get(parameter["name"], str(uuid.uuid4()))
    if "GM" in schema.get("pattern", ""):
        return OWN
    return "x"


def call(
    client: TestClient, app: FastAPI, entry: Entry, headers: dict[str, str], ids: dict[str, str] | None = None
) -> Any:
    operation = operations(app)[entry.operation]
    path = entry.path
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", path_value(app, parameter, ids or {}))
    body = {} if "requestBody" in operation else None
    return client.request(entry.method, "/v1" + path, json=body, headers=headers)


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_every_endpoint_has_a_matrix_row_and_every_row_an_endpoint(
    service_apps: dict[str, FastAPI], service: str
) -> None:
    documented = set(operations(service_apps[service]))
    in_matrix = {entry.operation for entry in ENTRIES if entry.service == service}
    assert documented - in_matrix == set(), f"add rows for these {service} endpoints to docs/authorisation.md"
    assert in_matrix - documented == set(), f"these rows of docs/authorisation.md name no {service} endpoint"


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_every_operation_states_the_roles_of_its_matrix_row(
    service_apps: dict[str, FastAPI], service: str
) -> None:
    documented = operations(service_apps[service])
    for entry in ENTRIES:
        if entry.service != service or entry.by_certificate:
            continue
        allowed = frozenset(role.value for role, cell in entry.cells.items() if cell == ALLOWED)
        description = documented[entry.operation].get("description", "")
        assert description.endswith(roles_sentence(allowed)), (entry.operation, description[-160:])


# Reporting's rebuild reads the owning services, which do not run in this test: its documented
# answer is 503 problem+json, all or nothing.
READS_OTHER_SERVICES = {("reporting", "POST /herbouw")}


def reads_other_services(entry: Entry, response: httpx.Response) -> bool:
    return (entry.service, entry.operation) in READS_OTHER_SERVICES and response.status_code == 503


@pytest.mark.parametrize("entry", CHECKED)
def test_each_role_gets_what_the_matrix_says(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory, entry: Entry
) -> None:
    """No token: 401; each role of the own gemeente: 403 where the matrix refuses, else no 401/403."""
    app = service_apps[entry.service]
    with rollback_client(app) as client:
        anonymous = call(client, app, entry, {})
        assert anonymous.status_code == 401, anonymous.text
        assert anonymous.headers["content-type"] == PROBLEM_JSON
        assert anonymous.headers["www-authenticate"] == "Bearer"
        for role in Role:
            response = call(
                client, app, entry, auth_headers(role, gemeente="*" if role is Role.SERVICE else OWN)
            )
            assert response.status_code < 500 or reads_other_services(entry, response), (role, response.text)
            if entry.allows(role):
                assert response.status_code not in (401, 403), (role, response.text)
            else:
                assert response.status_code == 403, (role, response.text)
                assert response.headers["content-type"] == PROBLEM_JSON


@pytest.mark.parametrize("entry", CHECKED)
def test_a_foreign_gemeente_neither_sees_nor_changes_own_records(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory, entry: Entry
) -> None:
    """Every allowed role (but `service`, which serves all gemeenten) with a token of another gemeente."""
    app = service_apps[entry.service]
    with rollback_client(service_apps["intake"]) as intake, ExitStack() as stack:
        client = intake if entry.service == "intake" else stack.enter_context(rollback_client(app))
        seeded = seed_dossier(intake, auth_headers)
        before = seeded.snapshot(intake, auth_headers)
        for role in Role:
            if role is Role.SERVICE or not entry.allows(role):
                continue
            response = call(client, app, entry, auth_headers(role, gemeente=FOREIGN), seeded.ids)
            assert response.status_code < 500 or reads_other_services(entry, response), (role, response.text)
            if 200 <= response.status_code < 300:
                leaked = [secret for secret in seeded.secrets if secret in response.text]
                assert leaked == [], f"{role} of {FOREIGN} saw {OWN} data: {json.dumps(leaked)}"
        assert seeded.snapshot(intake, auth_headers) == before
