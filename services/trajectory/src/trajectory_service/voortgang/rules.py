"""When the next voortgangsgesprek is due, and what its outcome means.

Sources: seed 002 section 5 ("Er worden meerdere voortgangsgesprekken gevoerd gedurende het
inburgeringstraject"; the talks check whether the leerroute still fits); seed 004 section 3.2 (the
klantmanager holds them; the report belongs with the PIP). Neither gives an interval: it is a
per-gemeente setting (`TRAJECTORY_VOORTGANGSGESPREK_MAANDEN`), by default every three months.
"""

from datetime import date
from enum import StrEnum

from inburgering_shared.dates import add_months

STANDAARD_INTERVAL_MAANDEN = 3
"""The product's default when a gemeente sets nothing (no source prescribes an interval)."""


class Uitkomst(StrEnum):
    OP_SCHEMA = "op-schema"
    PIP_WIJZIGEN = "pip-wijzigen"


def volgend_gesprek(vanaf: date, interval_maanden: int) -> date:
    """The next voortgangsgesprek: `interval_maanden` after the start of the termijn or the last talk."""
    return add_months(vanaf, interval_maanden)
