"""Escalation: an unacknowledged passed-deadline signal goes to the teamleider, then the regisseur."""

from datetime import date

from inburgering_shared.outbox import Outbox
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..instellingen.service import AlleInstellingen
from ..jobs.result import Resultaat
from . import lifecycle
from .models import Signaal
from .rules import VERSTREKEN, Niveau, escalatieniveau
from .schemas import SignaalStatus

RANG = {niveau.value: rang for rang, niveau in enumerate(Niveau)}


def escalate_signalen(
    session: Session, outbox: Outbox, *, api_url: str, instellingen: AlleInstellingen, vandaag: date
) -> Resultaat:
    """Raise the level of every open signal whose delay has passed; safe to run twice (levels only go up)."""
    kandidaten = session.scalars(
        select(Signaal).where(
            Signaal.status == SignaalStatus.OPEN.value,
            Signaal.niveau != Niveau.REGISSEUR.value,
            Signaal.soort.endswith(f"-{VERSTREKEN}"),
        )
    )
    escalaties: list[tuple[Signaal, Niveau]] = []
    for signaal in kandidaten:
        gemeente = instellingen.voor(signaal.gemeentecode)
        niveau = escalatieniveau(
            signaal.geopend_op,
            vandaag,
            teamleider_na_dagen=gemeente.teamleider_na_dagen,
            regisseur_na_dagen=gemeente.regisseur_na_dagen,
        )
        if RANG[niveau.value] > RANG[signaal.niveau]:
            escalaties.append((signaal, niveau))
    lifecycle.escalate(session, outbox, api_url, escalaties)
    return Resultaat(len(escalaties))
