"""`/v1/event-afleveringen`: the deliveries of this service's events that did not arrive (see `outbox`).

Per subscriber (its callback URL): the parked ones (refused for their content, tried again
once a day), the dead ones (unreachable for longer than the dead-letter period) and the
waiting ones, with the reason. `POST .../opnieuw` makes one due at once, after the fault was fixed. Operators
(beheer) only, and only for events of their own gemeenten.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel
from sqlalchemy import select

from .api import DbSession, EventOutbox
from .auth import Principal, Role, require
from .bounds import MAX_INT32
from .outbox import DEAD, DELIVERED, PARKED, PENDING, Outbox
from .pagination import Page, PageParams, make_page, page_params
from .problems import NotFound, problem_responses
from .strict import Tekst


class AfleveringStatus(StrEnum):
    GEPARKEERD = "geparkeerd"
    DOOD = "dood"
    WACHTEND = "wachtend"  # due, or being retried with backoff


_STATUS = {
    AfleveringStatus.GEPARKEERD: PARKED,
    AfleveringStatus.DOOD: DEAD,
    AfleveringStatus.WACHTEND: PENDING,
}


class Aflevering(BaseModel):
    """One delivery of one event to one subscriber that did not arrive."""

    id: int
    status: AfleveringStatus
    abonnee: str
    eventId: str
    kanaal: str
    resourceUrl: str
    actie: str
    pogingen: int
    volgendePoging: datetime | None
    reden: str | None


router = APIRouter(tags=["event-afleveringen"])
Beheer = Annotated[Principal, Depends(require(Role.BEHEER))]
AfleveringId = Annotated[int, Path(ge=1, le=MAX_INT32)]


@router.get("/event-afleveringen", response_model=Page[Aflevering])
def list_afleveringen(
    request: Request,
    principal: Beheer,
    session: DbSession,
    outbox: EventOutbox,
    params: Annotated[PageParams, Depends(page_params)],
    status: Annotated[AfleveringStatus, Query()] = AfleveringStatus.GEPARKEERD,
    abonnee: Annotated[Tekst | None, Query(max_length=500, description="Callback-URL van de abonnee")] = None,
) -> Page[Aflevering]:
    """Deliveries not arrived, oldest first: parked (with the subscriber's reason), dead or waiting."""
    rows = _afleveringen(session, outbox, _STATUS[status], abonnee)
    found = [a for a in rows if _visible(principal, a)]
    page = found[params.offset : params.offset + params.pageSize]
    return make_page(request, params, len(found), [_read(a) for a in page])


@router.post(
    "/event-afleveringen/{afleveringId}/opnieuw",
    response_model=Aflevering,
    responses=problem_responses(404),
)
def opnieuw(
    afleveringId: AfleveringId, principal: Beheer, session: DbSession, outbox: EventOutbox
) -> Aflevering:
    """Deliver this parked or dead delivery again now, after the fault was fixed."""
    found = [a for a in _afleveringen(session, outbox, None, None, afleveringId) if _visible(principal, a)]
    if not found or not outbox.retry(session, afleveringId):
        raise NotFound("Geen geparkeerde of dode aflevering met deze id.")
    return _read(_afleveringen(session, outbox, None, None, afleveringId)[0])


def _afleveringen(
    session: Any, outbox: Outbox, status: str | None, abonnee: str | None, delivery_id: int | None = None
) -> list[Any]:
    d, e = outbox.deliveries, outbox.events
    query = select(d, e.c.payload).join(e, e.c.id == d.c.event_id).where(d.c.status != DELIVERED)
    if status is not None:
        query = query.where(d.c.status == status)
    if abonnee is not None:
        query = query.where(d.c.callback_url == abonnee)
    if delivery_id is not None:
        query = query.where(d.c.id == delivery_id)
    return list(session.execute(query.order_by(d.c.id)).all())


def _visible(principal: Principal, row: Any) -> bool:
    return principal.may_access(str(row.payload.get("kenmerken", {}).get("gemeentecode", "")))


def _read(row: Any) -> Aflevering:
    return Aflevering(
        id=row.id,
        status=next(name for name, value in _STATUS.items() if value == row.status),
        abonnee=row.callback_url,
        eventId=str(row.event_id),
        kanaal=row.payload["kanaal"],
        resourceUrl=row.payload["resourceUrl"],
        actie=row.payload["actie"],
        pogingen=row.attempts,
        volgendePoging=None if row.status == DEAD else row.next_attempt_at,
        reden=row.last_error,
    )
