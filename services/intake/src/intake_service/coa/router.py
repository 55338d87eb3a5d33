"""Partner endpoint for COA (role coa only)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from inburgering_shared.api import ApiUrl, DbSession, EventOutbox
from inburgering_shared.auth import Principal, Role, require
from inburgering_shared.problems import problem_responses

from ..events import inburgeraar_url
from . import service
from .schemas import CoaOverdrachtCreate, CoaOverdrachtRead

router = APIRouter(prefix="/coa-overdrachten", tags=["coa-overdrachten"])

Coa = Annotated[Principal, Depends(require(Role.COA))]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CoaOverdrachtRead,
    responses={200: {"model": CoaOverdrachtRead, "description": "Al ontvangen"}, **problem_responses(409)},
)
def ontvang_coa_overdracht(
    data: CoaOverdrachtCreate, principal: Coa, session: DbSession, outbox: EventOutbox,
    api_url: ApiUrl, response: Response,
) -> CoaOverdrachtRead:
    principal.check_gemeente(data.gemeentecode)
    overdracht, created = service.ontvang_coa_overdracht(session, outbox, api_url=api_url, data=data)
    url = f"{api_url}/coa-overdrachten/{overdracht.id}"
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    response.headers["Location"] = url
    return CoaOverdrachtRead(
        url=url,
        uuid=overdracht.id,
        coaReferentie=overdracht.coa_referentie,
        versie=overdracht.versie,
        inburgeraar=inburgeraar_url(api_url, overdracht.inburgeraar_id),
    )
