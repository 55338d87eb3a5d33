"""PIP rules: route changes, components per doelgroep.

Pure functions over plain values. DUO's validation of a delivered PIP (R6)
lives with DUO's other published rules in `inburgering_shared.duo.validatie`.
Sources: Divosa Q&A and seed 004 section 3.2 (route change); seed 002
section 3 and domain.md (components per doelgroep); domain.md R7, R11.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from inburgering_shared.afschalen import BRON_AFSCHALEN, afschalen_weigeringen
from inburgering_shared.contracts.resources import Doelgroep, Leerroute
from inburgering_shared.dates import add_months
from inburgering_shared.duo.codes import is_asielstatushouder

from pip_service.advies.rules import WET, Reden, beleid

DEFAULT_MAX_ROUTEWIJZIGINGEN = 1
"""Seed 004 section 3.2: "Een inburgeraar mag éénmaal van leerroute wijzigen"."""

ROUTEWIJZIGING_MAANDEN = 18
"""Divosa Q&A (domain.md R7): a route change is possible up to 1.5 years after the PIP."""

BRON_ROUTEWIJZIGING = f"{WET} art. 15 (wijziging van het PIP); Divosa, handreiking routewijziging"
BRON_AANBOD = f"{WET} art. 15 (onderdelen van het PIP) en art. 16 (inburgeringsaanbod aan asielstatushouders)"


@dataclass(frozen=True)
class Beslissing:
    toegestaan: bool
    redenen: list[Reden]


@dataclass(frozen=True)
class Routewijziging:
    """A requested leerroute change; `einde_termijn` is exclusive, as DUO stores it (R4)."""

    huidige: Leerroute
    nieuwe: Leerroute
    wijzigingsdatum: date
    dagtekening_eerste_pip: date
    einde_termijn: date
    eerdere_wijzigingen: int
    motivering: str


def _routewijziging_op_tijd(wijziging: Routewijziging) -> tuple[bool, Reden]:
    if wijziging.huidige is Leerroute.ONDERWIJS and wijziging.nieuwe is Leerroute.B1:
        if wijziging.wijzigingsdatum < wijziging.einde_termijn:
            return True, Reden(
                "ONDERWIJS_NAAR_B1_IN_TERMIJN",
                "Van Onderwijsroute naar B1-route kan tijdens de hele inburgeringstermijn.",
                BRON_ROUTEWIJZIGING,
            )
        return False, Reden(
            "TERMIJN_VERSTREKEN",
            "De inburgeringstermijn is verstreken.",
            BRON_ROUTEWIJZIGING,
        )
    grens = add_months(wijziging.dagtekening_eerste_pip, ROUTEWIJZIGING_MAANDEN)
    if wijziging.wijzigingsdatum < grens:
        return True, Reden(
            "BINNEN_ANDERHALF_JAAR",
            f"De wijziging valt voor {grens.isoformat()}, binnen 1,5 jaar na het eerste PIP.",
            BRON_ROUTEWIJZIGING,
        )
    return False, Reden(
        "NA_ANDERHALF_JAAR",
        f"Wijzigen kan tot {grens.isoformat()}, 1,5 jaar na het eerste PIP.",
        BRON_ROUTEWIJZIGING,
    )


def routewijziging_toegestaan(
    wijziging: Routewijziging, max_wijzigingen: int = DEFAULT_MAX_ROUTEWIJZIGINGEN
) -> Beslissing:
    """Whether a leerroute change is allowed, with every reason.

    Allowed up to 1.5 years after the dagtekening of the first PIP (the day
    exactly 18 months later is too late: "tot"); Onderwijsroute to B1-route
    during the whole inburgeringstermijn; at most `max_wijzigingen` changes
    (a per-gemeente setting, 1 per seed 004); every change needs a recorded
    motivering. Hours already followed keep counting (not decided here).
    Source: Divosa Q&A; seed 004 section 3.2; domain.md R7.
    """
    if wijziging.nieuwe is wijziging.huidige:
        return Beslissing(
            False,
            [
                Reden(
                    "GEEN_WIJZIGING",
                    "De nieuwe leerroute is gelijk aan de huidige.",
                    BRON_ROUTEWIJZIGING,
                )
            ],
        )
    op_tijd, termijn_reden = _routewijziging_op_tijd(wijziging)
    weigeringen = [] if op_tijd else [termijn_reden]
    if wijziging.eerdere_wijzigingen >= max_wijzigingen:
        weigeringen.append(
            Reden(
                "MAXIMUM_WIJZIGINGEN",
                f"De leerroute is al {wijziging.eerdere_wijzigingen} keer gewijzigd; "
                f"de gemeente staat er {max_wijzigingen} toe.",
                f"{BRON_ROUTEWIJZIGING}; {beleid('maxRoutewijzigingen', max_wijzigingen)}",
            )
        )
    if not wijziging.motivering.strip():
        weigeringen.append(
            Reden(
                "MOTIVERING_ONTBREEKT",
                "Leg de reden van de routewijziging vast.",
                BRON_ROUTEWIJZIGING,
            )
        )
    if weigeringen:
        return Beslissing(False, weigeringen)
    return Beslissing(True, [termijn_reden])


class Component(StrEnum):
    LEERROUTE = "leerroute"
    PARTICIPATIEDEEL_LEERROUTE = "participatiedeel van de leerroute"
    KNM = "KNM"
    MAP = "MAP"
    PVT = "PVT"
    MAATSCHAPPELIJKE_BEGELEIDING = "maatschappelijke begeleiding"
    FINANCIEEL_ONTZORGEN = "financieel ontzorgen"


@dataclass(frozen=True)
class ComponentAanbod:
    component: Component
    aangeboden: bool
    reden: Reden


def _leerroute_aanbod(asiel: bool, bijstand: bool, leerroute: Leerroute) -> list[ComponentAanbod]:
    if asiel:
        return [
            ComponentAanbod(
                Component.LEERROUTE,
                True,
                Reden(
                    "LEERROUTE_INKOOP",
                    "De gemeente koopt de leerroute in voor asielstatushouders.",
                    BRON_AANBOD,
                ),
            ),
            ComponentAanbod(
                Component.PARTICIPATIEDEEL_LEERROUTE,
                True,
                Reden(
                    "PARTICIPATIE_IN_LEERROUTE",
                    "Het participatiedeel hoort bij de ingekochte leerroute.",
                    BRON_AANBOD,
                ),
            ),
            _knm_aanbod(leerroute),
        ]
    niet_ingekocht = Reden(
        "LEERROUTE_NIET_INGEKOCHT",
        "De gemeente koopt de leerroute niet in voor gezins- en overige migranten.",
        BRON_AANBOD,
    )
    participatie = (
        Reden(
            "PARTICIPATIE_BIJSTAND",
            "Met bijstand (Participatiewet) is de gemeente verantwoordelijk voor het participatiedeel.",
            BRON_AANBOD,
        )
        if bijstand
        else Reden(
            "PARTICIPATIE_GEEN_BIJSTAND",
            "Zonder bijstand biedt de gemeente het participatiedeel niet aan.",
            BRON_AANBOD,
        )
    )
    return [
        ComponentAanbod(Component.LEERROUTE, False, niet_ingekocht),
        ComponentAanbod(Component.PARTICIPATIEDEEL_LEERROUTE, bijstand, participatie),
        ComponentAanbod(
            Component.KNM,
            False,
            Reden(
                "KNM_NIET_INGEKOCHT",
                "KNM hoort bij de leerroute, die de gemeente voor deze doelgroep niet inkoopt.",
                BRON_AANBOD,
            ),
        ),
    ]


def _knm_aanbod(leerroute: Leerroute) -> ComponentAanbod:
    if leerroute is Leerroute.ONDERWIJS:
        reden = Reden(
            "KNM_IN_TAALSCHAKELTRAJECT",
            "Bij de Onderwijsroute zit kennis van de samenleving in het taalschakeltraject.",
            f"{WET} art. 15; bij de Onderwijsroute hoort KNM bij het taalschakeltraject",
        )
        return ComponentAanbod(Component.KNM, False, reden)
    return ComponentAanbod(
        Component.KNM,
        True,
        Reden(
            "KNM_IN_LEERROUTE",
            "KNM hoort bij de B1-route en de Z-route.",
            BRON_AANBOD,
        ),
    )


def _map_aanbod(leerroute: Leerroute) -> ComponentAanbod:
    bron = f"{WET} art. 15; DUO MAP API (MAP bij de B1-route en de Z-route)"
    if leerroute is Leerroute.ONDERWIJS:
        return ComponentAanbod(
            Component.MAP,
            False,
            Reden(
                "MAP_NIET_ONDERWIJSROUTE",
                "De MAP hoort niet bij de Onderwijsroute.",
                bron,
            ),
        )
    return ComponentAanbod(
        Component.MAP,
        True,
        Reden("MAP_B1_Z_ROUTE", "De MAP hoort bij de B1-route en de Z-route.", bron),
    )


def _ontzorgen_aanbod(asiel: bool, bijstand: bool) -> ComponentAanbod:
    bron = "Participatiewet art. 56a"
    if asiel and bijstand:
        return ComponentAanbod(
            Component.FINANCIEEL_ONTZORGEN,
            True,
            Reden(
                "ONTZORGEN",
                "Asielstatushouder met bijstand: zes maanden financieel ontzorgen.",
                bron,
            ),
        )
    reden = "alleen voor asielstatushouders" if not asiel else "alleen met bijstand"
    return ComponentAanbod(
        Component.FINANCIEEL_ONTZORGEN,
        False,
        Reden("GEEN_ONTZORGEN", f"Financieel ontzorgen is er {reden}.", bron),
    )


def gemeentelijk_aanbod(doelgroep: Doelgroep, bijstand: bool, leerroute: Leerroute) -> list[ComponentAanbod]:
    """Which components the gemeente offers, one entry per component with its reason.

    Asielstatushouders: the leerroute (with KNM for the B1-route and Z-route);
    gezins- and overige migranten: only the participation part of the
    leerroute, and only on Participatiewet bijstand. MAP for the B1-route and
    Z-route; PVT and maatschappelijke begeleiding for everyone; financieel
    ontzorgen for asielstatushouders on bijstand.
    Source: seed 002 section 3 (Gemeentelijk aanbod per groep); domain.md
    Doelgroepen table, R11, R12, R14.
    """
    asiel = is_asielstatushouder(doelgroep)
    return [
        *_leerroute_aanbod(asiel, bijstand, leerroute),
        _map_aanbod(leerroute),
        ComponentAanbod(
            Component.PVT,
            True,
            Reden(
                "PVT_ALLE_ROUTES",
                "Het PVT hoort bij elke leerroute en elke doelgroep.",
                f"{WET} art. 15; DUO PVT API",
            ),
        ),
        ComponentAanbod(
            Component.MAATSCHAPPELIJKE_BEGELEIDING,
            True,
            Reden(
                "BEGELEIDING_ALLE_DOELGROEPEN",
                "Maatschappelijke begeleiding biedt de gemeente aan elke doelgroep.",
                BRON_AANBOD,
            ),
        ),
        _ontzorgen_aanbod(asiel, bijstand),
    ]


BRON_BESCHIKKING = "Wet inburgering 2021 art. 15; Awb art. 3:46 en 3:47"


@dataclass(frozen=True)
class Tekort:
    """Something a PIP lacks to be a beschikking: the field, the rule's code and what is missing."""

    veld: str
    code: str
    tekst: str
    bron: str


