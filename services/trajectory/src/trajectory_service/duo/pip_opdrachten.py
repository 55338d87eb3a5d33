"""The writes a vastgesteld PIP owes DUO, queued in the transaction of pip's event: the PIP itself, the
inburgeringsaanbod and the klantmanager as DUO's contactpersoon; and a withdrawn PIP its withdrawal there.

For an asielstatushouder the gemeente delivers the inburgeringsaanbod (Wet inburgering 2021 art. 16;
DUO's SS127 reminds a gemeente that has not): the leerroute as the PIP offers it, at its aanbieder, from
every vastgesteld version that names the leerroute's aanbieder (until one does, DUO's SS127 reminds the
gemeente); a version with another aanbieder withdraws the aanbod at the previous one.
The klantmanager the PIP names is the person's contactpersoon at DUO; a version naming another
klantmanager (or other contact details) changes it. An event is delivered at least once: a version
queues its writes once.
"""

from typing import Any

from inburgering_shared.contracts.resources import Doelgroep, PipContract
from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import DuoOpdracht
from .service import al_gepland, plan_opdracht

PIP, AANBOD, CONTACTPERSOON, CONTACTPERSOON_WEG = "pip", "aanbod", "contactpersoon", "contactpersoon-weg"
PIP_WEG = "pip-weg"
"""The PIP withdrawn here (intrekking): withdrawn at DUO with its inburgeringsaanbod (pip_intrekking.py)."""
LEERROUTE = "leerroute"
"""The component of the PIP (pip's `Component.LEERROUTE`) whose aanbieder gives the inburgeringsaanbod."""


def plan_pip_opdrachten(session: Session, pip: PipContract) -> None:
    assert pip.leerroute is not None and pip.dagtekening is not None
    versie = {"pip": pip.url, "versie": pip.versie}
    _eenmalig(
        session,
        pip,
        PIP,
        {"dagtekening": pip.dagtekening.isoformat(), "leerroute": pip.leerroute.value, **versie},
    )
    aanbod = aanbod_inhoud(pip)
    if pip.doelgroep is Doelgroep.ASIELSTATUSHOUDER and aanbod["aanbieder"]:
        _eenmalig(session, pip, AANBOD, {**aanbod, **versie})
    if pip.klantmanager is not None:
        contact = {
            "naam": pip.klantmanager.naam,
            "email": pip.klantmanager.email,
            "telefoonnummer": pip.klantmanager.telefoon,
        }
        if laatste_contactpersoon(session, pip.inburgeraar) != (CONTACTPERSOON, contact):
            _plan(session, pip, CONTACTPERSOON, contact)


def plan_pip_intrekking(session: Session, pip: PipContract) -> None:
    """pip withdrew the PIP (a besluit of its own): DUO's PIP and the aanbod from it go too, once."""
    _eenmalig(session, pip, PIP_WEG, {"pip": pip.url, "versie": pip.versie})


def aanbod_inhoud(pip: PipContract) -> dict[str, Any]:
    """The leerroute as the PIP offers it: its aanbieder, planned start and expected end."""
    leerroute = next((o for o in pip.onderdelen if o.component == LEERROUTE), None)
    return {
        "aanbieder": leerroute.aanbieder if leerroute else None,
        "start": leerroute.start.isoformat() if leerroute and leerroute.start else None,
        "einde": leerroute.verwachtEinde.isoformat() if leerroute and leerroute.verwachtEinde else None,
        "alfabetisering": pip.alfabetisering,
    }


def laatste_contactpersoon(session: Session, inburgeraar_url: str) -> tuple[str, dict[str, Any]] | None:
    """The last contactpersoon write queued for the person: set (with the details) or removed."""
    laatste = session.scalars(
        select(DuoOpdracht)
        .where(
            DuoOpdracht.inburgeraar_url == inburgeraar_url,
            DuoOpdracht.soort.in_((CONTACTPERSOON, CONTACTPERSOON_WEG)),
        )
        .order_by(DuoOpdracht.aangemaakt.desc(), DuoOpdracht.id.desc())
        .limit(1)
    ).first()
    return (laatste.soort, laatste.inhoud) if laatste else None


def _eenmalig(session: Session, pip: PipContract, soort: str, inhoud: dict[str, Any]) -> None:
    if not al_gepland(session, pip.inburgeraar, soort, inhoud):
        _plan(session, pip, soort, inhoud)


def _plan(session: Session, pip: PipContract, soort: str, inhoud: dict[str, Any]) -> None:
    plan_opdracht(
        session, inburgeraar_url=pip.inburgeraar, gemeentecode=pip.gemeentecode, soort=soort, inhoud=inhoud
    )
