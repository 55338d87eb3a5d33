"""Withdrawing a vastgesteld PIP over HTTP: a besluit with ground, date and bezwaartermijn, announced once;
refused (409/422/400, nothing changed) when not allowed."""

from .test_pip_lifecycle import KM, acties, draft, edit, vaststellen

INTREKKING = {
    "grond": "geen-inburgeringsplicht",
    "toelichting": "DUO meldt dat de inburgeringsplicht nooit is ontstaan.",
    "dagtekening": "2026-11-20",
}


def vastgesteld(client, auth_headers, intake):
    pip = draft(client, auth_headers, intake)
    assert vaststellen(client, auth_headers, pip["uuid"], {"dagtekening": "2026-11-02"}).status_code == 200
    return pip


def test_a_vastgesteld_pip_is_withdrawn_as_a_besluit_and_announced(app, client, auth_headers, intake):
    pip = vastgesteld(client, auth_headers, intake)
    response = edit(client, auth_headers, pip["uuid"], "/intrekking", INTREKKING)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "ingetrokken"
    assert body["intrekking"] == {
        "grond": "geen-inburgeringsplicht",
        "grondslag": body["intrekking"]["grondslag"],
        "toelichting": INTREKKING["toelichting"],
        "dagtekening": "2026-11-20",
        "ingetrokkenDoor": body["intrekking"]["ingetrokkenDoor"],
        "kenmerk": f"PIP-{pip['uuid']}-intrekking",
        "bezwaarTermijnEinde": "2027-01-04",  # six weeks: Friday 1 January is a holiday, then a weekend
    }
    assert body["intrekking"]["grondslag"].startswith("Wet inburgering 2021 art. 15 lid 1")
    assert ("pip-ingetrokken", "1") in acties(app, pip["uuid"])
    assert client.get("/v1/pips?status=ingetrokken", headers=auth_headers(KM)).json()["count"] >= 1


def test_withdrawal_is_refused_for_a_concept_and_a_second_time(app, client, auth_headers, intake):
    concept = draft(client, auth_headers, intake)
    response = edit(client, auth_headers, concept["uuid"], "/intrekking", INTREKKING)
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert "concept" in response.json()["detail"]
    pip = vastgesteld(client, auth_headers, intake)
    assert edit(client, auth_headers, pip["uuid"], "/intrekking", INTREKKING).status_code == 200
    tweede = edit(client, auth_headers, pip["uuid"], "/intrekking", INTREKKING)
    assert tweede.status_code == 409 and "al ingetrokken" in tweede.json()["detail"]
    gewijzigd = edit(
        client, auth_headers, pip["uuid"], "/wijzigingen", {"reden": "x", "dagtekening": "2026-11-25"}
    )
    assert gewijzigd.status_code == 409 and "ingetrokken" in gewijzigd.json()["detail"]
    assert [a for a, _ in acties(app, pip["uuid"])].count("pip-ingetrokken") == 1


def test_withdrawal_dated_before_the_pip_or_in_the_future_changes_nothing(client, auth_headers, intake):
    pip = vastgesteld(client, auth_headers, intake)
    voor = edit(client, auth_headers, pip["uuid"], "/intrekking", {**INTREKKING, "dagtekening": "2026-11-01"})
    assert voor.status_code == 422
    assert [p["code"] for p in voor.json()["invalidParams"]] == ["VOOR_DAGTEKENING_PIP"]
    later = edit(
        client, auth_headers, pip["uuid"], "/intrekking", {**INTREKKING, "dagtekening": "2999-01-01"}
    )
    assert later.status_code == 400
    onbekend = edit(client, auth_headers, pip["uuid"], "/intrekking", {**INTREKKING, "grond": "zomaar"})
    assert onbekend.status_code == 400
    zonder_etag = client.post(f"/v1/pips/{pip['uuid']}/intrekking", json=INTREKKING, headers=auth_headers(KM))
    assert zonder_etag.status_code == 428
    huidig = client.get(f"/v1/pips/{pip['uuid']}", headers=auth_headers(KM)).json()
    assert huidig["status"] == "vastgesteld" and huidig["intrekking"] is None
