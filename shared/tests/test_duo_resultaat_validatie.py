"""Table tests for DUO's MAP and PVT rules (R13). Each case names the README line it tests."""

from datetime import date

import pytest
from inburgering_shared.duo import validatie as r

D = date.fromisoformat

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
@pytest.mark.parametrize("bericht", [r.MAP, r.PVT], ids=["MAP", "PVT"])
def test_map_and_pvt_rules(bericht, bron, regel, datum, verwijtbaar, ctx, overtreden):
    uitkomst = regel(D(datum) if datum else None, verwijtbaar, ctx, bericht)
    assert (uitkomst is not None) == overtreden
    if uitkomst:
        assert uitkomst.regel == "R13"
        assert uitkomst.bron == bericht.bron
        assert uitkomst.veld in (bericht.veld, "verwijtbaar")
    assert regel.__doc__.startswith("README MAP/PVT")


def test_map_and_pvt_overtredingen_collect_every_broken_rule_and_name_their_section():
    map_fouten = r.resultaat_overtredingen(r.MAP, D("2026-05-01"), "Ja", LOPEND)
    pvt_fouten = r.resultaat_overtredingen(r.PVT, D("2026-05-01"), "Ja", LOPEND)
    verwacht = ["VERWIJTBAAR_VOOR_EINDE_TERMIJN", "VERWIJTBAAR_JA_ZONDER_OVERSCHRIJDING"]
    assert [o.code for o in map_fouten] == [o.code for o in pvt_fouten] == verwacht
    assert {o.bron for o in map_fouten} == {r.BRON_MAP}
    assert {o.bron for o in pvt_fouten} == {r.BRON_PVT}
    assert r.resultaat_overtredingen(r.MAP, D("2026-05-01"), None, LOPEND) == []


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
    for regel in r.RESULTAAT_REGELS:
        assert regel.__doc__ and regel.__doc__.startswith("README MAP/PVT"), regel.__name__
