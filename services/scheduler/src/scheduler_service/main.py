"""The scheduler service application (the API; the jobs run in `scheduler_service.worker`)."""

from fastapi import FastAPI

from inburgering_shared.api import create_service_app
from inburgering_shared.outbox import Outbox

from .config import Settings
from .db import OUTBOX_TABLES
from .jobs.models import JobRun, LeaderLease  # noqa: F401  (tables of the worker, migrated with the service)
from .signalen.router import router as signalen_router

VERSION = "1.0.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    return create_service_app(
        name="scheduler",
        title="Signalen API",
        description="Signalen uit de termijnen van pip en traject, met hun levensloop; de klok van het systeem.",
        version=VERSION,
        settings=settings,
        routers=[signalen_router],
        outbox=Outbox(OUTBOX_TABLES, settings.abonnementen),
    )
