"""HTTP for progress: voortgangsgesprekken (klantmanager) and the taalaanbieder's monthly reports."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request, Response
from inburgering_shared.api import ApiUrl, DbSession, EventOutbox
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.contracts.events import Actie
from inburgering_shared.etag import check_if_match, etag
from inburgering_shared.openapi import CREATES_OR_REPLACES
from inburgering_shared.problems import problem_responses

from ..trajecten.events import publish, traject_url
from ..trajecten.service import get_traject
from . import service
from .models import Voortgangsgesprek
from .models import Voortgangsrapportage as Rapportage
from .rules import Uitkomst
from .schemas import (
    Maand,
    TaalaanbiederToewijzing,
    VoortgangsgesprekRead,
    VoortgangsgesprekVerslag,
    Voortgangsrapportage,
    VoortgangsrapportageRead,
)

router = APIRouter(prefix="/trajecten/{trajectId}", tags=["voortgang"])

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]
Klantmanager = Annotated[Principal, Depends(require(Role.KLANTMANAGER))]
Taalaanbieder = Annotated[Principal, Depends(require(Role.TAALAANBIEDER))]
RapportLezers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE, Role.TAALAANBIEDER))]


def gesprek_read(api_url: str, g: Voortgangsgesprek) -> VoortgangsgesprekRead:
    return VoortgangsgesprekRead(
        url=f"{traject_url(api_url, g.traject_id)}/voortgangsgesprekken/{g.id}",
        gepland=g.gepland,
        gehouden=g.gehouden,
        verslag=g.verslag,
        uitkomst=Uitkomst(g.uitkomst) if g.uitkomst else None,
        pipVersie=g.pip_versie,
        gewijzigd=g.gewijzigd,
    )


def rapportage_read(r: Rapportage) -> VoortgangsrapportageRead:
    return VoortgangsrapportageRead.model_validate(
        {
            "maand": r.maand,
            "taalaanbieder": r.taalaanbieder,
            "gewijzigd": r.gewijzigd,
            "urenGevolgd": r.uren_gevolgd,
            "aanwezigheidProcent": r.aanwezigheid_procent,
            "vaardigheden": r.vaardigheden,
            "geplandeExamens": r.geplande_examens,
        }
    )


@router.get(
    "/voortgangsgesprekken", response_model=list[VoortgangsgesprekRead], responses=problem_responses(404)
)
def list_voortgangsgesprekken(
    trajectId: uuid.UUID, principal: Readers, session: DbSession, api_url: ApiUrl
) -> list[VoortgangsgesprekRead]:
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    return [gesprek_read(api_url, g) for g in service.gesprekken(session, traject)]


@router.get(
    "/voortgangsgesprekken/{gesprekId}",
    response_model=VoortgangsgesprekRead,
    responses=problem_responses(404),
)
def get_voortgangsgesprek(
    trajectId: uuid.UUID,
    gesprekId: uuid.UUID,
    principal: Readers,
    session: DbSession,
    api_url: ApiUrl,
    response: Response,
) -> VoortgangsgesprekRead:
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    gesprek = service.get_gesprek(session, traject, gesprekId)
    response.headers["ETag"] = etag(gesprek.rijversie)
    return gesprek_read(api_url, gesprek)


@router.put(
    "/voortgangsgesprekken/{gesprekId}/verslag",
    response_model=VoortgangsgesprekRead,
    responses=problem_responses(400, 404, 409, 412, 428),
)
def leg_voortgangsgesprek_vast(
    trajectId: uuid.UUID,
    gesprekId: uuid.UUID,
    verslag: VoortgangsgesprekVerslag,
    principal: Klantmanager,
    session: DbSession,
    api_url: ApiUrl,
    request: Request,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> VoortgangsgesprekRead:
    """The talk was held: its report and outcome (on track, or the PIP is to be changed) with the PIP
    version discussed; the next talk is planned at the gemeente's interval."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    gesprek = service.leg_gesprek_vast(
        session,
        request.app.state.settings,
        traject=traject,
        gesprek_id=gesprekId,
        verslag=verslag,
        if_match=if_match,
    )
    response.headers["ETag"] = etag(gesprek.rijversie)
    return gesprek_read(api_url, gesprek)


@router.put(
    "/taalaanbieder", response_model=TaalaanbiederToewijzing, responses=problem_responses(400, 404, 412, 428)
)
def wijs_taalaanbieder_toe(
    trajectId: uuid.UUID,
    toewijzing: TaalaanbiederToewijzing,
    principal: Klantmanager,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> TaalaanbiederToewijzing:
    """Which taalaanbieder (its client id) serves this trajectory; only it may report on it. Announced
    as a traject change (kenmerk `wijziging=taalaanbieder`): reporting counts per taalaanbieder."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    check_if_match(if_match, traject.rijversie)
    traject.taalaanbieder = toewijzing.taalaanbieder
    session.flush()
    publish(session, outbox, api_url, traject, Actie.UPDATE, wijziging="taalaanbieder")
    response.headers["ETag"] = etag(traject.rijversie)
    return toewijzing


@router.get(
    "/voortgangsrapportages", response_model=list[VoortgangsrapportageRead], responses=problem_responses(404)
)
def list_voortgangsrapportages(
    trajectId: uuid.UUID, principal: RapportLezers, session: DbSession
) -> list[VoortgangsrapportageRead]:
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    return [rapportage_read(r) for r in service.rapportages(session, traject)]


@router.get(
    "/voortgangsrapportages/{maand}",
    response_model=VoortgangsrapportageRead,
    responses=problem_responses(400, 404),
)
def get_voortgangsrapportage(
    trajectId: uuid.UUID, maand: Maand, principal: RapportLezers, session: DbSession, response: Response
) -> VoortgangsrapportageRead:
    """The month's report with its ETag (send it in If-Match to replace the report)."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    rij = service.get_rapportage(session, traject, maand)
    response.headers["ETag"] = etag(rij.rijversie)
    return rapportage_read(rij)


@router.put(
    "/voortgangsrapportages/{maand}",
    response_model=VoortgangsrapportageRead,
    responses={201: {"model": VoortgangsrapportageRead}, **problem_responses(400, 404, 409, 412, 428)},
    openapi_extra=CREATES_OR_REPLACES,
)
def rapporteer_voortgang(
    trajectId: uuid.UUID,
    maand: Maand,
    rapportage: Voortgangsrapportage,
    principal: Taalaanbieder,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> VoortgangsrapportageRead:
    """The taalaanbieder's report for a month (JJJJ-MM): hours followed, attendance, progress per skill,
    planned exam dates. Only the taalaanbieder serving the trajectory. The first report of a month is
    sent without If-Match (201); replacing it needs the report's ETag in If-Match (200; 428 without,
    412 when stale)."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    rij, nieuw = service.rapporteer(
        session,
        outbox,
        api_url=api_url,
        principal=principal,
        traject=traject,
        maand=maand,
        rapportage=rapportage,
        if_match=if_match,
    )
    response.status_code = 201 if nieuw else 200
    response.headers["ETag"] = etag(rij.rijversie)
    return rapportage_read(rij)
