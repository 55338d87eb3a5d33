"""The trajectory service application."""

from fastapi import FastAPI

from inburgering_shared.api import create_service_app
from inburgering_shared.callbacks import callback_router
from inburgering_shared.contracts.events import Kanaal
from inburgering_shared.deadlines import deadline_router
from inburgering_shared.outbox import Outbox

from .config import Settings
from .db import INBOX, OUTBOX_TABLES
from .deadlines.models import Deadline
from .trajecten.router import router as trajecten_router
from .trajecten.service import verwerk_pip

VERSION = "1.0.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    return create_service_app(
        name="trajectory",
        title="Traject API",
        description="Voortgang per onderdeel, termijnen, handhaving en de uitwisseling met DUO.",
        version=VERSION,
        settings=settings,
        routers=[
            trajecten_router,
            deadline_router(Deadline),
            callback_router(INBOX, {Kanaal.PIPS: verwerk_pip}),
        ],
        outbox=Outbox(OUTBOX_TABLES, settings.abonnementen),
    )
