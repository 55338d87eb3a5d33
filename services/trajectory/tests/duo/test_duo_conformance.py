"""The gemeente's DUO client against the DUO simulator, with every request the client sends and every
response the simulator returns checked against DUO's OpenAPI documents (read from ../shared)."""

import json
from datetime import date

import httpx
import pytest
from duo_simulator.contract import ContractViolationError
from duo_simulator.main import create_app
from duo_testkit import BSN, DUO_OIN, GEMEENTE_OIN, VANDAAG, InProcesTransport, controleer_contract, feiten
from fastapi import FastAPI, Request, Response
from inburgering_shared.contracts.resources import Doelgroep, Leerroute
from inburgering_shared.duo import validatie
from inburgering_shared.duo.gebeurtenissen import Gebeurtenis
from trajectory_service.clients.duo import DuoClient, DuoError, DuoUnavailableError, pip_aanlevering
from trajectory_service.clients.duo_models import (
    PIP,
    DatumMap,
    Examenresultaat,
    GevolgdeUren,
    LeerbaarheidstoetsResultaat,
    Notificatie,
    Ontheffing,
    PipGemeente,
    Vrijstelling,
)

D = date.fromisoformat
TERMIJN = {"startdatum": "2025-03-02", "einddatum": "2028-03-02"}
FEITEN = feiten(
    leerbaarheidstoetsResultaten=[
        {
            "resultaat": "B1-route haalbaar",
            "behaaldeScore": "61,50",
            "benodigdeScore": "50,00",
            "datumAfname": "2025-02-01",
        }
    ],
    vrijstellingen=[
        {"TijdelijkeVrijstelling": {"oordeel": "Toekenning", "reden": "INS", "startdatum": "2025-09-01"}}
    ],
    ontheffingen=[
        {
            "GedeeltelijkeOntheffing": {
                "oordeel": "Toekenning",
                "datumOordeel": "2025-05-01",
                "grond": "MED",
                "examenonderdeel": "SP",
                "urenBelastbaarheidParticipatieactiviteit": 8,
            }
        }
    ],
    examenresultaten=[
        {"examendatum": "2025-06-01", "resultaat": "Gezakt", "onderdeel": "LE", "niveau": "B1"}
    ],
)
PIP_CONTEXT = validatie.PipContext(D("2025-01-01"), D("2025-01-10"), Doelgroep.ASIELSTATUSHOUDER)


class Omgeving:
    def __init__(self) -> None:
        self.app = create_app(duo_oin=DUO_OIN)
        self.app.state.simulator.vaste_datum = VANDAAG
        self.transport = InProcesTransport(self.app)
        self.client = DuoClient(
            "http://duo.test/v1", GEMEENTE_OIN, DUO_OIN, transport=self.transport, slaap=lambda _: None
        )
        self.beheer = httpx.Client(base_url="http://duo.test", transport=InProcesTransport(self.app))

    def seed(self, **overrides) -> None:
        response = self.beheer.put(f"/simulator/personen/{BSN}", json={**FEITEN, **overrides})
        assert response.status_code in (200, 201), response.text

    def gelezen(self) -> dict:
        return self.beheer.get(f"/simulator/personen/{BSN}").json()

    def resultaat_context(self) -> validatie.ResultaatContext:
        termijn = self.client.inburgeringstermijn(BSN)
        return validatie.ResultaatContext(termijn.startdatum, termijn.einddatum, None, VANDAAG)


@pytest.fixture
def omgeving(contract):
    omgeving = Omgeving()
    yield omgeving
    omgeving.client.close()


