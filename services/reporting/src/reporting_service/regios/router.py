from typing import Annotated

from fastapi import APIRouter, Depends, Path
from inburgering_shared.api import DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.problems import problem_responses

from . import service
from .schemas import RegioRead, RegioWrite

router = APIRouter(prefix="/regios", tags=["regios"])

Monitoring = Annotated[Principal, Depends(require(*CASEWORK, Role.BELEID))]
Inrichting = Annotated[Principal, Depends(require(Role.REGISSEUR, Role.BELEID))]
Code = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]


@router.get("/{regioCode}", response_model=RegioRead, responses=problem_responses(403, 404))
def get_regio(regioCode: Code, principal: Monitoring, session: DbSession) -> RegioRead:
    return service.get_regio(session, principal=principal, code=regioCode)


@router.put("/{regioCode}", response_model=RegioRead, responses=problem_responses(403))
def zet_regio(regioCode: Code, data: RegioWrite, principal: Inrichting, session: DbSession) -> RegioRead:
    """Create or replace a region: which gemeenten are reported on jointly."""
    return service.zet_regio(session, principal=principal, code=regioCode, data=data)
