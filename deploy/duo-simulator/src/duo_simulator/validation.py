"""DUO's refusal rules for what a gemeente writes, as listed in DUO's M2M README.

Each function returns the fouttekst list DUO would answer (empty: accepted).
"""

import calendar
from datetime import date
from typing import Literal

from duo_simulator.schemas import PIP, Inburgeringsaanbod, Instelling
from duo_simulator.state import Persoon

Resultaatsoort = Literal["MAP", "PVT"]

_RESULTAAT_DATUMNAAM = {"MAP": "datum eindgesprek MAP", "PVT": "datum ondertekening PVT"}


def twee_maanden_na(d: date) -> date:
    """The same day two calendar months later (the last day of that month when it is shorter)."""
    index = d.month - 1 + 2
    jaar, maand = d.year + index // 12, index % 12 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


def pip_fouten(persoon: Persoon, pip: PIP) -> list[str]:
    """README 'Het aanleveren van een PIP' (datum dagtekening, niveau, geschatte intensiteit B1 route)."""
    fouten: list[str] = []
    plicht = persoon.feiten.inburgeringsplicht
    if plicht.begindatum and pip.dagtekeningPip < plicht.begindatum:
        fouten.append("De datum dagtekening mag niet voor de start van de inburgeringsplicht liggen.")
    if persoon.pips:
        eerste, actueel = persoon.pips[0].pip, persoon.pips[-1].pip
        if pip.dagtekeningPip < eerste.dagtekeningPip or pip.dagtekeningPip < actueel.dagtekeningPip:
            fouten.append(
                "De datum dagtekening mag bij een gewijzigde PIP niet voor de datum dagtekening "
                "van de initiële PIP of van de actuele PIP liggen."
            )
    if persoon.feiten.vestigingsdatum and pip.dagtekeningPip < persoon.feiten.vestigingsdatum:
        fouten.append(
            "De datum dagtekening mag niet voor de vestiging van de inburgeraar bij de gemeente liggen."
        )
    if pip.niveau == "A2" and pip.leerroute == "O":
        fouten.append("Niveau A2 mag niet in combinatie met de onderwijsroute worden aangeleverd.")
    if pip.niveau == "B1" and pip.leerroute == "Z":
        fouten.append("Niveau B1 mag niet in combinatie met de Z-route worden aangeleverd.")
    if pip.niveau == "A2" and pip.leerroute == "B" and not persoon.pips:
        fouten.append(
            "Niveau A2 mag niet in combinatie met de B1-route worden aangeleverd bij de eerste PIP."
        )
    if pip.geschatteIntensiteitB1Route is not None:
        doelgroep = persoon.feiten.doelgroep
        asiel = doelgroep is not None and doelgroep.indeling == "Asielstatushouder"
        if pip.leerroute != "B" or not asiel:
            fouten.append(
                "Geschatte intensiteit B1 route mag alleen aangeleverd worden bij de B1-route "
                "en bij asielmigranten."
            )
    return fouten


def pip_met_standaardniveau(pip: PIP) -> PIP:
    """README: without a niveau, DUO records B1 for the B1-route and the onderwijsroute."""
    if pip.niveau is None and pip.leerroute in ("B", "O"):
        return pip.model_copy(update={"niveau": "B1"})
    return pip


def pip_verwijderen_fouten(persoon: Persoon) -> list[str]:
    """README 'Het verwijderen van een PIP'."""
    fouten: list[str] = []
    if persoon.feiten.inburgeringstermijn is not None:
        fouten.append("De PIP kan niet worden verwijderd: de inburgeringstermijn is al vastgesteld.")
    if any(u.get("ParticipatieAlsTaalles", 0) > 0 for u in persoon.uren.values()):
        fouten.append("De PIP kan niet worden verwijderd: er zijn al cursusdeelnameuren geregistreerd.")
    return fouten


