"""Partner endpoint for VluchtelingenWerk, and the klantmanager's view of what it handed over."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Response, status
from inburgering_shared.api import ApiUrl, DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.problems import problem_responses

from ..coa.schemas import Uitkomst
from . import service
from .models import VluchtelingenwerkOverdracht
from .schemas import (
    Begeleiding,
    Contact,
    Rapportage,
    VluchtelingenwerkOverdrachtCreate,
    VluchtelingenwerkOverdrachtDetail,
    VluchtelingenwerkOverdrachtRead,
)

router = APIRouter(tags=["vluchtelingenwerk-overdrachten"])

Vluchtelingenwerk = Annotated[Principal, Depends(require(Role.VLUCHTELINGENWERK))]
Casework = Annotated[Principal, Depends(require(*CASEWORK))]


def to_read(api_url: str, o: VluchtelingenwerkOverdracht) -> VluchtelingenwerkOverdrachtRead:
    return VluchtelingenwerkOverdrachtRead(
        url=f"{api_url}/vluchtelingenwerk-overdrachten/{o.id}",
        uuid=o.id,
        referentie=o.referentie,
        versie=o.versie,
    )


@router.post(
    "/vluchtelingenwerk-overdrachten",
    status_code=status.HTTP_201_CREATED,
    response_model=VluchtelingenwerkOverdrachtRead,
    responses={
        200: {"model": VluchtelingenwerkOverdrachtRead, "description": "Al ontvangen"},
        **problem_responses(409, 422),
    },
)
def ontvang_vluchtelingenwerk_overdracht(
    data: VluchtelingenwerkOverdrachtCreate,
    principal: Vluchtelingenwerk,
    session: DbSession,
    api_url: ApiUrl,
    response: Response,
) -> VluchtelingenwerkOverdrachtRead:
    overdracht, uitkomst = service.ontvang_overdracht(session, principal=principal, data=data)
    read = to_read(api_url, overdracht)
    response.status_code = status.HTTP_201_CREATED if uitkomst is Uitkomst.AANGEMAAKT else status.HTTP_200_OK
    response.headers["Location"] = read.url
    return read


@router.get(
    "/inburgeraars/{inburgeraarId}/vluchtelingenwerk-overdrachten",
    response_model=list[VluchtelingenwerkOverdrachtDetail],
    responses=problem_responses(404),
)
def list_vluchtelingenwerk_overdrachten(
    inburgeraarId: uuid.UUID, principal: Casework, session: DbSession, api_url: ApiUrl
) -> list[VluchtelingenwerkOverdrachtDetail]:
    overdrachten = service.overdrachten_van(session, principal=principal, inburgeraar_id=inburgeraarId)
    return [to_detail(api_url, o) for o in overdrachten]


@router.get(
    "/vluchtelingenwerk-overdrachten/{overdrachtId}",
    response_model=VluchtelingenwerkOverdrachtDetail,
    responses=problem_responses(404),
)
def get_vluchtelingenwerk_overdracht(
    overdrachtId: uuid.UUID, principal: Casework, session: DbSession, api_url: ApiUrl
) -> VluchtelingenwerkOverdrachtDetail:
    return to_detail(
        api_url, service.get_overdracht(session, principal=principal, overdracht_id=overdrachtId)
    )


def to_detail(api_url: str, o: VluchtelingenwerkOverdracht) -> VluchtelingenwerkOverdrachtDetail:
    return VluchtelingenwerkOverdrachtDetail(
        **to_read(api_url, o).model_dump(),
        ontvangen=o.ontvangen,
        begeleiding=Begeleiding.model_validate(o.inhoud["begeleiding"]),
        contacten=[Contact.model_validate(c) for c in o.inhoud["contacten"]],
        rapportages=[Rapportage.model_validate(r) for r in o.inhoud["rapportages"]],
        eerdereVersies=len(o.eerdere_versies),
    )
