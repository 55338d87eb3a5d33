"""Every integer and boolean of every request body takes only a JSON integer or boolean (issue 17).

FastAPI validates a parsed body in pydantic's Python mode, which is lax: `true` passes for an
integer, `"5"` for an integer and `"true"` for a boolean, where the OpenAPI document says
`integer` or `boolean`. A field is strict when its core schema says so (`JaNee`, pydantic's
Strict types) or when a validator of `inburgering_shared.strict` (`GEHEEL`) stands before it.
The walk covers every operation's body model and the models the operations that read their body
themselves validate with; a new lax field fails here, named. Query and path parameters are text
by nature and parsed as before.

No text of a request (body, query or path) may hold U+0000, which PostgreSQL can neither store
nor compare with: the committed OpenAPI documents are walked for a text without a pattern that
excludes it (`inburgering_shared.strict.Tekst`); the behaviour is in test_request_guards.py.
"""

import json
import re
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.duo.modellen.notificatie import Notificatie
from inburgering_shared.testing import TokenFactory, rollback_client
from intake_service.coa.schemas import CoaOverdrachtCreate
from pydantic import BaseModel, Field, TypeAdapter
from security_testkit import OWN, persoon

STRICT_MODULE = "inburgering_shared.strict"
HAND_READ: dict[tuple[str, str, str], Any] = {
    # The body read by the operation itself, and what it validates it with.
    ("trajectory", "POST", "/v1/notificaties"): Notificatie,  # DUO's Notificatie as DUO's document has it
    ("intake", "POST", "/v1/coa-overdrachten/bulk"): CoaOverdrachtCreate,  # each handover on its own
}
_bsns = bsn_numbers(231_000_000)
SERVICES = Path(__file__).resolve().parents[2] / "services"


def lax_fields(schema: Mapping[str, Any]) -> list[str]:
    """`Model.field` of every int or bool in a pydantic core schema that takes a value of another
    JSON type (a boolean, a string) for it."""
    found: list[str] = []
    definitions: dict[str, Mapping[str, Any]] = {}
    seen: set[tuple[str, bool]] = set()

    def walk(node: Mapping[str, Any], where: str, strict: bool) -> None:
        kind = node["type"]
        if kind in ("int", "bool"):
            if not (strict or node.get("strict")):
                found.append(where)
            return
        if kind in ("function-before", "function-wrap"):
            own = getattr(node["function"]["function"], "__module__", "") == STRICT_MODULE
            walk(node["schema"], where, strict or own)
            return
        if kind == "definitions":
            definitions.update({d["ref"]: d for d in node["definitions"]})
        if kind == "definition-ref":
            if (node["schema_ref"], strict) not in seen:
                seen.add((node["schema_ref"], strict))
                walk(definitions[node["schema_ref"]], where, strict)
            return
        if kind == "model":
            where = node["cls"].__name__
            strict = strict or bool(node.get("strict") or node.get("config", {}).get("strict"))
        if kind in ("model-fields", "typed-dict"):
            for name, field in node["fields"].items():
                walk(field["schema"], f"{where}.{name}", strict)
            return
        for key in ("schema", "items_schema", "keys_schema", "values_schema"):
            if key in node:
                walk(node[key], where, strict)
        for choice in node.get("choices", ()):  # a tagged union's choices are a dict
            choice = node["choices"][choice] if isinstance(node["choices"], dict) else choice
            walk(choice[0] if isinstance(choice, tuple) else choice, where, strict)

    walk(schema, "body", strict=False)
    return found


def request_bodies(name: str, app: FastAPI) -> Iterator[tuple[str, Any]]:
    """Each operation's body type; an operation with a documented body FastAPI does not read
    must be in `HAND_READ`, so none escapes the walk."""
    document = app.openapi()["paths"]
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute):
            continue
        for method in sorted(route.methods):
            key = (name, method, context.path_format)
            if key in HAND_READ:
                yield f"{method} {context.path_format}", HAND_READ[key]
            elif route.body_field is not None:
                yield f"{method} {context.path_format}", route.body_field.field_info.annotation
            else:
                documented = document.get(context.path_format, {}).get(method.lower(), {})
                assert "requestBody" not in documented, f"{key}: a body read by hand, add it to HAND_READ"


def test_no_integer_or_boolean_of_a_request_body_is_lax(service_apps: dict[str, FastAPI]) -> None:
    lax = {
        f"{name} {operation}: {field}"
        for name, app in service_apps.items()
        for operation, body in request_bodies(name, app)
        for field in lax_fields(TypeAdapter(body).core_schema)
    }
    assert sorted(lax) == []


