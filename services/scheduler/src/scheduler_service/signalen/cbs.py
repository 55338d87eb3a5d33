"""The quarterly CBS delivery reminder (R16): a signal for the regisseur of every gemeente in the system."""

from datetime import date

from inburgering_shared.outbox import Outbox
from sqlalchemy import select, union
from sqlalchemy.orm import Session

from ..instellingen.models import GemeenteInstelling
from ..jobs.result import Resultaat
from . import lifecycle
from .models import Signaal
from .rules import NADERT, Niveau, cbs_levering_open

SOORT = "cbs-levering"


def cbs_reminders(session: Session, outbox: Outbox, *, api_url: str, vandaag: date) -> Resultaat:
    """From the day after a quarter ends until its due date, one reminder per gemeente and quarter.

    Gemeenten are those with settings or with any signal: every gemeente must
    deliver, also with no cases (domain.md). The reminder is resolved by hand
    (`PATCH /v1/signalen/{id}`) once the delivery is made.
    """
    open_levering = cbs_levering_open(vandaag)
    if open_levering is None:
        return Resultaat()
    kwartaal, uiterlijk = open_levering
    gemeenten = session.scalars(
        union(select(GemeenteInstelling.gemeentecode), select(Signaal.gemeentecode).distinct())
    )
    herinneringen = [
        lifecycle.nieuw_signaal(
            soort=f"{SOORT}-{NADERT}",
            deadline=f"urn:inburgering:{SOORT}:{gemeentecode}:{kwartaal}",
            deadline_soort=SOORT,
            inburgeraar=None,
            gemeentecode=gemeentecode,
            vervaldatum=uiterlijk,
            vandaag=vandaag,
            niveau=Niveau.REGISSEUR,
        )
        for gemeentecode in sorted(gemeenten)
    ]
    return Resultaat(lifecycle.open_signalen(session, outbox, api_url, herinneringen))
