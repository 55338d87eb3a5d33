"""The scheduler service application (the API; the jobs run in `scheduler_service.worker`)."""

from fastapi import FastAPI
from inburgering_shared.api import create_service_app
from inburgering_shared.callbacks import callback_router
from inburgering_shared.outbox import Outbox

from .config import Settings
from .db import BEWAARTERMIJNEN, INBOX, OUTBOX_TABLES
from .instellingen.router import router as instellingen_router
from .jobs.models import JobRun, LeaderLease  # noqa: F401  (tables of the worker, migrated with the service)
from .jobs.router import router as jobs_router
from .signalen.events import handlers
from .signalen.metrics import OPEN_SIGNALEN
from .signalen.router import router as signalen_router

VERSION = "1.0.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    return create_service_app(
        name="scheduler",
        title="Signalen API",
        description=(
            "Signalen uit de termijnen van pip en traject, met hun levensloop; de klok van het systeem."
        ),
        version=VERSION,
        settings=settings,
        routers=[
            signalen_router,
            instellingen_router,
            jobs_router,
            callback_router(INBOX, handlers(settings)),
        ],
        outbox=Outbox(OUTBOX_TABLES, settings.abonnementen),
        gauges=[OPEN_SIGNALEN],
        bewaartermijnen=BEWAARTERMIJNEN,
    )
