"""Leerroute advice: which leerroute and niveau the gemeente advises.

Pure functions over plain values. The klantmanager decides; the advice and
its reasons are recorded with the PIP, and a deviating choice needs a
motivering (see `afwijking_toegestaan`).

Sources: Wet inburgering 2021 (BWBR0044770), Besluit inburgering 2021
(BWBR0045555), the DUO M2M README and OpenAPI documents (PIP,
Leerbaarheidstoets, Inburgeringsplicht), seed 002 (Noordoostpolder/Urk) and
seed 004 (Winterswijk).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from inburgering_shared.contracts.brede_intake import (
    Alfabetisering,
    LeerbaarheidstoetsResultaat,
    Vooropleiding,
)
from inburgering_shared.contracts.resources import Doelgroep, Leerroute, Niveau
from inburgering_shared.duo.codes import is_asielstatushouder

from .reden import BESLUIT, WET, Reden, beleid
from .startpositie import Startpositie, b1_bereikt, startpositie_redenen

DEFAULT_ONDERWIJSROUTE_MAX_LEEFTIJD = 28
"""Seed 002, section 1.3 footnote 1: Onderwijsroute "voor jong volwassenen tot 28 jaar"."""

BRON_LBT = f"{WET} art. 14 (brede intake, leerbaarheidstoets); DUO Leerbaarheidstoets API (benodigdeScore)"
BRON_Z_ROUTE = f"{WET} art. 15 (leerroute in het PIP); {BESLUIT} art. 3.14 (Z-route)"
BRON_ONDERWIJSROUTE = f"{WET} art. 15 (leerroute naar de mogelijkheden van de inburgeraar)"
BRON_B1_NORM = f"{WET} art. 15; DUO PIP API (zonder niveau geldt B1)"


@dataclass(frozen=True)
class Leerbaarheidstoets:
    """DUO Leerbaarheidstoets API, schema `Resultaat`; scores as Decimal ("12,50" -> 12.50)."""

    resultaat: LeerbaarheidstoetsResultaat
    behaalde_score: Decimal | None = None
    benodigde_score: Decimal | None = None
    niet_afgenomen: str | None = None
    """Why the toets was not taken (a vrijstelling for an impairment, or another recorded reason)."""


@dataclass(frozen=True)
class AdviesInput:
    """What the brede intake knows; `onderwijsroute_max_leeftijd` is a per-gemeente setting."""

    leerbaarheidstoets: Leerbaarheidstoets
    leeftijd: int
    vooropleiding: Vooropleiding
    alfabetisering: Alfabetisering
    doelgroep: Doelgroep
    wil_vervolgonderwijs: bool
    onderwijsroute_max_leeftijd: int = DEFAULT_ONDERWIJSROUTE_MAX_LEEFTIJD
    startpositie: Startpositie = field(default_factory=Startpositie)
    """Language levels and diplomas from the brede intake's profiel (`startpositie.py`)."""


@dataclass(frozen=True)
class Advies:
    leerroute: Leerroute
    niveau: Niveau | None
    redenen: list[Reden] = field(default_factory=list)
    ontbreekt: list[str] = field(default_factory=list)
    """What the advice lacks to be settled; a non-empty list makes it provisional (voorlopig)."""


@dataclass(frozen=True)
class Afwijking:
    toegestaan: bool
    reden: Reden


def b1_haalbaar(toets: Leerbaarheidstoets) -> tuple[bool | None, Reden]:
    """Whether the B1-route is haalbaar according to the leerbaarheidstoets.

    DUO's resultaat decides when it is `B1-route haalbaar` or `B1-route niet
    haalbaar`. When it is `Onbekend`, the scores decide: `benodigdeScore` is
    "de grenswaarde vanaf waar de B1 route mogelijk zou moeten zijn", so a
    score equal to the required score is haalbaar. Without scores the answer
    is None (unknown).
    Source: DUO Leerbaarheidstoets API, schema `Resultaat`; seed 004 section 3.3.
    """
    if toets.resultaat is LeerbaarheidstoetsResultaat.HAALBAAR:
        return True, Reden("LBT_HAALBAAR", "De leerbaarheidstoets geeft: B1-route haalbaar.", BRON_LBT)
    if toets.resultaat is LeerbaarheidstoetsResultaat.NIET_HAALBAAR:
        return False, Reden(
            "LBT_NIET_HAALBAAR",
            "De leerbaarheidstoets geeft: B1-route niet haalbaar.",
            BRON_LBT,
        )
    if toets.behaalde_score is None or toets.benodigde_score is None:
        return None, Reden(
            "LBT_ONBEKEND",
            "De uitslag van de leerbaarheidstoets is onbekend en er is geen score.",
            BRON_LBT,
        )
    scores = f"behaalde score {toets.behaalde_score}, benodigde score {toets.benodigde_score}"
    if toets.behaalde_score >= toets.benodigde_score:
        return True, Reden(
            "LBT_SCORE_VOLDOENDE",
            f"Uitslag onbekend, maar de score is voldoende ({scores}).",
            BRON_LBT,
        )
    return False, Reden(
        "LBT_SCORE_ONVOLDOENDE",
        f"Uitslag onbekend en de score is onvoldoende ({scores}).",
        BRON_LBT,
    )


