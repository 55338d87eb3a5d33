"""Hours the klantmanager records (participation, brede intake) and the Z-route hour norm (R10) per
trajectory, shown with the termijnen and sent to DUO as its Gevolgde Uren totals."""

from duo_testkit import BSN, controleer_contract, feiten
from test_voortgang_handhaving import RAPPORT, assign
from traject_testkit import INBURGERAAR, dossiers, notificeer, open_traject


def km(auth_headers):
    return auth_headers("klantmanager")


def zet(client, auth_headers, traject, soort, maand, uren, etag=None):
    headers = {**km(auth_headers), **({"If-Match": etag} if etag else {})}
    return client.put(
        f"/v1/trajecten/{traject['uuid']}/uren/{soort}/{maand}",
        json={"uren": uren, "omschrijving": "vrijwilligerswerk buurthuis"},
        headers=headers,
    )


def test_z_route_hours_against_the_norm_with_the_termijnen(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips, leerroute="Z-route", doelgroep="Asielstatushouder")
    assert traject["zRouteUren"]["urennormBehaald"] is False
    assign(client, auth_headers, traject, "taalschool-noord")
    taalschool = auth_headers("taalaanbieder", client_id="taalschool-noord")
    rapport = f"/v1/trajecten/{traject['uuid']}/voortgangsrapportages/2026-10"
    assert client.put(rapport, json={**RAPPORT, "urenGevolgd": 700}, headers=taalschool).status_code == 201
    assert zet(client, auth_headers, traject, "taal-en-knm-brede-intake", "2026-01", 100).status_code == 201
    assert zet(client, auth_headers, traject, "participatie-brede-intake", "2026-01", 150).status_code == 201
    assert zet(client, auth_headers, traject, "participatie", "2026-10", 600).status_code == 201
    gelezen = client.get(f"/v1/trajecten/{traject['uuid']}", headers=km(auth_headers)).json()
    assert gelezen["zRouteUren"] == {
        "taalUren": 800,
        "participatieUren": 750,
        "taalNorm": 800,
        "participatieNorm": 800,
        "taalTekort": 0,
        "participatieTekort": 50,
        "urennormBehaald": False,
        "reden": {
            "code": "URENNORM_NIET_BEHAALD",
            "tekst": "800 van 800 uur taal (NT2 en KNM) en 750 van 800 uur participatie, "
            "uren uit de brede intake meegeteld.",
            "bron": "Besluit inburgering 2021 art. 3.14; DUO Gevolgde Uren API; domain.md R10",
        },
    }
    overzicht = client.get(f"/v1/trajecten/{traject['uuid']}/uren", headers=km(auth_headers)).json()
    assert overzicht["lesurenTaalaanbieder"] == 700
    assert [(r["soort"], r["maand"], r["uren"]) for r in overzicht["registraties"]] == [
        ("participatie-brede-intake", "2026-01", 150),
        ("taal-en-knm-brede-intake", "2026-01", 100),
        ("participatie", "2026-10", 600),
    ]
    assert overzicht["zRoute"] == gelezen["zRouteUren"]
    lijst = client.get("/v1/trajecten", headers=km(auth_headers)).json()["results"]
    assert [t["zRouteUren"]["participatieTekort"] for t in lijst] == [50]


def test_other_routes_and_doelgroepen_show_no_norm(client, auth_headers, pips):
    b1 = open_traject(client, auth_headers, pips, doelgroep="Asielstatushouder")
    assert (b1["leerroute"], b1["zRouteUren"]) == ("B1-route", None)


def test_a_gezinsvormer_in_the_z_route_has_no_hour_norm(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips, leerroute="Z-route", doelgroep="Gezinsvormer")
    assert traject["zRouteUren"]["urennormBehaald"] is None
    assert traject["zRouteUren"]["reden"]["code"] == "GEEN_URENNORM"


def test_replacing_recorded_hours_needs_the_etag(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips, leerroute="Z-route", doelgroep="Asielstatushouder")
    eerste = zet(client, auth_headers, traject, "participatie", "2026-10", 60)
    assert eerste.status_code == 201
    assert zet(client, auth_headers, traject, "participatie", "2026-10", 70).status_code == 428
    assert zet(client, auth_headers, traject, "participatie", "2026-10", 70, '"99"').status_code == 412
    pad = f"/v1/trajecten/{traject['uuid']}/uren/participatie/2026-10"
    etag = client.get(pad, headers=km(auth_headers)).headers["ETag"]
    assert etag == eerste.headers["ETag"]
    vervangen = zet(client, auth_headers, traject, "participatie", "2026-10", 70, etag)
    assert (vervangen.status_code, vervangen.json()["uren"]) == (200, 70)
    assert zet(client, auth_headers, traject, "participatie", "2026-11", 5, etag).status_code == 412