def test_reads_and_writes_conform_to_duos_contract(omgeving, contract):
    omgeving.seed()
    duo = omgeving.client
    assert duo.inburgeringsplicht(BSN).begindatum == D("2025-01-01")
    assert duo.doelgroep(BSN).indeling == "Asielstatushouder"
    assert duo.leerbaarheidstoets(BSN) == [
        LeerbaarheidstoetsResultaat.model_validate(FEITEN["leerbaarheidstoetsResultaten"][0])
    ]
    assert duo.vrijstellingen(BSN) == [Vrijstelling.model_validate(FEITEN["vrijstellingen"][0])]
    assert duo.ontheffingen(BSN) == [Ontheffing.model_validate(FEITEN["ontheffingen"][0])]
    assert duo.examenresultaten(BSN) == [Examenresultaat.model_validate(FEITEN["examenresultaten"][0])]

    vastgelegd = duo.registreer_pip(
        BSN, PIP(dagtekeningPip=D("2025-03-01"), leerroute="B", geschatteIntensiteitB1Route=15), PIP_CONTEXT
    )
    assert duo.pip(BSN) == PipGemeente(gemeentecode="0171", pip=vastgelegd)

    omgeving.seed(inburgeringstermijn=TERMIJN)
    ctx = omgeving.resultaat_context()
    duo.zet_map(BSN, D("2026-05-01"), None, ctx)
    duo.zet_pvt(BSN, D("2026-04-01"), None, ctx)
    assert duo.datum_eindgesprek_map(BSN) == DatumMap(datumEindgesprekMap=D("2026-05-01"))
    assert duo.datum_ondertekening_pvt(BSN).datumOndertekeningPvt == D("2026-04-01")
    duo.zet_zroute(BSN, None)

    duo.zet_uren_taalles_knm_brede_intake(BSN, 40)
    duo.zet_uren_participatieactiviteiten(BSN, 12)
    duo.zet_uren_participatie_als_taalles(BSN, 100)
    assert duo.gevolgde_uren(BSN) == [
        GevolgdeUren.model_validate(
            {
                "gemeentecode": "0171",
                "TaallesEnKnmBredeIntake": {"uren": 40},
                "ParticipatieactiviteitenBredeIntake": {"uren": 12},
                "ParticipatieAlsTaalles": {"uren": 100},
            }
        )
    ]

    duo.zet_map(BSN, None, None, ctx)  # PUT replaces: withdraws the date
    opgeslagen = omgeving.gelezen()
    assert "map" not in opgeslagen
    assert opgeslagen["pvt"] == {"gemeenteOin": GEMEENTE_OIN, "datumOndertekeningPvt": "2026-04-01"}
    assert opgeslagen["pips"][0]["pip"] == {
        "dagtekeningPip": "2025-03-01",
        "leerroute": "B",
        "niveau": "B1",
        "geschatteIntensiteitB1Route": 15,
    }

    assert controleer_contract(contract, omgeving.transport.uitwisselingen) == 19


def test_a_refusal_only_duo_can_make_arrives_as_duo_error_with_fouttekst(omgeving, contract):
    omgeving.seed(inburgeringstermijn=TERMIJN)
    with pytest.raises(DuoError) as fout:
        omgeving.client.zet_map(BSN, D("2026-05-01"), None, omgeving.resultaat_context())
    assert fout.value.status_code == 403
    assert fout.value.fouttekst == ["Uw gemeente moet een actuele PIP hebben voor de inburgeringsplichtige."]
    controleer_contract(contract, omgeving.transport.uitwisselingen)


@pytest.mark.parametrize(
    "datum,verwijtbaar,termijn",
    [
        (datum, verwijtbaar, termijn)
        for datum in (None, "2025-01-01", "2026-05-31", "2026-06-01", "2026-06-15", "2026-06-16")
        for verwijtbaar in (None, "Ja", "Nee")
        for termijn in ({"startdatum": "2023-06-01", "einddatum": "2026-06-01"}, TERMIJN)
    ],
)
def test_client_rules_refuse_exactly_what_duo_refuses_for_map(
    omgeving, contract, datum, verwijtbaar, termijn
):
    """R13: for every combination, the client refuses before sending if and only if DUO would refuse."""
    omgeving.seed(inburgeringstermijn=termijn)
    omgeving.client.registreer_pip(BSN, PIP(dagtekeningPip=D("2025-03-01"), leerroute="B"), PIP_CONTEXT)
    ctx = omgeving.resultaat_context()
    client_weigert = bool(
        validatie.resultaat_overtredingen(validatie.MAP, D(datum) if datum else None, verwijtbaar, ctx)
    )
    body = {k: v for k, v in {"datumEindgesprekMap": datum, "verwijtbaar": verwijtbaar}.items() if v}
    headers = {"bron": GEMEENTE_OIN, "doel": DUO_OIN, "berichtId": "8a1f3a52-61f4-4b4e-9d1c-2f0e6f0b6a01"}
    duo_antwoord = omgeving.beheer.put(f"/v1/personen/{BSN}/map", json=body, headers=headers)
    assert client_weigert == (duo_antwoord.status_code == 403), duo_antwoord.text
    controleer_contract(contract, omgeving.transport.uitwisselingen)


