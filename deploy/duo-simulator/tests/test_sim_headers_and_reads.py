import pytest
from simulator_testkit import ANDERE_GEMEENTE_OIN, BSN, DUO_OIN, GEMEENTE_OIN, headers

READS = [
    ("/v1/personen/{bsn}/inburgeringsplicht", "1.2.2", "inburgeringsplicht"),
    ("/v1/personen/{bsn}/inburgeringsplicht/historie", "1.2.2", "inburgeringsplichtHistorie"),
    ("/v1/personen/{bsn}/doelgroep", "1.2.2", "doelgroep"),
    ("/v1/personen/{bsn}/doelgroep/historie", "1.2.2", "doelgroepHistorie"),
    ("/v1/personen/{bsn}/inburgeringstermijn", "1.0.0", "inburgeringstermijn"),
    ("/v1/personen/{bsn}/inburgeringstermijn/historie", "1.0.0", "inburgeringstermijnHistorie"),
    ("/v1/personen/{bsn}/lbt/examennummer", "1.2.0", "examennummer"),
    ("/v1/personen/{bsn}/lbt/resultaten", "1.2.0", "leerbaarheidstoetsResultaten"),
    ("/v1/personen/{bsn}/vrijstellingen", "1.0.0", "vrijstellingen"),
    ("/v1/personen/{bsn}/ontheffingen", "1.0.0", "ontheffingen"),
    ("/v1/personen/{bsn}/examens/resultaten", "1.0.0", "examenresultaten"),
    ("/v1/personen/{bsn}/examens/gratispogingen", "1.0.0", "gratisPogingen"),
]

VOLLEDIG = dict(
    inburgeringsplichtHistorie=[{"indicatorInburgeringsplicht": False, "wijzigingsdatum": "2024-12-01"}],
    doelgroepHistorie=[
        {
            "indeling": "Gezinsmigrant en overige migrant",
            "begindatum": "2024-01-01",
            "einddatum": "2024-12-31",
        }
    ],
    inburgeringstermijn={"startdatum": "2025-03-02", "einddatum": "2028-03-02"},
    inburgeringstermijnHistorie=[{"einddatum": "2028-03-02", "wijzigingsdatum": "2025-03-02"}],
    examennummer="123456789012",
    leerbaarheidstoetsResultaten=[
        {
            "resultaat": "B1-route haalbaar",
            "behaaldeScore": "61,50",
            "benodigdeScore": "50,00",
            "datumAfname": "2025-02-01",
        }
    ],
    vrijstellingen=[
        {
            "GedeeltelijkeVrijstelling": {
                "reden": "GED",
                "oordeel": "Toekenning",
                "examenonderdeel": "LE",
                "examenniveau": "B1",
            }
        }
    ],
    ontheffingen=[
        {"GeheleOntheffing": {"oordeel": "Afwijzing", "datumOordeel": "2025-05-01", "grond": "MED"}}
    ],
    examenresultaten=[
        {"examendatum": "2025-06-01", "resultaat": "Geslaagd", "onderdeel": "KNM", "niveau": "B1"}
    ],
    gratisPogingen=[{"onderdeel": "SP", "gratisPogingenTegoed": 2}],
)


@pytest.mark.parametrize("pad,versie,feit", READS)
def test_each_read_returns_the_seeded_facts_in_duos_shape(duo, pad, versie, feit):
    gezaaid = duo.seed(**VOLLEDIG)["feiten"]
    response = duo("GET", pad.format(bsn=BSN))
    assert response.status_code == 200
    assert response.headers["API-Version"] == versie
    verwacht = {"examennummer": gezaaid["examennummer"]} if feit == "examennummer" else gezaaid[feit]
    assert response.json() == verwacht


@pytest.mark.parametrize("pad,versie,feit", READS)
def test_unknown_person_is_404_and_a_foreign_gemeente_403(duo, pad, versie, feit):
    assert duo("GET", pad.format(bsn="123456782")).status_code == 404
    duo.seed(**VOLLEDIG)
    assert duo("GET", pad.format(bsn=BSN), bron=ANDERE_GEMEENTE_OIN).status_code == 403


