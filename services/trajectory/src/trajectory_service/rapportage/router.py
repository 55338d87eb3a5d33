"""HTTP for the resources reporting reads (contracts in inburgering_shared.contracts.reporting_inputs):
one read per resource at the URL its event names, and a paginated list of each for a full rebuild.
Read by the service role (reporting) and casework; the klantmanager records the uitstroom."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request, Response
from inburgering_shared.api import ApiUrl, DbSession, EventOutbox
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.contracts.reporting_inputs import (
    AfrondingContract,
    ExamenContract,
    HandhavingContract,
    VoortgangContract,
)
from inburgering_shared.etag import etag
from inburgering_shared.openapi import CREATES_OR_REPLACES
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import problem_responses
from inburgering_shared.strict import Tekst

from ..trajecten.service import get_traject
from . import service
from .schemas import Uitstroom

router = APIRouter(prefix="/rapportage", tags=["rapportage"])
uitstroom_router = APIRouter(prefix="/trajecten/{trajectId}/uitstroom", tags=["trajecten"])

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]
Klantmanager = Annotated[Principal, Depends(require(Role.KLANTMANAGER))]
Pagina = Annotated[PageParams, Depends(page_params)]


@router.get("/handhaving", response_model=Page[HandhavingContract])
def list_handhaving(
    request: Request, principal: Readers, session: DbSession, api_url: ApiUrl, params: Pagina
) -> Page[HandhavingContract]:
    """Every written warning and boete (R15), oldest first."""
    count, items = service.list_handhaving(session, principal, api_url, params.offset, params.pageSize)
    return make_page(request, params, count, items)


@router.get("/handhaving/{besluitId}", response_model=HandhavingContract, responses=problem_responses(404))
def get_handhaving(
    besluitId: uuid.UUID, principal: Readers, session: DbSession, api_url: ApiUrl
) -> HandhavingContract:
    return service.lees_handhaving(session, principal, api_url, besluitId)


@router.get("/examens", response_model=Page[ExamenContract])
def list_examens(
    request: Request, principal: Readers, session: DbSession, api_url: ApiUrl, params: Pagina
) -> Page[ExamenContract]:
    """Every exam result DUO reported for a linked inburgeraar (behaald or niet behaald)."""
    count, items = service.list_examens(session, principal, api_url, params.offset, params.pageSize)
    return make_page(request, params, count, items)


@router.get("/examens/{examenId}", response_model=ExamenContract, responses=problem_responses(404))
def get_examen(
    examenId: uuid.UUID, principal: Readers, session: DbSession, api_url: ApiUrl
) -> ExamenContract:
    return service.lees_examen(session, principal, api_url, examenId)


@router.get("/voortgang", response_model=Page[VoortgangContract])
def list_voortgang(
    request: Request, principal: Readers, session: DbSession, api_url: ApiUrl, params: Pagina
) -> Page[VoortgangContract]:
    """Per trajectory and taalaanbieder its cumulative report (from its monthly reports)."""
    count, items = service.list_voortgang(session, principal, api_url, params.offset, params.pageSize)
    return make_page(request, params, count, items)


@router.get(
    "/voortgang/{trajectId}/{taalaanbieder}",
    response_model=VoortgangContract,
    responses=problem_responses(404),
)
def get_voortgang(
    trajectId: uuid.UUID, taalaanbieder: Tekst, principal: Readers, session: DbSession, api_url: ApiUrl
) -> VoortgangContract:
    return service.lees_voortgang(session, principal, api_url, trajectId, taalaanbieder)


@router.get("/afrondingen", response_model=Page[AfrondingContract])
def list_afrondingen(
    request: Request, principal: Readers, session: DbSession, api_url: ApiUrl, params: Pagina
) -> Page[AfrondingContract]:
    """Per trajectory: when DUO says the plicht was met, and the uitstroom the klantmanager recorded."""
    count, items = service.list_afrondingen(session, principal, api_url, params.offset, params.pageSize)
    return make_page(request, params, count, items)


@router.get("/afrondingen/{trajectId}", response_model=AfrondingContract, responses=problem_responses(404))
def get_afronding(
    trajectId: uuid.UUID, principal: Readers, session: DbSession, api_url: ApiUrl
) -> AfrondingContract:
    return service.lees_afronding(session, principal, api_url, trajectId)


@uitstroom_router.put(
    "",
    response_model=Uitstroom,
    responses=problem_responses(400, 404, 412, 428),
    openapi_extra=CREATES_OR_REPLACES,
)
def registreer_uitstroom(
    trajectId: uuid.UUID,
    uitstroom: Uitstroom,
    principal: Klantmanager,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> Uitstroom:
    """Where the inburgeraar went on to (werk, onderwijs, anders) and from when. Recording it the first
    time needs no If-Match; correcting it needs the trajectory's ETag (428 without, 412 when stale)."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    traject = service.registreer_uitstroom(
        session, outbox, api_url, traject, soort=uitstroom.soort, datum=uitstroom.datum, if_match=if_match
    )
    response.headers["ETag"] = etag(traject.rijversie)
    return uitstroom