@pytest.mark.parametrize(
    "pip,eerdere",
    [
        (pip, eerdere)
        for pip in (
            {"dagtekeningPip": "2024-12-31", "leerroute": "B"},
            {"dagtekeningPip": "2025-01-09", "leerroute": "B"},
            {"dagtekeningPip": "2025-03-01", "leerroute": "O", "niveau": "A2"},
            {"dagtekeningPip": "2025-03-01", "leerroute": "Z", "niveau": "B1"},
            {"dagtekeningPip": "2025-03-01", "leerroute": "B", "niveau": "A2"},
            {"dagtekeningPip": "2025-03-01", "leerroute": "Z", "geschatteIntensiteitB1Route": 9},
            {"dagtekeningPip": "2025-03-01", "leerroute": "B", "geschatteIntensiteitB1Route": 9},
            {"dagtekeningPip": "2025-03-01", "leerroute": "Z"},
        )
        for eerdere in (None, "2025-02-01", "2025-04-01")
    ],
)
def test_client_rules_refuse_exactly_what_duo_refuses_for_pip(omgeving, pip, eerdere):
    """R6: for every combination, the client refuses before sending if and only if DUO would refuse."""
    eerdere_pips = (
        [
            {
                "gemeenteOin": GEMEENTE_OIN,
                "gemeentecode": "0171",
                "pip": {"dagtekeningPip": eerdere, "leerroute": "B"},
            }
        ]
        if eerdere
        else []
    )
    omgeving.seed(eerderePips=eerdere_pips)
    ctx = validatie.PipContext(
        D("2025-01-01"),
        D("2025-01-10"),
        Doelgroep.ASIELSTATUSHOUDER,
        D(eerdere) if eerdere else None,
        D(eerdere) if eerdere else None,
    )
    client_weigert = bool(validatie.pip_overtredingen(pip_aanlevering(PIP.model_validate(pip)), ctx))
    headers = {"bron": GEMEENTE_OIN, "doel": DUO_OIN, "berichtId": "8a1f3a52-61f4-4b4e-9d1c-2f0e6f0b6a02"}
    duo_antwoord = omgeving.beheer.post(f"/v1/personen/{BSN}/PIP", json=pip, headers=headers)
    assert client_weigert == (duo_antwoord.status_code == 403), duo_antwoord.text


def test_renamed_fields_fail_the_contract(omgeving, contract):
    """The check is not vacuous: rename one field in a real exchange and it fails."""
    omgeving.seed(inburgeringstermijn=TERMIJN)
    omgeving.client.registreer_pip(BSN, PIP(dagtekeningPip=D("2025-03-01"), leerroute="B"), PIP_CONTEXT)
    omgeving.client.pip(BSN)
    omgeving.client.zet_map(BSN, D("2026-05-01"), None, omgeving.resultaat_context())
    controleer_contract(contract, omgeving.transport.uitwisselingen)
    post, get_pip, _, put_map = omgeving.transport.uitwisselingen

    def hernoem(body: bytes, oud: str, nieuw: str) -> bytes:
        return body.replace(f'"{oud}"'.encode(), f'"{nieuw}"'.encode())

    gevallen = [
        (post, "request_body", "dagtekeningPip", "dagtekening"),
        (post, "request_body", "leerroute", "leerRoute"),
        (put_map, "request_body", "datumEindgesprekMap", "datumEindgesprekMAP"),
        (get_pip, "response_body", "gemeentecode", "gemeenteCode"),
        (get_pip, "response_body", "niveau", "Niveau"),
    ]
    for uitwisseling, veld, oud, nieuw in gevallen:
        origineel = getattr(uitwisseling, veld)
        assert f'"{oud}"'.encode() in origineel
        setattr(uitwisseling, veld, hernoem(origineel, oud, nieuw))
        with pytest.raises(ContractViolationError):
            controleer_contract(contract, [uitwisseling])
        setattr(uitwisseling, veld, origineel)
    put_map.request_headers.pop("berichtid")
    with pytest.raises(ContractViolationError, match="berichtId"):
        controleer_contract(contract, [put_map])


