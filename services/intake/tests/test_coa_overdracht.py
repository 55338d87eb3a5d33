from intake_testkit import bsn_reeks, overdracht, registreer


def test_same_handover_twice_is_one_record(client, auth_headers, bsn):
    coa = auth_headers("coa")
    first = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=coa)
    assert first.status_code == 201, first.text
    second = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=coa)
    assert second.status_code == 200
    assert second.json()["uuid"] == first.json()["uuid"]
    assert second.json()["versie"] == 1


def test_corrected_handover_is_a_new_version(client, auth_headers, bsn):
    coa = auth_headers("coa")
    client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=coa)
    corrected = overdracht(bsn, klantprofiel={"opleiding": "Universiteit (2 jaar)"})
    response = client.post("/v1/coa-overdrachten", json=corrected, headers=coa)
    assert response.status_code == 200
    assert response.json()["versie"] == 2


def test_coa_cannot_read_dossiers(client, auth_headers, bsn):
    coa = auth_headers("coa")
    created = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=coa).json()
    inburgeraar_path = "/v1" + created["inburgeraar"].split("/v1", 1)[1]
    assert client.get(inburgeraar_path, headers=coa).status_code == 403
    assert client.get(inburgeraar_path, headers=auth_headers("klantmanager")).status_code == 200


def test_only_coa_may_hand_over(client, auth_headers, bsn):
    response = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=auth_headers("klantmanager"))
    assert response.status_code == 403


def test_malformed_body_is_400_not_500(client, auth_headers):
    response = client.post(
        "/v1/coa-overdrachten",
        content=b"{not json",
        headers={**auth_headers("coa"), "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


def test_bulk_stores_the_valid_and_reports_each_invalid_by_position(client, auth_headers, bsn):
    bsns = [bsn, *bsn_reeks(bsn, 3)]
    items = [overdracht(b, referentie=f"COA-BULK-{i}") for i, b in enumerate(bsns)]
    items.insert(1, overdracht("123456789", referentie="COA-BULK-X"))  # fails the 11-proef
    items.insert(3, {"coaReferentie": "COA-BULK-Y"})  # nearly empty
    items.append(overdracht(bsns[0], referentie="COA-BULK-0"))  # twice in one request
    items.append(
        overdracht(bsns[0], referentie="COA-BULK-Z", gemeentecode="GM0363")
    )  # not this token's gemeente
    response = client.post(
        "/v1/coa-overdrachten/bulk", json={"overdrachten": items}, headers=auth_headers("coa")
    )
    assert response.status_code == 200, response.text
    body = response.json()
    uitkomsten = [r["uitkomst"] for r in body["resultaten"]]
    assert uitkomsten == [
        "aangemaakt",
        "ongeldig",
        "aangemaakt",
        "ongeldig",
        "aangemaakt",
        "aangemaakt",
        "geweigerd",
        "geweigerd",
    ]
    assert [r["positie"] for r in body["resultaten"]] == list(range(8))
    assert [p["name"] for p in body["resultaten"][1]["fouten"]] == ["persoon.bsn"]
    assert "123456789" not in response.text
    assert {p["name"] for p in body["resultaten"][3]["fouten"]} >= {"gemeentecode", "persoon"}
    assert body["resultaten"][6]["fouten"][0]["code"] == "dubbel-in-verzoek"
    assert body["resultaten"][7]["fouten"][0]["code"] == "geen-toegang"
    assert body["aantallen"] == {
        "aangemaakt": 4,
        "bijgewerkt": 0,
        "ongewijzigd": 0,
        "ongeldig": 2,
        "geweigerd": 2,
    }
    # The stored ones are there for the klantmanager, once each.
    km = auth_headers("klantmanager")
    assert client.get("/v1/inburgeraars", headers=km).json()["count"] == 4
    again = client.post(
        "/v1/coa-overdrachten/bulk", json={"overdrachten": items}, headers=auth_headers("coa")
    ).json()
    assert again["aantallen"]["ongewijzigd"] == 4 and again["aantallen"]["aangemaakt"] == 0


def test_bulk_of_a_thousand_in_one_request(client, auth_headers, bsn):
    items = [overdracht(b, referentie=f"COA-K-{i}") for i, b in enumerate([bsn, *bsn_reeks(bsn, 999)])]
    response = client.post(
        "/v1/coa-overdrachten/bulk", json={"overdrachten": items}, headers=auth_headers("coa")
    )
    assert response.status_code == 200
    assert response.json()["aantallen"]["aangemaakt"] == 1000


def test_bulk_refuses_more_than_the_maximum(client, auth_headers):
    too_many = {"overdrachten": [{}] * 5001}
    response = client.post("/v1/coa-overdrachten/bulk", json=too_many, headers=auth_headers("coa"))
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "overdrachten"


def test_health_needs_consent_and_is_shown_only_while_it_holds(client, auth_headers, bsn):
    coa = auth_headers("coa")
    profiel = {"opleiding": "Middelbare school", "gezondheid": "Diabetes type 2"}
    without = client.post("/v1/coa-overdrachten", json=overdracht(bsn, klantprofiel=profiel), headers=coa)
    assert without.status_code == 400
    assert [p["name"] for p in without.json()["invalidParams"]] == ["toestemmingGezondheid"]
    assert "Diabetes" not in without.text
    body = overdracht(bsn, klantprofiel=profiel, toestemmingGezondheid="2026-08-20")
    created = client.post("/v1/coa-overdrachten", json=body, headers=coa).json()
    km = auth_headers("klantmanager")
    dossier = created["inburgeraar"].rsplit("/", 1)[1]
    shown = client.get(f"/v1/inburgeraars/{dossier}/coa-overdrachten", headers=km).json()
    assert shown[0]["klantprofiel"]["gezondheid"] == "Diabetes type 2"
    assert shown[0]["gezondheidAfgeschermd"] is False
    [toestemming] = client.get(f"/v1/inburgeraars/{dossier}/toestemmingen", headers=km).json()
    assert (toestemming["bron"], toestemming["categorie"], toestemming["geldig"]) == (
        "COA",
        "gezondheid",
        True,
    )
    too_early = client.post(
        f"/v1/inburgeraars/{dossier}/toestemmingen/{toestemming['uuid']}/intrekken",
        json={"datum": "2026-08-19"},
        headers=km,
    )  # before the consent was given: against what is stored, 409 naming the date
    assert (too_early.status_code, too_early.json()["invalidParams"][0]["name"]) == (409, "datum")
    withdraw = client.post(
        f"/v1/inburgeraars/{dossier}/toestemmingen/{toestemming['uuid']}/intrekken",
        json={"datum": "2026-09-01"},
        headers=km,
    )
    assert withdraw.status_code == 200
    hidden = client.get(f"/v1/inburgeraars/{dossier}/coa-overdrachten", headers=km).json()
    assert hidden[0]["klantprofiel"]["gezondheid"] is None and hidden[0]["gezondheidAfgeschermd"] is True
    assert "Diabetes" not in str(hidden)
    twice = client.post(
        f"/v1/inburgeraars/{dossier}/toestemmingen/{toestemming['uuid']}/intrekken",
        json={"datum": "2026-09-02"},
        headers=km,
    )
    assert twice.status_code == 409


def test_reference_of_another_person_is_409(client, auth_headers, bsn):
    coa = auth_headers("coa")
    client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=coa)
    other = next(bsn_reeks(bsn, 1))
    response = client.post("/v1/coa-overdrachten", json=overdracht(other), headers=coa)
    assert response.status_code == 409
    assert response.json()["invalidParams"][0]["code"] == "andere-persoon"


def dossier_van(client, km, created):
    return client.get("/v1" + created["inburgeraar"].split("/v1", 1)[1], headers=km)


def test_coa_corrects_its_own_person_facts(client, auth_headers, bsn):
    coa, km = auth_headers("coa"), auth_headers("klantmanager")
    created = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=coa).json()
    corrected = overdracht(bsn)
    corrected["persoon"] = {**corrected["persoon"], "achternaam": "Tesfay", "geboortedatum": "1995-01-31"}
    assert client.post("/v1/coa-overdrachten", json=corrected, headers=coa).json()["versie"] == 2
    dossier = dossier_van(client, km, created).json()
    assert (dossier["achternaam"], dossier["geboortedatum"]) == ("Tesfay", "1995-01-31")
    assert dossier["tegenstrijdigheden"] == []


