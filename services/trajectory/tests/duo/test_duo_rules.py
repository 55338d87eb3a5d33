"""Table tests for DUO's rules as the client applies them. Each case names the README line it tests."""

from datetime import date

import pytest
from trajectory_service.clients import duo_rules as r
from trajectory_service.clients.duo_models import PIP

D = date.fromisoformat
BASIS = r.PipContext(
    begindatum_inburgeringsplicht=D("2025-01-01"),
    vestigingsdatum=D("2025-01-10"),
    dagtekening_eerste_pip=None,
    dagtekening_actuele_pip=None,
    doelgroep="Asielstatushouder",
)
LATER = r.PipContext(D("2025-01-01"), D("2025-01-10"), D("2025-02-01"), D("2025-05-01"), "Asielstatushouder")
GEZIN = r.PipContext(D("2025-01-01"), D("2025-01-10"), None, None, "Gezinsmigrant en overige migrant")


def pip(dagtekening="2025-03-01", leerroute="B", **extra) -> PIP:
    return PIP(dagtekeningPip=D(dagtekening), leerroute=leerroute, **extra)


PIP_TABEL = [
    # (bron in README 'Het aanleveren van een PIP', rule, pip, context, breaks the rule?)
    (
        "Datum dagtekening: niet voor start inburgeringsplicht",
        r.pip_dagtekening_niet_voor_start_plicht,
        pip("2024-12-31"),
        BASIS,
        True,
    ),
    (
        "Datum dagtekening: niet voor start inburgeringsplicht",
        r.pip_dagtekening_niet_voor_start_plicht,
        pip("2025-01-01"),
        BASIS,
        False,
    ),
    (
        "Datum dagtekening: gewijzigde PIP niet voor initiële PIP",
        r.pip_dagtekening_niet_voor_eerdere_pip,
        pip("2025-01-31"),
        LATER,
        True,
    ),
    (
        "Datum dagtekening: gewijzigde PIP niet voor actuele PIP",
        r.pip_dagtekening_niet_voor_eerdere_pip,
        pip("2025-04-30"),
        LATER,
        True,
    ),
    (
        "Datum dagtekening: gewijzigde PIP op dag actuele PIP",
        r.pip_dagtekening_niet_voor_eerdere_pip,
        pip("2025-05-01"),
        LATER,
        False,
    ),
    (
        "Datum dagtekening: eerste PIP heeft geen eerdere",
        r.pip_dagtekening_niet_voor_eerdere_pip,
        pip("2025-01-10"),
        BASIS,
        False,
    ),
    (
        "Datum dagtekening: niet voor vestiging bij de gemeente",
        r.pip_dagtekening_niet_voor_vestiging,
        pip("2025-01-09"),
        BASIS,
        True,
    ),
    (
        "Datum dagtekening: op de dag van vestiging",
        r.pip_dagtekening_niet_voor_vestiging,
        pip("2025-01-10"),
        BASIS,
        False,
    ),
    (
        "Niveau: A2 niet met onderwijsroute",
        r.pip_niveau_a2_niet_bij_onderwijsroute,
        pip(leerroute="O", niveau="A2"),
        BASIS,
        True,
    ),
    (
        "Niveau: B1 met onderwijsroute mag",
        r.pip_niveau_a2_niet_bij_onderwijsroute,
        pip(leerroute="O", niveau="B1"),
        BASIS,
        False,
    ),
    (
        "Niveau: B1 niet met Z-route",
        r.pip_niveau_b1_niet_bij_zroute,
        pip(leerroute="Z", niveau="B1"),
        BASIS,
        True,
    ),
    (
        "Niveau: A2 met Z-route mag",
        r.pip_niveau_b1_niet_bij_zroute,
        pip(leerroute="Z", niveau="A2"),
        BASIS,
        False,
    ),
    (
        "Niveau: A2 met B1-route niet op eerste PIP",
        r.pip_niveau_a2_b1_route_niet_bij_eerste_pip,
        pip(niveau="A2"),
        BASIS,
        True,
    ),
    (
        "Niveau: A2 met B1-route op latere PIP mag",
        r.pip_niveau_a2_b1_route_niet_bij_eerste_pip,
        pip("2025-06-01", niveau="A2"),
        LATER,
        False,
    ),
    (
        "Geschatte intensiteit: B1-route en asielmigrant",
        r.pip_intensiteit_alleen_b1_route_asiel,
        pip(geschatteIntensiteitB1Route=12),
        BASIS,
        False,
    ),
    (
        "Geschatte intensiteit: niet bij Z-route",
        r.pip_intensiteit_alleen_b1_route_asiel,
        pip(leerroute="Z", geschatteIntensiteitB1Route=12),
        BASIS,
        True,
    ),
    (
        "Geschatte intensiteit: niet bij gezinsmigrant",
        r.pip_intensiteit_alleen_b1_route_asiel,
        pip(geschatteIntensiteitB1Route=12),
        GEZIN,
        True,
    ),
]


