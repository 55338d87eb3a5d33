"""Afschalen: the A2 level within the B1-route, the one rule pip (the PIP's niveau) and trajectory (per
exam part) both apply.

Source: Wet inburgering 2021 art. 17 lid 3; Besluit inburgering 2021 art. 5.5 (at least 600 hours of
language lessons at a cursusinstelling with the keurmerk, Blik op Werk, and demonstrable effort).
"""

from .contracts.resources import Leerroute

AFSCHALEN_MIN_UREN = 600
"""Besluit inburgering 2021 art. 5.5: 600 hours of language lessons at a Blik op Werk school."""

BRON_AFSCHALEN = "Wet inburgering 2021 art. 17(3); Besluit inburgering 2021 art. 5.5"


def afschalen_weigeringen(
    leerroute: Leerroute, uren_taalles: int, aantoonbare_inspanning: bool, *, taalonderdeel: bool = True
) -> list[tuple[str, str]]:
    """Why afschalen to A2 is not (yet) allowed, as (code, tekst); empty when it is.

    Only within the B1-route, only for a language exam part (lezen, luisteren, schrijven, spreken; not
    KNM), after at least 600 hours of language lessons and with demonstrable effort.
    Source: Wet inburgering 2021 art. 17(3); Besluit inburgering 2021 art. 5.5.
    """
    checks = [
        (leerroute is Leerroute.B1, "NIET_B1_ROUTE", "Afschalen kan alleen binnen de B1-route."),
        (
            taalonderdeel,
            "GEEN_TAALONDERDEEL",
            "Afschalen kan alleen per taalonderdeel (lezen, luisteren, schrijven, spreken).",
        ),
        (
            uren_taalles >= AFSCHALEN_MIN_UREN,
            "TE_WEINIG_UREN",
            f"{uren_taalles} uur taalles bij een Blik op Werk-school; "
            f"nodig: ten minste {AFSCHALEN_MIN_UREN}.",
        ),
        (aantoonbare_inspanning, "GEEN_INSPANNING", "Er is geen aantoonbare inspanning vastgelegd."),
    ]
    return [(code, tekst) for ok, code, tekst in checks if not ok]
