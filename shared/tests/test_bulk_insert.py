"""Many rows in one go (`bulk_insert`) and a lookup of many values (`bulk_lookup`), on both lanes.

Above `COPY_FROM` rows PostgreSQL gets them by COPY, below it and on SQLite by INSERT: both must
store the same values, fill Python defaults per row, and raise a duplicate as IntegrityError.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from inburgering_shared.bulk_insert import COPY_FROM, insert_rows
from inburgering_shared.bulk_lookup import one_of
from inburgering_shared.db import JsonDocument, UTCDateTime, Uuid, make_engine, new_uuid, utcnow
from inburgering_shared.testing import DatabaseBackend
from sqlalchemy import Boolean, Column, Date, Integer, MetaData, String, Table, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

METADATA = MetaData()
RIJ = Table(
    "rij",
    METADATA,
    Column("id", Uuid, primary_key=True, default=new_uuid),
    Column("volgnummer", Integer, nullable=False),
    Column("soort", String(10), default="standaard"),
    Column("document", JsonDocument),
    Column("datum", Date),
    Column("aangemaakt", UTCDateTime, default=utcnow),
    Column("vlag", Boolean),
)
LASTIGE_TEKST = "tab\there, newline\n, backslash \\ and quotes '\" {braces} ,comma"


@pytest.fixture
def engine(database_backend: DatabaseBackend) -> Iterator[Engine]:
    engine = make_engine(database_backend.url_for(f"bulk_{uuid.uuid4().hex[:8]}"))
    METADATA.create_all(engine)
    yield engine
    engine.dispose()


def rows(count: int) -> list[dict[str, object]]:
    return [
        {
            "volgnummer": i,
            "document": {"tekst": LASTIGE_TEKST, "lijst": [i, None, {"diep": True}]} if i % 2 else [i],
            "datum": date(2026, 12, 3) if i % 3 else None,
            "vlag": None if i % 5 == 0 else i % 2 == 0,
        }
        for i in range(count)
    ]


@pytest.mark.parametrize("count", [1, COPY_FROM - 1, COPY_FROM, 3 * COPY_FROM])
def test_rows_are_stored_as_given_with_defaults_per_row(engine, count):
    given = rows(count)
    with Session(engine) as session, session.begin():
        insert_rows(session, RIJ, given)
    with Session(engine) as session:
        stored = session.execute(select(RIJ).order_by(RIJ.c.volgnummer)).mappings().all()
    assert [{k: r[k] for k in given[0]} for r in stored] == given
    assert len({r["id"] for r in stored}) == count  # a new UUID for every row, not one per statement
    assert {r["soort"] for r in stored} == {"standaard"}
    assert all(r["aangemaakt"].tzinfo is not None for r in stored)


@pytest.mark.parametrize("count", [2, 3 * COPY_FROM])
def test_a_duplicate_key_is_an_integrity_error_and_the_transaction_goes_on(engine, count):
    bestaand = uuid.uuid4()
    with Session(engine) as session, session.begin():
        insert_rows(session, RIJ, [{"id": bestaand, "volgnummer": -1}])
        dubbel = [{"id": bestaand if i == count - 1 else uuid.uuid4(), "volgnummer": i} for i in range(count)]
        with pytest.raises(IntegrityError), session.begin_nested():
            insert_rows(session, RIJ, dubbel)
        insert_rows(session, RIJ, [{"id": uuid.uuid4(), "volgnummer": -2}])
    with Session(engine) as session:
        assert session.scalars(select(RIJ.c.volgnummer).order_by(RIJ.c.volgnummer)).all() == [-2, -1]


def test_one_of_finds_exactly_the_values_asked_for(engine):
    with Session(engine) as session, session.begin():
        insert_rows(session, RIJ, rows(3 * COPY_FROM))
        gevraagd = set(range(0, 3 * COPY_FROM, 7)) | {10_000}
        found = session.scalars(select(RIJ.c.volgnummer).where(one_of(session, RIJ.c.volgnummer, gevraagd)))
        assert set(found) == gevraagd - {10_000}
        none = select(func.count()).where(one_of(session, RIJ.c.volgnummer, []))
        assert session.scalar(none) == 0