def test_an_outage_is_retried_and_the_write_converges(omgeving, contract):
    omgeving.seed(inburgeringstermijn=TERMIJN)
    omgeving.client.registreer_pip(BSN, PIP(dagtekeningPip=D("2025-03-01"), leerroute="B"), PIP_CONTEXT)
    ctx = omgeving.resultaat_context()
    begin = len(omgeving.transport.uitwisselingen)
    omgeving.beheer.put("/simulator/storing", json={"aantal": 2})
    omgeving.client.zet_map(BSN, D("2026-05-01"), None, ctx)
    pogingen = omgeving.transport.uitwisselingen[begin:]
    assert [u.status for u in pogingen] == [503, 503, 200]
    assert len({u.request_headers["berichtid"] for u in pogingen}) == 1  # one message, repeated
    assert omgeving.gelezen()["map"]["datumEindgesprekMap"] == "2026-05-01"
    # Every request conforms; DUO's MAP_PVT_Zroute document declares no 503,
    # so only the 200 is checked against it.
    for u in pogingen:
        contract.valideer_request(u.methode, u.pad, u.request_headers, u.request_body)
    controleer_contract(contract, [pogingen[-1]])
    with pytest.raises(ContractViolationError, match="status not declared"):
        controleer_contract(contract, [pogingen[0]])


def test_reads_ride_out_an_outage_whose_503_duo_declares(omgeving, contract):
    omgeving.seed()
    omgeving.beheer.put("/simulator/storing", json={"aantal": 2})
    assert omgeving.client.inburgeringsplicht(BSN).indicatorInburgeringsplicht is True
    assert [u.status for u in omgeving.transport.uitwisselingen] == [503, 503, 200]
    controleer_contract(contract, omgeving.transport.uitwisselingen)


def test_a_longer_outage_fails_without_writing(omgeving):
    omgeving.seed()
    omgeving.beheer.put("/simulator/storing", json={})
    with pytest.raises(DuoUnavailableError) as fout:
        omgeving.client.zet_uren_participatieactiviteiten(BSN, 10)
    assert fout.value.status_code == 503
    assert len(omgeving.transport.uitwisselingen) == 3
    assert omgeving.gelezen()["uren"] == {}


def test_the_simulators_notification_parses_into_the_gemeentes_model(contract):
    ontvangen: list[Notificatie] = []
    gemeente = FastAPI()

    @gemeente.post("/api/duo/notificaties")
    async def ontvang(request: Request):
        ontvangen.append(Notificatie.model_validate(json.loads(await request.body())))
        return Response(status_code=201)

    simulator = create_app(duo_oin=DUO_OIN, notificatie_transport=httpx.ASGITransport(app=gemeente))
    beheer = httpx.Client(base_url="http://duo.test", transport=InProcesTransport(simulator))
    beheer.put(f"/simulator/personen/{BSN}", json=FEITEN)
    verslag = beheer.post(
        "/simulator/notificaties",
        json={
            "bsn": BSN,
            "gebeurtenisId": "SS102",
            "callbackUrl": "http://gemeente.test/api/duo/notificaties",
        },
    ).json()
    assert verslag["status"] == 201
    [notificatie] = ontvangen
    assert notificatie.gebeurtenisId == Gebeurtenis.SS102 and notificatie.bsn == BSN
    assert notificatie.registratieDatumTijd.tzinfo is not None
    contract.valideer_request(
        "POST",
        "/notificaties",
        {
            "bron": DUO_OIN,
            "doel": GEMEENTE_OIN,
            "berichtId": verslag["berichtId"],
            "content-type": "application/json",
        },
        json.dumps(verslag["verzonden"]).encode(),
        basispad="",
    )


def test_the_client_has_every_operation_of_duos_documents(contract):
    """Every operationId in DUO's 12 documents has a DuoClient method; DUO's own opvoerenNotificatie is
    the one the gemeente serves (POST /v1/notificaties)."""
    import yaml
    from inburgering_shared.duo.specs import spec_dir
    from trajectory_service.clients.duo import OPERATIES
    from trajectory_service.duo.router import router

    documenten = sorted((spec_dir() / "API").glob("*.openapi.yml"))
    assert len(documenten) == 12
    operaties = {
        operatie["operationId"]
        for document in documenten
        for pad in yaml.safe_load(document.read_text())["paths"].values()
        for methode, operatie in pad.items()
        if methode in ("get", "post", "put", "delete", "patch")
    }
    gediend = {"opvoerenNotificatie"}
    assert sorted(operaties - gediend - set(OPERATIES)) == []
    assert set(OPERATIES) <= operaties, "an operationId that DUO's documents do not have"
    assert all(hasattr(DuoClient, methode) for methode in OPERATIES.values())
    assert ("/notificaties", {"POST"}) in [(r.path, r.methods) for r in router.routes]


