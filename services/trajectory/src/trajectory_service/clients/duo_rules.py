"""DUO's refusal rules for what a gemeente writes, as pure functions (rules R6 and R13 of the domain).

Source: DUO's M2M README for the inburgeringsketen (`duo-m2m-inburgering/README.md`). The client
runs these before sending, so nothing DUO would refuse leaves the gemeente. Each rule returns a
`RegelOvertreding` when the message breaks it, else None.

Dates: DUO stores the inburgeringstermijn's einddatum as exclusive (domain R4), so the termijn is
exceeded on and after the einddatum.
"""

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from trajectory_service.clients.duo_models import PIP, Doelgroepindeling, JaNee, NiveauPip

README_PIP = (
    "DUO M2M README, 'Persoonlijk Plan Inburgering en Participatie (PIP)' - 'Het aanleveren van een PIP'"
)
README_MAP = "DUO M2M README, 'Module Arbeidsmarkt en Participatie (MAP)'"
README_PVT = "DUO M2M README, 'Participatieverklaringstraject (PVT)'"


@dataclass(frozen=True)
class RegelOvertreding:
    regel: str
    bron: str
    melding: str

    def __str__(self) -> str:
        return f"{self.regel}: {self.melding} ({self.bron})"


@dataclass(frozen=True)
class PipContext:
    """What DUO checks a PIP against.

    `dagtekening_eerste_pip` is None when no PIP exists yet, in any gemeente.
    """

    begindatum_inburgeringsplicht: date | None
    vestigingsdatum: date | None
    dagtekening_eerste_pip: date | None
    dagtekening_actuele_pip: date | None
    doelgroep: Doelgroepindeling | None


@dataclass(frozen=True)
class ResultaatContext:
    """What DUO checks a MAP or PVT date against: the termijn (einddatum exclusive),
    the Z-route date and today."""

    termijn_startdatum: date | None
    termijn_einddatum: date | None
    datum_afronding_zroute: date | None
    vandaag: date


# R6: PIP ---------------------------------------------------------------------------------------


def pip_dagtekening_niet_voor_start_plicht(pip: PIP, ctx: PipContext) -> RegelOvertreding | None:
    """README PIP, 'Datum dagtekening': not before the start of the inburgeringsplicht."""
    if ctx.begindatum_inburgeringsplicht and pip.dagtekeningPip < ctx.begindatum_inburgeringsplicht:
        return RegelOvertreding(
            "R6 dagtekening niet voor start inburgeringsplicht",
            README_PIP + " / Datum dagtekening",
            f"dagtekening {pip.dagtekeningPip} ligt voor de start van de plicht "
            f"{ctx.begindatum_inburgeringsplicht}",
        )
    return None


def pip_dagtekening_niet_voor_eerdere_pip(pip: PIP, ctx: PipContext) -> RegelOvertreding | None:
    """README PIP, 'Datum dagtekening': a changed PIP not before the dagtekening
    of the initial or the current PIP."""
    eerdere = [d for d in (ctx.dagtekening_eerste_pip, ctx.dagtekening_actuele_pip) if d is not None]
    if eerdere and pip.dagtekeningPip < max(eerdere):
        return RegelOvertreding(
            "R6 dagtekening niet voor eerste of actuele PIP",
            README_PIP + " / Datum dagtekening",
            f"dagtekening {pip.dagtekeningPip} ligt voor de dagtekening van een eerdere PIP {max(eerdere)}",
        )
    return None


def pip_dagtekening_niet_voor_vestiging(pip: PIP, ctx: PipContext) -> RegelOvertreding | None:
    """README PIP, 'Datum dagtekening': not before the inburgeraar settled in the gemeente."""
    if ctx.vestigingsdatum and pip.dagtekeningPip < ctx.vestigingsdatum:
        return RegelOvertreding(
            "R6 dagtekening niet voor vestiging",
            README_PIP + " / Datum dagtekening",
            f"dagtekening {pip.dagtekeningPip} ligt voor de vestiging in de gemeente {ctx.vestigingsdatum}",
        )
    return None


def pip_niveau_a2_niet_bij_onderwijsroute(pip: PIP, ctx: PipContext) -> RegelOvertreding | None:
    """README PIP, 'Niveau': A2 not with the onderwijsroute."""
    if pip.niveau == "A2" and pip.leerroute == "O":
        return RegelOvertreding(
            "R6 niveau A2 niet bij onderwijsroute", README_PIP + " / Niveau", "A2 met onderwijsroute"
        )
    return None


