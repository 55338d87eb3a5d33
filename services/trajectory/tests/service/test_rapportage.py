"""What reporting reads of trajectory: handhaving, examen, voortgang and afronding, each valid against its
contract (inburgering_shared.contracts.reporting_inputs), announced on the trajecten channel and listed."""

from duo_testkit import BSN, feiten
from inburgering_shared.contracts.reporting_inputs import RESOURCES
from test_voortgang_handhaving import RAPPORT, assign, besluit
from traject_testkit import INBURGERAAR, gepubliceerd, notificeer, open_traject

LIJSTEN = {
    "handhaving": "handhaving",
    "examen": "examens",
    "voortgang": "voortgang",
    "afronding": "afrondingen",
}


def pad(url):
    return "/v1" + url.split("/v1", 1)[1]


def service(auth_headers):
    return auth_headers("service", gemeente="*")


def events(app, resource):
    return [
        (e["actie"], e["resourceUrl"]) for e in gepubliceerd(app, "trajecten") if e["resource"] == resource
    ]


def gelezen(client, auth_headers, resource, url):
    """The resource at the URL its event names, read as reporting does and validated against its contract."""
    response = client.get(pad(url), headers=service(auth_headers))
    assert response.status_code == 200, response.text
    return RESOURCES[resource].model_validate(response.json()).model_dump(mode="json", exclude={"url"})


def lijst(client, auth_headers, resource):
    page = client.get(f"/v1/rapportage/{LIJSTEN[resource]}", headers=service(auth_headers)).json()
    assert page["count"] == len(page["results"])
    return [RESOURCES[resource].model_validate(item).model_dump(mode="json") for item in page["results"]]


def test_warnings_and_boetes_are_served_as_handhaving_in_whole_euros(client, auth_headers, pips, app):
    traject = open_traject(client, auth_headers, pips)
    for soort, datum, bedrag in (
        ("schriftelijke-waarschuwing", "2026-05-01", None),
        ("hoorzitting", "2026-05-20", None),
        ("boete", "2026-06-01", "250.50"),
    ):
        response = besluit(client, auth_headers, traject, soort=soort, datum=datum, bedrag=bedrag)
        assert response.status_code == 201, response.text
    aangekondigd = events(app, "handhaving")
    assert [actie for actie, _ in aangekondigd] == ["create", "create"]  # a hoorzitting is no decision
    assert [gelezen(client, auth_headers, "handhaving", url) for _, url in aangekondigd] == [
        {
            "inburgeraar": INBURGERAAR,
            "gemeentecode": "GM0171",
            "soort": "waarschuwing",
            "besluitdatum": "2026-05-01",
            "bedrag": None,
        },
        {
            "inburgeraar": INBURGERAAR,
            "gemeentecode": "GM0171",
            "soort": "boete",
            "besluitdatum": "2026-06-01",
            "bedrag": 251,
        },
    ]
    assert [item["url"] for item in lijst(client, auth_headers, "handhaving")] == [u for _, u in aangekondigd]
    elders = auth_headers("klantmanager", gemeente="GM0200")
    assert client.get(pad(aangekondigd[0][1]), headers=elders).status_code == 404
    assert client.get("/v1/rapportage/handhaving", headers=elders).json()["count"] == 0
    taalaanbieder = auth_headers("taalaanbieder", client_id="taalschool-noord")
    assert client.get("/v1/rapportage/handhaving", headers=taalaanbieder).status_code == 403