def test_the_walk_finds_a_lax_field_however_deep() -> None:
    class Binnen(BaseModel):
        aantal: int = Field(ge=0)
        klaar: bool | None = None

    class Buiten(BaseModel):
        binnen: list[Binnen]
        per_naam: dict[str, Binnen | None]

    assert sorted(lax_fields(TypeAdapter(Buiten).core_schema)) == ["Binnen.aantal", "Binnen.klaar"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tolkNodig", "true"),
        ("tolkNodig", 1),
        ("verblijfsadres.huisnummer", "5"),
        ("verblijfsadres.huisnummer", True),
    ],
)
def test_a_wrong_json_type_is_400_naming_the_field_and_stores_nothing(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory, field: str, value: object
) -> None:
    adres = {"straat": "Kerkstraat", "huisnummer": 5, "postcode": "8302 AB", "woonplaats": "Emmeloord"}
    body: dict[str, Any] = {**persoon(next(_bsns)), "tolkNodig": False, "verblijfsadres": adres}
    wrong = (
        {**body, "tolkNodig": value}
        if field == "tolkNodig"
        else {**body, "verblijfsadres": {**adres, "huisnummer": value}}
    )
    headers = auth_headers("klantmanager", gemeente=OWN)
    with rollback_client(service_apps["intake"]) as intake:
        answer = intake.post("/v1/inburgeraars", json=wrong, headers=headers)
        assert answer.status_code == 400, answer.text
        assert [p["name"] for p in answer.json()["invalidParams"]] == [field]
        assert intake.get("/v1/inburgeraars", headers=headers).json()["count"] == 0
        right = intake.post("/v1/inburgeraars", json=body, headers=headers)
        assert right.status_code == 201, right.text


def test_a_number_as_text_is_400_in_the_other_services_too(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    with rollback_client(service_apps["scheduler"]) as scheduler:
        answer = scheduler.put(
            f"/v1/instellingen/{OWN}",
            json={
                "horizonnen": {},
                "escalatie": {"teamleiderNaDagen": "5", "regisseurNaDagen": True},
                "teams": {},
            },
            headers=auth_headers("beheer", gemeente=OWN),
        )
        assert answer.status_code == 400, answer.text
        names = sorted(p["name"] for p in answer.json()["invalidParams"])
        assert names == ["escalatie.regisseurNaDagen", "escalatie.teamleiderNaDagen"], names
    with rollback_client(service_apps["trajectory"]) as trajectory:
        answer = trajectory.put(
            f"/v1/trajecten/{uuid.uuid4()}/uren/participatie/2026-11",
            json={"uren": "12"},
            headers=auth_headers("klantmanager", gemeente=OWN),
        )
        assert answer.status_code == 400, answer.text
        assert [p["name"] for p in answer.json()["invalidParams"]] == ["uren"]


def _refuses_nul(pattern: str | None) -> bool:
    return pattern is not None and not any(re.search(pattern, text) for text in ("\x00", "a\x00"))


def _nul_admitting(document: Mapping[str, Any]) -> list[str]:
    """Every text of a request (body, query, path) that the document lets hold U+0000."""
    schemas = document.get("components", {}).get("schemas", {})
    found: list[str] = []

    def walk(node: Mapping[str, Any], where: str, seen: frozenset[str]) -> None:
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name not in seen:
                walk(schemas[name], where, seen | {name})
            return
        for key in ("anyOf", "oneOf", "allOf"):
            for choice in node.get(key, ()):
                walk(choice, where, seen)
        free = node.get("type") == "string" and not {"enum", "const", "format"} & node.keys()
        if free and not _refuses_nul(node.get("pattern")):
            found.append(where)
        for name, child in node.get("properties", {}).items():
            walk(child, f"{where}.{name}", seen)
        if isinstance(node.get("additionalProperties"), Mapping):
            if "propertyNames" not in node:
                found.append(f"{where}.<key>")
            walk(node["additionalProperties"], f"{where}.<value>", seen)
        if "items" in node:
            walk(node["items"], f"{where}[]", seen)

    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", ()):
                if parameter["in"] in ("query", "path"):
                    walk(parameter["schema"], f"{method.upper()} {path} {parameter['name']}", frozenset())
            for content in operation.get("requestBody", {}).get("content", {}).values():
                walk(content["schema"], f"{method.upper()} {path} body", frozenset())
    return found


def test_no_text_of_a_request_may_hold_a_nul_character() -> None:
    admitting = [
        f"{document.parent.name} {where}"
        for document in sorted(SERVICES.glob("*/openapi.json"))
        for where in _nul_admitting(json.loads(document.read_text()))
    ]
    assert admitting == []
