"""Keeping the PIP deadline (R2) in step with the facts of the dossier."""

from sqlalchemy.orm import Session

from inburgering_shared.contracts.resources import DeadlineStatus, Doelgroep
from inburgering_shared.duo.codes import is_asielstatushouder

from ..pips.models import Pip
from ..pips.repository import deadline_of
from .models import Deadline
from .rules import pip_deadline

SOORT = "pip-vaststellen"


def herbereken_pip_deadline(session: Session, pip: Pip) -> Deadline | None:
    """Create or move the open PIP deadline; it never moves once the PIP is vastgesteld."""
    deadline = deadline_of(session, pip.id)
    if deadline is not None and deadline.status != DeadlineStatus.OPEN:
        return deadline
    berekend = pip_deadline(
        asielstatushouder=is_asielstatushouder(Doelgroep(pip.doelgroep)),
        datum_kennisgeving=pip.datum_kennisgeving,
        datum_inschrijving_brp=pip.datum_inschrijving_brp,
    )
    if berekend is None:
        return deadline
    if deadline is None:
        deadline = Deadline(soort=SOORT, subject_id=pip.id, status=DeadlineStatus.OPEN.value)
        session.add(deadline)
    deadline.inburgeraar_url = pip.inburgeraar_url
    deadline.gemeentecode = pip.gemeentecode
    deadline.vervaldatum = berekend.vervaldatum
    deadline.regel = berekend.regel
    deadline.gestart_door = berekend.gestart_door
    session.flush()
    return deadline


def markeer_gehaald(session: Session, pip: Pip) -> None:
    deadline = deadline_of(session, pip.id)
    if deadline is not None and deadline.status == DeadlineStatus.OPEN:
        deadline.status = DeadlineStatus.GEHAALD.value
