"""Service tests of pip over HTTP; intake is answered by a contract-shaped double.

The real intake answers in the end-to-end test (tests/e2e), over real HTTP.
"""

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from inburgering_shared import voorbeeld_pip
from inburgering_shared.http import ServiceClient
from inburgering_shared.testing import DatabaseBackend, migrated_app, rollback_client
from pip_service.config import Settings
from pip_service.main import create_app

ALEMBIC_INI = Path(__file__).parents[2] / "alembic.ini"
INTAKE = "http://intake.test/v1/inburgeraars/"
BRIEFHOOFD = voorbeeld_pip.briefhoofd("Noordoostpolder")


class IntakeDouble:
    def __init__(self) -> None:
        self.dossiers: dict[str, dict[str, object]] = {}

    def add(self, ident: str, **fields: object) -> str:
        url = INTAKE + ident
        self.dossiers[url] = {
            "url": url,
            "uuid": ident,
            "gemeentecode": "GM0171",
            "doelgroep": "Asielstatushouder",
            "voornamen": "Amal",
            "achternaam": "Haddad",
            "verblijfsadres": voorbeeld_pip.ADRES,
            **fields,
        }
        return url

    def add_brede_intake(self, inburgeraar: str, **fields: object) -> str:
        ident = str(uuid.uuid4())
        url = "http://intake.test/v1/brede-intakes/" + ident
        self.dossiers[url] = {
            "url": url,
            "uuid": ident,
            "inburgeraar": inburgeraar,
            "gemeentecode": "GM0171",
            "status": "afgerond",
            "datumAfgerond": "2026-11-02",
            "doelgroep": "Asielstatushouder",
            "leeftijd": 24,
            "versie": 1,
            "leerbaarheidstoets": {
                "resultaat": "B1-route haalbaar",
                "behaaldeScore": "60",
                "benodigdeScore": "50",
            },
            "vooropleiding": "voortgezet onderwijs",
            "alfabetisering": "NVT",
            "wilVervolgonderwijs": True,
            "bijstand": True,
            **fields,
        }
        return url

    def add_duo_dossier(self, inburgeraar: str, **fields: object) -> str:
        """Trajectory's DUO dossier as pip reads it (DuoDossierContract)."""
        ident = str(uuid.uuid4())
        url = "http://trajectory.test/v1/duo-dossiers/" + ident
        self.dossiers[url] = {
            "url": url,
            "uuid": ident,
            "gemeentecode": "GM0171",
            "inburgeraar": inburgeraar,
            "pipKlokStart": None,
            **fields,
        }
        return url

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = self.dossiers.get(str(request.url))
        return httpx.Response(200, json=body) if body else httpx.Response(404, json={})


@pytest.fixture(scope="session")
def app(database_backend: DatabaseBackend) -> FastAPI:
    return migrated_app(
        database_backend,
        "pip",
        ALEMBIC_INI,
        lambda url: create_app(Settings(database_url=url, dispatcher_enabled=False)),
    )


@pytest.fixture
def intake() -> IntakeDouble:
    return IntakeDouble()


@pytest.fixture
def client(app: FastAPI, intake: IntakeDouble) -> Iterator[TestClient]:
    with rollback_client(app) as test_client:
        app.state.service_client = ServiceClient(lambda: "t", transport=httpx.MockTransport(intake.handle))
        yield test_client


def notificatie(
    url: str, event_id: str, actie: str = "create", kanaal: str = "inburgeraars", **kenmerken: str
) -> dict[str, object]:
    return json.loads(
        json.dumps(
            {
                "id": event_id,
                "kanaal": kanaal,
                "hoofdObject": url,
                "resource": kanaal.rstrip("s"),
                "resourceUrl": url,
                "actie": actie,
                "aanmaakdatum": "2026-11-01T10:00:00Z",
                "kenmerken": {"gemeentecode": "GM0171", **kenmerken},
            }
        )
    )


def receive(client, auth_headers, url, event_id=None, **kwargs):
    event_id = event_id or str(uuid.uuid4())
    return client.post(
        "/v1/callbacks",
        json=notificatie(url, event_id, **kwargs),
        headers=auth_headers("service", gemeente="*"),
    )


def concept_for(client, auth_headers, intake, brp="2026-10-01", **fields):
    url = intake.add(str(uuid.uuid4()), datumInschrijvingBrp=brp, **fields)
    assert receive(client, auth_headers, url).status_code == 204
    pips = client.get("/v1/pips?pageSize=100", headers=auth_headers("klantmanager")).json()["results"]
    return next(p for p in pips if p["inburgeraar"] == url)


def zet_briefhoofd(client, auth_headers, **briefhoofd):
    beheer = auth_headers("beheer")
    current = client.get("/v1/instellingen/GM0171", headers=beheer)
    body = {**current.json(), "briefhoofd": {**BRIEFHOOFD, **briefhoofd}}
    put = client.put(
        "/v1/instellingen/GM0171", json=body, headers={**beheer, "If-Match": current.headers["ETag"]}
    )
    assert put.status_code == 200, put.text


def maak_volledig(client, auth_headers, pip_uuid):
    """What a beschikking needs besides the leerroute: letterhead, klantmanager, components, a goal."""
    km = auth_headers("klantmanager")
    if client.get("/v1/instellingen/GM0171", headers=km).json()["briefhoofd"] is None:
        zet_briefhoofd(client, auth_headers)
    current = client.get(f"/v1/pips/{pip_uuid}", headers=km)
    inhoud = current.json()["inhoud"]
    wijziging: dict[str, object] = {"klantmanager": inhoud["klantmanager"] or voorbeeld_pip.KLANTMANAGER}
    if not inhoud["onderdelen"]:
        wijziging["onderdelen"] = [
            {"component": c, "aangeboden": True, "start": "2026-11-03"} for c in voorbeeld_pip.COMPONENTEN
        ]
    if not inhoud["doelen"]:
        wijziging["doelen"] = [voorbeeld_pip.DOEL]
    response = client.patch(
        f"/v1/pips/{pip_uuid}", json=wijziging, headers={**km, "If-Match": current.headers["ETag"]}
    )
    assert response.status_code == 200, response.text


def vaststellen(client, auth_headers, pip_uuid, body, etag=None):
    km = auth_headers("klantmanager")
    if etag is None:
        maak_volledig(client, auth_headers, pip_uuid)
    etag = etag or client.get(f"/v1/pips/{pip_uuid}", headers=km).headers["ETag"]
    return client.post(f"/v1/pips/{pip_uuid}/vaststellen", json=body, headers={**km, "If-Match": etag})
