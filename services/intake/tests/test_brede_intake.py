"""The brede intake over HTTP: prefilled from COA, leefgebieden, leerbaarheidstoets, completion, event."""

import uuid
from datetime import date

from fastapi.testclient import TestClient
from inburgering_shared.contracts.brede_intake import GEZONDHEIDSLEEFGEBIEDEN, BredeIntakeContract, Leefgebied
from inburgering_shared.contracts.reporting_inputs import BredeIntakeRapportage
from intake_service.db import OUTBOX_TABLES
from intake_testkit import bsn_reeks, overdracht, registreer
from sqlalchemy import select

TOETS = {
    "resultaat": "B1-route niet haalbaar",
    "behaaldeScore": "9.5",
    "benodigdeScore": "12.5",
    "datum": "2026-10-02",
    "afgenomenDoor": "klantmanager GM0171",
}


def bevinding(leefgebied: Leefgebied, score: int = 3) -> dict[str, object]:
    return {
        "leefgebied": leefgebied.value,
        "zelfredzaamheid": score,
        "observaties": "Besproken.",
        "wensen": "Meedoen.",
    }


def start(client: TestClient, km: dict[str, str], inburgeraar_uuid: str):
    response = client.post("/v1/brede-intakes", json={"inburgeraar": inburgeraar_uuid}, headers=km)
    assert response.status_code == 201, response.text
    return response


def patch(client: TestClient, km: dict[str, str], response, body: dict[str, object]):
    url = "/v1/brede-intakes/" + response.json()["uuid"]
    return client.patch(url, json=body, headers={**km, "If-Match": response.headers["ETag"]})


def geef_toestemming(client: TestClient, km: dict[str, str], inburgeraar_uuid: str, **changes: str):
    body = {"categorie": "gezondheid", "doel": "brede intake en PIP", "datum": "2026-09-15", **changes}
    response = client.post(f"/v1/inburgeraars/{inburgeraar_uuid}/toestemmingen", json=body, headers=km)
    assert response.status_code == 201, response.text
    return response.json()


def volledig(gezondheid: bool) -> dict[str, object]:
    leefgebieden = [lg for lg in Leefgebied if gezondheid or lg not in GEZONDHEIDSLEEFGEBIEDEN]
    return {
        "datumGesprek": "2026-10-01",
        "deelnemers": [{"rol": "klantmanager"}, {"rol": "tolk", "taal": "Tigrinya"}, {"rol": "COA"}],
        "leefgebieden": [bevinding(lg) for lg in leefgebieden],
        "leerbaarheidstoets": TOETS,
        "vooropleiding": "basisonderwijs",
        "alfabetisering": "AA",
        "wensen": "Werken in de zorg.",
    }


def test_prefilled_facts_carry_their_source_and_date(client, auth_headers, bsn):
    coa = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=auth_headers("coa")).json()
    km = auth_headers("klantmanager")
    intake = start(client, km, coa["inburgeraar"].rsplit("/", 1)[1]).json()
    assert intake["status"] == "concept"
    assert intake["achtergrond"]["opleiding"] == {
        "waarde": "Middelbare school",
        "bron": "COA",
        "datum": date.today().isoformat(),
    }
    assert intake["achtergrond"]["talen"]["waarde"] == "Tigrinya (moedertaal)"
    assert intake["achtergrond"]["werkervaring"] is None