def beschikking_tekorten(
    doelgroep: Doelgroep,
    leerroute: Leerroute,
    onderdelen: list[tuple[Component, bool, date | None]],
    aantal_doelen: int,
) -> list[Tekort]:
    """What the PIP's content lacks before it can be vastgesteld as a beschikking.

    The PIP states which components the person follows and when (the components
    every member of the doelgroep is entitled to on this leerroute, whatever
    their bijstand: `gemeentelijk_aanbod` with no bijstand), each offered one
    with its start, and the goals the plan works to; without them the decision
    has no content to motivate. `onderdelen` as (component, aangeboden, start).
    Source: Wet inburgering 2021 art. 15 (inhoud van het PIP); Awb art. 3:46
    (deugdelijke motivering) and 3:47 (wettelijke grondslag); seed 002 section 3.
    """
    aangeboden = {c: start for c, ja, start in onderdelen if ja}
    tekorten = [
        Tekort(
            "onderdelen",
            "ONDERDEEL_ONTBREEKT",
            f"Het onderdeel '{a.component.value}' hoort bij deze doelgroep en leerroute "
            "maar staat niet in het PIP.",
            BRON_BESCHIKKING,
        )
        for a in gemeentelijk_aanbod(doelgroep, False, leerroute)
        if a.aangeboden and a.component not in aangeboden
    ]
    tekorten += [
        Tekort(
            "onderdelen",
            "ONDERDEEL_ZONDER_START",
            f"Het onderdeel '{component.value}' heeft geen startdatum.",
            BRON_BESCHIKKING,
        )
        for component, start in aangeboden.items()
        if start is None
    ]
    if aantal_doelen == 0:
        tekorten.append(
            Tekort("doelen", "DOEL_ONTBREEKT", "Het PIP noemt geen enkel doel.", BRON_BESCHIKKING)
        )
    return tekorten


