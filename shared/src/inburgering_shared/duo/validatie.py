"""DUO's refusal rules for what a gemeente delivers, as pure functions: R6 (PIP), R13 (MAP, PVT) and
the inburgeringsaanbod.

The one home of these rules: pip applies R6 when a PIP is vastgesteld, trajectory's DUO client
applies R6, R13 and the aanbod rules before sending, so nothing DUO would refuse leaves the gemeente.

Source: DUO's M2M README for the inburgeringsketen (`duo-m2m-inburgering/README.md`), sections
"Het aanleveren van een PIP", "Module Arbeidsmarkt en Participatie (MAP)",
"Participatieverklaringstraject (PVT)" and "Inburgeringsaanbod", and DUO's PIP and
Inburgeringsaanbod OpenAPI documents; domain.md R6, R13.

Dates: DUO stores the inburgeringstermijn's einddatum as exclusive (domain R4), so the termijn is
exceeded on and after the einddatum.
"""

import calendar
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from inburgering_shared.contracts.resources import Doelgroep, Leerroute, Niveau
from inburgering_shared.duo.codes import is_asielstatushouder

JaNee = Literal["Ja", "Nee"]

BRON_PIP = "DUO M2M README, Het aanleveren van een PIP"
BRON_MAP = "DUO M2M README, Module Arbeidsmarkt en Participatie (MAP)"
BRON_PVT = "DUO M2M README, Participatieverklaringstraject (PVT)"


@dataclass(frozen=True)
class Overtreding:
    """One reason DUO would refuse a message: the domain rule, a code, DUO's field and the source."""

    regel: str
    code: str
    melding: str
    veld: str
    bron: str

    def __str__(self) -> str:
        return f"{self.regel} {self.code}: {self.melding} ({self.bron})"


# R6: PIP ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PipAanlevering:
    """The PIP as delivered to DUO (DUO PIP API, schema `PIP`)."""

    dagtekening: date
    leerroute: Leerroute
    niveau: Niveau | None = None
    geschatte_intensiteit_b1_route: int | None = None


@dataclass(frozen=True)
class PipContext:
    """What DUO knows about the person; `dagtekening_eerste_pip` is None for a first PIP (in any gemeente)."""

    start_inburgeringsplicht: date
    datum_vestiging_gemeente: date
    doelgroep: Doelgroep
    dagtekening_eerste_pip: date | None = None
    dagtekening_actuele_pip: date | None = None


def _r6(code: str, melding: str, veld: str, bron: str = BRON_PIP) -> Overtreding:
    return Overtreding("R6", code, melding, veld, bron)


def _dagtekening_overtredingen(pip: PipAanlevering, context: PipContext) -> list[Overtreding]:
    grenzen = [
        (
            "DAGTEKENING_VOOR_START_PLICHT",
            context.start_inburgeringsplicht,
            "de start van de inburgeringsplicht",
        ),
        ("DAGTEKENING_VOOR_VESTIGING", context.datum_vestiging_gemeente, "de vestiging in de gemeente"),
        ("DAGTEKENING_VOOR_EERSTE_PIP", context.dagtekening_eerste_pip, "de dagtekening van het eerste PIP"),
        (
            "DAGTEKENING_VOOR_ACTUELE_PIP",
            context.dagtekening_actuele_pip,
            "de dagtekening van het actuele PIP",
        ),
    ]
    return [
        _r6(code, f"De dagtekening ligt voor {omschrijving} ({grens.isoformat()}).", "dagtekeningPip")
        for code, grens, omschrijving in grenzen
        if grens is not None and pip.dagtekening < grens
    ]


