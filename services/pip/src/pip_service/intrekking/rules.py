"""Withdrawing (intrekken) a vastgesteld PIP, as pure functions.

An intrekking is itself a besluit: a decision of the college with legal effect for the person
(Algemene wet bestuursrecht art. 1:3 lid 1), so it names its ground and legal basis (art. 3:46,
3:47), is made known to the person (art. 3:41) and is open to bezwaar within six weeks (art. 6:4,
6:7; `beschikking.rules.bezwaartermijn_einde`).
"""

from datetime import date
from enum import StrEnum

from inburgering_shared.contracts.resources import PipStatus


class Intrekkingsgrond(StrEnum):
    GEEN_INBURGERINGSPLICHT = "geen-inburgeringsplicht"
    ONJUISTE_GEGEVENS = "onjuiste-gegevens"
    VERGISSING = "vergissing"


GRONDSLAG: dict[Intrekkingsgrond, str] = {
    Intrekkingsgrond.GEEN_INBURGERINGSPLICHT: (
        "Wet inburgering 2021 art. 15 lid 1 jo. art. 3: het college stelt een PIP vast voor een "
        "inburgeringsplichtige; de persoon is (of was) dat niet"
    ),
    Intrekkingsgrond.ONJUISTE_GEGEVENS: (
        "Algemene wet bestuursrecht art. 3:2: het besluit berustte op onjuiste of onvolledige gegevens"
    ),
    Intrekkingsgrond.VERGISSING: (
        "Algemene wet bestuursrecht art. 3:2 en 3:46: het besluit is bij vergissing genomen en kan "
        "niet deugdelijk worden gemotiveerd"
    ),
}
"""The legal basis each ground of an intrekking rests on (Awb art. 3:47 lid 1: the besluit names it)."""


def niet_intrekbaar(status: PipStatus) -> str | None:
    """Why a PIP in this status cannot be withdrawn, or None when it can: only a vastgesteld PIP is
    a besluit to withdraw (Awb art. 1:3), and a withdrawn one is withdrawn once."""
    if status is PipStatus.CONCEPT:
        return "Dit PIP is nog een concept: er is geen besluit om in te trekken."
    if status is PipStatus.INGETROKKEN:
        return "Dit PIP is al ingetrokken."
    return None


def dagtekening_voor_besluit(dagtekening_pip: date, dagtekening_intrekking: date) -> bool:
    """An intrekking cannot be dated before the besluit it withdraws (the current version's
    dagtekening): a besluit withdraws what exists when it is taken (Awb art. 1:3)."""
    return dagtekening_intrekking < dagtekening_pip
