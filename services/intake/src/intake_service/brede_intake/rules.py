"""The brede intake as the law and the gemeenten's plans describe it: pure functions."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from inburgering_shared.contracts.brede_intake import (
    GEZONDHEIDSLEEFGEBIEDEN,
    Leefgebied,
    Leerbaarheidstoets,
    LeerbaarheidstoetsResultaat,
)

BRON_LEEFGEBIEDEN = (
    "seed 002, section 3 (Brede Intake: 'Alle leefgebieden zullen worden uitgevraagd') and footnote 4"
)
BRON_LBT = "DUO Leerbaarheidstoets API (schema Resultaat); domain.md step 3; issue 3 item 6"
BRON_AVG = (
    "AVG art. 9(2)(a): gezondheid is een bijzonder persoonsgegeven, alleen met uitdrukkelijke toestemming"
)


@dataclass(frozen=True)
class Bevinding:
    """A problem with a brede intake: which field, a code, a reason and its source."""

    veld: str
    code: str
    reden: str


def leeftijd_op(geboortedatum: date, peildatum: date) -> int:
    """Age in whole years on `peildatum` (a birthday on 29 February counts from 1 March)."""
    voor_verjaardag = (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day)
    return peildatum.year - geboortedatum.year - int(voor_verjaardag)


def toets_bevindingen(toets: Leerbaarheidstoets) -> list[Bevinding]:
    """What is wrong with a recorded leerbaarheidstoets.

    Administered: the date and who administered it are recorded, and the
    scores come as a pair (DUO's `Resultaat` gives behaaldeScore with
    benodigdeScore, the threshold from which the B1-route should be
    possible). Not taken (a vrijstelling for a visual or auditory impairment,
    or `nietAfgenomen` with another reason, one of the two): the resultaat is
    `Onbekend` and there are no scores or date, and no administrator is asked.
    Source: DUO Leerbaarheidstoets API, schema `Resultaat`; issue 3 item 6, issue 19 item 6.
    """
    gevonden: list[Bevinding] = []
    if (toets.behaaldeScore is None) != (toets.benodigdeScore is None):
        gevonden.append(
            Bevinding(
                "leerbaarheidstoets.behaaldeScore",
                "scores-als-paar",
                "Behaalde en benodigde score horen samen.",
            )
        )
    if toets.vrijstelling is not None and toets.nietAfgenomen is not None:
        gevonden.append(
            Bevinding(
                "leerbaarheidstoets.nietAfgenomen",
                "een-reden",
                "Vrijstelling en een andere reden van niet afnemen sluiten elkaar uit.",
            )
        )
    if toets.waarom_niet_afgenomen() is not None:
        veld, code = (
            ("vrijstelling", "vrijstelling") if toets.vrijstelling else ("nietAfgenomen", "niet-afgenomen")
        )
        if toets.resultaat is not LeerbaarheidstoetsResultaat.ONBEKEND:
            gevonden.append(
                Bevinding(
                    "leerbaarheidstoets.resultaat",
                    f"{code}-zonder-uitslag",
                    "Is de toets niet afgenomen, dan is de uitslag Onbekend.",
                )
            )
        if toets.behaaldeScore is not None or toets.datum is not None:
            gevonden.append(
                Bevinding(
                    f"leerbaarheidstoets.{veld}",
                    f"{code}-zonder-afname",
                    "Is de toets niet afgenomen, dan zijn er geen score en geen datum van afname.",
                )
            )
        return gevonden
    if toets.datum is None:
        gevonden.append(Bevinding("leerbaarheidstoets.datum", "verplicht", "De datum van afname ontbreekt."))
    if toets.afgenomenDoor is None:
        gevonden.append(
            Bevinding("leerbaarheidstoets.afgenomenDoor", "verplicht", "Wie de toets afnam ontbreekt.")
        )
    return gevonden


def vereiste_leefgebieden(gezondheid_toegestaan: bool) -> list[Leefgebied]:
    """The leefgebieden a brede intake must cover before it is completed.

    All ten (seed 002: every leefgebied is asked about); the health
    leefgebieden only when a consent allows recording health data (AVG art. 9).
    """
    return [lg for lg in Leefgebied if gezondheid_toegestaan or lg not in GEZONDHEIDSLEEFGEBIEDEN]


@dataclass(frozen=True)
class IntakeStand:
    """What a brede intake holds, as far as completing it is concerned."""

    gescoorde_leefgebieden: Collection[Leefgebied]
    gezondheid_toegestaan: bool
    leerbaarheidstoets: Leerbaarheidstoets | None
    vooropleiding_bekend: bool
    alfabetisering_bekend: bool
    klantmanager_deelnemer: bool
    datum_gesprek_bekend: bool


def ontbrekend(stand: IntakeStand) -> list[Bevinding]:
    """What is still missing before a brede intake can be completed.

    Every required leefgebied has a self-reliance score; the leerbaarheidstoets
    (part of the brede intake) is recorded, taken or exempted; vooropleiding and
    alfabetisering are known (the leerroute advice rests on them, DUO PIP API
    `Alfabetiseringsonderwijs`); the conversation has a date and the klantmanager
    took part (the regievoerder, seed 002).
    Sources: seed 002 section 3 and footnote 4; domain.md step 3; DUO PIP API.
    """
    gevonden = [
        Bevinding(
            f"leefgebieden.{lg.value}", "leefgebied-ontbreekt", f"Geen zelfredzaamheidsscore voor {lg.value}."
        )
        for lg in vereiste_leefgebieden(stand.gezondheid_toegestaan)
        if lg not in stand.gescoorde_leefgebieden
    ]
    if stand.leerbaarheidstoets is None:
        gevonden.append(
            Bevinding("leerbaarheidstoets", "verplicht", "De leerbaarheidstoets is niet vastgelegd.")
        )
    else:
        gevonden.extend(toets_bevindingen(stand.leerbaarheidstoets))
    checks = [
        (stand.vooropleiding_bekend, "vooropleiding", "De vooropleiding ontbreekt."),
        (stand.alfabetisering_bekend, "alfabetisering", "De alfabetisering ontbreekt."),
        (stand.klantmanager_deelnemer, "deelnemers", "De klantmanager staat niet bij de deelnemers."),
        (stand.datum_gesprek_bekend, "datumGesprek", "De datum van het gesprek ontbreekt."),
    ]
    gevonden.extend(Bevinding(veld, "verplicht", reden) for ok, veld, reden in checks if not ok)
    return gevonden
