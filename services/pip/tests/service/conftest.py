"""Service tests of pip over HTTP; intake is answered by a contract-shaped double.

The real intake answers in the end-to-end test (tests/e2e), over real HTTP.
"""

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from inburgering_shared.http import ServiceClient
from inburgering_shared.testing import DatabaseBackend, migrated_app, rollback_client
from pip_service.config import Settings
from pip_service.main import create_app

ALEMBIC_INI = Path(__file__).parents[2] / "alembic.ini"
INTAKE = "http://intake.test/v1/inburgeraars/"


class IntakeDouble:
    def __init__(self) -> None:
        self.dossiers: dict[str, dict[str, object]] = {}

    def add(self, ident: str, **fields: object) -> str:
        url = INTAKE + ident
        self.dossiers[url] = {"url": url, "uuid": ident, "gemeentecode": "GM0171",
                              "doelgroep": "Asielstatushouder", **fields}
        return url

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = self.dossiers.get(str(request.url))
        return httpx.Response(200, json=body) if body else httpx.Response(404, json={})


@pytest.fixture(scope="session")
def app(database_backend: DatabaseBackend) -> FastAPI:
    return migrated_app(
        database_backend, "pip", ALEMBIC_INI,
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


def notificatie(url: str, event_id: str, actie: str = "create") -> dict[str, object]:
    return json.loads(json.dumps({
        "id": event_id, "kanaal": "inburgeraars", "hoofdObject": url, "resource": "inburgeraar",
        "resourceUrl": url, "actie": actie, "aanmaakdatum": "2026-11-01T10:00:00Z",
        "kenmerken": {"gemeentecode": "GM0171"},
    }))
