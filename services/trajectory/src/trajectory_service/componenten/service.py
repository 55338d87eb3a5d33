"""Use cases of a trajectory's components: their state, and what completing one owes DUO."""

import uuid
from datetime import date, datetime
from typing import Any

from inburgering_shared.contracts.events import Actie
from inburgering_shared.contracts.resources import DeadlineStatus, Leerroute, PipOnderdeelContract
from inburgering_shared.duo import validatie
from inburgering_shared.etag import check_if_match
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import Conflict, InvalidParam, NotFound, RuleViolation
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..bijstand.perioden import einde_bijstand
from ..deadlines.models import Deadline
from ..duo.rules import NEDERLAND
from ..duo.service import plan_opdracht
from ..trajecten.events import publish
from ..trajecten.models import Traject
from ..uren.service import z_route
from .models import Component
from .rules import (
    PIP_ONDERDELEN,
    Componentsoort,
    Componentstatus,
    component_overgang_fouten,
    componenten_van_leerroute,
    einde_financieel_ontzorgen,
    z_route_afronding_fouten,
)
from .schemas import ComponentWijziging

ONTZORGEN = "ontzorgen-einde"

# The components whose completion date the gemeente reports to DUO (DUO MAP/PVT/Z-route API; R10-R13).
DUO_RESULTAAT = {Componentsoort.MAP: ("map", validatie.MAP), Componentsoort.PVT: ("pvt", validatie.PVT)}


def open_componenten(session: Session, traject_id: uuid.UUID, leerroute: Leerroute) -> None:
    for soort in componenten_van_leerroute(leerroute):
        session.add(
            Component(traject_id=traject_id, soort=soort.value, status=Componentstatus.NIET_GESTART.value)
        )
    session.flush()


def neem_planning_over(session: Session, traject: Traject, onderdelen: list[PipOnderdeelContract]) -> bool:
    """Each component takes the PIP's planned start, expected end and provider; financieel
    ontzorgen, when the PIP offers it, joins the trajectory with the PIP's start as the start of
    bijstand, so its six months run as a deadline (R14). Returns whether the ontzorgen termijn changed."""
    bestaand = {c.soort: c for c in list_componenten(session, traject)}
    termijn_gewijzigd = False
    for onderdeel in onderdelen:
        soort = PIP_ONDERDELEN.get(onderdeel.component)
        if soort is None:
            continue
        component = bestaand.get(soort.value)
        if component is None and soort is Componentsoort.FINANCIEEL_ONTZORGEN:
            component = voeg_ontzorgen_toe(session, traject)
        if component is None:
            continue  # not part of this leerroute (the PIP and trajectory agree on the route's components)
        component.geplande_start, component.verwacht_einde = onderdeel.start, onderdeel.verwachtEinde
        component.aanbieder = onderdeel.aanbieder
        if soort is Componentsoort.FINANCIEEL_ONTZORGEN and component.startdatum is None:
            bijstand = einde_bijstand(traject)  # recorded bijstand goes before the PIP's plan
            component.startdatum = bijstand[0] if bijstand else onderdeel.start
            termijn_gewijzigd = ontzorgen_termijn(session, traject, component)
    session.flush()
    return termijn_gewijzigd


def voeg_ontzorgen_toe(session: Session, traject: Traject) -> Component:
    """Financieel ontzorgen is part of the trajectory of an asielstatushouder on bijstand (R14); the
    trajectory does not know about bijstand, so the klantmanager adds it."""
    bestaand = session.scalar(
        select(Component).where(
            Component.traject_id == traject.id, Component.soort == Componentsoort.FINANCIEEL_ONTZORGEN.value
        )
    )
    if bestaand is not None:
        raise Conflict("Het traject heeft al financieel ontzorgen.")
    component = Component(
        traject_id=traject.id,
        soort=Componentsoort.FINANCIEEL_ONTZORGEN.value,
        status=Componentstatus.NIET_GESTART.value,
    )
    session.add(component)
    session.flush()
    return component


def ontzorgen_termijn(session: Session, traject: Traject, component: Component) -> bool:
    """The end of the statutory six months as a deadline (R14), from the start of bijstand (startdatum).
    Returns whether the termijn changed (its due date or state)."""
    deadline = session.scalar(
        select(Deadline).where(Deadline.subject_id == component.id, Deadline.soort == ONTZORGEN)
    )
    voor = (deadline.vervaldatum, deadline.status) if deadline is not None else None
    if component.startdatum is None:
        if deadline is not None:
            deadline.status = DeadlineStatus.VERVALLEN.value
        return deadline is not None and voor != (deadline.vervaldatum, deadline.status)
    if deadline is None:
        deadline = Deadline(
            soort=ONTZORGEN,
            subject_id=component.id,
            inburgeraar_url=traject.inburgeraar_url,
            gemeentecode=traject.gemeentecode,
            regel="R14: Participatiewet art. 56a, zes maanden",
        )
        session.add(deadline)
    bijstand = einde_bijstand(traject)
    einde = bijstand[1] if bijstand and bijstand[0] == component.startdatum else None
    deadline.vervaldatum = einde_financieel_ontzorgen(component.startdatum, einde)
    deadline.gestart_door = f"start bijstand {component.startdatum}" + (
        f", einde bijstand {einde}" if einde else ""
    )
    deadline.status = (
        DeadlineStatus.GEHAALD.value
        if component.status == Componentstatus.AFGEROND
        else DeadlineStatus.OPEN.value
    )
    return voor != (deadline.vervaldatum, deadline.status)