WET_2013 = "Wet inburgering 2013"
BRON_OVERGANGSRECHT = "art. 54 lid 1 Wet inburgering 2021"


def geen_pip(wet: str | None, eindreden: str | None, eindregel: str | None) -> Reden | None:
    """Why no PIP may be vastgesteld or changed for this person, or None when one may.

    A person whose plicht began before 1 January 2022 stays under the Wet inburgering 2013, which
    knows no PIP (the ondertussengroep); a plicht that ended (gehele ontheffing, vrijstelling, plicht
    voldaan or no longer plichtig, as DUO reports) leaves nothing for a PIP to plan.
    Sources: art. 54 lid 1 Wet inburgering 2021 (the earlier law remains applicable); art. 3 (the plicht
    the PIP serves), art. 4, 5 and 6 Wet inburgering 2021 (the end states).
    """
    if wet == WET_2013:
        return Reden(
            "WI2013",
            "Op deze persoon is de Wet inburgering 2013 van toepassing (plicht begonnen voor 1 januari"
            " 2022): geen PIP en geen PIP-termijn.",
            BRON_OVERGANGSRECHT,
        )
    if eindreden is not None:
        return Reden(
            "PLICHT_BEEINDIGD",
            f"De inburgeringsplicht is beëindigd ({eindreden}): er is geen PIP meer vast te stellen.",
            eindregel or "Wet inburgering 2021",
        )
    return None


def afschalen_redenen(uren_taalles: int, aantoonbare_inspanning: str | None) -> list[Reden]:
    """Why the PIP may not (yet) set A2 on the B1-route: the hours of language lessons the taalaanbieders
    reported and the recorded demonstrable effort. Source: Wet inburgering 2021 art. 17(3); Besluit
    inburgering 2021 art. 5.5 (see inburgering_shared.afschalen)."""
    weigeringen = afschalen_weigeringen(Leerroute.B1, uren_taalles, bool(aantoonbare_inspanning))
    return [Reden(code, tekst, BRON_AFSCHALEN) for code, tekst in weigeringen]


def afschaalgrond(uren_taalles: int, aantoonbare_inspanning: str) -> str:
    """The ground the beschikking names for A2 on the B1-route."""
    return (
        f"Afgeschaald naar A2 binnen de B1-route na {uren_taalles} uur taalles en aantoonbare inspanning:"
        f" {aantoonbare_inspanning} ({BRON_AFSCHALEN})."
    )
