"""Bijstand periods on the trajectory; financieel ontzorgen and its deadline follow them (R14)."""

from test_componenten import PLANNING, componenten
from traject_testkit import gepubliceerd, open_traject


def ontzorgen_einde(client, auth_headers):
    open_ = client.get("/v1/deadlines?status=open", headers=auth_headers("klantmanager")).json()["results"]
    return [d["vervaldatum"] for d in open_ if d["soort"] == "ontzorgen-einde"]


def zet(client, headers, traject, body, etag=None):
    pad = f"/v1/trajecten/{traject['uuid']}/bijstand"
    etag = etag or client.get(pad, headers=headers).headers["ETag"]
    return client.put(pad, json=body, headers={**headers, "If-Match": etag})


def test_ontzorgen_ends_when_bijstand_ends_and_follows_its_start(client, auth_headers, pips, app):
    traject = open_traject(client, auth_headers, pips, onderdelen=PLANNING)
    km = auth_headers("klantmanager")
    assert ontzorgen_einde(client, auth_headers) == ["2026-07-15"]  # six months from the PIP's start
    pad = f"/v1/trajecten/{traject['uuid']}/bijstand"
    assert client.get(pad, headers=km).json() == {"perioden": [], "bron": "klantmanager"}
    body = {"perioden": [{"start": "2026-01-12", "einde": "2026-04-30"}], "bron": "klantmanager"}
    assert client.put(pad, json=body, headers=km).status_code == 428
    gezet = zet(client, km, traject, body)
    assert gezet.status_code == 200, gezet.text
    # bijstand started earlier than the PIP planned and ends within the six months: ontzorgen follows
    ontzorgen = {c["soort"]: c for c in componenten(client, auth_headers, traject).json()}[
        "financieel-ontzorgen"
    ]
    assert ontzorgen["startdatum"] == "2026-01-12"
    assert ontzorgen_einde(client, auth_headers) == ["2026-04-30"]
    termijnen = [
        e for e in gepubliceerd(app, "trajecten") if e["kenmerken"].get("termijn") == "ontzorgen-einde"
    ]
    assert termijnen, "the moved deadline is announced"
    # the Participatiewet feed (a service client) corrects it: bijstand runs on, six months hold
    feed = auth_headers("service", gemeente="*")
    body = {"perioden": [{"start": "2026-01-12"}], "bron": "participatiewet"}
    assert zet(client, feed, traject, body).status_code == 200
    assert ontzorgen_einde(client, auth_headers) == ["2026-07-11"]
    assert client.get(pad, headers=km).json()["bron"] == "participatiewet"


def test_periods_that_overlap_or_end_before_they_start_are_refused(client, auth_headers, pips):
    traject = open_traject(client, auth_headers, pips)
    km = auth_headers("klantmanager")
    body = {
        "perioden": [
            {"start": "2026-01-12", "einde": "2026-01-01"},
            {"start": "2026-03-01"},
            {"start": "2026-05-01", "einde": "2026-06-01"},
        ],
        "bron": "klantmanager",
    }
    refused = zet(client, km, traject, body)
    assert refused.status_code == 422
    assert [(p["name"], p["code"]) for p in refused.json()["invalidParams"]] == [
        ("perioden.0", "EINDE_VOOR_START"),
        ("perioden.2", "OVERLAP"),
    ]
    pad = f"/v1/trajecten/{traject['uuid']}/bijstand"
    assert client.get(pad, headers=km).json()["perioden"] == []
    assert zet(client, auth_headers("taalaanbieder"), traject, body, etag='"1"').status_code == 403
