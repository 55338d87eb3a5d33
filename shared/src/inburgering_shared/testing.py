"""Pytest plugin: every database test runs on SQLite and on PostgreSQL.

The `database_backend` fixture is parametrized over both. PostgreSQL comes
from `TEST_DATABASE_URL` (each service gets its own schema in that database,
dropped afterwards), or else from testcontainers where a Docker engine answers;
where neither is available the PostgreSQL lane is skipped with the reason shown.
Service tests run against a database migrated with Alembic, and each test's
changes are rolled back.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import anyio
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .auth import mint_token
from .db import ReadFailed, run_steps

T = TypeVar("T")
TEST_SECRET = "test-secret-not-for-production-use-only"

FIGURES: list[str] = []
"""Figures a test measured (bursts, faults: requests, outcomes, losses), printed at the end of the run."""


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("measured: requests, outcomes, losses")
        for line in FIGURES:
            terminalreporter.write_line(line)


def normalise_postgres_url(url: str) -> str:
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def postgres_schema_url(base_url: str, schema: str) -> str:
    """The URL of `schema` inside the database of `base_url`, created empty."""
    engine = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    url = make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def drop_postgres_schemas(base_url: str, schemas: list[str]) -> None:
    engine = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for schema in schemas:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


@dataclass
class DatabaseBackend:
    """Hands out one fresh database (SQLite file or PostgreSQL schema) per name."""

    name: str
    root: Path
    postgres_url: str | None = None
    created: list[str] = field(default_factory=list)

    def url_for(self, database: str) -> str:
        self.created.append(database)
        if self.postgres_url is None:
            return f"sqlite:///{self.root / (database + '.db')}"
        return postgres_schema_url(self.postgres_url, database)

    def cleanup(self) -> None:
        if self.postgres_url is not None:
            drop_postgres_schemas(self.postgres_url, self.created)


def _docker_answers() -> bool:
    try:
        import docker  # type: ignore[import-untyped]

        docker.from_env(timeout=3).ping()
    except Exception:
        return False
    return True


@contextmanager
def _postgres_url() -> Iterator[str]:
    if url := os.environ.get("TEST_DATABASE_URL"):
        yield normalise_postgres_url(url)
        return
    if os.environ.get("CI") != "true" and _docker_answers():
        from testcontainers.postgres import PostgresContainer  # type: ignore[import-untyped]

        with PostgresContainer("postgres:15-alpine", driver="psycopg") as container:
            yield container.get_connection_url()
        return
    pytest.skip(
        "PostgreSQL lane skipped: TEST_DATABASE_URL is not set and no Docker engine answers "
        "for testcontainers"
    )


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DatabaseBackend]:
    root = tmp_path_factory.mktemp(f"db-{request.param}")
    if request.param == "sqlite":
        backend = DatabaseBackend("sqlite", root)
        yield backend
        return
    with _postgres_url() as url:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        backend = DatabaseBackend("postgresql", root, url)
        yield _prefixed(backend, f"t_{os.getpid()}_{worker}_")
        backend.cleanup()


def _prefixed(backend: DatabaseBackend, prefix: str) -> DatabaseBackend:
    original = backend.url_for

    def url_for(database: str) -> str:
        return original(prefix + database)

    backend.url_for = url_for  # type: ignore[method-assign]
    return backend


@pytest.fixture(scope="session", autouse=True)
def _test_auth_secret() -> None:
    os.environ.setdefault("AUTH_JWT_SECRET", TEST_SECRET)


TokenFactory = Callable[..., dict[str, str]]


def token_headers(
    *roles: str, gemeente: str | list[str] = "GM0171", client_id: str = "test"
) -> dict[str, str]:
    """An Authorization header with a test token for these roles and gemeenten."""
    gemeenten = [gemeente] if isinstance(gemeente, str) else gemeente
    token = mint_token(
        os.environ["AUTH_JWT_SECRET"],
        client_id=client_id,
        roles=list(roles),
        gemeenten=gemeenten,
        user_id="tester",
        user_representation="Tester",
    )
    return {"Authorization": f"Bearer {token}"}


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser", "google-chrome"):
        if candidate and (path := shutil.which(candidate)):
            return path
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium (Debian's; playwright drives it, no browser download). Skipped with the reason
    when none is installed, except in CI (CI=true, set by .ci/run, which installs it): there it fails.
    Per module: playwright's driver holds an asyncio loop in the test thread while it runs."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the browser tests, but no Chromium was found (apt-get install chromium)")
        pytest.skip("Browser test skipped: no Chromium found (apt-get install chromium, or CHROMIUM_PATH)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def auth_headers() -> TokenFactory:
    """`auth_headers("klantmanager", "GM0171")` -> an Authorization header."""
    return token_headers


class SavepointReads:
    """`db.Reads` on the rolled-back test connection: the same statements, in a savepoint of it.

    A second connection could not see the test's uncommitted rows, nor write beside its open
    SQLite transaction, so within `rollback_client` the hot reads run here; tests that prove the
    hot read path itself commit for real (tests/security/test_audited_reads.py).
    """

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory

    async def read(self, in_one: Any, in_steps: Sequence[Any], values: Mapping[str, Any]) -> list[Any]:
        def in_savepoint() -> list[Any]:
            with self.factory.begin() as session:
                connection = session.connection()
                if connection.dialect.name == "postgresql":
                    return list(connection.execute(in_one, values))
                return run_steps(connection, in_steps, values)

        try:
            return await anyio.to_thread.run_sync(in_savepoint)
        except SQLAlchemyError as error:
            raise ReadFailed(getattr(error, "orig", None) or error) from error

    async def close(self) -> None:
        """The test's connection is closed by `rollback_client`."""


@contextmanager
def rollback_client(app: FastAPI) -> Iterator[TestClient]:
    """A client whose requests share one transaction that is rolled back afterwards."""
    original, original_reads = app.state.session_factory, app.state.reads
    connection = app.state.engine.connect()
    outer = connection.begin()
    app.state.session_factory = sessionmaker(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    app.state.reads = SavepointReads(app.state.session_factory)
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client
    finally:
        app.state.session_factory, app.state.reads = original, original_reads
        outer.rollback()
        # The client's lifespan ended by disposing the engine's pool; checked in to that orphaned
        # pool the connection would stay open until garbage collection (PostgreSQL ran out of
        # connections over the authorisation matrix), so it is closed outright.
        connection.invalidate()
        connection.close()


def migrated_app(
    backend: DatabaseBackend, name: str, alembic_ini: Path, create: Callable[[str], FastAPI]
) -> FastAPI:
    """A service app on a fresh database of `backend`, migrated with Alembic to head."""
    from .migrations import upgrade

    url = backend.url_for(name)
    upgrade(str(alembic_ini), url)
    return create(url)


def inburgeraar_event(inburgeraar: str, gemeentecode: str, actie: str = "update") -> dict[str, Any]:
    """Intake's event on kanaal `inburgeraars` as a receiver's `POST /v1/callbacks` body."""
    return {
        "id": str(uuid.uuid4()),
        "kanaal": "inburgeraars",
        "hoofdObject": inburgeraar,
        "resource": "inburgeraar",
        "resourceUrl": inburgeraar,
        "actie": actie,
        "aanmaakdatum": "2026-12-01T10:00:00Z",
        "kenmerken": {"gemeentecode": gemeentecode, "doelgroep": "Asielstatushouder"},
    }
