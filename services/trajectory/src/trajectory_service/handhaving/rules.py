"""Handhaving by the gemeente: when a boete may be imposed and how high.

Pure functions over plain values. Source: domain.md R15 (Schulinck; DUO;
ABRvS 9-7-2025); seed 002 section 5 (Voortgangsgesprekken: "Als
inburgeringsplichtigen zich niet houden aan het PIP, kunnen we boetes
opleggen"); seed 004 section 3.2 (Voortgang & handhaving).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from inburgering_shared.boetes import GEMEENTE_MAXIMUM

WETTELIJK_MAXIMUM_BOETE = GEMEENTE_MAXIMUM

BRON_BOETE = "domain.md R15 (Schulinck); seed 002 section 5; seed 004 section 3.2"

WETTELIJKE_GRONDSLAG = (
    "Wet inburgering 2021: het college kan de inburgeringsplichtige die niet meewerkt aan de brede "
    "intake of de verplichtingen uit het persoonlijk plan inburgering en participatie (PIP) niet "
    "nakomt, na een schriftelijke waarschuwing een bestuurlijke boete opleggen van ten hoogste "
    "EUR 800, of het lagere maximum dat de gemeente hanteert. Boetes voor overschrijding van de "
    "inburgeringstermijn legt DUO op, niet de gemeente."
)


class Boetegrond(StrEnum):
    BREDE_INTAKE = "geen medewerking aan de brede intake"
    PIP_VERPLICHTINGEN = "verplichtingen uit het PIP niet nagekomen"
    TERMIJN_OVERSCHREDEN = "inburgeringstermijn overschreden"


@dataclass(frozen=True)
class Reden:
    code: str
    tekst: str
    bron: str


@dataclass(frozen=True)
class Boetevoorstel:
    grond: Boetegrond
    bedrag: Decimal
    datum_boete: date
    datum_schriftelijke_waarschuwing: date | None


@dataclass(frozen=True)
class Boetebeslissing:
    toegestaan: bool
    redenen: list[Reden]
    wettelijke_grondslag: str
    maximum: Decimal


def maximum_boete(gemeentelijk_maximum: Decimal | None = None) -> Decimal:
    """The highest boete the gemeente may impose: EUR 800, or its own lower maximum.

    A gemeentelijk maximum above EUR 800 does not raise the statutory maximum.
    Source: domain.md R15 (Schulinck).
    """
    if gemeentelijk_maximum is None:
        return WETTELIJK_MAXIMUM_BOETE
    return min(gemeentelijk_maximum, WETTELIJK_MAXIMUM_BOETE)


def _weigeringen(voorstel: Boetevoorstel, maximum: Decimal) -> list[Reden]:
    weigeringen = []
    if voorstel.grond is Boetegrond.TERMIJN_OVERSCHREDEN:
        weigeringen.append(
            Reden(
                "GROND_IS_DUO",
                "Een boete voor overschrijding van de inburgeringstermijn legt DUO op.",
                BRON_BOETE,
            )
        )
    waarschuwing = voorstel.datum_schriftelijke_waarschuwing
    if waarschuwing is None:
        weigeringen.append(
            Reden(
                "GEEN_WAARSCHUWING",
                "Er is geen schriftelijke waarschuwing gegeven.",
                BRON_BOETE,
            )
        )
    elif waarschuwing >= voorstel.datum_boete:
        weigeringen.append(
            Reden(
                "WAARSCHUWING_NIET_VOORAF",
                "De schriftelijke waarschuwing moet aan de boete voorafgaan.",
                BRON_BOETE,
            )
        )
    if voorstel.bedrag <= 0:
        weigeringen.append(
            Reden(
                "BEDRAG_ONGELDIG",
                "Het boetebedrag moet groter zijn dan nul.",
                BRON_BOETE,
            )
        )
    elif voorstel.bedrag > maximum:
        weigeringen.append(
            Reden(
                "BEDRAG_TE_HOOG",
                f"Het boetebedrag EUR {voorstel.bedrag} is hoger dan het maximum van EUR {maximum}.",
                BRON_BOETE,
            )
        )
    return weigeringen


def boete_toegestaan(voorstel: Boetevoorstel, gemeentelijk_maximum: Decimal | None = None) -> Boetebeslissing:
    """Whether the gemeente may impose this boete, with every reason and the legal basis.

    Allowed only for not cooperating with the brede intake or not meeting
    the PIP obligations, after a written warning dated before the boete, for
    an amount above zero and at most EUR 800 or the gemeente's own lower
    maximum (`gemeentelijk_maximum`, a per-gemeente setting).
    Source: domain.md R15 (Schulinck; DUO); seed 002 section 5; seed 004 section 3.2.
    """
    maximum = maximum_boete(gemeentelijk_maximum)
    weigeringen = _weigeringen(voorstel, maximum)
    if weigeringen:
        return Boetebeslissing(False, weigeringen, WETTELIJKE_GRONDSLAG, maximum)
    reden = Reden(
        "BOETE_TOEGESTAAN",
        f"Boete van EUR {voorstel.bedrag} wegens {voorstel.grond.value}, na schriftelijke waarschuwing "
        f"van {voorstel.datum_schriftelijke_waarschuwing}.",
        BRON_BOETE,
    )
    return Boetebeslissing(True, [reden], WETTELIJKE_GRONDSLAG, maximum)
