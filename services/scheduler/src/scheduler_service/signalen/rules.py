"""Which signal a deadline raises on a given day, and how far an ignored signal has escalated.

Deadlines are dates and "today" is a date in Europe/Amsterdam (the worker takes
it from its time zone), so a daylight-saving change never moves a due date.
The law sets the deadlines themselves (pip: R2; trajectory: R4, R11, R14);
the scheduler only compares dates with per-gemeente warning horizons.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from inburgering_shared.dates import add_months


def datum_in(zone: ZoneInfo, moment: datetime) -> date:
    """The date at `moment` in `zone`: "today" for every date rule, whatever the UTC offset that day."""
    return moment.astimezone(zone).date()


class Niveau(StrEnum):
    """Who a signal is for: the klantmanager first, then the teamleider, then the regisseur."""

    KLANTMANAGER = "klantmanager"
    TEAMLEIDER = "teamleider"
    REGISSEUR = "regisseur"


NADERT, VERSTREKEN = "nadert", "verstreken"


@dataclass(frozen=True)
class Horizon:
    """How long before its due date a deadline raises a warning (months, then days)."""

    maanden: int = 0
    dagen: int = 0

    def waarschuwingsdatum(self, vervaldatum: date) -> date:
        return add_months(vervaldatum, -self.maanden) - timedelta(days=self.dagen)

    def verste_vervaldatum(self, vandaag: date) -> date:
        """The latest due date that already warns today (the scan reads up to this date).

        Exact also at month ends, where `add_months` clamps (31 March less one
        month warns on 28 February).
        """
        verste = add_months(vandaag + timedelta(days=self.dagen), self.maanden)
        while self.waarschuwingsdatum(verste + timedelta(days=1)) <= vandaag:
            verste += timedelta(days=1)
        return verste


STANDAARD_HORIZONNEN: dict[str, Horizon] = {
    # R2 (Besluit art. 5.3): the PIP within 10 weeks; warn two weeks before.
    "pip-vaststellen": Horizon(dagen=14),
    # R11 (seed 002): MAP offered within 18 months of the termijn; warn when not started at 15 months.
    "map-gestart": Horizon(maanden=3),
    # R4 (Wet art. 11): the inburgeringstermijn of 3 years; warn when it ends within 6 months.
    "inburgeringstermijn": Horizon(maanden=6),
    # R14 (Participatiewet art. 56a): ontzorgen for 6 months; warn 4 weeks before it ends.
    "ontzorgen": Horizon(dagen=28),
    # A voortgangsgesprek raises its signal on the day it is due.
    "voortgangsgesprek": Horizon(),
}
"""Defaults; a gemeente overrides any of them in its settings (`/v1/instellingen/{gemeentecode}`)."""


def signaal_soort(
    deadline_soort: str, vervaldatum: date, vandaag: date, horizon: Horizon | None
) -> str | None:
    """The signal an open deadline calls for today: '<soort>-verstreken', '<soort>-nadert' or none.

    A deadline due today is not yet passed; a deadline without a horizon only
    raises a signal once it has passed.
    """
    if vervaldatum < vandaag:
        return f"{deadline_soort}-{VERSTREKEN}"
    if horizon is not None and horizon.waarschuwingsdatum(vervaldatum) <= vandaag:
        return f"{deadline_soort}-{NADERT}"
    return None


def nieuw_verschuldigd(vorige: date, vandaag: date, horizonnen: Iterable[Horizon]) -> list[tuple[date, date]]:
    """Due-date windows (after, up to and including) of the deadlines whose signal falls due after `vorige`.

    A deadline passes the day after its due date, and warns from its
    horizon's warning date; what fell due up to `vorige` was handled by the
    scan of that day. Overlapping windows are merged; none when `vandaag` is
    not after `vorige`.
    """
    if vandaag <= vorige:
        return []
    vensters = sorted(
        [(vorige - timedelta(days=1), vandaag - timedelta(days=1))]
        + [(h.verste_vervaldatum(vorige), h.verste_vervaldatum(vandaag)) for h in set(horizonnen)]
    )
    merged: list[tuple[date, date]] = []
    for na, tot in vensters:
        if na >= tot:
            continue
        if merged and na <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], tot))
        else:
            merged.append((na, tot))
    return merged


def escalatieniveau(
    geopend: date, vandaag: date, *, teamleider_na_dagen: int, regisseur_na_dagen: int
) -> Niveau:
    """The level an unacknowledged signal has reached: after its delays the teamleider, then the regisseur."""
    dagen_open = (vandaag - geopend).days
    if dagen_open >= regisseur_na_dagen:
        return Niveau.REGISSEUR
    if dagen_open >= teamleider_na_dagen:
        return Niveau.TEAMLEIDER
    return Niveau.KLANTMANAGER


@dataclass(frozen=True)
class Kwartaal:
    jaar: int
    nummer: int

    @property
    def einde(self) -> date:
        return add_months(date(self.jaar, 3 * self.nummer, 1), 1) - timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.jaar}-Q{self.nummer}"


CBS_LEVERTERMIJN = timedelta(weeks=4)


def cbs_levering_open(vandaag: date) -> tuple[Kwartaal, date] | None:
    """R16 (seed 002 section 5; CBS): each quarter's figures go to CBS within 4 weeks after it ends.

    Returns the quarter whose delivery is due on `vandaag` (the day after the
    quarter ended up to and including the due date) with that due date.
    """
    vorig = (
        Kwartaal(vandaag.year, (vandaag.month - 1) // 3)
        if vandaag.month > 3
        else Kwartaal(vandaag.year - 1, 4)
    )
    uiterlijk = vorig.einde + CBS_LEVERTERMIJN
    return (vorig, uiterlijk) if vandaag <= uiterlijk else None
