from typing import Annotated

from fastapi import APIRouter, Depends, Request
from inburgering_shared.api import DbSession, Services
from inburgering_shared.auth import Principal, Role, require
from inburgering_shared.problems import problem_responses

from .rebuild import rebuild
from .schemas import Herbouw

router = APIRouter(tags=["beheer"])

Beheer = Annotated[Principal, Depends(require(Role.BEHEER))]


@router.post("/herbouw", response_model=Herbouw, responses=problem_responses(503))
def herbouw(principal: Beheer, session: DbSession, services: Services, request: Request) -> Herbouw:
    """Rebuild the read models from the owning services' APIs; all or nothing."""
    counts = rebuild(session, services, bronnen=request.app.state.settings.bronnen)
    return Herbouw(aantallen=counts)
