from datetime import date

import pytest
from inburgering_shared.contracts.resources import Leerroute
from inburgering_shared.inburgeringstermijn import inburgeringstermijn
from trajectory_service.trajecten.rules import map_deadline

R4 = "Wet inburgering 2021 art. 11 (R4)"
R11 = "seed 002, MAP in de eerste 18 maanden (R11)"


@pytest.mark.parametrize(
    ("dagtekening", "start", "einde", "laatste_dag", "bron"),
    [
        (date(2026, 3, 14), date(2026, 3, 15), date(2029, 3, 15), date(2029, 3, 14), R4),
        (date(2026, 12, 31), date(2027, 1, 1), date(2030, 1, 1), date(2029, 12, 31), R4),
        (date(2027, 2, 28), date(2027, 3, 1), date(2030, 3, 1), date(2030, 2, 28), R4),
        (date(2028, 2, 28), date(2028, 2, 29), date(2031, 2, 28), date(2031, 2, 27), R4),
    ],
)
def test_inburgeringstermijn_starts_the_day_after_the_dagtekening(
    dagtekening, start, einde, laatste_dag, bron
):
    termijn = inburgeringstermijn(dagtekening)
    assert (termijn.start, termijn.einde, termijn.laatste_dag) == (start, einde, laatste_dag), bron


@pytest.mark.parametrize(
    ("leerroute", "start", "deadline", "bron"),
    [
        (Leerroute.B1, date(2026, 3, 15), date(2027, 9, 15), R11),
        (Leerroute.Z, date(2026, 8, 31), date(2028, 2, 29), R11),
        (Leerroute.ONDERWIJS, date(2026, 3, 15), None, "domain.md R11: MAP is for B1-route and Z-route"),
    ],
)
def test_map_deadline_at_eighteen_months(leerroute, start, deadline, bron):
    assert map_deadline(leerroute, start) == deadline, bron