def test_coa_never_overwrites_the_klantmanager_and_the_conflict_waits_for_the_klantmanager(
    client, auth_headers, bsn
):
    coa, km = auth_headers("coa"), auth_headers("klantmanager")
    first = overdracht(bsn)
    first["persoon"] = {**first["persoon"], "landVanHerkomst": "Eritrea"}
    created = client.post("/v1/coa-overdrachten", json=first, headers=coa).json()
    dossier = dossier_van(client, km, created)
    url = f"/v1/inburgeraars/{dossier.json()['uuid']}"
    patched = client.patch(
        url, json={"landVanHerkomst": "Ethiopie"}, headers={**km, "If-Match": dossier.headers["ETag"]}
    )
    assert patched.status_code == 200
    corrected = overdracht(bsn)
    corrected["persoon"] = {**corrected["persoon"], "landVanHerkomst": "Sudan"}
    client.post("/v1/coa-overdrachten", json=corrected, headers=coa)
    shown = client.get(url, headers=km)
    assert shown.json()["landVanHerkomst"] == "Ethiopie"
    [conflict] = shown.json()["tegenstrijdigheden"]
    assert (conflict["veld"], conflict["waardeKlantmanager"], conflict["waardeCoa"]) == (
        "landVanHerkomst",
        "Ethiopie",
        "Sudan",
    )
    resolved = client.patch(
        url, json={"landVanHerkomst": "Sudan"}, headers={**km, "If-Match": shown.headers["ETag"]}
    )
    assert resolved.status_code == 200
    assert client.get(url, headers=km).json()["tegenstrijdigheden"] == []


