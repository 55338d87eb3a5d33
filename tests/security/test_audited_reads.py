"""The hot reads audit themselves (audit.audited_read) on the asyncio engine, committed for real.

The audit row of a read is in the database (seen from another connection) when the answer's
first byte is sent, and a read whose audit row cannot be written gives no data at all: for
intake's dossier and list, pip's PIP and list, trajectory's trajectory and list and the scheduler's
signal and work list alike.
"""

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from inburgering_shared.audit import AUDITTRAIL
from inburgering_shared.contracts.resources import Doelgroep, Leerroute, PipContract, PipStatus
from inburgering_shared.db import AsyncReads
from inburgering_shared.pg_reads import PostgresReads
from inburgering_shared.testing import DatabaseBackend, TokenFactory
from pip_service.pips.models import Pip
from scheduler_service.signalen.models import Signaal
from security_testkit import FOREIGN, OWN, build_app, seed_dossier
from sqlalchemy import func, select, text
from starlette.types import Message, Receive, Scope, Send
from trajectory_service.trajecten.service import open_traject

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


def seed_intake(app: FastAPI, client: TestClient, auth_headers: TokenFactory) -> tuple[str, list[str]]:
    """A dossier of the own gemeente: the path that reads it, and what of it must not leak."""
    seeded = seed_dossier(client, auth_headers)
    return seeded.reads[0], [seeded.secrets[0], "Amina", "Haddad"]


def seed_trajectory(app: FastAPI, client: TestClient, auth_headers: TokenFactory) -> tuple[str, list[str]]:
    """A Z-route trajectory of the own gemeente, opened as pip's vastgesteld PIP opens it."""
    inburgeraar = f"http://intake.test/v1/inburgeraars/{uuid.uuid4()}"
    pip_id = uuid.uuid4()
    pip = PipContract(
        url=f"http://pip.test/v1/pips/{pip_id}",
        uuid=pip_id,
        inburgeraar=inburgeraar,
        gemeentecode=OWN,
        status=PipStatus.VASTGESTELD,
        leerroute=Leerroute.Z,
        dagtekening=date(2026, 1, 15),
        versie=1,
        doelgroep=Doelgroep.ASIELSTATUSHOUDER,
    )
    with app.state.session_factory.begin() as session:
        traject = open_traject(session, pip)
    return f"/v1/trajecten/{traject.id}", [inburgeraar, pip.url]


def seed_pip(app: FastAPI, client: TestClient, auth_headers: TokenFactory) -> tuple[str, list[str]]:
    """A concept PIP of the own gemeente, as pip stores it for a new dossier."""
    inburgeraar = f"http://intake.test/v1/inburgeraars/{uuid.uuid4()}"
    with app.state.session_factory.begin() as session:
        pip = Pip(
            inburgeraar_url=inburgeraar, gemeentecode=OWN, doelgroep="Asielstatushouder", status="concept"
        )
        session.add(pip)
    return f"/v1/pips/{pip.id}", [inburgeraar]


def seed_signaal(
    app: FastAPI, client: TestClient, auth_headers: TokenFactory, inburgeraar: str | None = None
) -> tuple[str, list[str]]:
    """An open signal of the own gemeente on a PIP's deadline, as the deadline scan raises it."""
    inburgeraar = inburgeraar or f"http://intake.test/v1/inburgeraars/{uuid.uuid4()}"
    with app.state.session_factory.begin() as session:
        signaal = Signaal(
            soort="pip-vaststellen-verlopen",
            deadline_url=f"http://pip.test/v1/deadlines/{uuid.uuid4()}",
            deadline_soort="pip-vaststellen",
            inburgeraar_url=inburgeraar,
            gemeentecode=OWN,
            vervaldatum=date(2026, 6, 30),
            status="open",
            geopend_op=date(2026, 7, 1),
            klantmanager="km-1",
            niveau="klantmanager",
        )
        session.add(signaal)
    return f"/v1/signalen/{signaal.id}", [inburgeraar, "km-1"]


@dataclass(frozen=True)
class HotRead:
    service: str
    listing: str
    dossier_field: str  # the answer's field that names the dossier its audit row names
    foreign_names_dossier: bool  # a 404 names the dossier asked for (its URL is the path)
    seed: Callable[[FastAPI, TestClient, TokenFactory], tuple[str, list[str]]]


HOT_READS = [
    HotRead("intake", "/v1/inburgeraars", "url", True, seed_intake),
    HotRead("pip", "/v1/pips", "inburgeraar", False, seed_pip),
    HotRead("trajectory", "/v1/trajecten", "inburgeraar", False, seed_trajectory),
    HotRead("scheduler", "/v1/signalen", "inburgeraar", False, seed_signaal),
]


@pytest.fixture(scope="module", params=HOT_READS, ids=lambda read: read.service)
def hot(request: pytest.FixtureRequest, database_backend: DatabaseBackend) -> tuple[HotRead, FastAPI]:
    """The service of a hot read on a database of its own whose requests commit (no rollback_client)."""
    read: HotRead = request.param
    return read, build_app(database_backend, read.service, prefix="reads")


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
def client(hot: tuple[HotRead, FastAPI]) -> Iterator[TestClient]:
    with TestClient(hot[1], raise_server_exceptions=False) as test_client:
        yield test_client


