"""Parallel identical and conflicting writes over real HTTP, on SQLite and on PostgreSQL (issue 20, item 2).

Each burst sends BURST requests at once to a running service. No request may see a
server error or a timeout, the outcomes are exactly the documented ones (one 2xx that
did the work; the others a 200 for what already exists, a replay, 409 with Retry-After
while the first still runs, 412 for a stale If-Match), and the data are checked
afterwards: one record where one was meant, none lost, events applied once.
"""

import uuid
from collections import Counter
from datetime import date, timedelta
from urllib.parse import quote

import httpx
import pytest
from duo_simulator.identiteit import certificaat_pem
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.system import DUO_OIN, GEMEENTE_OINS, LocalSystem
from inburgering_shared.voorbeeld_pip import maak_volledig, zet_briefhoofd

from .bursts import burst
from .conftest import eventually
from .test_first_flow import GEMEENTE, concept_pip, record_brp, url
from .test_traject_duo_exchange import simulator

pytestmark = pytest.mark.e2e
BURST = 30
_bsns = bsn_numbers(226_000_000)


def persoon(bsn: str) -> dict[str, str]:
    return {
        "bsn": bsn,
        "gemeentecode": GEMEENTE,
        "voornamen": "Yara",
        "achternaam": "Mansour",
        "geboortedatum": "1994-02-02",
        "doelgroep": "Asielstatushouder",
    }


def overdracht(referentie: str, bsn: str) -> dict[str, object]:
    return {"coaReferentie": referentie, "gemeentecode": GEMEENTE, "datumKoppeling": "2026-08-01",
            "persoon": persoon(bsn)}  # fmt: skip


def dossiers_met(system: LocalSystem, km: dict[str, str], bsn: str) -> list[dict]:
    response = httpx.post(url(system, "intake", "/inburgeraars/zoeken"), json={"bsn": bsn}, headers=km)
    assert response.status_code == 200, response.text
    return response.json()


def overdrachten_van(km: dict[str, str], inburgeraar: str) -> list[dict]:
    response = httpx.get(inburgeraar + "/coa-overdrachten", headers=km)
    assert response.status_code == 200, response.text
    return response.json()


def test_identical_handovers_make_one_dossier_and_one_handover(system, auth_headers, database_backend):
    coa, km = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    bsn, referentie = next(_bsns), f"COA-BURST-{uuid.uuid4().hex[:8]}"
    body = overdracht(referentie, bsn)
    b = burst(
        f"[{database_backend.name}] identical COA handovers",
        BURST,
        lambda c, i: c.post(url(system, "intake", "/coa-overdrachten"), json=body, headers=coa),
    )
    b.assert_clean()
    assert b.statuses == {201: 1, 200: BURST - 1}
    assert len({a.json()["uuid"] for a in b.answers if a is not None}) == 1
    [dossier] = dossiers_met(system, km, bsn)
    assert [o["coaReferentie"] for o in overdrachten_van(km, dossier["url"])] == [referentie]


def test_handovers_of_one_person_under_many_references_make_one_dossier(
    system, auth_headers, database_backend
):
    coa, km = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    bsn, stem = next(_bsns), f"COA-SAMEBSN-{uuid.uuid4().hex[:8]}"
    b = burst(
        f"[{database_backend.name}] one BSN, {BURST} COA references",
        BURST,
        lambda c, i: c.post(
            url(system, "intake", "/coa-overdrachten"), json=overdracht(f"{stem}-{i}", bsn), headers=coa
        ),
    )
    b.assert_clean()
    assert b.statuses == {201: BURST}
    [dossier] = dossiers_met(system, km, bsn)
    assert {a.json()["inburgeraar"] for a in b.answers if a is not None} == {dossier["url"]}
    found = sorted(o["coaReferentie"] for o in overdrachten_van(km, dossier["url"]))
    assert found == sorted(f"{stem}-{i}" for i in range(BURST))


