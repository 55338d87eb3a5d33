"""HTTP for the bijstand periods of a trajectory: recorded by the klantmanager or a Participatiewet feed."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response
from inburgering_shared.api import ApiUrl, DbSession, EventOutbox
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.etag import etag
from inburgering_shared.problems import problem_responses

from ..trajecten.models import Traject
from ..trajecten.service import get_traject
from . import service
from .schemas import Bijstand, BijstandBron, Bijstandsperiode

router = APIRouter(prefix="/trajecten/{trajectId}/bijstand", tags=["bijstand"])

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]
Schrijvers = Annotated[Principal, Depends(require(Role.KLANTMANAGER, Role.SERVICE))]


def _read(traject: Traject, response: Response) -> Bijstand:
    response.headers["ETag"] = etag(traject.rijversie)
    return Bijstand(
        perioden=[Bijstandsperiode.model_validate(p) for p in traject.bijstandsperioden or []],
        bron=BijstandBron(traject.bijstand_bron or BijstandBron.KLANTMANAGER),
    )


@router.get("", response_model=Bijstand, responses=problem_responses(404))
def get_bijstand(
    trajectId: uuid.UUID, principal: Readers, session: DbSession, response: Response
) -> Bijstand:
    """The person's bijstand periods; financieel ontzorgen follows the first (R14)."""
    return _read(get_traject(session, principal=principal, traject_id=trajectId), response)


@router.put("", response_model=Bijstand, responses=problem_responses(400, 404, 412, 422, 428))
def zet_bijstand(
    trajectId: uuid.UUID,
    bijstand: Bijstand,
    principal: Schrijvers,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> Bijstand:
    """Replace the bijstand periods (If-Match: the trajectory's ETag). Financieel ontzorgen takes the start
    of bijstand and ends when bijstand ends, if that is within its six months."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    service.zet_bijstand(
        session, outbox, api_url=api_url, traject=traject, bijstand=bijstand, if_match=if_match
    )
    return _read(traject, response)
