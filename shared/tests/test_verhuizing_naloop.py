"""The naloop of a hand-over (`inburgering_shared.verhuizing.naloop`) on both lanes: on PostgreSQL it runs
once the outermost transaction commits, not when an event's savepoint is released, and only for a
hand-over that is committed; on SQLite none is needed (every transaction begins IMMEDIATE)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from inburgering_shared import verhuizing
from inburgering_shared.audit import AUDITTRAIL, audit_table
from inburgering_shared.db import make_engine
from inburgering_shared.testing import DatabaseBackend
from inburgering_shared.verhuizing import Overdracht, draag_over
from sqlalchemy import Column, MetaData, String, Table, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

METADATA = MetaData()
audit_table(METADATA)
TRAJECT = Table(
    "traject",
    METADATA,
    Column("id", String(36), primary_key=True),
    Column("inburgeraar_url", String(300)),
    Column("gemeentecode", String(6)),
)
URL = "http://intake.test/v1/inburgeraars/0d1f3c56-9a0e-4b8e-8a43-3f2d6c1b9e10"
OVERDRACHT = Overdracht("GM0171", "GM0200", date(2026, 12, 1), "SS121")


@pytest.fixture
def engine(database_backend: DatabaseBackend) -> Iterator[Engine]:
    engine = make_engine(database_backend.url_for(f"naloop_{uuid.uuid4().hex[:8]}"))
    METADATA.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(TRAJECT).values(id="t1", inburgeraar_url=URL, gemeentecode="GM0171"))
    yield engine
    engine.dispose()


def test_the_naloop_waits_for_the_outermost_commit(engine, monkeypatch):
    gedaan: list[str] = []
    monkeypatch.setattr(verhuizing, "_wacht_op_eerder_begonnen", lambda connection: gedaan.append("gewacht"))
    with Session(engine) as session:
        with session.begin_nested():  # as an event's handlers run (callbacks.py)
            assert draag_over(session, URL, OVERDRACHT, bron="test") == 1
        assert gedaan == []  # the savepoint is released; the hand-over is not committed yet
        session.commit()
    assert gedaan == (["gewacht"] if engine.dialect.name == "postgresql" else [])
    with engine.connect() as connection:
        assert connection.scalar(select(TRAJECT.c.gemeentecode)) == "GM0200"
        acties = connection.scalars(select(AUDITTRAIL.c.actie)).all()
    assert acties == ["overdragen"]  # recorded once, also by the naloop


def test_a_hand_over_rolled_back_owes_no_naloop(engine, monkeypatch):
    monkeypatch.setattr(verhuizing, "_wacht_op_eerder_begonnen", lambda connection: None)
    with Session(engine) as session:
        with session.begin_nested() as savepoint:
            draag_over(session, URL, OVERDRACHT, bron="test")
            savepoint.rollback()  # the event was refused: its hand-over is undone
        session.commit()  # what else the request wrote (its audit row) is kept
    with engine.connect() as connection:
        assert connection.scalar(select(TRAJECT.c.gemeentecode)) == "GM0171"
        assert connection.scalars(select(AUDITTRAIL.c.actie)).all() == []
