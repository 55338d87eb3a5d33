"""HTTP for the per-gemeente settings."""

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Response
from inburgering_shared.api import DbSession
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.contracts.resources import GEMEENTECODE_PATTERN
from inburgering_shared.etag import etag
from inburgering_shared.problems import problem_responses
from inburgering_shared.route_guards import body_limit

from . import service
from .schemas import INSTELLINGEN_BODY_BYTES, Instellingen, InstellingenWijziging

router = APIRouter(prefix="/instellingen", tags=["instellingen"])

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.BELEID, Role.BEHEER))]
Beheer = Annotated[Principal, Depends(require(Role.BEHEER, Role.TEAMLEIDER))]
Gemeentecode = Annotated[str, Path(pattern=GEMEENTECODE_PATTERN)]


def _read(gemeentecode: str, waarden: service.Waarden, response: Response) -> Instellingen:
    response.headers["ETag"] = etag(waarden.rijversie)
    return Instellingen(
        gemeentecode=gemeentecode,
        onderwijsrouteMaxLeeftijd=waarden.onderwijsroute_max_leeftijd,
        maxRoutewijzigingen=waarden.max_routewijzigingen,
        briefhoofd=waarden.briefhoofd,
        standaard=waarden.standaard,
    )


@router.get("/{gemeentecode}", response_model=Instellingen, responses=problem_responses(403))
def get_instellingen(
    gemeentecode: Gemeentecode, principal: Readers, session: DbSession, response: Response
) -> Instellingen:
    """The gemeente's settings, or the defaults while it has set none."""
    return _read(
        gemeentecode,
        service.get_instellingen(session, principal=principal, gemeentecode=gemeentecode),
        response,
    )


@router.put(
    "/{gemeentecode}",
    response_model=Instellingen,
    responses=problem_responses(403, 412, 428),
    openapi_extra=body_limit(INSTELLINGEN_BODY_BYTES),
)
def zet_instellingen(
    gemeentecode: Gemeentecode,
    wijziging: InstellingenWijziging,
    principal: Beheer,
    session: DbSession,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> Instellingen:
    """Set the gemeente's settings (If-Match: the ETag last read, `"0"` while on the defaults)."""
    waarden = service.zet_instellingen(
        session, principal=principal, gemeentecode=gemeentecode, wijziging=wijziging, if_match=if_match
    )
    return _read(gemeentecode, waarden, response)
