"""Facts handed over by partners flow into the brede intake without overwriting the klantmanager."""

from datetime import date
from typing import Any

from ..inburgeraars.rules import tegenstrijdigheid
from ..toestemmingen.rules import Bron


def feit(waarde: str, bron: Bron, datum: date) -> dict[str, Any]:
    return {"waarde": waarde, "bron": bron.value, "datum": datum.isoformat()}


def neem_feiten_over(
    achtergrond: dict[str, Any], feiten: dict[str, str], *, bron: Bron, datum: date, referentie: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Merge a partner's facts into the achtergrond; returns the new achtergrond and new conflicts.

    An empty field or one the same partner filled is (re)filled with the
    partner's value and date. A field someone else recorded (the klantmanager)
    with a different value is left alone and the disagreement is returned as a
    tegenstrijdigheid for the klantmanager to resolve: never overwritten silently.
    """
    nieuw = dict(achtergrond)
    tegenstrijdig: list[dict[str, Any]] = []
    for veld, waarde in feiten.items():
        huidig = achtergrond.get(veld)
        if huidig is None or huidig["bron"] == bron.value:
            nieuw[veld] = feit(waarde, bron, datum)
        elif huidig["waarde"] != waarde:
            tegenstrijdig.append(
                tegenstrijdigheid(veld, huidig["waarde"], waarde, referentie=referentie, ontvangen=datum)
            )
    return nieuw, tegenstrijdig
