"""A move to another gemeente (DUO SS120/SS121): on intake's event the trajectory, its components,
voortgang, termijn, deadlines and audit trail go to the new gemeente, by the same URLs and dates."""

import uuid

from duo_testkit import BSN, feiten
from inburgering_shared.testing import inburgeraar_event
from traject_testkit import INBURGERAAR, notificeer, open_traject
from trajectory_service.duo.models import DuoDossier

OUD, NIEUW = "GM0171", "GM0200"
VERHUIZING = {
    "vanGemeente": OUD,
    "naarGemeente": NIEUW,
    "datumVestiging": "2026-12-01",
    "gebeurtenis": "SS120",
}


def intake_meldt(client, auth_headers, pips, inburgeraar, gemeentecode, *verhuizingen):
    """Intake's event on the dossier, as intake then serves it (in `gemeentecode`, with its moves)."""
    pips.pips[inburgeraar] = {
        "url": inburgeraar,
        "gemeentecode": gemeentecode,
        "verhuizingen": list(verhuizingen),
    }
    event = inburgeraar_event(inburgeraar, gemeentecode)
    headers = auth_headers("service", gemeente="*")
    assert client.post("/v1/callbacks", json=event, headers=headers).status_code == 204


def deadlines(client, headers, inburgeraar):
    rijen = client.get("/v1/deadlines?status=open", headers=headers).json()["results"]
    return sorted(
        (d["soort"], d["vervaldatum"], d["gemeentecode"]) for d in rijen if d["inburgeraar"] == inburgeraar
    )


def trail(client, auth_headers, inburgeraar, gemeente):
    headers = auth_headers("teamleider", gemeente=gemeente)
    return client.get("/v1/audittrail", params={"hoofdObject": inburgeraar}, headers=headers).json()[
        "results"
    ]


def test_a_move_takes_the_trajectory_with_its_termijn_and_deadlines_to_the_new_gemeente(
    client, auth_headers, pips
):
    inburgeraar = "http://intake.test/v1/inburgeraars/" + str(uuid.uuid4())
    traject = open_traject(client, auth_headers, pips, inburgeraar=inburgeraar)
    oud, nieuw = auth_headers("klantmanager", gemeente=OUD), auth_headers("klantmanager", gemeente=NIEUW)
    pad = f"/v1/trajecten/{traject['uuid']}"
    paden = [pad, f"{pad}/componenten", f"{pad}/componenten/knm", f"{pad}/voortgangsgesprekken"]
    voor = {p: client.get(p, headers=oud).json() for p in paden}
    termijnen = deadlines(client, oud, inburgeraar)
    assert termijnen and {g for *_, g in termijnen} == {OUD}
    assert all(client.get(p, headers=nieuw).status_code == 404 for p in paden)

    intake_meldt(client, auth_headers, pips, inburgeraar, NIEUW, VERHUIZING)

    assert all(client.get(p, headers=oud).status_code == 404 for p in paden)
    assert deadlines(client, oud, inburgeraar) == []
    na = {p: client.get(p, headers=nieuw) for p in paden}
    assert all(r.status_code == 200 for r in na.values())
    # The termijn and the MAP deadline keep their dates; only the gemeente (and the moment of change) moved.
    assert na[pad].json() == {**voor[pad], "gemeentecode": NIEUW, "gewijzigd": na[pad].json()["gewijzigd"]}
    assert [r.json() for r in na.values()][1:] == [voor[p] for p in paden[1:]]
    assert deadlines(client, nieuw, inburgeraar) == [(s, d, NIEUW) for s, d, _ in termijnen]
    lijst = client.get("/v1/trajecten", params={"inburgeraar": inburgeraar}, headers=nieuw).json()
    assert [t["url"] for t in lijst["results"]] == [traject["url"]]

    regels = trail(client, auth_headers, inburgeraar, NIEUW)
    assert any(r["namens"] == OUD and r["actie"] == "lezen" for r in regels)  # the old gemeente's reads
    (overdracht,) = [r for r in regels if r["actie"] == "overdragen"]
    assert overdracht["bron"] == "trajectory" and "van GM0171 aan GM0200" in overdracht["toelichting"]
    assert trail(client, auth_headers, inburgeraar, OUD) == []

    # The same move announced again changes nothing and records no second hand-over.
    intake_meldt(client, auth_headers, pips, inburgeraar, NIEUW, VERHUIZING)
    assert [r["actie"] for r in trail(client, auth_headers, inburgeraar, NIEUW)].count("overdragen") == 1


