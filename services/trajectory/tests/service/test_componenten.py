"""Components per trajectory, and what completing the MAP owes DUO (R13: verwijtbaar)."""

import uuid
from datetime import UTC, date, datetime, timedelta

from duo_testkit import BSN, controleer_contract, feiten
from sqlalchemy import select
from traject_testkit import INBURGERAAR, dossiers, notificeer, open_traject

ETAG_LOOS = {"status": "gestart", "startdatum": "2026-02-01"}


def componenten(client, auth_headers, traject):
    return client.get(f"/v1/trajecten/{traject['uuid']}/componenten", headers=auth_headers("klantmanager"))


def wijzig(client, auth_headers, traject, soort, body):
    pad = f"/v1/trajecten/{traject['uuid']}/componenten/{soort}"
    etag = client.get(pad, headers=auth_headers("klantmanager")).headers["ETag"]
    return client.put(pad, json=body, headers={**auth_headers("klantmanager"), "If-Match": etag})


def test_trajectory_opens_with_the_components_of_its_route(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips)
    soorten = {c["soort"]: c["status"] for c in componenten(client, auth_headers, traject).json()}
    assert soorten == dict.fromkeys(
        ["knm", "leerroute", "maatschappelijke-begeleiding", "map", "participatie", "pvt"], "niet-gestart"
    )


def test_onderwijsroute_has_no_map_and_no_knm(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips, leerroute="Onderwijsroute")
    soorten = {c["soort"] for c in componenten(client, auth_headers, traject).json()}
    assert "map" not in soorten and "knm" not in soorten
    pad = f"/v1/trajecten/{traject['uuid']}/componenten/map"
    assert client.get(pad, headers=auth_headers("klantmanager")).status_code == 404


def test_edit_needs_if_match_and_consistent_dates(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips)
    pad = f"/v1/trajecten/{traject['uuid']}/componenten/knm"
    assert client.put(pad, json=ETAG_LOOS, headers=auth_headers("klantmanager")).status_code == 428
    response = wijzig(
        client, auth_headers, traject, "knm", {"status": "afgerond", "startdatum": "2026-03-01"}
    )
    assert response.status_code == 422
    assert [p["code"] for p in response.json()["invalidParams"]] == ["EINDDATUM_ONTBREEKT"]
    assert wijzig(client, auth_headers, traject, "knm", {"status": "bezig"}).status_code == 400
    assert wijzig(client, auth_headers, traject, "knm", ETAG_LOOS).json()["status"] == "gestart"


def test_only_the_klantmanager_of_the_gemeente_edits(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips)
    pad = f"/v1/trajecten/{traject['uuid']}/componenten/knm"
    assert client.put(pad, json=ETAG_LOOS, headers=auth_headers("beleid")).status_code == 403
    andere = auth_headers("klantmanager", gemeente="GM0200")
    assert client.get(pad, headers=andere).status_code == 404


def test_map_verwijtbaar_before_the_end_of_the_termijn_is_refused(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips)
    body = {"status": "afgerond", "startdatum": "2026-03-01", "einddatum": "2026-10-01", "verwijtbaar": "Ja"}
    response = wijzig(client, auth_headers, traject, "map", body)
    assert response.status_code == 422
    assert {p["code"] for p in response.json()["invalidParams"]} == {
        "VERWIJTBAAR_VOOR_EINDE_TERMIJN",
        "VERWIJTBAAR_JA_ZONDER_OVERSCHRIJDING",
    }
    body["einddatum"] = date(2030, 1, 1).isoformat()
    del body["verwijtbaar"]
    codes = {p["code"] for p in wijzig(client, auth_headers, traject, "map", body).json()["invalidParams"]}
    assert "DATUM_IN_TOEKOMST" in codes


def test_map_completion_is_sent_to_duo_after_the_pip_without_verwijtbaar(
    client, auth_headers, pips, duo, contract
):
    duo.beheer.put(
        f"/simulator/personen/{BSN}",
        json=feiten(inburgeringstermijn={"startdatum": "2026-01-16", "einddatum": "2029-01-16"}),
    )
    duo.inburgeraars[BSN] = INBURGERAAR
    traject = open_traject(client, auth_headers, pips, dagtekening="2026-01-15")
    body = {
        "status": "afgerond",
        "startdatum": "2026-03-01",
        "einddatum": "2026-10-01",
        "bewijs": "Eindgesprek",
    }
    assert wijzig(client, auth_headers, traject, "map", body).status_code == 200
    duo.sync.ronde()  # no DUO dossier yet: the writes wait, nothing is lost
    notificeer(client, "SS139")
    duo.sync.ronde()
    duo.sync.ronde()
    [dossier] = dossiers(client, auth_headers)
    assert [(o["soort"], o["status"]) for o in dossier["opdrachten"]] == [
        ("pip", "verzonden"),
        ("map", "verzonden"),
    ]
    persoon = duo.beheer.get(f"/simulator/personen/{BSN}").json()
    assert persoon["map"]["datumEindgesprekMap"] == "2026-10-01"
    assert "verwijtbaar" not in persoon["map"]
    assert persoon["pips"][-1]["pip"]["leerroute"] == "B"
    controleer_contract(contract, duo.transport.uitwisselingen)


