"""Voortgangsgesprekken, the taalaanbieder's reports (only on trajectories it serves) and handhaving (R15)."""

from traject_testkit import open_traject


def km(auth_headers):
    return auth_headers("klantmanager")


def test_trajectory_plans_the_first_voortgangsgesprek_at_the_gemeentes_interval(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips, dagtekening="2026-01-15")
    [gesprek] = client.get(
        f"/v1/trajecten/{traject['uuid']}/voortgangsgesprekken", headers=km(auth_headers)
    ).json()
    assert (gesprek["gepland"], gesprek["gehouden"], gesprek["pipVersie"]) == ("2026-04-16", None, 1)
    deadlines = client.get("/v1/deadlines?status=open", headers=km(auth_headers)).json()["results"]
    assert "2026-04-16" in {d["vervaldatum"] for d in deadlines if d["soort"] == "voortgangsgesprek"}


def test_holding_a_gesprek_records_the_outcome_and_plans_the_next(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips, dagtekening="2026-01-15")
    pad = f"/v1/trajecten/{traject['uuid']}/voortgangsgesprekken"
    [gesprek] = client.get(pad, headers=km(auth_headers)).json()
    eigen = "/v1" + gesprek["url"].split("/v1", 1)[1]
    etag = client.get(eigen, headers=km(auth_headers)).headers["ETag"]
    body = {"gehouden": "2026-04-20", "verslag": "Loopt achter met spreken.", "uitkomst": "pip-wijzigen"}
    assert client.put(f"{eigen}/verslag", json=body, headers=km(auth_headers)).status_code == 428
    response = client.put(f"{eigen}/verslag", json=body, headers={**km(auth_headers), "If-Match": etag})
    assert response.status_code == 200, response.text
    assert response.json()["uitkomst"] == "pip-wijzigen"
    nieuwe_etag = {**km(auth_headers), "If-Match": response.headers["ETag"]}
    assert client.put(f"{eigen}/verslag", json=body, headers=nieuwe_etag).status_code == 409
    gesprekken = client.get(pad, headers=km(auth_headers)).json()
    assert [g["gepland"] for g in gesprekken] == ["2026-04-16", "2026-07-20"]
    bad = client.put(f"{eigen}/verslag", json={**body, "uitkomst": "misschien"}, headers=nieuwe_etag)
    assert bad.status_code == 400


def assign(client, auth_headers, traject, taalaanbieder):
    etag = client.get(f"/v1/trajecten/{traject['uuid']}", headers=km(auth_headers)).headers.get("ETag")
    return client.put(
        f"/v1/trajecten/{traject['uuid']}/taalaanbieder",
        json={"taalaanbieder": taalaanbieder},
        headers={**km(auth_headers), "If-Match": etag or '"1"'},
    )


RAPPORT = {
    "urenGevolgd": 48,
    "aanwezigheidProcent": 92,
    "vaardigheden": [{"vaardigheid": "lezen", "niveau": "A2"}, {"vaardigheid": "spreken", "niveau": "A1"}],
    "geplandeExamens": [{"onderdeel": "LE", "datum": "2026-12-10"}],
}


def test_taalaanbieder_reports_only_on_trajectories_it_serves(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips)
    assert assign(client, auth_headers, traject, "taalschool-noord").status_code == 200
    noord = auth_headers("taalaanbieder", client_id="taalschool-noord")
    zuid = auth_headers("taalaanbieder", client_id="taalschool-zuid")
    pad = f"/v1/trajecten/{traject['uuid']}/voortgangsrapportages/2026-10"
    assert client.put(pad, json=RAPPORT, headers=zuid).status_code == 404
    assert client.put(pad, json=RAPPORT, headers=noord).status_code == 201
    assert client.put(pad, json={**RAPPORT, "urenGevolgd": 50}, headers=noord).status_code == 428
    etag = client.get(pad, headers=noord).headers["ETag"]
    vervangen = client.put(pad, json={**RAPPORT, "urenGevolgd": 50}, headers={**noord, "If-Match": etag})
    assert vervangen.status_code == 200, vervangen.text
    assert vervangen.headers["ETag"] != etag
    rapporten = client.get(
        f"/v1/trajecten/{traject['uuid']}/voortgangsrapportages", headers=km(auth_headers)
    ).json()
    assert [(r["maand"], r["urenGevolgd"], r["taalaanbieder"]) for r in rapporten] == [
        ("2026-10", 50, "taalschool-noord")
    ]
    assert [t["uuid"] for t in client.get("/v1/trajecten", headers=noord).json()["results"]] == [
        traject["uuid"]
    ]
    assert client.get("/v1/trajecten", headers=zuid).json()["results"] == []
    assert client.get(f"/v1/trajecten/{traject['uuid']}", headers=zuid).status_code == 404
    assert client.get(f"/v1/trajecten/{traject['uuid']}/componenten", headers=noord).status_code == 403