def test_monthly_reports_are_served_as_the_taalaanbieders_cumulative_voortgang(
    client, auth_headers, pips, app
):
    traject = open_traject(client, auth_headers, pips)
    assign(client, auth_headers, traject, "taalschool-noord")
    toegewezen = [
        e for e in gepubliceerd(app, "trajecten") if e["kenmerken"].get("wijziging") == "taalaanbieder"
    ]
    assert [(e["resource"], pad(e["resourceUrl"])) for e in toegewezen] == [
        ("traject", f"/v1/trajecten/{traject['uuid']}")
    ]
    noord = auth_headers("taalaanbieder", client_id="taalschool-noord")
    vier = [{"vaardigheid": v, "niveau": "A2"} for v in ("lezen", "luisteren", "schrijven")]
    for maand, uren, procent, vaardigheden in (
        ("2026-09", 40, 80, RAPPORT["vaardigheden"]),
        ("2026-10", 48, 96, [*vier, {"vaardigheid": "spreken", "niveau": "B1"}]),
    ):
        rapport = {
            **RAPPORT,
            "urenGevolgd": uren,
            "aanwezigheidProcent": procent,
            "vaardigheden": vaardigheden,
        }
        url = f"/v1/trajecten/{traject['uuid']}/voortgangsrapportages/{maand}"
        assert client.put(url, json=rapport, headers=noord).status_code == 201
    [(eerste, url), (tweede, zelfde)] = events(app, "voortgang")
    assert (eerste, tweede, zelfde) == ("create", "update", url)
    assert url.endswith(f"/v1/rapportage/voortgang/{traject['uuid']}/taalschool-noord")
    verwacht = {
        "inburgeraar": INBURGERAAR,
        "gemeentecode": "GM0171",
        "taalaanbieder": "taalschool-noord",
        "peildatum": "2026-10-31",
        "urenGepland": 100,  # 40 h at 80% and 48 h at 96%: 50 planned each month
        "urenAanwezig": 88,
        "niveauBehaald": "A2",  # the lowest of the four language skills in the latest month
    }
    assert gelezen(client, auth_headers, "voortgang", url) == verwacht
    assert lijst(client, auth_headers, "voortgang") == [{"url": url, **verwacht}]
    onbekend = f"/v1/rapportage/voortgang/{traject['uuid']}/taalschool-zuid"
    assert client.get(onbekend, headers=service(auth_headers)).status_code == 404


def test_duos_exam_results_are_served_as_examen_and_follow_duo(client, auth_headers, pips, app, duo):
    uitslagen = [
        {"examendatum": "2026-10-20", "resultaat": "Geslaagd", "onderdeel": "LE", "niveau": "B1"},
        {"examendatum": "2026-10-21", "resultaat": "Gezakt", "onderdeel": "SP", "niveau": "B1"},
        {
            "examendatum": "2026-10-22",
            "resultaat": "Geen",
            "redenGeenResultaat": "Absent",
            "onderdeel": "KNM",
        },
    ]
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten(examenresultaten=uitslagen))
    notificeer(client, "SS199")
    duo.sync.ronde()
    assert events(app, "examen") == []  # intake does not know the BSN yet: no inburgeraar to name
    duo.inburgeraars[BSN] = INBURGERAAR
    notificeer(client, "SS199")
    duo.sync.ronde()
    aangekondigd = events(app, "examen")
    assert [actie for actie, _ in aangekondigd] == ["create", "create"]  # `Geen` is no result
    basis = {"inburgeraar": INBURGERAAR, "gemeentecode": "GM0171", "taalaanbieder": None}
    assert sorted(
        (gelezen(client, auth_headers, "examen", url) for _, url in aangekondigd),
        key=lambda e: e["examendatum"],
    ) == [
        {**basis, "onderdeel": "Lezen", "examendatum": "2026-10-20", "resultaat": "behaald"},
        {**basis, "onderdeel": "Spreken", "examendatum": "2026-10-21", "resultaat": "niet behaald"},
    ]
    assert len(lijst(client, auth_headers, "examen")) == 2
    notificeer(client, "SS199")
    duo.sync.ronde()
    assert len(events(app, "examen")) == 2  # read again, nothing changed: nothing announced

    herzien = [{**uitslagen[1], "resultaat": "Geslaagd"}]  # DUO corrected one and no longer lists the other
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten(examenresultaten=herzien))
    notificeer(client, "SS199")
    duo.sync.ronde()
    nieuw = events(app, "examen")[2:]
    assert sorted(actie for actie, _ in nieuw) == ["destroy", "update"]
    [bijgewerkt] = [url for actie, url in nieuw if actie == "update"]
    assert gelezen(client, auth_headers, "examen", bijgewerkt)["resultaat"] == "behaald"
    [weg] = [url for actie, url in nieuw if actie == "destroy"]
    assert client.get(pad(weg), headers=service(auth_headers)).status_code == 404


