"""The pip service application."""

from fastapi import FastAPI
from inburgering_shared.api import create_service_app
from inburgering_shared.callbacks import callback_router
from inburgering_shared.contracts.events import Kanaal
from inburgering_shared.deadlines import deadline_router
from inburgering_shared.outbox import Outbox

from .aanbod.router import router as aanbod_router
from .beschikking.router import router as beschikking_router
from .bezwaren.router import router as bezwaren_router
from .concept.service import verwerk_brede_intake
from .config import Settings
from .db import BEWAARTERMIJNEN, INBOX, OUTBOX_TABLES
from .deadlines.models import Deadline
from .instellingen.router import router as instellingen_router
from .pips.router import router as pips_router
from .pips.service import verwerk_duo_dossier, verwerk_inburgeraar, verwerk_voortgang

VERSION = "1.1.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    return create_service_app(
        name="pip",
        title="PIP API",
        description="Het Persoonlijk Plan Inburgering en Participatie als beschikking, met de PIP-termijn.",
        version=VERSION,
        settings=settings,
        routers=[
            pips_router,
            bezwaren_router,
            beschikking_router,
            aanbod_router,
            instellingen_router,
            deadline_router(Deadline),
            callback_router(
                INBOX,
                {
                    Kanaal.INBURGERAARS: verwerk_inburgeraar,
                    Kanaal.BREDE_INTAKES: verwerk_brede_intake,
                    Kanaal.DUO_DOSSIERS: verwerk_duo_dossier,
                    Kanaal.TRAJECTEN: verwerk_voortgang,
                },
            ),
        ],
        outbox=Outbox(OUTBOX_TABLES, settings.abonnementen),
        bewaartermijnen=BEWAARTERMIJNEN,
    )
