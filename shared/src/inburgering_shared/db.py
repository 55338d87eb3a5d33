"""Database plumbing shared by the services: one code path for SQLite and PostgreSQL.

Each service owns its own database (or schema) and its own `Base`; this module
gives them the engine, the constraint naming convention, a UTC timestamp type,
and the per-request transaction (`RequestTransaction`): the handler's changes, the
request's audit rows and its stored idempotent answer commit together, once, before
the response is sent (so nothing is acknowledged that is not stored, and no change
is kept without its audit row).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator, MutableMapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, MetaData, TypeDecorator, Uuid, create_engine, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CONNECT_TIMEOUT_SECONDS = 5
# Connections and threads, sized together so that no request waits on the pool. The sync handlers,
# dependencies and middleware steps of a service run on the event loop's worker threads, at most
# REQUEST_THREADS at once (the app sets anyio's limiter to it; more only contend for the GIL). At
# most REQUEST_SESSIONS /v1 requests hold a transaction at once (turns.py says why); the pool keeps
# a connection open for each of those and for each thread (an Idempotency-Key reservation, a request
# outside /v1), so a busy service never opens one per request: a PostgreSQL connection is a server
# process, milliseconds to start. The overflow is for the dispatcher and the metrics scrape, which
# run on threads of their own.
REQUEST_THREADS = 10
REQUEST_SESSIONS = 20
POOL_SIZE = REQUEST_SESSIONS + REQUEST_THREADS
POOL_OVERFLOW = 10

# JSON documents: JSONB on PostgreSQL, JSON text on SQLite.
JsonDocument = JSON().with_variant(JSONB(), "postgresql")


def new_metadata() -> MetaData:
    return MetaData(naming_convention=NAMING_CONVENTION)


def new_uuid() -> uuid.UUID:
    return uuid.uuid4()


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """An instant stored in UTC and always read back timezone-aware (SQLite drops zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; use an aware one")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def make_engine(url: str, **kwargs: Any) -> Engine:
    # A database error's text never carries the statement's values (a BSN, health data), so
    # neither do the logs that record it nor anything built from it.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    # A database that stops answering must not hang requests: connecting gives up after
    # CONNECT_TIMEOUT_SECONDS and /health/ready answers 503 (tests/security/test_faults.py).
    kwargs.setdefault("connect_args", {"connect_timeout": CONNECT_TIMEOUT_SECONDS})
    if "poolclass" not in kwargs:
        kwargs.update(pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, pool_timeout=10)
    return create_engine(url, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, open transactions, so savepoints work
    # (the pysqlite recipe in SQLAlchemy's SQLite dialect documentation).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # IMMEDIATE takes the write lock up front and waits (busy_timeout) for it;
    # a deferred transaction that later writes would fail at once with
    # "database is locked" when another connection wrote in between (WAL snapshots).
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A transaction of its own, committed at the end: for requests outside /v1."""
    with factory() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


_REQUEST_TRANSACTION = "inburgering.transaction"


class RequestTransaction:
    """The one transaction of a /v1 request, opened at its first use and committed by its owner.

    The audit middleware owns it (`begin_request`): the handler works in it through
    `DbSession` (`joined`: flushed when the handler returns, rolled back when it
    raises); the idempotency middleware and the audit middleware add their rows as
    `before_commit` steps; the audit middleware commits. Services flush, never commit.
    """

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self._session: Session | None = None
        self._steps: list[Callable[[Session], None]] = []
        self._if_lost: list[Callable[[], None]] = []

    @property
    def session(self) -> Session:
        if self._session is None:
            self._session = self._factory()
        return self._session

    def joined(self) -> Iterator[Session]:
        """The handler's part: flushed when it returns (so conflicts surface as its errors)."""
        session = self.session
        try:
            yield session
            session.flush()
        except BaseException:
            session.rollback()
            raise

    def before_commit(self, step: Callable[[Session], None]) -> None:
        """`step` writes in this transaction just before it commits, also when the changes are undone."""
        self._steps.append(step)

    def if_lost(self, undo: Callable[[], None]) -> None:
        """`undo` runs, in a transaction of its own, when the commit fails (best effort)."""
        self._if_lost.append(undo)

    def commit(self, *, keep_changes: bool) -> None:
        """Commit the handler's changes (unless the request failed) and the steps' rows, at once."""
        try:
            session = self.session
            if not keep_changes:
                session.rollback()
            for step in self._steps:
                step(session)
            session.commit()
        except BaseException:
            self.close()
            for undo in self._if_lost:
                with contextlib.suppress(SQLAlchemyError):
                    undo()
            raise

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


def begin_request(scope: MutableMapping[str, Any], factory: sessionmaker[Session]) -> RequestTransaction:
    started = RequestTransaction(factory)
    scope[_REQUEST_TRANSACTION] = started
    return started


def request_transaction(scope: MutableMapping[str, Any]) -> RequestTransaction | None:
    found: RequestTransaction | None = scope.get(_REQUEST_TRANSACTION)
    return found


__all__ = [
    "NAMING_CONVENTION",
    "JsonDocument",
    "RequestTransaction",
    "UTCDateTime",
    "Uuid",
    "begin_request",
    "make_engine",
    "make_session_factory",
    "new_metadata",
    "new_uuid",
    "request_transaction",
    "transaction",
    "utcnow",
]
