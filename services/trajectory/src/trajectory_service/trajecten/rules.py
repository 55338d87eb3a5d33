"""The termijnen that start when the first PIP is vastgesteld (R4, R11)."""

from dataclasses import dataclass
from datetime import date, timedelta

from inburgering_shared.contracts.resources import Leerroute
from inburgering_shared.dates import add_months, add_years

INBURGERINGSTERMIJN_JAREN = 3
MAP_MAANDEN = 18


@dataclass(frozen=True)
class Inburgeringstermijn:
    start: date
    einde: date
    """Exclusive, as DUO stores it: the termijn's last day is `einde - 1 day`."""

    @property
    def laatste_dag(self) -> date:
        return self.einde - timedelta(days=1)


def inburgeringstermijn(dagtekening_eerste_pip: date) -> Inburgeringstermijn:
    """Three years, starting the day after the dagtekening of the first PIP, for every doelgroep.

    It does not move when the PIP is changed or replaced; only DUO extends it (R5).
    Source: Wet inburgering 2021 art. 11; DUO Inburgeringstermijn API (einddatum exclusive).
    """
    start = dagtekening_eerste_pip + timedelta(days=1)
    return Inburgeringstermijn(start=start, einde=add_years(start, INBURGERINGSTERMIJN_JAREN))


def map_deadline(leerroute: Leerroute, termijn_start: date) -> date | None:
    """The MAP must be offered in the first 18 months of the termijn; only B1-route and Z-route have it.

    Source: seed 002 (MAP in the first 18 months); DUO MAP API; domain.md R11.
    """
    if leerroute is Leerroute.ONDERWIJS:
        return None
    return add_months(termijn_start, MAP_MAANDEN)
