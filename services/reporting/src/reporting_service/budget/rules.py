"""Budget rules: what a trajectory commits, how the year is forecast, and seed 004's price bands."""

from datetime import date

from inburgering_shared.contracts.resources import Leerroute

# Seed 004: B1-route and Z-route cost under EUR 10,000 per trajectory, the Onderwijsroute above
# (the MBO Raad estimates EUR 18,750).
PRIJSGRENS = 10_000


def prijs_afwijkend(leerroute: str, prijs: int) -> bool:
    """A contract price outside seed 004's band for its route (a signal for the regisseur, not an error)."""
    if leerroute == Leerroute.ONDERWIJS:
        return prijs <= PRIJSGRENS
    return prijs >= PRIJSGRENS


def prognose(*, uitgegeven: int, verplicht: int, jaar: int, vandaag: date) -> int:
    """Forecast spending for the year: a past year is what was spent; the current year the larger of
    what is committed and the spending so far extrapolated linearly to the year's end; a future
    year what is committed."""
    start, einde = date(jaar, 1, 1), date(jaar + 1, 1, 1)
    if vandaag >= einde:
        return uitgegeven
    if vandaag < start:
        return verplicht
    verstreken = (vandaag - start).days + 1
    return max(verplicht, round(uitgegeven * (einde - start).days / verstreken))
