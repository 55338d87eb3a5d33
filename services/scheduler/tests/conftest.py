"""Service tests of the scheduler: the API over HTTP and the worker's jobs, on both databases.

Jobs run in the test's rolled-back transaction (the same one the API client
sees); pip's deadlines and intake's dossiers come from a contract-shaped double.
"""

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))  # pytest runs with --import-mode=importlib

from inburgering_shared.http import ServiceClient
from inburgering_shared.outbox import Outbox
from inburgering_shared.testing import DatabaseBackend, migrated_app, rollback_client
from scheduler_owners_double import PIP, Owners
from scheduler_service.config import Settings
from scheduler_service.db import OUTBOX_TABLES
from scheduler_service.jobs.models import JobRun
from scheduler_service.jobs.result import Resultaat
from scheduler_service.jobs.runner import Job, run_job
from scheduler_service.main import create_app
from scheduler_service.worker import build_jobs

ALEMBIC_INI = Path(__file__).parents[1] / "alembic.ini"
SETTINGS = dict(deadline_sources=[PIP], dispatcher_enabled=False, public_url="http://scheduler.test")


@pytest.fixture(scope="session")
def app(database_backend: DatabaseBackend) -> FastAPI:
    return migrated_app(
        database_backend,
        "scheduler",
        ALEMBIC_INI,
        lambda url: create_app(Settings(database_url=url, **SETTINGS)),  # type: ignore[arg-type]
    )


@pytest.fixture
def owners() -> Owners:
    return Owners()


@pytest.fixture
def client(app: FastAPI, owners: Owners) -> Iterator[TestClient]:
    with rollback_client(app) as test_client:
        app.state.service_client = ServiceClient(lambda: "t", transport=httpx.MockTransport(owners.handle))
        yield test_client


@dataclass
class Worker:
    """Runs the worker's jobs as of a given Amsterdam date, in the test's transaction."""

    app: FastAPI
    owners: Owners

    def jobs(self, vandaag: date, **settings: object) -> dict[str, Job]:
        services = ServiceClient(lambda: "t", transport=httpx.MockTransport(self.owners.handle))
        config = Settings(database_url="sqlite://", **{**SETTINGS, **settings})  # type: ignore[arg-type]
        return build_jobs(config, services, Outbox(OUTBOX_TABLES, []), vandaag=lambda: vandaag)

    def run(self, job: str, vandaag: date, **settings: object) -> Resultaat:
        factory: Callable = self.app.state.session_factory
        with factory() as session, session.begin():
            return self.jobs(vandaag, **settings)[job](session)

    def run_recorded(self, job: str, vandaag: date) -> JobRun | None:
        """As the worker does: on the leading replica only, with the run recorded."""
        return run_job(
            self.app.state.session_factory,
            job,
            self.jobs(vandaag)[job],
            replica="test",
            lease=timedelta(seconds=60),
        )


@pytest.fixture
def worker(app: FastAPI, owners: Owners, client: TestClient) -> Worker:
    return Worker(app, owners)
