"""App factory: `uvicorn duo_simulator.main:create_app --factory --port 8090`."""

import os

import httpx
from fastapi import FastAPI

from duo_simulator import control
from duo_simulator.identiteit import identiteit
from duo_simulator.routes import (
    contactpersoon,
    examen,
    gevolgde_uren,
    inburgeringsaanbod,
    inburgeringsplicht,
    inburgeringstermijn,
    leerbaarheidstoets,
    map_pvt_zroute,
    ontheffing,
    pip,
    vrijstelling,
)
from duo_simulator.state import SimulatorState

BASISPAD = "/v1"
DUO_APIS = (
    inburgeringsplicht,
    inburgeringstermijn,
    leerbaarheidstoets,
    vrijstelling,
    ontheffing,
    examen,
    pip,
    map_pvt_zroute,
    gevolgde_uren,
    contactpersoon,
    inburgeringsaanbod,
)
# Placeholder OIN for the simulated DUO as sender of notifications; set DUO_SIMULATOR_OIN to a real one.
STANDAARD_DUO_OIN = "00000000000000000000"


def create_app(
    *, duo_oin: str | None = None, notificatie_transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """DUO's APIs under /v1 (README: base path is the major version) and the control API under /simulator.

    `notificatie_transport` lets tests deliver notifications to an in-process gemeente app.
    """
    app = FastAPI(title="DUO simulator (inburgering M2M)", version="0.1.0", redirect_slashes=False)
    app.state.simulator = SimulatorState()
    app.state.duo_oin = duo_oin or os.environ.get("DUO_SIMULATOR_OIN", STANDAARD_DUO_OIN)
    app.state.notificatie_transport = notificatie_transport
    app.state.identiteit = identiteit(app.state.duo_oin)
    for api in DUO_APIS:
        app.include_router(api.router, prefix=BASISPAD)
    app.include_router(control.router)
    return app
