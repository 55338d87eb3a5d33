"""The PIP over HTTP: draft from the brede intake, versions with diffs, R6/R7 refusals, 412, the letter."""

import io
import uuid

import pypdf
from inburgering_shared.voorbeeld_pip import ADRES
from pip_service.db import OUTBOX_TABLES
from sqlalchemy import select

from .conftest import concept_for, notificatie, receive, vaststellen, zet_briefhoofd

KM = "klantmanager"


def draft(client, auth_headers, intake, brp="2026-10-01", **intake_fields):
    pip = concept_for(client, auth_headers, intake, brp=brp)
    brede = intake.add_brede_intake(pip["inburgeraar"], **intake_fields)
    response = receive(client, auth_headers, brede, kanaal="brede-intakes", actie="update", status="afgerond")
    assert response.status_code == 204, response.text
    return client.get(f"/v1/pips/{pip['uuid']}", headers=auth_headers(KM)).json()


def edit(client, auth_headers, pip_uuid, path, body, etag=None, method="post"):
    km = auth_headers(KM)
    etag = etag or client.get(f"/v1/pips/{pip_uuid}", headers=km).headers["ETag"]
    return client.request(method, f"/v1/pips/{pip_uuid}{path}", json=body, headers={**km, "If-Match": etag})


def codes(response):
    return [p["code"] for p in response.json()["invalidParams"]]


WONEN = {
    "leefgebied": "wonen",
    "zelfredzaamheid": 2,
    "observaties": "Woont tijdelijk bij familie.",
    "behoeften": "Een eigen woning vinden en de huur kunnen betalen.",
}
WERK = {"leefgebied": "werk/opleiding", "zelfredzaamheid": 4}


def test_completed_brede_intake_gives_a_draft_with_advice_components_and_goals(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake, leefgebieden=[WONEN, WERK])
    assert pip["advies"]["leerroute"] == "Onderwijsroute"
    redenen = {r["code"]: r for r in pip["advies"]["redenen"]}
    assert {"LBT_HAALBAAR", "LEEFTIJD_ONDER_GRENS", "WENS_VERVOLGONDERWIJS"} <= redenen.keys()
    assert redenen["LEEFTIJD_ONDER_GRENS"]["bron"] == (
        "Wet inburgering 2021 art. 15 (leerroute naar de mogelijkheden van de inburgeraar); "
        "gemeentelijk beleid: instelling onderwijsrouteMaxLeeftijd = 28"
    )
    assert pip["leerroute"] == "Onderwijsroute" and pip["status"] == "concept"
    onderdelen = {o["component"]: o for o in pip["inhoud"]["onderdelen"]}
    assert onderdelen["MAP"]["aangeboden"] is False  # not with the Onderwijsroute (R11)
    assert onderdelen["financieel ontzorgen"] == {
        **onderdelen["financieel ontzorgen"],
        "aangeboden": True,
        "start": "2026-11-02",
        "verwachtEinde": "2027-05-02",
    }
    assert onderdelen["PVT"]["verwachtEinde"] == "2029-11-02"
    # what trajectory reads (PipContract): the offered components with their planning
    assert {o["component"] for o in pip["onderdelen"]} == {
        o["component"] for o in pip["inhoud"]["onderdelen"] if o["aangeboden"]
    }
    assert [d["leefgebied"] for d in pip["inhoud"]["doelen"]] == ["wonen"]
    assert pip["inhoud"]["doelen"][0]["omschrijving"] == WONEN["behoeften"]


def test_the_gemeentes_age_setting_changes_the_advice(client, auth_headers, intake):
    beheer = auth_headers("beheer")
    current = client.get("/v1/instellingen/GM0171", headers=beheer)
    assert current.json()["standaard"] is True and current.json()["onderwijsrouteMaxLeeftijd"] == 28
    body = {"onderwijsrouteMaxLeeftijd": 22, "maxRoutewijzigingen": 1}
    assert client.put("/v1/instellingen/GM0171", json=body, headers=beheer).status_code == 428
    put = client.put(
        "/v1/instellingen/GM0171", json=body, headers={**beheer, "If-Match": current.headers["ETag"]}
    )
    assert put.status_code == 200, put.text
    pip = draft(client, auth_headers, intake)
    assert pip["advies"]["leerroute"] == "B1-route"
    assert "LEEFTIJD_BOVEN_GRENS" in [r["code"] for r in pip["advies"]["redenen"]]


