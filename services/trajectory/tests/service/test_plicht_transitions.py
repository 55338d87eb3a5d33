"""The plicht at its transitions in trajectory: DUO's end states (art. 4, 5, 6 Wet inburgering 2021) and
the recorded uitstroom close every open deadline of the person with the reason and end the trajectory;
a partial ontheffing closes nothing; the Wet inburgering 2013 (art. 54 lid 1) is announced to pip."""

from duo_testkit import BSN, feiten
from traject_testkit import INBURGERAAR, dossiers, gepubliceerd, notificeer, open_traject

ONTHEFFING = {"GeheleOntheffing": {"oordeel": "Toekenning", "datumOordeel": "2026-11-20", "grond": "MED"}}
GEEN_PLICHT = {
    "indicatorInburgeringsplicht": False,
    "begindatum": "2025-01-01",
    "einddatum": "2026-11-20",
    "redenGeenInburgeringsplicht": "Volledige ontheffing",
}


def deadlines(client, auth_headers, status):
    url = f"/v1/deadlines?status={status}&pageSize=100"
    return client.get(url, headers=auth_headers("klantmanager")).json()["results"]


def test_a_gehele_ontheffing_closes_every_open_deadline_with_the_reason(client, auth_headers, pips, duo, app):
    traject = open_traject(client, auth_headers, pips, dagtekening="2026-01-15")
    assert {d["soort"] for d in deadlines(client, auth_headers, "open")} == {
        "inburgeringstermijn",
        "map-gestart",
        "voortgangsgesprek",
    }
    duo.inburgeraars[BSN] = INBURGERAAR
    duo.beheer.put(
        f"/simulator/personen/{BSN}", json=feiten(inburgeringsplicht=GEEN_PLICHT, ontheffingen=[ONTHEFFING])
    )
    notificeer(client, "SS108")
    duo.sync.ronde()

    assert deadlines(client, auth_headers, "open") == []
    vervallen = deadlines(client, auth_headers, "vervallen")
    assert len(vervallen) == 3
    assert {d["afsluitreden"] for d in vervallen} == {
        "gehele-ontheffing: art. 5 lid 1 en 2 Wet inburgering 2021 (gehele ontheffing, DUO)"
    }
    traject = client.get(f"/v1/trajecten/{traject['uuid']}", headers=auth_headers("klantmanager")).json()
    assert (traject["eindeReden"], traject["eindeOp"]) == ("gehele-ontheffing", "2026-11-20")
    # the scheduler rechecks the dossier's signals on this event; pip closes its deadline on the other
    [einde] = [e for e in gepubliceerd(app, "trajecten") if e["kenmerken"].get("wijziging") == "einde"]
    assert einde["kenmerken"]["eindreden"] == "gehele-ontheffing"
    [dossier_event] = gepubliceerd(app, "duo-dossiers")
    assert dossier_event["hoofdObject"] == INBURGERAAR
    [dossier] = dossiers(client, auth_headers)
    assert (dossier["eindreden"], dossier["einddatum"]) == ("gehele-ontheffing", "2026-11-20")
    assert dossier["wet"] == "Wet inburgering 2021"

    # DUO repeating itself changes nothing more and announces no second end
    notificeer(client, "SS108", registratieDatumTijd="2026-11-21T09:30:00Z")
    duo.sync.ronde()
    assert len([e for e in gepubliceerd(app, "trajecten") if e["kenmerken"].get("wijziging") == "einde"]) == 1


def test_a_partial_ontheffing_closes_no_deadline(client, auth_headers, pips, duo):
    open_traject(client, auth_headers, pips, dagtekening="2026-01-15")
    duo.inburgeraars[BSN] = INBURGERAAR
    gedeeltelijk = {
        "GedeeltelijkeOntheffing": {
            "oordeel": "Toekenning",
            "datumOordeel": "2026-11-20",
            "grond": "MED",
            "examenonderdeel": "SP",
        }
    }
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten(ontheffingen=[gedeeltelijk]))
    notificeer(client, "SS108")
    duo.sync.ronde()
    assert len(deadlines(client, auth_headers, "open")) == 3
    assert deadlines(client, auth_headers, "vervallen") == []


def test_uitstroom_closes_the_open_deadlines_and_no_next_gesprek_is_planned(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips, dagtekening="2026-01-15")
    km = auth_headers("klantmanager")
    pad = f"/v1/trajecten/{traject['uuid']}"
    assert (
        client.put(f"{pad}/uitstroom", json={"soort": "werk", "datum": "2026-03-01"}, headers=km).status_code
        == 200
    )
    assert deadlines(client, auth_headers, "open") == []
    assert {d["afsluitreden"] for d in deadlines(client, auth_headers, "vervallen")} == {
        "uitstroom: uitstroom vastgelegd door de gemeente"
    }
    assert client.get(pad, headers=km).json()["eindeReden"] == "uitstroom"
    [gesprek] = client.get(f"{pad}/voortgangsgesprekken", headers=km).json()
    eigen = "/v1" + gesprek["url"].split("/v1", 1)[1]
    etag = client.get(eigen, headers=km).headers["ETag"]
    body = {"gehouden": "2026-03-05", "verslag": "Afsluitend gesprek.", "uitkomst": "op-schema"}
    assert client.put(f"{eigen}/verslag", json=body, headers={**km, "If-Match": etag}).status_code == 200
    assert len(client.get(f"{pad}/voortgangsgesprekken", headers=km).json()) == 1
    assert deadlines(client, auth_headers, "open") == []


def test_a_plicht_from_before_2022_is_announced_to_pip_as_the_wet_2013(client, auth_headers, duo, app):
    duo.inburgeraars[BSN] = INBURGERAAR
    plicht = {"indicatorInburgeringsplicht": True, "begindatum": "2021-10-01"}
    duo.beheer.put(f"/simulator/personen/{BSN}", json=feiten(inburgeringsplicht=plicht))
    notificeer(client, "SS101")
    duo.sync.ronde()
    [dossier] = dossiers(client, auth_headers)
    assert dossier["wet"] == "Wet inburgering 2013"
    assert dossier["pipKlokStart"] is None
    [event] = gepubliceerd(app, "duo-dossiers")
    assert event["resourceUrl"] == dossier["url"]
