"""Component rules during the trajectory: Z-route hours, financieel ontzorgen, afschalen, exams.

Pure functions over plain values. Sources: Besluit inburgering 2021 art. 3.14
and DUO Gevolgde Uren API (Z-route hours), Participatiewet art. 56a (financieel
ontzorgen), Wet inburgering 2021 art. 17(3) and Besluit art. 5.5 (afschalen),
DUO Examen API (exam parts, levels, results); domain.md R8, R10, R14.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from inburgering_shared.afschalen import BRON_AFSCHALEN, afschalen_weigeringen
from inburgering_shared.contracts.resources import Leerroute
from inburgering_shared.dates import add_months

Z_ROUTE_UREN_TAAL = 800
"""Besluit inburgering 2021 art. 3.14: at least 800 hours NT2 + KNM (asielstatushouders)."""

Z_ROUTE_UREN_PARTICIPATIE = 800
"""Besluit inburgering 2021 art. 3.14: at least 800 hours participation (asielstatushouders)."""

ONTZORGEN_MAANDEN = 6
"""Participatiewet art. 56a; seed 002 Bijlage 1 and seed 004 section 3.5: six months."""

BRON_Z_ROUTE = "Besluit inburgering 2021 art. 3.14; DUO Gevolgde Uren API; domain.md R10"


class Examenonderdeel(StrEnum):
    """DUO Examen API, schema `ExamenonderdeelWI2021Inburgering`."""

    KNM = "KNM"
    LEZEN = "LE"
    LUISTEREN = "LU"
    SCHRIJVEN = "SC"
    SPREKEN = "SP"


class Examenniveau(StrEnum):
    """DUO Examen API, schema `ExamenniveauWI2021` (A2, B1, B2)."""

    A2 = "A2"
    B1 = "B1"
    B2 = "B2"


class Examenresultaat(StrEnum):
    """DUO Examen API, schema `ExamenresultaatWI2021`."""

    GESLAAGD = "Geslaagd"
    GEZAKT = "Gezakt"
    GEEN = "Geen"


TAALONDERDELEN = (
    Examenonderdeel.LEZEN,
    Examenonderdeel.LUISTEREN,
    Examenonderdeel.SCHRIJVEN,
    Examenonderdeel.SPREKEN,
)
_NIVEAU_RANG = {Examenniveau.A2: 0, Examenniveau.B1: 1, Examenniveau.B2: 2}


@dataclass(frozen=True)
class Reden:
    code: str
    tekst: str
    bron: str


@dataclass(frozen=True)
class Beslissing:
    toegestaan: bool
    redenen: list[Reden]


@dataclass(frozen=True)
class ZRouteUren:
    """Hours as DUO counts them (Gevolgde Uren API); brede intake hours apart."""

    taal_en_knm: int
    taal_en_knm_brede_intake: int
    participatie: int
    participatie_brede_intake: int


@dataclass(frozen=True)
class ZRouteVoortgang:
    taal_uren: int
    participatie_uren: int
    taal_tekort: int
    participatie_tekort: int
    urennorm_behaald: bool | None
    reden: Reden


def z_route_voortgang(uren: ZRouteUren, asielstatushouder: bool) -> ZRouteVoortgang:
    """Progress towards the Z-route hour norm; hours during the brede intake count.

    For asielstatushouders the Z-route has at least 800 hours of language
    (NT2 + KNM) and 800 hours of participation; for other doelgroepen there
    is no statutory hour norm (`urennorm_behaald` is None, no shortfall).
    Source: Besluit inburgering 2021 art. 3.14; DUO Gevolgde Uren API
    (TaallesEnKnmBredeIntake, ParticipatieactiviteitenBredeIntake); domain.md R10.
    """
    taal = uren.taal_en_knm + uren.taal_en_knm_brede_intake
    participatie = uren.participatie + uren.participatie_brede_intake
    if not asielstatushouder:
        reden = Reden(
            "GEEN_URENNORM",
            "Voor deze doelgroep geldt geen wettelijke urennorm in de Z-route.",
            BRON_Z_ROUTE,
        )
        return ZRouteVoortgang(taal, participatie, 0, 0, None, reden)
    taal_tekort = max(0, Z_ROUTE_UREN_TAAL - taal)
    participatie_tekort = max(0, Z_ROUTE_UREN_PARTICIPATIE - participatie)
    behaald = taal_tekort == 0 and participatie_tekort == 0
    reden = Reden(
        "URENNORM_BEHAALD" if behaald else "URENNORM_NIET_BEHAALD",
        f"{taal} van {Z_ROUTE_UREN_TAAL} uur taal (NT2 en KNM) en {participatie} van "
        f"{Z_ROUTE_UREN_PARTICIPATIE} uur participatie, uren uit de brede intake meegeteld.",
        BRON_Z_ROUTE,
    )
    return ZRouteVoortgang(taal, participatie, taal_tekort, participatie_tekort, behaald, reden)


def z_route_afronding_fouten(voortgang: ZRouteVoortgang | None) -> list[Reden]:
    """Why the Z-route may not yet be reported completed to DUO: the hour norm not met, with the
    shortfall per kind (nothing for a doelgroep without a statutory norm).

    For asielstatushouders the Z-route holds at least 800 hours of language (NT2 + KNM) and 800 hours
    of participation before the eindgesprek closes it; hours during the brede intake count.
    Source: Besluit inburgering 2021 art. 3.14; DUO MAP/PVT/Z-route API (datumAfrondingZroute).
    """
    if voortgang is None or voortgang.urennorm_behaald is not False:
        return []
    tekorten = [
        f"{tekort} uur {soort}"
        for tekort, soort in (
            (voortgang.taal_tekort, "taal (NT2 en KNM)"),
            (voortgang.participatie_tekort, "participatie"),
        )
        if tekort
    ]
    tekst = (
        f"De Z-route kan nog niet worden afgerond: er ontbreken {' en '.join(tekorten)}. "
        f"{voortgang.reden.tekst}"
    )
    return [Reden("URENNORM_NIET_BEHAALD", tekst, BRON_Z_ROUTE)]


def einde_financieel_ontzorgen(start_bijstand: date, einde_bijstand: date | None = None) -> date:
    """Last day (inclusive) of the statutory financieel ontzorgen.

    Six months from the start of bijstand: the last day is the day before the
    same day six months later; when that month is too short for that day, the
    period runs to its last day (31 Aug -> 28/29 Feb). When bijstand ends
    earlier (`einde_bijstand`, its last day, inclusive), ontzorgen ends then.
    Longer ontzorgen is only voluntary and is not computed here.
    Source: Participatiewet art. 56a; seed 002 Bijlage 1 (Financieel ontzorgen);
    seed 004 section 3.5; domain.md R14.
    """
    einde = add_months(start_bijstand, ONTZORGEN_MAANDEN)
    laatste_dag = einde if einde.day < start_bijstand.day else einde - timedelta(days=1)
    if einde_bijstand is not None and einde_bijstand < laatste_dag:
        return einde_bijstand
    return laatste_dag


def afschalen_toegestaan(
    leerroute: Leerroute,
    onderdeel: Examenonderdeel,
    uren_taalles_blik_op_werk: int,
    aantoonbare_inspanning: bool,
) -> Beslissing:
    """Whether one exam part may be afgeschaald from B1 to A2, with every reason.

    Only within the B1-route, per language exam part (not KNM), after at
    least 600 hours of language lessons at a school with the Blik op Werk
    keurmerk, and only with demonstrable effort.
    Source: Wet inburgering 2021 art. 17(3); Besluit inburgering 2021 art. 5.5;
    seed 002 section 4.5 (B1-route: "kan worden geschakeld naar A2-niveau"); domain.md R8.
    """
    weigeringen = [
        Reden(code, tekst, BRON_AFSCHALEN)
        for code, tekst in afschalen_weigeringen(
            leerroute,
            uren_taalles_blik_op_werk,
            aantoonbare_inspanning,
            taalonderdeel=onderdeel in TAALONDERDELEN,
        )
    ]
    if weigeringen:
        return Beslissing(False, weigeringen)
    tekst = (
        f"Afschalen van {onderdeel.value} naar A2: B1-route, "
        f"{uren_taalles_blik_op_werk} uur en aantoonbare inspanning."
    )
    return Beslissing(True, [Reden("AFSCHALEN_TOEGESTAAN", tekst, BRON_AFSCHALEN)])


@dataclass(frozen=True)
class Examenuitslag:
    """DUO Examen API, schema `Examenresultaat`; KNM has no niveau."""

    onderdeel: Examenonderdeel
    resultaat: Examenresultaat
    niveau: Examenniveau | None = None


def _behaald(uitslag: Examenuitslag, vereist: Examenniveau) -> bool:
    if uitslag.resultaat is not Examenresultaat.GESLAAGD:
        return False
    if uitslag.onderdeel is Examenonderdeel.KNM:
        return True
    return uitslag.niveau is not None and _NIVEAU_RANG[uitslag.niveau] >= _NIVEAU_RANG[vereist]


def openstaande_examenonderdelen(
    uitslagen: Iterable[Examenuitslag],
    afgeschaald: frozenset[Examenonderdeel] = frozenset(),
) -> list[Examenonderdeel]:
    """The B1-route exam parts still open, in DUO's order (KNM, LE, LU, SC, SP).

    Lezen, luisteren, schrijven and spreken must be passed at B1 (B2 counts);
    an afgeschaald part at A2 (A2, B1 and B2 count); KNM must be passed.
    Source: Wet inburgering 2021 art. 17(3); seed 004 Bijlage 2 (B1-leerroute);
    seed 002 Bijlage 1 (B1-route); DUO Examen API; domain.md R8.
    """
    resultaten = list(uitslagen)

    def vereist(onderdeel: Examenonderdeel) -> Examenniveau:
        return Examenniveau.A2 if onderdeel in afgeschaald else Examenniveau.B1

    return [
        onderdeel
        for onderdeel in Examenonderdeel
        if not any(u.onderdeel is onderdeel and _behaald(u, vereist(onderdeel)) for u in resultaten)
    ]


class Componentsoort(StrEnum):
    """The components of a trajectory (domain.md, process step 5 and the Doelgroepen table)."""

    LEERROUTE = "leerroute"
    KNM = "knm"
    MAP = "map"
    PVT = "pvt"
    PARTICIPATIE = "participatie"
    MAATSCHAPPELIJKE_BEGELEIDING = "maatschappelijke-begeleiding"
    FINANCIEEL_ONTZORGEN = "financieel-ontzorgen"


PIP_ONDERDELEN = {
    "leerroute": Componentsoort.LEERROUTE,
    "participatiedeel van de leerroute": Componentsoort.PARTICIPATIE,
    "KNM": Componentsoort.KNM,
    "MAP": Componentsoort.MAP,
    "PVT": Componentsoort.PVT,
    "maatschappelijke begeleiding": Componentsoort.MAATSCHAPPELIJKE_BEGELEIDING,
    "financieel ontzorgen": Componentsoort.FINANCIEEL_ONTZORGEN,
}
"""The PIP's components (pip's names) and the trajectory's soort for each."""


