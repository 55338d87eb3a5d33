"""PIP rules: route changes, components per doelgroep.

Pure functions over plain values. DUO's validation of a delivered PIP (R6)
lives with DUO's other published rules in `inburgering_shared.duo.validatie`.
Sources: Divosa Q&A and seed 004 section 3.2 (route change); seed 002
section 3 and domain.md (components per doelgroep); domain.md R7, R11.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from inburgering_shared.contracts.resources import Doelgroep, Leerroute
from inburgering_shared.dates import add_months
from inburgering_shared.duo.codes import is_asielstatushouder

from pip_service.advies.rules import Reden

DEFAULT_MAX_ROUTEWIJZIGINGEN = 1
"""Seed 004 section 3.2: "Een inburgeraar mag éénmaal van leerroute wijzigen"."""

ROUTEWIJZIGING_MAANDEN = 18
"""Divosa Q&A (domain.md R7): a route change is possible up to 1.5 years after the PIP."""

BRON_ROUTEWIJZIGING = "Divosa Q&A; seed 004 section 3.2 (Voortgang & handhaving); domain.md R7"
BRON_AANBOD = "seed 002 section 3 (Gemeentelijk aanbod per groep); domain.md, Doelgroepen"


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
                BRON_ROUTEWIJZIGING,
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
            "seed 004 Bijlage 2 (Onderwijsroute); domain.md R8-R10",
        )
        return ComponentAanbod(Component.KNM, False, reden)
    return ComponentAanbod(
        Component.KNM,
        True,
        Reden(
            "KNM_IN_LEERROUTE",
            "KNM hoort bij de B1-route en de Z-route.",
            "domain.md R8 and R10; seed 002 Bijlage 1 (B1-route)",
        ),
    )


def _map_aanbod(leerroute: Leerroute) -> ComponentAanbod:
    bron = "domain.md R11; seed 002 section 4.5 (MAP in de B1- en Z-route)"
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
    bron = "Participatiewet art. 56a; seed 002 section 3; domain.md R14"
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
                "domain.md R12; seed 004 section 3.6",
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
