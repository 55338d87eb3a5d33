from typing import Annotated

from fastapi import APIRouter, Depends, Query

from inburgering_shared.api import DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN

from . import service
from .schemas import LeerrouteVerdeling

router = APIRouter(tags=["kpis"])

Monitoring = Annotated[Principal, Depends(require(*CASEWORK, Role.BELEID))]


@router.get("/leerroute-verdeling", response_model=LeerrouteVerdeling)
def leerroute_verdeling(
    principal: Monitoring,
    session: DbSession,
    gemeentecode: Annotated[str, Query(pattern=GEMEENTECODE_PATTERN)],
) -> LeerrouteVerdeling:
    """How many dossiers of a gemeente follow each leerroute (and how many have no PIP yet)."""
    principal.check_gemeente(gemeentecode)
    return service.leerroute_verdeling(session, gemeentecode=gemeentecode)
