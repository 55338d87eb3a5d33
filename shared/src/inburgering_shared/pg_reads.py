"""The hot reads on PostgreSQL: one statement, compiled once by SQLAlchemy, executed by psycopg.

A hot read (`audit.audited_read`) is one statement: the rows and, in a data-modifying CTE, their
audit rows. Through SQLAlchemy's asyncio layer that statement cost 0.6-0.7 ms of the service's CPU
besides the server's own work (measured 2026-12-04: a dossier read 2,000 times on one process),
most of it in the pool checkout by way of greenlets, the execution context and the result object;
the same statement on a psycopg connection cost 0.19 ms. So here SQLAlchemy builds and compiles
the statement (once per statement and per length of its IN lists) and its own bind and result
processors convert the values (an instant to UTC), while psycopg_pool holds the connections, in
autocommit: the statement commits itself, so no row is answered before its audit row is stored,
and a read is one round trip.

The statement is compiled with PostgreSQL's own placeholders (`$1`, SQLAlchemy's `numeric_dollar`)
and sent by psycopg's raw cursor, which passes it on as it is: psycopg's usual cursor parses a
`%(name)s` statement for its placeholders, and caches what it found only for statements up to
4,096 bytes, which a list's (every column, through three CTEs) is not.

A pool belongs to the event loop that opened it (the loop of a test client or of uvicorn); a
connection the server dropped is discarded by the pool and the read tried once more on another.
"""

from __future__ import annotations

import asyncio
import weakref
from collections import namedtuple
from collections.abc import Callable, Mapping
from typing import Any

import psycopg
from psycopg_pool import AsyncConnectionPool, PoolTimeout
from sqlalchemy import make_url
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import Select
from sqlalchemy.sql.compiler import SQLCompiler

from .db import (
    CONNECT_TIMEOUT_SECONDS,
    POOL_RECYCLE_SECONDS,
    POSTGRESQL_LOCK_TIMEOUT,
    ReadFailed,
)

Processor = Callable[[Any], Any] | None


class _Answer:
    """How the rows of one SQL text are read: their row type and each column's result processor."""

    def __init__(self, statement: Select[Any], description: list[psycopg.Column], dialect: Dialect) -> None:
        names = [column.name for column in description]
        self.row = type("Rij", (namedtuple("Rij", names),), {"_mapping": property(lambda r: r._asdict())})
        self.processors: list[Processor] = [
            selected.type.dialect_impl(dialect).result_processor(dialect, column.type_code)
            for selected, column in zip(statement.selected_columns, description, strict=True)
        ]

    def rows(self, values: list[tuple[Any, ...]]) -> list[Any]:
        if not any(self.processors):
            return [self.row(*v) for v in values]
        processors = self.processors
        return [self.row(*(p(x) if p else x for p, x in zip(processors, v, strict=True))) for v in values]


async def _configure(connection: psycopg.AsyncConnection[Any]) -> None:
    await connection.execute(POSTGRESQL_LOCK_TIMEOUT)


class PostgresReads:
    """`db.Reads` on PostgreSQL (see the module docs)."""

    def __init__(self, url: str, connections: int) -> None:
        self._connections = connections
        self.dialect = PGDialect_psycopg(paramstyle="numeric_dollar")
        self._conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self._pools: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, AsyncConnectionPool[Any]] = (
            weakref.WeakKeyDictionary()
        )
        self._compiled: dict[Select[Any], SQLCompiler] = {}
        self._answers: dict[str, _Answer] = {}

    async def read(self, in_one: Select[Any], in_steps: Any, values: Mapping[str, Any]) -> list[Any]:
        """The rows of `in_one`, committed with whatever it writes (`in_steps` is SQLite's way)."""
        compiled = self._compiled.get(in_one)
        if compiled is None:
            compiled = self._compiled.setdefault(in_one, in_one.compile(dialect=self.dialect))  # type: ignore[arg-type]
        state = compiled.construct_expanded_state(dict(values))
        processors, parameters = state.processors, state.parameters
        bound = [
            processor(parameters[name]) if (processor := processors.get(name)) else parameters[name]
            for name in state.positiontup or ()
        ]
        for attempt in (1, 2):
            pool = await self._pool()
            try:
                async with pool.connection() as connection:
                    try:
                        cursor = await connection.execute(state.statement, bound)
                        fetched = await cursor.fetchall()
                    except psycopg.OperationalError:
                        if attempt == 1 and connection.broken:
                            continue  # the server dropped it: the pool discards it, try another
                        raise
            except PoolTimeout as error:
                raise ReadFailed(error) from error
            except psycopg.Error as error:
                raise ReadFailed(error) from error
            answer = self._answers.get(state.statement)
            if answer is None:
                description = cursor.description or []
                answer = self._answers.setdefault(state.statement, _Answer(in_one, description, self.dialect))
            return answer.rows(fetched)
        raise AssertionError("unreachable")

    async def _pool(self) -> AsyncConnectionPool[Any]:
        loop = asyncio.get_running_loop()
        pool = self._pools.get(loop)
        if pool is None:
            pool = AsyncConnectionPool(
                self._conninfo,
                min_size=1,
                max_size=self._connections,
                kwargs={
                    "autocommit": True,
                    "connect_timeout": CONNECT_TIMEOUT_SECONDS,
                    "cursor_factory": psycopg.AsyncRawCursor,
                },
                configure=_configure,
                max_lifetime=POOL_RECYCLE_SECONDS,
                timeout=2 * CONNECT_TIMEOUT_SECONDS,
                open=False,
            )
            self._pools[loop] = pool
            await pool.open()
        return pool

    async def close(self) -> None:
        """Close the pool of the running loop (at the end of the app's lifespan)."""
        pool = self._pools.pop(asyncio.get_running_loop(), None)
        if pool is not None:
            await pool.close()