class Componentstatus(StrEnum):
    NIET_GESTART = "niet-gestart"
    GESTART = "gestart"
    AFGEROND = "afgerond"
    VRIJGESTELD = "vrijgesteld"


def componenten_van_leerroute(leerroute: Leerroute) -> tuple[Componentsoort, ...]:
    """The components a trajectory opens with: every route has PVT, participation and
    maatschappelijke begeleiding; KNM (R8, R10) and the MAP (R11) belong to the B1-route and the
    Z-route, not to the Onderwijsroute (its taalschakeltraject covers KNM, R9). Financieel
    ontzorgen (R14) depends on bijstand, which the trajectory does not know: the klantmanager adds it.

    Source: domain.md R8-R12 and the Doelgroepen table; seed 002 section 3.
    """
    basis = (
        Componentsoort.LEERROUTE,
        Componentsoort.PVT,
        Componentsoort.PARTICIPATIE,
        Componentsoort.MAATSCHAPPELIJKE_BEGELEIDING,
    )
    if leerroute is Leerroute.ONDERWIJS:
        return basis
    return (*basis, Componentsoort.KNM, Componentsoort.MAP)


def component_overgang_fouten(
    status: Componentstatus, startdatum: date | None, einddatum: date | None
) -> list[Reden]:
    """A component's dates must fit its state: started needs a start date, completed an end date,
    and the end never lies before the start."""
    fouten = []
    if status is Componentstatus.GESTART and startdatum is None:
        fouten.append(
            Reden("STARTDATUM_ONTBREEKT", "Een gestart onderdeel heeft een startdatum.", "domain.md step 5")
        )
    if status is Componentstatus.AFGEROND and einddatum is None:
        fouten.append(
            Reden("EINDDATUM_ONTBREEKT", "Een afgerond onderdeel heeft een einddatum.", "domain.md step 5")
        )
    if startdatum and einddatum and einddatum < startdatum:
        fouten.append(Reden("EINDE_VOOR_START", "De einddatum ligt voor de startdatum.", "domain.md step 5"))
    return fouten
