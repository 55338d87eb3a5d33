"""Use cases of handhaving (R15): the gemeente's steps, each checked against the law and its own maximum."""

import uuid
from decimal import Decimal

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.events import Actie
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import InvalidParam, RuleViolation
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import Settings
from ..rapportage.service import publiceer_handhaving
from ..trajecten.events import publish
from ..trajecten.models import Traject
from .models import Handhavingsbesluit
from .rules import BRON_BOETE, Boetegrond, Boetevoorstel, boete_toegestaan
from .schemas import HandhavingsbesluitIn, Handhavingssoort


def besluiten(session: Session, traject: Traject) -> list[Handhavingsbesluit]:
    query = select(Handhavingsbesluit).where(Handhavingsbesluit.traject_id == traject.id)
    return list(session.scalars(query.order_by(Handhavingsbesluit.datum, Handhavingsbesluit.aangemaakt)))


def besluit(
    session: Session,
    outbox: Outbox | None,
    settings: Settings,
    *,
    api_url: str,
    principal: Principal,
    traject: Traject,
    invoer: HandhavingsbesluitIn,
) -> Handhavingsbesluit:
    """Record a warning, hearing or boete. A boete needs an earlier written warning in this trajectory
    and an amount within EUR 800 and the gemeente's own maximum; the termijn's boete is DUO's (R15)."""
    grondslag = None
    if invoer.soort is Handhavingssoort.BOETE:
        waarschuwingen = [
            b.datum
            for b in besluiten(session, traject)
            if b.soort == Handhavingssoort.SCHRIFTELIJKE_WAARSCHUWING and b.datum < invoer.datum
        ]
        beslissing = boete_toegestaan(
            Boetevoorstel(
                invoer.grond, invoer.bedrag or Decimal(0), invoer.datum, max(waarschuwingen, default=None)
            ),
            settings.boete_maximum.get(traject.gemeentecode),
        )
        if not beslissing.toegestaan:
            _weiger([(r.code, r.tekst) for r in beslissing.redenen])
        grondslag = beslissing.wettelijke_grondslag
    else:
        fouten = []
        if invoer.bedrag is not None:
            fouten.append(("BEDRAG_ALLEEN_BIJ_BOETE", "Alleen een boete heeft een bedrag."))
        if invoer.grond is Boetegrond.TERMIJN_OVERSCHREDEN:
            fouten.append(("GROND_IS_DUO", "Handhaving op overschrijding van de termijn is aan DUO."))
        if fouten:
            _weiger(fouten)
    rij = Handhavingsbesluit(
        id=uuid.uuid4(),
        traject_id=traject.id,
        soort=invoer.soort.value,
        datum=invoer.datum,
        grond=invoer.grond.value,
        verplichting=invoer.verplichting,
        pip_versie=traject.pip_versie,
        bedrag=invoer.bedrag,
        wettelijke_grondslag=grondslag,
        besloten_door=principal.user_id or principal.client_id,
    )
    session.add(rij)
    session.flush()
    publish(
        session, outbox, api_url, traject, Actie.UPDATE, wijziging="handhaving", handhaving=invoer.soort.value
    )
    publiceer_handhaving(session, outbox, api_url, rij, traject)
    return rij


def _weiger(fouten: list[tuple[str, str]]) -> None:
    raise RuleViolation(
        " ".join(tekst for _, tekst in fouten),
        invalid_params=[
            InvalidParam(
                name="bedrag" if "BEDRAG" in code else "soort",
                code=code,
                reason=f"{tekst} Bron: {BRON_BOETE}",
            )
            for code, tekst in fouten
        ],
    )
