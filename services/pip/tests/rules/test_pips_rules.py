"""Table tests for route changes (R7) and components per doelgroep; R6 is tested in shared/tests."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from inburgering_shared.contracts.resources import Doelgroep, Leerroute
from pip_service.pips.rules import (
    Component,
    Routewijziging,
    afschaalgrond,
    afschalen_redenen,
    geen_pip,
    gemeentelijk_aanbod,
    routewijziging_toegestaan,
)

B, OND, Z = Leerroute.B1, Leerroute.ONDERWIJS, Leerroute.Z
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
    """Seed 004 section 3.2: one change by default; the refusal names the gemeente's setting and value."""
    beslissing = routewijziging_toegestaan(replace(WIJZIGING, eerdere_wijzigingen=1))
    assert not beslissing.toegestaan
    assert "Wet inburgering 2021 art. 15" in beslissing.redenen[0].bron
    assert "instelling maxRoutewijzigingen = 1" in beslissing.redenen[0].bron


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
    assert all(
        a.reden.bron.startswith(("Wet inburgering 2021 art. ", "Participatiewet art. ")) for a in aanbod
    )


datums = st.dates(date(2022, 1, 1), date(2030, 12, 31))


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


def test_no_pip_under_the_wet_2013_art_54_lid_1():
    reden = geen_pip("Wet inburgering 2013", None, None)
    assert (reden.code, reden.bron) == ("WI2013", "art. 54 lid 1 Wet inburgering 2021")
    assert geen_pip("Wet inburgering 2021", None, None) is None
    assert geen_pip(None, None, None) is None


def test_no_pip_after_the_plicht_ended_naming_duos_ground():
    regel = "vrijstelling: art. 4 Wet inburgering 2021 (vrijstelling, DUO)"
    reden = geen_pip("Wet inburgering 2021", "vrijstelling", regel)
    assert (reden.code, reden.bron) == ("PLICHT_BEEINDIGD", regel)
    assert "vrijstelling" in reden.tekst


@pytest.mark.parametrize(
    ("uren", "inspanning", "codes"),
    [
        (599, "Alle lessen gevolgd", ["TE_WEINIG_UREN"]),
        (600, None, ["GEEN_INSPANNING"]),
        (0, "", ["TE_WEINIG_UREN", "GEEN_INSPANNING"]),
        (600, "Alle lessen gevolgd", []),
    ],
)
def test_afschalen_needs_600_hours_and_demonstrable_effort_besluit_5_5(uren, inspanning, codes):
    redenen = afschalen_redenen(uren, inspanning)
    assert [r.code for r in redenen] == codes
    assert all("Besluit inburgering 2021 art. 5.5" in r.bron for r in redenen)
    assert "art. 5.5" in afschaalgrond(600, "Alle lessen gevolgd")