def pip_niveau_b1_niet_bij_zroute(pip: PIP, ctx: PipContext) -> RegelOvertreding | None:
    """README PIP, 'Niveau': B1 not with the Z-route."""
    if pip.niveau == "B1" and pip.leerroute == "Z":
        return RegelOvertreding("R6 niveau B1 niet bij Z-route", README_PIP + " / Niveau", "B1 met Z-route")
    return None


def pip_niveau_a2_b1_route_niet_bij_eerste_pip(pip: PIP, ctx: PipContext) -> RegelOvertreding | None:
    """README PIP, 'Niveau': A2 with the B1-route not on the person's first PIP, whichever gemeente."""
    if pip.niveau == "A2" and pip.leerroute == "B" and ctx.dagtekening_eerste_pip is None:
        return RegelOvertreding(
            "R6 niveau A2 bij B1-route niet bij eerste PIP",
            README_PIP + " / Niveau",
            "A2 met B1-route op de eerste PIP",
        )
    return None


def pip_intensiteit_alleen_b1_route_asiel(pip: PIP, ctx: PipContext) -> RegelOvertreding | None:
    """README PIP, 'Geschatte intensiteit B1 route': only with the B1-route and for asielmigranten."""
    if pip.geschatteIntensiteitB1Route is not None and (
        pip.leerroute != "B" or ctx.doelgroep != "Asielstatushouder"
    ):
        return RegelOvertreding(
            "R6 geschatte intensiteit alleen bij B1-route en asielmigrant",
            README_PIP + " / Geschatte intensiteit B1 route",
            f"intensiteit bij leerroute {pip.leerroute} en doelgroep {ctx.doelgroep}",
        )
    return None


PIP_REGELS: tuple[Callable[[PIP, PipContext], RegelOvertreding | None], ...] = (
    pip_dagtekening_niet_voor_start_plicht,
    pip_dagtekening_niet_voor_eerdere_pip,
    pip_dagtekening_niet_voor_vestiging,
    pip_niveau_a2_niet_bij_onderwijsroute,
    pip_niveau_b1_niet_bij_zroute,
    pip_niveau_a2_b1_route_niet_bij_eerste_pip,
    pip_intensiteit_alleen_b1_route_asiel,
)


def pip_overtredingen(pip: PIP, ctx: PipContext) -> list[RegelOvertreding]:
    """All R6 rules DUO applies when a PIP is delivered."""
    return [o for regel in PIP_REGELS if (o := regel(pip, ctx)) is not None]


def vastgesteld_niveau(pip: PIP) -> NiveauPip | None:
    """README PIP, 'Niveau': without a niveau DUO records B1 for the B1-route and the onderwijsroute."""
    if pip.niveau is None and pip.leerroute in ("B", "O"):
        return "B1"
    return pip.niveau


# R13: MAP and PVT ------------------------------------------------------------------------------


def twee_maanden_na(d: date) -> date:
    """The same day two calendar months later (the last day of that month when it is shorter)."""
    index = d.month - 1 + 2
    jaar, maand = d.year + index // 12, index % 12 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


def termijn_overschreden(datum: date | None, ctx: ResultaatContext) -> bool:
    """The termijn is exceeded when the date (today, for a withdrawal) is on or after
    the exclusive einddatum."""
    return ctx.termijn_einddatum is not None and (datum or ctx.vandaag) >= ctx.termijn_einddatum


def resultaat_datum_niet_in_toekomst(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bron: str
) -> RegelOvertreding | None:
    """README MAP/PVT: the date may not lie in the future."""
    if datum is not None and datum > ctx.vandaag:
        return RegelOvertreding(
            "R13 datum niet in de toekomst", bron, f"{datum} ligt na vandaag {ctx.vandaag}"
        )
    return None


def resultaat_datum_niet_voor_start_termijn(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bron: str
) -> RegelOvertreding | None:
    """README MAP/PVT: the date may not lie before the startdatum of the inburgeringstermijn."""
    if datum is not None and ctx.termijn_startdatum is not None and datum < ctx.termijn_startdatum:
        return RegelOvertreding(
            "R13 datum niet voor start termijn",
            bron,
            f"{datum} ligt voor de start van de termijn {ctx.termijn_startdatum}",
        )
    return None


