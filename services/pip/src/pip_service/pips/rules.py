"""PIP rules: DUO's validation of a delivered PIP, route changes, components per doelgroep.

Pure functions over plain values. Sources: DUO M2M README section
"Persoonlijk Plan Inburgering en Participatie (PIP)" and the PIP OpenAPI
document; Divosa Q&A and seed 004 section 3.2 (route change); seed 002
section 3 and domain.md (components per doelgroep); domain.md R6, R7, R11.
"""

import calendar
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from pip_service.advies.rules import (
    Doelgroep,
    Leerroute,
    Niveau,
    Reden,
    is_asielstatushouder,
)

DEFAULT_MAX_ROUTEWIJZIGINGEN = 1
"""Seed 004 section 3.2: "Een inburgeraar mag éénmaal van leerroute wijzigen"."""

ROUTEWIJZIGING_MAANDEN = 18
"""Divosa Q&A (domain.md R7): a route change is possible up to 1.5 years after the PIP."""

BRON_PIP = "DUO M2M README, Het aanleveren van een PIP"
BRON_ROUTEWIJZIGING = "Divosa Q&A; seed 004 section 3.2 (Voortgang & handhaving); domain.md R7"
BRON_AANBOD = "seed 002 section 3 (Gemeentelijk aanbod per groep); domain.md, Doelgroepen"


@dataclass(frozen=True)
class PipAanlevering:
    """The PIP as delivered to DUO (DUO PIP API, schema `PIP`)."""

    dagtekening: date
    leerroute: Leerroute
    niveau: Niveau | None = None
    geschatte_intensiteit_b1_route: int | None = None


@dataclass(frozen=True)
class PipContext:
    """What DUO knows about the person; `dagtekening_eerste_pip` is None for a first PIP."""

    start_inburgeringsplicht: date
    datum_vestiging_gemeente: date
    doelgroep: Doelgroep
    dagtekening_eerste_pip: date | None = None
    dagtekening_actuele_pip: date | None = None


@dataclass(frozen=True)
class Overtreding:
    code: str
    melding: str
    veld: str
    bron: str


@dataclass(frozen=True)
class Beslissing:
    toegestaan: bool
    redenen: list[Reden]


def _dagtekening_overtredingen(pip: PipAanlevering, context: PipContext) -> list[Overtreding]:
    veld = "dagtekeningPip"
    grenzen = [
        (
            "DAGTEKENING_VOOR_START_PLICHT",
            context.start_inburgeringsplicht,
            "de start van de inburgeringsplicht",
        ),
        (
            "DAGTEKENING_VOOR_VESTIGING",
            context.datum_vestiging_gemeente,
            "de vestiging in de gemeente",
        ),
        (
            "DAGTEKENING_VOOR_EERSTE_PIP",
            context.dagtekening_eerste_pip,
            "de dagtekening van het eerste PIP",
        ),
        (
            "DAGTEKENING_VOOR_ACTUELE_PIP",
            context.dagtekening_actuele_pip,
            "de dagtekening van het actuele PIP",
        ),
    ]
    return [
        Overtreding(
            code,
            f"De dagtekening ligt voor {omschrijving} ({grens.isoformat()}).",
            veld,
            BRON_PIP,
        )
        for code, grens, omschrijving in grenzen
        if grens is not None and pip.dagtekening < grens
    ]


def _niveau_overtredingen(pip: PipAanlevering, context: PipContext) -> list[Overtreding]:
    overtredingen = []
    if pip.niveau is Niveau.A2 and pip.leerroute is Leerroute.ONDERWIJS:
        overtredingen.append(
            Overtreding(
                "NIVEAU_A2_ONDERWIJSROUTE",
                "Niveau A2 kan niet bij de Onderwijsroute.",
                "niveau",
                BRON_PIP,
            )
        )
    if pip.niveau is Niveau.B1 and pip.leerroute is Leerroute.Z:
        overtredingen.append(
            Overtreding(
                "NIVEAU_B1_Z_ROUTE",
                "Niveau B1 kan niet bij de Z-route.",
                "niveau",
                BRON_PIP,
            )
        )
    eerste_pip = context.dagtekening_eerste_pip is None
    if pip.niveau is Niveau.A2 and pip.leerroute is Leerroute.B1 and eerste_pip:
        overtredingen.append(
            Overtreding(
                "NIVEAU_A2_EERSTE_PIP",
                "Niveau A2 bij de B1-route kan niet in het eerste PIP van de inburgeraar.",
                "niveau",
                BRON_PIP,
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
            Overtreding(
                "INTENSITEIT_NIET_B1_ROUTE",
                "Een geschatte intensiteit hoort alleen bij de B1-route.",
                veld,
                BRON_PIP,
            )
        )
    if not is_asielstatushouder(context.doelgroep):
        overtredingen.append(
            Overtreding(
                "INTENSITEIT_GEEN_ASIELSTATUSHOUDER",
                "Een geschatte intensiteit hoort alleen bij asielstatushouders.",
                veld,
                BRON_PIP,
            )
        )
    if not 1 <= pip.geschatte_intensiteit_b1_route <= 9999:
        overtredingen.append(
            Overtreding(
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


def _add_months(dag: date, maanden: int) -> date:
    """Add calendar months, clamping the day to the end of a shorter month (31 Jan + 1 = 28/29 Feb)."""
    index = dag.month - 1 + maanden
    jaar, maand = dag.year + index // 12, index % 12 + 1
    return date(jaar, maand, min(dag.day, calendar.monthrange(jaar, maand)[1]))


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
    grens = _add_months(wijziging.dagtekening_eerste_pip, ROUTEWIJZIGING_MAANDEN)
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
