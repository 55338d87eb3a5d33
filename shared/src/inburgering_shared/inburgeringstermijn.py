"""The inburgeringstermijn (R4), once for the services that plan (pip) and track (trajectory) it."""

from dataclasses import dataclass
from datetime import date, timedelta

from .dates import add_years

INBURGERINGSTERMIJN_JAREN = 3


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
    Source: Wet inburgering 2021 art. 11; DUO Inburgeringstermijn API (einddatum exclusive); domain.md R4.
    """
    start = dagtekening_eerste_pip + timedelta(days=1)
    return Inburgeringstermijn(start=start, einde=add_years(start, INBURGERINGSTERMIJN_JAREN))
