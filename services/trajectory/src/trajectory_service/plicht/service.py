"""An end state of the plicht closes the person's open deadlines in trajectory and ends the trajectory;
pip closes its own on the duo-dossiers event, the scheduler resolves the signals on the trajecten event."""

from datetime import date

from inburgering_shared.contracts.events import Actie
from inburgering_shared.contracts.resources import DeadlineStatus
from inburgering_shared.db import utcnow
from inburgering_shared.outbox import Outbox
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..deadlines.models import Deadline
from ..duo.models import DuoDossier
from ..trajecten.events import publish
from ..trajecten.models import Traject
from .rules import Eindstaat, eindstaat


def eindstaat_van(dossier: DuoDossier, vandaag: date) -> Eindstaat | None:
    """The end state of the plicht in what DUO told this gemeente."""
    return eindstaat(dossier.inburgeringsplicht, dossier.vrijstellingen, dossier.ontheffingen, vandaag)


def sluit_af(
    session: Session,
    outbox: Outbox | None,
    api_url: str,
    *,
    inburgeraar_url: str,
    gemeentecode: str,
    eind: Eindstaat,
) -> None:
    """Close every open deadline of the person in this gemeente as vervallen with the end state as the
    reason, and end the trajectory (announced once, so the scheduler resolves its signals); a second call
    changes nothing."""
    session.execute(
        update(Deadline)
        .where(
            Deadline.inburgeraar_url == inburgeraar_url,
            Deadline.gemeentecode == gemeentecode,
            Deadline.status == DeadlineStatus.OPEN.value,
        )
        .values(status=DeadlineStatus.VERVALLEN.value, afsluitreden=eind.tekst, gewijzigd=utcnow())
        .execution_options(synchronize_session="fetch")
    )
    traject = session.scalar(
        select(Traject).where(
            Traject.inburgeraar_url == inburgeraar_url, Traject.gemeentecode == gemeentecode
        )
    )
    if traject is not None and traject.einde_reden is None:
        traject.einde_reden, traject.einde_op = eind.reden.value, eind.datum
        session.flush()
        publish(
            session, outbox, api_url, traject, Actie.UPDATE, wijziging="einde", eindreden=eind.reden.value
        )