def resultaat_fouten(
    persoon: Persoon,
    soort: Resultaatsoort,
    bron: str,
    datum: date | None,
    verwijtbaar: str | None,
    vandaag: date,
) -> list[str]:
    """README 'Module Arbeidsmarkt en Participatie (MAP)' and 'Participatieverklaringstraject (PVT)'.

    The termijn's einddatum is exclusive (DUO stores it so): the termijn is exceeded when the
    date (today, for a withdrawal) is on or after it. 'Nee' is allowed while the date lies
    less than two months after the einddatum.
    """
    naam = _RESULTAAT_DATUMNAAM[soort]
    fouten: list[str] = []
    eerder = persoon.map if soort == "MAP" else persoon.pvt
    if eerder is not None and eerder.gemeenteOin != bron:
        fouten.append(f"Bij een wijziging moet de {naam} eerder door uw gemeente zijn geleverd.")
    actueel = persoon.actuele_pip
    if actueel is None or actueel.gemeenteOin != bron:
        fouten.append("Uw gemeente moet een actuele PIP hebben voor de inburgeringsplichtige.")
    plicht = persoon.feiten.inburgeringsplicht
    if (
        plicht.redenGeenInburgeringsplicht == "Inburgeringsplicht voldaan"
        and actueel
        and actueel.pip.leerroute == "Z"
    ):
        fouten.append("De inburgeringsplicht is al voldaan via de Z-route.")
    termijn = persoon.feiten.inburgeringstermijn
    zroute = persoon.zroute.resultaat.datumAfrondingZroute if persoon.zroute else None
    if datum is not None:
        if termijn and datum < termijn.startdatum:
            fouten.append(f"De {naam} mag niet voor de startdatum van de inburgeringstermijn liggen.")
        if zroute and datum > zroute:
            fouten.append(f"De {naam} mag niet na de datum afronding Z-route liggen.")
        if datum > vandaag:
            fouten.append(f"De {naam} mag niet in de toekomst liggen.")
    elif zroute:
        fouten.append(f"De {naam} mag niet leeg zijn als de datum afronding Z-route is geregistreerd.")
    peildatum = datum or vandaag
    overschreden = termijn is not None and peildatum >= termijn.einddatum
    if verwijtbaar is None and overschreden:
        fouten.append("Verwijtbaar (Ja/Nee) is verplicht bij een overschrijding van de inburgeringstermijn.")
    if verwijtbaar is not None:
        if datum is not None and termijn and datum < termijn.einddatum:
            fouten.append(
                f"Verwijtbaar mag niet geleverd worden als de {naam} voor de einddatum "
                "van de inburgeringstermijn ligt."
            )
        if verwijtbaar == "Ja" and not overschreden:
            fouten.append(
                "Verwijtbaar mag alleen 'Ja' zijn bij een overschrijding van de inburgeringstermijn."
            )
        if verwijtbaar == "Nee" and not (termijn and peildatum < twee_maanden_na(termijn.einddatum)):
            fouten.append(
                "Verwijtbaar mag alleen 'Nee' zijn als de einddatum van de inburgeringstermijn "
                "binnen twee maanden valt."
            )
    return fouten


def zroute_fouten(persoon: Persoon, bron: str, datum: date | None, vandaag: date) -> list[str]:
    """The README names no rules for the Z-route date; the simulator applies two of the MAP/PVT rules
    that carry over (assumption): the gemeente holds the current PIP, the date is not in the future."""
    fouten: list[str] = []
    actueel = persoon.actuele_pip
    if actueel is None or actueel.gemeenteOin != bron:
        fouten.append("Uw gemeente moet een actuele PIP hebben voor de inburgeringsplichtige.")
    if datum is not None and datum > vandaag:
        fouten.append("De datum afronding Z-route mag niet in de toekomst liggen.")
    return fouten


def inburgeringsaanbod_fouten(
    persoon: Persoon, instelling: Instelling | None, aanbod: Inburgeringsaanbod
) -> list[str]:
    """README 'Inburgeringsaanbod'.

    The README's 'datumAanvangTaalschakeltraject' and 'datumEindeCursus' are not fields of the
    spec; the termijn rule is applied to verwachteStartdatumOpleiding and verwachteEinddatumOpleiding.
    """
    fouten: list[str] = []
    doelgroep = persoon.feiten.doelgroep
    if doelgroep is None or doelgroep.indeling != "Asielstatushouder":
        fouten.append("Het inburgeringsaanbod is alleen voor een asielmigrant.")
    actueel = persoon.actuele_pip
    if actueel is None:
        fouten.append("De persoon heeft geen PIP.")
    onderwijsroute = actueel is not None and actueel.pip.leerroute == "O"
    erkend = instelling is not None and (
        instelling.indicatieBowKeurmerk or (onderwijsroute and instelling.indicatieTstKeurmerk)
    )
    if not erkend:
        fouten.append("De opleidingsinstelling is bij DUO niet bekend als erkende instelling (BoW of TST).")
    data = [
        aanbod.datumInburgeringsaanbod,
        aanbod.verwachteStartdatumOpleiding,
        aanbod.verwachteEinddatumOpleiding,
    ]
    if actueel and any(d is not None and d < actueel.pip.dagtekeningPip for d in data):
        fouten.append(
            "De data van het inburgeringsaanbod mogen niet voor de dagtekening van de actuele PIP liggen."
        )
    termijn = persoon.feiten.inburgeringstermijn
    opleiding = [aanbod.verwachteStartdatumOpleiding, aanbod.verwachteEinddatumOpleiding]
    if termijn and any(d is not None and not termijn.startdatum <= d < termijn.einddatum for d in opleiding):
        fouten.append("De data van de opleiding mogen niet buiten de inburgeringstermijn liggen.")
    return fouten
