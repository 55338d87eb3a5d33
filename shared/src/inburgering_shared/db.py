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
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import JSON, DateTime, MetaData, String, TypeDecorator, Uuid, create_engine, event, make_url
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, configure_mappers, sessionmaker
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

T = TypeVar("T")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CONNECT_TIMEOUT_SECONDS = 5
# The PostgreSQL connections one process may open by default (`<PREFIX>DATABASE_CONNECTIONS`);
# processes x this must stay under the server's max_connections (docs/operations.md).
DATABASE_CONNECTIONS = 40


@dataclass(frozen=True)
class ConnectionBudget:
    """How one process spends its PostgreSQL connections, sized so that no request waits on a pool.

    `turns`: at most so many /v1 requests hold a transaction at once (turns.py says why), and as
    many worker threads run the sync handlers, dependencies and middleware steps (the app sets
    anyio's limiter to it; more only contend for the GIL). Never more turns than threads: a
    transaction waiting for a row lock (PostgreSQL: a concurrent insert of the same key) blocks
    its thread, and with more transactions open than threads every thread could wait for a lock
    held by a transaction that needs a thread to commit: the service hung for good (measured with
    20 turns: 30 identical COA handovers, 20 never answered and every later request 503). With no
    more turns than threads a lock holder always finds a thread; a lock wait past
    WRITE_WAIT_SECONDS still ends in 503 (lock_timeout).

    `pool_size`: SQLAlchemy's pool keeps a connection open for each turn's transaction and for
    each thread (an Idempotency-Key reservation, a request outside /v1), so a busy service never
    opens one per request: a PostgreSQL connection is a server process, milliseconds to start.
    `overflow` is for the dispatcher and the metrics scrape, which run on threads of their own.

    `reads`: the hot reads' own pool (`pg_reads`), one per turn. A hot read holds one for a single
    round trip, but that round trip commits its audit row (a WAL flush), so under load the reads
    are bound by commit latency, not CPU: measured at 50 concurrent reads in one process on a
    loaded machine, 5 connections gave 69 reads/s, 20 gave 118 (the sync path 111, at 1.9x the
    CPU).

    A quarter of the connections are turns; 40 (the default) gives 10 turns and threads, a pool of
    20 + 10 overflow and 10 for the hot reads. Fewer turns only make requests wait for a turn
    sooner (503 after WRITE_WAIT_SECONDS), never for a connection.
    """

    connections: int = DATABASE_CONNECTIONS

    def __post_init__(self) -> None:
        if self.connections < 4:
            raise ValueError("a process needs at least 4 database connections (one turn)")

    @property
    def turns(self) -> int:
        return self.connections // 4

    @property
    def threads(self) -> int:
        return self.turns

    @property
    def pool_size(self) -> int:
        return self.turns + self.threads

    @property
    def reads(self) -> int:
        return self.turns

    @property
    def overflow(self) -> int:
        return self.connections - self.pool_size - self.reads


DEFAULT_BUDGET = ConnectionBudget()

# Instead of a pre-ping per checkout, connections are replaced after POOL_RECYCLE_SECONDS and a hot
# read that meets a connection the server dropped is retried once on another (pg_reads).
POOL_RECYCLE_SECONDS = 1800
# How long a writer waits for the database's write lock (SQLite's busy timeout) or for its turn
# (turns.py) before it gives up with 503 and Retry-After: long enough for a burst of writers to pass
# one by one, short enough to answer before a client's own timeout.
WRITE_WAIT_SECONDS = 10

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


def make_engine(url: str, budget: ConnectionBudget = DEFAULT_BUDGET, **kwargs: Any) -> Engine:
    # A database error's text never carries the statement's values (a BSN, health data), so
    # neither do the logs that record it nor anything built from it.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        connect_args = {"check_same_thread": False, "timeout": WRITE_WAIT_SECONDS}
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    # A database that stops answering must not hang requests: connecting gives up after
    # CONNECT_TIMEOUT_SECONDS and /health/ready answers 503 (tests/security/test_faults.py).
    kwargs.setdefault("connect_args", {"connect_timeout": CONNECT_TIMEOUT_SECONDS})
    if "poolclass" not in kwargs:
        kwargs.update(pool_size=budget.pool_size, max_overflow=budget.overflow, pool_timeout=10)
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _postgresql_lock_timeout)
    return engine


def make_async_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """The asyncio engine on the SQLite database of `url` (a sync URL, as the settings give it):
    aiosqlite, with the same pragmas and BEGIN IMMEDIATE as the sync engine. PostgreSQL's hot
    reads go by psycopg itself (`pg_reads`)."""
    kwargs.setdefault("hide_parameters", True)
    engine = create_async_engine(
        make_url(url).set(drivername="sqlite+aiosqlite"),
        connect_args={"timeout": WRITE_WAIT_SECONDS},
        **kwargs,
    )
    event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    event.listen(engine.sync_engine, "begin", _sqlite_begin)
    return engine


class ReadFailed(Exception):
    """A hot read that failed whole (no rows, no audit row); `orig` is the driver's error."""

    def __init__(self, orig: BaseException) -> None:
        super().__init__(type(orig).__name__)
        self.orig = orig


class Reads(Protocol):
    """Runs a read and its audit rows in a transaction of its own, committed: `in_one`, one
    statement that reads and writes (a data-modifying CTE, PostgreSQL), or `in_steps`, statements
    run in order on one connection whose last gives the rows (SQLite)."""

    async def read(self, in_one: Any, in_steps: Sequence[Any], values: Mapping[str, Any]) -> list[Any]: ...

    async def close(self) -> None: ...