def onderwijsroute_redenen(invoer: AdviesInput) -> tuple[bool, list[Reden]]:
    """Whether the Onderwijsroute fits, with a reason per criterion.

    The law sets no age limit; gemeenten advise the Onderwijsroute below an
    age they set (seed 002: "tot 28 jaar", seed 004: "tot 30 jaar"), passed
    in as `onderwijsroute_max_leeftijd`: a leeftijd below it fits. The route
    prepares for mbo/hbo/wo in about 1.5 years, so it also needs the wish to
    study on, some prior schooling, and no alfabetiseringsonderwijs (A).
    Source: seed 002 section 1.3 footnote 1 and section 4.5; seed 004 Bijlage 2; domain.md R9.
    """
    grens = invoer.onderwijsroute_max_leeftijd
    bron_leeftijd = f"{BRON_ONDERWIJSROUTE}; {beleid('onderwijsrouteMaxLeeftijd', grens)}"
    checks = [
        (
            invoer.leeftijd < grens,
            Reden(
                "LEEFTIJD_ONDER_GRENS",
                f"Leeftijd {invoer.leeftijd} is onder de gemeentelijke grens van {grens} jaar "
                "voor de Onderwijsroute.",
                bron_leeftijd,
            ),
            Reden(
                "LEEFTIJD_BOVEN_GRENS",
                f"Leeftijd {invoer.leeftijd} is niet onder de gemeentelijke grens van {grens} jaar "
                "voor de Onderwijsroute.",
                bron_leeftijd,
            ),
        ),
        (
            invoer.wil_vervolgonderwijs,
            Reden(
                "WENS_VERVOLGONDERWIJS",
                "De inburgeraar wil doorstromen naar mbo, hbo of wo.",
                BRON_ONDERWIJSROUTE,
            ),
            Reden(
                "GEEN_WENS_VERVOLGONDERWIJS",
                "De inburgeraar wil niet doorstromen naar mbo, hbo of wo.",
                BRON_ONDERWIJSROUTE,
            ),
        ),
        (
            invoer.vooropleiding in (Vooropleiding.VOORTGEZET_ONDERWIJS, Vooropleiding.VERVOLGONDERWIJS),
            Reden(
                "VOOROPLEIDING_VOLDOENDE",
                "De vooropleiding sluit aan op een taalschakeltraject naar mbo, hbo of wo.",
                BRON_ONDERWIJSROUTE,
            ),
            Reden(
                "VOOROPLEIDING_ONVOLDOENDE",
                "De vooropleiding sluit niet aan op een taalschakeltraject naar mbo, hbo of wo.",
                BRON_ONDERWIJSROUTE,
            ),
        ),
        (
            invoer.alfabetisering is not Alfabetisering.ANALFABEET,
            None,
            Reden(
                "ALFABETISERING_ONDERWIJSROUTE",
                "Eerst alfabetiseringsonderwijs nodig; "
                "het taalschakeltraject van ongeveer 1,5 jaar past dan niet.",
                BRON_ONDERWIJSROUTE,
            ),
        ),
    ]
    redenen = [ok_reden if ok else niet_reden for ok, ok_reden, niet_reden in checks]
    return all(ok for ok, _, _ in checks), [r for r in redenen if r is not None]


def _z_route_advies(invoer: AdviesInput, redenen: list[Reden]) -> Advies:
    redenen.append(
        Reden(
            "Z_ROUTE",
            "De B1-route en de Onderwijsroute liggen buiten bereik; de Z-route richt zich op "
            "zelfredzaamheid en taalniveau A1. DUO legt bij de Z-route geen niveau vast.",
            BRON_Z_ROUTE + "; DUO PIP API (geen niveau bij de Z-route)",
        )
    )
    if is_asielstatushouder(invoer.doelgroep):
        redenen.append(
            Reden(
                "Z_ROUTE_UREN",
                "Voor een asielstatushouder omvat de Z-route ten minste 800 uur taal (NT2 en KNM) "
                "en 800 uur participatie.",
                f"{BESLUIT} art. 3.14",
            )
        )
    return Advies(Leerroute.Z, None, redenen)


def _doelgroep_reden(doelgroep: Doelgroep) -> Reden | None:
    if is_asielstatushouder(doelgroep):
        return None
    return Reden(
        "LEERROUTE_NIET_INGEKOCHT",
        f"Doelgroep {doelgroep.value}: de gemeente koopt de leerroute niet in; zij is alleen "
        "verantwoordelijk voor het participatiedeel als de inburgeraar bijstand heeft (Participatiewet).",
        f"{WET} art. 16 (inburgeringsaanbod aan asielstatushouders); Participatiewet (bijstand)",
    )


