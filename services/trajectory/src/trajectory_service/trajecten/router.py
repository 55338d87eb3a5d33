"""HTTP for trajectories: list and read."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from inburgering_shared.api import ApiUrl, DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.contracts.resources import Doelgroep, Leerroute
from inburgering_shared.etag import etag
from inburgering_shared.filters import InburgeraarFilter
from inburgering_shared.inburgeringstermijn import met_verlenging
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import problem_responses

from ..componenten.rules import ZRouteVoortgang
from ..uren.schemas import z_route_read
from . import service
from .events import traject_url
from .models import Traject
from .schemas import TrajectRead

router = APIRouter(prefix="/trajecten", tags=["trajecten"])

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE, Role.TAALAANBIEDER))]


def to_read(api_url: str, t: Traject, z_route: ZRouteVoortgang | None) -> TrajectRead:
    einde, verlengd_tot = met_verlenging(t.termijn_start, t.termijn_einde)
    return TrajectRead(
        url=traject_url(api_url, t.id),
        uuid=t.id,
        inburgeraar=t.inburgeraar_url,
        pip=t.pip_url,
        gemeentecode=t.gemeentecode,
        leerroute=Leerroute(t.leerroute),
        dagtekeningEerstePip=t.dagtekening_eerste_pip,
        termijnStart=t.termijn_start,
        termijnEinde=einde,
        termijnVerlengdTot=verlengd_tot,
        mapDeadline=t.map_deadline,
        pipVersie=t.pip_versie,
        doelgroep=Doelgroep(t.doelgroep) if t.doelgroep else None,
        zRouteUren=z_route_read(z_route),
        taalaanbieder=t.taalaanbieder,
        eindeReden=t.einde_reden,
        eindeOp=t.einde_op,
        aangemaakt=t.aangemaakt,
        gewijzigd=t.gewijzigd,
    )


@router.get("", response_model=Page[TrajectRead])
def list_trajecten(
    request: Request,
    principal: Readers,
    session: DbSession,
    api_url: ApiUrl,
    params: Annotated[PageParams, Depends(page_params)],
    inburgeraar: InburgeraarFilter = None,
) -> Page[TrajectRead]:
    count, rows, z_route = service.list_trajecten(
        session, principal=principal, inburgeraar=inburgeraar, offset=params.offset, limit=params.pageSize
    )
    return make_page(request, params, count, [to_read(api_url, t, z_route[t.id]) for t in rows])


@router.get("/{trajectId}", response_model=TrajectRead, responses=problem_responses(404))
def get_traject(
    trajectId: uuid.UUID, principal: Readers, session: DbSession, api_url: ApiUrl, response: Response
) -> TrajectRead:
    traject, z_route = service.lees_traject(session, principal=principal, traject_id=trajectId)
    response.headers["ETag"] = etag(traject.rijversie)
    return to_read(api_url, traject, z_route)
