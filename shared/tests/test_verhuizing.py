"""The hand-over a move owes (DUO M2M Gebeurtenissen SS120, SS121), as a table of cases."""

from datetime import date

import pytest
from inburgering_shared.contracts.resources import Verhuizing
from inburgering_shared.verhuizing import BRON, GEMEENTE_VAN_VESTIGING, Overdracht, overdracht, van_kracht


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
         [verhuizing("GM0200", "GM0363", "2026-12-02"), verhuizing("GM0171", "GM0200", "2026-11-01")],
         Overdracht("GM0200", "GM0363", date(2026, 12, 2), "SS121")),
        ("the dossier is not (yet) where the last move went", "GM0200",
         [verhuizing("GM0171", "GM0200", "2026-11-01"), verhuizing("GM0200", "GM0363", "2026-12-02")], None),
        ("a move announced for a later date owes nothing yet", "GM0200",
         [verhuizing("GM0171", "GM0200", "2026-12-10")], None),
        ("a later move still to come: the one in effect counts", "GM0200",
         [verhuizing("GM0171", "GM0200", "2026-12-01"), verhuizing("GM0200", "GM0363", "2026-12-10")],
         Overdracht("GM0171", "GM0200", date(2026, 12, 1), "SS121")),
    ],
)  # fmt: skip
def test_overdracht(case, gemeente, verhuizingen, expected):
    assert overdracht(gemeente, verhuizingen, VANDAAG) == expected, case


VANDAAG = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("dag", "expected"), [("2026-12-02", True), ("2026-12-03", True), ("2026-12-04", False)]
)
def test_a_move_takes_effect_on_its_moving_date_not_before(dag, expected):
    assert van_kracht(verhuizing("GM0171", "GM0200", dag), VANDAAG) is expected
    assert (
        "conform het BRP" in GEMEENTE_VAN_VESTIGING and "ingezetene van de gemeente" in GEMEENTE_VAN_VESTIGING
    )


def test_the_hand_over_names_both_gemeenten_the_date_the_event_and_its_source():
    tekst = Overdracht("GM0171", "GM0200", date(2026, 12, 1), "SS121").toelichting()
    assert tekst.startswith(
        "Verhuizing: dossier overgedragen van GM0171 aan GM0200, gevestigd op 2026-12-01 (SS121)."
    )
    assert BRON in tekst and "SS120" in BRON and "SS121" in BRON