def test_deviating_from_the_advice_needs_a_motivering(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake)
    body = {"leerroute": "B1-route", "dagtekening": "2026-11-02"}
    refused = vaststellen(client, auth_headers, pip["uuid"], body)
    assert refused.status_code == 422
    assert codes(refused) == ["MOTIVERING_ONTBREEKT"]
    body["motivering"] = "Wil eerst werken; studie later."
    # the B1-route brings KNM and the MAP, which the Onderwijsroute draft did not offer
    refused = vaststellen(client, auth_headers, pip["uuid"], body)
    assert codes(refused) == ["ONDERDEEL_ONTBREEKT", "ONDERDEEL_ONTBREEKT"]
    redenen = " ".join(p["reason"] for p in refused.json()["invalidParams"])
    assert "'KNM'" in redenen and "'MAP'" in redenen and "Wet inburgering 2021 art. 15" in redenen
    onderdelen = [
        {**o, "aangeboden": True, "start": "2026-11-03"} if o["component"] in ("KNM", "MAP") else o
        for o in pip["inhoud"]["onderdelen"]
    ]
    assert (
        edit(client, auth_headers, pip["uuid"], "", {"onderdelen": onderdelen}, method="patch").status_code
        == 200
    )
    assert vaststellen(client, auth_headers, pip["uuid"], body).status_code == 200


def test_a_change_creates_version_2_with_reason_and_diff(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake)
    assert vaststellen(client, auth_headers, pip["uuid"], {"dagtekening": "2026-11-02"}).status_code == 200
    change = {
        "reden": "Werk gevonden",
        "dagtekening": "2026-11-16",
        "participatie": [{"soort": "werk", "omschrijving": "Magazijn", "urenPerWeek": 16}],
    }
    response = edit(client, auth_headers, pip["uuid"], "/wijzigingen", change)
    assert response.status_code == 200, response.text
    assert response.json()["versie"] == 2 and response.json()["dagtekeningEerstePip"] == "2026-11-02"
    versies = client.get(f"/v1/pips/{pip['uuid']}/versies", headers=auth_headers(KM)).json()
    assert [(v["versie"], v["reden"]) for v in versies] == [(1, "Eerste vaststelling"), (2, "Werk gevonden")]
    verschil = {d["pad"]: d for d in versies[1]["verschil"]}
    assert verschil["/dagtekening"] == {"pad": "/dagtekening", "oud": "2026-11-02", "nieuw": "2026-11-16"}
    assert verschil["/participatie/0/urenPerWeek"]["nieuw"] == 16
    assert "/leerroute" not in verschil


def test_a_change_before_the_current_dagtekening_is_refused_by_r6(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake)
    vaststellen(client, auth_headers, pip["uuid"], {"dagtekening": "2026-11-10"})
    response = edit(
        client, auth_headers, pip["uuid"], "/wijzigingen", {"reden": "x", "dagtekening": "2026-11-05"}
    )
    assert response.status_code == 422
    assert "DAGTEKENING_VOOR_ACTUELE_PIP" in codes(response)


def acties(app, pip_uuid):
    with app.state.session_factory() as session:
        payloads = session.scalars(select(OUTBOX_TABLES[0].c.payload)).all()
    return [(p["actie"], p["kenmerken"]["versie"]) for p in payloads if p["resourceUrl"].endswith(pip_uuid)]


