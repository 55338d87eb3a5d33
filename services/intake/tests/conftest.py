import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.testing import DatabaseBackend, migrated_app, rollback_client
from intake_service.config import Settings
from intake_service.main import create_app

sys.path.insert(0, str(Path(__file__).resolve().parent))  # intake_testkit

ALEMBIC_INI = Path(__file__).parents[1] / "alembic.ini"


@pytest.fixture(scope="session")
def app(database_backend: DatabaseBackend) -> FastAPI:
    return migrated_app(
        database_backend,
        "intake",
        ALEMBIC_INI,
        lambda url: create_app(Settings(database_url=url, dispatcher_enabled=False)),
    )


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with rollback_client(app) as test_client:
        yield test_client


_bsns = bsn_numbers(111_000_000)


@pytest.fixture
def bsn() -> str:
    return next(_bsns)
