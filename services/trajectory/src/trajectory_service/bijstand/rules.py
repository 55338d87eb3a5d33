"""Bijstand periods of an inburgeraar: valid periods, and the one financieel ontzorgen follows.

Pure functions over plain values. Financieel ontzorgen runs six months from the start of
bijstand and ends earlier when bijstand ends (Participatiewet art. 56a; the end itself:
`componenten.rules.einde_financieel_ontzorgen`).
"""

from dataclasses import dataclass
from datetime import date
from itertools import pairwise


@dataclass(frozen=True)
class Periode:
    start: date
    einde: date | None
    """The last day of bijstand (inclusive); None while it runs."""


@dataclass(frozen=True)
class Fout:
    index: int
    code: str
    tekst: str


def perioden_fouten(perioden: list[Periode]) -> list[Fout]:
    """Each period ends on or after its start; periods follow each other without overlap, and only the
    last may still run (one bijstand at a time: Participatiewet art. 11, one right per person)."""
    fouten = [
        Fout(i, "EINDE_VOOR_START", "Het einde van de bijstand ligt voor de start.")
        for i, p in enumerate(perioden)
        if p.einde is not None and p.einde < p.start
    ]
    for i, (vorige, volgende) in enumerate(pairwise(perioden), start=1):
        if vorige.einde is None or volgende.start <= vorige.einde:
            fouten.append(Fout(i, "OVERLAP", "Deze periode begint voor de vorige bijstand eindigde."))
    return fouten


def ontzorgen_periode(perioden: list[Periode]) -> Periode | None:
    """The bijstand period that financieel ontzorgen follows: the first one (ontzorgen is the statutory
    start of the new resident's bijstand; a later period does not start it again)."""
    return perioden[0] if perioden else None