def test_registering_one_person_at_once_gives_one_dossier(system, auth_headers, database_backend):
    km = auth_headers("klantmanager", gemeente=GEMEENTE)
    bsn = next(_bsns)
    b = burst(
        f"[{database_backend.name}] POST /inburgeraars, one BSN",
        BURST,
        lambda c, i: c.post(url(system, "intake", "/inburgeraars"), json=persoon(bsn), headers=km),
    )
    b.assert_clean()
    assert b.statuses == {201: 1, 200: BURST - 1}
    [dossier] = dossiers_met(system, km, bsn)
    assert {a.json()["url"] for a in b.answers if a is not None} == {dossier["url"]}


def test_edits_with_one_etag_one_wins_the_rest_412(system, auth_headers, database_backend):
    km = auth_headers("klantmanager", gemeente=GEMEENTE)
    created = httpx.post(url(system, "intake", "/inburgeraars"), json=persoon(next(_bsns)), headers=km)
    dossier, etag = created.json()["url"], created.headers["ETag"]
    b = burst(
        f"[{database_backend.name}] PATCH with one If-Match",
        BURST,
        lambda c, i: c.patch(
            dossier, json={"landVanHerkomst": f"Land-{i}"}, headers={**km, "If-Match": etag}
        ),
    )
    b.assert_clean()
    assert b.statuses == {200: 1, 412: BURST - 1}
    [winner] = [a.json()["landVanHerkomst"] for a in b.answers if a is not None and a.status_code == 200]
    final = httpx.get(dossier, headers=km)
    assert final.json()["landVanHerkomst"] == winner
    assert final.json()["versie"] == created.json()["versie"] + 1


def test_one_idempotency_key_and_body_runs_once(system, auth_headers, database_backend):
    km = auth_headers("klantmanager", gemeente=GEMEENTE)
    bsn, key = next(_bsns), str(uuid.uuid4())
    headers = {**km, "Idempotency-Key": key}
    b = burst(
        f"[{database_backend.name}] one Idempotency-Key, one body",
        BURST,
        lambda c, i: c.post(url(system, "intake", "/inburgeraars"), json=persoon(bsn), headers=headers),
    )
    b.assert_clean()
    ran = [
        a
        for a in b.answers
        if a is not None and a.status_code == 201 and "Idempotent-Replayed" not in a.headers
    ]
    replayed = [a for a in b.answers if a is not None and a.headers.get("Idempotent-Replayed") == "true"]
    assert len(ran) == 1
    assert b.statuses[409] + len(replayed) == BURST - 1  # still running (Retry-After), or replayed
    assert {a.status_code for a in replayed} <= {201}
    assert all(a.content == ran[0].content for a in replayed)
    b.assert_retry_after(409)
    assert [d["url"] for d in dossiers_met(system, km, bsn)] == [ran[0].json()["url"]]
    later = httpx.post(url(system, "intake", "/inburgeraars"), json=persoon(bsn), headers=headers)
    assert (later.status_code, later.headers.get("Idempotent-Replayed")) == (201, "true")


def test_one_idempotency_key_with_different_bodies_runs_only_the_first(
    system, auth_headers, database_backend
):
    km = auth_headers("klantmanager", gemeente=GEMEENTE)
    bsns, key = [next(_bsns) for _ in range(BURST)], str(uuid.uuid4())
    headers = {**km, "Idempotency-Key": key}
    b = burst(
        f"[{database_backend.name}] one Idempotency-Key, {BURST} bodies",
        BURST,
        lambda c, i: c.post(url(system, "intake", "/inburgeraars"), json=persoon(bsns[i]), headers=headers),
    )
    b.assert_clean()
    assert b.statuses[201] == 1
    assert b.statuses[409] + b.statuses[422] == BURST - 1
    b.assert_retry_after(409)
    assert sum(len(dossiers_met(system, km, bsn)) for bsn in bsns) == 1


