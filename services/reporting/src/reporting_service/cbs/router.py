import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from inburgering_shared.api import ApiUrl, DbSession
from inburgering_shared.auth import Principal, Role, require
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import NotFound, problem_responses

from . import service
from .models import CbsLevering
from .schemas import LeveringAanvraag, LeveringRead

router = APIRouter(prefix="/cbs-leveringen", tags=["cbs"])

Leveraar = Annotated[Principal, Depends(require(Role.REGISSEUR, Role.BELEID))]


def to_read(api_url: str, levering: CbsLevering) -> LeveringRead:
    url = f"{api_url}/cbs-leveringen/{levering.id}"
    return LeveringRead(
        url=url,
        uuid=levering.id,
        gemeentecode=levering.gemeentecode,
        kwartaal=levering.kwartaal,
        layoutVersie=levering.layout_versie,
        status=levering.status,
        aantalRecords=levering.aantal_records,
        sha256=levering.sha256,
        fouten=levering.fouten,
        uitersteDatum=levering.uiterste_datum,
        tijdig=levering.aangemaakt.date() <= levering.uiterste_datum,
        bestand=f"{url}/bestand" if levering.bestand is not None else None,
        aangemaakt=levering.aangemaakt,
        aangemaaktDoor=levering.aangemaakt_door,
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=LeveringRead,
    responses=problem_responses(403, 422),
)
def produceer_levering(
    aanvraag: LeveringAanvraag, principal: Leveraar, session: DbSession, api_url: ApiUrl
) -> LeveringRead:
    """Produce a quarter's CBS file, validate it against the layout and log it; released only when valid."""
    levering = service.produceer_levering(
        session, principal=principal, aanvraag=aanvraag, vandaag=date.today()
    )
    return to_read(api_url, levering)


@router.get("", response_model=Page[LeveringRead], responses=problem_responses(403))
def list_leveringen(
    request: Request,
    principal: Leveraar,
    session: DbSession,
    api_url: ApiUrl,
    params: Annotated[PageParams, Depends(page_params)],
    gemeentecode: Annotated[str, Query(pattern=GEMEENTECODE_PATTERN)],
) -> Page[LeveringRead]:
    """The delivery log of a gemeente, newest first."""
    count, rows = service.list_leveringen(
        session, principal=principal, gemeentecode=gemeentecode, offset=params.offset, limit=params.pageSize
    )
    return make_page(request, params, count, [to_read(api_url, row) for row in rows])


@router.get("/{leveringId}", response_model=LeveringRead, responses=problem_responses(404))
def get_levering(
    leveringId: uuid.UUID, principal: Leveraar, session: DbSession, api_url: ApiUrl
) -> LeveringRead:
    return to_read(api_url, service.get_levering(session, principal=principal, levering_id=leveringId))


@router.get(
    "/{leveringId}/bestand",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}}, "description": "Het bestand in de layout van docs/reporting.md"},
        **problem_responses(404),
    },
)
def get_bestand(leveringId: uuid.UUID, principal: Leveraar, session: DbSession) -> Response:
    """The released file, byte for byte as validated."""
    levering = service.get_levering(session, principal=principal, levering_id=leveringId)
    if levering.bestand is None:
        raise NotFound("Deze levering is afgekeurd; er is geen bestand.")
    name = f"cbs-inburgering-{levering.gemeentecode}-{levering.kwartaal}.csv"
    return Response(
        levering.bestand,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