def test_an_inburgeraar_event_without_a_move_leaves_the_trajectory_where_it_is(client, auth_headers, pips):
    inburgeraar = "http://intake.test/v1/inburgeraars/" + str(uuid.uuid4())
    traject = open_traject(client, auth_headers, pips, inburgeraar=inburgeraar)
    intake_meldt(client, auth_headers, pips, inburgeraar, OUD)
    oud = auth_headers("klantmanager", gemeente=OUD)
    assert client.get(f"/v1/trajecten/{traject['uuid']}", headers=oud).json()["gemeentecode"] == OUD
    assert not [r for r in trail(client, auth_headers, inburgeraar, OUD) if r["actie"] == "overdragen"]


def ss199_met_examen(client, duo):
    """DUO tells GM0171 of an exam result of the person; the sync reads it into GM0171's DUO dossier."""
    duo.beheer.put(
        f"/simulator/personen/{BSN}",
        json=feiten(
            examenresultaten=[
                {"examendatum": "2026-10-20", "resultaat": "Geslaagd", "onderdeel": "LE", "niveau": "B1"}
            ]
        ),
    )
    duo.inburgeraars[BSN] = INBURGERAAR
    notificeer(client, "SS199")
    duo.sync.ronde()


def examens(client, auth_headers, gemeente):
    headers = auth_headers("klantmanager", gemeente=gemeente)
    return [e["url"] for e in client.get("/v1/rapportage/examens", headers=headers).json()["results"]]


def duo_dossiers(client, auth_headers, gemeente):
    return client.get("/v1/duo-dossiers", headers=auth_headers("klantmanager", gemeente=gemeente)).json()[
        "results"
    ]


def test_what_duo_told_the_old_gemeente_goes_along_and_the_old_gemeente_no_longer_reads_it(
    client, auth_headers, pips, duo
):
    ss199_met_examen(client, duo)
    [voor] = duo_dossiers(client, auth_headers, OUD)
    examen_paden = examens(client, auth_headers, OUD)
    assert examen_paden and voor["notificaties"]

    intake_meldt(client, auth_headers, pips, INBURGERAAR, NIEUW, VERHUIZING)

    assert duo_dossiers(client, auth_headers, OUD) == []
    assert (
        client.get(f"/v1/duo-dossiers/{voor['uuid']}", headers=auth_headers("klantmanager")).status_code
        == 404
    )
    [na] = duo_dossiers(client, auth_headers, NIEUW)
    assert (na["uuid"], na["gemeentecode"]) == (voor["uuid"], NIEUW)
    assert na["notificaties"] == voor["notificaties"] and na["examenresultaten"] == voor["examenresultaten"]
    assert examens(client, auth_headers, NIEUW) == examen_paden
    assert examens(client, auth_headers, OUD) == []


def test_where_the_new_gemeente_has_its_own_duo_dossier_the_old_ones_history_joins_it(
    client, auth_headers, pips, duo, app
):
    ss199_met_examen(client, duo)
    [oud] = duo_dossiers(client, auth_headers, OUD)
    with app.state.session_factory() as session, session.begin():  # DUO told GM0200 of the move itself
        session.add(DuoDossier(gemeentecode=NIEUW, bsn=BSN, inburgeraar_url=INBURGERAAR))

    intake_meldt(client, auth_headers, pips, INBURGERAAR, NIEUW, VERHUIZING)

    assert duo_dossiers(client, auth_headers, OUD) == []
    [eigen] = duo_dossiers(client, auth_headers, NIEUW)
    assert eigen["uuid"] != oud["uuid"] and eigen["gemeentecode"] == NIEUW
    assert [n["gebeurtenisId"] for n in eigen["notificaties"]] == [
        n["gebeurtenisId"] for n in oud["notificaties"]
    ]
    assert examens(client, auth_headers, NIEUW) != []
