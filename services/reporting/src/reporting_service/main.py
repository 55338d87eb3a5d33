"""The reporting service application."""

from fastapi import FastAPI
from inburgering_shared.api import create_service_app
from inburgering_shared.callbacks import callback_router
from inburgering_shared.contracts.reporting_inputs import KANALEN

from .aanbieders.router import router as aanbieders_router
from .budget.router import router as budget_router
from .cbs.router import router as cbs_router
from .config import Settings
from .dashboard import aanmelden
from .dashboard.router import router as dashboard_router
from .db import BEWAARTERMIJNEN, INBOX
from .kpis.router import router as kpis_router
from .readmodel.events import project
from .readmodel.router import router as readmodel_router
from .regios.router import router as regios_router

VERSION = "1.1.0"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = create_service_app(
        name="reporting",
        title="Rapportage API",
        description="Monitoring per gemeente en regio, de CBS-kwartaallevering, budget en aanbieders.",
        version=VERSION,
        settings=settings,
        routers=[
            kpis_router,
            regios_router,
            cbs_router,
            budget_router,
            aanbieders_router,
            dashboard_router,
            readmodel_router,
            callback_router(INBOX, dict.fromkeys(KANALEN, project)),
        ],
        bewaartermijnen=BEWAARTERMIJNEN,
    )
    if settings.dev_sign_in:
        aanmelden.enable(app)
    return app
