"""Service tests of reporting over HTTP; the owning services are answered by contract-shaped doubles.

The real intake, pip and trajectory answer in the end-to-end test (tests/e2e).
The app runs with the development sign-in on (as under `make run`), so the dashboard's browser test can
sign in; a bearer token works as ever.
This folder goes on sys.path for the fixed data set (reporting_dataset).
"""

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from inburgering_shared.http import ServiceClient
from inburgering_shared.testing import DatabaseBackend, TokenFactory, migrated_app, rollback_client

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reporting_dataset import BRONNEN, OwnersDouble
from reporting_service.config import Settings
from reporting_service.main import create_app

ALEMBIC_INI = Path(__file__).parents[1] / "alembic.ini"


@pytest.fixture(scope="session")
def app(database_backend: DatabaseBackend) -> FastAPI:
    return migrated_app(
        database_backend,
        "reporting",
        ALEMBIC_INI,
        lambda url: create_app(
            Settings(database_url=url, dispatcher_enabled=False, bronnen=BRONNEN, dev_sign_in=True)
        ),
    )


@pytest.fixture
def owners() -> OwnersDouble:
    return OwnersDouble()


@pytest.fixture
def client(app: FastAPI, owners: OwnersDouble) -> Iterator[TestClient]:
    with rollback_client(app) as test_client:
        app.state.service_client = ServiceClient(lambda: "t", transport=httpx.MockTransport(owners.handle))
        yield test_client


@pytest.fixture
def service_headers(auth_headers: TokenFactory) -> dict[str, str]:
    return auth_headers("service", gemeente="*", client_id="intake")
