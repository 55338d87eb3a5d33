"""HTTP for trajectories: list and read."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from inburgering_shared.api import ApiUrl
from inburgering_shared.audit import audited_read
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.contracts.resources import Doelgroep, Leerroute, PipStatus
from inburgering_shared.etag import etag
from inburgering_shared.filters import InburgeraarFilter
from inburgering_shared.hot_routes import HotRoute
from inburgering_shared.inburgeringstermijn import met_verlenging
from inburgering_shared.pagination import Page, PageParams, make_page, page_params
from inburgering_shared.problems import NotFound, problem_responses
from sqlalchemy import Row

from ..componenten.rules import ZRouteVoortgang
from ..uren.schemas import z_route_read
from .events import traject_url
from .models import Traject
from .repository import page_read, traject_read, z_route_of
from .schemas import TrajectRead
from .service import bediende_trajecten

router = APIRouter(prefix="/trajecten", tags=["trajecten"], route_class=HotRoute)

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE, Role.TAALAANBIEDER))]


def to_read(api_url: str, t: Traject | Row[Any], z_route: ZRouteVoortgang | None) -> TrajectRead:
    """The trajectory as read: an ORM object, or a row of its table's columns (the hot reads)."""
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
        pipStatus=PipStatus(t.pip_status),
        doelgroep=Doelgroep(t.doelgroep) if t.doelgroep else None,
        zRouteUren=z_route_read(z_route),
        taalaanbieder=t.taalaanbieder,
        eindeReden=t.einde_reden,
        eindeOp=t.einde_op,
        aangemaakt=t.aangemaakt,
        gewijzigd=t.gewijzigd,
    )


@router.get("", response_model=Page[TrajectRead])
async def list_trajecten(
    request: Request,
    principal: Readers,
    api_url: ApiUrl,
    params: Annotated[PageParams, Depends(page_params)],
    inburgeraar: InburgeraarFilter = None,
) -> Page[TrajectRead]:
    """Trajectories of the token's gemeenten (a taalaanbieder: those it serves); every dossier on the
    page is audited in the statement that reads it (audit.audited_read)."""
    read = page_read(
        principal.gemeente_filter(),
        bediende_trajecten(principal),
        inburgeraar,
        offset=params.offset,
        limit=params.pageSize,
    )
    rows = await audited_read(request, *read)
    answers = [to_read(api_url, r, z_route_of(r)) for r in rows if r.id is not None]
    return make_page(request, params, rows[0].totaal, answers)


@router.get("/{trajectId}", response_model=TrajectRead, responses=problem_responses(404))
async def get_traject(
    trajectId: uuid.UUID, principal: Readers, api_url: ApiUrl, request: Request, response: Response
) -> TrajectRead:
    """The trajectory with its termijnen and Z-route hours, read with its audit row in one
    statement (audit.audited_read)."""
    read = traject_read(trajectId, principal.gemeente_filter(), bediende_trajecten(principal))
    rows = await audited_read(request, *read)
    # Another gemeente's (or another taalaanbieder's) trajectory is absent: not ours to reveal.
    if not rows:
        raise NotFound("Traject niet gevonden.")
    response.headers["ETag"] = etag(rows[0].rijversie)
    return to_read(api_url, rows[0], z_route_of(rows[0]))