def test_the_hot_reads_run_on_psycopg_or_aiosqlite(hot: tuple[HotRead, FastAPI]) -> None:
    app = hot[1]
    expected = PostgresReads if app.state.engine.dialect.name == "postgresql" else AsyncReads
    assert isinstance(app.state.reads, expected)


def test_a_reads_audit_row_is_committed_before_its_first_byte(
    hot: tuple[HotRead, FastAPI], client: TestClient, auth_headers: TokenFactory
) -> None:
    read, app = hot
    path, _ = read.seed(app, client, auth_headers)
    spy = SeenAtFirstByte(app)
    km = auth_headers("klantmanager", gemeente=OWN)
    with TestClient(spy, raise_server_exceptions=False) as spied:  # type: ignore[arg-type]
        answer = spied.get(path, headers=km)
        foreign = spied.get(path, headers=auth_headers("klantmanager", gemeente=FOREIGN))
    assert answer.status_code == 200, answer.text
    assert foreign.status_code == 404, foreign.text
    dossier = answer.json()[read.dossier_field]
    refused = (dossier if read.foreign_names_dossier else None, 404)
    assert spy.seen == [[(dossier, 200)], [(dossier, 200), refused]]
    assert audit_rows(app, path) == [(dossier, 200), refused]  # none added by the middleware


def test_a_list_audits_every_dossier_on_its_page_in_its_read(
    hot: tuple[HotRead, FastAPI], client: TestClient, auth_headers: TokenFactory
) -> None:
    read, app = hot
    km = auth_headers("klantmanager", gemeente=OWN)
    for _ in range(2):
        read.seed(app, client, auth_headers)
    spy = SeenAtFirstByte(app)
    with TestClient(spy, raise_server_exceptions=False) as spied:  # type: ignore[arg-type]
        page = spied.get(read.listing, params={"pageSize": 2, "page": 1}, headers=km)
        empty = spied.get(read.listing, params={"pageSize": 2, "page": 1000}, headers=km)
    assert page.status_code == 200 and empty.status_code == 200, (page.text, empty.text)
    on_page = sorted((d[read.dossier_field], 200) for d in page.json()["results"])
    assert len(on_page) == 2 and empty.json()["results"] == []
    assert empty.json()["count"] == page.json()["count"] >= 2
    assert sorted(spy.seen[0]) == on_page
    assert sorted(audit_rows(app, read.listing), key=str) == sorted([*on_page, (None, 200)], key=str)


def test_a_read_whose_audit_row_cannot_be_written_gives_no_data(
    hot: tuple[HotRead, FastAPI],
    client: TestClient,
    auth_headers: TokenFactory,
    database_backend: DatabaseBackend,
) -> None:
    read, app = hot
    path, secrets = read.seed(app, client, auth_headers)
    km = auth_headers("klantmanager", gemeente=OWN)
    before = _audit_count(app)
    _execute(app, REFUSE_AUDIT[database_backend.name])
    try:
        answers = [client.get(path, headers=km), client.get(read.listing, headers=km)]
    finally:
        _execute(app, ALLOW_AUDIT[database_backend.name])
    for answer in answers:
        assert answer.status_code == 503, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.headers["Retry-After"] == "5"
        assert not any(data in answer.text for data in secrets), answer.text
    assert _audit_count(app) == before
    assert client.get(path, headers=km).status_code == 200  # the trail writable again


def test_a_work_list_audits_each_dossier_on_its_page_once(
    database_backend: DatabaseBackend, auth_headers: TokenFactory
) -> None:
    """As the middleware does from an answer (audit.dossiers_in): a dossier with two signals on the
    page is one audit row, and a page whose signals name no dossier one row naming none."""
    app = build_app(database_backend, "scheduler", prefix="reads_once")
    km = auth_headers("klantmanager", gemeente=OWN)
    with TestClient(app, raise_server_exceptions=False) as client:
        inburgeraar = f"http://intake.test/v1/inburgeraars/{uuid.uuid4()}"
        for _ in range(2):
            seed_signaal(app, client, auth_headers, inburgeraar=inburgeraar)
        twice = client.get("/v1/signalen", headers=km)
        with app.state.session_factory.begin() as session:
            session.execute(Signaal.__table__.update().values(inburgeraar_url=None))
        nameless = client.get("/v1/signalen", headers=km, params={"pageSize": 1})
    assert [s["inburgeraar"] for s in twice.json()["results"]] == [inburgeraar, inburgeraar]
    assert nameless.json()["results"][0]["inburgeraar"] is None
    with app.state.engine.connect() as connection:
        rows = connection.execute(
            select(AUDITTRAIL.c.hoofd_object, AUDITTRAIL.c.gemeentecode).order_by(AUDITTRAIL.c.aanmaakdatum)
        )
        assert list(rows) == [(inburgeraar, OWN), (None, None)]


def _execute(app: FastAPI, statements: list[str]) -> None:
    with app.state.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def _audit_count(app: FastAPI) -> int:
    with app.state.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(AUDITTRAIL)) or 0