@pytest.mark.parametrize(
    "bron,regel,bericht,ctx,overtreden", PIP_TABEL, ids=[f"{c[0]} ({c[4]})" for c in PIP_TABEL]
)
def test_pip_rules(bron, regel, bericht, ctx, overtreden):
    uitkomst = regel(bericht, ctx)
    assert (uitkomst is not None) == overtreden
    if uitkomst:
        assert uitkomst.regel.startswith("R6 ")
        assert uitkomst.bron.startswith(r.README_PIP)
        assert bron.split(":")[0] in uitkomst.bron
    assert regel.__doc__.startswith("README PIP")


@pytest.mark.parametrize(
    "bron,leerroute,niveau,verwacht",
    [
        ("Niveau: zonder niveau B1 bij B1-route", "B", None, "B1"),
        ("Niveau: zonder niveau B1 bij onderwijsroute", "O", None, "B1"),
        ("Niveau: Z-route krijgt geen standaardniveau", "Z", None, None),
        ("Niveau: gegeven niveau blijft", "B", "A2", "A2"),
    ],
)
def test_vastgesteld_niveau(bron, leerroute, niveau, verwacht):
    assert r.vastgesteld_niveau(pip(leerroute=leerroute, niveau=niveau)) == verwacht


def test_pip_overtredingen_collects_every_broken_rule():
    regels = [
        o.regel
        for o in r.pip_overtredingen(
            pip("2024-12-01", leerroute="Z", niveau="B1", geschatteIntensiteitB1Route=5), BASIS
        )
    ]
    assert regels == [
        "R6 dagtekening niet voor start inburgeringsplicht",
        "R6 dagtekening niet voor vestiging",
        "R6 niveau B1 niet bij Z-route",
        "R6 geschatte intensiteit alleen bij B1-route en asielmigrant",
    ]
    assert r.pip_overtredingen(pip(), BASIS) == []


TERMIJN = r.ResultaatContext(D("2023-06-01"), D("2026-06-01"), None, D("2026-06-15"))
LOPEND = r.ResultaatContext(D("2025-02-02"), D("2028-02-02"), None, D("2026-06-15"))
ZROUTE = r.ResultaatContext(D("2025-02-02"), D("2028-02-02"), D("2026-03-01"), D("2026-06-15"))
GEEN_TERMIJN = r.ResultaatContext(None, None, None, D("2026-06-15"))

