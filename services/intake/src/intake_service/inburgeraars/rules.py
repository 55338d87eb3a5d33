"""Rules on the identity of an inburgeraar and on its klantmanager."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from stdnum.nl import bsn as stdnum_bsn


def bsn_is_valid(bsn: str) -> bool:
    """A BSN has nine digits and passes the 11-proef.

    Source: Wet algemene bepalingen burgerservicenummer; the 11-proef as
    implemented by python-stdnum (stdnum.nl.bsn). Nine digits exactly, as DUO's
    APIs type it (pattern \\d{9}).
    """
    return len(bsn) == 9 and bsn.isdigit() and stdnum_bsn.is_valid(bsn)


PERSOON_KOLOMMEN = {
    "vNummer": "v_nummer",
    "voornamen": "voornamen",
    "achternaam": "achternaam",
    "geboortedatum": "geboortedatum",
    "landVanHerkomst": "land_van_herkomst",
}
"""COA's facts about the person that the dossier holds too (the doelgroep is DUO's, not COA's)."""


def tegenstrijdigheid(
    veld: str, huidig: Any, coa: Any, *, referentie: str, ontvangen: date
) -> dict[str, Any]:
    """What the klantmanager recorded and what COA handed over disagree: kept for the klantmanager."""
    return {
        "veld": veld,
        "waardeKlantmanager": str(huidig),
        "waardeCoa": str(coa),
        "coaReferentie": referentie,
        "ontvangen": ontvangen.isoformat(),
    }


def coa_persoonsfeiten(
    huidig: Mapping[str, Any], vorige_coa: Mapping[str, Any] | None, nieuw_coa: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """Which of COA's person facts correct the dossier, and which disagree with someone else's record.

    Values in their JSON form. Where the dossier already holds COA's new value
    nothing happens. Where it still holds what COA handed over before (nobody
    changed it since), COA's correction applies. Otherwise the value was
    recorded by someone else (the klantmanager, or before COA's first handover)
    and the difference is a conflict for the klantmanager: never overwritten
    silently (issue 3 item 2).
    """
    correcties: dict[str, Any] = {}
    conflicten: list[str] = []
    for veld in PERSOON_KOLOMMEN:
        nieuw = nieuw_coa.get(veld)
        if nieuw is None or huidig.get(veld) == nieuw:
            continue
        if vorige_coa is not None and huidig.get(veld) == vorige_coa.get(veld):
            correcties[veld] = nieuw
        else:
            conflicten.append(veld)
    return correcties, conflicten


def klantmanager_contact(
    vorige_klantmanager: str | None,
    klantmanager: str | None,
    contact: Mapping[str, Any] | None,
    gegeven: bool,
) -> Mapping[str, Any] | None:
    """The klantmanager's contact details after a change of the dossier: those given (`gegeven`);
    otherwise those held (`contact`) while the klantmanager stays the same. Another klantmanager
    without details of their own has none (the held ones reach the previous klantmanager), nor has a
    dossier without klantmanager. The details are the person's contactpersoon at DUO, "bereikbaar voor
    vragen vanuit de keten omtrent de inburgeraar".
    Source: DUO M2M README, "Contactpersoon"; DUO Contactpersoon API (`Contactpersoongegevens`).
    """
    if klantmanager is None:
        return None
    if gegeven or klantmanager == vorige_klantmanager:
        return contact
    return None
