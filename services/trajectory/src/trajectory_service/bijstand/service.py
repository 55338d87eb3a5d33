"""Recording bijstand on the trajectory; financieel ontzorgen and its deadline follow it (R14)."""

from inburgering_shared.contracts.events import Actie
from inburgering_shared.etag import check_if_match
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import InvalidParam, RuleViolation
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..componenten.models import Component
from ..componenten.rules import Componentsoort
from ..componenten.service import ONTZORGEN, ontzorgen_termijn
from ..trajecten.events import publish
from ..trajecten.models import Traject
from .perioden import einde_bijstand
from .rules import Periode, perioden_fouten
from .schemas import Bijstand


def zet_bijstand(
    session: Session,
    outbox: Outbox,
    *,
    api_url: str,
    traject: Traject,
    bijstand: Bijstand,
    if_match: str | None,
) -> Traject:
    """Replace the bijstand periods; an ontzorgen component takes the start and end of bijstand."""
    check_if_match(if_match, traject.rijversie)
    nieuw = [Periode(p.start, p.einde) for p in bijstand.perioden]
    fouten = perioden_fouten(nieuw)
    if fouten:
        raise RuleViolation(
            " ".join(f.tekst for f in fouten),
            invalid_params=[
                InvalidParam(name=f"perioden.{f.index}", code=f.code, reason=f"{f.tekst} (Participatiewet)")
                for f in fouten
            ],
        )
    traject.bijstandsperioden = [p.model_dump(mode="json") for p in bijstand.perioden]
    traject.bijstand_bron = bijstand.bron.value
    ontzorgen = session.scalar(
        select(Component).where(
            Component.traject_id == traject.id, Component.soort == Componentsoort.FINANCIEEL_ONTZORGEN.value
        )
    )
    gewijzigd = False
    if ontzorgen is not None:
        volgt = einde_bijstand(traject)
        if volgt is not None:
            ontzorgen.startdatum = volgt[0]
        gewijzigd = ontzorgen_termijn(session, traject, ontzorgen)
    session.flush()
    publish(session, outbox, api_url, traject, Actie.UPDATE, wijziging="bijstand")
    if gewijzigd:
        publish(session, outbox, api_url, traject, Actie.UPDATE, wijziging="termijn", termijn=ONTZORGEN)
    return traject
