"""The termijnen that start when the first PIP is vastgesteld (R4 lives in inburgering_shared, R11)."""

from datetime import date

from inburgering_shared.contracts.resources import Leerroute
from inburgering_shared.dates import add_months

MAP_MAANDEN = 18


def map_deadline(leerroute: Leerroute, termijn_start: date) -> date | None:
    """The MAP must be offered in the first 18 months of the termijn; only B1-route and Z-route have it.

    Source: seed 002 (MAP in the first 18 months); DUO MAP API; domain.md R11.
    """
    if leerroute is Leerroute.ONDERWIJS:
        return None
    return add_months(termijn_start, MAP_MAANDEN)
