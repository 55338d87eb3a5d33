"""A signal's lifecycle: raised once, escalated, acknowledged, resolved; each step announced as an event."""

import uuid
from datetime import date

from inburgering_shared.contracts.events import Actie, Kanaal, Notificatie
from inburgering_shared.db import utcnow
from inburgering_shared.outbox import Outbox
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import Signaal
from .rules import Niveau
from .schemas import SignaalStatus

SYSTEEM = "scheduler"
"""Who resolved a signal when no person did (the deadline was met, moved or cancelled)."""


def signaal_url(api_url: str, signaal_id: uuid.UUID) -> str:
    return f"{api_url}/signalen/{signaal_id}"


def publish(session: Session, outbox: Outbox, api_url: str, signaal: Signaal, actie: Actie) -> None:
    kenmerken = {
        "gemeentecode": signaal.gemeentecode,
        "soort": signaal.soort,
        "status": signaal.status,
        "niveau": signaal.niveau,
    }
    outbox.publish(
        session,
        Notificatie(
            id=uuid.uuid4(),
            kanaal=Kanaal.SIGNALEN,
            hoofdObject=signaal.inburgeraar_url or signaal.deadline_url,
            resource="signaal",
            resourceUrl=signaal_url(api_url, signaal.id),
            actie=actie,
            aanmaakdatum=utcnow(),
            kenmerken=kenmerken,
        ),
    )


def open_signaal(session: Session, outbox: Outbox, api_url: str, signaal: Signaal) -> bool:
    """Raise `signaal` with its event; False when another replica raised it first (unique per deadline, kind).

    On PostgreSQL a concurrent insert of the same deadline and kind waits for
    the other transaction and then fails on the unique constraint; only this
    savepoint rolls back, so the rest of the run goes on.
    """
    signaal.status = SignaalStatus.OPEN.value
    try:
        with session.begin_nested():
            session.add(signaal)
            session.flush()
            publish(session, outbox, api_url, signaal, Actie.CREATE)
    except IntegrityError:
        return False
    return True


def resolve(
    session: Session, outbox: Outbox, api_url: str, signaal: Signaal, *, door: str, oplossing: str
) -> None:
    signaal.status = SignaalStatus.OPGELOST.value
    signaal.opgelost_door, signaal.opgelost, signaal.oplossing = door, utcnow(), oplossing
    session.flush()
    publish(session, outbox, api_url, signaal, Actie.UPDATE)


def acknowledge(session: Session, outbox: Outbox, api_url: str, signaal: Signaal, *, door: str) -> None:
    signaal.status = SignaalStatus.ERKEND.value
    signaal.erkend_door, signaal.erkend = door, utcnow()
    session.flush()
    publish(session, outbox, api_url, signaal, Actie.UPDATE)


def escalate(session: Session, outbox: Outbox, api_url: str, signaal: Signaal, niveau: Niveau) -> None:
    signaal.niveau, signaal.geescaleerd = niveau.value, utcnow()
    session.flush()
    publish(session, outbox, api_url, signaal, Actie.UPDATE)


def nieuw_signaal(
    *,
    soort: str,
    deadline: str,
    deadline_soort: str,
    inburgeraar: str | None,
    gemeentecode: str,
    vervaldatum: date,
    vandaag: date,
    klantmanager: str | None = None,
    team: str | None = None,
    niveau: Niveau = Niveau.KLANTMANAGER,
) -> Signaal:
    return Signaal(
        id=uuid.uuid4(),
        soort=soort,
        deadline_url=deadline,
        deadline_soort=deadline_soort,
        inburgeraar_url=inburgeraar,
        gemeentecode=gemeentecode,
        vervaldatum=vervaldatum,
        geopend_op=vandaag,
        klantmanager=klantmanager,
        team=team,
        niveau=niveau.value,
    )