AANBOD_INSTELLING = {
    "instellingsnummer": "1234567890",
    "naam": "Taalschool Utrecht",
    "postcode": "3511AB",
    "huisnummer": 12,
    "plaatsnaam": "Utrecht",
    "indicatieBowKeurmerk": True,
}


def test_the_operations_the_process_adds_conform_to_duos_contract(omgeving, contract):
    from trajectory_service.clients.duo_models import Contactpersoongegevens, Inburgeringsaanbod

    omgeving.seed(
        examennummer="LBT123456",
        gratisPogingen=[{"onderdeel": "LE", "gratisPogingenTegoed": 2}],
        inburgeringsplichtHistorie=[{"indicatorInburgeringsplicht": False, "begindatum": "2024-06-01"}],
        doelgroepHistorie=[{"indeling": "Gezinsmigrant en overige migrant", "begindatum": "2024-06-01"}],
        inburgeringstermijnHistorie=[{"einddatum": "2028-03-02", "wijzigingsdatum": "2025-03-02"}],
    )
    omgeving.beheer.put(
        "/simulator/referentiedata",
        json={
            "verlengingsgronden": [{"code": "ZIEK", "omschrijving": "Ziekte"}],
            "instellingen": [AANBOD_INSTELLING],
        },
    )
    duo = omgeving.client
    assert duo.examennummer(BSN).examennummer == "LBT123456"
    assert [(g.onderdeel, g.gratisPogingenTegoed) for g in duo.gratis_pogingen(BSN)] == [("LE", 2)]
    assert duo.inburgeringsplicht_historie(BSN)[0].indicatorInburgeringsplicht is False
    assert duo.doelgroep_historie(BSN)[0].indeling == "Gezinsmigrant en overige migrant"
    assert duo.inburgeringstermijn_historie(BSN)[0].einddatum == D("2028-03-02")
    assert [(v.code, v.omschrijving) for v in duo.verlengingsgronden()] == [("ZIEK", "Ziekte")]
    assert [i.instellingsnummer for i in duo.instellingen()] == ["1234567890"]

    duo.registreer_pip(BSN, PIP(dagtekeningPip=D("2025-03-01"), leerroute="B"), PIP_CONTEXT)
    aanbod = Inburgeringsaanbod(
        datumInburgeringsaanbod=D("2025-03-01"),
        verwachteStartdatumOpleiding=D("2025-04-01"),
        verwachteEinddatumOpleiding=D("2026-04-01"),
        indicatorAlfabetiseringsonderwijs="NVT",
    )
    context = validatie.AanbodContext(
        Doelgroep.ASIELSTATUSHOUDER, D("2025-03-01"), Leerroute.B1, bow_keurmerk=True, tst_keurmerk=False
    )
    duo.lever_inburgeringsaanbod(BSN, "1234567890", aanbod, context)
    assert "1234567890" in omgeving.gelezen()["inburgeringsaanbod"]
    duo.trek_inburgeringsaanbod_in(BSN, "1234567890")
    assert "inburgeringsaanbod" not in omgeving.gelezen() or not omgeving.gelezen()["inburgeringsaanbod"]

    klantmanager = Contactpersoongegevens(
        naam="Fatima de Vries", email="f.devries@utrecht.nl", telefoonnummer="0301234567"
    )
    contactpersoon = duo.maak_contactpersoon(klantmanager)
    assert contactpersoon.id is not None
    duo.koppel_contactpersoon(contactpersoon.id, BSN)
    duo.wijzig_contactpersoon(
        contactpersoon.id, klantmanager.model_copy(update={"telefoonnummer": "0307654321"})
    )
    [bij_duo] = omgeving.beheer.get("/simulator/contactpersonen").json()
    assert (bij_duo["personen"], bij_duo["contactpersoongegevens"]["telefoonnummer"]) == ([BSN], "0307654321")
    duo.ontkoppel_contactpersoon(contactpersoon.id, BSN)
    duo.verwijder_contactpersoon(contactpersoon.id)
    assert omgeving.beheer.get("/simulator/contactpersonen").json() == []

    duo.verwijder_examennummer(BSN)
    duo.trek_pip_in(BSN)
    assert not omgeving.gelezen().get("pips")
    assert controleer_contract(contract, omgeving.transport.uitwisselingen) == 17