def test_one_brede_intake_per_dossier(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    dossier = registreer(client, km, bsn).json()["uuid"]
    first = start(client, km, dossier)
    again = client.post("/v1/brede-intakes", json={"inburgeraar": dossier}, headers=km)
    assert again.status_code == 200
    assert again.json()["uuid"] == first.json()["uuid"]


def test_completing_needs_every_leefgebied_and_the_toets(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    intake = start(client, km, registreer(client, km, bsn).json()["uuid"])
    assert (
        len(intake.json()["ontbreekt"]) == 8 + 5
    )  # eight leefgebieden (no health without consent), the toets, four facts
    url = f"/v1/brede-intakes/{intake.json()['uuid']}/afronden"
    refused = client.post(url, headers={**km, "If-Match": intake.headers["ETag"]})
    assert refused.status_code == 422
    names = {p["name"] for p in refused.json()["invalidParams"]}
    assert "leefgebieden.wonen" in names and "leerbaarheidstoets" in names
    assert "leefgebieden.fysieke gezondheid" not in names  # no consent: health is not asked for


def test_completed_intake_matches_the_contract_and_publishes_the_event(app, client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    dossier = registreer(client, km, bsn).json()["uuid"]
    geef_toestemming(client, km, dossier)
    updated = patch(client, km, start(client, km, dossier), volledig(gezondheid=True))
    assert updated.status_code == 200, updated.text
    assert updated.json()["ontbreekt"] == []
    done = client.post(
        f"/v1/brede-intakes/{updated.json()['uuid']}/afronden",
        headers={**km, "If-Match": updated.headers["ETag"]},
    )
    assert done.status_code == 200, done.text
    # pip reads the brede intake with a service token, against the shared contract.
    read = client.get(
        f"/v1/brede-intakes/{updated.json()['uuid']}", headers=auth_headers("service", gemeente="*")
    )
    contract = BredeIntakeContract.model_validate(read.json())
    assert contract.status == "afgerond" and contract.datumAfgerond == date.today()
    assert (
        contract.leerbaarheidstoets is not None and str(contract.leerbaarheidstoets.benodigdeScore) == "12.5"
    )
    assert len(contract.leefgebieden) == 10 and not contract.gezondheidAfgeschermd
    assert contract.leeftijd == date.today().year - 1990 - ((date.today().month, date.today().day) < (4, 12))
    with app.state.session_factory() as session:
        payloads = session.scalars(select(OUTBOX_TABLES[0].c.payload)).all()
    events = [p for p in payloads if p["kanaal"] == "brede-intakes"]
    assert len(events) == 1
    assert events[0]["resourceUrl"] == contract.url
    assert events[0]["kenmerken"] == {"gemeentecode": "GM0171", "status": "afgerond"}
    # Completed is final.
    assert patch(client, km, done, {"wensen": "Anders."}).status_code == 409


def test_health_findings_need_consent_and_are_hidden_after_withdrawal(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    dossier = registreer(client, km, bsn).json()["uuid"]
    intake = start(client, km, dossier)
    refused = patch(client, km, intake, {"leefgebieden": [bevinding(Leefgebied.MENTALE_GEZONDHEID, 2)]})
    assert refused.status_code == 422
    assert refused.json()["invalidParams"][0]["code"] == "AVG-art-9-toestemming-gezondheid"
    toestemming = geef_toestemming(client, km, dossier)
    body = {"leefgebieden": [bevinding(Leefgebied.MENTALE_GEZONDHEID, 2), bevinding(Leefgebied.WONEN, 4)]}
    stored = patch(client, km, intake, body)
    assert stored.status_code == 200, stored.text
    assert [b["leefgebied"] for b in stored.json()["leefgebieden"]] == ["mentale gezondheid", "wonen"]
    withdrawn = client.post(
        f"{toestemming['url'].split('/v1', 1)[1].join(['/v1', ''])}/intrekken",
        json={"datum": date.today().isoformat()},
        headers=km,
    )
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["geldig"] is False
    shown = client.get(f"/v1/brede-intakes/{intake.json()['uuid']}", headers=km).json()
    assert [b["leefgebied"] for b in shown["leefgebieden"]] == ["wonen"]
    assert shown["gezondheidAfgeschermd"] is True
    assert "mentale" not in str(shown["leefgebieden"])
    # Reporting's rebuild lists brede intakes with the service role: the same consent rule holds there.
    listed = client.get("/v1/brede-intakes", headers=auth_headers("service", gemeente="*"))
    assert listed.status_code == 200, listed.text
    [item] = [i for i in listed.json()["results"] if i["uuid"] == intake.json()["uuid"]]
    assert BredeIntakeRapportage.model_validate(item).status == "concept"
    assert item["gezondheidAfgeschermd"] is True
    assert "mentale" not in listed.text


def test_consent_for_another_purpose_does_not_show_health(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    dossier = registreer(client, km, bsn).json()["uuid"]
    geef_toestemming(client, km, dossier, doel="overdracht tussen ketenpartners")
    refused = patch(
        client, km, start(client, km, dossier), {"leefgebieden": [bevinding(Leefgebied.FYSIEKE_GEZONDHEID)]}
    )
    assert refused.status_code == 422


def test_leerbaarheidstoets_exemption_is_recorded_with_its_reason(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    intake = start(client, km, registreer(client, km, bsn).json()["uuid"])
    vrijstelling = {
        "resultaat": "Onbekend",
        "vrijstelling": {"beperking": "visueel", "reden": "Blind sinds 2019."},
    }
    ok = patch(client, km, intake, {"leerbaarheidstoets": vrijstelling})
    assert ok.status_code == 200, ok.text
    assert ok.json()["leerbaarheidstoets"]["vrijstelling"] == vrijstelling["vrijstelling"]
    contradictory = patch(
        client, km, ok, {"leerbaarheidstoets": {**vrijstelling, "resultaat": "B1-route haalbaar"}}
    )
    assert contradictory.status_code == 422
    assert contradictory.json()["invalidParams"][0]["code"] == "vrijstelling-zonder-uitslag"
    without_date = patch(client, km, ok, {"leerbaarheidstoets": {**TOETS, "datum": None}})
    assert [p["name"] for p in without_date.json()["invalidParams"]] == ["leerbaarheidstoets.datum"]


def test_a_leerbaarheidstoets_not_taken_is_recorded_with_its_reason_without_date_or_administrator(
    client, auth_headers, bsn
):
    km = auth_headers("klantmanager")
    intake = start(client, km, registreer(client, km, bsn).json()["uuid"])
    niet_afgenomen = {"reden": "ziekte", "toelichting": "Opgenomen in het ziekenhuis in de toetsweek."}
    ok = patch(
        client, km, intake, {"leerbaarheidstoets": {"resultaat": "Onbekend", "nietAfgenomen": niet_afgenomen}}
    )
    assert ok.status_code == 200, ok.text
    shown = client.get(f"/v1/brede-intakes/{intake.json()['uuid']}", headers=km).json()["leerbaarheidstoets"]
    assert (shown["nietAfgenomen"], shown["datum"], shown["afgenomenDoor"]) == (niet_afgenomen, None, None)
    met_score = {**TOETS, "resultaat": "Onbekend", "nietAfgenomen": niet_afgenomen}
    refused = patch(client, km, ok, {"leerbaarheidstoets": met_score})
    assert refused.status_code == 422
    assert [p["code"] for p in refused.json()["invalidParams"]] == ["niet-afgenomen-zonder-afname"]
    unknown = patch(
        client, km, ok, {"leerbaarheidstoets": {"resultaat": "Onbekend", "nietAfgenomen": {"reden": "x"}}}
    )
    assert unknown.status_code == 400


def test_invalid_score_is_400_and_changes_nothing(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    intake = start(client, km, registreer(client, km, bsn).json()["uuid"])
    bad = patch(client, km, intake, {"wensen": "Iets.", "leefgebieden": [bevinding(Leefgebied.WONEN, 6)]})
    assert bad.status_code == 400
    assert bad.headers["content-type"] == "application/problem+json"
    unchanged = client.get(f"/v1/brede-intakes/{intake.json()['uuid']}", headers=km).json()
    assert unchanged["wensen"] is None and unchanged["versie"] == intake.json()["versie"]


def test_corrected_coa_handover_never_overwrites_the_klantmanager(client, auth_headers, bsn):
    coa = auth_headers("coa")
    created = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=coa).json()
    km = auth_headers("klantmanager")
    intake = start(client, km, created["inburgeraar"].rsplit("/", 1)[1])
    patched = patch(client, km, intake, {"achtergrond": {"opleiding": "Twee jaar hbo verpleegkunde"}})
    assert patched.json()["achtergrond"]["opleiding"]["bron"] == "klantmanager"
    corrected = overdracht(bsn, klantprofiel={"opleiding": "Universiteit (2 jaar)", "werkervaring": "Kapper"})
    assert client.post("/v1/coa-overdrachten", json=corrected, headers=coa).json()["versie"] == 2
    shown = client.get(f"/v1/brede-intakes/{intake.json()['uuid']}", headers=km).json()
    assert shown["achtergrond"]["opleiding"]["waarde"] == "Twee jaar hbo verpleegkunde"
    assert shown["achtergrond"]["werkervaring"]["bron"] == "COA"
    assert [(t["veld"], t["waardeCoa"]) for t in shown["tegenstrijdigheden"]] == [
        ("opleiding", "Universiteit (2 jaar)")
    ]
    # The klantmanager resolves it by recording the value chosen.
    current = client.get(f"/v1/brede-intakes/{intake.json()['uuid']}", headers=km)
    resolved = patch(client, km, current, {"achtergrond": {"opleiding": "Universiteit (2 jaar)"}})
    assert resolved.json()["tegenstrijdigheden"] == []


def test_list_filters_by_status_and_is_scoped(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    start(client, km, registreer(client, km, bsn).json()["uuid"])
    assert client.get("/v1/brede-intakes?status=concept", headers=km).json()["count"] >= 1
    foreign = client.get("/v1/brede-intakes", headers=auth_headers("klantmanager", gemeente="GM0363")).json()
    assert foreign["count"] == 0


def test_list_filters_by_inburgeraar(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    intakes = [start(client, km, registreer(client, km, b).json()["uuid"]).json() for b in bsn_reeks(bsn, 2)]
    for intake in intakes:
        page = client.get(
            "/v1/brede-intakes", params={"inburgeraar": intake["inburgeraar"]}, headers=km
        ).json()
        assert [i["uuid"] for i in page["results"]] == [intake["uuid"]] and page["count"] == 1
    elders = "http://intake.test/v1/inburgeraars/" + str(uuid.uuid4())
    assert client.get("/v1/brede-intakes", params={"inburgeraar": elders}, headers=km).json()["count"] == 0
    fout = client.get("/v1/brede-intakes", params={"inburgeraar": "geen-url"}, headers=km)
    assert fout.status_code == 400 and fout.json()["invalidParams"][0]["name"] == "inburgeraar"


def test_partners_cannot_read_a_brede_intake(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    intake = start(client, km, registreer(client, km, bsn).json()["uuid"]).json()
    for role in ("coa", "vluchtelingenwerk"):
        assert (
            client.get(f"/v1/brede-intakes/{intake['uuid']}", headers=auth_headers(role)).status_code == 403
        )
    assert (
        client.get(
            f"/v1/brede-intakes/{intake['uuid']}", headers=auth_headers("klantmanager", gemeente="GM0363")
        ).status_code
        == 404
    )