def _niveau_overtredingen(pip: PipAanlevering, context: PipContext) -> list[Overtreding]:
    overtredingen = []
    if pip.niveau is Niveau.A2 and pip.leerroute is Leerroute.ONDERWIJS:
        overtredingen.append(
            _r6("NIVEAU_A2_ONDERWIJSROUTE", "Niveau A2 kan niet bij de Onderwijsroute.", "niveau")
        )
    if pip.niveau is Niveau.B1 and pip.leerroute is Leerroute.Z:
        overtredingen.append(_r6("NIVEAU_B1_Z_ROUTE", "Niveau B1 kan niet bij de Z-route.", "niveau"))
    eerste_pip = context.dagtekening_eerste_pip is None
    if pip.niveau is Niveau.A2 and pip.leerroute is Leerroute.B1 and eerste_pip:
        overtredingen.append(
            _r6(
                "NIVEAU_A2_EERSTE_PIP",
                "Niveau A2 bij de B1-route kan niet in het eerste PIP van de inburgeraar.",
                "niveau",
            )
        )
    return overtredingen


def _intensiteit_overtredingen(pip: PipAanlevering, context: PipContext) -> list[Overtreding]:
    if pip.geschatte_intensiteit_b1_route is None:
        return []
    veld = "geschatteIntensiteitB1Route"
    overtredingen = []
    if pip.leerroute is not Leerroute.B1:
        overtredingen.append(
            _r6("INTENSITEIT_NIET_B1_ROUTE", "Een geschatte intensiteit hoort alleen bij de B1-route.", veld)
        )
    if not is_asielstatushouder(context.doelgroep):
        overtredingen.append(
            _r6(
                "INTENSITEIT_GEEN_ASIELSTATUSHOUDER",
                "Een geschatte intensiteit hoort alleen bij asielstatushouders.",
                veld,
            )
        )
    if not 1 <= pip.geschatte_intensiteit_b1_route <= 9999:
        overtredingen.append(
            _r6(
                "INTENSITEIT_BUITEN_BEREIK",
                "De geschatte intensiteit ligt tussen 1 en 9999 uur.",
                veld,
                "DUO PIP API, PIP.geschatteIntensiteitB1Route",
            )
        )
    return overtredingen


def pip_overtredingen(pip: PipAanlevering, context: PipContext) -> list[Overtreding]:
    """Every reason DUO would refuse this PIP; an empty list means DUO registers it.

    Dagtekening not before the start of the inburgeringsplicht, the vestiging
    in the gemeente, the first PIP's or the current PIP's dagtekening; A2 not
    with the Onderwijsroute; B1 not with the Z-route; A2 with the B1-route
    not on the person's first PIP (in any gemeente); geschatte intensiteit
    only with the B1-route and for asielstatushouders.
    Source: DUO M2M README, "Het aanleveren van een PIP"; DUO PIP API; domain.md R6.
    """
    return [
        *_dagtekening_overtredingen(pip, context),
        *_niveau_overtredingen(pip, context),
        *_intensiteit_overtredingen(pip, context),
    ]


def met_standaard_niveau(pip: PipAanlevering) -> PipAanlevering:
    """Apply DUO's default: no niveau means B1 for the B1-route and the Onderwijsroute.

    Source: DUO M2M README, "Het aanleveren van een PIP", Niveau (last rule); domain.md R6.
    """
    if pip.niveau is None and pip.leerroute in (Leerroute.B1, Leerroute.ONDERWIJS):
        return replace(pip, niveau=Niveau.B1)
    return pip


# R13: MAP and PVT ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultaatContext:
    """What DUO checks a MAP or PVT date against: the termijn (einddatum exclusive),
    the Z-route date and today."""

    termijn_startdatum: date | None
    termijn_einddatum: date | None
    datum_afronding_zroute: date | None
    vandaag: date


@dataclass(frozen=True)
class Resultaatbericht:
    """Which of DUO's two result messages is checked: its README section and its date field."""

    bron: str
    veld: str


MAP = Resultaatbericht(BRON_MAP, "datumEindgesprekMap")
PVT = Resultaatbericht(BRON_PVT, "datumOndertekeningPvt")

ResultaatRegel = Callable[[date | None, JaNee | None, ResultaatContext, Resultaatbericht], Overtreding | None]


