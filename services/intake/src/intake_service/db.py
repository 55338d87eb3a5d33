"""Intake's database: its own metadata, with the outbox for its events."""

from inburgering_shared.audit import audit_table
from inburgering_shared.db import new_metadata
from inburgering_shared.idempotency import idempotency_table
from inburgering_shared.outbox import outbox_tables
from sqlalchemy.orm import DeclarativeBase

metadata = new_metadata()


class Base(DeclarativeBase):
    metadata = metadata


OUTBOX_TABLES = outbox_tables(metadata)
AUDITTRAIL = audit_table(metadata)
IDEMPOTENTIE = idempotency_table(metadata)
