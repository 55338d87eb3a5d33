"""The monitoring rules as tables of cases, each naming its source."""

from datetime import date

import pytest
from reporting_service.kpis import rules

D = date.fromisoformat


@pytest.mark.parametrize(
    ("kennisgeving", "brp", "start"),
    [
        ("2025-02-01", "2025-03-01", "2025-03-01"),  # R2: not yet in the BRP at the kennisgeving -> BRP date
        ("2025-02-15", "2025-02-10", "2025-02-15"),  # R2: already registered -> kennisgeving
        ("2025-02-15", None, "2025-02-15"),
        (None, "2025-02-10", "2025-02-10"),  # SS139 for asielstatushouders: living in the gemeente
        (None, None, None),
    ],
)
def test_pip_clock_start(kennisgeving, brp, start):
    assert rules.pip_klok_start(kennisgeving and D(kennisgeving), brp and D(brp)) == (start and D(start))


@pytest.mark.parametrize(
    ("dagtekening", "deadline", "op_tijd"),
    [
        ("2025-05-13", "2025-05-14", True),
        ("2025-05-14", "2025-05-14", True),
        ("2025-05-15", "2025-05-14", False),
    ],
)
def test_pip_on_time_includes_the_deadline_itself(dagtekening, deadline, op_tijd):  # R2, R3
    assert rules.pip_op_tijd(D(dagtekening), D(deadline)) is op_tijd


@pytest.mark.parametrize(
    ("einde", "voldaan", "peildatum", "overschreden"),
    [
        ("2025-03-02", None, "2025-03-01", False),  # R4: end exclusive, the last day is 03-01
        ("2025-03-02", None, "2025-03-02", True),
        ("2025-03-02", "2025-03-01", "2026-01-01", False),  # met on the last day
        ("2025-03-02", "2025-03-02", "2026-01-01", True),  # met after the termijn
    ],
)
def test_termijn_exceeded(einde, voldaan, peildatum, overschreden):
    assert rules.termijn_overschreden(D(einde), voldaan and D(voldaan), D(peildatum)) is overschreden


def test_extension_moves_the_end():  # R5
    assert rules.termijn_einde(D("2025-04-02"), D("2026-04-02")) == D("2026-04-02")
    assert rules.termijn_einde(D("2025-04-02"), None) == D("2025-04-02")


@pytest.mark.parametrize(
    ("gestart", "deadline", "op_tijd"),
    [
        ("2025-01-15", "2025-02-02", True),
        ("2025-02-02", "2025-02-02", True),
        ("2025-07-01", "2025-06-02", False),
        (None, "2025-06-02", False),
    ],
)
def test_map_started_by_18_months(gestart, deadline, op_tijd):  # R11
    assert rules.map_op_tijd(gestart and D(gestart), D(deadline)) is op_tijd


def test_inflow_is_the_koppeling_else_the_kennisgeving():
    assert rules.instroomdatum(D("2025-01-10"), D("2025-02-01")) == D("2025-01-10")
    assert rules.instroomdatum(None, D("2025-02-01")) == D("2025-02-01")


@pytest.mark.parametrize(
    ("values", "median", "p90"),
    [
        ([], None, None),
        ([7], 7.0, 7),
        ([60, 119, 70], 70.0, 119),
        ([60, 119, 70, 61], 65.5, 119),
        (list(range(1, 11)), 5.5, 9),
        (list(range(1, 21)), 10.5, 18),
    ],
)
def test_median_and_nearest_rank_p90(values, median, p90):
    assert rules.mediaan(values) == median
    assert rules.percentiel(values, 90) == p90


def test_percentage_of_nothing_is_none():
    assert rules.percentage(1, 0) is None
    assert rules.percentage(2, 3) == 66.7


def test_expected_splits_add_up_to_100():  # domain.md, monitoring figures; seed 002
    assert sum(rules.SZW_VERDELING.values()) == 100 == sum(rules.SEED_002_VERDELING.values())


def test_the_ondertussengroep_is_the_wet_2013_art_54():
    assert rules.ondertussengroep("Wet inburgering 2013")
    assert not rules.ondertussengroep("Wet inburgering 2021")
    assert not rules.ondertussengroep(None)
