"""The trajectory service application."""

from fastapi import FastAPI
from inburgering_shared.api import create_service_app
from inburgering_shared.callbacks import callback_router
from inburgering_shared.contracts.events import Kanaal
from inburgering_shared.deadlines import deadline_router
from inburgering_shared.outbox import Outbox

from .bijstand.router import router as bijstand_router
from .componenten.router import router as componenten_router
from .config import Settings
from .db import BEWAARTERMIJNEN, INBOX, OUTBOX_TABLES
from .deadlines.models import Deadline
from .duo.metrics import DUO_GAUGES
from .duo.router import router as duo_router
from .duo.sync import DuoSync, create_sync
from .handhaving.router import router as handhaving_router
from .rapportage.router import router as rapportage_router
from .rapportage.router import uitstroom_router
from .trajecten.router import router as trajecten_router
from .trajecten.service import verwerk_pip
from .uren.router import router as uren_router
from .verhuizing.events import verwerk_inburgeraar
from .voortgang.router import router as voortgang_router

VERSION = "1.0.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    def duo_sync(app: FastAPI) -> DuoSync | None:
        return create_sync(app, settings) if settings.duo_sync_enabled and settings.duo_base_url else None

    return create_service_app(
        name="trajectory",
        title="Traject API",
        description="Voortgang per onderdeel, termijnen, handhaving en de uitwisseling met DUO.",
        version=VERSION,
        settings=settings,
        routers=[
            trajecten_router,
            componenten_router,
            bijstand_router,
            voortgang_router,
            uren_router,
            handhaving_router,
            uitstroom_router,
            rapportage_router,
            duo_router,
            deadline_router(Deadline),
            callback_router(
                INBOX,
                {
                    Kanaal.PIPS: lambda context, n: verwerk_pip(context, n, settings),
                    Kanaal.INBURGERAARS: verwerk_inburgeraar,
                },
            ),
        ],
        outbox=Outbox(OUTBOX_TABLES, settings.abonnementen),
        workers=[duo_sync],
        gauges=DUO_GAUGES,
        bewaartermijnen=BEWAARTERMIJNEN,
    )
