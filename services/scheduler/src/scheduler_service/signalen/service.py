"""Signals: raised from open deadlines, resolved when the owning service reports the deadline met."""

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.events import Actie, Kanaal, Notificatie
from inburgering_shared.contracts.resources import DeadlineContract, DeadlineStatus
from inburgering_shared.db import utcnow
from inburgering_shared.http import ServiceClient
from inburgering_shared.outbox import Outbox
from inburgering_shared.pagination import Page
from inburgering_shared.problems import NotFound

from .models import Signaal
from .rules import signaal_soort

OPEN, OPGELOST = "open", "opgelost"
PAGE_SIZE = 500


def signaal_url(api_url: str, signaal_id: uuid.UUID) -> str:
    return f"{api_url}/signalen/{signaal_id}"


def scan_deadlines(
    session: Session, services: ServiceClient, outbox: Outbox, *, api_url: str, sources: list[str], vandaag: date
) -> int:
    """Raise a signal for every open deadline that calls for one; safe to run twice.

    Every run asks for all open deadlines due up to today, so a run after
    downtime catches up on everything that fell due meanwhile.
    """
    handled = 0
    for source in sources:
        url: str | None = f"{source}/deadlines?status=open&vervaldatumTot={vandaag}&pageSize={PAGE_SIZE}"
        while url is not None:
            page = services.get_model(url, Page[DeadlineContract])
            for deadline in page.results:
                handled += _raise_signal(session, outbox, api_url, deadline, vandaag)
            url = page.next
    return handled


def _raise_signal(session: Session, outbox: Outbox, api_url: str, deadline: DeadlineContract, vandaag: date) -> int:
    soort = signaal_soort(deadline.soort, deadline.vervaldatum, vandaag)
    if soort is None:
        return 0
    exists = session.scalar(
        select(Signaal.id).where(Signaal.deadline_url == deadline.url, Signaal.soort == soort)
    )
    if exists is not None:
        return 0
    signaal = Signaal(
        id=uuid.uuid4(), soort=soort, deadline_url=deadline.url, deadline_soort=deadline.soort,
        inburgeraar_url=deadline.inburgeraar, gemeentecode=deadline.gemeentecode,
        vervaldatum=deadline.vervaldatum, status=OPEN,
    )
    session.add(signaal)
    session.flush()
    _publish(session, outbox, api_url, signaal, Actie.CREATE)
    return 1


def resolve_met_deadlines(session: Session, services: ServiceClient, outbox: Outbox, *, api_url: str) -> int:
    """Close open signals whose deadline the owning service no longer reports as open."""
    resolved = 0
    for signaal in session.scalars(select(Signaal).where(Signaal.status == OPEN)):
        deadline = services.get_model(signaal.deadline_url, DeadlineContract)
        if deadline.status != DeadlineStatus.OPEN:
            signaal.status = OPGELOST
            _publish(session, outbox, api_url, signaal, Actie.UPDATE)
            resolved += 1
    return resolved


def _publish(session: Session, outbox: Outbox, api_url: str, signaal: Signaal, actie: Actie) -> None:
    outbox.publish(
        session,
        Notificatie(
            id=uuid.uuid4(), kanaal=Kanaal.SIGNALEN, hoofdObject=signaal.inburgeraar_url, resource="signaal",
            resourceUrl=signaal_url(api_url, signaal.id), actie=actie, aanmaakdatum=utcnow(),
            kenmerken={"gemeentecode": signaal.gemeentecode, "soort": signaal.soort, "status": signaal.status},
        ),
    )


def get_signaal(session: Session, *, principal: Principal, signaal_id: uuid.UUID) -> Signaal:
    signaal = session.get(Signaal, signaal_id)
    if signaal is None or not principal.may_access(signaal.gemeentecode):
        raise NotFound("Signaal niet gevonden.")
    return signaal


def list_signalen(
    session: Session, *, principal: Principal, status: str | None, soort: str | None, offset: int, limit: int
) -> tuple[int, list[Signaal]]:
    query = select(Signaal)
    if (gemeenten := principal.gemeente_filter()) is not None:
        query = query.where(Signaal.gemeentecode.in_(gemeenten))
    if status is not None:
        query = query.where(Signaal.status == status)
    if soort is not None:
        query = query.where(Signaal.soort == soort)
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Signaal.vervaldatum, Signaal.id).offset(offset).limit(limit))
    return count, list(rows)
