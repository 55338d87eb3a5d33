"""The inburgeringsplicht at its transitions, as pure functions over DUO's facts: which law governs the
person (overgangsrecht), and whether and how the plicht ended (an end state closes every open deadline).

Sources: Wet inburgering 2021 (BWBR0044770) art. 3 (the plicht), art. 4 (vrijstelling), art. 5
(ontheffing, geheel of gedeeltelijk), art. 6 (what meeting the plicht is), art. 54 lid 1 (the Wet
inburgering, i.e. of 2013, remains applicable to whom it applied before this law took effect on
1 January 2022); DUO's Inburgeringsplicht API (`redenGeenInburgeringsplicht`), Vrijstelling API and
Ontheffing API (`GeheleOntheffing`, `GedeeltelijkeOntheffing`, `oordeel` Toekenning/Afwijzing).

Not checked against the law's text: the project holds neither the Wet's nor the Besluit's text
(shared/seeds holds policy documents; shared/docs/domain.md names Wet art. 3, 11, 12 and 17(3) only).
Of the articles above only art. 3 is backed there (domain.md R1); art. 4, 5, 6 and 54 lid 1 are cited
from the published law (BWBR0044770) as the product was built and could not be verified here. DUO's
APIs, which the rules read, are in shared/reference and are the checked source of every fact used.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

INWERKINGTREDING_WI2021 = date(2022, 1, 1)


class Wet(StrEnum):
    WI2013 = "Wet inburgering 2013"
    WI2021 = "Wet inburgering 2021"


OVERGANGSRECHT = "art. 54 lid 1 Wet inburgering 2021"


def wet_van_toepassing(inburgeringsplicht: dict[str, Any] | None) -> Wet | None:
    """The law the person's plicht falls under: a plicht begun before 1 January 2022 stays under the
    Wet inburgering 2013 (the ondertussengroep: no PIP, no PIP deadline, no leerroute from the gemeente);
    None while DUO has given no begindatum.

    Source: art. 54 lid 1 Wet inburgering 2021 (the earlier law remains applicable to whom it applied
    before its entry into force); art. 3 Wet inburgering 2021 (the plicht under this law).
    """
    begindatum = (inburgeringsplicht or {}).get("begindatum")
    if not begindatum:
        return None
    return Wet.WI2013 if date.fromisoformat(begindatum) < INWERKINGTREDING_WI2021 else Wet.WI2021


class Eindreden(StrEnum):
    GEHELE_ONTHEFFING = "gehele-ontheffing"
    VRIJSTELLING = "vrijstelling"
    PLICHT_VOLDAAN = "plicht-voldaan"
    PLICHT_VERVALLEN = "plicht-vervallen"
    UITSTROOM = "uitstroom"


BRON: dict[Eindreden, str] = {
    Eindreden.GEHELE_ONTHEFFING: "art. 5 lid 1 en 2 Wet inburgering 2021 (gehele ontheffing, DUO)",
    Eindreden.VRIJSTELLING: "art. 4 Wet inburgering 2021 (vrijstelling, DUO)",
    Eindreden.PLICHT_VOLDAAN: "art. 6 Wet inburgering 2021 (inburgeringsplicht voldaan, DUO)",
    Eindreden.PLICHT_VERVALLEN: "art. 3 Wet inburgering 2021 (niet langer inburgeringsplichtig, DUO)",
    Eindreden.UITSTROOM: "uitstroom vastgelegd door de gemeente",
}

_REDEN_GEEN_PLICHT = {
    "Volledige ontheffing": Eindreden.GEHELE_ONTHEFFING,
    "Volledige vrijstelling": Eindreden.VRIJSTELLING,
    "Inburgeringsplicht voldaan": Eindreden.PLICHT_VOLDAAN,
    "Verblijfsdoel gewijzigd": Eindreden.PLICHT_VERVALLEN,
    "Vertrek uit Nederland langer dan een jaar": Eindreden.PLICHT_VERVALLEN,
    "Overlijden": Eindreden.PLICHT_VERVALLEN,
    "Overig": Eindreden.PLICHT_VERVALLEN,
}
"""DUO's `redenGeenInburgeringsplicht`; a 'Tijdelijke vrijstelling' suspends the plicht, it does not end
it (its deadlines stay open until DUO ends the plicht)."""


@dataclass(frozen=True)
class Eindstaat:
    reden: Eindreden
    datum: date
    bron: str

    @property
    def tekst(self) -> str:
        """As a closed deadline and the PIP carry it: the reason with its source."""
        return f"{self.reden.value}: {self.bron}"


def _toegekend(lijst: list[Any] | None, soort: str, vandaag: date) -> date | None:
    """The date of DUO's granted decision of this kind (`GeheleOntheffing`, `GeheleVrijstelling`); today
    when DUO gives no decision date; None when DUO granted none."""
    for item in lijst or []:
        besluit = item.get(soort) if isinstance(item, dict) else None
        if besluit and besluit.get("oordeel") == "Toekenning":
            return date.fromisoformat(besluit["datumOordeel"]) if besluit.get("datumOordeel") else vandaag
    return None


def eindstaat(
    inburgeringsplicht: dict[str, Any] | None,
    vrijstellingen: list[Any] | None,
    ontheffingen: list[Any] | None,
    vandaag: date,
) -> Eindstaat | None:
    """How the plicht ended according to DUO, or None while it runs.

    A granted gehele ontheffing (art. 5) or gehele vrijstelling (art. 4) ends it on DUO's decision date;
    so does DUO's plicht without `indicatorInburgeringsplicht` and with a reason (art. 3, 6), on the
    plicht's einddatum (else DUO's wijzigingsdatum, else today). A partial ontheffing or vrijstelling
    (of an exam part) and a temporary vrijstelling end nothing.
    """
    plicht = inburgeringsplicht or {}
    if (datum := _toegekend(ontheffingen, "GeheleOntheffing", vandaag)) is not None:
        return Eindstaat(Eindreden.GEHELE_ONTHEFFING, datum, BRON[Eindreden.GEHELE_ONTHEFFING])
    if (datum := _toegekend(vrijstellingen, "GeheleVrijstelling", vandaag)) is not None:
        return Eindstaat(Eindreden.VRIJSTELLING, datum, BRON[Eindreden.VRIJSTELLING])
    if plicht.get("indicatorInburgeringsplicht", True):
        return None
    reden = _REDEN_GEEN_PLICHT.get(plicht.get("redenGeenInburgeringsplicht") or "")
    if reden is None:
        return None
    dag = plicht.get("einddatum") or plicht.get("wijzigingsdatum")
    return Eindstaat(reden, date.fromisoformat(dag) if dag else vandaag, BRON[reden])


def uitstroom(datum: date) -> Eindstaat:
    """The gemeente recorded where the person went on to (werk, onderwijs, anders): its trajectory ends."""
    return Eindstaat(Eindreden.UITSTROOM, datum, BRON[Eindreden.UITSTROOM])
