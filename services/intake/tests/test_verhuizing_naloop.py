"""A read of the old gemeente that runs while the hand-over commits is handed over too.

The read sees the dossier as the old gemeente's (its snapshot predates the hand-over's commit) and its
audit row, written when the read's transaction commits, records that gemeente. Every audit row of the
person written up to the hand-over goes to the new gemeente (`inburgering_shared.verhuizing.naloop`),
so the old gemeente keeps nothing of the dossier's history. Real transactions, not the rolled-back
client: the race needs two connections.
"""

import threading
import time
from datetime import date, timedelta

from fastapi.testclient import TestClient
from inburgering_shared.audit import AUDITTRAIL, AuditMiddleware
from intake_service.inburgeraars.models import Inburgeraar
from intake_testkit import registreer
from sqlalchemy import select

OUD, NIEUW = "GM1680", "GM1681"  # gemeenten no other test counts in: these rows are committed


def test_an_audit_row_of_a_read_racing_the_hand_over_goes_to_the_new_gemeente(
    app, auth_headers, bsn, monkeypatch
):
    oud, nieuw = auth_headers("klantmanager", gemeente=OUD), auth_headers("klantmanager", gemeente=NIEUW)
    gelezen, doorgaan = threading.Event(), threading.Event()
    commit = AuditMiddleware._commit

    def read_paused_before_its_audit_row(transaction, rows, keep_changes):
        if any(r["resource_url"] == "/v1/inburgeraars/zoeken" for r in rows):
            gelezen.set()  # the dossier is read, as the old gemeente's; its audit row not yet written
            assert doorgaan.wait(30)
        commit(transaction, rows, keep_changes)

    with TestClient(app, raise_server_exceptions=False) as client:
        dossier = registreer(client, oud, bsn, gemeente=OUD).json()
        monkeypatch.setattr(AuditMiddleware, "_commit", staticmethod(read_paused_before_its_audit_row))
        antwoorden: dict[str, object] = {}
        lezer = threading.Thread(
            target=lambda: antwoorden.update(
                lezing=client.post("/v1/inburgeraars/zoeken", json={"bsn": bsn}, headers=oud)
            )
        )
        lezer.start()
        assert gelezen.wait(30)
        body = {
            "bsn": bsn,
            "naarGemeente": NIEUW,
            "datumVestiging": (date.today() - timedelta(days=1)).isoformat(),
            "gebeurtenis": "SS120",
        }
        overdrager = threading.Thread(
            target=lambda: antwoorden.update(
                verhuizing=client.post("/v1/verhuizingen", json=body, headers=nieuw)
            )
        )
        overdrager.start()
        if app.state.engine.dialect.name == "postgresql":
            # The hand-over commits while the read is still open. (On SQLite the read holds the one
            # write lock, BEGIN IMMEDIATE, so the hand-over waits for it: the race cannot happen.)
            tot = time.monotonic() + 30
            while gemeente_van(app, dossier["uuid"]) != NIEUW:
                assert time.monotonic() < tot, "the hand-over did not commit"
                time.sleep(0.02)
        doorgaan.set()
        lezer.join(30)
        overdrager.join(60)
        assert [i["gemeentecode"] for i in antwoorden["lezing"].json()] == [OUD]  # read before the move
        assert antwoorden["verhuizing"].status_code == 200, antwoorden["verhuizing"].text

        with app.state.engine.connect() as connection:
            rijen = connection.execute(
                select(AUDITTRAIL.c.resource_url, AUDITTRAIL.c.gemeentecode).where(
                    AUDITTRAIL.c.hoofd_object == dossier["url"]
                )
            ).all()
        assert ("/v1/inburgeraars/zoeken", NIEUW) in rijen
        assert {gemeente for _, gemeente in rijen} == {NIEUW}
        trail = client.get(
            "/v1/audittrail",
            params={"hoofdObject": dossier["url"]},
            headers=auth_headers("teamleider", gemeente=OUD),
        )
        assert trail.json()["count"] == 0


def gemeente_van(app, inburgeraar_id: str) -> str:
    with app.state.engine.connect() as connection:
        return connection.scalar(select(Inburgeraar.gemeentecode).where(Inburgeraar.id == inburgeraar_id))