def list_componenten(session: Session, traject: Traject) -> list[Component]:
    query = select(Component).where(Component.traject_id == traject.id).order_by(Component.soort)
    return list(session.scalars(query))


def get_component(session: Session, traject: Traject, soort: Componentsoort) -> Component:
    component = session.scalar(
        select(Component).where(Component.traject_id == traject.id, Component.soort == soort.value)
    )
    if component is None:
        raise NotFound(f"Het traject heeft geen onderdeel {soort.value}.")
    return component


def wijzig_component(
    session: Session,
    outbox: Outbox | None,
    *,
    api_url: str,
    traject: Traject,
    soort: Componentsoort,
    wijziging: ComponentWijziging,
    if_match: str | None,
    vandaag: date | None = None,
) -> Component:
    """Record the component's state; completing MAP or PVT, or the Z-route's leerroute, is sent to DUO."""
    component = get_component(session, traject, soort)
    check_if_match(if_match, component.rijversie)
    fouten = [
        InvalidParam(name="einddatum" if "EIND" in r.code else "startdatum", code=r.code, reason=r.tekst)
        for r in component_overgang_fouten(wijziging.status, wijziging.startdatum, wijziging.einddatum)
    ]
    duo_datum = wijziging.einddatum if wijziging.status is Componentstatus.AFGEROND else None
    if soort in DUO_RESULTAAT:
        context = validatie.ResultaatContext(
            traject.termijn_start, traject.termijn_einde, None, vandaag or datetime.now(NEDERLAND).date()
        )
        overtredingen = validatie.resultaat_overtredingen(
            DUO_RESULTAAT[soort][1], duo_datum, wijziging.verwijtbaar, context
        )
        fouten += [
            InvalidParam(
                name="einddatum" if o.veld != "verwijtbaar" else "verwijtbaar",
                code=o.code,
                reason=f"{o.melding} Bron: {o.bron} ({o.regel})",
            )
            for o in overtredingen
        ]
    elif wijziging.verwijtbaar is not None:
        fouten.append(
            InvalidParam(name="verwijtbaar", code="R13", reason="Verwijtbaar hoort alleen bij MAP en PVT.")
        )
    if soort is Componentsoort.LEERROUTE and duo_datum is not None:
        # The Z-route completion goes to DUO only once the hour norm is met (R10).
        fouten += [
            InvalidParam(name="status", code=r.code, reason=f"{r.tekst} Bron: {r.bron}")
            for r in z_route_afronding_fouten(z_route(session, [traject])[traject.id])
        ]
    if fouten:
        raise RuleViolation(" ".join(f.reason for f in fouten), invalid_params=fouten)
    was_afgerond = component.status == Componentstatus.AFGEROND
    oud = (component.status, component.einddatum, component.verwijtbaar)
    component.status = wijziging.status.value
    component.startdatum, component.einddatum = wijziging.startdatum, wijziging.einddatum
    component.verwijtbaar, component.bewijs = wijziging.verwijtbaar, wijziging.bewijs
    termijn_gewijzigd = soort is Componentsoort.FINANCIEEL_ONTZORGEN and ontzorgen_termijn(
        session, traject, component
    )
    session.flush()
    if oud != (component.status, component.einddatum, component.verwijtbaar):
        _meld_duo(session, traject, soort, duo_datum, wijziging.verwijtbaar, was_afgerond)
    if component.status == Componentstatus.AFGEROND and not was_afgerond:
        publish(session, outbox, api_url, traject, Actie.UPDATE, wijziging="component", component=soort.value)
    if termijn_gewijzigd:
        publish(session, outbox, api_url, traject, Actie.UPDATE, wijziging="termijn", termijn=ONTZORGEN)
    return component


def _meld_duo(
    session: Session,
    traject: Traject,
    soort: Componentsoort,
    datum: date | None,
    verwijtbaar: str | None,
    was_afgerond: bool,
) -> None:
    """The gemeente owns component completion: DUO gets the date (or its withdrawal, as PUT replaces)."""
    inhoud: dict[str, Any]
    if soort in DUO_RESULTAAT:
        inhoud = {"datum": datum.isoformat() if datum else None, "verwijtbaar": verwijtbaar}
        naam = DUO_RESULTAAT[soort][0]
    elif soort is Componentsoort.LEERROUTE and traject.leerroute == Leerroute.Z:
        inhoud, naam = {"datum": datum.isoformat() if datum else None}, "zroute"
    else:
        return
    if datum is None and not was_afgerond:
        return  # nothing was reported, so nothing to withdraw
    plan_opdracht(
        session,
        inburgeraar_url=traject.inburgeraar_url,
        gemeentecode=traject.gemeentecode,
        soort=naam,
        inhoud=inhoud,
    )
