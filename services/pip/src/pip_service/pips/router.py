"""HTTP for PIPs: list, read, edit the concept, vaststellen, change as a new version, versions, deadline."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request, Response
from inburgering_shared.api import ApiUrl, DbSession, EventOutbox, Services
from inburgering_shared.audit import audited_read
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.bounds import VersiePad
from inburgering_shared.contracts.resources import (
    DeadlineStatus,
    PipStatus,
)
from inburgering_shared.etag import etag
from inburgering_shared.filters import InburgeraarFilter
from inburgering_shared.hot_routes import HotRoute
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import NotFound, problem_responses
from sqlalchemy.orm import Session

from ..deadlines.models import Deadline
from ..events import pip_url
from ..intrekking import service as intrekking_service
from ..intrekking.schemas import Intrekking
from . import repository, service
from .models import Pip, PipVersie
from .schemas import (
    ConceptWijziging,
    PipInhoud,
    PipRead,
    Vaststelling,
    Verlenging,
    VersieRead,
    Wijziging,
)

router = APIRouter(prefix="/pips", tags=["pips"], route_class=HotRoute)

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]
Casework = Annotated[Principal, Depends(require(*CASEWORK))]
IfMatch = Annotated[str | None, Header(alias="If-Match")]


def _termijn(deadline: Deadline) -> dict[str, Any]:
    """The fields of the PIP's `termijn` (R2, R3)."""
    return {
        "vervaldatum": deadline.vervaldatum,
        "gestartDoor": deadline.gestart_door,
        "regel": deadline.regel,
        "oorspronkelijkeVervaldatum": deadline.oorspronkelijke_vervaldatum,
        "informatieOntvangen": deadline.informatie_ontvangen,
        "verlengingReden": deadline.verlenging_reden,
        "status": deadline.status,
        "afsluitreden": deadline.afsluitreden,
        "tijdig": deadline.afgehandeld_op <= deadline.vervaldatum if deadline.afgehandeld_op else None,
    }


def to_read(session: Session, api_url: str, pip: Pip) -> PipRead:
    return pip_answer(api_url, pip, repository.deadline_of(session, pip.id))


def pip_answer(api_url: str, pip: Pip, deadline: Deadline | None) -> PipRead:
    """The PIP's answer, validated as one document (its parts as dicts: one validation, not one per
    part)."""
    inhoud = PipInhoud.model_validate(pip.inhoud or {})
    intrekking = intrekking_service.to_read(pip)
    return PipRead.model_validate(
        {
            "url": pip_url(api_url, pip.id),
            "uuid": pip.id,
            "inburgeraar": pip.inburgeraar_url,
            "gemeentecode": pip.gemeentecode,
            "status": pip.status,
            "leerroute": pip.leerroute,
            "dagtekening": pip.dagtekening,
            "versie": pip.versie,
            "doelgroep": pip.doelgroep,
            "niveau": pip.niveau,
            "vastgesteldDoor": pip.vastgesteld_door,
            "deadline": deadline.vervaldatum
            if deadline and deadline.status != DeadlineStatus.VERVALLEN
            else None,
            "wet": pip.wet,
            "eindreden": pip.eindreden,
            "einddatum": pip.einddatum,
            "termijn": _termijn(deadline) if deadline else None,
            "dagtekeningEerstePip": pip.dagtekening_eerste_pip,
            "advies": pip.advies or None,
            "motivering": pip.motivering,
            "inhoud": inhoud,
            "onderdelen": [
                {
                    "component": o.component.value,
                    "start": o.start,
                    "verwachtEinde": o.verwachtEinde,
                    "aanbieder": o.aanbieder,
                }
                for o in inhoud.onderdelen
                if o.aangeboden
            ],
            "klantmanager": inhoud.klantmanager.model_dump() if inhoud.klantmanager else None,
            "alfabetisering": inhoud.alfabetisering.value if inhoud.alfabetisering else None,
            "routewijzigingen": pip.routewijzigingen,
            "intrekking": intrekking,
            "aangemaakt": pip.aangemaakt,
            "gewijzigd": pip.gewijzigd,
        }
    )


def _answer(session: Session, api_url: str, pip: Pip, response: Response) -> PipRead:
    response.headers["ETag"] = etag(pip.rijversie)
    return to_read(session, api_url, pip)


def to_versie(row: PipVersie) -> VersieRead:
    return VersieRead(
        versie=row.versie,
        reden=row.reden,
        vastgesteldDoor=row.vastgesteld_door,
        aangemaakt=row.aangemaakt,
        inhoud=row.inhoud,
        verschil=row.verschil,
    )


@router.get("", response_model=Page[PipRead])
async def list_pips(
    request: Request,
    principal: Readers,
    api_url: ApiUrl,
    params: Annotated[PageParams, Depends(page_params)],
    status: PipStatus | None = None,
    inburgeraar: InburgeraarFilter = None,
) -> Page[PipRead]:
    """PIPs of the token's gemeenten with their deadlines; every dossier on the page is audited in
    the statement that reads it (audit.audited_read)."""
    read = repository.page_read(
        principal.gemeente_filter(),
        status.value if status else None,
        inburgeraar,
        offset=params.offset,
        limit=params.pageSize,
    )
    rows = await audited_read(request, *read)
    answers = [pip_answer(api_url, *repository.pip_of(r)) for r in rows if r.id is not None]
    return make_page(request, params, rows[0].totaal, answers)