def resultaat_datum_niet_na_afronding_zroute(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bron: str
) -> RegelOvertreding | None:
    """README MAP/PVT: the date may not lie after the datum afronding Z-route."""
    if datum is not None and ctx.datum_afronding_zroute is not None and datum > ctx.datum_afronding_zroute:
        return RegelOvertreding(
            "R13 datum niet na afronding Z-route",
            bron,
            f"{datum} ligt na de afronding Z-route {ctx.datum_afronding_zroute}",
        )
    return None


def resultaat_intrekken_niet_na_afronding_zroute(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bron: str
) -> RegelOvertreding | None:
    """README MAP/PVT: an empty date (withdrawal) is not allowed once a datum afronding
    Z-route is registered."""
    if datum is None and ctx.datum_afronding_zroute is not None:
        return RegelOvertreding(
            "R13 intrekken niet na afronding Z-route", bron, "de datum afronding Z-route is geregistreerd"
        )
    return None


def resultaat_verwijtbaar_verplicht_bij_overschrijding(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bron: str
) -> RegelOvertreding | None:
    """README MAP/PVT: without 'Verwijtbaar (Ja/Nee)' the termijn may not be exceeded."""
    if verwijtbaar is None and termijn_overschreden(datum, ctx):
        return RegelOvertreding(
            "R13 verwijtbaar verplicht bij overschrijding", bron, f"termijn eindigde {ctx.termijn_einddatum}"
        )
    return None


def resultaat_verwijtbaar_afwezig_voor_einde_termijn(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bron: str
) -> RegelOvertreding | None:
    """README MAP/PVT: with a date before the einddatum of the termijn, 'Verwijtbaar' may not be delivered."""
    if (
        verwijtbaar is not None
        and datum is not None
        and ctx.termijn_einddatum is not None
        and datum < ctx.termijn_einddatum
    ):
        return RegelOvertreding(
            "R13 verwijtbaar afwezig voor einde termijn",
            bron,
            f"{datum} ligt voor het einde van de termijn {ctx.termijn_einddatum}",
        )
    return None


def resultaat_verwijtbaar_ja_alleen_bij_overschrijding(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bron: str
) -> RegelOvertreding | None:
    """README MAP/PVT: 'Verwijtbaar' may only be 'Ja' when the termijn is exceeded."""
    if verwijtbaar == "Ja" and not termijn_overschreden(datum, ctx):
        return RegelOvertreding(
            "R13 verwijtbaar Ja alleen bij overschrijding", bron, "de termijn is niet overschreden"
        )
    return None


def resultaat_verwijtbaar_nee_alleen_binnen_twee_maanden(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bron: str
) -> RegelOvertreding | None:
    """README MAP/PVT: 'Verwijtbaar' may only be 'Nee' when the einddatum of the termijn
    falls within two months.

    Read as: the date (today, for a withdrawal) lies less than two months after the einddatum.
    """
    peildatum = datum or ctx.vandaag
    if verwijtbaar == "Nee" and not (
        ctx.termijn_einddatum and peildatum < twee_maanden_na(ctx.termijn_einddatum)
    ):
        return RegelOvertreding(
            "R13 verwijtbaar Nee alleen binnen twee maanden",
            bron,
            f"termijn eindigde {ctx.termijn_einddatum}",
        )
    return None


RESULTAAT_REGELS = (
    resultaat_datum_niet_in_toekomst,
    resultaat_datum_niet_voor_start_termijn,
    resultaat_datum_niet_na_afronding_zroute,
    resultaat_intrekken_niet_na_afronding_zroute,
    resultaat_verwijtbaar_verplicht_bij_overschrijding,
    resultaat_verwijtbaar_afwezig_voor_einde_termijn,
    resultaat_verwijtbaar_ja_alleen_bij_overschrijding,
    resultaat_verwijtbaar_nee_alleen_binnen_twee_maanden,
)


def map_overtredingen(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext
) -> list[RegelOvertreding]:
    """All R13 rules DUO applies to a datum eindgesprek MAP with its indicatie verwijtbaarheid."""
    return [o for regel in RESULTAAT_REGELS if (o := regel(datum, verwijtbaar, ctx, README_MAP)) is not None]


def pvt_overtredingen(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext
) -> list[RegelOvertreding]:
    """All R13 rules DUO applies to a datum ondertekening PVT with its indicatie verwijtbaarheid."""
    return [o for regel in RESULTAAT_REGELS if (o := regel(datum, verwijtbaar, ctx, README_PVT)) is not None]
