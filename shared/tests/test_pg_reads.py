"""The hot reads on PostgreSQL by psycopg itself (`pg_reads`): the rows SQLAlchemy would give.

The same statement, read through SQLAlchemy and through `PostgresReads`, gives the same values
(an instant in UTC, a JSON document, a decimal, a UUID, a date), with `_mapping` and attribute
access as a SQLAlchemy row has them; a data-modifying CTE commits what it writes; a failed
statement is `ReadFailed` and writes nothing; a connection the server dropped costs no read.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import anyio
import pytest
from inburgering_shared.db import JsonDocument, ReadFailed, UTCDateTime, Uuid, make_engine
from inburgering_shared.pg_reads import PostgresReads
from inburgering_shared.testing import DatabaseBackend
from sqlalchemy import (
    Column,
    Date,
    MetaData,
    Numeric,
    String,
    Table,
    bindparam,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Engine

METADATA = MetaData()
DOSSIER = Table(
    "dossier",
    METADATA,
    Column("id", Uuid, primary_key=True),
    Column("naam", String(40), nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
    Column("document", JsonDocument),
    Column("bedrag", Numeric(8, 2)),
    Column("datum", Date),
)
GELEZEN = Table("gelezen", METADATA, Column("id", Uuid, primary_key=True), Column("naam", String(40)))
NAMEN = select(DOSSIER).where(DOSSIER.c.naam.in_(bindparam("namen", expanding=True))).order_by(DOSSIER.c.naam)


@pytest.fixture
def url_and_engine(database_backend: DatabaseBackend) -> Iterator[tuple[str, Engine]]:
    if database_backend.name != "postgresql":
        pytest.skip("PostgreSQL's own read path; SQLite's hot reads go through aiosqlite")
    url = database_backend.url_for(f"pgreads_{uuid.uuid4().hex[:8]}")
    engine = make_engine(url)
    METADATA.create_all(engine)
    with engine.begin() as connection:
        connection.execute(
            insert(DOSSIER),
            [
                {
                    "id": uuid.uuid4(),
                    "naam": naam,
                    "gewijzigd": datetime(2026, 12, 4, 9, 30, tzinfo=UTC),
                    "document": {"talen": ["ar", "nl"], "diep": {"ja": True}} if naam == "a" else None,
                    "bedrag": Decimal("12.50") if naam == "a" else None,
                    "datum": date(2026, 1, 5),
                }
                for naam in ("a", "b", "c")
            ],
        )
    yield url, engine
    engine.dispose()


def _read(reads: PostgresReads, statement: Any, values: dict[str, Any]) -> list[Any]:
    async def read_and_close() -> list[Any]:
        try:
            return await reads.read(statement, (), values)
        finally:
            await reads.close()

    return anyio.run(read_and_close)


def test_the_rows_are_those_sqlalchemy_gives(url_and_engine: tuple[str, Engine]) -> None:
    url, engine = url_and_engine
    with engine.connect() as connection:
        expected = list(connection.execute(NAMEN, {"namen": ["a", "c"]}))
    reads = PostgresReads(url, connections=2)
    for namen in (["a", "c"], ["c", "a", "x"]):  # a second length of the IN list: compiled anew
        got = _read(reads, NAMEN, {"namen": namen})
        assert [tuple(row) for row in got] == [tuple(row) for row in expected]
        assert [dict(row._mapping) for row in got] == [dict(row._mapping) for row in expected]
    assert got[0].gewijzigd == datetime(2026, 12, 4, 9, 30, tzinfo=UTC) and got[0].gewijzigd.tzinfo is UTC
    assert got[0].document == {"talen": ["ar", "nl"], "diep": {"ja": True}}
    assert got[0].bedrag == Decimal("12.50")


def test_a_percent_sign_and_a_parameter_used_twice_are_read_as_written(
    url_and_engine: tuple[str, Engine],
) -> None:
    url, engine = url_and_engine
    naam = bindparam("naam", type_=String)
    statement = (
        select(literal_column("'100%'").label("deel"), DOSSIER.c.naam, func.concat(naam, naam).label("twee"))
        .where(or_(DOSSIER.c.naam == naam, DOSSIER.c.naam.in_(bindparam("namen", expanding=True))))
        .order_by(DOSSIER.c.naam)
    )
    with engine.connect() as connection:
        expected = list(connection.execute(statement, {"naam": "a", "namen": ["c"]}))
    got = _read(PostgresReads(url, connections=2), statement, {"naam": "a", "namen": ["c"]})
    assert (
        [tuple(row) for row in got]
        == [tuple(row) for row in expected]
        == [("100%", "a", "aa"), ("100%", "c", "aa")]
    )


def test_what_the_statement_writes_is_committed_and_a_failure_writes_nothing(
    url_and_engine: tuple[str, Engine],
) -> None:
    url, engine = url_and_engine
    asked = DOSSIER.c.naam == bindparam("naam")
    noted = insert(GELEZEN).from_select(
        ["id", "naam"], select(func.gen_random_uuid(), DOSSIER.c.naam).where(asked)
    )
    statement = select(DOSSIER.c.naam).where(asked).add_cte(noted.cte("noted"))
    reads = PostgresReads(url, connections=2)
    assert [row.naam for row in _read(reads, statement, {"naam": "b"})] == ["b"]
    failing = select(DOSSIER.c.naam, (func.length(DOSSIER.c.naam) / 0).label("x")).add_cte(noted.cte("noted"))
    with pytest.raises(ReadFailed):
        _read(reads, failing, {"naam": "c"})
    with engine.connect() as connection:
        assert connection.scalars(select(GELEZEN.c.naam)).all() == ["b"]


def test_a_connection_the_server_dropped_costs_no_read(url_and_engine: tuple[str, Engine]) -> None:
    url, engine = url_and_engine
    reads = PostgresReads(url, connections=2)
    pid = select(func.pg_backend_pid().label("pid"))

    async def read_twice() -> tuple[list[Any], int]:
        try:
            [first] = await reads.read(pid, (), {})
            with engine.connect() as connection:
                connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first.pid})
            rows = await reads.read(NAMEN, (), {"namen": ["b"]})
            [second] = await reads.read(pid, (), {})
            return rows, second.pid - first.pid
        finally:
            await reads.close()

    rows, moved = anyio.run(read_twice)
    assert [row.naam for row in rows] == ["b"]
    assert moved != 0
