"""The reporting service application."""

from fastapi import FastAPI

from inburgering_shared.api import create_service_app
from inburgering_shared.callbacks import callback_router
from inburgering_shared.contracts.events import Kanaal

from .config import Settings
from .db import INBOX
from .kpis.projections import project_inburgeraar, project_pip
from .kpis.router import router as kpis_router

VERSION = "1.0.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    return create_service_app(
        name="reporting",
        title="Rapportage API",
        description="Monitoring per gemeente en regio, de CBS-kwartaallevering, budget en aanbieders.",
        version=VERSION,
        settings=settings,
        routers=[
            kpis_router,
            callback_router(INBOX, {Kanaal.INBURGERAARS: project_inburgeraar, Kanaal.PIPS: project_pip}),
        ],
    )
