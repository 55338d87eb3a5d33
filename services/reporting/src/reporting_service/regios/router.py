from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Response
from inburgering_shared.api import DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.etag import etag
from inburgering_shared.openapi import CREATES_OR_REPLACES
from inburgering_shared.problems import problem_responses

from . import service
from .schemas import RegioRead, RegioWrite

router = APIRouter(prefix="/regios", tags=["regios"])

Monitoring = Annotated[Principal, Depends(require(*CASEWORK, Role.BELEID))]
Inrichting = Annotated[Principal, Depends(require(Role.REGISSEUR, Role.BELEID))]
Code = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
IfMatch = Annotated[
    str | None, Header(alias="If-Match", description="De ETag die u las; weglaten bij een nieuwe")
]


@router.get("/{regioCode}", response_model=RegioRead, responses=problem_responses(403, 404))
def get_regio(regioCode: Code, principal: Monitoring, session: DbSession, response: Response) -> RegioRead:
    regio, versie = service.get_regio(session, principal=principal, code=regioCode)
    response.headers["ETag"] = etag(versie)
    return regio


@router.put(
    "/{regioCode}",
    response_model=RegioRead,
    responses=problem_responses(403, 412, 428),
    openapi_extra=CREATES_OR_REPLACES,
)
def zet_regio(
    regioCode: Code,
    data: RegioWrite,
    principal: Inrichting,
    session: DbSession,
    response: Response,
    if_match: IfMatch = None,
) -> RegioRead:
    """Create (no If-Match) or replace (If-Match: its ETag) a region: gemeenten reported on jointly."""
    regio, versie = service.zet_regio(
        session, principal=principal, code=regioCode, data=data, if_match=if_match
    )
    response.headers["ETag"] = etag(versie)
    return regio
