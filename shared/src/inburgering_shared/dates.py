"""Calendar arithmetic for deadlines (dates, not instants)."""

import calendar
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

NEDERLAND = ZoneInfo("Europe/Amsterdam")

MAANDNAMEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def vandaag() -> date:
    """Today's date in the Netherlands: the day a dated fact (a moving date) takes effect."""
    return datetime.now(UTC).astimezone(NEDERLAND).date()


def voluit(day: date) -> str:
    """A date as a Dutch letter or page writes it: 2 december 2026."""
    return f"{day.day} {MAANDNAMEN[day.month - 1]} {day.year}"


def add_months(day: date, months: int) -> date:
    """Add calendar months; a day that does not exist in the target month becomes its last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)