RESULTAAT_TABEL = [
    # (bron in README 'Module Arbeidsmarkt en Participatie (MAP)' / 'Participatieverklaringstraject (PVT)',
    #  rule, datum, verwijtbaar, ctx, breaks?)
    (
        "datum mag niet in de toekomst liggen",
        r.resultaat_datum_niet_in_toekomst,
        "2026-06-16",
        None,
        LOPEND,
        True,
    ),
    (
        "datum mag niet in de toekomst liggen (vandaag mag)",
        r.resultaat_datum_niet_in_toekomst,
        "2026-06-15",
        None,
        LOPEND,
        False,
    ),
    (
        "datum mag niet voor de startdatum van de inburgeringstermijn liggen",
        r.resultaat_datum_niet_voor_start_termijn,
        "2025-02-01",
        None,
        LOPEND,
        True,
    ),
    (
        "datum op de startdatum van de inburgeringstermijn",
        r.resultaat_datum_niet_voor_start_termijn,
        "2025-02-02",
        None,
        LOPEND,
        False,
    ),
    (
        "datum mag niet na de datum afronding Z-route liggen",
        r.resultaat_datum_niet_na_afronding_zroute,
        "2026-03-02",
        None,
        ZROUTE,
        True,
    ),
    (
        "datum op de datum afronding Z-route",
        r.resultaat_datum_niet_na_afronding_zroute,
        "2026-03-01",
        None,
        ZROUTE,
        False,
    ),
    (
        "lege datum niet als de datum afronding Z-route geregistreerd is",
        r.resultaat_intrekken_niet_na_afronding_zroute,
        None,
        None,
        ZROUTE,
        True,
    ),
    (
        "lege datum mag zonder afronding Z-route",
        r.resultaat_intrekken_niet_na_afronding_zroute,
        None,
        None,
        LOPEND,
        False,
    ),
    (
        "zonder Verwijtbaar geen overschrijding (op de exclusieve einddatum)",
        r.resultaat_verwijtbaar_verplicht_bij_overschrijding,
        "2026-06-01",
        None,
        TERMIJN,
        True,
    ),
    (
        "zonder Verwijtbaar binnen de termijn",
        r.resultaat_verwijtbaar_verplicht_bij_overschrijding,
        "2026-05-31",
        None,
        TERMIJN,
        False,
    ),
    (
        "zonder Verwijtbaar en zonder datum na het einde van de termijn",
        r.resultaat_verwijtbaar_verplicht_bij_overschrijding,
        None,
        None,
        TERMIJN,
        True,
    ),
    (
        "datum voor einddatum: Verwijtbaar niet leveren",
        r.resultaat_verwijtbaar_afwezig_voor_einde_termijn,
        "2026-05-31",
        "Nee",
        TERMIJN,
        True,
    ),
    (
        "datum op einddatum: Verwijtbaar mag",
        r.resultaat_verwijtbaar_afwezig_voor_einde_termijn,
        "2026-06-01",
        "Nee",
        TERMIJN,
        False,
    ),
    (
        "Verwijtbaar Ja alleen bij overschrijding",
        r.resultaat_verwijtbaar_ja_alleen_bij_overschrijding,
        "2026-05-01",
        "Ja",
        LOPEND,
        True,
    ),
    (
        "Verwijtbaar Ja bij overschrijding",
        r.resultaat_verwijtbaar_ja_alleen_bij_overschrijding,
        "2026-06-10",
        "Ja",
        TERMIJN,
        False,
    ),
    (
        "Verwijtbaar Ja zonder termijn is geen overschrijding",
        r.resultaat_verwijtbaar_ja_alleen_bij_overschrijding,
        "2026-06-10",
        "Ja",
        GEEN_TERMIJN,
        True,
    ),
    (
        "Verwijtbaar Nee binnen twee maanden na einddatum",
        r.resultaat_verwijtbaar_nee_alleen_binnen_twee_maanden,
        "2026-06-10",
        "Nee",
        TERMIJN,
        False,
    ),
    (
        "Verwijtbaar Nee twee maanden of later na einddatum",
        r.resultaat_verwijtbaar_nee_alleen_binnen_twee_maanden,
        "2026-08-01",
        "Nee",
        r.ResultaatContext(D("2023-06-01"), D("2026-06-01"), None, D("2026-09-01")),
        True,
    ),
    (
        "Verwijtbaar Nee zonder termijn",
        r.resultaat_verwijtbaar_nee_alleen_binnen_twee_maanden,
        "2026-06-10",
        "Nee",
        GEEN_TERMIJN,
        True,
    ),
]


@pytest.mark.parametrize(
    "bron,regel,datum,verwijtbaar,ctx,overtreden",
    RESULTAAT_TABEL,
    ids=[f"{c[0]} ({c[5]})" for c in RESULTAAT_TABEL],
)
@pytest.mark.parametrize("readme", [r.README_MAP, r.README_PVT], ids=["MAP", "PVT"])
def test_map_and_pvt_rules(readme, bron, regel, datum, verwijtbaar, ctx, overtreden):
    uitkomst = regel(D(datum) if datum else None, verwijtbaar, ctx, readme)
    assert (uitkomst is not None) == overtreden
    if uitkomst:
        assert uitkomst.regel.startswith("R13 ")
        assert uitkomst.bron == readme
    assert regel.__doc__.startswith("README MAP/PVT")


def test_map_and_pvt_overtredingen_collect_every_broken_rule_and_name_their_section():
    map_fouten = r.map_overtredingen(D("2026-05-01"), "Ja", LOPEND)
    pvt_fouten = r.pvt_overtredingen(D("2026-05-01"), "Ja", LOPEND)
    verwacht = ["R13 verwijtbaar afwezig voor einde termijn", "R13 verwijtbaar Ja alleen bij overschrijding"]
    assert [o.regel for o in map_fouten] == [o.regel for o in pvt_fouten] == verwacht
    assert {o.bron for o in map_fouten} == {r.README_MAP}
    assert {o.bron for o in pvt_fouten} == {r.README_PVT}
    assert r.map_overtredingen(D("2026-05-01"), None, LOPEND) == []


@pytest.mark.parametrize(
    "begin,verwacht",
    [
        ("2025-12-31", "2026-02-28"),
        ("2024-12-31", "2025-02-28"),
        ("2023-12-31", "2024-02-29"),
        ("2025-10-15", "2025-12-15"),
        ("2025-11-30", "2026-01-30"),
    ],
)
def test_twee_maanden_na(begin, verwacht):
    assert r.twee_maanden_na(D(begin)) == D(verwacht)


def test_every_rule_has_a_docstring_citing_the_readme():
    for regel in (*r.PIP_REGELS, *r.RESULTAAT_REGELS, r.vastgesteld_niveau):
        assert regel.__doc__ and regel.__doc__.startswith("README"), regel.__name__
