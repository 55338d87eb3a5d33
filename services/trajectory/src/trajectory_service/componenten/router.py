"""HTTP for a trajectory's components: where the person stands on each, and recording progress."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response
from inburgering_shared.api import ApiUrl, DbSession, EventOutbox
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.etag import etag
from inburgering_shared.problems import problem_responses

from ..trajecten.service import get_traject
from . import service
from .models import Component
from .rules import Componentsoort, Componentstatus
from .schemas import ComponentRead, ComponentWijziging

router = APIRouter(prefix="/trajecten/{trajectId}/componenten", tags=["componenten"])

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]
Klantmanager = Annotated[Principal, Depends(require(Role.KLANTMANAGER))]


def to_read(c: Component) -> ComponentRead:
    return ComponentRead(
        soort=Componentsoort(c.soort),
        status=Componentstatus(c.status),
        startdatum=c.startdatum,
        einddatum=c.einddatum,
        geplandeStart=c.geplande_start,
        verwachtEinde=c.verwacht_einde,
        aanbieder=c.aanbieder,
        verwijtbaar=c.verwijtbaar,  # type: ignore[arg-type]
        bewijs=c.bewijs,
        gewijzigd=c.gewijzigd,
    )


@router.get("", response_model=list[ComponentRead], responses=problem_responses(404))
def list_componenten(trajectId: uuid.UUID, principal: Readers, session: DbSession) -> list[ComponentRead]:
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    return [to_read(c) for c in service.list_componenten(session, traject)]


ONTZORGEN = "/" + Componentsoort.FINANCIEEL_ONTZORGEN.value


@router.post(
    ONTZORGEN,
    status_code=201,
    response_model=ComponentRead,
    responses=problem_responses(404, 409),
)
def voeg_ontzorgen_toe(
    trajectId: uuid.UUID, principal: Klantmanager, session: DbSession, response: Response
) -> ComponentRead:
    """Add financieel ontzorgen (asielstatushouder on bijstand, R14); its startdatum (start of bijstand)
    sets the end of the six months as a deadline."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    component = service.voeg_ontzorgen_toe(session, traject)
    response.headers["ETag"] = etag(component.rijversie)
    return to_read(component)


@router.get("/{soort}", response_model=ComponentRead, responses=problem_responses(404))
def get_component(
    trajectId: uuid.UUID, soort: Componentsoort, principal: Readers, session: DbSession, response: Response
) -> ComponentRead:
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    component = service.get_component(session, traject, soort)
    response.headers["ETag"] = etag(component.rijversie)
    return to_read(component)


@router.put("/{soort}", response_model=ComponentRead, responses=problem_responses(400, 404, 412, 422, 428))
def wijzig_component(
    trajectId: uuid.UUID,
    soort: Componentsoort,
    wijziging: ComponentWijziging,
    principal: Klantmanager,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> ComponentRead:
    """Record the component's state. Completing the MAP or PVT (or the Z-route) is sent to DUO; the
    date and `verwijtbaar` are checked against DUO's rules first (R13)."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    component = service.wijzig_component(
        session,
        outbox,
        api_url=api_url,
        traject=traject,
        soort=soort,
        wijziging=wijziging,
        if_match=if_match,
    )
    response.headers["ETag"] = etag(component.rijversie)
    return to_read(component)


# A path written out is its own resource in an OpenAPI document, whatever template also matches it:
# the component financieel ontzorgen is read and changed at the path that adds it, documented there.
@router.get(ONTZORGEN, response_model=ComponentRead, responses=problem_responses(404))
def get_ontzorgen(
    trajectId: uuid.UUID, principal: Readers, session: DbSession, response: Response
) -> ComponentRead:
    return get_component(trajectId, Componentsoort.FINANCIEEL_ONTZORGEN, principal, session, response)


@router.put(ONTZORGEN, response_model=ComponentRead, responses=problem_responses(400, 404, 412, 422, 428))
def wijzig_ontzorgen(
    trajectId: uuid.UUID,
    wijziging: ComponentWijziging,
    principal: Klantmanager,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> ComponentRead:
    return wijzig_component(
        trajectId,
        Componentsoort.FINANCIEEL_ONTZORGEN,
        wijziging,
        principal,
        session,
        outbox,
        api_url,
        response,
        if_match,
    )