def test_first_handover_onto_a_dossier_the_klantmanager_made_lists_differences(client, auth_headers, bsn):
    km = auth_headers("klantmanager")
    dossier = registreer(client, km, bsn).json()  # Amina Haddad, 1990-04-12
    response = client.post(
        "/v1/coa-overdrachten/bulk", json={"overdrachten": [overdracht(bsn)]}, headers=auth_headers("coa")
    )
    assert response.json()["resultaten"][0]["overdracht"]["inburgeraar"].endswith(dossier["uuid"])
    shown = client.get(f"/v1/inburgeraars/{dossier['uuid']}", headers=km).json()
    assert shown["voornamen"] == "Amina"
    assert sorted(t["veld"] for t in shown["tegenstrijdigheden"]) == [
        "achternaam",
        "geboortedatum",
        "voornamen",
    ]
    emptied = client.patch(
        f"/v1/inburgeraars/{dossier['uuid']}", json={"voornamen": None}, headers={**km, "If-Match": '"1"'}
    )
    assert emptied.status_code == 400


def test_location_of_a_handover_is_readable_by_the_klantmanager_only(client, auth_headers, bsn):
    created = client.post("/v1/coa-overdrachten", json=overdracht(bsn), headers=auth_headers("coa"))
    path = "/v1" + created.headers["Location"].split("/v1", 1)[1]
    shown = client.get(path, headers=auth_headers("klantmanager"))
    assert shown.status_code == 200
    assert shown.json()["klantprofiel"]["opleiding"] == "Middelbare school"
    assert client.get(path, headers=auth_headers("coa")).status_code == 403
    assert client.get(path, headers=auth_headers("klantmanager", gemeente="GM0363")).status_code == 404


def test_bulk_audits_every_dossier_it_stored_a_handover_in(app, client, auth_headers, bsn):
    from inburgering_shared.audit import AUDITTRAIL
    from sqlalchemy import select

    items = [overdracht(b, referentie=f"COA-AUDIT-{i}") for i, b in enumerate([bsn, *bsn_reeks(bsn, 2)])]
    items.append(overdracht("123456789", referentie="COA-AUDIT-X"))  # fails the 11-proef: no dossier
    response = client.post(
        "/v1/coa-overdrachten/bulk", json={"overdrachten": items}, headers=auth_headers("coa")
    )
    assert response.status_code == 200, response.text
    stored = {r["overdracht"]["inburgeraar"] for r in response.json()["resultaten"] if r["overdracht"]}
    with app.state.session_factory() as session:
        rows = session.execute(
            select(AUDITTRAIL.c.hoofd_object, AUDITTRAIL.c.gemeentecode, AUDITTRAIL.c.resultaat).where(
                AUDITTRAIL.c.resource_url == "/v1/coa-overdrachten/bulk"
            )
        ).all()
    assert len(stored) == 3
    assert sorted(rows) == sorted((url, "GM0171", 200) for url in stored)


def test_bulk_of_many_leaves_one_audit_row_per_dossier_naming_it(app, client, auth_headers, bsn):
    """Sixty handovers (more than `bulk_insert.COPY_FROM`: PostgreSQL takes them by COPY), two of them
    of the same person: 59 dossiers, 59 audit rows of the request, each naming its dossier once."""
    from inburgering_shared.audit import AUDITTRAIL
    from inburgering_shared.bulk_insert import COPY_FROM
    from sqlalchemy import select

    bsns = [bsn, *bsn_reeks(bsn, 58)]
    items = [overdracht(b, referentie=f"COA-VEEL-{i}") for i, b in enumerate(bsns)]
    items.append(overdracht(bsns[7], referentie="COA-VEEL-ZELFDE"))  # the same person again
    assert len(items) > COPY_FROM
    response = client.post(
        "/v1/coa-overdrachten/bulk",
        json={"overdrachten": items},
        headers={**auth_headers("coa"), "X-Audit-Toelichting": "overdracht"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["aantallen"]["aangemaakt"] == 60
    dossiers = [r["overdracht"]["inburgeraar"] for r in response.json()["resultaten"]]
    assert dossiers[7] == dossiers[-1] and len(set(dossiers)) == 59
    with app.state.session_factory() as session:
        rows = session.execute(
            select(
                AUDITTRAIL.c.hoofd_object,
                AUDITTRAIL.c.gemeentecode,
                AUDITTRAIL.c.actie,
                AUDITTRAIL.c.resultaat,
                AUDITTRAIL.c.applicatie_id,
                AUDITTRAIL.c.toelichting,
            ).where(AUDITTRAIL.c.resource_url == "/v1/coa-overdrachten/bulk")
        ).all()
    assert sorted(r.hoofd_object for r in rows) == sorted(set(dossiers))
    assert {tuple(r)[1:] for r in rows} == {("GM0171", "aanmaken", 200, "test", "overdracht")}
