"""Table tests for PIP validation (R6), route changes (R7) and components per doelgroep."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pip_service.advies.rules import Doelgroep, Leerroute, Niveau
from pip_service.pips.rules import (
    Component,
    PipAanlevering,
    PipContext,
    Routewijziging,
    gemeentelijk_aanbod,
    met_standaard_niveau,
    pip_overtredingen,
    routewijziging_toegestaan,
)

B, OND, Z = Leerroute.B1, Leerroute.ONDERWIJS, Leerroute.Z
README = "DUO M2M README, Het aanleveren van een PIP"
CONTEXT = PipContext(
    start_inburgeringsplicht=date(2024, 1, 10),
    datum_vestiging_gemeente=date(2024, 2, 1),
    doelgroep=Doelgroep.ASIELSTATUSHOUDER,
)
GEWIJZIGD = {
    "dagtekening_eerste_pip": date(2024, 3, 1),
    "dagtekening_actuele_pip": date(2024, 6, 1),
}
PIP = PipAanlevering(dagtekening=date(2024, 3, 1), leerroute=B)

# (id, source, changes to PIP, changes to CONTEXT, expected violation codes)
VALIDATIE_CASES = [
    ("geldig-b1-zonder-niveau", README, {}, {}, []),
    ("dagtekening-op-vestiging", README, {"dagtekening": date(2024, 2, 1)}, {}, []),
    (
        "dagtekening-dag-voor-vestiging",
        README,
        {"dagtekening": date(2024, 1, 31)},
        {},
        ["DAGTEKENING_VOOR_VESTIGING"],
    ),
    (
        "dagtekening-voor-start-plicht",
        README,
        {"dagtekening": date(2024, 1, 9)},
        {},
        ["DAGTEKENING_VOOR_START_PLICHT", "DAGTEKENING_VOOR_VESTIGING"],
    ),
    (
        "vestiging-voor-plicht-dagtekening-ertussen",
        README,
        {"dagtekening": date(2024, 1, 5)},
        {"datum_vestiging_gemeente": date(2024, 1, 1)},
        ["DAGTEKENING_VOOR_START_PLICHT"],
    ),
    (
        "gewijzigd-voor-eerste-pip",
        README,
        {"dagtekening": date(2024, 2, 20), "niveau": Niveau.A2},
        GEWIJZIGD,
        ["DAGTEKENING_VOOR_EERSTE_PIP", "DAGTEKENING_VOOR_ACTUELE_PIP"],
    ),
    (
        "gewijzigd-voor-actuele-pip",
        README,
        {"dagtekening": date(2024, 5, 31)},
        GEWIJZIGD,
        ["DAGTEKENING_VOOR_ACTUELE_PIP"],
    ),
    (
        "gewijzigd-op-actuele-pip",
        README,
        {"dagtekening": date(2024, 6, 1)},
        GEWIJZIGD,
        [],
    ),
    (
        "a2-onderwijsroute",
        README,
        {"leerroute": OND, "niveau": Niveau.A2},
        {},
        ["NIVEAU_A2_ONDERWIJSROUTE"],
    ),
    (
        "a2-onderwijsroute-ook-later",
        README,
        {"leerroute": OND, "niveau": Niveau.A2, "dagtekening": date(2024, 7, 1)},
        GEWIJZIGD,
        ["NIVEAU_A2_ONDERWIJSROUTE"],
    ),
    ("b1-onderwijsroute", README, {"leerroute": OND, "niveau": Niveau.B1}, {}, []),
    (
        "b1-z-route",
        README,
        {"leerroute": Z, "niveau": Niveau.B1},
        {},
        ["NIVEAU_B1_Z_ROUTE"],
    ),
    ("a2-z-route", README, {"leerroute": Z, "niveau": Niveau.A2}, {}, []),
    (
        "a2-b1-route-eerste-pip",
        README,
        {"niveau": Niveau.A2},
        {},
        ["NIVEAU_A2_EERSTE_PIP"],
    ),
    (
        "a2-b1-route-latere-pip",
        README,
        {"niveau": Niveau.A2, "dagtekening": date(2024, 7, 1)},
        GEWIJZIGD,
        [],
    ),
    ("intensiteit-b1-asiel", README, {"geschatte_intensiteit_b1_route": 600}, {}, []),
    (
        "intensiteit-onderwijsroute",
        README,
        {"leerroute": OND, "geschatte_intensiteit_b1_route": 600},
        {},
        ["INTENSITEIT_NIET_B1_ROUTE"],
    ),
    (
        "intensiteit-gezinsvormer",
        README,
        {"geschatte_intensiteit_b1_route": 600},
        {"doelgroep": Doelgroep.GEZINSVORMER},
        ["INTENSITEIT_GEEN_ASIELSTATUSHOUDER"],
    ),
    (
        "intensiteit-z-route-overig",
        README,
        {"leerroute": Z, "geschatte_intensiteit_b1_route": 600},
        {"doelgroep": Doelgroep.OVERIG},
        ["INTENSITEIT_NIET_B1_ROUTE", "INTENSITEIT_GEEN_ASIELSTATUSHOUDER"],
    ),
    (
        "intensiteit-nul",
        "DUO PIP API, geschatteIntensiteitB1Route minimum 1",
        {"geschatte_intensiteit_b1_route": 0},
        {},
        ["INTENSITEIT_BUITEN_BEREIK"],
    ),
    (
        "intensiteit-9999",
        "DUO PIP API, geschatteIntensiteitB1Route maximum 9999",
        {"geschatte_intensiteit_b1_route": 9999},
        {},
        [],
    ),
]


@pytest.mark.parametrize(
    ("source", "pip_changes", "context_changes", "codes"),
    [case[1:] for case in VALIDATIE_CASES],
    ids=[case[0] for case in VALIDATIE_CASES],
)
def test_pip_overtredingen(source, pip_changes, context_changes, codes):
    overtredingen = pip_overtredingen(replace(PIP, **pip_changes), replace(CONTEXT, **context_changes))
    assert [o.code for o in overtredingen] == codes, source
    assert all(o.veld and o.melding and o.bron for o in overtredingen), source


# (id, source, leerroute, niveau given, niveau after default)
NIVEAU_CASES = [
    ("b1-route-zonder-niveau", README, B, None, Niveau.B1),
    ("onderwijsroute-zonder-niveau", README, OND, None, Niveau.B1),
    ("z-route-zonder-niveau", README, Z, None, None),
    ("b1-route-a2-blijft", README, B, Niveau.A2, Niveau.A2),
    ("z-route-a2-blijft", README, Z, Niveau.A2, Niveau.A2),
]


@pytest.mark.parametrize(
    ("source", "leerroute", "niveau", "verwacht"),
    [case[1:] for case in NIVEAU_CASES],
    ids=[case[0] for case in NIVEAU_CASES],
)
def test_met_standaard_niveau(source, leerroute, niveau, verwacht):
    pip = PipAanlevering(date(2024, 3, 1), leerroute, niveau)
    assert met_standaard_niveau(pip).niveau is verwacht, source


R7 = "Divosa Q&A via domain.md R7 (tot 1,5 jaar na het PIP)"
S004 = "seed 004 section 3.2 (éénmaal van leerroute wijzigen)"
WIJZIGING = Routewijziging(
    huidige=B,
    nieuwe=Z,
    wijzigingsdatum=date(2024, 6, 1),
    dagtekening_eerste_pip=date(2024, 1, 31),
    einde_termijn=date(2027, 2, 1),
    eerdere_wijzigingen=0,
    motivering="Leerbaarheid blijkt lager in de voortgangsgesprekken.",
)

# (id, source, changes to WIJZIGING, max_wijzigingen, toegestaan, codes)
WIJZIGING_CASES = [
    ("b1-naar-z-binnen-anderhalf-jaar", R7, {}, 1, True, ["BINNEN_ANDERHALF_JAAR"]),
    (
        "dag-voor-anderhalf-jaar",
        R7,
        {"wijzigingsdatum": date(2025, 7, 30)},
        1,
        True,
        ["BINNEN_ANDERHALF_JAAR"],
    ),
    (
        "precies-anderhalf-jaar",
        R7,
        {"wijzigingsdatum": date(2025, 7, 31)},
        1,
        False,
        ["NA_ANDERHALF_JAAR"],
    ),
    (
        "anderhalf-jaar-geklemd-februari",
        R7,
        {
            "dagtekening_eerste_pip": date(2023, 8, 31),
            "wijzigingsdatum": date(2025, 2, 27),
        },
        1,
        True,
        ["BINNEN_ANDERHALF_JAAR"],
    ),
    (
        "anderhalf-jaar-geklemd-einde-februari",
        R7,
        {
            "dagtekening_eerste_pip": date(2023, 8, 31),
            "wijzigingsdatum": date(2025, 2, 28),
        },
        1,
        False,
        ["NA_ANDERHALF_JAAR"],
    ),
    (
        "onderwijs-naar-b1-laat-in-termijn",
        R7,
        {"huidige": OND, "nieuwe": B, "wijzigingsdatum": date(2027, 1, 31)},
        1,
        True,
        ["ONDERWIJS_NAAR_B1_IN_TERMIJN"],
    ),
    (
        "onderwijs-naar-b1-op-einde-termijn",
        "DUO Inburgeringstermijn: einddatum exclusief; " + R7,
        {"huidige": OND, "nieuwe": B, "wijzigingsdatum": date(2027, 2, 1)},
        1,
        False,
        ["TERMIJN_VERSTREKEN"],
    ),
    (
        "onderwijs-naar-z-laat",
        R7,
        {"huidige": OND, "nieuwe": Z, "wijzigingsdatum": date(2026, 1, 5)},
        1,
        False,
        ["NA_ANDERHALF_JAAR"],
    ),
    (
        "b1-naar-onderwijs-laat",
        R7,
        {"nieuwe": OND, "wijzigingsdatum": date(2026, 1, 5)},
        1,
        False,
        ["NA_ANDERHALF_JAAR"],
    ),
    (
        "tweede-wijziging-maximum-1",
        S004,
        {"eerdere_wijzigingen": 1},
        1,
        False,
        ["MAXIMUM_WIJZIGINGEN"],
    ),
    (
        "tweede-wijziging-maximum-2",
        S004,
        {"eerdere_wijzigingen": 1},
        2,
        True,
        ["BINNEN_ANDERHALF_JAAR"],
    ),
    (
        "onderwijs-naar-b1-na-maximum",
        S004,
        {"huidige": OND, "nieuwe": B, "eerdere_wijzigingen": 1},
        1,
        False,
        ["MAXIMUM_WIJZIGINGEN"],
    ),
    (
        "zonder-motivering",
        "domain.md R7 (record every change with its reason)",
        {"motivering": " "},
        1,
        False,
        ["MOTIVERING_ONTBREEKT"],
    ),
    (
        "alles-mis",
        R7,
        {
            "wijzigingsdatum": date(2026, 1, 5),
            "eerdere_wijzigingen": 3,
            "motivering": "",
        },
        1,
        False,
        ["NA_ANDERHALF_JAAR", "MAXIMUM_WIJZIGINGEN", "MOTIVERING_ONTBREEKT"],
    ),
    ("zelfde-route", R7, {"nieuwe": B}, 1, False, ["GEEN_WIJZIGING"]),
]


@pytest.mark.parametrize(
    ("source", "changes", "max_wijzigingen", "toegestaan", "codes"),
    [case[1:] for case in WIJZIGING_CASES],
    ids=[case[0] for case in WIJZIGING_CASES],
)
def test_routewijziging_toegestaan(source, changes, max_wijzigingen, toegestaan, codes):
    beslissing = routewijziging_toegestaan(replace(WIJZIGING, **changes), max_wijzigingen)
    assert beslissing.toegestaan is toegestaan, source
    assert [r.code for r in beslissing.redenen] == codes, source


def test_routewijziging_default_maximum_is_een():
    """Seed 004 section 3.2: one change by default."""
    assert not routewijziging_toegestaan(replace(WIJZIGING, eerdere_wijzigingen=1)).toegestaan


C = Component
ALLES = set(Component)
S002_3 = "seed 002 section 3 (Gemeentelijk aanbod per groep)"

# (id, source, doelgroep, bijstand, leerroute, components offered)
AANBOD_CASES = [
    ("asiel-bijstand-b1", S002_3, Doelgroep.ASIELSTATUSHOUDER, True, B, ALLES),
    (
        "asiel-geen-bijstand-b1",
        "Participatiewet art. 56a; " + S002_3,
        Doelgroep.ASIELSTATUSHOUDER,
        False,
        B,
        ALLES - {C.FINANCIEEL_ONTZORGEN},
    ),
    (
        "asiel-bijstand-onderwijs",
        "domain.md R11 (MAP alleen B1- en Z-route)",
        Doelgroep.ASIELSTATUSHOUDER,
        True,
        OND,
        ALLES - {C.MAP, C.KNM},
    ),
    ("asiel-bijstand-z", S002_3, Doelgroep.ASIELSTATUSHOUDER, True, Z, ALLES),
    (
        "gezinsvormer-bijstand-b1",
        S002_3,
        Doelgroep.GEZINSVORMER,
        True,
        B,
        {C.PARTICIPATIEDEEL_LEERROUTE, C.MAP, C.PVT, C.MAATSCHAPPELIJKE_BEGELEIDING},
    ),
    (
        "gezinsvormer-geen-bijstand-b1",
        S002_3,
        Doelgroep.GEZINSVORMER,
        False,
        B,
        {C.MAP, C.PVT, C.MAATSCHAPPELIJKE_BEGELEIDING},
    ),
    (
        "geestelijk-bedienaar-bijstand-onderwijs",
        S002_3,
        Doelgroep.GEESTELIJK_BEDIENAAR,
        True,
        OND,
        {C.PARTICIPATIEDEEL_LEERROUTE, C.PVT, C.MAATSCHAPPELIJKE_BEGELEIDING},
    ),
    (
        "gezinshereniger-met-asiel-bijstand-z",
        "domain.md (follow DUO's doelgroep value)",
        Doelgroep.GEZINSHERENIGER_MET_ASIELSTATUSHOUDER,
        True,
        Z,
        {C.PARTICIPATIEDEEL_LEERROUTE, C.MAP, C.PVT, C.MAATSCHAPPELIJKE_BEGELEIDING},
    ),
    (
        "overig-geen-bijstand-onderwijs",
        S002_3,
        Doelgroep.OVERIG,
        False,
        OND,
        {C.PVT, C.MAATSCHAPPELIJKE_BEGELEIDING},
    ),
]


@pytest.mark.parametrize(
    ("source", "doelgroep", "bijstand", "leerroute", "aangeboden"),
    [case[1:] for case in AANBOD_CASES],
    ids=[case[0] for case in AANBOD_CASES],
)
def test_gemeentelijk_aanbod(source, doelgroep, bijstand, leerroute, aangeboden):
    aanbod = gemeentelijk_aanbod(doelgroep, bijstand, leerroute)
    assert [a.component for a in aanbod] == list(Component), source
    assert {a.component for a in aanbod if a.aangeboden} == aangeboden, source
    assert all(a.reden.tekst and a.reden.bron for a in aanbod), source


datums = st.dates(date(2022, 1, 1), date(2030, 12, 31))
pips = st.builds(
    PipAanlevering,
    datums,
    st.sampled_from(Leerroute),
    st.none() | st.sampled_from(Niveau),
    st.none() | st.integers(-5, 10_000),
)
contexten = st.builds(
    PipContext,
    datums,
    datums,
    st.sampled_from(Doelgroep),
    st.none() | datums,
    st.none() | datums,
)


@given(pips, contexten)
def test_geldig_pip_properties(pip, context):
    """DUO M2M README: a PIP DUO accepts never pairs A2 with the Onderwijsroute or B1 with the Z-route."""
    if pip_overtredingen(pip, context):
        return
    vastgesteld = met_standaard_niveau(pip)
    assert (vastgesteld.niveau, vastgesteld.leerroute) not in {
        (Niveau.A2, OND),
        (Niveau.B1, Z),
    }
    assert pip.dagtekening >= max(context.start_inburgeringsplicht, context.datum_vestiging_gemeente)
    if vastgesteld.leerroute is not Z:
        assert vastgesteld.niveau is not None


@given(
    st.sampled_from(Leerroute),
    st.sampled_from(Leerroute),
    datums,
    st.integers(0, 3),
    st.integers(0, 3),
)
def test_routewijziging_properties(huidige, nieuwe, wijzigingsdatum, eerdere, maximum):
    """Seed 004 section 3.2, domain.md R7: an allowed change stays under the maximum, within the termijn."""
    wijziging = replace(
        WIJZIGING,
        huidige=huidige,
        nieuwe=nieuwe,
        wijzigingsdatum=wijzigingsdatum,
        eerdere_wijzigingen=eerdere,
    )
    beslissing = routewijziging_toegestaan(wijziging, maximum)
    assert beslissing.redenen
    if beslissing.toegestaan:
        assert eerdere < maximum and huidige is not nieuwe
        assert wijzigingsdatum < WIJZIGING.einde_termijn