@router.get("/{pipId}", response_model=PipRead, responses=problem_responses(404))
async def get_pip(
    pipId: uuid.UUID, principal: Readers, api_url: ApiUrl, request: Request, response: Response
) -> PipRead:
    """The PIP with its advice, content and deadline; the ETag is needed for every edit.

    Read with its audit row in one statement (audit.audited_read)."""
    rows = await audited_read(request, *repository.pip_read(pipId, principal.gemeente_filter()))
    if not rows:  # also another gemeente's: its existence is not ours to reveal
        raise NotFound("PIP niet gevonden.")
    pip, deadline = repository.pip_of(rows[0])
    response.headers["ETag"] = etag(pip.rijversie)
    return pip_answer(api_url, pip, deadline)


@router.patch("/{pipId}", response_model=PipRead, responses=problem_responses(400, 404, 409, 412, 428))
def wijzig_concept(
    pipId: uuid.UUID,
    wijziging: ConceptWijziging,
    principal: Casework,
    session: DbSession,
    api_url: ApiUrl,
    response: Response,
    if_match: IfMatch = None,
) -> PipRead:
    """Adjust the concept; a vastgesteld PIP changes through `wijzigingen` instead."""
    pip = service.wijzig_concept(
        session, principal=principal, pip_id=pipId, wijziging=wijziging, if_match=if_match
    )
    return _answer(session, api_url, pip, response)


@router.post(
    "/{pipId}/vaststellen",
    response_model=PipRead,
    responses=problem_responses(400, 404, 409, 412, 422, 428, 503),
)
def vaststellen_pip(
    pipId: uuid.UUID,
    vaststelling: Vaststelling,
    principal: Casework,
    session: DbSession,
    outbox: EventOutbox,
    services: Services,
    api_url: ApiUrl,
    response: Response,
    if_match: IfMatch = None,
) -> PipRead:
    """Set the PIP as a beschikking; refused with the rule named when DUO would refuse it (R6)."""
    pip = service.vaststellen_pip(
        session,
        outbox,
        services,
        api_url=api_url,
        principal=principal,
        pip_id=pipId,
        vaststelling=vaststelling,
        if_match=if_match,
    )
    return _answer(session, api_url, pip, response)


@router.post(
    "/{pipId}/wijzigingen", response_model=PipRead, responses=problem_responses(400, 404, 409, 412, 422, 428)
)
def wijzig_pip(
    pipId: uuid.UUID,
    wijziging: Wijziging,
    principal: Casework,
    session: DbSession,
    outbox: EventOutbox,
    services: Services,
    api_url: ApiUrl,
    response: Response,
    if_match: IfMatch = None,
) -> PipRead:
    """Change a vastgesteld PIP: a new version with its reason and diff; a route change within R7."""
    pip = service.wijzig_pip(
        session,
        outbox,
        services,
        api_url=api_url,
        principal=principal,
        pip_id=pipId,
        wijziging=wijziging,
        if_match=if_match,
    )
    return _answer(session, api_url, pip, response)


@router.post(
    "/{pipId}/intrekking", response_model=PipRead, responses=problem_responses(400, 404, 409, 412, 422, 428)
)
def trek_pip_in(
    pipId: uuid.UUID,
    intrekking: Intrekking,
    principal: Casework,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
    if_match: IfMatch = None,
) -> PipRead:
    """Withdraw a vastgesteld PIP by a besluit of its own (Awb art. 1:3) with its ground, date and
    bezwaartermijn; trajectory then withdraws the PIP and its inburgeringsaanbod at DUO."""
    pip = intrekking_service.trek_in(
        session,
        outbox,
        api_url=api_url,
        principal=principal,
        pip_id=pipId,
        intrekking=intrekking,
        if_match=if_match,
    )
    return _answer(session, api_url, pip, response)


@router.get("/{pipId}/versies", response_model=list[VersieRead], responses=problem_responses(404))
def list_versies(pipId: uuid.UUID, principal: Readers, session: DbSession) -> list[VersieRead]:
    return [to_versie(v) for v in service.list_versies(session, principal=principal, pip_id=pipId)]


@router.get("/{pipId}/versies/{versie}", response_model=VersieRead, responses=problem_responses(404))
def get_versie(pipId: uuid.UUID, versie: VersiePad, principal: Readers, session: DbSession) -> VersieRead:
    return to_versie(service.get_versie(session, principal=principal, pip_id=pipId, versie=versie))


@router.post(
    "/{pipId}/termijn/verlenging",
    response_model=PipRead,
    responses=problem_responses(400, 404, 409, 412, 422, 428),
)
def verleng_termijn(
    pipId: uuid.UUID,
    verlenging: Verlenging,
    principal: Casework,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
    if_match: IfMatch = None,
) -> PipRead:
    """Extend the PIP deadline: at the latest two weeks after third-party information came in (R3)."""
    pip = service.verleng_termijn(
        session,
        outbox,
        api_url=api_url,
        principal=principal,
        pip_id=pipId,
        verlenging=verlenging,
        if_match=if_match,
    )
    return _answer(session, api_url, pip, response)
