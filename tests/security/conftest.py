"""Every service's app on one database backend, for the cross-cutting security tests."""

import sys
from pathlib import Path

import pytest
from fastapi import FastAPI
from inburgering_shared.testing import DatabaseBackend

sys.path.insert(0, str(Path(__file__).resolve().parent))

from security_testkit import SERVICE_NAMES, build_app


@pytest.fixture(scope="session")
def service_apps(database_backend: DatabaseBackend) -> dict[str, FastAPI]:
    """Each service on its own migrated database, dispatcher off; tests use `rollback_client`."""
    return {name: build_app(database_backend, name) for name in SERVICE_NAMES}
