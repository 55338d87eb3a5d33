import uuid

from intake_testkit import bsn_reeks, persoon, registreer


def test_register_returns_existing_dossier_for_same_bsn(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    first = registreer(client, km, bsn)
    assert first.status_code == 201, first.text
    again = registreer(client, km, bsn)
    assert again.status_code == 200
    assert again.json()["uuid"] == first.json()["uuid"]
    assert first.headers["API-Version"] == "1.0.0"
    assert first.headers["ETag"] == '"1"'


def test_invalid_bsn_is_400_problem_naming_the_field_without_echoing_it(client, auth_headers):
    response = registreer(client, auth_headers("klantmanager"), "123456789")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert [p["name"] for p in problem["invalidParams"]] == ["bsn"]
    assert "123456789" not in response.text


def test_other_gemeente_cannot_read_or_register(client, auth_headers, bsn):
    created = registreer(client, auth_headers("klantmanager"), bsn).json()
    foreign = auth_headers("klantmanager", gemeente="GM0363")
    assert client.get(f"/v1/inburgeraars/{created['uuid']}", headers=foreign).status_code == 404
    assert registreer(client, foreign, bsn, gemeente="GM0171").status_code == 403
    listed = client.get("/v1/inburgeraars", headers=foreign).json()
    assert listed["count"] == 0


def test_patch_requires_if_match_and_refuses_stale_version(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    created = registreer(client, km, bsn)
    url = f"/v1/inburgeraars/{created.json()['uuid']}"
    body = {"datumInschrijvingBrp": "2026-10-01"}
    assert client.patch(url, json=body, headers=km).status_code == 428
    ok = client.patch(url, json=body, headers={**km, "If-Match": created.headers["ETag"]})
    assert ok.status_code == 200, ok.text
    assert ok.json()["datumInschrijvingBrp"] == "2026-10-01"
    stale = client.patch(url, json=body, headers={**km, "If-Match": created.headers["ETag"]})
    assert stale.status_code == 412


def test_bsn_search_goes_through_the_body(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    registreer(client, km, bsn)
    found = client.post("/v1/inburgeraars/zoeken", json={"bsn": bsn}, headers=km)
    assert found.status_code == 200
    assert len(found.json()) == 1


def test_unauthenticated_is_401_problem(client):
    response = client.get("/v1/inburgeraars")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


def test_registration_writes_an_event_to_the_outbox(app, client, auth_headers, bsn):
    from intake_service.db import OUTBOX_TABLES
    from sqlalchemy import select

    registreer(client, auth_headers("klantmanager"), bsn)
    with app.state.session_factory() as session:
        payloads = session.scalars(select(OUTBOX_TABLES[0].c.payload)).all()
    assert [p["kanaal"] for p in payloads] == ["inburgeraars"]
    assert payloads[0]["actie"] == "create"


def test_register_holds_languages_interpreter_and_duo_plicht(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    body = {
        **persoon(bsn),
        "gemeentecode": "GM0171",
        "talen": ["Arabisch", "Koerdisch"],
        "tolkNodig": True,
        "tolkTaal": "Arabisch",
        "inburgeringsplicht": {"indicatorInburgeringsplicht": True, "begindatum": "2026-08-01"},
        "datumKennisgeving": "2026-08-15",
        "datumHuisvestingVerwacht": "2026-11-01",
    }
    created = client.post("/v1/inburgeraars", json=body, headers=km)
    assert created.status_code == 201, created.text
    dossier = created.json()
    assert dossier["talen"] == ["Arabisch", "Koerdisch"] and dossier["tolkNodig"] is True
    assert dossier["inburgeringsplicht"] == {
        "indicatorInburgeringsplicht": True,
        "begindatum": "2026-08-01",
        "einddatum": None,
        "redenGeenInburgeringsplicht": None,
    }
    changes = {
        "datumHuisvesting": "2026-11-03",
        "ontheffing": "Gehele ontheffing, oordeel Toekenning, 2026-12-01",
        "inburgeringsplicht": {
            "indicatorInburgeringsplicht": False,
            "begindatum": "2026-08-01",
            "einddatum": "2026-12-01",
            "redenGeenInburgeringsplicht": "Volledige ontheffing",
        },
    }
    url = f"/v1/inburgeraars/{dossier['uuid']}"
    patched = client.patch(url, json=changes, headers={**km, "If-Match": created.headers["ETag"]})
    assert patched.status_code == 200, patched.text
    shown = client.get(url, headers=km).json()
    assert shown["datumHuisvesting"] == "2026-11-03" and shown["talen"] == ["Arabisch", "Koerdisch"]
    assert shown["inburgeringsplicht"]["redenGeenInburgeringsplicht"] == "Volledige ontheffing"
    assert shown["ontheffing"].startswith("Gehele ontheffing")
    bad = client.patch(url, json={"inburgeringsplicht": {"redenGeenInburgeringsplicht": "Geen zin"}},
                       headers={**km, "If-Match": patched.headers["ETag"]})  # fmt: skip
    assert bad.status_code == 400


def test_list_filters_by_dates_doelgroep_klantmanager_and_intake_status(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    first, second = bsn, next(bsn_reeks(bsn, 1))
    for nummer, koppeling, doelgroep in (
        (first, "2026-03-01", "Asielstatushouder"),
        (second, "2026-06-01", "Overig"),
    ):
        body = {**persoon(nummer), "gemeentecode": "GM0171", "datumKoppeling": koppeling}
        body.update(doelgroep=doelgroep, klantmanager="km-noord")
        assert client.post("/v1/inburgeraars", json=body, headers=km).status_code == 201
    lijst = client.get(
        "/v1/inburgeraars?datumKoppelingVanaf=2026-05-01&datumKoppelingTot=2026-06-01", headers=km
    )
    assert [i["datumKoppeling"] for i in lijst.json()["results"]] == ["2026-06-01"]
    assert (
        client.get("/v1/inburgeraars?doelgroep=Overig&klantmanager=km-noord", headers=km).json()["count"] == 1
    )
    assert client.get("/v1/inburgeraars?klantmanager=km-zuid", headers=km).json()["count"] == 0
    first_uuid = client.post("/v1/inburgeraars/zoeken", json={"bsn": first}, headers=km).json()[0]["uuid"]
    client.post("/v1/brede-intakes", json={"inburgeraar": first_uuid}, headers=km)
    concept = client.get("/v1/inburgeraars?intakeStatus=concept", headers=km).json()
    assert [i["uuid"] for i in concept["results"]] == [first_uuid]
    zonder = client.get("/v1/inburgeraars?intakeStatus=geen", headers=km).json()
    assert first_uuid not in [i["uuid"] for i in zonder["results"]] and zonder["count"] == 1
    assert client.get("/v1/inburgeraars?datumKoppelingVanaf=morgen", headers=km).status_code == 400


def test_trajectorys_duo_sync_may_move_a_dossier_as_a_service(client, auth_headers, bsn):
    dossier = registreer(client, auth_headers("klantmanager", gemeente="GM0171"), bsn).json()
    verhuizing = {
        "bsn": bsn,
        "naarGemeente": "GM0363",
        "datumVestiging": "2026-10-01",
        "gebeurtenis": "SS120",
    }
    assert client.post("/v1/verhuizingen", json=verhuizing, headers=auth_headers("coa")).status_code == 403
    moved = client.post("/v1/verhuizingen", json=verhuizing, headers=auth_headers("service", gemeente="*"))
    assert moved.status_code == 200, moved.text
    assert (moved.json()["inburgeraar"], moved.json()["status"]) == (dossier["url"], "uitgevoerd")
    assert moved.json()["naarGemeente"] == "GM0363"


def test_list_answers_many_dossiers_by_uuid_at_once(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    ids = []
    for nummer in bsn_reeks(bsn, 3):
        body = {**persoon(nummer), "gemeentecode": "GM0171", "klantmanager": f"km-{nummer[-2:]}"}
        ids.append(client.post("/v1/inburgeraars", json=body, headers=km).json()["uuid"])
    other = client.post("/v1/inburgeraars", json={**persoon(bsn), "gemeentecode": "GM0363"},
                        headers=auth_headers("klantmanager", gemeente="GM0363")).json()["uuid"]  # fmt: skip
    query = "&".join(f"uuid={i}" for i in [ids[0], ids[2], other, str(uuid.uuid4())])
    page = client.get(f"/v1/inburgeraars?{query}", headers=km).json()
    assert page["count"] == 2  # not another gemeente's, not an unknown one
    assert sorted(i["uuid"] for i in page["results"]) == sorted([ids[0], ids[2]])
    too_many = "&".join(f"uuid={uuid.uuid4()}" for _ in range(101))
    assert client.get(f"/v1/inburgeraars?{too_many}", headers=km).status_code == 400
    assert client.get("/v1/inburgeraars?uuid=geen-uuid", headers=km).status_code == 400


def test_move_hands_the_dossier_over_with_its_history(client, auth_headers, bsn):
    oud = auth_headers("klantmanager", gemeente="GM0171")
    nieuw = auth_headers("klantmanager", gemeente="GM0363")
    dossier = registreer(client, oud, bsn).json()
    intake = client.post("/v1/brede-intakes", json={"inburgeraar": dossier["uuid"]}, headers=oud).json()
    verhuizing = {
        "bsn": bsn,
        "naarGemeente": "GM0363",
        "datumVestiging": "2026-10-01",
        "gebeurtenis": "SS121",
    }
    moved = client.post("/v1/verhuizingen", json=verhuizing, headers=nieuw)
    assert moved.status_code == 200, moved.text
    assert moved.json()["inburgeraar"] == dossier["url"] and moved.json()["status"] == "uitgevoerd"
    shown = client.get(f"/v1/inburgeraars/{dossier['uuid']}", headers=nieuw).json()
    assert (shown["gemeentecode"], shown["klantmanager"]) == ("GM0363", None)
    assert shown["verhuizingen"] == [
        {
            "vanGemeente": "GM0171",
            "naarGemeente": "GM0363",
            "datumVestiging": "2026-10-01",
            "gebeurtenis": "SS121",
        }
    ]
    assert client.get(f"/v1/brede-intakes/{intake['uuid']}", headers=nieuw).status_code == 200
    assert client.get(f"/v1/inburgeraars/{dossier['uuid']}", headers=oud).status_code == 404
    assert client.get(f"/v1/brede-intakes/{intake['uuid']}", headers=oud).status_code == 404
    # The history goes along: the new gemeente reads the audit trail from before the move, with the
    # hand-over in it; the old gemeente no longer does.
    url = shown["url"]
    trail = client.get(
        "/v1/audittrail", params={"hoofdObject": url}, headers=auth_headers("teamleider", gemeente="GM0363")
    )
    regels = trail.json()["results"]
    assert {r["gemeentecode"] for r in regels} == {"GM0363"}
    assert any(
        r["namens"] == "GM0171" and r["actie"] == "aanmaken" for r in regels
    )  # registered by the old one
    (overdracht,) = [r for r in regels if r["actie"] == "overdragen"]
    assert overdracht["toelichting"].startswith(
        "Verhuizing: dossier overgedragen van GM0171 aan GM0363, gevestigd op 2026-10-01 (SS121)."
    )
    oude_trail = client.get(
        "/v1/audittrail", params={"hoofdObject": url}, headers=auth_headers("teamleider", gemeente="GM0171")
    )
    assert oude_trail.json()["count"] == 0
    # Only to a gemeente of the token, once, and only when a dossier exists elsewhere.
    assert client.post("/v1/verhuizingen", json=verhuizing, headers=nieuw).status_code == 409
    naar_elders = {**verhuizing, "naarGemeente": "GM0034"}
    assert client.post("/v1/verhuizingen", json=naar_elders, headers=nieuw).status_code == 403
    onbekend = {**verhuizing, "bsn": next(bsn_reeks(bsn, 1))}
    assert client.post("/v1/verhuizingen", json=onbekend, headers=nieuw).status_code == 404


def test_the_address_as_registered_is_kept_and_read_by_pip_as_a_service(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    created = registreer(client, km, bsn)
    url = f"/v1/inburgeraars/{created.json()['uuid']}"
    assert created.json()["verblijfsadres"] is None
    adres = {
        "straat": "Kampwal",
        "huisnummer": 12,
        "huisletter": "a",
        "postcode": "8301 AB",
        "woonplaats": "Emmeloord",
    }
    bad = client.patch(
        url,
        json={"verblijfsadres": {**adres, "postcode": "0301AB"}},
        headers={**km, "If-Match": created.headers["ETag"]},
    )
    assert bad.status_code == 400 and bad.json()["invalidParams"][0]["name"].startswith("verblijfsadres")
    ok = client.patch(
        url, json={"verblijfsadres": adres}, headers={**km, "If-Match": created.headers["ETag"]}
    )
    assert ok.status_code == 200, ok.text
    read = client.get(url, headers=auth_headers("service", gemeente="*")).json()
    assert read["verblijfsadres"] == {**adres, "huisnummertoevoeging": None}
    assert (read["voornamen"], read["achternaam"]) == (persoon(bsn)["voornamen"], persoon(bsn)["achternaam"])


BAKKER = {"naam": "S. Bakker", "telefoon": "0527 633 900", "email": "s.bakker@gemeente.example.nl"}


def klantmanager_events(app) -> list[str | None]:
    from intake_service.db import OUTBOX_TABLES
    from sqlalchemy import select

    with app.state.session_factory() as session:
        payloads = session.scalars(select(OUTBOX_TABLES[0].c.payload)).all()
    return [p["kenmerken"].get("wijziging") for p in payloads]


def test_the_klantmanager_with_contact_details_is_assigned_reassigned_and_removed(
    app, client, auth_headers, bsn
):
    """The contact details are DUO's contactpersoon: each change is announced (wijziging=klantmanager)."""
    km = auth_headers("klantmanager")
    created = registreer(client, km, bsn)
    url, etag = f"/v1/inburgeraars/{created.json()['uuid']}", created.headers["ETag"]

    def patch(body: dict):
        nonlocal etag
        response = client.patch(url, json=body, headers={**km, "If-Match": etag})
        etag = response.headers.get("ETag", etag)
        return response

    toegewezen = patch({"klantmanager": "km-bakker", "klantmanagerContact": BAKKER})
    assert toegewezen.status_code == 200, toegewezen.text
    assert toegewezen.json()["klantmanagerContact"] == BAKKER
    assert patch({"datumInschrijvingBrp": "2026-10-01"}).json()["klantmanagerContact"] == BAKKER
    # Another klantmanager without details of their own: the previous one's details go.
    assert patch({"klantmanager": "km-jansen"}).json()["klantmanagerContact"] is None
    assert patch({"klantmanager": None}).json()["klantmanager"] is None
    assert klantmanager_events(app) == [None, "klantmanager", None, "klantmanager", "klantmanager"]


def test_contact_details_need_a_klantmanager_and_duos_format(app, client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    created = registreer(client, km, bsn)
    url, etag = f"/v1/inburgeraars/{created.json()['uuid']}", created.headers["ETag"]

    zonder = client.patch(url, json={"klantmanagerContact": BAKKER}, headers={**km, "If-Match": etag})
    assert zonder.status_code == 422
    assert [p["code"] for p in zonder.json()["invalidParams"]] == ["GEEN_KLANTMANAGER"]
    for fout in ({"telefoon": "bel me"}, {"naam": "S" * 101}, {"email": "geen"}):
        body = {"klantmanager": "km-bakker", "klantmanagerContact": {**BAKKER, **fout}}
        response = client.patch(url, json=body, headers={**km, "If-Match": etag})
        assert response.status_code == 400, response.text
        assert response.headers["content-type"] == "application/problem+json"
    assert client.get(url, headers=km).json()["klantmanager"] is None
    assert klantmanager_events(app) == [None]
