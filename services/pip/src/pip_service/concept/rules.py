"""The draft content of a PIP: each component with its planned dates, goals per leefgebied.

Pure functions over plain values; the klantmanager adjusts the draft before
vaststellen. Sources are cited per function.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from inburgering_shared.dates import add_months
from inburgering_shared.inburgeringstermijn import inburgeringstermijn

from ..advies.rules import Reden
from ..pips.rules import Component, ComponentAanbod

"""Wet inburgering 2021 art. 11 (domain.md R4): the termijn is 3 years."""

MAP_MAANDEN = 18
"""Seed 002 and domain.md R11: the MAP is offered in the first 18 months."""

ONTZORGEN_MAANDEN = 6
"""Participatiewet art. 56a (domain.md R14): 6 months of financieel ontzorgen."""

DOEL_ZELFREDZAAMHEID_DREMPEL = 3
"""Zelfredzaamheid-Matrix scale of the brede intake (contracts/brede_intake.py): 3 is
"beperkt zelfredzaam"; at or below it a leefgebied gets a goal in the PIP."""


@dataclass(frozen=True)
class Planning:
    component: Component
    aangeboden: bool
    start: date | None
    verwacht_einde: date | None
    reden: Reden


@dataclass(frozen=True)
class Bevinding:
    """What the brede intake found on one leefgebied (contracts/brede_intake.py, LeefgebiedBevinding)."""

    leefgebied: str
    zelfredzaamheid: int | None
    observaties: str | None = None
    wensen: str | None = None
    behoeften: str | None = None


@dataclass(frozen=True)
class Doel:
    leefgebied: str
    omschrijving: str
    aanleiding: str


def laatste_dag_termijn(start: date) -> date:
    """The last day of the inburgeringstermijn for a first PIP with dagtekening `start`.

    The termijn runs 3 years from the day after the dagtekening of the first
    PIP (DUO stores the end exclusive; this is the last day inside it).
    Source: Wet inburgering 2021 art. 11; domain.md R4.
    """
    return inburgeringstermijn(start).laatste_dag


def _verwacht_einde(component: Component, start: date) -> date | None:
    if component is Component.MAP:
        return add_months(start + timedelta(days=1), MAP_MAANDEN)  # 18 months from the termijn's start
    if component is Component.FINANCIEEL_ONTZORGEN:
        return add_months(start, ONTZORGEN_MAANDEN)
    if component is Component.MAATSCHAPPELIJKE_BEGELEIDING:
        return None
    return laatste_dag_termijn(start)


def plan_onderdelen(aanbod: list[ComponentAanbod], start: date) -> list[Planning]:
    """Each offered component with its start and expected end; components not offered have no dates.

    Everything starts at the (expected) dagtekening. The leerroute, its
    participation part, KNM and PVT are finished within the termijn (R4, R8,
    R10, R12); the MAP is planned in the first 18 months of the termijn (R11); financieel
    ontzorgen lasts 6 months (R14: from the start of bijstand, which the
    klantmanager adjusts); maatschappelijke begeleiding has no statutory end
    and is left open.
    Source: domain.md R4, R8-R12, R14; seed 002 section 3.
    """
    return [
        Planning(
            a.component,
            a.aangeboden,
            start if a.aangeboden else None,
            _verwacht_einde(a.component, start) if a.aangeboden else None,
            a.reden,
        )
        for a in aanbod
    ]


def doelen_uit_bevindingen(bevindingen: list[Bevinding]) -> list[Doel]:
    """A goal for every leefgebied where the person is at most beperkt zelfredzaam or asked for help.

    The PIP holds personal goals on the leefgebieden the brede intake covered
    (seed 002 footnote 4; domain.md step 4). A leefgebied scored at or below
    `DOEL_ZELFREDZAAMHEID_DREMPEL`, or with a stated behoefte, gets a goal; the
    goal text starts from the person's own wish or need and names what the
    brede intake found.
    Source: seed 002 footnote 4 and section 3; domain.md process steps 3 and 4.
    """
    doelen = []
    for b in bevindingen:
        laag = b.zelfredzaamheid is not None and b.zelfredzaamheid <= DOEL_ZELFREDZAAMHEID_DREMPEL
        if not (laag or b.behoeften):
            continue
        omschrijving = b.behoeften or b.wensen or f"U wordt zelfstandiger op het gebied {b.leefgebied}."
        aanleiding = "; ".join(
            part
            for part in (
                f"zelfredzaamheid {b.zelfredzaamheid} van 5" if b.zelfredzaamheid is not None else None,
                b.observaties,
            )
            if part
        )
        doelen.append(Doel(b.leefgebied, omschrijving, f"Brede intake: {aanleiding or 'behoefte genoemd'}."))
    return doelen