def test_vaststellen_at_once_sets_the_pip_once_and_opens_one_traject(system, auth_headers, database_backend):
    coa, km = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    beheer = auth_headers("beheer", gemeente=GEMEENTE)
    today = date.today()
    handover = httpx.post(
        url(system, "intake", "/coa-overdrachten"),
        json=overdracht(f"COA-VASTSTELLEN-{uuid.uuid4().hex[:8]}", next(_bsns)),
        headers=coa,
    )
    inburgeraar = handover.json()["inburgeraar"]
    record_brp(system, km, inburgeraar, today - timedelta(days=3))
    pip = concept_pip(system, km, inburgeraar)
    with httpx.Client(headers=km) as klantmanager, httpx.Client(headers=beheer) as gemeente:
        zet_briefhoofd(gemeente, url(system, "pip", ""), GEMEENTE)
        maak_volledig(klantmanager, pip, today)
    etag = httpx.get(pip["url"], headers=km).headers["ETag"]
    body = {"leerroute": "B1-route", "dagtekening": today.isoformat()}
    b = burst(
        f"[{database_backend.name}] vaststellen with one If-Match",
        BURST,
        lambda c, i: c.post(pip["url"] + "/vaststellen", json=body, headers={**km, "If-Match": etag}),
    )
    b.assert_clean()
    assert b.statuses == {200: 1, 412: BURST - 1}
    assert httpx.get(pip["url"], headers=km).json()["status"] == "vastgesteld"

    def trajecten() -> list[dict]:
        rows = httpx.get(url(system, "trajectory", "/trajecten?pageSize=100"), headers=km).json()["results"]
        return [t for t in rows if t["inburgeraar"] == inburgeraar]

    assert len(eventually(trajecten)) == 1


def duo_headers(bericht_id: str) -> dict[str, str]:
    """As DUO sends them, with DUO's certificate forwarded as the proxy does (duo/afzender.py)."""
    cert, _key = certificaat_pem(DUO_OIN)
    return {"bron": DUO_OIN, "doel": GEMEENTE_OINS[GEMEENTE], "berichtId": bericht_id,
            "X-Client-Cert": quote(cert.decode())}  # fmt: skip


def test_duo_notifications_at_once_are_each_stored_once(system, auth_headers, database_backend):
    """DUO resends a notification when it missed our answer: the same berichtId is stored once; many
    notifications for a person not yet known to the trajectory make one DUO dossier."""
    km = auth_headers("klantmanager", gemeente=GEMEENTE)
    bsn = next(_bsns)
    dossier = httpx.post(url(system, "intake", "/inburgeraars"), json=persoon(bsn), headers=km).json()["url"]
    feiten = {"gemeenteOin": GEMEENTE_OINS[GEMEENTE], "gemeentecode": GEMEENTE[2:],
              "vestigingsdatum": "2026-08-01", "inburgeringsplicht": {"indicatorInburgeringsplicht": True,
              "begindatum": "2026-07-01"}, "doelgroep": {"indeling": "Asielstatushouder",
              "gedetailleerdeDoelgroep": "Asielstatushouder"}}  # fmt: skip
    assert httpx.put(simulator(system, f"/personen/{bsn}"), json=feiten).status_code == 201
    notificatie = {"registratieDatumTijd": "2026-08-01T10:00:00Z", "bsn": bsn, "gebeurtenisId": "SS139"}
    same = duo_headers(str(uuid.uuid4()))
    resent = burst(
        f"[{database_backend.name}] one DUO notification resent",
        BURST,
        lambda c, i: c.post(url(system, "trajectory", "/notificaties"), json=notificatie, headers=same),
    )
    resent.assert_clean()
    assert resent.statuses == {201: BURST}
    distinct = [duo_headers(str(uuid.uuid4())) for _ in range(BURST)]
    many = burst(
        f"[{database_backend.name}] {BURST} DUO notifications, one person",
        BURST,
        lambda c, i: c.post(
            url(system, "trajectory", "/notificaties"), json=notificatie, headers=distinct[i]
        ),
    )
    many.assert_clean()
    assert many.statuses == {201: BURST}

    def stored() -> list[dict]:
        rows = httpx.get(
            url(system, "trajectory", "/duo-dossiers"), params={"inburgeraar": dossier}, headers=km
        ).json()["results"]
        return rows

    [duo_dossier] = eventually(stored)
    assert Counter(n["gebeurtenisId"] for n in duo_dossier["notificaties"]) == {"SS139": 1 + BURST}
