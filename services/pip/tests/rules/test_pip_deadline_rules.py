"""Table tests for the PIP deadline (R2): which fact starts the 10 weeks."""

from datetime import date

import pytest
from pip_service.deadlines.rules import pip_deadline

R2 = "Besluit inburgering 2021 art. 5.3; DUO Gebeurtenissen SS139; domain.md R2"
KENNISGEVING, BRP, SS139 = date(2026, 9, 1), date(2026, 10, 1), date(2026, 10, 15)


@pytest.mark.parametrize(
    ("asielstatushouder", "kennisgeving", "brp", "ss139", "verwacht", "gestart_door", "source"),
    [
        (True, KENNISGEVING, BRP, SS139, date(2026, 12, 24), "DUO SS139 (woont in de gemeente)", R2),
        (True, None, None, SS139, date(2026, 12, 24), "DUO SS139 (woont in de gemeente)", R2),
        (
            True,
            KENNISGEVING,
            BRP,
            None,
            date(2026, 12, 10),
            "inschrijving BRP (SS139 nog niet ontvangen)",
            R2,
        ),
        (True, KENNISGEVING, None, None, None, None, R2),
        # SS139 is DUO's signal for asielstatushouders; others run from the kennisgeving or the BRP.
        (False, KENNISGEVING, BRP, SS139, date(2026, 12, 10), "inschrijving BRP", R2),
        (False, BRP, KENNISGEVING, SS139, date(2026, 12, 10), "kennisgeving DUO", R2),
        (False, None, BRP, None, None, None, R2),
    ],
)
def test_pip_deadline(asielstatushouder, kennisgeving, brp, ss139, verwacht, gestart_door, source):
    deadline = pip_deadline(
        asielstatushouder=asielstatushouder,
        datum_kennisgeving=kennisgeving,
        datum_inschrijving_brp=brp,
        pip_klok_duo=ss139,
    )
    uitkomst = (deadline.vervaldatum, deadline.gestart_door) if deadline else (None, None)
    assert uitkomst == (verwacht, gestart_door), source
