"""The intake service application."""

from fastapi import FastAPI

from inburgering_shared.api import create_service_app
from inburgering_shared.outbox import Outbox

from .coa.router import router as coa_router
from .config import Settings
from .db import OUTBOX_TABLES
from .inburgeraars.router import router as inburgeraars_router

VERSION = "1.0.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    return create_service_app(
        name="intake",
        title="Intake API",
        description="Inburgeraars, partneroverdrachten (COA, VluchtelingenWerk), brede intake en leerbaarheidstoets.",
        version=VERSION,
        settings=settings,
        routers=[inburgeraars_router, coa_router],
        outbox=Outbox(OUTBOX_TABLES, settings.abonnementen),
    )