def run_steps(connection: Connection, in_steps: Sequence[Any], values: Mapping[str, Any]) -> list[Any]:
    """`Reads`' `in_steps` on `connection`: each in order, the rows of the last."""
    *writes, query = in_steps
    for statement in writes:
        connection.execute(statement, values)
    return list(connection.execute(query, values))


class AsyncReads:
    """`Reads` on SQLite on the event loop: the steps on the asyncio engine's connection."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def read(self, in_one: Any, in_steps: Sequence[Any], values: Mapping[str, Any]) -> list[Any]:
        try:
            async with self.engine.begin() as connection:
                return await connection.run_sync(run_steps, in_steps, values)
        except SQLAlchemyError as error:
            raise ReadFailed(getattr(error, "orig", None) or error) from error

    async def close(self) -> None:
        await self.engine.dispose()


def loaded(cls: type[T], values: Mapping[str, Any]) -> T:
    """An object of the mapped class `cls` holding `values` (every column by its attribute name),
    outside any session, for an answer read with Core: built as SQLAlchemy's own loader builds
    one, without the instrumented constructor's event per attribute (about ten times the cost,
    measured for a page of PIPs)."""
    instance: T = _class_manager(cls).new_instance()
    instance.__dict__.update(values)
    return instance


_CLASS_MANAGERS: dict[type, Any] = {}


def _class_manager(cls: type) -> Any:
    """`cls`'s instrumentation, its mappers configured first: the constructor would configure them,
    and an attribute of an unconfigured mapper cannot be read (a process's first request)."""
    found = _CLASS_MANAGERS.get(cls)
    if found is None:
        configure_mappers()
        found = _CLASS_MANAGERS[cls] = sa_inspect(cls).class_manager
    return found


class RandomUuid(FunctionElement[uuid.UUID]):
    """A new random (version 4) UUID made by the database, for set-based inserts."""

    type = Uuid()
    inherit_cache = True


@compiles(RandomUuid, "postgresql")
def _random_uuid_postgresql(element: RandomUuid, compiler: SQLCompiler, **kw: Any) -> str:
    return "gen_random_uuid()"


@compiles(RandomUuid, "sqlite")
def _random_uuid_sqlite(element: RandomUuid, compiler: SQLCompiler, **kw: Any) -> str:
    # 32 hex digits as SQLAlchemy's Uuid stores them on SQLite, version 4 and variant bits set;
    # no subquery, which SQLite would evaluate once for all rows.
    return (
        "lower(hex(randomblob(6)) || '4' || substr(hex(randomblob(2)), 2)"
        " || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(8)), 2))"
    )


class UuidText(FunctionElement[str]):
    """A UUID column as text in its canonical form (lower case, dashes), as in our URLs."""

    type = String()
    inherit_cache = True


@compiles(UuidText, "postgresql")
def _uuid_text_postgresql(element: UuidText, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS TEXT)"


@compiles(UuidText, "sqlite")
def _uuid_text_sqlite(element: UuidText, compiler: SQLCompiler, **kw: Any) -> str:
    h = compiler.process(element.clauses, **kw)
    spans = ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))
    return "lower(" + " || '-' || ".join(f"substr({h}, {start}, {length})" for start, length in spans) + ")"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, open transactions, so savepoints work
    # (the pysqlite recipe in SQLAlchemy's SQLite dialect documentation).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={WRITE_WAIT_SECONDS * 1000}")
    cursor.close()


# A statement that waits longer than this for a lock fails (lock_not_available, an
# OperationalError: 503 with Retry-After) instead of holding its request without end; set on every
# PostgreSQL connection, the engines' and the hot reads' (`pg_reads`).
POSTGRESQL_LOCK_TIMEOUT = f"SET lock_timeout = '{WRITE_WAIT_SECONDS}s'"


def _postgresql_lock_timeout(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(POSTGRESQL_LOCK_TIMEOUT)
    cursor.close()
    dbapi_connection.commit()


def _sqlite_begin(connection: Any) -> None:
    # IMMEDIATE takes the write lock up front and waits (busy_timeout) for it;
    # a deferred transaction that later writes would fail at once with
    # "database is locked" when another connection wrote in between (WAL snapshots).
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def request_turns(engine: Engine, budget: ConnectionBudget) -> int:
    """How many /v1 requests of a process may hold a transaction at once (turns.py).

    SQLite has one writer at a time, and every /v1 request writes (at least its audit row), so
    on SQLite the requests of a process take turns one by one: they wait on the event loop, not
    on worker threads blocked in the busy timeout (with all threads waiting for the lock, the
    request holding it found no thread to commit on, and all waited out the timeout: 60 s stalls
    and "database is locked" for bursts of 20 writers). Other processes and the process's own
    background threads (the outbox dispatcher) still meet it through the busy timeout.
    """
    return 1 if engine.dialect.name == "sqlite" else budget.turns


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

    @property
    def idle(self) -> bool:
        """Nothing was done in it: no session opened, no step to run (a read audited on its own)."""
        return self._session is None and not self._steps

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
    "AsyncReads",
    "ConnectionBudget",
    "JsonDocument",
    "RandomUuid",
    "ReadFailed",
    "Reads",
    "RequestTransaction",
    "UTCDateTime",
    "Uuid",
    "UuidText",
    "begin_request",
    "loaded",
    "make_async_engine",
    "make_engine",
    "make_session_factory",
    "new_metadata",
    "new_uuid",
    "request_transaction",
    "request_turns",
    "run_steps",
    "transaction",
    "utcnow",
]