def test_plicht_voldaan_from_duo_and_the_recorded_uitstroom_are_served_as_afronding(
    client, auth_headers, pips, app, duo
):
    traject = open_traject(client, auth_headers, pips)
    url = f"/v1/rapportage/afrondingen/{traject['uuid']}"
    leeg = {
        "inburgeraar": INBURGERAAR,
        "gemeentecode": "GM0171",
        "plichtVoldaanOp": None,
        "uitstroom": None,
        "uitstroomOp": None,
    }
    assert gelezen(client, auth_headers, "afronding", url) == leeg
    duo.inburgeraars[BSN] = INBURGERAAR
    voldaan = {
        "indicatorInburgeringsplicht": False,
        "begindatum": "2025-01-01",
        "einddatum": "2026-10-01",
        "redenGeenInburgeringsplicht": "Inburgeringsplicht voldaan",
    }
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten(inburgeringsplicht=voldaan))
    notificeer(client, "SS106")
    duo.sync.ronde()
    [(actie, aangekondigd)] = events(app, "afronding")
    assert (actie, pad(aangekondigd)) == ("update", url)
    assert gelezen(client, auth_headers, "afronding", url)["plichtVoldaanOp"] == "2026-10-01"

    uitstroom = f"/v1/trajecten/{traject['uuid']}/uitstroom"
    km = auth_headers("klantmanager")
    assert client.put(uitstroom, json={"soort": "werk", "datum": "2026-11-01"}, headers=km).status_code == 200
    assert len(events(app, "afronding")) == 2
    assert gelezen(client, auth_headers, "afronding", url) == {
        **leeg,
        "plichtVoldaanOp": "2026-10-01",
        "uitstroom": "werk",
        "uitstroomOp": "2026-11-01",
    }
    correctie = {"soort": "onderwijs", "datum": "2026-11-02"}
    assert client.put(uitstroom, json=correctie, headers=km).status_code == 428
    assert client.put(uitstroom, json=correctie, headers={**km, "If-Match": '"1"'}).status_code == 412
    etag = client.get(f"/v1/trajecten/{traject['uuid']}", headers=km).headers["ETag"]
    assert client.put(uitstroom, json=correctie, headers={**km, "If-Match": etag}).status_code == 200
    assert lijst(client, auth_headers, "afronding")[0]["uitstroom"] == "onderwijs"
    assert (
        client.put(uitstroom, json={"soort": "pensioen", "datum": "2026-11-02"}, headers=km).status_code
        == 400
    )
    teamleider = auth_headers("teamleider")
    assert client.put(uitstroom, json=correctie, headers=teamleider).status_code == 403


def test_plicht_voldaan_before_the_trajectory_opens_is_announced_when_it_opens(
    client, auth_headers, pips, app, duo
):
    duo.inburgeraars[BSN] = INBURGERAAR
    voldaan = {
        "indicatorInburgeringsplicht": False,
        "begindatum": "2025-01-01",
        "einddatum": "2026-10-01",
        "redenGeenInburgeringsplicht": "Inburgeringsplicht voldaan",
    }
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten(inburgeringsplicht=voldaan))
    notificeer(client, "SS106")
    duo.sync.ronde()
    assert events(app, "afronding") == []  # no trajectory yet: nothing to announce

    traject = open_traject(client, auth_headers, pips)
    url = f"/v1/rapportage/afrondingen/{traject['uuid']}"
    [(actie, aangekondigd)] = events(app, "afronding")
    assert (actie, pad(aangekondigd)) == ("update", url)
    assert gelezen(client, auth_headers, "afronding", url)["plichtVoldaanOp"] == "2026-10-01"
