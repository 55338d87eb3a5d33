"""Idempotency-Key on every POST (inburgering_shared.idempotency), through the intake service."""

from fastapi import FastAPI
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.testing import TokenFactory, rollback_client
from security_testkit import OWN, persoon

_bsns = bsn_numbers(224_000_000)


def test_same_key_same_body_gives_the_same_answer_once(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    with rollback_client(service_apps["intake"]) as intake:
        headers = {**auth_headers("klantmanager", gemeente=OWN), "Idempotency-Key": "registratie-1"}
        body = persoon(next(_bsns))
        first = intake.post("/v1/inburgeraars", json=body, headers=headers)
        again = intake.post("/v1/inburgeraars", json=body, headers=headers)
        assert first.status_code == 201, first.text
        assert (again.status_code, again.json()) == (201, first.json())
        assert again.headers["location"] == first.headers["location"]
        assert again.headers["idempotent-replayed"] == "true"
        assert "idempotent-replayed" not in first.headers
        listed = intake.get("/v1/inburgeraars", headers=auth_headers("klantmanager", gemeente=OWN)).json()
        assert listed["count"] == 1


def test_same_key_other_body_is_refused_with_422(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    with rollback_client(service_apps["intake"]) as intake:
        headers = {**auth_headers("klantmanager", gemeente=OWN), "Idempotency-Key": "registratie-2"}
        assert intake.post("/v1/inburgeraars", json=persoon(next(_bsns)), headers=headers).status_code == 201
        other = intake.post("/v1/inburgeraars", json=persoon(next(_bsns)), headers=headers)
        assert other.status_code == 422
        assert other.json()["code"] == "idempotency-key-hergebruikt"
        listed = intake.get("/v1/inburgeraars", headers=auth_headers("klantmanager", gemeente=OWN)).json()
        assert listed["count"] == 1


def test_keys_are_per_calling_system_and_a_failed_request_frees_its_key(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    with rollback_client(service_apps["intake"]) as intake:
        body = persoon(next(_bsns))
        mine = {**auth_headers("klantmanager", gemeente=OWN, client_id="a"), "Idempotency-Key": "k"}
        theirs = {**auth_headers("klantmanager", gemeente=OWN, client_id="b"), "Idempotency-Key": "k"}
        refused = intake.post("/v1/inburgeraars", json={**body, "bsn": "123456789"}, headers=mine)
        assert refused.status_code == 400
        assert intake.post("/v1/inburgeraars", json=body, headers=mine).status_code == 201
        other_system = intake.post("/v1/inburgeraars", json=body, headers=theirs)
        assert other_system.status_code == 200  # ran (the dossier existed), not replayed
        assert "idempotent-replayed" not in other_system.headers


def test_a_malformed_key_is_400(service_apps: dict[str, FastAPI], auth_headers: TokenFactory) -> None:
    with rollback_client(service_apps["intake"]) as intake:
        headers = {**auth_headers("klantmanager", gemeente=OWN), "Idempotency-Key": "x" * 256}
        response = intake.post("/v1/inburgeraars", json=persoon(next(_bsns)), headers=headers)
        assert response.status_code == 400
        assert response.json()["invalidParams"][0]["name"] == "Idempotency-Key"