def test_replacing_a_months_report_with_a_stale_etag_loses(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips)
    assign(client, auth_headers, traject, "taalschool-noord")
    noord = auth_headers("taalaanbieder", client_id="taalschool-noord")
    pad = f"/v1/trajecten/{traject['uuid']}/voortgangsrapportages/2026-10"
    assert client.get(pad, headers=noord).status_code == 404
    assert client.put(pad, json=RAPPORT, headers={**noord, "If-Match": '"1"'}).status_code == 412
    gelezen = client.put(pad, json=RAPPORT, headers=noord).headers["ETag"]
    eerste = client.put(pad, json={**RAPPORT, "urenGevolgd": 44}, headers={**noord, "If-Match": gelezen})
    assert eerste.status_code == 200
    tweede = client.put(pad, json={**RAPPORT, "urenGevolgd": 40}, headers={**noord, "If-Match": gelezen})
    assert tweede.status_code == 412
    assert client.get(pad, headers=auth_headers("klantmanager")).json()["urenGevolgd"] == 44


def test_taalaanbieder_report_is_validated(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips)
    assign(client, auth_headers, traject, "taalschool-noord")
    noord = auth_headers("taalaanbieder", client_id="taalschool-noord")
    pad = f"/v1/trajecten/{traject['uuid']}"
    assert client.put(f"{pad}/voortgangsrapportages/2026-13", json=RAPPORT, headers=noord).status_code == 400
    bad = client.put(
        f"{pad}/voortgangsrapportages/2026-10", json={**RAPPORT, "aanwezigheidProcent": 120}, headers=noord
    )
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["name"].endswith("aanwezigheidProcent")


def besluit(client, auth_headers, traject, **body):
    return client.post(
        f"/v1/trajecten/{traject['uuid']}/handhavingsbesluiten",
        headers=km(auth_headers),
        json={
            "grond": "verplichtingen uit het PIP niet nagekomen",
            "verplichting": "Taalles volgen, 12 uur per week",
            **body,
        },
    )


def test_boete_needs_an_earlier_written_warning_and_stays_within_the_maximum(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips)
    zonder = besluit(client, auth_headers, traject, soort="boete", datum="2026-06-01", bedrag="250.00")
    assert zonder.status_code == 422
    assert [p["code"] for p in zonder.json()["invalidParams"]] == ["GEEN_WAARSCHUWING"]
    assert (
        besluit(
            client, auth_headers, traject, soort="schriftelijke-waarschuwing", datum="2026-05-01"
        ).status_code
        == 201
    )
    te_hoog = besluit(client, auth_headers, traject, soort="boete", datum="2026-06-01", bedrag="900.00")
    assert [p["code"] for p in te_hoog.json()["invalidParams"]] == ["BEDRAG_TE_HOOG"]
    boete = besluit(client, auth_headers, traject, soort="boete", datum="2026-06-01", bedrag="250.00")
    assert boete.status_code == 201, boete.text
    assert boete.json()["wettelijkeGrondslag"].startswith("Wet inburgering 2021")
    assert boete.json()["pipVersie"] == 1
    lijst = client.get(
        f"/v1/trajecten/{traject['uuid']}/handhavingsbesluiten", headers=km(auth_headers)
    ).json()
    assert [b["soort"] for b in lijst] == ["schriftelijke-waarschuwing", "boete"]


def test_the_gemeentes_own_lower_maximum_is_enforced(client, auth_headers, pips, app):
    traject = open_traject(client, auth_headers, pips)
    besluit(client, auth_headers, traject, soort="schriftelijke-waarschuwing", datum="2026-05-01")
    response = besluit(client, auth_headers, traject, soort="boete", datum="2026-06-01", bedrag="400.00")
    assert app.state.settings.boete_maximum["GM0171"] == 300
    assert [p["code"] for p in response.json()["invalidParams"]] == ["BEDRAG_TE_HOOG"]


def test_termijn_overschrijding_is_duos_to_enforce(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips)
    response = besluit(
        client,
        auth_headers,
        traject,
        soort="schriftelijke-waarschuwing",
        datum="2026-05-01",
        grond="inburgeringstermijn overschreden",
    )
    assert [p["code"] for p in response.json()["invalidParams"]] == ["GROND_IS_DUO"]


def test_reported_hours_reach_duo_as_a_running_total(client, auth_headers, pips, duo):
    from duo_testkit import BSN, feiten
    from traject_testkit import INBURGERAAR, dossiers, notificeer

    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten())
    duo.inburgeraars[BSN] = INBURGERAAR
    notificeer(client, "SS139")
    traject = open_traject(client, auth_headers, pips)
    assign(client, auth_headers, traject, "taalschool-noord")
    noord = auth_headers("taalaanbieder", client_id="taalschool-noord")
    for maand, uren in (("2026-09", 40), ("2026-10", 48)):
        pad = f"/v1/trajecten/{traject['uuid']}/voortgangsrapportages/{maand}"
        assert client.put(pad, json={**RAPPORT, "urenGevolgd": uren}, headers=noord).status_code == 201
    duo.sync.ronde()
    [dossier] = dossiers(client, auth_headers)
    assert [
        (o["soort"], o["inhoud"], o["status"]) for o in dossier["opdrachten"] if o["soort"] == "uren-taalles"
    ] == [
        ("uren-taalles", {"uren": 40}, "verzonden"),
        ("uren-taalles", {"uren": 88}, "verzonden"),
    ]
    assert duo.beheer.get(f"/simulator/personen/{BSN}").json()["uren"]
