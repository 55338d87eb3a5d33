"""The draft PIP from a completed brede intake: advice, components with dates, goals."""

import dataclasses
from datetime import date

from inburgering_shared.callbacks import EventContext
from inburgering_shared.contracts.brede_intake import BredeIntakeContract, BredeIntakeStatus
from inburgering_shared.contracts.events import Notificatie
from inburgering_shared.contracts.resources import PipStatus

from ..advies.rules import leerroute_advies
from ..instellingen.service import waarden
from ..pips import repository
from ..pips.models import Pip
from ..pips.rules import gemeentelijk_aanbod
from ..pips.schemas import Doel, Onderdeel, PipInhoud
from ..pips.service import houd_deadline_bij, nieuw_concept
from .invoer import advies_input, bevindingen
from .rules import doelen_uit_bevindingen, plan_onderdelen


def verwerk_brede_intake(context: EventContext, notificatie: Notificatie) -> None:
    """Event handler: a completed brede intake fills the concept PIP; a vastgesteld PIP is left alone."""
    if notificatie.kenmerken.get("status") != BredeIntakeStatus.AFGEROND:
        return
    intake = context.services.get_model(notificatie.resourceUrl, BredeIntakeContract)
    if intake.status != BredeIntakeStatus.AFGEROND:
        return
    session = context.session
    bestaand = repository.by_inburgeraar(session, intake.inburgeraar)
    pip = bestaand or nieuw_concept(session, intake.inburgeraar, intake.gemeentecode, intake.doelgroep.value)
    if pip.status != PipStatus.CONCEPT:
        return
    pip.doelgroep = intake.doelgroep.value
    vul_concept(pip, intake, max_leeftijd=waarden(session, intake.gemeentecode).onderwijsroute_max_leeftijd)
    session.flush()
    houd_deadline_bij(context, pip, nieuw=bestaand is None)


def vul_concept(pip: Pip, intake: BredeIntakeContract, *, max_leeftijd: int) -> None:
    """Advice, components from the start date and goals from the findings; without advice only the goals."""
    start = intake.datumAfgerond or date.today()
    doelen = [Doel.model_validate(dataclasses.asdict(d)) for d in doelen_uit_bevindingen(bevindingen(intake))]
    inhoud = PipInhoud.model_validate(pip.inhoud or {})
    inhoud.doelen = doelen
    inhoud.alfabetisering = intake.alfabetisering or inhoud.alfabetisering
    pip.brede_intake_url = intake.url
    invoer = advies_input(intake, max_leeftijd)
    if invoer is not None:
        advies = leerroute_advies(invoer)
        pip.advies = {
            "leerroute": advies.leerroute.value,
            "niveau": advies.niveau.value if advies.niveau else None,
            "redenen": [dataclasses.asdict(r) for r in advies.redenen],
            "voorlopig": bool(advies.ontbreekt),
            "ontbreekt": advies.ontbreekt,
            "bredeIntake": intake.url,
        }
        pip.leerroute = advies.leerroute.value
        pip.niveau = advies.niveau.value if advies.niveau else None
        aanbod = gemeentelijk_aanbod(intake.doelgroep, intake.bijstand, advies.leerroute)
        inhoud.onderdelen = [
            Onderdeel(
                component=p.component,
                aangeboden=p.aangeboden,
                start=p.start,
                verwachtEinde=p.verwacht_einde,
                toelichting=f"{p.reden.tekst} Bron: {p.reden.bron}",
            )
            for p in plan_onderdelen(aanbod, start)
        ]
    pip.inhoud = inhoud.model_dump(mode="json")
