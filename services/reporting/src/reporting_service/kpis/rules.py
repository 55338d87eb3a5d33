"""The monitoring rules: which date counts for what, as pure functions citing their source.

Periods are half-open, [van, tot), as dates. Percentages are of a known
denominator and None when there is nothing to divide by.
"""

import math
from datetime import date

from inburgering_shared.contracts.resources import Leerroute

Verdeling = dict[str, int]

# domain.md, "Monitoring figures": the expected split of the ministry (SZW) and of seed 002's gemeenten.
SZW_VERDELING: Verdeling = {Leerroute.B1: 60, Leerroute.ONDERWIJS: 25, Leerroute.Z: 15}
SEED_002_VERDELING: Verdeling = {Leerroute.B1: 40, Leerroute.ONDERWIJS: 20, Leerroute.Z: 40}


def in_periode(day: date | None, van: date, tot: date) -> bool:
    return day is not None and van <= day < tot


def instroomdatum(koppeling: date | None, kennisgeving: date | None) -> date | None:
    """Inflow: the koppeling by COA (process step 1); without one (gezinsmigranten) DUO's kennisgeving."""
    return koppeling or kennisgeving


def pip_klok_start(kennisgeving: date | None, inschrijving_brp: date | None) -> date | None:
    """When the 10-week PIP clock started (R2, Besluit art. 5.3): the kennisgeving, or the BRP
    registration when that came later (for asielstatushouders: living in the gemeente, SS139)."""
    known = [day for day in (kennisgeving, inschrijving_brp) if day is not None]
    return max(known) if known else None


def pip_op_tijd(dagtekening: date, deadline: date) -> bool:
    """Vastgesteld on or before the deadline pip set for it (R2, R3)."""
    return dagtekening <= deadline


def termijn_einde(einde: date, verlengd_tot: date | None) -> date:
    """The effective end of the inburgeringstermijn: DUO's extension when there is one (R4, R5).
    Exclusive, as DUO stores it."""
    return verlengd_tot or einde


def termijn_overschreden(einde: date, plicht_voldaan: date | None, peildatum: date) -> bool:
    """Exceeded when the (exclusive) end has come by `peildatum` and the plicht was not met before it (R4)."""
    return einde <= peildatum and (plicht_voldaan is None or plicht_voldaan >= einde)


def map_op_tijd(gestart: date | None, deadline: date) -> bool:
    """MAP started by its 18-month deadline (R11, seed 002)."""
    return gestart is not None and gestart <= deadline


def percentage(deel: int, geheel: int) -> float | None:
    return round(100 * deel / geheel, 1) if geheel else None


def mediaan(values: list[int]) -> float | None:
    if not values:
        return None
    ordered, middle = sorted(values), len(values) // 2
    return float(ordered[middle]) if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def percentiel(values: list[int], p: int) -> int | None:
    """Nearest-rank percentile: the smallest value with at least p% of the values at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


EINDREDENEN = ("gehele-ontheffing", "vrijstelling", "plicht-voldaan", "plicht-vervallen")
"""How DUO ended a plicht, as pip serves it: art. 5 (ontheffing), art. 4 (vrijstelling), art. 6 (voldaan)
and art. 3 (no longer plichtig) Wet inburgering 2021."""


def ondertussengroep(wet: str | None) -> bool:
    """Counted apart: a plicht begun before 2022 stays under the Wet inburgering 2013 (art. 54 lid 1 Wet
    inburgering 2021), with no PIP from the gemeente."""
    return wet == "Wet inburgering 2013"
