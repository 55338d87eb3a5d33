"""Keeping the PIP deadline (R2) in step with the facts of the dossier."""

from datetime import date

from inburgering_shared.contracts.resources import DeadlineStatus, Doelgroep
from inburgering_shared.duo.codes import is_asielstatushouder
from inburgering_shared.problems import Conflict, InvalidParam, RuleViolation
from sqlalchemy.orm import Session

from ..pips.models import Pip
from ..pips.repository import deadline_of
from ..pips.rules import geen_pip
from .models import Deadline
from .rules import pip_deadline, verlengde_vervaldatum

SOORT = "pip-vaststellen"


def herbereken_pip_deadline(session: Session, pip: Pip) -> Deadline | None:
    """Create or move the open PIP deadline; it never moves once the PIP is vastgesteld. For the Wet
    inburgering 2013 or an ended plicht there is none: an open one closes as vervallen with the reason."""
    deadline = deadline_of(session, pip.id)
    if deadline is not None and deadline.status != DeadlineStatus.OPEN:
        return deadline
    if (reden := geen_pip(pip.wet, pip.eindreden, pip.eindregel)) is not None:
        if deadline is not None:
            deadline.status = DeadlineStatus.VERVALLEN.value
            deadline.afsluitreden = f"{reden.code}: {reden.bron}"[:200]
            session.flush()
        return deadline
    berekend = pip_deadline(
        asielstatushouder=is_asielstatushouder(Doelgroep(pip.doelgroep)),
        datum_kennisgeving=pip.datum_kennisgeving,
        datum_inschrijving_brp=pip.datum_inschrijving_brp,
        pip_klok_duo=pip.pip_klok_duo,
    )
    if berekend is None:
        return deadline
    if deadline is None:
        deadline = Deadline(soort=SOORT, subject_id=pip.id, status=DeadlineStatus.OPEN.value)
        session.add(deadline)
    deadline.inburgeraar_url = pip.inburgeraar_url
    deadline.gemeentecode = pip.gemeentecode
    deadline.oorspronkelijke_vervaldatum = berekend.vervaldatum
    verlengd = deadline.informatie_ontvangen and verlengde_vervaldatum(
        berekend.vervaldatum, deadline.informatie_ontvangen
    )
    deadline.vervaldatum = verlengd or berekend.vervaldatum
    deadline.regel = berekend.regel
    deadline.gestart_door = berekend.gestart_door
    session.flush()
    return deadline


def markeer_gehaald(session: Session, pip: Pip) -> None:
    """Close the deadline on vaststellen, keeping the dagtekening so met or missed stays visible."""
    deadline = deadline_of(session, pip.id)
    if deadline is not None and deadline.status == DeadlineStatus.OPEN:
        deadline.status = DeadlineStatus.GEHAALD.value
        deadline.afgehandeld_op = pip.dagtekening


def verleng(session: Session, pip: Pip, informatie_ontvangen: date, reden: str) -> Deadline:
    """Extend the open PIP deadline because information from third parties was needed (R3)."""
    deadline = deadline_of(session, pip.id)
    if deadline is None or deadline.status != DeadlineStatus.OPEN:
        raise Conflict("Dit PIP heeft geen open termijn om te verlengen.")
    berekend = deadline.oorspronkelijke_vervaldatum or deadline.vervaldatum
    verlengd = verlengde_vervaldatum(berekend, informatie_ontvangen)
    if verlengd is None:
        raise RuleViolation(
            "Twee weken na ontvangst van de informatie valt niet na de termijn: "
            "verlengen is niet nodig (R3).",
            invalid_params=[
                InvalidParam(
                    name="informatieOntvangen", code="R3", reason="Besluit inburgering 2021 art. 5.3"
                )
            ],
        )
    deadline.oorspronkelijke_vervaldatum = berekend
    deadline.informatie_ontvangen = informatie_ontvangen
    deadline.verlenging_reden = reden
    deadline.vervaldatum = verlengd
    deadline.regel = "R3: Besluit inburgering 2021 art. 5.3 (verlengd na informatie van derden)"
    session.flush()
    return deadline