def test_facts_without_termijn_doelgroep_or_examennummer_are_404(duo):
    duo.seed(doelgroep=None)
    for pad in ("inburgeringstermijn", "doelgroep", "lbt/examennummer"):
        assert duo("GET", f"/v1/personen/{BSN}/{pad}").status_code == 404


def test_lists_are_empty_when_nothing_is_known(duo):
    duo.seed()
    assert duo("GET", f"/v1/personen/{BSN}/vrijstellingen").json() == []


def test_examennummer_can_be_withdrawn(duo):
    duo.seed(examennummer="A1")
    assert duo("DELETE", f"/v1/personen/{BSN}/lbt/examennummer").status_code == 200
    assert duo("GET", f"/v1/personen/{BSN}/lbt/examennummer").status_code == 404


def test_reference_data_reads(duo):
    duo.client.put(
        "/simulator/referentiedata",
        json={
            "verlengingsgronden": [{"code": "1", "omschrijving": "Ziekte"}],
            "instellingen": [
                {
                    "instellingsnummer": "0000012345",
                    "naam": "Taalschool",
                    "postcode": "8301AB",
                    "huisnummer": 1,
                    "plaatsnaam": "Emmeloord",
                    "indicatieBowKeurmerk": True,
                }
            ],
        },
    )
    assert duo("GET", "/v1/verlengingsgronden").json() == [{"code": "1", "omschrijving": "Ziekte"}]
    assert duo("GET", "/v1/instellingen").json()[0]["instellingsnummer"] == "0000012345"


@pytest.mark.parametrize(
    "kapot",
    [
        {"bron": None},
        {"doel": None},
        {"berichtId": None},
        {"bron": "123"},
        {"doel": "0" * 21},
        {"berichtId": "geen-uuid"},
    ],
)
def test_missing_or_malformed_duo_headers_are_400_without_body(duo, kapot):
    duo.seed()
    hdrs = {k: v for k, v in {**headers(), **kapot}.items() if v is not None}
    response = duo("GET", f"/v1/personen/{BSN}/inburgeringsplicht", hdrs=hdrs, check_request=False)
    assert response.status_code == 400
    assert response.content == b""
    assert response.headers["API-Version"] == "1.2.2"


def test_berichtid_is_echoed(duo):
    duo.seed()
    hdrs = headers()
    assert (
        duo("GET", f"/v1/personen/{BSN}/inburgeringsplicht", hdrs=hdrs).headers["berichtId"]
        == hdrs["berichtId"]
    )


def test_malformed_bsn_is_400(duo):
    assert duo.client.get("/v1/personen/12345/inburgeringsplicht", headers=headers()).status_code == 400


def test_trailing_slash_is_404_not_a_redirect(duo):
    duo.seed()
    response = duo.client.get(
        f"/v1/personen/{BSN}/inburgeringsplicht/", headers=headers(), follow_redirects=False
    )
    assert response.status_code == 404


def test_paths_without_the_v1_base_path_do_not_exist(duo):
    duo.seed()
    assert duo.client.get(f"/personen/{BSN}/inburgeringsplicht", headers=headers()).status_code == 404


def test_a_gemeente_holding_the_current_pip_may_read(duo):
    duo.seed(
        eerderePips=[
            {
                "gemeenteOin": ANDERE_GEMEENTE_OIN,
                "gemeentecode": "0184",
                "pip": {"dagtekeningPip": "2025-02-01", "leerroute": "B"},
            }
        ]
    )
    assert duo("GET", f"/v1/personen/{BSN}/PIP", bron=ANDERE_GEMEENTE_OIN).json() == {
        "gemeentecode": "0184",
        "pip": {"dagtekeningPip": "2025-02-01", "leerroute": "B"},
    }
    assert GEMEENTE_OIN != ANDERE_GEMEENTE_OIN != DUO_OIN
