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


def met_verlenging(start: date, einde: date) -> tuple[date, date | None]:
    """DUO's termijn as its R4 end and, when DUO recorded a later end, the extension (R5).

    The termijn is three years from its start (R4); an end DUO records beyond that is a
    verlenging, which only DUO decides. Returns (einde without the extension, verlengd tot
    or None), both exclusive as DUO stores them.
    Source: Wet inburgering 2021 art. 11 and 12; Besluit inburgering 2021 art. 4.3-4.4; DUO events
    SS103, SS104 and SS113; domain.md R4 and R5.
    """
    regulier = add_years(start, INBURGERINGSTERMIJN_JAREN)
    return (regulier, einde) if einde > regulier else (einde, None)
