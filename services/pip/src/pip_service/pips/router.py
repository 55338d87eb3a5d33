"""HTTP for PIPs: list, read, vaststellen."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request, Response

from inburgering_shared.api import ApiUrl, DbSession, EventOutbox
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.contracts.resources import Leerroute, PipStatus
from inburgering_shared.etag import etag
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import problem_responses
from sqlalchemy.orm import Session

from ..events import pip_url
from . import repository, service
from .models import Pip
from .schemas import Niveau, PipRead, Vaststelling

router = APIRouter(prefix="/pips", tags=["pips"])

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]
Casework = Annotated[Principal, Depends(require(*CASEWORK))]


def to_read(session: Session, api_url: str, pip: Pip) -> PipRead:
    deadline = repository.deadline_of(session, pip.id)
    return PipRead(
        url=pip_url(api_url, pip.id),
        uuid=pip.id,
        inburgeraar=pip.inburgeraar_url,
        gemeentecode=pip.gemeentecode,
        status=PipStatus(pip.status),
        leerroute=Leerroute(pip.leerroute) if pip.leerroute else None,
        dagtekening=pip.dagtekening,
        versie=pip.versie,
        doelgroep=pip.doelgroep,
        niveau=Niveau(pip.niveau) if pip.niveau else None,
        vastgesteldDoor=pip.vastgesteld_door,
        deadline=deadline.vervaldatum if deadline else None,
        aangemaakt=pip.aangemaakt,
        gewijzigd=pip.gewijzigd,
    )


@router.get("", response_model=Page[PipRead])
def list_pips(
    request: Request,
    principal: Readers,
    session: DbSession,
    api_url: ApiUrl,
    params: Annotated[PageParams, Depends(page_params)],
    status: PipStatus | None = None,
) -> Page[PipRead]:
    count, rows = service.list_pips(
        session, principal=principal, status=status, offset=params.offset, limit=params.pageSize
    )
    return make_page(request, params, count, [to_read(session, api_url, p) for p in rows])


@router.get("/{pipId}", response_model=PipRead, responses=problem_responses(404))
def get_pip(pipId: uuid.UUID, principal: Readers, session: DbSession, api_url: ApiUrl, response: Response) -> PipRead:
    pip = service.get_pip(session, principal=principal, pip_id=pipId)
    response.headers["ETag"] = etag(pip.rijversie)
    return to_read(session, api_url, pip)


@router.post(
    "/{pipId}/vaststellen", response_model=PipRead, responses=problem_responses(404, 409, 412, 422, 428)
)
def vaststellen_pip(
    pipId: uuid.UUID,
    vaststelling: Vaststelling,
    principal: Casework,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> PipRead:
    """Set the PIP as a beschikking; refused with the rule named when DUO would refuse it (R6)."""
    pip = service.vaststellen_pip(
        session, outbox, api_url=api_url, principal=principal, pip_id=pipId,
        vaststelling=vaststelling, if_match=if_match,
    )
    response.headers["ETag"] = etag(pip.rijversie)
    return to_read(session, api_url, pip)
