"""HTTP for a gemeente's signal settings (warning horizons, escalation delays, teams)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Request, Response
from inburgering_shared.api import DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from inburgering_shared.etag import etag
from inburgering_shared.problems import problem_responses

from . import service
from .schemas import InstellingRead, InstellingWrite

router = APIRouter(prefix="/instellingen", tags=["instellingen"])

Gemeentecode = Annotated[str, Path(pattern=GEMEENTECODE_PATTERN, examples=["GM0171"])]


async def standaarden(request: Request) -> service.Standaarden:
    return service.standaarden(request.app.state.settings)


Standaard = Annotated[service.Standaarden, Depends(standaarden)]


@router.get("/{gemeentecode}", response_model=InstellingRead, responses=problem_responses(403))
def get_instelling(
    gemeentecode: Gemeentecode,
    response: Response,
    session: DbSession,
    standaard: Standaard,
    principal: Annotated[Principal, Depends(require(*CASEWORK, Role.BEHEER))],
) -> InstellingRead:
    """The gemeente's settings, defaults filled in (`standaard` is true while it has set nothing)."""
    row = service.get_instelling(session, principal=principal, gemeentecode=gemeentecode)
    response.headers["ETag"] = etag(row.versie if row is not None else 0)
    return service.to_read(gemeentecode, row, standaard)


@router.put("/{gemeentecode}", response_model=InstellingRead, responses=problem_responses(400, 403, 412, 428))
def put_instelling(
    gemeentecode: Gemeentecode,
    data: InstellingWrite,
    response: Response,
    session: DbSession,
    standaard: Standaard,
    principal: Annotated[Principal, Depends(require(Role.REGISSEUR, Role.BEHEER))],
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> InstellingRead:
    """Set the gemeente's settings; If-Match with the ETag read (`"0"` before the first time)."""
    row = service.put_instelling(
        session, principal=principal, gemeentecode=gemeentecode, data=data, if_match=if_match
    )
    response.headers["ETag"] = etag(row.versie)
    return service.to_read(gemeentecode, row, standaard)
