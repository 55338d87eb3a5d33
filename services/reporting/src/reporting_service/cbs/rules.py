"""The quarter and its delivery deadline (R16), and who is in a quarter's file."""

import re
from datetime import date, timedelta

from ..kpis.rules import instroomdatum

KWARTAAL_PATROON = r"^(20\d{2})K([1-4])$"  # this century: the years the law and its reports exist
LEVERTERMIJN = timedelta(weeks=4)


def kwartaal_periode(kwartaal: str) -> tuple[date, date]:
    """First and last day of a quarter written as JJJJKn (2026K1)."""
    match = re.match(KWARTAAL_PATROON, kwartaal)
    if match is None:
        raise ValueError(f"geen kwartaal: {kwartaal!r}")
    jaar, nummer = int(match[1]), int(match[2])
    start = date(jaar, 3 * nummer - 2, 1)
    volgend = date(jaar + 1, 1, 1) if nummer == 4 else date(jaar, 3 * nummer + 1, 1)
    return start, volgend - timedelta(days=1)


def uiterste_leverdatum(kwartaal: str) -> date:
    """R16 (seed 002 section 5): delivered within 4 weeks after the quarter ends."""
    return kwartaal_periode(kwartaal)[1] + LEVERTERMIJN


def kwartaal_voorbij(kwartaal: str, vandaag: date) -> bool:
    return kwartaal_periode(kwartaal)[1] < vandaag


def in_populatie(
    koppeling: date | None, kennisgeving: date | None, afgesloten: list[date | None], start: date, einde: date
) -> bool:
    """In the quarter's file: inflow (koppeling, else kennisgeving) by the quarter's end, and not
    closed (plicht met, outflow) before the quarter began. Without either date the plicht is not
    established yet and the person is not reported."""
    instroom = instroomdatum(koppeling, kennisgeving)
    return instroom is not None and instroom <= einde and all(d is None or d >= start for d in afgesloten)