def ontbrekend(toets: Leerbaarheidstoets) -> list[str]:
    """What a leerbaarheidstoets without an answer leaves missing for the advice: the advice is then
    provisional until it is known. Source: DUO Leerbaarheidstoets API, schema `Resultaat`; Besluit
    inburgering 2021 (the leerbaarheidstoets is part of the brede intake); seed 004 section 3.3."""
    if b1_haalbaar(toets)[0] is not None:
        return []
    if toets.niet_afgenomen:
        return [f"uitslag van de leerbaarheidstoets: niet afgenomen ({toets.niet_afgenomen})"]
    return ["uitslag van de leerbaarheidstoets, of de behaalde en benodigde score"]


def leerroute_advies(invoer: AdviesInput) -> Advies:
    """The advice (`advies`) marked provisional with what is missing when the toets gave no answer;
    the language levels and diplomas follow as reasons (`startpositie.py`)."""
    advies = _advies(invoer)
    return Advies(
        advies.leerroute,
        advies.niveau,
        [*advies.redenen, *startpositie_redenen(invoer.startpositie)],
        ontbrekend(invoer.leerbaarheidstoets),
    )


def _advies(invoer: AdviesInput) -> Advies:
    """Advise B1-route, Onderwijsroute or Z-route with the niveau, listing each reason.

    Order: the leerbaarheidstoets decides between the B1 level (B1-route or
    Onderwijsroute) and the Z-route; when it gives no answer, B1 is haalbaar if the
    current level is B1 or higher on all four skills, and otherwise an analfabeet
    or someone without schooling is advised the Z-route and everyone else
    the B1-route, B1 being the norm. The Onderwijsroute is advised only when
    B1 is haalbaar and every Onderwijsroute criterion holds. Niveau is B1 for
    the B1-route and the Onderwijsroute (a first PIP may not combine A2 with
    the B1-route) and None for the Z-route.
    Source: seed 002 section 1.3 footnote 1, sections 3 and 4.5; seed 004
    section 3.3 and Bijlage 2; DUO M2M README, PIP; Besluit inburgering 2021 art. 3.14.
    """
    haalbaar, toets_reden = b1_haalbaar(invoer.leerbaarheidstoets)
    redenen = [toets_reden]
    bereikt = b1_bereikt(invoer.startpositie.taalniveaus) if haalbaar is None else None
    if bereikt is not None:
        haalbaar = True
        redenen.append(bereikt)
    doelgroep_reden = _doelgroep_reden(invoer.doelgroep)
    if doelgroep_reden is not None:
        redenen.append(doelgroep_reden)
    if haalbaar is False:
        return _z_route_advies(invoer, redenen)
    if haalbaar is None:
        if invoer.alfabetisering is Alfabetisering.ANALFABEET:
            redenen.append(
                Reden(
                    "ALFABETISERING_A",
                    "De inburgeraar is analfabeet (alfabetisering A).",
                    BRON_Z_ROUTE,
                )
            )
            return _z_route_advies(invoer, redenen)
        if invoer.vooropleiding is Vooropleiding.GEEN_OF_NAUWELIJKS:
            redenen.append(
                Reden(
                    "VOOROPLEIDING_GEEN",
                    "De inburgeraar heeft geen of nauwelijks scholing gehad.",
                    BRON_Z_ROUTE,
                )
            )
            return _z_route_advies(invoer, redenen)
        redenen.append(
            Reden(
                "B1_NORM",
                "Zonder uitslag van de leerbaarheidstoets is B1 de norm; "
                "toets de haalbaarheid in de voortgangsgesprekken.",
                BRON_B1_NORM,
            )
        )
        return Advies(Leerroute.B1, Niveau.B1, redenen)
    onderwijs_past, onderwijs_redenen = onderwijsroute_redenen(invoer)
    redenen.extend(onderwijs_redenen)
    if onderwijs_past:
        return Advies(Leerroute.ONDERWIJS, Niveau.B1, redenen)
    redenen.append(
        Reden(
            "B1_ROUTE",
            "B1 is haalbaar en de Onderwijsroute past niet: de B1-route op niveau B1.",
            BRON_B1_NORM,
        )
    )
    return Advies(Leerroute.B1, Niveau.B1, redenen)


def afwijking_toegestaan(advies: Advies, gekozen: Leerroute, motivering: str | None) -> Afwijking:
    """Check a klantmanager's choice against the advice: deviating needs a motivering.

    The PIP is a beschikking open to bezwaar and beroep, so a choice that
    differs from the advice must rest on a recorded, deugdelijke motivering.
    Source: Algemene wet bestuursrecht art. 3:46 (motiveringsbeginsel);
    domain.md process step 4 (PIP als beschikking).
    """
    bron = "Awb art. 3:46 (deugdelijke motivering)"
    if gekozen is advies.leerroute:
        return Afwijking(
            True,
            Reden("CONFORM_ADVIES", "De gekozen leerroute volgt het advies.", bron),
        )
    if motivering is None or not motivering.strip():
        return Afwijking(
            False,
            Reden(
                "MOTIVERING_ONTBREEKT",
                "Afwijken van het leerrouteadvies kan alleen met een vastgelegde motivering.",
                bron,
            ),
        )
    return Afwijking(
        True,
        Reden(
            "AFWIJKING_GEMOTIVEERD",
            f"Afwijking van het advies, gemotiveerd: {motivering.strip()}",
            bron,
        ),
    )
