"""The hand-over a move owes (DUO M2M Gebeurtenissen SS120, SS121), as a table of cases."""

from datetime import date

import pytest
from inburgering_shared.contracts.resources import Verhuizing
from inburgering_shared.verhuizing import BRON, Overdracht, overdracht


def verhuizing(van: str, naar: str, dag: str, gebeurtenis: str = "SS121") -> Verhuizing:
    return Verhuizing(
        vanGemeente=van, naarGemeente=naar, datumVestiging=date.fromisoformat(dag), gebeurtenis=gebeurtenis
    )


@pytest.mark.parametrize(
    ("case", "gemeente", "verhuizingen", "expected"),
    [
        ("never moved", "GM0171", [], None),
        ("moved here", "GM0200", [verhuizing("GM0171", "GM0200", "2026-12-01", "SS120")],
         Overdracht("GM0171", "GM0200", date(2026, 12, 1), "SS120")),
        ("moved twice: the last move counts", "GM0363",
         [verhuizing("GM0200", "GM0363", "2027-03-01"), verhuizing("GM0171", "GM0200", "2026-12-01")],
         Overdracht("GM0200", "GM0363", date(2027, 3, 1), "SS121")),
        ("the dossier is not (yet) where the last move went", "GM0200",
         [verhuizing("GM0171", "GM0200", "2026-12-01"), verhuizing("GM0200", "GM0363", "2027-03-01")], None),
    ],
)  # fmt: skip
def test_overdracht(case, gemeente, verhuizingen, expected):
    assert overdracht(gemeente, verhuizingen) == expected, case


def test_the_hand_over_names_both_gemeenten_the_date_the_event_and_its_source():
    tekst = Overdracht("GM0171", "GM0200", date(2026, 12, 1), "SS121").toelichting()
    assert tekst.startswith(
        "Verhuizing: dossier overgedragen van GM0171 aan GM0200, gevestigd op 2026-12-01 (SS121)."
    )
    assert BRON in tekst and "SS120" in BRON and "SS121" in BRON
