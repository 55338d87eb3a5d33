"""The audit trail every service keeps (inburgering_shared.audit): reads and writes, per dossier, no BSN."""

import logging

import pytest
from fastapi import FastAPI
from inburgering_shared.audit import AUDITTRAIL
from inburgering_shared.bsn import bsn_numbers, mask_bsns
from inburgering_shared.logging import JsonFormatter
from inburgering_shared.testing import TokenFactory, rollback_client
from security_testkit import OWN, SERVICE_NAMES, persoon, seed_dossier
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError


def test_reads_and_writes_of_a_dossier_are_recorded_with_who_and_why(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    with rollback_client(service_apps["intake"]) as intake:
        seeded = seed_dossier(intake, auth_headers)
        dossier = intake.get(
            f"/v1/inburgeraars/{seeded.ids['inburgeraarId']}",
            headers={**auth_headers("teamleider", gemeente=OWN), "X-Audit-Toelichting": "bezwaar"},
        )
        url = dossier.json()["url"]
        trail = intake.get(
            "/v1/audittrail", params={"hoofdObject": url}, headers=auth_headers("teamleider", gemeente=OWN)
        )
        assert trail.status_code == 200, trail.text
        regels = trail.json()["results"]
        acties = sorted(r["actie"] for r in regels)
        assert acties == ["aanmaken", "aanmaken", "lezen"], regels  # registered, brede intake, read
        read = next(r for r in regels if r["actie"] == "lezen")
        assert (read["applicatieId"], read["gebruikersId"], read["gebruikersWeergave"]) == (
            "test",
            "tester",
            "Tester",
        )
        assert (read["namens"], read["gemeentecode"], read["resultaat"], read["toelichting"]) == (
            OWN,
            OWN,
            200,
            "bezwaar",
        )
        assert read["resourceUrl"] == f"/v1/inburgeraars/{seeded.ids['inburgeraarId']}"
        foreign = intake.get(
            "/v1/audittrail",
            params={"hoofdObject": url},
            headers=auth_headers("teamleider", gemeente="GM0363"),
        )
        assert foreign.json()["count"] == 0


def test_refusals_and_searches_are_recorded_and_no_bsn_is_stored(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    bsn = next(bsn_numbers(223_000_000))
    with rollback_client(service_apps["intake"]) as intake:
        km = auth_headers("klantmanager", gemeente=OWN)
        intake.post("/v1/inburgeraars", json=persoon(bsn), headers=km)
        intake.post(
            "/v1/inburgeraars/zoeken", json={"bsn": bsn}, headers={**km, "X-Audit-Toelichting": f"bsn {bsn}"}
        )
        intake.get("/v1/inburgeraars", headers=auth_headers("coa", gemeente=OWN))
        with service_apps["intake"].state.session_factory() as session:
            rows = session.execute(select(AUDITTRAIL)).all()
    assert {(r.actie, r.resultaat) for r in rows} >= {("aanmaken", 201), ("aanmaken", 200), ("lezen", 403)}
    assert bsn not in repr(rows)
    assert any(r.toelichting == "bsn [bsn]" for r in rows)


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_every_service_records_its_requests(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory, service: str
) -> None:
    app = service_apps[service]
    with rollback_client(app) as client:
        client.get(
            "/v1/audittrail", params={"hoofdObject": "x"}, headers=auth_headers("beheer", gemeente=OWN)
        )
        with app.state.session_factory() as session:
            rows = session.execute(
                select(AUDITTRAIL.c.bron, AUDITTRAIL.c.actie, AUDITTRAIL.c.resultaat)
            ).all()
    assert rows == [(service, "lezen", 200)]


def test_bsns_are_masked_and_other_numbers_kept() -> None:
    assert mask_bsns("dossier 111222333 en 123456789") == "dossier [bsn] en 123456789"


def test_a_database_error_names_no_value_of_the_statement(service_apps: dict[str, FastAPI]) -> None:
    """The log line of a failed statement (problems.py logs unhandled errors) holds neither the BSN
    nor the name: not as SQLAlchemy's parameters, not in PostgreSQL's "Failing row contains" DETAIL."""
    bsn, naam = next(bsn_numbers(227_000_000)), "Testnaam-Gevoelig"
    with service_apps["intake"].state.engine.connect() as connection, pytest.raises(DBAPIError) as failed:
        connection.execute(
            text("INSERT INTO inburgeraar (id, bsn, achternaam) VALUES (:id, :bsn, :naam)"),
            {"id": None, "bsn": bsn, "naam": naam},
        )
    error = (DBAPIError, failed.value, None)
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, "unhandled", None, error)
    line = JsonFormatter("intake").format(record)
    assert "inburgeraar" in line and bsn not in line and naam not in line, line
