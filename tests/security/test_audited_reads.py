"""The hot reads audit themselves (audit.audited_read) on the asyncio engine, committed for real.

The audit row of a read is in the database (seen from another connection) when the answer's
first byte is sent, and a read whose audit row cannot be written gives no data at all.
"""

from collections.abc import Iterator
from itertools import islice

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from inburgering_shared.audit import AUDITTRAIL
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.db import AsyncReads
from inburgering_shared.testing import DatabaseBackend, TokenFactory
from security_testkit import OWN, build_app, persoon, seed_dossier
from sqlalchemy import func, select, text
from starlette.types import Message, Receive, Scope, Send

REFUSE_AUDIT = {
    "postgresql": [
        "CREATE FUNCTION weiger_audit() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'audittrail onbeschikbaar'; END $$",
        "CREATE TRIGGER weiger_audit BEFORE INSERT ON audittrail FOR EACH ROW "
        "EXECUTE FUNCTION weiger_audit()",
    ],
    "sqlite": [
        "CREATE TRIGGER weiger_audit BEFORE INSERT ON audittrail "
        "BEGIN SELECT RAISE(ABORT, 'audittrail onbeschikbaar'); END"
    ],
}
ALLOW_AUDIT = {
    "postgresql": ["DROP TRIGGER weiger_audit ON audittrail", "DROP FUNCTION weiger_audit()"],
    "sqlite": ["DROP TRIGGER weiger_audit"],
}


@pytest.fixture(scope="module")
def intake(database_backend: DatabaseBackend) -> FastAPI:
    """Intake on a database of its own whose requests commit (no rollback_client)."""
    return build_app(database_backend, "intake", prefix="reads")


def audit_rows(app: FastAPI, path: str) -> list[tuple[str | None, int]]:
    with app.state.engine.connect() as connection:
        return [
            (r.hoofd_object, r.resultaat)
            for r in connection.execute(
                select(AUDITTRAIL.c.hoofd_object, AUDITTRAIL.c.resultaat).where(
                    AUDITTRAIL.c.resource_url == path, AUDITTRAIL.c.actie == "lezen"
                )
            )
        ]


class SeenAtFirstByte:
    """ASGI wrapper: when the answer starts, counts the committed audit rows of its path."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.seen: list[list[tuple[str | None, int]]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def spy(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.seen.append(audit_rows(self.app, scope["path"]))
            await send(message)

        await self.app(scope, receive, spy)


@pytest.fixture
def client(intake: FastAPI) -> Iterator[TestClient]:
    with TestClient(intake, raise_server_exceptions=False) as test_client:
        yield test_client


def test_the_hot_reads_run_on_the_asyncio_engine(intake: FastAPI) -> None:
    assert isinstance(intake.state.reads, AsyncReads)


def test_a_reads_audit_row_is_committed_before_its_first_byte(
    intake: FastAPI, client: TestClient, auth_headers: TokenFactory
) -> None:
    seeded = seed_dossier(client, auth_headers)
    path = seeded.reads[0]
    spy = SeenAtFirstByte(intake)
    km = auth_headers("klantmanager", gemeente=OWN)
    with TestClient(spy, raise_server_exceptions=False) as spied:  # type: ignore[arg-type]
        answer = spied.get(path, headers=km)
        foreign = spied.get(path, headers=auth_headers("klantmanager", gemeente="GM0363"))
    assert answer.status_code == 200, answer.text
    assert foreign.status_code == 404, foreign.text
    url = answer.json()["url"]
    assert spy.seen == [[(url, 200)], [(url, 200), (url, 404)]]
    assert audit_rows(intake, path) == [(url, 200), (url, 404)]  # none added by the middleware


def test_a_list_audits_every_dossier_on_its_page_in_its_read(
    intake: FastAPI, client: TestClient, auth_headers: TokenFactory
) -> None:
    km = auth_headers("klantmanager", gemeente=OWN)
    for bsn in islice(bsn_numbers(229_000_000), 2):
        assert client.post("/v1/inburgeraars", json=persoon(bsn), headers=km).status_code in (200, 201)
    spy = SeenAtFirstByte(intake)
    with TestClient(spy, raise_server_exceptions=False) as spied:  # type: ignore[arg-type]
        page = spied.get("/v1/inburgeraars", params={"pageSize": 2, "page": 1}, headers=km)
        empty = spied.get("/v1/inburgeraars", params={"pageSize": 2, "page": 1000}, headers=km)
    assert page.status_code == 200 and empty.status_code == 200, (page.text, empty.text)
    on_page = sorted((d["url"], 200) for d in page.json()["results"])
    assert len(on_page) == 2 and empty.json()["results"] == []
    assert empty.json()["count"] == page.json()["count"] >= 2
    assert sorted(spy.seen[0]) == on_page
    assert sorted(audit_rows(intake, "/v1/inburgeraars"), key=str) == sorted([*on_page, (None, 200)], key=str)


def test_a_read_whose_audit_row_cannot_be_written_gives_no_data(
    intake: FastAPI, client: TestClient, auth_headers: TokenFactory, database_backend: DatabaseBackend
) -> None:
    seeded = seed_dossier(client, auth_headers)
    km = auth_headers("klantmanager", gemeente=OWN)
    before = _audit_count(intake)
    _execute(intake, REFUSE_AUDIT[database_backend.name])
    try:
        answers = [client.get(seeded.reads[0], headers=km), client.get("/v1/inburgeraars", headers=km)]
    finally:
        _execute(intake, ALLOW_AUDIT[database_backend.name])
    for answer in answers:
        assert answer.status_code == 503, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.headers["Retry-After"] == "5"
        bsn = seeded.secrets[0]
        assert not any(data in answer.text for data in (bsn, "Amina", "Haddad")), answer.text
    assert _audit_count(intake) == before
    assert client.get(seeded.reads[0], headers=km).status_code == 200  # the trail writable again


def _execute(app: FastAPI, statements: list[str]) -> None:
    with app.state.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def _audit_count(app: FastAPI) -> int:
    with app.state.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(AUDITTRAIL)) or 0