def test_a_new_concept_and_each_move_of_its_deadline_are_announced(app, client, auth_headers, intake):
    """Reporting keeps a concept's deadline and the scheduler rechecks its signals on these events."""
    km = auth_headers(KM)
    pip = concept_for(client, auth_headers, intake, brp="2026-09-01")
    assert acties(app, pip["uuid"]) == [("create", "1")]
    herhaald = receive(client, auth_headers, pip["inburgeraar"], kanaal="inburgeraars", actie="update")
    assert herhaald.status_code == 204  # the same facts again: the deadline stays, nothing announced
    assert acties(app, pip["uuid"]) == [("create", "1")]
    etag = client.get(f"/v1/pips/{pip['uuid']}", headers=km).headers["ETag"]
    verlengd = client.post(
        f"/v1/pips/{pip['uuid']}/termijn/verlenging",
        json={"informatieOntvangen": "2026-11-20", "reden": "Wachten op medisch advies"},
        headers={**km, "If-Match": etag},
    )
    assert verlengd.status_code == 200, verlengd.text
    assert acties(app, pip["uuid"]) == [("create", "1"), ("update", "1")]


def test_route_change_once_then_refused_beyond_the_limit(app, client, auth_headers, intake):
    pip = draft(client, auth_headers, intake, wilVervolgonderwijs=False)
    assert (
        vaststellen(client, auth_headers, pip["uuid"], {"dagtekening": "2026-11-02"}).json()["leerroute"]
        == "B1-route"
    )
    first = edit(
        client,
        auth_headers,
        pip["uuid"],
        "/wijzigingen",
        {"reden": "Taal gaat te snel", "dagtekening": "2026-11-09", "leerroute": "Z-route"},
    )
    assert first.status_code == 200, first.text
    assert first.json()["niveau"] is None and first.json()["routewijzigingen"] == 1
    second = edit(
        client,
        auth_headers,
        pip["uuid"],
        "/wijzigingen",
        {"reden": "Toch B1", "dagtekening": "2026-11-16", "leerroute": "B1-route"},
    )
    assert second.status_code == 422
    assert second.headers["content-type"] == "application/problem+json"
    assert codes(second) == ["MAXIMUM_WIJZIGINGEN"]
    assert "(R7)" in second.json()["invalidParams"][0]["reason"]
    current = client.get(f"/v1/pips/{pip['uuid']}", headers=auth_headers(KM)).json()
    assert (current["versie"], current["leerroute"]) == (2, "Z-route")
    assert acties(app, pip["uuid"]) == [
        ("create", "1"),
        ("pip-vastgesteld", "1"),
        ("pip-gewijzigd", "2"),
        ("leerroute-gewijzigd", "2"),
    ]


def test_concurrent_change_is_refused_with_412(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake)
    vaststellen(client, auth_headers, pip["uuid"], {"dagtekening": "2026-11-02"})
    stale = client.get(f"/v1/pips/{pip['uuid']}", headers=auth_headers(KM)).headers["ETag"]
    doel = {"leefgebied": "mobiliteit", "omschrijving": "U fietst zelf naar de taalschool."}
    change = {"reden": "Doel erbij", "dagtekening": "2026-11-03", "doelen": [*pip["inhoud"]["doelen"], doel]}
    assert edit(client, auth_headers, pip["uuid"], "/wijzigingen", change, stale).status_code == 200
    late = edit(client, auth_headers, pip["uuid"], "/wijzigingen", change, stale)
    assert late.status_code == 412
    assert late.headers["content-type"] == "application/problem+json"


