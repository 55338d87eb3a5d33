"""A request's change, its audit rows and its idempotent answer commit together (db.RequestTransaction).

The faults are injected where they hurt: at the request transaction's COMMIT (after the
handler, the audit rows and the stored answer are all in it) and in the handler after it
stored its change. Neither may leave a change without its audit row, an audit row of a
change that was not kept, or a key whose retry replays an answer of a change that is gone.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi import FastAPI
from inburgering_shared.audit import AUDITTRAIL
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.idempotency import IDEMPOTENTIE
from inburgering_shared.testing import TokenFactory, rollback_client
from security_testkit import OWN, persoon, seed_dossier
from sqlalchemy import event, func, select, table
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

_bsns = bsn_numbers(226_000_000)
INBURGERAAR = table("inburgeraar")


@contextmanager
def commit_fails(factory: sessionmaker[Session]) -> Iterator[list[int]]:
    """Every commit of a transaction holding audit rows fails as a lost database would; yields the count.

    An audit row is seen in the SQL sent, so the ORM's flush and a hot read's single statement
    (audit.audited_read, a CTE) are caught alike."""
    failed: list[int] = []
    audited: list[int] = []

    def mark(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "INSERT INTO audittrail" in statement:
            audited.append(1)

    def fail(session: Session) -> None:
        if audited:
            audited.clear()
            failed.append(1)
            raise OperationalError("COMMIT", {}, ConnectionResetError("injected: connection lost"))

    event.listen(Engine, "before_cursor_execute", mark)
    event.listen(factory, "before_commit", fail)
    try:
        yield failed
    finally:
        event.remove(Engine, "before_cursor_execute", mark)
        event.remove(factory, "before_commit", fail)


def counts(app: FastAPI) -> dict[str, Any]:
    with app.state.session_factory() as session:
        return {
            "inburgeraars": session.scalar(select(func.count()).select_from(INBURGERAAR)),
            "audit": session.execute(select(AUDITTRAIL.c.actie, AUDITTRAIL.c.resultaat)).all(),
            "sleutels": session.execute(select(IDEMPOTENTIE.c.sleutel, IDEMPOTENTIE.c.status)).all(),
        }


def test_a_failed_commit_keeps_neither_the_change_nor_its_audit_row_nor_its_answer(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    app = service_apps["intake"]
    km = auth_headers("klantmanager", gemeente=OWN)
    headers = {**km, "Idempotency-Key": "commit-valt-weg"}
    body = persoon(next(_bsns))
    with rollback_client(app) as intake:
        with commit_fails(app.state.session_factory) as failed:
            created = intake.post("/v1/inburgeraars", json=body, headers=headers)
            assert created.status_code == 503, created.text
            assert created.headers["content-type"] == "application/problem+json"
            assert counts(app) == {"inburgeraars": 0, "audit": [], "sleutels": []}
        assert failed == [1]
        again = intake.post("/v1/inburgeraars", json=body, headers=headers)
        assert again.status_code == 201, again.text  # ran: the lost attempt left no answer to replay
        assert "idempotent-replayed" not in again.headers
        assert counts(app) == {
            "inburgeraars": 1,
            "audit": [("aanmaken", 201)],
            "sleutels": [("commit-valt-weg", 201)],
        }


def test_a_read_whose_audit_row_cannot_be_committed_gives_no_data(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory
) -> None:
    app = service_apps["intake"]
    with rollback_client(app) as intake:
        seeded = seed_dossier(intake, auth_headers)
        with commit_fails(app.state.session_factory):
            read = intake.get(seeded.reads[0], headers=auth_headers("klantmanager", gemeente=OWN))
        assert read.status_code == 503
        bsn = seeded.secrets[0]
        assert bsn not in read.text and persoon(bsn)["achternaam"] not in read.text
        assert ("lezen", 200) not in counts(app)["audit"]


def test_a_handler_that_fails_after_storing_keeps_only_the_audit_row_and_frees_its_key(
    service_apps: dict[str, FastAPI], auth_headers: TokenFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intake_service.inburgeraars import router

    def broken(*_args: Any) -> None:
        raise RuntimeError("injected: fails after the dossier was flushed")

    app = service_apps["intake"]
    headers = {**auth_headers("klantmanager", gemeente=OWN), "Idempotency-Key": "handler-faalt"}
    body = persoon(next(_bsns))
    with rollback_client(app) as intake:
        with monkeypatch.context() as patch:
            patch.setattr(router, "to_read", broken)
            failed = intake.post("/v1/inburgeraars", json=body, headers=headers)
        assert failed.status_code == 500
        assert counts(app) == {"inburgeraars": 0, "audit": [("aanmaken", 500)], "sleutels": []}
        again = intake.post("/v1/inburgeraars", json=body, headers=headers)
        assert again.status_code == 201, again.text
        assert "idempotent-replayed" not in again.headers
