"""The intake service application."""

from fastapi import FastAPI
from inburgering_shared.api import create_service_app
from inburgering_shared.outbox import Outbox

from .brede_intake.router import router as brede_intake_router
from .coa.router import router as coa_router
from .config import Settings
from .db import BEWAARTERMIJNEN, OUTBOX_TABLES
from .inburgeraars.router import router as inburgeraars_router
from .inburgeraars.router import verhuizingen_router
from .toestemmingen.router import router as toestemmingen_router
from .vluchtelingenwerk.router import router as vluchtelingenwerk_router

VERSION = "1.0.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    return create_service_app(
        name="intake",
        title="Intake API",
        description="Inburgeraars, overdrachten (COA, VluchtelingenWerk), brede intake, leerbaarheidstoets.",
        version=VERSION,
        settings=settings,
        routers=[
            inburgeraars_router,
            verhuizingen_router,
            toestemmingen_router,
            coa_router,
            vluchtelingenwerk_router,
            brede_intake_router,
        ],
        outbox=Outbox(OUTBOX_TABLES, settings.abonnementen),
        bewaartermijnen=BEWAARTERMIJNEN,
    )