def twee_maanden_na(d: date) -> date:
    """The same day two calendar months later (the last day of that month when it is shorter)."""
    index = d.month - 1 + 2
    jaar, maand = d.year + index // 12, index % 12 + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


def termijn_overschreden(datum: date | None, ctx: ResultaatContext) -> bool:
    """The termijn is exceeded when the date (today, for a withdrawal) is on or after
    the exclusive einddatum."""
    return ctx.termijn_einddatum is not None and (datum or ctx.vandaag) >= ctx.termijn_einddatum


def _r13(code: str, melding: str, bericht: Resultaatbericht, veld: str | None = None) -> Overtreding:
    return Overtreding("R13", code, melding, veld or bericht.veld, bericht.bron)


def resultaat_datum_niet_in_toekomst(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bericht: Resultaatbericht
) -> Overtreding | None:
    """README MAP/PVT: the date may not lie in the future."""
    if datum is not None and datum > ctx.vandaag:
        return _r13("DATUM_IN_TOEKOMST", f"{datum} ligt na vandaag {ctx.vandaag}.", bericht)
    return None


def resultaat_datum_niet_voor_start_termijn(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bericht: Resultaatbericht
) -> Overtreding | None:
    """README MAP/PVT: the date may not lie before the startdatum of the inburgeringstermijn."""
    if datum is not None and ctx.termijn_startdatum is not None and datum < ctx.termijn_startdatum:
        return _r13(
            "DATUM_VOOR_START_TERMIJN",
            f"{datum} ligt voor de start van de termijn {ctx.termijn_startdatum}.",
            bericht,
        )
    return None


def resultaat_datum_niet_na_afronding_zroute(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bericht: Resultaatbericht
) -> Overtreding | None:
    """README MAP/PVT: the date may not lie after the datum afronding Z-route."""
    if datum is not None and ctx.datum_afronding_zroute is not None and datum > ctx.datum_afronding_zroute:
        return _r13(
            "DATUM_NA_AFRONDING_ZROUTE",
            f"{datum} ligt na de afronding Z-route {ctx.datum_afronding_zroute}.",
            bericht,
        )
    return None


def resultaat_intrekken_niet_na_afronding_zroute(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bericht: Resultaatbericht
) -> Overtreding | None:
    """README MAP/PVT: an empty date (withdrawal) is not allowed once a datum afronding
    Z-route is registered."""
    if datum is None and ctx.datum_afronding_zroute is not None:
        return _r13("INTREKKEN_NA_AFRONDING_ZROUTE", "De datum afronding Z-route is geregistreerd.", bericht)
    return None


def resultaat_verwijtbaar_verplicht_bij_overschrijding(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bericht: Resultaatbericht
) -> Overtreding | None:
    """README MAP/PVT: without 'Verwijtbaar (Ja/Nee)' the termijn may not be exceeded."""
    if verwijtbaar is None and termijn_overschreden(datum, ctx):
        return _r13(
            "VERWIJTBAAR_VERPLICHT",
            f"De termijn eindigde {ctx.termijn_einddatum}; geef aan of dat verwijtbaar is.",
            bericht,
            "verwijtbaar",
        )
    return None


def resultaat_verwijtbaar_afwezig_voor_einde_termijn(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bericht: Resultaatbericht
) -> Overtreding | None:
    """README MAP/PVT: with a date before the einddatum of the termijn, 'Verwijtbaar' may not be delivered."""
    if (
        verwijtbaar is not None
        and datum is not None
        and ctx.termijn_einddatum is not None
        and datum < ctx.termijn_einddatum
    ):
        return _r13(
            "VERWIJTBAAR_VOOR_EINDE_TERMIJN",
            f"{datum} ligt voor het einde van de termijn {ctx.termijn_einddatum}.",
            bericht,
            "verwijtbaar",
        )
    return None


