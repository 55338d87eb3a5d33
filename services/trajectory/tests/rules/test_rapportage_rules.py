"""Trajectory's facts as the reporting contracts: exam results, plicht voldaan, boete in euros, voortgang."""

from datetime import date
from decimal import Decimal

from trajectory_service.rapportage.rules import (
    Maandrapport,
    cumulatief,
    examen_resultaat,
    hele_euros,
    niveau_behaald,
    plicht_voldaan_op,
    uren_gepland,
)


def test_only_an_exam_with_an_outcome_is_a_result():
    assert [examen_resultaat(r) for r in ("Geslaagd", "Gezakt", "Geen")] == ["behaald", "niet behaald", None]


def test_plicht_voldaan_is_the_end_of_the_plicht_when_duo_says_it_was_met():
    voldaan = {
        "indicatorInburgeringsplicht": False,
        "redenGeenInburgeringsplicht": "Inburgeringsplicht voldaan",
    }
    assert plicht_voldaan_op({**voldaan, "einddatum": "2026-10-01", "wijzigingsdatum": "2026-10-03"}) == date(
        2026, 10, 1
    )
    assert plicht_voldaan_op({**voldaan, "wijzigingsdatum": "2026-10-03"}) == date(2026, 10, 3)
    assert (
        plicht_voldaan_op(
            {**voldaan, "redenGeenInburgeringsplicht": "Volledige ontheffing", "einddatum": "2026-10-01"}
        )
        is None
    )
    assert plicht_voldaan_op({"indicatorInburgeringsplicht": True, "begindatum": "2025-01-01"}) is None
    assert plicht_voldaan_op(None) is None


def test_boete_in_whole_euros_rounds_half_up():
    assert [hele_euros(Decimal(b)) for b in ("250.00", "250.49", "250.50")] == [250, 250, 251]
    assert hele_euros(None) is None


def test_planned_hours_follow_from_attendance():
    assert [uren_gepland(40, 80), uren_gepland(10, 30), uren_gepland(0, 0)] == [50, 33, 0]


def test_level_reached_is_the_lowest_of_all_four_language_skills():
    vier = [{"vaardigheid": v, "niveau": "B1"} for v in ("lezen", "luisteren", "schrijven")]
    assert niveau_behaald([*vier, {"vaardigheid": "spreken", "niveau": "A2"}]) == "A2"
    assert niveau_behaald([*vier, {"vaardigheid": "knm", "niveau": "A2"}]) is None  # spreken not reported
    assert niveau_behaald([*vier, {"vaardigheid": "spreken", "niveau": "A0"}]) is None


def test_cumulative_report_sums_hours_and_takes_the_latest_month():
    stand = cumulatief(
        [
            Maandrapport(
                "2026-12",
                30,
                100,
                [{"vaardigheid": v, "niveau": "A1"} for v in ("lezen", "luisteren", "schrijven", "spreken")],
            ),
            Maandrapport("2026-11", 20, 50, []),
        ]
    )
    assert (stand.peildatum, stand.uren_gepland, stand.uren_aanwezig, stand.niveau_behaald) == (
        date(2026, 12, 31),
        70,
        50,
        "A1",
    )