def test_a_write_during_an_outage_is_retried_until_duo_has_it(client, auth_headers, pips, duo):
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    duo.inburgeraars[BSN] = INBURGERAAR
    notificeer(client, "SS139")
    duo.sync.ronde()
    duo.beheer.put("/simulator/storing", json={})
    traject = open_traject(client, auth_headers, pips, dagtekening="2026-01-15")
    nu = datetime.now(UTC)
    duo.sync.ronde(nu)
    [dossier] = dossiers(client, auth_headers)
    assert dossier["sync"]["status"] == "storing"
    assert dossier["opdrachten"][0]["status"] == "wachtend"
    duo.beheer.delete("/simulator/storing")
    duo.sync.ronde(nu + timedelta(minutes=5))
    [dossier] = dossiers(client, auth_headers)
    assert (dossier["sync"]["status"], dossier["opdrachten"][0]["status"]) == ("bijgewerkt", "verzonden")
    assert traject["leerroute"] == "B1-route"


def test_completion_event_is_published(client, auth_headers, pips, app):
    traject = open_traject(client, auth_headers, pips)
    body = {"status": "afgerond", "startdatum": "2026-03-01", "einddatum": "2026-04-01"}
    assert wijzig(client, auth_headers, traject, "pvt", body).status_code == 200
    with app.state.session_factory() as session:
        payloads = [r.payload for r in session.execute(select(app.state.outbox.events))]
    assert [p["kenmerken"]["wijziging"] for p in payloads if p["actie"] == "update"] == ["component"]


def test_financieel_ontzorgen_is_added_and_its_six_months_become_a_deadline(client, auth_headers, pips, app):
    traject = open_traject(client, auth_headers, pips)
    pad = f"/v1/trajecten/{traject['uuid']}/componenten/financieel-ontzorgen"
    assert client.get(pad, headers=auth_headers("klantmanager")).status_code == 404
    assert client.post(pad, headers=auth_headers("klantmanager")).status_code == 201
    assert client.post(pad, headers=auth_headers("klantmanager")).status_code == 409
    body = {"status": "gestart", "startdatum": "2026-03-01"}
    assert wijzig(client, auth_headers, traject, "financieel-ontzorgen", body).status_code == 200
    deadlines = client.get("/v1/deadlines?status=open", headers=auth_headers("klantmanager")).json()[
        "results"
    ]
    assert [d["vervaldatum"] for d in deadlines if d["soort"] == "ontzorgen-einde"] == ["2026-08-31"]
    with app.state.session_factory() as session:
        payloads = [r.payload for r in session.execute(select(app.state.outbox.events))]
    assert [
        p["kenmerken"].get("termijn") for p in payloads if p["kenmerken"].get("wijziging") == "termijn"
    ] == ["ontzorgen-einde"]
    # The same dates again change no termijn: no event.
    assert wijzig(client, auth_headers, traject, "financieel-ontzorgen", body).status_code == 200
    with app.state.session_factory() as session:
        payloads = [r.payload for r in session.execute(select(app.state.outbox.events))]
    assert len([p for p in payloads if p["kenmerken"].get("wijziging") == "termijn"]) == 1


def test_the_list_of_trajecten_filters_by_inburgeraar(client, auth_headers, pips):
    andere = "http://intake.test/v1/inburgeraars/" + str(uuid.uuid4())
    eerste, tweede = (
        open_traject(client, auth_headers, pips),
        open_traject(client, auth_headers, pips, andere),
    )
    km = auth_headers("klantmanager")
    assert client.get("/v1/trajecten", headers=km).json()["count"] == 2
    for traject in (eerste, tweede):
        page = client.get("/v1/trajecten", params={"inburgeraar": traject["inburgeraar"]}, headers=km).json()
        assert [t["uuid"] for t in page["results"]] == [traject["uuid"]] and page["count"] == 1
    onbekend = "http://intake.test/v1/inburgeraars/" + str(uuid.uuid4())
    assert client.get("/v1/trajecten", params={"inburgeraar": onbekend}, headers=km).json()["count"] == 0
    geen_url = client.get("/v1/trajecten", params={"inburgeraar": andere + "x"}, headers=km)
    assert (geen_url.status_code, geen_url.json()["invalidParams"][0]["name"]) == (400, "inburgeraar")


PLANNING = [
    {
        "component": "leerroute",
        "start": "2026-01-19",
        "verwachtEinde": "2029-01-15",
        "aanbieder": "Taalschool Flevoland",
    },
    {
        "component": "MAP",
        "start": "2026-03-02",
        "verwachtEinde": "2027-07-16",
        "aanbieder": "VluchtelingenWerk",
    },
    {"component": "financieel ontzorgen", "start": "2026-01-16", "verwachtEinde": "2026-07-15"},
]


def test_the_trajectory_takes_the_pips_dates_and_providers_and_its_ontzorgen(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips, onderdelen=PLANNING)
    gelezen = {c["soort"]: c for c in componenten(client, auth_headers, traject).json()}
    assert (gelezen["leerroute"]["geplandeStart"], gelezen["leerroute"]["aanbieder"]) == (
        "2026-01-19",
        "Taalschool Flevoland",
    )
    assert (
        gelezen["map"]["verwachtEinde"] == "2027-07-16" and gelezen["map"]["aanbieder"] == "VluchtelingenWerk"
    )
    assert gelezen["pvt"]["geplandeStart"] is None  # the PIP planned nothing for it
    ontzorgen = gelezen["financieel-ontzorgen"]
    assert (ontzorgen["status"], ontzorgen["startdatum"]) == ("niet-gestart", "2026-01-16")
    open_ = client.get("/v1/deadlines?status=open", headers=auth_headers("klantmanager")).json()["results"]
    assert [d["vervaldatum"] for d in open_ if d["soort"] == "ontzorgen-einde"] == ["2026-07-15"]