def resultaat_verwijtbaar_ja_alleen_bij_overschrijding(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bericht: Resultaatbericht
) -> Overtreding | None:
    """README MAP/PVT: 'Verwijtbaar' may only be 'Ja' when the termijn is exceeded."""
    if verwijtbaar == "Ja" and not termijn_overschreden(datum, ctx):
        return _r13(
            "VERWIJTBAAR_JA_ZONDER_OVERSCHRIJDING", "De termijn is niet overschreden.", bericht, "verwijtbaar"
        )
    return None


def resultaat_verwijtbaar_nee_alleen_binnen_twee_maanden(
    datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext, bericht: Resultaatbericht
) -> Overtreding | None:
    """README MAP/PVT: 'Verwijtbaar' may only be 'Nee' when the einddatum of the termijn
    falls within two months.

    Read as: the date (today, for a withdrawal) lies less than two months after the einddatum.
    """
    peildatum = datum or ctx.vandaag
    if verwijtbaar == "Nee" and not (
        ctx.termijn_einddatum and peildatum < twee_maanden_na(ctx.termijn_einddatum)
    ):
        return _r13(
            "VERWIJTBAAR_NEE_NA_TWEE_MAANDEN",
            f"De termijn eindigde {ctx.termijn_einddatum}, meer dan twee maanden geleden.",
            bericht,
            "verwijtbaar",
        )
    return None


RESULTAAT_REGELS: tuple[ResultaatRegel, ...] = (
    resultaat_datum_niet_in_toekomst,
    resultaat_datum_niet_voor_start_termijn,
    resultaat_datum_niet_na_afronding_zroute,
    resultaat_intrekken_niet_na_afronding_zroute,
    resultaat_verwijtbaar_verplicht_bij_overschrijding,
    resultaat_verwijtbaar_afwezig_voor_einde_termijn,
    resultaat_verwijtbaar_ja_alleen_bij_overschrijding,
    resultaat_verwijtbaar_nee_alleen_binnen_twee_maanden,
)


def resultaat_overtredingen(
    bericht: Resultaatbericht, datum: date | None, verwijtbaar: JaNee | None, ctx: ResultaatContext
) -> list[Overtreding]:
    """All R13 rules DUO applies to a MAP or PVT date with its indicatie verwijtbaarheid."""
    return [o for regel in RESULTAAT_REGELS if (o := regel(datum, verwijtbaar, ctx, bericht)) is not None]


# Inburgeringsaanbod ---------------------------------------------------------------------------

BRON_AANBOD = "DUO M2M README, Inburgeringsaanbod; Wet inburgering 2021 art. 16"


@dataclass(frozen=True)
class AanbodAanlevering:
    """The aanbod as delivered to DUO (DUO Inburgeringsaanbod API, schema `Inburgeringsaanbod`)."""

    datum_inburgeringsaanbod: date | None
    verwachte_start: date | None
    verwacht_einde: date | None


@dataclass(frozen=True)
class AanbodContext:
    """What DUO knows when the aanbod arrives: the doelgroep, the current PIP (None: DUO holds none),
    whether DUO lists the instelling with a BoW keurmerk or (for the Onderwijsroute) a TST keurmerk,
    and the termijn (its einddatum exclusive), when set."""

    doelgroep: Doelgroep
    dagtekening_actuele_pip: date | None
    leerroute_actuele_pip: Leerroute | None
    bow_keurmerk: bool
    tst_keurmerk: bool
    termijn_start: date | None = None
    termijn_einde: date | None = None


def _aanbod(code: str, melding: str, veld: str) -> Overtreding:
    return Overtreding("Inburgeringsaanbod", code, melding, veld, BRON_AANBOD)