def test_a2_with_the_onderwijsroute_is_refused_naming_r6(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake)
    response = vaststellen(client, auth_headers, pip["uuid"], {"niveau": "A2", "dagtekening": "2026-11-02"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    [param] = response.json()["invalidParams"]
    assert param["code"] == "NIVEAU_A2_ONDERWIJSROUTE" and "(R6)" in param["reason"]


def test_the_letter_renders_to_pdf_with_route_dates_and_objection_clause(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake, wilVervolgonderwijs=False)
    vaststellen(client, auth_headers, pip["uuid"], {"dagtekening": "2026-11-02"})
    url = f"/v1/pips/{pip['uuid']}/versies/1/beschikking"
    response = client.get(url, headers={**auth_headers(KM), "Accept": "application/pdf"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "U volgt de B1-route op taalniveau B1" in text
    assert "Datum: 2 november 2026" in text
    assert "begint op 3 november 2026 en loopt tot en met 2 november 2029" in text
    assert "bezwaar maken" in text and "binnen zes weken" in text and "uiterlijk op 14 december 2026" in text
    # the person as intake registers them, the gemeente from its settings, the klantmanager of the PIP
    assert "Amal Haddad Kampwal 12 8301 AB Emmeloord" in text
    assert (
        "Het college van burgemeester en wethouders van Noordoostpolder Postbus 100 8300 AD Emmeloord" in text
    )
    assert f"Ons kenmerk: PIP-{pip['uuid']}-1" in text and "S. Bakker" in text and "namens deze" in text
    html = client.get(url, headers=auth_headers(KM))
    assert html.headers["content-type"].startswith("text/html") and "B1-route" in html.text
    assert (
        client.get(f"/v1/pips/{pip['uuid']}/versies/2/beschikking", headers=auth_headers(KM)).status_code
        == 404
    )


def test_vaststellen_is_refused_while_the_pip_lacks_what_a_beschikking_needs(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake, verblijfsadres=None)
    km = auth_headers(KM)
    body = {"leerroute": "B1-route", "dagtekening": "2026-11-02"}
    etag = client.get(f"/v1/pips/{pip['uuid']}", headers=km).headers["ETag"]
    refused = vaststellen(client, auth_headers, pip["uuid"], body, etag)
    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    gevonden = codes(refused)
    assert gevonden.count("ONDERDEEL_ONTBREEKT") == 6  # B1-route, asielstatushouder: the six always owed
    assert {"DOEL_ONTBREEKT", "KLANTMANAGER_ONTBREEKT", "BRIEFHOOFD_ONTBREEKT", "ADRES_ONBEKEND"} <= set(
        gevonden
    )
    assert client.get(f"/v1/pips/{pip['uuid']}", headers=km).json()["status"] == "concept"
    # completed, with the address registered at intake, it is vastgesteld
    intake.dossiers[pip["inburgeraar"]]["verblijfsadres"] = ADRES
    assert vaststellen(client, auth_headers, pip["uuid"], body).status_code == 200
    # a later version may not drop what the beschikking needs either
    wijziging = {"reden": "Geen doelen meer", "dagtekening": "2026-11-03", "doelen": []}
    response = edit(client, auth_headers, pip["uuid"], "/wijzigingen", wijziging)
    assert response.status_code == 422 and codes(response) == ["DOEL_ONTBREEKT"]


def test_the_letter_takes_the_gemeentes_letterhead_from_its_settings(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake)
    vaststellen(client, auth_headers, pip["uuid"], {"dagtekening": "2026-11-02"})
    zet_briefhoofd(client, auth_headers, gemeentenaam="Urk")
    letter = client.get(f"/v1/pips/{pip['uuid']}/versies/1/beschikking", headers=auth_headers(KM))
    assert "het college van burgemeester en wethouders van Urk" in " ".join(letter.text.split())


def test_deadline_extension_after_third_party_information(client, auth_headers, intake):
    pip = concept_for(client, auth_headers, intake, brp="2026-09-01")
    assert pip["deadline"] == "2026-11-10"
    body = {"informatieOntvangen": "2026-11-05", "reden": "Wachten op medisch advies"}
    response = edit(client, auth_headers, pip["uuid"], "/termijn/verlenging", body)
    assert response.status_code == 200, response.text
    termijn = response.json()["termijn"]
    assert (termijn["vervaldatum"], termijn["oorspronkelijkeVervaldatum"]) == ("2026-11-19", "2026-11-10")
    too_early = edit(
        client,
        auth_headers,
        pip["uuid"],
        "/termijn/verlenging",
        {**body, "informatieOntvangen": "2026-10-20"},
    )
    assert too_early.status_code == 422 and codes(too_early) == ["R3"]
    done = vaststellen(
        client, auth_headers, pip["uuid"], {"leerroute": "Z-route", "dagtekening": "2026-11-20"}
    )
    assert done.json()["termijn"]["tijdig"] is False


def test_catalogue_search_and_the_week_programme(client, auth_headers, intake):
    partner = auth_headers("vluchtelingenwerk")
    activiteit = {
        "aanbieder": "Bibliotheek",
        "titel": "Taalcafe",
        "stap": "taal en digitale vaardigheden oefenen",
        "leefgebieden": ["sociale participatie"],
        "taalniveau": "A1",
        "plaats": "Emmeloord",
        "rooster": "dinsdag 10.00-12.00",
        "capaciteit": 12,
    }
    created = client.post("/v1/activiteiten?gemeentecode=GM0171", json=activiteit, headers=partner)
    assert created.status_code == 201, created.text
    other = {**activiteit, "titel": "Digisterker", "taalniveau": "B1", "leefgebieden": ["werk/opleiding"]}
    client.post("/v1/activiteiten?gemeentecode=GM0171", json=other, headers=partner)
    km = auth_headers(KM)

    def titels(query):
        return [a["titel"] for a in client.get(f"/v1/activiteiten?{query}", headers=km).json()["results"]]

    assert titels("leefgebied=sociale participatie") == ["Taalcafe"]
    assert titels("taalniveau=A2") == ["Taalcafe"]
    assert titels("zoekterm=digi") == ["Digisterker"]
    assert (
        client.post("/v1/activiteiten?gemeentecode=GM0363", json=activiteit, headers=partner).status_code
        == 403
    )
    pip = draft(client, auth_headers, intake)
    keuze = {"weekprogramma": [{"activiteit": created.json()["uuid"], "urenPerWeek": 2}]}
    response = edit(client, auth_headers, pip["uuid"], "", keuze, method="patch")
    assert response.status_code == 200, response.text
    assert response.json()["inhoud"]["weekprogramma"][0]["rooster"] == "dinsdag 10.00-12.00"
    unknown = {"weekprogramma": [{"activiteit": str(uuid.uuid4()), "urenPerWeek": 2}]}
    refused = edit(client, auth_headers, pip["uuid"], "", unknown, method="patch")
    assert (
        refused.status_code == 400
        and refused.json()["invalidParams"][0]["name"] == "weekprogramma.0.activiteit"
    )


def test_bezwaar_on_time_and_its_outcome(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake)
    vaststellen(client, auth_headers, pip["uuid"], {"dagtekening": "2026-10-02"})
    url = f"/v1/pips/{pip['uuid']}/bezwaren"
    km = auth_headers(KM)
    on_time = client.post(url, json={"ontvangen": "2026-11-13", "gronden": "Ik wil de B1-route."}, headers=km)
    late = client.post(url, json={"ontvangen": "2026-11-14", "gronden": "Te laat."}, headers=km)
    assert (on_time.json()["tijdig"], late.json()["tijdig"]) == (True, False)
    te_vroeg = {"uitkomst": "ongegrond", "besloten": "2026-11-12"}  # before the bezwaar came in
    refused = client.post(f"{url}/{on_time.json()['uuid']}/beslissing", json=te_vroeg, headers=km)
    assert refused.status_code == 422, refused.text
    assert [p["code"] for p in refused.json()["invalidParams"]] == ["voor_ontvangst"]
    beslissing = {"uitkomst": "ongegrond", "besloten": "2026-11-20"}
    decided = client.post(f"{url}/{on_time.json()['uuid']}/beslissing", json=beslissing, headers=km)
    assert decided.status_code == 200 and decided.json()["uitkomst"] == "ongegrond"
    assert (
        client.post(f"{url}/{on_time.json()['uuid']}/beslissing", json=beslissing, headers=km).status_code
        == 409
    )
    assert len(client.get(url, headers=km).json()) == 2


def test_an_activity_takes_no_more_pips_than_its_capaciteit(client, auth_headers, intake):
    partner = auth_headers("taalaanbieder", gemeente="GM0171")
    activiteit = {
        "aanbieder": "Bibliotheek Noordoostpolder",
        "titel": "Taalcafe",
        "stap": "taal en digitale vaardigheden oefenen",
        "leefgebieden": ["sociale participatie"],
        "plaats": "Emmeloord",
        "rooster": "dinsdag 10.00-12.00",
        "capaciteit": 1,
    }
    created = client.post("/v1/activiteiten?gemeentecode=GM0171", json=activiteit, headers=partner).json()
    keuze = {"weekprogramma": [{"activiteit": created["uuid"], "urenPerWeek": 2}]}
    eerste = draft(client, auth_headers, intake)
    assert edit(client, auth_headers, eerste["uuid"], "", keuze, method="patch").status_code == 200
    # the same PIP keeps its place when it is edited again
    assert edit(client, auth_headers, eerste["uuid"], "", keuze, method="patch").status_code == 200
    assert client.get(created["url"], headers=auth_headers(KM)).json()["plaatsenBezet"] == 1

    tweede = draft(client, auth_headers, intake)
    vol = edit(client, auth_headers, tweede["uuid"], "", keuze, method="patch")
    assert vol.status_code == 409 and vol.headers["content-type"] == "application/problem+json"
    assert codes(vol) == ["activiteit-vol"]
    assert (
        client.get(f"/v1/pips/{tweede['uuid']}", headers=auth_headers(KM)).json()["inhoud"]["weekprogramma"]
        == []
    )

    # the first PIP gives its place up; now the second one gets it
    leeg = edit(client, auth_headers, eerste["uuid"], "", {"weekprogramma": []}, method="patch")
    assert leeg.status_code == 200
    assert edit(client, auth_headers, tweede["uuid"], "", keuze, method="patch").status_code == 200
    listed = client.get("/v1/activiteiten?zoekterm=taalcafe", headers=auth_headers(KM)).json()["results"]
    assert [a["plaatsenBezet"] for a in listed] == [1]


def voortgang(client, auth_headers, intake, pip, taalaanbieder, uren):
    """Trajectory's cumulative report of a taalaanbieder (VoortgangContract), announced on trajecten."""
    url = f"http://trajectory.test/v1/rapportage/voortgang/{uuid.uuid4()}/{taalaanbieder}"
    intake.dossiers[url] = {
        "url": url,
        "inburgeraar": pip["inburgeraar"],
        "gemeentecode": "GM0171",
        "taalaanbieder": taalaanbieder,
        "peildatum": "2027-03-31",
        "urenGepland": uren,
        "urenAanwezig": uren,
        "niveauBehaald": "A2",
    }
    event = {
        **notificatie(url, str(uuid.uuid4()), actie="update", kanaal="trajecten"),
        "resource": "voortgang",
    }
    response = client.post("/v1/callbacks", json=event, headers=auth_headers("service", gemeente="*"))
    assert response.status_code == 204, response.text


def test_afschalen_to_a2_waits_for_600_hours_and_demonstrable_effort_and_the_letter_names_it(
    client, auth_headers, intake
):
    """Wet inburgering 2021 art. 17(3); Besluit inburgering 2021 art. 5.5 (R8)."""
    pip = draft(client, auth_headers, intake, wilVervolgonderwijs=False)
    assert vaststellen(client, auth_headers, pip["uuid"], {"dagtekening": "2026-11-02"}).status_code == 200
    afschalen = {"dagtekening": "2027-04-01", "reden": "Spreken blijft achter", "niveau": "A2"}
    voortgang(client, auth_headers, intake, pip, "taalschool-noord", 350)
    voortgang(client, auth_headers, intake, pip, "taalschool-zuid", 200)

    geweigerd = edit(client, auth_headers, pip["uuid"], "/wijzigingen", afschalen)
    assert geweigerd.status_code == 422, geweigerd.text
    assert codes(geweigerd) == ["TE_WEINIG_UREN", "GEEN_INSPANNING"]
    assert "550 uur taalles" in geweigerd.json()["invalidParams"][0]["reason"]
    assert "Besluit inburgering 2021 art. 5.5" in geweigerd.json()["invalidParams"][0]["reason"]

    voortgang(client, auth_headers, intake, pip, "taalschool-noord", 400)  # cumulative: replaces 350
    inspanning = "Alle lessen gevolgd en twee keer examen spreken gedaan."
    assert codes(edit(client, auth_headers, pip["uuid"], "/wijzigingen", afschalen)) == ["GEEN_INSPANNING"]
    gewijzigd = edit(
        client, auth_headers, pip["uuid"], "/wijzigingen", {**afschalen, "aantoonbareInspanning": inspanning}
    )
    assert gewijzigd.status_code == 200, gewijzigd.text
    assert gewijzigd.json()["niveau"] == "A2"
    letter = client.get(f"/v1/pips/{pip['uuid']}/versies/2/beschikking", headers=auth_headers(KM))
    tekst = " ".join(letter.text.split())
    assert "op taalniveau <b>A2</b>" in tekst
    assert (
        f"Afgeschaald naar A2 binnen de B1-route na 600 uur taalles en aantoonbare inspanning: {inspanning}"
        in tekst
    )
    assert "Besluit inburgering 2021 art. 5.5" in tekst


def test_advice_without_a_leerbaarheidstoets_is_provisional_naming_what_is_missing(
    client, auth_headers, intake
):
    niet_afgenomen = {
        "resultaat": "Onbekend",
        "vrijstelling": {"beperking": "visueel", "reden": "Slechtziend, toets niet aangepast beschikbaar"},
    }
    pip = draft(client, auth_headers, intake, leerbaarheidstoets=niet_afgenomen)
    advies = pip["advies"]
    assert advies["voorlopig"] is True
    assert advies["ontbreekt"] == [
        "uitslag van de leerbaarheidstoets: niet afgenomen (Slechtziend, toets niet aangepast beschikbaar)"
    ]
    vast = draft(client, auth_headers, intake)
    assert (vast["advies"]["voorlopig"], vast["advies"]["ontbreekt"]) == (False, [])


def test_a_toets_not_taken_for_another_reason_makes_the_advice_and_the_letter_provisional(
    client, auth_headers, intake
):
    niet_afgenomen = {
        "resultaat": "Onbekend",
        "nietAfgenomen": {"reden": "niet verschenen", "toelichting": "Twee keer niet gekomen"},
    }
    pip = draft(client, auth_headers, intake, leerbaarheidstoets=niet_afgenomen)
    ontbreekt = "uitslag van de leerbaarheidstoets: niet afgenomen (niet verschenen: Twee keer niet gekomen)"
    assert (pip["advies"]["voorlopig"], pip["advies"]["ontbreekt"]) == (True, [ontbreekt])
    vaststellen(client, auth_headers, pip["uuid"], {"dagtekening": "2026-11-02"})
    letter = client.get(f"/v1/pips/{pip['uuid']}/versies/1/beschikking", headers=auth_headers(KM))
    tekst = " ".join(letter.text.split())
    assert "Ons advies over de leerroute was daarom voorlopig. Wat ontbrak: " + ontbreekt in tekst
    assert "Ook heeft u de leerbaarheidstoets gedaan" not in tekst
    afgenomen = draft(client, auth_headers, intake)
    vaststellen(client, auth_headers, afgenomen["uuid"], {"dagtekening": "2026-11-02"})
    brief = client.get(f"/v1/pips/{afgenomen['uuid']}/versies/1/beschikking", headers=auth_headers(KM))
    assert "Ook heeft u de leerbaarheidstoets gedaan" in " ".join(brief.text.split())