def test_recorded_hours_are_validated_and_only_the_klantmanager_records(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips, leerroute="Z-route")
    assert zet(client, auth_headers, traject, "sport", "2026-10", 5).status_code == 400
    assert zet(client, auth_headers, traject, "participatie", "2026-13", 5).status_code == 400
    assert zet(client, auth_headers, traject, "participatie", "2026-10", 745).status_code == 400
    pad = f"/v1/trajecten/{traject['uuid']}/uren/participatie/2026-10"
    taalschool = auth_headers("taalaanbieder", client_id="taalschool-noord")
    assert client.put(pad, json={"uren": 5}, headers=taalschool).status_code == 403
    assert client.put(pad, json={"uren": 5}, headers=auth_headers("teamleider")).status_code == 403
    assert client.get(pad, headers=km(auth_headers)).status_code == 404


def test_duo_receives_each_total_per_its_gevolgde_uren_api(client, auth_headers, pips, duo, contract):
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    duo.inburgeraars[BSN] = INBURGERAAR
    notificeer(client, "SS139")
    traject = open_traject(client, auth_headers, pips, leerroute="Z-route", doelgroep="Asielstatushouder")
    zet(client, auth_headers, traject, "participatie-brede-intake", "2026-01", 40)
    zet(client, auth_headers, traject, "participatie", "2026-10", 60)
    zet(client, auth_headers, traject, "taal-en-knm-brede-intake", "2026-01", 30)
    duo.sync.ronde()
    [dossier] = dossiers(client, auth_headers)
    assert [(o["soort"], o["inhoud"], o["status"]) for o in dossier["opdrachten"] if o["soort"] != "pip"] == [
        ("uren-participatie", {"uren": 40}, "verzonden"),
        ("uren-participatie", {"uren": 100}, "verzonden"),
        ("uren-brede-intake", {"uren": 30}, "verzonden"),
    ]
    uren = duo.beheer.get(f"/simulator/personen/{BSN}").json()["uren"]
    assert {soort: totaal for per_gemeente in uren.values() for soort, totaal in per_gemeente.items()} == {
        "ParticipatieactiviteitenBredeIntake": 100,
        "TaallesEnKnmBredeIntake": 30,
    }
    assert controleer_contract(contract, duo.transport.uitwisselingen) > 0


def rond_z_route_af(client, auth_headers, traject):
    pad = f"/v1/trajecten/{traject['uuid']}/componenten/leerroute"
    etag = client.get(pad, headers=km(auth_headers)).headers["ETag"]
    body = {"status": "afgerond", "startdatum": "2026-02-01", "einddatum": "2026-11-20"}
    return client.put(pad, json=body, headers={**km(auth_headers), "If-Match": etag})


def z_route_opdrachten(app):
    from sqlalchemy import select
    from trajectory_service.duo.models import DuoOpdracht

    with app.state.session_factory() as session:
        return list(session.scalars(select(DuoOpdracht.inhoud).where(DuoOpdracht.soort == "zroute")))


def test_the_z_route_completion_waits_for_the_hour_norm_naming_the_shortfall(client, auth_headers, pips, app):
    """Besluit inburgering 2021 art. 3.14: 800 hours language and 800 participation first (R10)."""
    traject = open_traject(client, auth_headers, pips, leerroute="Z-route", doelgroep="Asielstatushouder")
    assign(client, auth_headers, traject, "taalschool-noord")
    taalschool = auth_headers("taalaanbieder", client_id="taalschool-noord")
    rapport = f"/v1/trajecten/{traject['uuid']}/voortgangsrapportages/2026-10"
    assert client.put(rapport, json={**RAPPORT, "urenGevolgd": 700}, headers=taalschool).status_code == 201
    zet(client, auth_headers, traject, "taal-en-knm-brede-intake", "2026-01", 100)
    zet(client, auth_headers, traject, "participatie-brede-intake", "2026-01", 150)
    zet(client, auth_headers, traject, "participatie", "2026-10", 600)

    geweigerd = rond_z_route_af(client, auth_headers, traject)
    assert geweigerd.status_code == 422, geweigerd.text
    [param] = geweigerd.json()["invalidParams"]
    assert param["code"] == "URENNORM_NIET_BEHAALD"
    assert "er ontbreken 50 uur participatie" in param["reason"]
    assert "Besluit inburgering 2021 art. 3.14" in param["reason"]
    assert z_route_opdrachten(app) == []  # nothing goes to DUO
    component = client.get(f"/v1/trajecten/{traject['uuid']}/componenten/leerroute", headers=km(auth_headers))
    assert component.json()["status"] != "afgerond"

    assert zet(client, auth_headers, traject, "participatie", "2026-11", 50).status_code == 201
    assert rond_z_route_af(client, auth_headers, traject).status_code == 200
    assert z_route_opdrachten(app) == [{"datum": "2026-11-20"}]


def test_a_z_route_without_a_statutory_norm_completes_without_hours(client, auth_headers, pips, app):
    traject = open_traject(client, auth_headers, pips, leerroute="Z-route", doelgroep="Gezinsvormer")
    assert rond_z_route_af(client, auth_headers, traject).status_code == 200
    assert z_route_opdrachten(app) == [{"datum": "2026-11-20"}]
