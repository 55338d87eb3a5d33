"""Facts handed over by partners flow into the brede intake without overwriting the klantmanager."""

import json
from datetime import date
from enum import StrEnum
from typing import Any

from inburgering_shared.contracts.profiel import PROFIEL_VELDEN, Profiel, ProfielInvoer

from ..inburgeraars.rules import tegenstrijdigheid

TAALNIVEAU = "taalniveaus."


def feit(waarde: Any, bron: StrEnum, datum: date) -> dict[str, Any]:
    return {"waarde": waarde, "bron": bron.value, "datum": datum.isoformat()}


def profielwaarden(invoer: ProfielInvoer) -> dict[str, Any]:
    """The profiel's values as facts by field: one per language skill (`taalniveaus.lezen`), one per
    other object; objects and skills left out (None) are not part of it."""
    waarden = invoer.model_dump(mode="json", exclude_none=True, include=set(ProfielInvoer.model_fields))
    taalniveaus = waarden.pop("taalniveaus", {})
    return {**{TAALNIVEAU + vaardigheid: niveau for vaardigheid, niveau in taalniveaus.items()}, **waarden}


def profiel_van(feiten: dict[str, Any]) -> Profiel:
    """The stored facts of the profiel (see `profielwaarden`) as the brede intake shows them."""
    return Profiel.model_validate(
        {
            "taalniveaus": {
                veld.removeprefix(TAALNIVEAU): f for veld, f in feiten.items() if veld.startswith(TAALNIVEAU)
            },
            **{veld: feiten[veld] for veld in PROFIEL_VELDEN if veld in feiten},
        }
    )


def _tekst(waarde: Any) -> str:
    return waarde if isinstance(waarde, str) else json.dumps(waarde, ensure_ascii=False, sort_keys=True)


def neem_feiten_over(
    achtergrond: dict[str, Any], feiten: dict[str, Any], *, bron: StrEnum, datum: date, referentie: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Merge a partner's facts into the achtergrond (or the profiel); returns the result and new conflicts.

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
                tegenstrijdigheid(
                    veld, _tekst(huidig["waarde"]), _tekst(waarde), referentie=referentie, ontvangen=datum
                )
            )
    return nieuw, tegenstrijdig
