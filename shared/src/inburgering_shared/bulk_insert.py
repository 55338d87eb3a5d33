"""Many rows into one table at once: COPY on PostgreSQL, one executemany elsewhere.

On PostgreSQL a batch of rows (`COPY_FROM` or more) goes in as `COPY table (columns)
FROM STDIN` on the session's own connection, in its transaction: psycopg formats
the rows in C and the server parses one stream, where an executemany sends, binds
and executes an INSERT per row and a VALUES list or arrays for `unnest` cost more
to build and quote in Python than the rows themselves (measured on the bulk COA
handover, docs/operations.md). A few rows (an ordinary request's audit row) go as
an INSERT: one round trip where COPY takes two. On SQLite the rows go as an
executemany (sqlite3 loops over them in C).

The column types' own conversions (JSONB documents, UTC timestamps) apply to every
value, and Python-side column defaults (a new UUID, the time of now) are filled in
per row, as an INSERT would. A database error is raised as SQLAlchemy's (an
`IntegrityError` for a duplicate key), without the values, as from any statement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import CallableColumnDefault, ScalarElementColumnDefault

COPY_FROM = 50
"""From this many rows on, PostgreSQL gets them by COPY."""


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (each with the same columns) into `table` in the session's transaction."""
    if not rows:
        return
    dialect = session.get_bind().dialect
    if dialect.name != "postgresql" or len(rows) < COPY_FROM:
        session.execute(insert(table), rows)
        return
    session.flush()  # what the ORM has pending goes first, as before any statement
    given = list(rows[0])
    defaults = _python_defaults(table, frozenset(given))
    names = [*given, *(name for name, _ in defaults)]
    converters = [_converter(table, name, dialect) for name in names]
    preparer = dialect.identifier_preparer
    columns = ", ".join(preparer.quote(name) for name in names)
    copy_statement = f"COPY {preparer.format_table(table)} ({columns}) FROM STDIN"
    cursor = session.connection().connection.cursor()
    with _as_sqlalchemy_error(dialect, copy_statement), cursor.copy(copy_statement) as copy:
        for row in rows:
            values = [*(row[name] for name in given), *(default() for _, default in defaults)]
            copy.write_row([convert(value) for convert, value in zip(converters, values, strict=True)])


def _python_defaults(table: Table, given: frozenset[str]) -> list[tuple[str, Callable[[], Any]]]:
    """The columns left out of the rows whose default Python computes, each with a function giving it."""
    defaults: list[tuple[str, Callable[[], Any]]] = []
    for column in table.columns:
        default = column.default
        if column.key in given or default is None:
            continue
        if isinstance(default, CallableColumnDefault):
            # SQLAlchemy wraps a default of no arguments (ours: new_uuid, utcnow) to take a context.
            defaults.append((column.key, partial(default.arg, cast(Any, None))))
        elif isinstance(default, ScalarElementColumnDefault):
            defaults.append((column.key, partial(_same, default.arg)))
    return defaults


def _same(value: Any) -> Any:
    return value


def _converter(table: Table, name: str, dialect: Dialect) -> Callable[[Any], Any]:
    """The column type's conversion of a Python value for the driver (a JSONB document wrapped, ...)."""
    process = table.c[name].type._cached_bind_processor(dialect)
    return process if process is not None else _same


@contextmanager
def _as_sqlalchemy_error(dialect: Dialect, statement: str) -> Iterator[None]:
    dbapi_error = dialect.loaded_dbapi.Error
    try:
        yield
    except dbapi_error as error:
        raise DBAPIError.instance(statement, None, error, dbapi_error, hide_parameters=True) from error
