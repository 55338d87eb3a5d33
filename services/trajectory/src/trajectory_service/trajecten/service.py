"""Use cases of the trajectory: opened from a vastgesteld PIP, with its termijnen as data."""

import uuid
from datetime import date, timedelta

from inburgering_shared.auth import CASEWORK, Principal, Role
from inburgering_shared.callbacks import EventContext
from inburgering_shared.contracts.events import Actie, Notificatie
from inburgering_shared.contracts.resources import DeadlineStatus, Leerroute, PipContract, PipStatus
from inburgering_shared.inburgeringstermijn import inburgeringstermijn
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import NotFound
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..componenten.service import ONTZORGEN, neem_planning_over, open_componenten
from ..config import Settings
from ..deadlines.models import Deadline
from ..duo.pip_opdrachten import plan_pip_intrekking, plan_pip_opdrachten
from ..rapportage.service import afronding_bij_opening
from ..voortgang.service import plan_gesprek
from .events import publish
from .models import Traject
from .rules import map_deadline

TERMIJN, MAP = "inburgeringstermijn", "map-gestart"


def verwerk_pip(context: EventContext, notificatie: Notificatie, settings: Settings) -> None:
    """Event handler: the first vastgesteld PIP opens the trajectory and starts its termijnen; a
    withdrawn PIP is withdrawn at DUO."""
    if notificatie.actie == Actie.PIP_INGETROKKEN:
        ingetrokken = context.services.get_model(notificatie.resourceUrl, PipContract)
        if ingetrokken.status == PipStatus.INGETROKKEN:
            plan_pip_intrekking(context.session, ingetrokken)
        return
    if notificatie.kenmerken.get("status") != PipStatus.VASTGESTELD:
        return
    pip = context.services.get_model(notificatie.resourceUrl, PipContract)
    if pip.status != PipStatus.VASTGESTELD or pip.leerroute is None or pip.dagtekening is None:
        return
    session = context.session
    # The gemeente owns the PIP: every vastgesteld version goes to DUO (DUO PIP API) with the aanbod and
    # the contactpersoon it gives, once; pip may announce the same version again (at-least-once delivery).
    plan_pip_opdrachten(session, pip)
    traject = session.scalar(select(Traject).where(Traject.inburgeraar_url == pip.inburgeraar))
    if traject is not None:
        # A later PIP version may change the route, never the termijn (R4).
        traject.pip_url, traject.leerroute = pip.url, pip.leerroute.value
        traject.pip_versie = pip.versie
        traject.doelgroep = pip.doelgroep.value if pip.doelgroep else traject.doelgroep
        if neem_planning_over(session, traject, pip.onderdelen):
            publish(
                session,
                context.outbox,
                context.api_url,
                traject,
                Actie.UPDATE,
                wijziging="termijn",
                termijn=ONTZORGEN,
            )
        return
    traject = open_traject(session, pip)
    neem_planning_over(session, traject, pip.onderdelen)
    plan_gesprek(session, settings, traject, traject.termijn_start)
    publish(session, context.outbox, context.api_url, traject, Actie.CREATE)
    afronding_bij_opening(session, context.outbox, context.api_url, traject)


def open_traject(session: Session, pip: PipContract) -> Traject:
    assert pip.leerroute is not None and pip.dagtekening is not None
    termijn = inburgeringstermijn(pip.dagtekening)
    traject = Traject(
        id=uuid.uuid4(),
        inburgeraar_url=pip.inburgeraar,
        pip_url=pip.url,
        gemeentecode=pip.gemeentecode,
        leerroute=pip.leerroute.value,
        doelgroep=pip.doelgroep.value if pip.doelgroep else None,
        dagtekening_eerste_pip=pip.dagtekening,
        termijn_start=termijn.start,
        termijn_einde=termijn.einde,
        map_deadline=map_deadline(pip.leerroute, termijn.start),
        pip_versie=pip.versie,
    )
    session.add(traject)
    _deadline(session, traject, TERMIJN, termijn.laatste_dag, "R4: Wet inburgering 2021 art. 11")
    if traject.map_deadline is not None:
        _deadline(session, traject, MAP, traject.map_deadline, "R11: MAP in de eerste 18 maanden (seed 002)")
    session.flush()
    open_componenten(session, traject.id, pip.leerroute)
    return traject


def neem_termijn_van_duo(
    session: Session, outbox: Outbox | None, api_url: str, traject: Traject, *, start: date, einde: date
) -> None:
    """DUO is the source of the termijn (R4, R5: start and extensions): adopt it with its deadlines."""
    if (traject.termijn_start, traject.termijn_einde) == (start, einde):
        return
    traject.termijn_start, traject.termijn_einde = start, einde
    traject.map_deadline = map_deadline(Leerroute(traject.leerroute), start)
    laatste_dag = einde - timedelta(days=1)  # DUO's einddatum is exclusive (R4)
    for deadline in session.scalars(select(Deadline).where(Deadline.subject_id == traject.id)):
        if deadline.soort == TERMIJN:
            deadline.vervaldatum, deadline.regel = laatste_dag, "R4/R5: termijn volgens DUO"
        elif deadline.soort == MAP and traject.map_deadline is not None:
            deadline.vervaldatum = traject.map_deadline
        deadline.gestart_door = "DUO inburgeringstermijn"
    session.flush()
    publish(session, outbox, api_url, traject, Actie.UPDATE, wijziging="termijn")


def _deadline(session: Session, traject: Traject, soort: str, vervaldatum: date, regel: str) -> None:
    session.add(
        Deadline(
            soort=soort,
            subject_id=traject.id,
            inburgeraar_url=traject.inburgeraar_url,
            gemeentecode=traject.gemeentecode,
            vervaldatum=vervaldatum,
            status=DeadlineStatus.OPEN.value,
            regel=regel,
            gestart_door=f"dagtekening eerste PIP {traject.dagtekening_eerste_pip}",
        )
    )


def bediende_trajecten(principal: Principal) -> str | None:
    """A taalaanbieder (without a casework role) sees only the trajectories it serves: its client id."""
    if principal.has_role(Role.TAALAANBIEDER) and not principal.has_role(*CASEWORK, Role.SERVICE):
        return principal.client_id
    return None


def get_traject(session: Session, *, principal: Principal, traject_id: uuid.UUID) -> Traject:
    traject = session.get(Traject, traject_id)
    if traject is None or not principal.may_access(traject.gemeentecode):
        raise NotFound("Traject niet gevonden.")
    if (bediend := bediende_trajecten(principal)) is not None and traject.taalaanbieder != bediend:
        raise NotFound("Traject niet gevonden.")
    return traject
