"""The scheduler's date rules, table-tested: which signal a deadline raises, escalation, CBS (R16), DST."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from scheduler_service.signalen.rules import (
    STANDAARD_HORIZONNEN,
    Horizon,
    Kwartaal,
    Niveau,
    cbs_levering_open,
    datum_in,
    escalatieniveau,
    nieuw_verschuldigd,
    signaal_soort,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("soort", "vervaldatum", "vandaag", "expected"),
    [
        ("pip-vaststellen", date(2026, 6, 30), date(2026, 6, 15), None),  # 15 days before: no warning yet
        ("pip-vaststellen", date(2026, 6, 30), date(2026, 6, 16), "pip-vaststellen-nadert"),  # 14 days before
        (
            "pip-vaststellen",
            date(2026, 6, 30),
            date(2026, 6, 30),
            "pip-vaststellen-nadert",
        ),  # due today: not passed
        ("pip-vaststellen", date(2026, 6, 30), date(2026, 7, 1), "pip-vaststellen-verstreken"),
        ("map-gestart", date(2027, 7, 2), date(2027, 4, 1), None),  # 15 months = 3 months before 18
        ("map-gestart", date(2027, 7, 2), date(2027, 4, 2), "map-gestart-nadert"),
        (
            "inburgeringstermijn",
            date(2029, 8, 31),
            date(2029, 2, 28),
            "inburgeringstermijn-nadert",
        ),  # 6 months
        ("inburgeringstermijn", date(2029, 8, 31), date(2029, 2, 27), None),
        ("ontzorgen", date(2026, 12, 1), date(2026, 11, 3), "ontzorgen-nadert"),  # 4 weeks
        ("ontzorgen", date(2026, 12, 1), date(2026, 11, 2), None),
        ("voortgangsgesprek", date(2026, 12, 1), date(2026, 11, 30), None),  # due on the day itself
        ("voortgangsgesprek", date(2026, 12, 1), date(2026, 12, 1), "voortgangsgesprek-nadert"),
        ("onbekend", date(2026, 12, 1), date(2026, 12, 1), None),  # no horizon: only when passed
        ("onbekend", date(2026, 12, 1), date(2026, 12, 2), "onbekend-verstreken"),
    ],
)
def test_signaal_soort(soort: str, vervaldatum: date, vandaag: date, expected: str | None) -> None:
    assert signaal_soort(soort, vervaldatum, vandaag, STANDAARD_HORIZONNEN.get(soort)) == expected


@pytest.mark.parametrize(
    ("horizon", "vandaag"),
    [
        (Horizon(dagen=14), date(2026, 3, 20)),
        (Horizon(maanden=6), date(2026, 8, 31)),
        (Horizon(maanden=3, dagen=5), date(2026, 11, 30)),
        (Horizon(), date(2026, 1, 1)),
    ],
)
def test_the_scan_reads_exactly_up_to_the_furthest_warning(horizon: Horizon, vandaag: date) -> None:
    tot = horizon.verste_vervaldatum(vandaag)
    assert horizon.waarschuwingsdatum(tot) <= vandaag
    assert horizon.waarschuwingsdatum(date.fromordinal(tot.toordinal() + 1)) > vandaag


@pytest.mark.parametrize(
    ("dagen_open", "expected"),
    [
        (0, Niveau.KLANTMANAGER),
        (6, Niveau.KLANTMANAGER),
        (7, Niveau.TEAMLEIDER),
        (20, Niveau.TEAMLEIDER),
        (21, Niveau.REGISSEUR),
        (400, Niveau.REGISSEUR),
    ],
)
def test_escalatieniveau(dagen_open: int, expected: Niveau) -> None:
    geopend = date(2026, 3, 1)
    vandaag = date.fromordinal(geopend.toordinal() + dagen_open)
    assert escalatieniveau(geopend, vandaag, teamleider_na_dagen=7, regisseur_na_dagen=21) == expected


@pytest.mark.parametrize(
    ("vandaag", "expected"),
    [
        (date(2026, 4, 1), (Kwartaal(2026, 1), date(2026, 4, 28))),  # Q1 ends 31 March; 4 weeks after
        (date(2026, 4, 28), (Kwartaal(2026, 1), date(2026, 4, 28))),
        (date(2026, 4, 29), None),
        (date(2026, 1, 2), (Kwartaal(2025, 4), date(2026, 1, 28))),  # Q4 of the year before
        (date(2026, 7, 28), (Kwartaal(2026, 2), date(2026, 7, 28))),  # Q2 ends 30 June
        (date(2026, 10, 29), None),
    ],
)
def test_cbs_levering_open_r16(vandaag: date, expected: tuple[Kwartaal, date] | None) -> None:
    assert cbs_levering_open(vandaag) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Autumn change, 25 October 2026 (CEST -> CET at 01:00 UTC).
        (datetime(2026, 10, 24, 22, 30, tzinfo=UTC), date(2026, 10, 25)),  # 00:30 CEST
        (datetime(2026, 10, 25, 22, 30, tzinfo=UTC), date(2026, 10, 25)),  # 23:30 CET, still the 25th
        (datetime(2026, 10, 25, 23, 0, tzinfo=UTC), date(2026, 10, 26)),
        # Spring change, 29 March 2026 (CET -> CEST at 01:00 UTC).
        (datetime(2026, 3, 28, 23, 0, tzinfo=UTC), date(2026, 3, 29)),  # 00:00 CET
        (datetime(2026, 3, 29, 21, 59, tzinfo=UTC), date(2026, 3, 29)),  # 23:59 CEST
        (datetime(2026, 3, 29, 22, 0, tzinfo=UTC), date(2026, 3, 30)),
    ],
)
def test_today_is_the_amsterdam_date_across_daylight_saving(moment: datetime, expected: date) -> None:
    assert datum_in(AMSTERDAM, moment) == expected


def test_a_dst_change_does_not_move_a_due_date() -> None:
    """A PIP deadline due on the day clocks go back passes at midnight Amsterdam time, not an hour off."""
    vervaldatum, horizon = date(2026, 10, 25), STANDAARD_HORIZONNEN["pip-vaststellen"]
    last_minute = datum_in(AMSTERDAM, datetime(2026, 10, 25, 22, 59, tzinfo=UTC))  # 23:59 CET
    first_minute = datum_in(AMSTERDAM, datetime(2026, 10, 25, 23, 0, tzinfo=UTC))  # 00:00 CET on the 26th
    assert signaal_soort("pip-vaststellen", vervaldatum, last_minute, horizon) == "pip-vaststellen-nadert"
    assert (
        signaal_soort("pip-vaststellen", vervaldatum, first_minute, horizon) == "pip-vaststellen-verstreken"
    )
    # The warning two weeks before the change is counted in days, not in hours.
    assert horizon.waarschuwingsdatum(vervaldatum) == date(2026, 10, 11)


HORIZONNEN = [
    Horizon(dagen=14),
    Horizon(maanden=3),
    Horizon(maanden=6),
    Horizon(dagen=28),
    Horizon(),
    Horizon(maanden=1, dagen=3),
]
DAYS = [date(2026, 1, 1) + timedelta(days=i) for i in range(430)]


@pytest.mark.parametrize("horizon", HORIZONNEN)
def test_the_furthest_warning_date_is_exact_also_at_month_ends(horizon: Horizon) -> None:
    for vandaag in DAYS:
        tot = horizon.verste_vervaldatum(vandaag)
        assert (
            horizon.waarschuwingsdatum(tot) <= vandaag < horizon.waarschuwingsdatum(tot + timedelta(days=1))
        )


@pytest.mark.parametrize("gap", [1, 2, 7, 45])
def test_the_incremental_windows_hold_every_deadline_whose_signal_fell_due(gap: int) -> None:
    """After a gap of days (downtime), every deadline whose signal changed lies in a window."""
    for vorige in DAYS[::7]:
        vandaag = vorige + timedelta(days=gap)
        vensters = nieuw_verschuldigd(vorige, vandaag, HORIZONNEN)
        for vervaldatum in (vorige + timedelta(days=i) for i in range(-10, 200)):
            for horizon in HORIZONNEN:
                nu = signaal_soort("x", vervaldatum, vandaag, horizon)
                if nu is not None and nu != signaal_soort("x", vervaldatum, vorige, horizon):
                    assert any(na < vervaldatum <= tot for na, tot in vensters), (
                        vorige,
                        vandaag,
                        vervaldatum,
                    )


def test_no_windows_on_the_same_day() -> None:
    assert nieuw_verschuldigd(date(2026, 3, 1), date(2026, 3, 1), HORIZONNEN) == []
    assert nieuw_verschuldigd(date(2026, 3, 2), date(2026, 3, 1), HORIZONNEN) == []
