"""HTTP for handhaving (R15): the gemeente's written warnings, hearings and boetes per trajectory."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from inburgering_shared.api import ApiUrl, DbSession, EventOutbox
from inburgering_shared.auth import CASEWORK, Principal, Role, require
from inburgering_shared.problems import problem_responses

from ..trajecten.events import traject_url
from ..trajecten.service import get_traject
from . import service
from .models import Handhavingsbesluit
from .rules import Boetegrond
from .schemas import HandhavingsbesluitIn, HandhavingsbesluitRead, Handhavingssoort

router = APIRouter(prefix="/trajecten/{trajectId}/handhavingsbesluiten", tags=["handhaving"])

Readers = Annotated[Principal, Depends(require(*CASEWORK, Role.SERVICE))]
Klantmanager = Annotated[Principal, Depends(require(Role.KLANTMANAGER))]


def to_read(api_url: str, b: Handhavingsbesluit) -> HandhavingsbesluitRead:
    return HandhavingsbesluitRead(
        url=f"{traject_url(api_url, b.traject_id)}/handhavingsbesluiten/{b.id}",
        soort=Handhavingssoort(b.soort),
        datum=b.datum,
        grond=Boetegrond(b.grond),
        verplichting=b.verplichting,
        bedrag=b.bedrag,
        pipVersie=b.pip_versie,
        wettelijkeGrondslag=b.wettelijke_grondslag,
        beslotenDoor=b.besloten_door,
        aangemaakt=b.aangemaakt,
    )


@router.get("", response_model=list[HandhavingsbesluitRead], responses=problem_responses(404))
def list_handhavingsbesluiten(
    trajectId: uuid.UUID, principal: Readers, session: DbSession, api_url: ApiUrl
) -> list[HandhavingsbesluitRead]:
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    return [to_read(api_url, b) for b in service.besluiten(session, traject)]


@router.post(
    "", status_code=201, response_model=HandhavingsbesluitRead, responses=problem_responses(400, 404, 422)
)
def neem_handhavingsbesluit(
    trajectId: uuid.UUID,
    invoer: HandhavingsbesluitIn,
    principal: Klantmanager,
    session: DbSession,
    outbox: EventOutbox,
    api_url: ApiUrl,
    request: Request,
) -> HandhavingsbesluitRead:
    """A written warning, hearing or boete for a broken PIP obligation. A boete needs an earlier written
    warning and stays within EUR 800 and the gemeente's own maximum (R15); it carries the legal basis."""
    traject = get_traject(session, principal=principal, traject_id=trajectId)
    rij = service.besluit(
        session,
        outbox,
        request.app.state.settings,
        api_url=api_url,
        principal=principal,
        traject=traject,
        invoer=invoer,
    )
    return to_read(api_url, rij)