def aanbod_overtredingen(aanbod: AanbodAanlevering, context: AanbodContext) -> list[Overtreding]:
    """Why DUO would refuse the aanbod: only for an asielmigrant with a PIP, at an instelling DUO
    recognises (BoW, or TST in the Onderwijsroute), no date before the current PIP's dagtekening, the
    course within the inburgeringstermijn (README 'Inburgeringsaanbod').

    The README names 'datumAanvangTaalschakeltraject' and 'datumEindeCursus', which DUO's document does
    not carry: the termijn rule is applied to the expected start and end of the course."""
    fouten: list[Overtreding] = []
    if not is_asielstatushouder(context.doelgroep):
        fouten.append(
            _aanbod("AANBOD_ALLEEN_ASIEL", "Het inburgeringsaanbod is alleen voor een asielmigrant.", "bsn")
        )
    if context.dagtekening_actuele_pip is None:
        fouten.append(_aanbod("AANBOD_ZONDER_PIP", "DUO heeft geen PIP van de persoon.", "bsn"))
    onderwijsroute = context.leerroute_actuele_pip is Leerroute.ONDERWIJS
    if not (context.bow_keurmerk or (onderwijsroute and context.tst_keurmerk)):
        fouten.append(
            _aanbod(
                "INSTELLING_NIET_ERKEND",
                "De instelling heeft bij DUO geen BoW-keurmerk"
                + (" of TST-keurmerk." if onderwijsroute else "."),
                "instellingsnummer",
            )
        )
    velden = {
        "datumInburgeringsaanbod": aanbod.datum_inburgeringsaanbod,
        "verwachteStartdatumOpleiding": aanbod.verwachte_start,
        "verwachteEinddatumOpleiding": aanbod.verwacht_einde,
    }
    dagtekening = context.dagtekening_actuele_pip
    for veld, datum in velden.items():
        if datum is not None and dagtekening is not None and datum < dagtekening:
            fouten.append(
                _aanbod("AANBOD_VOOR_PIP", "De datum ligt voor de dagtekening van het actuele PIP.", veld)
            )
    start, einde = context.termijn_start, context.termijn_einde
    if start is not None and einde is not None:
        for veld in ("verwachteStartdatumOpleiding", "verwachteEinddatumOpleiding"):
            datum = velden[veld]
            if datum is not None and not start <= datum < einde:
                fouten.append(
                    _aanbod("OPLEIDING_BUITEN_TERMIJN", "De datum ligt buiten de inburgeringstermijn.", veld)
                )
    return fouten


# The withdrawal of a PIP ----------------------------------------------------------------------

BRON_PIP_VERWIJDEREN = "DUO M2M README, Het verwijderen van een PIP"


@dataclass(frozen=True)
class PipVerwijderContext:
    """What DUO holds when the gemeente withdraws its current PIP there: whether DUO has set the
    inburgeringstermijn, and the course hours registered (`ParticipatieAlsTaalles`: taalles and KNM
    at a cursusinstelling in the leerroute)."""

    termijn_vastgesteld: bool
    cursusdeelnameuren: int


def pip_verwijderen_overtredingen(context: PipVerwijderContext) -> list[Overtreding]:
    """DUO deletes the current PIP only while the inburgeringstermijn is not yet set and no course
    hours are registered (DUO's M2M README, 'Het verwijderen van een PIP')."""

    def weiger(code: str, melding: str, veld: str) -> Overtreding:
        return Overtreding("PIP", code, melding, veld, BRON_PIP_VERWIJDEREN)

    overtredingen = []
    if context.termijn_vastgesteld:
        overtredingen.append(
            weiger(
                "TERMIJN_VASTGESTELD",
                "DUO heeft de inburgeringstermijn al vastgesteld; het PIP kan bij DUO niet meer weg.",
                "inburgeringstermijn",
            )
        )
    if context.cursusdeelnameuren > 0:
        overtredingen.append(
            weiger(
                "CURSUSUREN_GEREGISTREERD",
                f"Bij DUO zijn al {context.cursusdeelnameuren} cursusdeelnameuren geregistreerd; het PIP"
                " kan bij DUO niet meer weg.",
                "uren",
            )
        )
    return overtredingen
