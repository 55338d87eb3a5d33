from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from inburgering_shared.api import DbSession
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from inburgering_shared.problems import problem_responses

from ..scope import Monitoring, ReportScope
from . import service
from .schemas import KpiRapport, LeerrouteVerdeling

router = APIRouter(tags=["kpis"])


@router.get("/leerroute-verdeling", response_model=LeerrouteVerdeling)
def leerroute_verdeling(
    principal: Monitoring,
    session: DbSession,
    gemeentecode: Annotated[str, Query(pattern=GEMEENTECODE_PATTERN)],
) -> LeerrouteVerdeling:
    """How many dossiers of a gemeente follow each leerroute (and how many have no PIP yet)."""
    principal.check_gemeente(gemeentecode)
    return service.leerroute_verdeling(session, gemeentecode=gemeentecode)


@router.get("/kpis", response_model=KpiRapport, responses=problem_responses(403, 404))
def kpi_rapport(scope: ReportScope, session: DbSession, request: Request) -> KpiRapport:
    """The KPIs of a gemeente (`gemeentecode`) or a region (`regio`) over a period [van, tot)."""
    return service.kpi_rapport(
        session, scope=scope, vandaag=date.today(), eigen=eigen_verdeling(request, scope)
    )


def eigen_verdeling(request: Request, scope: ReportScope) -> dict[str, int]:
    """The expected split of the gemeente or region itself (setting by code, "*" for the rest)."""
    settings = request.app.state.settings.eigen_verdeling
    verdeling: dict[str, int] = settings.get(scope.code, settings.get("*", {}))
    return verdeling
