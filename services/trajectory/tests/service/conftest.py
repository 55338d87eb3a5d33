"""Service tests of trajectory over HTTP, on both databases. Pip is answered by a contract-shaped double;
DUO is the DUO simulator in-process (the one external system here), reached by the real DuoClient.

The real pip, intake and simulator answer in the end-to-end test (tests/e2e), over real HTTP.
"""

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from duo_simulator.main import create_app as create_simulator
from duo_testkit import DUO_OIN, GEMEENTE_OIN, InProcesTransport
from fastapi import FastAPI
from fastapi.testclient import TestClient
from inburgering_shared.http import ServiceClient
from inburgering_shared.testing import DatabaseBackend, migrated_app, rollback_client
from trajectory_service.clients.duo import DuoClient
from trajectory_service.config import Settings
from trajectory_service.duo.sync import DuoSync
from trajectory_service.main import create_app

ALEMBIC_INI = Path(__file__).parents[2] / "alembic.ini"
PIPS = "http://pip.test/v1/pips/"
INTAKE = "http://intake.test/v1/inburgeraars/"
VANDAAG = date(2026, 11, 23)


@pytest.fixture(scope="session")
def app(database_backend: DatabaseBackend) -> FastAPI:
    return migrated_app(
        database_backend,
        "trajectory",
        ALEMBIC_INI,
        lambda url: create_app(
            Settings(
                database_url=url,
                dispatcher_enabled=False,
                duo_sync_enabled=False,
                duo_base_url="http://duo.test/v1",
                duo_oin=DUO_OIN,
                duo_gemeente_oins={"GM0171": GEMEENTE_OIN},
                duo_max_backoff_seconds=60,
                boete_maximum={"GM0171": 300},
            )
        ),
    )


class PipDouble:
    def __init__(self) -> None:
        self.pips: dict[str, dict[str, object]] = {}

    def add(self, inburgeraar: str, **fields: object) -> str:
        ident = str(uuid.uuid4())
        url = PIPS + ident
        self.pips[url] = {
            "url": url,
            "uuid": ident,
            "inburgeraar": inburgeraar,
            "gemeentecode": "GM0171",
            "status": "vastgesteld",
            "leerroute": "B1-route",
            "dagtekening": "2026-01-15",
            "versie": 1,
            **fields,
        }
        return url

    def handle(self, request: httpx.Request) -> httpx.Response:
        body = self.pips.get(str(request.url))
        return httpx.Response(200, json=body) if body else httpx.Response(404, json={})


@pytest.fixture
def pips() -> PipDouble:
    return PipDouble()


@pytest.fixture
def client(app: FastAPI, pips: PipDouble) -> Iterator[TestClient]:
    with rollback_client(app) as test_client:
        app.state.service_client = ServiceClient(lambda: "t", transport=httpx.MockTransport(pips.handle))
        yield test_client


class Duo:
    """The simulator in-process, its control API, and the sync of the app under test wired to it."""

    def __init__(self, app: FastAPI) -> None:
        self.simulator = create_simulator(duo_oin=DUO_OIN)
        self.transport = InProcesTransport(self.simulator)
        self.beheer = TestClient(self.simulator)
        self.beheer.put("/simulator/vandaag", json={"datum": VANDAAG.isoformat()})
        self.inburgeraars: dict[str, str] = {}
        self.verhuizingen: list[tuple[str, str, date, str]] = []
        self.sync = DuoSync(
            session_factory=lambda: app.state.session_factory,
            settings=app.state.settings,
            outbox=app.state.outbox,
            client_voor=self.client,
            koppel=lambda code, bsn: self.inburgeraars.get(bsn),
            verhuis=self.verhuis,
            vandaag=lambda: VANDAAG,
        )

    def verhuis(self, gemeentecode: str, bsn: str, datum: date, gebeurtenis_id: str) -> str:
        """Intake's POST /v1/verhuizingen: records the call; the dossier is found here afterwards."""
        self.verhuizingen.append((gemeentecode, bsn, datum, gebeurtenis_id))
        return "dossier verhuisd naar deze gemeente"

    def client(self, gemeentecode: str) -> DuoClient:
        return DuoClient(
            "http://duo.test/v1",
            GEMEENTE_OIN,
            DUO_OIN,
            transport=self.transport,
            max_pogingen=1,
            slaap=lambda _: None,
        )


@pytest.fixture
def duo(app: FastAPI, client: TestClient) -> Iterator[Duo]:
    """The simulator; the app's own DUO reads (the historie) go to it too."""
    simulator = Duo(app)
    app.state.duo_client_voor = simulator.client
    yield simulator
    app.state.duo_client_voor = None
